import DossierCore
import Foundation
import Testing
@testable import ArticleStore

/// Ingest extracts mentions on all cores; each article must still get its own.
@Suite struct IngestExtractionTests {
    /// Names the first word of a text as a PERSON.
    struct FirstWordExtractor: MentionExtractor {
        var version: String { "first-word-1" }
        func mentions(in text: String) -> [Mention] {
            let word = String(text.prefix { $0 != " " })
            return [Mention(text: word, type: .person, entity: word, entityType: .person, start: 1,
                            stop: word.utf8.count, sentence: 1, source: .model)]
        }
    }

    @Test func parallelExtractionKeepsEachArticlesMentions() {
        let drafts = (0..<300).map { ArticleDraft(title: "t\($0)", body: "Person\($0) " + String(repeating: "word ", count: $0 % 37)) }
        let mentions = Ingestor.mentions(in: drafts, by: FirstWordExtractor())
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
}
