import DossierCore
@testable import ArticleStore

/// A stand-in extractor for ingest tests that need mentions but not the
/// model: names the first word of a text as a PERSON.
struct FirstWordExtractor: MentionExtractor {
    var version: String { "first-word-1" }
    func mentions(in text: String) -> [Mention] {
        let word = String(text.prefix { $0 != " " })
        return [Mention(text: word, type: .person, entity: word, entityType: .person, start: 1,
                        stop: word.utf8.count, sentence: 1, source: .model)]
    }
}
