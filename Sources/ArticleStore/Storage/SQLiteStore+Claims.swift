import DossierCore
import Foundation
import GRDB

extension SQLiteStore: ClaimStore {
    public func saveClaims(_ items: [(articleID: Int64, claims: [Claim])], version: String) throws(StoreError) {
        guard !items.isEmpty else { return }
        try perform { db in try Self.writeClaims(db, items, version: version) }
    }

    public func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?, claims: [[Claim]],
                    claimVersion: String) throws(StoreError) -> [AddOutcome] {
        try add(drafts, mentions: mentions, extractorVersion: extractorVersion, claims: (claims, claimVersion))
    }

    /// Replaces the claims of the given articles inside the caller's transaction.
    static func writeClaims(_ db: Database, _ items: [(articleID: Int64, claims: [Claim])], version: String) throws {
        let clear = try db.cachedStatement(sql: "DELETE FROM claim WHERE article_id = ?")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO claim (article_id, ordinal, source_start, source_end, cue_start, cue_end, content, kind,
              role, entity, hedges, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let mark = try db.cachedStatement(sql: "INSERT OR REPLACE INTO article_claims (article_id, version) VALUES (?, ?)")
        for item in items {
            try clear.execute(arguments: [item.articleID])
            for (ordinal, claim) in item.claims.enumerated() {
                let row = ClaimRow(claim, ordinal: ordinal)
                try insert.execute(arguments: [
                    item.articleID, row.ordinal, row.sourceStart, row.sourceEnd, row.cueStart, row.cueEnd, row.content, row.kind,
                    row.role, row.entity, row.hedges, row.sentence,
                ])
            }
            try mark.execute(arguments: [item.articleID, version])
        }
    }

    public func claims(inArticle id: Int64) throws(StoreError) -> [Claim]? {
        try read { db -> [Claim]? in
            guard try Int.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM article_claims WHERE article_id = ?"), arguments: [id]) != nil else {
                return nil
            }
            return try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM claim WHERE article_id = ? ORDER BY ordinal"), arguments: [id])
                .map { try Self.claim($0, article: id) }
        }
    }

    public func claimVersions(ofArticles ids: ClosedRange<Int64>) throws(StoreError) -> [Int64: String] {
        try read { db in
            var versions: [Int64: String] = [:]
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT article_id, version FROM article_claims WHERE article_id BETWEEN ? AND ?"),
                                        arguments: [ids.lowerBound, ids.upperBound])
            for row in rows {
                var fields = StoredRow(row, table: "article_claims", keyColumns: ["article_id"])
                versions[try fields.integer("article_id")] = try fields.text("version")
            }
            return versions
        }
    }

    public func claims(matching query: ClaimQuery, inArticles ids: ClosedRange<Int64>) throws(StoreError) -> ClaimQueryResult {
        try read { db -> ClaimQueryResult in
            var result = ClaimQueryResult()
            let analysed = try db.cachedStatement(sql: "SELECT article_id FROM article_claims WHERE article_id BETWEEN ? AND ?")
            result.analysed = Set(try Int64.fetchAll(analysed, arguments: [ids.lowerBound, ids.upperBound]))
            guard !result.analysed.isEmpty else { return result }
            // One statement per combination of filters present, so each uses its index
            // (claim_kind, claim_role, the primary key) rather than "? IS NULL OR ...".
            var conditions = ["c.article_id BETWEEN ? AND ?"]
            var arguments: [(any DatabaseValueConvertible)?] = [ids.lowerBound, ids.upperBound]
            if let kind = query.kind {
                conditions.append("c.kind = ?")
                arguments.append(kind.rawValue)
            }
            if let role = query.role {
                conditions.append("c.role = ?")
                arguments.append(role.rawValue)
            }
            if let hedged = query.hedged {
                // Hedges are stored "start-end:kind" joined by ","; hedged means a piece of kind hedge.
                conditions.append("(instr(',' || c.hedges || ',', '\(ClaimRow.hedgeMarker)') > 0) = ?")
                arguments.append(hedged)
            }
            var join = ""
            if query.since != nil || query.until != nil || query.outlet != nil {
                join = " JOIN article a ON a.id = c.article_id"
            }
            if let outlet = query.outlet {
                conditions.append("a.outlet = ? COLLATE NOCASE")
                arguments.append(outlet)
            }
            if query.since != nil || query.until != nil {
                conditions.append("a.published_at IS NOT NULL")
                if let since = query.since {
                    conditions.append("a.published_at >= ?")
                    arguments.append(since.timeIntervalSince1970)
                }
                if let until = query.until {
                    conditions.append("a.published_at < ?")
                    arguments.append(until.timeIntervalSince1970)
                }
            }
            let sql = "SELECT c.* FROM claim c\(join) WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.article_id, c.ordinal"
            let statement = try db.cachedStatement(sql: sql)
            let rows = try Row.fetchCursor(statement, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                var fields = StoredRow(row, table: "claim", keyColumns: ["article_id", "ordinal"])
                let article = try fields.integer("article_id")
                result.claims[article, default: []].append(try Self.claim(row, article: article))
            }
            return result
        }
    }

    /// A stored claim, every field checked (`ClaimRow`): a value of the wrong
    /// kind is an error naming the row (GRDB's `row[column] as Int?` would
    /// trap on text there, the table not being STRICT).
    static func claim(_ row: Row, article: Int64) throws -> Claim {
        let fields = StoredRow(row, table: "claim", keyColumns: ["article_id", "ordinal"])
        func offset(_ column: String) throws(StoredRowError) -> Int? {
            guard let number = try fields.optionalInteger(column) else { return nil }
            guard let value = Int(exactly: number) else { throw fields.error("column '\(column)' holds \(number), too large") }
            return value
        }
        let stored = ClaimRow(
            ordinal: try offset("ordinal") ?? -1,
            sourceStart: try offset("source_start"), sourceEnd: try offset("source_end"),
            cueStart: try offset("cue_start"), cueEnd: try offset("cue_end"),
            content: try fields.optionalText("content"), kind: try fields.optionalText("kind"),
            role: try fields.optionalText("role"), entity: try fields.optionalText("entity"),
            hedges: try fields.optionalText("hedges"), sentence: try offset("sentence"))
        return try stored.claim(article: article)
    }
}
