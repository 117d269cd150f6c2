import DossierCore
import Foundation

/// Hand judgements of the mentions the extractor finds in real web news
/// (`eval/webnews/judgements.tsv`), for precision with recall estimated.
///
/// One line per name an article holds, `article<TAB>text<TAB>type<TAB>verdict`
/// (a fifth column is a free note):
///
/// - `ok`: a mention of that text and type is a right mention;
/// - `missed`: a right mention of that text and type the extractor did not find
///   when the article was judged (a later version may find it: it then counts
///   as right);
/// - `wrong`: a mention of that text and type is wrong (no entity, wrong type or
///   wrong span).
///
/// Judged by text and type, not offsets: the same words in one article are one
/// judgement, and the file survives changes of the extractor. Mentions nobody
/// judged are reported, never counted either way.
public struct WebNewsJudgements: Sendable {
    public enum Verdict: String, Sendable {
        case ok, missed, wrong
    }

    public struct Key: Hashable, Sendable {
        public var article: String
        public var text: String
        public var type: EntityType

        public init(article: String, text: String, type: EntityType) {
            self.article = article
            self.text = text
            self.type = type
        }
    }

    public private(set) var verdicts: [Key: Verdict] = [:]

    public init(contentsOf url: URL) throws {
        try self.init(text: String(contentsOf: url, encoding: .utf8), path: url.path)
    }

    public init(text: String, path: String) throws {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 4, let type = EntityType(rawValue: columns[2]), let verdict = Verdict(rawValue: columns[3]) else {
                throw GoldFileError(path: path, line: number + 1,
                                    reason: "expected article, text, type (PERSON ORG GPE LOC NORP), verdict (ok missed wrong) separated by tabs")
            }
            let key = Key(article: columns[0], text: columns[1], type: type)
            if let earlier = verdicts[key], earlier != verdict {
                throw GoldFileError(path: path, line: number + 1, reason: "'\(columns[1])' \(type.rawValue) is judged both \(earlier.rawValue) and \(verdict.rawValue)")
            }
            verdicts[key] = verdict
        }
    }

    /// The articles judged.
    public var articles: Set<String> { Set(verdicts.keys.map(\.article)) }

    public struct Score: Sendable {
        /// Mentions (occurrences) judged right and wrong.
        public var right = 0
        public var wrong = 0
        /// Mentions nobody judged, by key.
        public var unjudged: [Key: Int] = [:]
        /// Right names (ok or missed, distinct per article) found at least once, and all of them.
        public var namesFound = 0
        public var names = 0
        public var wrongByKey: [Key: Int] = [:]
        public var missedNames: [Key] = []

        public init() {}

        public var precision: Double { right + wrong == 0 ? 0 : Double(right) / Double(right + wrong) }
        public var recall: Double { names == 0 ? 0 : Double(namesFound) / Double(names) }
    }

    /// Scores the mentions found in `article`.
    public func score(article: String, predicted: [Mention], into score: inout Score) {
        var found: Set<Key> = []
        for mention in predicted {
            let key = Key(article: article, text: mention.text, type: mention.type)
            switch verdicts[key] {
            case .ok?, .missed?:
                score.right += 1
                found.insert(key)
            case .wrong?:
                score.wrong += 1
                score.wrongByKey[key, default: 0] += 1
            case nil:
                score.unjudged[key, default: 0] += 1
            }
        }
        for (key, verdict) in verdicts where key.article == article && verdict != .wrong {
            score.names += 1
            if found.contains(key) { score.namesFound += 1 } else { score.missedNames.append(key) }
        }
    }
}
