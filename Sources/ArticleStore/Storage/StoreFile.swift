import Foundation

/// What is at a store's path before SQLite opens it: opening an existing file
/// that is not a database would turn it into one (SQLite treats an empty file
/// as an empty database), so it is refused instead.
enum StoreFile {
    /// The first 16 bytes of every SQLite 3 database.
    static let header = Array("SQLite format 3\0".utf8)

    /// Throws unless `path` holds an SQLite database, or nothing (or an empty
    /// file) and `createsFile` allows making one there.
    static func check(_ path: String, createsFile: Bool) throws(StoreError) {
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
