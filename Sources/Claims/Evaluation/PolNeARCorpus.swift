import DossierCore
import Foundation

/// One gold attribution of PolNeAR, in byte offsets into the text's UTF-8.
public struct GoldAttribution: Sendable {
    public var source: [ByteSpan]
    public var cue: [ByteSpan]
    public var content: [ByteSpan]

    public init(source: [ByteSpan], cue: [ByteSpan], content: [ByteSpan]) {
        self.source = source
        self.cue = cue
        self.content = content
    }
}

/// One PolNeAR document: text and gold attributions of one annotator.
public struct PolNeARDocument: Sendable {
    public var name: String
    public var annotator: String
    public var text: String
    public var attributions: [GoldAttribution]
}

/// Reads PolNeAR's brat standoff: `text/NAME.txt` and
/// `attributions/NAME_ANNOTATOR.ann`. T lines are labelled spans in
/// code-point offsets (discontinuous ones as "a b;c d"); an E line ties one
/// attribution's Cue, Source and Content/Content2/... spans together. Where a
/// text has several annotators, the alphabetically first annotation file is
/// the gold, so every run scores against the same one.
public enum PolNeARCorpus {
    public enum LoadError: Error, CustomStringConvertible {
        case missingFolder(String)
        case unreadable(String)
        case malformed(file: String, line: Int, reason: String)

        public var description: String {
            switch self {
            case let .missingFolder(path): return "\(path): no text/ and attributions/ folders (a PolNeAR compartment)"
            case let .unreadable(path): return "\(path): cannot be read as UTF-8"
            case let .malformed(file, line, reason): return "\(file):\(line): \(reason)"
            }
        }
    }

    public static func load(directory: String) throws -> [PolNeARDocument] {
        let root = URL(fileURLWithPath: directory)
        let textFolder = root.appendingPathComponent("text"), annotationFolder = root.appendingPathComponent("attributions")
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: annotationFolder.path).filter { $0.hasSuffix(".ann") }.sorted()
        } catch {
            throw LoadError.missingFolder(directory)
        }
        var documents: [PolNeARDocument] = []
        var seen: Set<String> = []
        for file in files {
            let stem = String(file.dropLast(4))
            guard let underscore = stem.lastIndex(of: "_") else { continue }
            let name = String(stem[..<underscore])
            guard seen.insert(name).inserted else { continue }
            let textPath = textFolder.appendingPathComponent(name + ".txt").path
            let annotationPath = annotationFolder.appendingPathComponent(file).path
            guard let text = try? String(contentsOfFile: textPath, encoding: .utf8) else { throw LoadError.unreadable(textPath) }
            guard let annotation = try? String(contentsOfFile: annotationPath, encoding: .utf8) else {
                throw LoadError.unreadable(annotationPath)
            }
            let attributions = try parse(annotation, text: text, file: annotationPath)
            documents.append(PolNeARDocument(name: name, annotator: String(stem[stem.index(after: underscore)...]),
                                             text: text, attributions: attributions))
        }
        return documents
    }

    /// The attributions of one .ann file, offsets converted from code points to bytes.
    public static func parse(_ annotation: String, text: String, file: String) throws -> [GoldAttribution] {
        var byteOffset: [Int] = []
        byteOffset.reserveCapacity(text.unicodeScalars.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            byteOffset.append(offset)
            offset += UTF8.width(scalar)
        }
        byteOffset.append(offset)

        var spans: [String: [ByteSpan]] = [:]
        var events: [(line: Int, fields: [Substring])] = []
        var lineNumber = 0
        for line in annotation.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard let id = columns.first, columns.count >= 2 else { continue }
            if id.hasPrefix("T") {
                guard let space = columns[1].firstIndex(of: " ") else {
                    throw LoadError.malformed(file: file, line: lineNumber, reason: "a T line without offsets")
                }
                var ranges: [ByteSpan] = []
                for piece in columns[1][columns[1].index(after: space)...].split(separator: ";") {
                    let bounds = piece.split(separator: " ")
                    guard bounds.count == 2, let start = Int(bounds[0]), let end = Int(bounds[1]), start >= 0, start <= end,
                          end < byteOffset.count else {
                        throw LoadError.malformed(file: file, line: lineNumber, reason: "offsets '\(piece)' outside the text")
                    }
                    ranges.append(byteOffset[start]..<byteOffset[end])
                }
                spans[String(id)] = ranges
            } else if id.hasPrefix("E") {
                events.append((lineNumber, columns[1].split(separator: " ")))
            }
        }
        var attributions: [GoldAttribution] = []
        for (line, fields) in events {
            var gold = GoldAttribution(source: [], cue: [], content: [])
            for field in fields {
                let parts = field.split(separator: ":")
                guard parts.count == 2 else { continue }
                guard let ranges = spans[String(parts[1])] else {
                    throw LoadError.malformed(file: file, line: line, reason: "refers to \(parts[1]), which is not defined")
                }
                if parts[0] == "Source" { gold.source += ranges }
                else if parts[0] == "Cue" { gold.cue += ranges }
                else if parts[0].hasPrefix("Content") { gold.content += ranges }
            }
            // Attributions without a cue or content are unfinished annotations.
            if !gold.cue.isEmpty, !gold.content.isEmpty { attributions.append(gold) }
        }
        return attributions
    }
}
