import Foundation
@testable import PostgresStore
import PostgresTestSupport
import Testing

/// A new database whose schema stops just before the migration named
/// `migration`, filled by `write` in one session: a store as an older Dossier
/// left it, for the upgrade tests. Returns its URL, or nil after recording
/// why it could not be built.
func olderPostgresStore(before migration: String, _ write: (PostgresSession) throws -> Void) throws -> String? {
    let url = try PostgresTestCluster.shared.get().createDatabase()
    let older = try #require(PostgresSchema.migrations.firstIndex { $0.name == migration })
    let pool = PostgresConnectionPool(configuration: try PostgresLocation(url: url).configuration(), maximumConnections: 1)
    defer { pool.close() }
    do { try pool.withConnection { connection in
        let session = PostgresSession(pool: pool, connection: connection)
        // The test databases are copies of a migrated template: start bare.
        try session.execute("DROP SCHEMA public CASCADE")
        try session.execute("CREATE SCHEMA public")
        try PostgresSchema.migrate(session, migrations: Array(PostgresSchema.migrations[..<older]))
        try write(session)
    } } catch {
        Issue.record("building the older store: \(postgresMessage(error))")
        return nil
    }
    return url
}
