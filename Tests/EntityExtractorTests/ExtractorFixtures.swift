import DossierCore
@testable import EntityExtractor
import Foundation

/// Extractors for the tests: the bundled gazetteers with no tagger or with a
/// scripted one, so each rule is tested without depending on what a trained
/// model happens to say.
enum Fixtures {
    static let gazetteer: Gazetteer = try! Gazetteer.bundled()

    /// No tagger: gazetteers, rules and the analyst only.
    static let listsOnly = EntityExtractor(gazetteer: gazetteer, tagger: { _ in [] })

    /// A tagger that labels every occurrence of each phrase (matched token by token).
    static func scripted(_ phrases: [(String, CoNLLLabel)], lexicon: AnalystLexicon = AnalystLexicon()) -> EntityExtractor {
        let patterns = phrases.map { phrase, label in
            (TokenizedText(text: phrase).tokens.count, Array(phrase.utf8), label)
        }
        return EntityExtractor(gazetteer: gazetteer, lexicon: lexicon, tagger: { text in
            var spans: [TaggedSpan] = []
            for (count, bytes, label) in patterns where count > 0 {
                for start in 0...max(0, text.tokens.count - count) where start + count <= text.tokens.count {
                    let words = (start..<(start + count)).map { text.text(of: text.tokens[$0]) }.joined(separator: " ")
                    if Array(words.utf8) == bytes || words == String(decoding: bytes, as: UTF8.self) {
                        spans.append(TaggedSpan(tokens: start..<(start + count), label: label))
                    }
                }
            }
            return spans.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        })
    }

    /// The bundled model and gazetteers, or nil while no model is bundled.
    static let bundled: EntityExtractor? = try? EntityExtractor.bundled()

    static func seed(_ name: String) -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds").appendingPathComponent(name)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}

extension [Mention] {
    func texts(_ type: EntityType? = nil) -> [String] {
        filter { type == nil || $0.type == type }.map(\.text)
    }

    func first(_ text: String) -> Mention? {
        first { $0.text == text }
    }
}
