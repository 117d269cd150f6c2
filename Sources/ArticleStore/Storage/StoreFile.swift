import Foundation

/// What is at a store's path before SQLite opens it: opening an existing file
/// that is not a database would turn it into one (SQLite treats an empty file
/// as an empty database), so it is refused instead.
enum StoreFile {
    /// The first 16 bytes of every SQLite 3 database.
    static let header = Array("SQLite format 3\0".utf8)

    /// The scheme of a store given as a URL ("postgres" for
    /// "postgres://user:secret@host/db"), or nil for a path. Only paths are
    /// stores until a backend for a scheme exists.
    static func urlScheme(_ path: String) -> String? {
        guard let separator = path.range(of: "://") else { return nil }
        let scheme = path[..<separator.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) else { return nil }
        return String(scheme)
    }

    /// The error for a URL given as a store: names the scheme only, since the
    /// rest may hold a password.
    static func urlRefusal(scheme: String) -> StoreError {
        .database(path: "\(scheme)://…", message: "store URLs are not supported (only SQLite files); nothing was created")
    }

    /// Throws unless `path` holds an SQLite database, or nothing (or an empty
    /// file) and `createsFile` allows making one there.
    static func check(_ path: String, createsFile: Bool) throws(StoreError) {
        if let scheme = urlScheme(path) { throw urlRefusal(scheme: scheme) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if createsFile { return }
            throw StoreError.database(path: path, message: "no store here (a store is never created in this mode)")
        }
        if isDirectory.boolValue {
            throw StoreError.database(path: path, message: "is a directory, not a store")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.database(path: path, message: "cannot read the file")
        }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: header.count)) ?? Data()
        // Another process creating the store at the same moment leaves an empty
        // file for an instant; where creating is allowed, that is no loss.
        if start.isEmpty && createsFile { return }
        guard Array(start) == header else {
            throw StoreError.database(path: path, message: start.isEmpty
                ? "the file exists and is empty: not a Dossier store (refusing to turn it into one)"
                : "not a Dossier store (not an SQLite database; refusing to overwrite it)")
        }
    }
}
