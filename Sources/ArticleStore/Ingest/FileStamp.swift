import DossierCore
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

/// What a batch records about a file it holds records of, in the batch's own
/// transaction: a killed ingest loses at most the batch in flight, and a
/// re-run starts each file where its last committed batch ended.
public enum IngestMark: Hashable, Sendable {
    /// The file's records up to `position` are stored.
    case reached(FileStamp, ReadPosition)
    /// The whole file is stored: a re-run skips it while it is unchanged.
    case finished(FileStamp)
    /// The file was read to its end but some records failed: its position
    /// is forgotten, so a re-run reads it all again and reports them again.
    case forgotten(FileStamp)

    public var file: FileStamp {
        switch self {
        case .reached(let file, _), .finished(let file), .forgotten(let file): return file
        }
    }
}

/// A store that remembers which files it took in whole, and how far it got
/// in the others.
public protocol IngestLedger: Store {
    func hasIngested(_ file: FileStamp) throws(StoreError) -> Bool
    /// Where a re-run of the unchanged `file` starts (nil: at its beginning).
    func resumePosition(of file: FileStamp) throws(StoreError) -> ReadPosition?
    /// `add(_:mentions:extractorVersion:)`, with the marks written in the
    /// same transaction as the articles (the drafts may be none), and the
    /// claims of each draft when the store keeps claims (a `ClaimStore`;
    /// others are never given any).
    func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?,
             claims: (lists: [[Claim]], version: String)?, marking marks: [IngestMark]) throws(StoreError) -> [AddOutcome]
}

extension IngestLedger {
    /// `add(_:mentions:extractorVersion:claims:marking:)` without claims.
    public func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?,
                    marking marks: [IngestMark]) throws(StoreError) -> [AddOutcome] {
        try add(drafts, mentions: mentions, extractorVersion: extractorVersion, claims: nil, marking: marks)
    }
}

extension SQLiteStore: IngestLedger {
    public func hasIngested(_ file: FileStamp) throws(StoreError) -> Bool {
        try readOneStatement { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM ingested_file WHERE path = ? AND size = ? AND modified = ?"),
                              arguments: [file.path, file.size, file.modified]) ?? false
        }
    }

    public func resumePosition(of file: FileStamp) throws(StoreError) -> ReadPosition? {
        try readOneStatement { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT items, lines, byte_offset FROM ingest_position WHERE path = ? AND size = ? AND modified = ?
                """), arguments: [file.path, file.size, file.modified])
            guard let row, let items = Int64.fromDatabaseValue(row[0] as DatabaseValue).flatMap(Int.init(exactly:)),
                  let lines = Int64.fromDatabaseValue(row[1] as DatabaseValue).flatMap(Int.init(exactly:)),
                  let offset = Int64.fromDatabaseValue(row[2] as DatabaseValue), items >= 0, lines >= 0, offset >= 0 else { return nil }
            return ReadPosition(items: items, lines: lines, offset: offset)
        }
    }

    public func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?,
                    claims: (lists: [[Claim]], version: String)?, marking marks: [IngestMark]) throws(StoreError) -> [AddOutcome] {
        try add(drafts, mentions: mentions, extractorVersion: extractorVersion, claims: claims) { db in
            let forget = try db.cachedStatement(sql: "DELETE FROM ingest_position WHERE path = ?")
            let reach = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO ingest_position (path, size, modified, items, lines, byte_offset) VALUES (?, ?, ?, ?, ?, ?)
                """)
            let finish = try db.cachedStatement(sql: "INSERT OR REPLACE INTO ingested_file (path, size, modified) VALUES (?, ?, ?)")
            for mark in marks {
                let file = mark.file
                switch mark {
                case .reached(_, let position):
                    try reach.execute(arguments: [file.path, file.size, file.modified, position.items, position.lines, position.offset])
                case .finished:
                    try forget.execute(arguments: [file.path])
                    try finish.execute(arguments: [file.path, file.size, file.modified])
                case .forgotten:
                    try forget.execute(arguments: [file.path])
                }
            }
        }
    }
}
