import DossierCore
import EntityExtractor
import Foundation

/// `dossier eval ner --web DIR`: the extractor on hand-judged web news
/// (`eval/webnews`: `articles/*.txt` and `judgements.tsv`, see its README).
extension EvalNERCommand {
    func scoreWeb(_ directory: String, extractor: EntityExtractor) throws {
        let root = URL(fileURLWithPath: directory)
        let judgements = try WebNewsJudgements(contentsOf: root.appendingPathComponent("judgements.tsv"))
        let folder = root.appendingPathComponent("articles")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        let foreign = try Self.languages(root.appendingPathComponent("languages.tsv"))
        var score = WebNewsJudgements.Score()
        var foreignMentions = 0
        var contexts: [WebNewsJudgements.Key: String] = [:]
        var bytes = 0
        for file in files {
            let article = String(file.dropLast(4))
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            bytes += text.utf8.count
            let mentions = extractor.extract(text)
            if foreign[article] != nil {
                foreignMentions += mentions.count
                continue
            }
            judgements.score(article: article, predicted: mentions, into: &score)
            for mention in mentions {
                let key = WebNewsJudgements.Key(article: article, text: mention.text, type: mention.type)
                if contexts[key] == nil { contexts[key] = Self.context(of: mention, in: text) }
            }
        }
        let unjudged = score.unjudged.values.reduce(0, +)
        print("\(files.count - foreign.count) English articles, \(bytes) bytes; \(foreign.count) others, where \(foreignMentions) mentions were found (should be none)")
        print("mentions: \(score.right) right, \(score.wrong) wrong, \(unjudged) unjudged: precision \(percent(score.precision))%")
        print("names: \(score.namesFound) of \(score.names) right names found: recall \(percent(score.recall))%")
        let order: (WebNewsJudgements.Key, WebNewsJudgements.Key) -> Bool = { ($0.article, $0.text) < ($1.article, $1.text) }
        if verbose {
            for (key, count) in score.wrongByKey.sorted(by: { order($0.key, $1.key) }) {
                print("  wrong:    \(key.article)  \(key.text) \(key.type.rawValue)\(count > 1 ? " x\(count)" : "")")
            }
            for key in score.missedNames.sorted(by: order) { print("  missed:   \(key.article)  \(key.text) \(key.type.rawValue)") }
        }
        // In the judgement file's own format, for the judge to fill in.
        for (key, _) in score.unjudged.sorted(by: { order($0.key, $1.key) }) {
            print("unjudged\t\(key.article)\t\(key.text)\t\(key.type.rawValue)\t?\t\(contexts[key] ?? "")")
        }
    }

    /// `languages.tsv`: article and language of the articles not in English.
    private static func languages(_ url: URL) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        var languages: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t").map(String.init)
            if columns.count == 2 { languages[columns[0]] = columns[1] }
        }
        return languages
    }

    /// The mention with up to 40 bytes either side, on one line.
    private static func context(of mention: Mention, in text: String) -> String {
        let utf8 = Array(text.utf8)
        let from = max(0, mention.start - 41)
        let to = min(utf8.count, mention.stop + 40)
        let before = String(decoding: utf8[from..<(mention.start - 1)], as: UTF8.self)
        let after = String(decoding: utf8[mention.stop..<to], as: UTF8.self)
        return (before + "[[" + mention.text + "]]" + after).replacingOccurrences(of: "\n", with: " ⏎ ")
            .replacingOccurrences(of: "\t", with: " ")
    }
}
