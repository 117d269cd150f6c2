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
        let url = try PostgresTestCluster.shared.get().createDatabase()
        let authorsMigration = "byline authors: the byline's names typed person, organisation, desk or unknown"
        let older = try #require(PostgresSchema.migrations.firstIndex { $0.name == authorsMigration })
        let pool = PostgresConnectionPool(configuration: try PostgresLocation(url: url).configuration(), maximumConnections: 1)
        defer { pool.close() }
        do { try pool.withConnection { connection in
            let session = PostgresSession(pool: pool, connection: connection)
            // The test databases are copies of a migrated template: start bare.
            try session.execute("DROP SCHEMA public CASCADE")
            try session.execute("CREATE SCHEMA public")
            try PostgresSchema.migrate(session, migrations: Array(PostgresSchema.migrations[..<older]))
            try session.execute("""
                INSERT INTO article (id, title, byline, body, word_count, content_hash, ingested_at)
                VALUES (1, 'Old', 'AP', 'Stored by an older Dossier.', 5, 'hash-1', 0)
                """)
        } } catch {
            Issue.record("building the older store: \(postgresMessage(error))")
            return
        }
        let store = try PostgresStore(url: url)
        #expect(try store.article(id: 1)?.draft.byline == "AP")
        #expect(try store.article(id: 1)?.draft.authors == [])
        try store.replaceMentions([1: []], authors: [1: [BylineAuthor(name: "AP", kind: .organisation)]], extractorVersion: "v2")
        #expect(try store.article(id: 1)?.draft.authors == [BylineAuthor(name: "AP", kind: .organisation)])
    }
}
