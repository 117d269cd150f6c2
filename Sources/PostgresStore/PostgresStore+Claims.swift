import ArticleStore
import DossierCore
import Foundation
import PostgresNIO

/// Claims in PostgreSQL, as in SQLite: written with their article in the
/// batch's transaction, read back whole, and filtered for `store:claims{}`
/// in SQL with the semantics of `ClaimQuery.matches`.
extension PostgresStore: ClaimStore {
    public func saveClaims(_ items: [(articleID: Int64, claims: [Claim])], version: String) throws(StoreError) {
        guard !items.isEmpty else { return }
        try run { session in try session.transaction { try ClaimWriter(session: session).replace(items, version: version) } }
    }

    public func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?, claims: [[Claim]],
                    claimVersion: String) throws(StoreError) -> [AddOutcome] {
        try addInTransaction(drafts, mentions: mentions, extractorVersion: extractorVersion, claims: (claims, claimVersion)) { _ in }
    }

    public func claims(inArticle id: Int64) throws(StoreError) -> [Claim]? {
        try run { session -> [Claim]? in
            var analysed = PostgresStatement()
            analysed.append("SELECT 1 AS found FROM article_claims WHERE article_id = \(analysed.bind(id))")
            guard try !session.rows(analysed).isEmpty else { return nil }
            var statement = PostgresStatement()
            statement.append("SELECT * FROM claim WHERE article_id = \(statement.bind(id)) ORDER BY ordinal")
            return try session.rows(statement).map { try Self.claim($0, article: id) }
        }
    }

    public func claimVersions(ofArticles ids: ClosedRange<Int64>) throws(StoreError) -> [Int64: String] {
        try run { session in
            var statement = PostgresStatement()
            statement.append("""
                SELECT article_id, version FROM article_claims
                WHERE article_id BETWEEN \(statement.bind(ids.lowerBound)) AND \(statement.bind(ids.upperBound))
                """)
            var versions: [Int64: String] = [:]
            for row in try session.rows(statement) { versions[try row.value("article_id")] = try row.value("version") }
            return versions
        }
    }

    public func claims(matching query: ClaimQuery, inArticles ids: ClosedRange<Int64>) throws(StoreError) -> ClaimQueryResult {
        try run { session -> ClaimQueryResult in
            var result = ClaimQueryResult()
            var analysed = PostgresStatement()
            analysed.append("""
                SELECT article_id FROM article_claims
                WHERE article_id BETWEEN \(analysed.bind(ids.lowerBound)) AND \(analysed.bind(ids.upperBound))
                """)
            for row in try session.rows(analysed) { result.analysed.insert(try row.value("article_id")) }
            guard !result.analysed.isEmpty else { return result }
            var statement = PostgresStatement()
            var conditions = ["c.article_id BETWEEN \(statement.bind(ids.lowerBound)) AND \(statement.bind(ids.upperBound))"]
            if let kind = query.kind { conditions.append("c.kind = \(statement.bind(kind.rawValue))") }
            if let role = query.role { conditions.append("c.role = \(statement.bind(role.rawValue))") }
            if let hedged = query.hedged {
                conditions.append("(strpos(',' || c.hedges || ',', \(statement.bind(ClaimRow.hedgeMarker))) > 0) = \(statement.bind(hedged))")
            }
            let joinsArticle = query.since != nil || query.until != nil || query.outlet != nil
            if let outlet = query.outlet {
                // Equal with A-Z folded only, as SQLite's NOCASE and ClaimQuery; the lower()
                // comparison it implies lets the article_outlet index narrow the rows.
                let parameter = statement.bind(outlet)
                conditions.append("lower(a.outlet) = lower(\(parameter))")
                conditions.append("translate(a.outlet, '\(Self.upperASCII)', '\(Self.lowerASCII)') = translate(\(parameter), '\(Self.upperASCII)', '\(Self.lowerASCII)')")
            }
            if query.since != nil || query.until != nil {
                conditions.append("a.published_at IS NOT NULL")
                if let since = query.since { conditions.append("a.published_at >= \(statement.bind(since.timeIntervalSince1970))") }
                if let until = query.until { conditions.append("a.published_at < \(statement.bind(until.timeIntervalSince1970))") }
            }
            statement.append("""
                SELECT c.* FROM claim c\(joinsArticle ? " JOIN article a ON a.id = c.article_id" : "")
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.article_id, c.ordinal
                """)
            for row in try session.rows(statement) {
                let article: Int64 = try row.value("article_id")
                result.claims[article, default: []].append(try Self.claim(row, article: article))
            }
            return result
        }
    }

    private static let upperASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    private static let lowerASCII = "abcdefghijklmnopqrstuvwxyz"

    /// A stored claim, every field checked (`ClaimRow`).
    static func claim(_ row: PostgresRandomAccessRow, article: Int64) throws -> Claim {
        func integer(_ column: String) throws -> Int? {
            let value: Int64? = try row.value(column)
            return value.flatMap { Int(exactly: $0) }
        }
        let ordinal = try integer("ordinal") ?? -1
        return try ClaimRow(ordinal: ordinal, sourceStart: try integer("source_start"), sourceEnd: try integer("source_end"),
                            cueStart: try integer("cue_start"), cueEnd: try integer("cue_end"), content: try row.value("content"),
                            kind: try row.value("kind"), role: try row.value("role"), entity: try row.value("entity"),
                            hedges: try row.value("hedges"), sentence: try integer("sentence")).claim(article: article)
    }
}
