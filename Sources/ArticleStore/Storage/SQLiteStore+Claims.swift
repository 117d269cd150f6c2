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
                let content = claim.content.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
                let hedges = claim.hedges.map { "\($0.span.lowerBound)-\($0.span.upperBound):\($0.kind.rawValue)" }.joined(separator: ",")
                try insert.execute(arguments: [
                    item.articleID, ordinal, claim.source?.lowerBound, claim.source?.upperBound, claim.cue.lowerBound,
                    claim.cue.upperBound, content, claim.kind.rawValue, claim.role?.rawValue, claim.entity, hedges,
                    claim.sentence,
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
                conditions.append("(instr(',' || c.hedges || ',', ':\(Hedge.Kind.hedge.rawValue),') > 0) = ?")
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
                guard let article = row["article_id"] as Int64? else { throw DamagedClaim(description: "claim without an article id") }
                result.claims[article, default: []].append(try Self.claim(row, article: article))
            }
            return result
        }
    }

    struct DamagedClaim: Error, CustomStringConvertible {
        var description: String
    }

    /// A stored claim, every field checked: a damaged row is an error naming it, never a trap.
    static func claim(_ row: Row, article: Int64) throws -> Claim {
        func bad(_ what: String) -> DamagedClaim {
            DamagedClaim(description: "claim \(row["ordinal"] as Int? ?? -1) of article \(article): bad \(what)")
        }
        func range(_ text: Substring) -> ByteSpan? {
            let bounds = text.split(separator: "-")
            guard bounds.count == 2, let lower = Int(bounds[0]), let upper = Int(bounds[1]), lower >= 0, lower <= upper else { return nil }
            return lower..<upper
        }
        guard let cueStart = row["cue_start"] as Int?, let cueEnd = row["cue_end"] as Int?, cueStart >= 0, cueStart <= cueEnd else {
            throw bad("cue")
        }
        var source: ByteSpan?
        if let start = row["source_start"] as Int?, let end = row["source_end"] as Int? {
            guard start >= 0, start <= end else { throw bad("source") }
            source = start..<end
        }
        var content: [ByteSpan] = []
        for piece in (row["content"] as String? ?? "").split(separator: ",") {
            guard let span = range(piece) else { throw bad("content") }
            content.append(span)
        }
        var hedges: [Hedge] = []
        for piece in (row["hedges"] as String? ?? "").split(separator: ",") {
            let parts = piece.split(separator: ":")
            guard parts.count == 2, let span = range(parts[0]), let kind = Hedge.Kind(rawValue: String(parts[1])) else { throw bad("hedges") }
            hedges.append(Hedge(span: span, kind: kind))
        }
        guard let kind = (row["kind"] as String?).flatMap(SourceKind.init(rawValue:)) else { throw bad("kind") }
        let roleText: String? = row["role"]
        let role = roleText.flatMap(SourceRole.init(rawValue:))
        if roleText != nil, role == nil { throw bad("role") }
        guard let sentence = row["sentence"] as Int? else { throw bad("sentence") }
        return Claim(source: source, cue: cueStart..<cueEnd, content: content, kind: kind, role: role,
                     entity: row["entity"], hedges: hedges, sentence: sentence)
    }
}
