import DossierCore
import Foundation

/// One document of SemEval-2015 Task 4 ("TimeLine: Cross-Document Event
/// Ordering") in the task's CAT XML, Track A (raw text): tokens numbered by
/// sentence, and the document creation time.
///
/// The text is rebuilt from the tokens the way it was written (no space before
/// a comma or after an opening bracket), one sentence per line, and every token
/// keeps its byte range, so an event found in the text maps back to the
/// task's event id "DOC-SENTENCE-TOKEN".
public struct TimelineTaskDocument: Sendable {
    public struct Token: Hashable, Sendable {
        public var text: String
        /// The task's sentence number (0 is the title, 1 usually the date line).
        public var sentence: Int
        /// 0-based, half-open bytes in `text` of the document.
        public var range: Range<Int>
    }

    public var id: String
    public var name: String
    public var text: String
    public var tokens: [Token]
    /// The creation time's TIMEX3 value ("2005-01-18").
    public var creationTime: String?

    public var published: PublicationDate? { creationTime.flatMap(TimeMLDocument.publicationDate) }

    /// The title (sentence 0) as written.
    public var title: String {
        let first = tokens.prefix { $0.sentence == 0 }
        guard let start = first.first?.range.lowerBound, let end = first.last?.range.upperBound else { return "" }
        return String(decoding: Array(text.utf8)[start..<end], as: UTF8.self)
    }

    /// The token whose bytes hold `offset` (0-based), or nil between tokens.
    public func token(at offset: Int) -> Token? {
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < tokens.count, tokens[low].range.contains(offset) else { return nil }
        return tokens[low]
    }

    /// Parses a CAT file. Tokens are one per line, as the task distributes them.
    public init(contents: String, fallbackName: String) throws {
        var id = ""
        var name = fallbackName
        var pieces: [(text: String, sentence: Int)] = []
        var creationTime: String?
        for (number, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.contains("<Document") {
                id = Self.attribute("doc_id", in: line) ?? ""
                name = Self.attribute("doc_name", in: line) ?? fallbackName
            }
            if line.contains("<token ") {
                guard let sentence = Self.attribute("sentence", in: line).flatMap({ Int($0) }),
                      let open = line.firstIndex(of: ">"), let close = line.range(of: "</token>")?.lowerBound, open < close
                else { throw TimelineTaskError.malformed(file: fallbackName, line: number + 1, what: "token") }
                pieces.append((Self.decodeEntities(String(line[line.index(after: open)..<close])), sentence))
            }
            if line.contains("<TIMEX3"), line.contains("CREATION_TIME") {
                creationTime = Self.attribute("value", in: line)
            }
        }
        guard !id.isEmpty else { throw TimelineTaskError.malformed(file: fallbackName, line: 1, what: "Document doc_id") }
        var text: [UInt8] = []
        var tokens: [Token] = []
        var previous: (text: String, sentence: Int)?
        for piece in pieces {
            if let previous {
                if previous.sentence != piece.sentence {
                    text.append(UInt8(ascii: "\n"))
                    // The title and the date line stand apart, as in the article.
                    if previous.sentence <= 1 { text.append(UInt8(ascii: "\n")) }
                } else if !Self.attachesToPrevious(piece.text) && !Self.opens(previous.text) {
                    text.append(UInt8(ascii: " "))
                }
            }
            let start = text.count
            text += piece.text.utf8
            tokens.append(Token(text: piece.text, sentence: piece.sentence, range: start..<text.count))
            previous = piece
        }
        self.id = id
        self.name = name
        self.text = String(decoding: text, as: UTF8.self)
        self.tokens = tokens
        self.creationTime = creationTime
    }

    public static func load(directory: String) throws -> [TimelineTaskDocument] {
        let url = URL(fileURLWithPath: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".xml") }.sorted()
        return try names.map { name in
            let contents = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            return try TimelineTaskDocument(contents: contents, fallbackName: name)
        }
    }

    private static func attachesToPrevious(_ token: String) -> Bool {
        [",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "'S"].contains(token)
    }

    private static func opens(_ token: String) -> Bool {
        ["(", "[", "$", "£", "€"].contains(token)
    }

    static func attribute(_ name: String, in line: Substring) -> String? {
        guard let range = line.range(of: " \(name)=\"") else { return nil }
        let rest = line[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return decodeEntities(String(rest[..<end]))
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

public enum TimelineTaskError: Error, CustomStringConvertible {
    case malformed(file: String, line: Int, what: String)
    case missing(String)

    public var description: String {
        switch self {
        case .malformed(let file, let line, let what): return "\(file):\(line): cannot read the \(what)"
        case .missing(let what): return what
        }
    }
}

/// A timeline in the task's format: a title line (the target), then one line
/// per position, "ORDINAL<TAB>DATE<TAB>EVENT<TAB>EVENT...", events written
/// "DOC-SENTENCE-TOKEN". Ordinal 0 holds events the annotators could not place.
public struct TaskTimeline: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public var ordinal: Int
        public var date: String
        public var events: [String]

        public init(ordinal: Int, date: String, events: [String]) {
            self.ordinal = ordinal
            self.date = date
            self.events = events
        }
    }

    public var target: String
    public var lines: [Line]

    public init(target: String, lines: [Line]) {
        self.target = target
        self.lines = lines
    }

    public init(contents: String, file: String) throws {
        var rows = contents.split(whereSeparator: \.isNewline).map(String.init)
        guard !rows.isEmpty else { throw TimelineTaskError.malformed(file: file, line: 1, what: "target line") }
        target = rows.removeFirst().trimmingCharacters(in: .whitespaces)
        lines = []
        for (number, row) in rows.enumerated() where !row.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = row.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard fields.count >= 3, let ordinal = Int(fields[0]) else {
                throw TimelineTaskError.malformed(file: file, line: number + 2, what: "timeline line")
            }
            lines.append(Line(ordinal: ordinal, date: fields[1], events: Array(fields[2...])))
        }
    }

    public var rendered: String {
        ([target] + lines.map { "\($0.ordinal)\t\($0.date)\t" + $0.events.joined(separator: "\t") }).joined(separator: "\n") + "\n"
    }

    /// The file name the task uses for a target: "Airbus A380" -> "airbus_a380.txt".
    public static func fileName(for target: String) -> String {
        target.lowercased().replacingOccurrences(of: " ", with: "_") + ".txt"
    }
}
