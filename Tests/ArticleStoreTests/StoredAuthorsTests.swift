import DossierCore
import Foundation
import GRDB
import Testing
@testable import ArticleStore

/// The byline authors' column: its text form, a row edited by hand, and
/// ingest asking the extractor to type each byline.
@Suite struct StoredAuthorsTests {
    @Test func authorsReadBackExactlyAsWritten() throws {
        let authors = [BylineAuthor(name: "Jane Doe", kind: .person), BylineAuthor(name: "Dawn.com", kind: .organisation),
                       BylineAuthor(name: "Web Desk", kind: .desk), BylineAuthor(name: "jd42", kind: .unknown)]
        let text = try #require(StoredAuthors.text(authors))
        #expect(text == "person\tJane Doe\norganisation\tDawn.com\ndesk\tWeb Desk\nunknown\tjd42")
        #expect(try StoredAuthors.authors(text) == authors)
        #expect(StoredAuthors.text([]) == nil)
        #expect(try StoredAuthors.authors(nil) == [])
    }

    @Test func aTabOrLineBreakInANameCannotBreakTheColumn() throws {
        let text = StoredAuthors.text([BylineAuthor(name: "Jane\tDoe\nJr", kind: .person)])
        #expect(try StoredAuthors.authors(text) == [BylineAuthor(name: "Jane Doe Jr", kind: .person)])
    }

    @Test func aLineWithoutAKnownKindIsAnErrorNamingTheLine() {
        for bad in ["novelist\tJane Doe", "person Jane Doe", "person\t", "person\tJane\n"] {
            #expect(throws: StoredAuthorsError.self) { try StoredAuthors.authors(bad) }
        }
        do {
            _ = try StoredAuthors.authors("person\tJane Doe\nnovelist\tJohn Roe")
            Issue.record("a bad kind was read")
        } catch {
            #expect(error.message.contains("line 2") && error.message.contains("novelist"), "\(error.message)")
        }
    }

    @Test func aHandEditedAuthorsColumnIsAnErrorNamingTheArticle() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("authors-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try SQLiteStore(path: path)
            _ = try store.add([ArticleDraft(title: "One", byline: "Jane Doe", body: "First body.",
                                            authors: [BylineAuthor(name: "Jane Doe", kind: .person)]),
                               ArticleDraft(title: "Two", body: "Second body.")])
        }
        let database = try DatabaseQueue(path: path)
        try database.write { db in try db.execute(sql: "UPDATE article SET byline_authors = 'poet' || char(9) || 'X' WHERE id = 1") }
        try database.close()
        let store = try SQLiteStore(path: path)
        do {
            _ = try store.article(id: 1)
            Issue.record("a bad authors column was read")
        } catch {
            #expect(error.description.contains("article #1") && error.description.contains("byline_authors line 1"), "\(error)")
        }
        #expect(try store.article(id: 2)?.draft.title == "Two")
    }

    /// Types a byline's names by their first letter: enough to see that ingest
    /// and re-extraction ask the extractor and store what it says.
    struct InitialTypingExtractor: MentionExtractor {
        let version: String
        func mentions(in text: String) -> [Mention] { [] }
        func authors(inByline byline: String) -> [BylineAuthor] {
            byline.components(separatedBy: ", ").map { BylineAuthor(name: $0, kind: $0.hasPrefix("A") ? .organisation : .person) }
        }
    }

    @Test func ingestStoresTheAuthorsTheExtractorReads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-authors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("articles.jsonl")
        try """
            {"title": "One", "author": "AFP, Jane Doe", "body": "A story with a byline."}
            {"title": "Two", "body": "A story without one."}
            """.write(to: file, atomically: true, encoding: .utf8)
        let store = try SQLiteStore(path: ":memory:")
        let report = Ingestor(store: store, extractor: InitialTypingExtractor(version: "v1")).ingest(paths: [file.path])
        try #require(report.added.count == 2)
        #expect(try store.article(id: report.added.examples[0])?.draft.authors
            == [BylineAuthor(name: "AFP", kind: .organisation), BylineAuthor(name: "Jane Doe", kind: .person)])
        #expect(try store.article(id: report.added.examples[1])?.draft.authors == [])
    }

    @Test func reextractionReadsTheBylinesOfArticlesStoredBefore() throws {
        let store = try SQLiteStore(path: ":memory:")
        _ = try store.add([ArticleDraft(title: "Old", byline: "Jane Doe", body: "An article stored before authors were read.")],
                          mentions: [[]], extractorVersion: "v0")
        #expect(try MentionReextraction(store: store, extractor: InitialTypingExtractor(version: "v1")).run() == 1)
        #expect(try store.article(id: 1)?.draft.authors == [BylineAuthor(name: "Jane Doe", kind: .person)])
    }

    @Test func aStoreMadeBeforeAuthorsWereKeptUpgradesAndGetsThemFromReextraction() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pre-authors-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let old = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(old, upTo: "claim roles: index for store:claims{role=} filtered in SQL")
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO article (title, byline, body, word_count, content_hash, ingested_at)
                    VALUES ('Old', 'AFP, Jane Doe', 'Stored by an older Dossier.', 5, 'hash-1', 0)
                    """)
                try db.execute(sql: "INSERT INTO article_extraction (article_id, version) VALUES (1, 'v1')")
            }
            try old.close()
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.article(id: 1)?.draft.authors == [])
        // Its extractor version is current, so only a full re-extraction reads the byline.
        let extractor = InitialTypingExtractor(version: "v1")
        #expect(try MentionReextraction(store: store, extractor: extractor).run() == 0)
        #expect(try MentionReextraction(store: store, extractor: extractor).run(all: true) == 1)
        #expect(try store.article(id: 1)?.draft.authors
            == [BylineAuthor(name: "AFP", kind: .organisation), BylineAuthor(name: "Jane Doe", kind: .person)])
    }
}
