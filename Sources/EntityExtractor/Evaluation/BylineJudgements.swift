import DossierCore
import Foundation

/// Hand-judged byline authors (`eval/bylines/judgements.tsv`: page, byline,
/// author, kind; one line per author, a byline's authors in order) and the
/// score of `EntityExtractor.authors(inByline:)` against them: whether each
/// name is cut out as written, and typed as judged.
public struct BylineJudgements: Sendable {
    public struct Byline: Sendable {
        public var text: String
        public var authors: [BylineAuthor]
    }

    public private(set) var bylines: [Byline] = []

    /// Reads the file; a malformed line is an error naming its number.
    public init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var index: [String: Int] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let kind = BylineAuthor.Kind(rawValue: fields[3]), !fields[1].isEmpty, !fields[2].isEmpty else {
                throw BylineJudgementsError(message: "\(url.lastPathComponent) line \(number + 1): expected page, byline, author and "
                    + "a kind (\(BylineAuthor.Kind.allCases.map(\.rawValue).joined(separator: ", "))) separated by tabs")
            }
            let key = fields[0] + "\t" + fields[1]
            if index[key] == nil {
                index[key] = bylines.count
                bylines.append(Byline(text: fields[1], authors: []))
            }
            if let at = index[key] { bylines[at].authors.append(BylineAuthor(name: fields[2], kind: kind)) }
        }
    }

    public struct Score: Sendable {
        public var bylines = 0
        public var authors = 0
        /// Judged authors the reader cut out with exactly their name.
        public var namesFound = 0
        /// Of those, typed as judged.
        public var kindsRight = 0
        /// Names the reader gave that no judgement has (a byline cut wrongly).
        public var spuriousNames = 0
        /// Authors the reader typed (not `unknown`) whose name is judged, and of them typed right.
        public var typed = 0
        public var typedRight = 0
        /// Judged kind -> read kind -> count, for the names found.
        public var confusion: [BylineAuthor.Kind: [BylineAuthor.Kind: Int]] = [:]
        /// "byline: read -> judged" for every miss.
        public var misses: [String] = []
    }

    public func score(_ read: (String) -> [BylineAuthor]) -> Score {
        var score = Score()
        for byline in bylines {
            score.bylines += 1
            let found = read(byline.text)
            score.authors += byline.authors.count
            for author in byline.authors {
                guard let match = found.first(where: { $0.name == author.name }) else { continue }
                score.namesFound += 1
                if match.kind == author.kind { score.kindsRight += 1 }
                score.confusion[author.kind, default: [:]][match.kind, default: 0] += 1
            }
            for author in found {
                guard let judged = byline.authors.first(where: { $0.name == author.name }) else {
                    score.spuriousNames += 1
                    continue
                }
                if author.kind != .unknown {
                    score.typed += 1
                    if author.kind == judged.kind { score.typedRight += 1 }
                }
            }
            if found != byline.authors {
                let shown = { (authors: [BylineAuthor]) in authors.map { "\($0.name) [\($0.kind.rawValue)]" }.joined(separator: "; ") }
                score.misses.append("\(byline.text): \(shown(found)) -> judged \(shown(byline.authors))")
            }
        }
        return score
    }
}

public struct BylineJudgementsError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
