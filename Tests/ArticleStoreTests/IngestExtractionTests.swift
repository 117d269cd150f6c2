import DossierCore
import Foundation
import Testing
@testable import ArticleStore

/// Ingest and re-extraction find mentions on all cores; each article must still get its own.
@Suite struct IngestExtractionTests {
    @Test func parallelExtractionKeepsEachArticlesMentions() {
        let drafts = (0..<300).map { ArticleDraft(title: "t\($0)", body: "Person\($0) " + String(repeating: "word ", count: $0 % 37)) }
        let mentions = FirstWordExtractor().mentions(inEach: drafts.map(\.body))
        #expect(mentions.count == drafts.count)
        #expect(mentions.map { $0.first?.text } == (0..<300).map { "Person\($0)" })
    }

    @Test func ingestStoresTheMentionsWithTheirArticles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = (0..<120).map { index in
            #"{"title": "Story \#(index)", "body": "Person\#(index) spoke about item \#(index) today.", "published": "2025-04-10"}"#
        }
        let file = directory.appendingPathComponent("articles.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let store = try SQLiteStore(path: ":memory:")
        let report = Ingestor(store: store, extractor: FirstWordExtractor()).ingest(paths: [file.path])
        #expect(report.added.count == 120)
        for id in report.added {
            let article = try #require(try store.article(id: id))
            let stored = try store.mentions(inArticle: id).map(\.mention.text)
            #expect(stored == [String(article.draft.body.prefix { $0 != " " })])
        }
    }

    /// Names the last word of a text (before the stop) as a PERSON: a "new model".
    struct LastWordExtractor: MentionExtractor {
        var version: String { "last-word-2" }
        func mentions(in text: String) -> [Mention] {
            let words = text.split(separator: " ")
            guard let last = words.last?.trimmingCharacters(in: .punctuationCharacters) else { return [] }
            let start = text.utf8.count - last.utf8.count - (text.hasSuffix(".") ? 1 : 0) + 1
            return [Mention(text: last, type: .person, entity: last, entityType: .person, start: start,
                            stop: start + last.utf8.count - 1, sentence: 1, source: .model)]
        }
    }

    @Test func reextractionGivesEveryArticleTheNewExtractorsMentions() throws {
        let store = try SQLiteStore(path: ":memory:")
        let drafts = (0..<40).map { ArticleDraft(title: "t\($0)", body: "First\($0) met Last\($0).") }
        let outcomes = try store.add(drafts, mentions: FirstWordExtractor().mentions(inEach: drafts.map(\.body)),
                                     extractorVersion: FirstWordExtractor().version)
        #expect(outcomes.count == 40)
        var reextraction = MentionReextraction(store: store, extractor: LastWordExtractor())
        reextraction.batchSize = 7
        #expect(try reextraction.run() == 40)
        for index in 0..<40 {
            let hit = try #require(try store.search(SearchQuery(text: "First\(index)")).first)
            let stored = try store.mentions(inArticle: hit.article.id).map(\.mention)
            #expect(stored.map(\.text) == ["Last\(index)"])
            let mention = try #require(stored.first)
            let bytes = Array(hit.article.draft.body.utf8)[(mention.start - 1)..<mention.stop]
            #expect(String(decoding: bytes, as: UTF8.self) == "Last\(index)")
        }
        #expect(try reextraction.run() == 0)
    }

    /// Calls every text that says "Guten Tag" German.
    struct GreetingLanguageExtractor: MentionExtractor {
        var version: String { "greeting-1" }
        func mentions(in text: String) -> [Mention] { [] }
        func foreignLanguage(of text: String) -> String? { text.contains("Guten Tag") ? "de" : nil }
    }

    @Test func ingestFlagsTheLanguageOfABodyTheExtractorCannotReadUnlessTheSourceDeclaredOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-language-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("articles.jsonl")
        try """
            {"title": "Eins", "body": "Guten Tag, sagte er."}
            {"title": "Zwei", "body": "Guten Tag, sagte sie.", "language": "de-AT"}
            {"title": "Three", "body": "Good morning, he said."}
            """.write(to: file, atomically: true, encoding: .utf8)
        let store = try SQLiteStore(path: ":memory:")
        let report = Ingestor(store: store, extractor: GreetingLanguageExtractor()).ingest(paths: [file.path])
        try #require(report.added.count == 3)
        #expect(try report.added.examples.map { try store.article(id: $0)?.draft.language } == ["de", "de-AT", nil])
    }
}
