import ArticleStore
import DossierCore
import Foundation
@testable import PostgresStore
import PostgresTestSupport
import Testing

/// A PostgreSQL store written before byline authors were kept: its articles
/// read with no authors, and re-extraction writes them.
@Suite struct PostgresBylineAuthorsMigrationTests {
    @Test func articlesStoredBeforeTheAuthorsMigrationReadWithoutAuthorsUntilReextracted() throws {
        guard let url = try olderPostgresStore(before: "byline authors: the byline's names typed person, organisation, desk or unknown", { session in
            try session.execute("""
                INSERT INTO article (id, title, byline, body, word_count, content_hash, ingested_at)
                VALUES (1, 'Old', 'AP', 'Stored by an older Dossier.', 5, 'hash-1', 0)
                """)
        }) else { return }
        let store = try PostgresStore(url: url)
        #expect(try store.article(id: 1)?.draft.byline == "AP")
        #expect(try store.article(id: 1)?.draft.authors == [])
        try store.replaceMentions([1: []], authors: [1: [BylineAuthor(name: "AP", kind: .organisation)]], extractorVersion: "v2")
        #expect(try store.article(id: 1)?.draft.authors == [BylineAuthor(name: "AP", kind: .organisation)])
    }
}
