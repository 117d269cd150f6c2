import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Serialises schema migrations across processes. GRDB reads which migrations
/// are applied before it opens each migration's transaction, so two processes
/// opening a new store at once could both apply the same one ("duplicate
/// column name", "UNIQUE constraint failed: grdb_migrations").
///
/// The lock is an exclusive `flock` on the store's *directory*, never on the
/// database file: closing any descriptor of the database file would drop the
/// POSIX locks SQLite holds on it through its own descriptors (measured here:
/// "database disk image is malformed" under four concurrent writers).
enum MigrationLock {
    static func holding<T>(_ path: String, _ body: () throws -> T) throws -> T {
        guard path != ":memory:" else { return try body() }
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        // No descriptor (an unreadable directory): the migration still runs,
        // with the retries as its only guard.
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { return try body() }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
