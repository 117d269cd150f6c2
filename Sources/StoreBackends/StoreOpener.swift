import ArticleStore
import Foundation
import PostgresStore

/// The one place that decides which backend a store location names: a
/// `postgres://` (or `postgresql://`) URL opens a `PostgresStore`, anything else
/// is the path of a SQLite file (":memory:" for a private in-memory store).
public enum StoreOpener {
    /// Opens the store at `location`. `access` applies to SQLite files (whether
    /// the file may be created or written); a PostgreSQL store is guarded by the
    /// callers' permission checks (`StoreHandle.writableStore`), since a
    /// connection has no read-only mode of its own here.
    public static func open(_ location: String, access: SQLiteStore.Access = .readWrite) throws(StoreError) -> any Store {
        if isPostgres(location) { return try PostgresStore(url: location) }
        return try SQLiteStore(path: location, access: access)
    }

    /// True when `location` names a PostgreSQL store rather than a file.
    public static func isPostgres(_ location: String) -> Bool {
        PostgresLocation.isPostgresURL(location)
    }

    /// The location with any password left out, for messages and `store.path`.
    public static func displayName(_ location: String) -> String {
        guard isPostgres(location), let parsed = try? PostgresLocation(url: location) else { return location }
        return parsed.description
    }
}
