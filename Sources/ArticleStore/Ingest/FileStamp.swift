import Foundation
import GRDB

/// What identifies a file's contents cheaply: its resolved path, size and
/// modification time. A re-run of an ingest skips a file whose stamp the store
/// already holds, without reading or parsing it, so an ingest killed again and
/// again still progresses.
public struct FileStamp: Hashable, Sendable {
    public var path: String
    public var size: Int64
    public var modified: Double

    /// The stamp of the file at `path`, or nil when it cannot be read.
    public init?(path: String) { self.init(file: IngestPath(path)) }

    public init?(file: IngestPath) {
        guard let info = file.status(), let real = file.resolved() else { return nil }
        self.path = real.display
        self.size = Int64(info.st_size)
        self.modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }
}

/// A store that remembers which files it took in whole.
public protocol IngestLedger {
    func hasIngested(_ file: FileStamp) throws(StoreError) -> Bool
    func recordIngested(_ files: [FileStamp]) throws(StoreError)
}

extension SQLiteStore: IngestLedger {
    public func hasIngested(_ file: FileStamp) throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM ingested_file WHERE path = ? AND size = ? AND modified = ?"),
                              arguments: [file.path, file.size, file.modified]) ?? false
        }
    }

    public func recordIngested(_ files: [FileStamp]) throws(StoreError) {
        guard !files.isEmpty else { return }
        try perform { db in
            let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO ingested_file (path, size, modified) VALUES (?, ?, ?)")
            for file in files { try insert.execute(arguments: [file.path, file.size, file.modified]) }
        }
    }
}
