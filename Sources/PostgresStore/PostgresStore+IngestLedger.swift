import ArticleStore
import DossierCore
import PostgresNIO

/// The ingest ledger in PostgreSQL, as in SQLite: files taken in whole, and
/// the position of each streamed file, written in the batch's transaction.
/// Paths are as resolved on the machine that read them.
extension PostgresStore: IngestLedger {
    public func hasIngested(_ file: FileStamp) throws(StoreError) -> Bool {
        try run { session in
            var statement = PostgresStatement()
            statement.append("""
                SELECT 1 AS found FROM ingested_file WHERE path = \(statement.bind(file.path))
                  AND size = \(statement.bind(file.size)) AND modified = \(statement.bind(file.modified))
                """)
            return try !session.rows(statement).isEmpty
        }
    }

    public func resumePosition(of file: FileStamp) throws(StoreError) -> ReadPosition? {
        try run { session in
            var statement = PostgresStatement()
            statement.append("""
                SELECT items, lines, byte_offset FROM ingest_position WHERE path = \(statement.bind(file.path))
                  AND size = \(statement.bind(file.size)) AND modified = \(statement.bind(file.modified))
                """)
            guard let row = try session.rows(statement).first else { return nil }
            let items: Int64 = try row.value("items")
            let lines: Int64 = try row.value("lines")
            let offset: Int64 = try row.value("byte_offset")
            guard let items = Int(exactly: items), let lines = Int(exactly: lines), items >= 0, lines >= 0, offset >= 0 else { return nil }
            return ReadPosition(items: items, lines: lines, offset: offset)
        }
    }

    /// The batch, its claims and the file positions commit together.
    public func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?,
                    claims: (lists: [[Claim]], version: String)?, marking marks: [IngestMark]) throws(StoreError) -> [AddOutcome] {
        try addInTransaction(drafts, mentions: mentions, extractorVersion: extractorVersion, claims: claims) { session in
            for mark in marks {
                let file = mark.file
                var forget = PostgresStatement()
                forget.append("DELETE FROM ingest_position WHERE path = \(forget.bind(file.path))")
                switch mark {
                case .reached(_, let position):
                    var reach = PostgresStatement()
                    reach.append("""
                        INSERT INTO ingest_position (path, size, modified, items, lines, byte_offset)
                        VALUES (\(reach.bind(file.path)), \(reach.bind(file.size)), \(reach.bind(file.modified)),
                          \(reach.bind(Int64(position.items))), \(reach.bind(Int64(position.lines))), \(reach.bind(position.offset)))
                        ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified = excluded.modified,
                          items = excluded.items, lines = excluded.lines, byte_offset = excluded.byte_offset
                        """)
                    try session.execute(reach)
                case .finished:
                    try session.execute(forget)
                    var finish = PostgresStatement()
                    finish.append("""
                        INSERT INTO ingested_file (path, size, modified)
                        VALUES (\(finish.bind(file.path)), \(finish.bind(file.size)), \(finish.bind(file.modified)))
                        ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified = excluded.modified
                        """)
                    try session.execute(finish)
                case .forgotten:
                    try session.execute(forget)
                }
            }
        }
    }
}
