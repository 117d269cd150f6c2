import ArticleStore
import DossierCore
import PostgresNIO

/// Writes claims inside the caller's transaction: each article's claims
/// replace what was stored for it, the whole batch as arrays through
/// `unnest` (three statements however many claims), and the article is marked
/// analysed by the claim finder's version.
struct ClaimWriter {
    let session: PostgresSession

    func replace(_ items: [(articleID: Int64, claims: [Claim])], version: String) throws {
        // The last list of an article given twice wins, as in SQLite's one-by-one writes.
        var latest: [Int64: Int] = [:]
        for (position, item) in items.enumerated() { latest[item.articleID] = position }
        let kept = items.indices.filter { latest[items[$0].articleID] == $0 }.map { items[$0] }
        guard !kept.isEmpty else { return }
        let ids = kept.map(\.articleID)

        var clear = PostgresStatement()
        clear.append("DELETE FROM claim WHERE article_id = ANY(\(clear.bind(ids))::int8[])")
        try session.execute(clear)

        var columns = (article: [Int64](), ordinal: [Int64](), sourceStart: [Int64?](), sourceEnd: [Int64?](), cueStart: [Int64](),
                       cueEnd: [Int64](), content: [String](), kind: [String](), role: [String?](), entity: [String?](),
                       hedges: [String](), sentence: [Int64]())
        for item in kept {
            for (ordinal, claim) in item.claims.enumerated() {
                let row = ClaimRow(claim, ordinal: ordinal)
                columns.article.append(item.articleID)
                columns.ordinal.append(Int64(ordinal))
                columns.sourceStart.append(row.sourceStart.map(Int64.init))
                columns.sourceEnd.append(row.sourceEnd.map(Int64.init))
                columns.cueStart.append(Int64(claim.cue.lowerBound))
                columns.cueEnd.append(Int64(claim.cue.upperBound))
                columns.content.append(row.content ?? "")
                columns.kind.append(claim.kind.rawValue)
                columns.role.append(row.role)
                columns.entity.append(row.entity)
                columns.hedges.append(row.hedges ?? "")
                columns.sentence.append(Int64(claim.sentence))
            }
        }
        if !columns.article.isEmpty {
            var insert = PostgresStatement()
            let arrays = [
                insert.bind(columns.article) + "::int8[]", insert.bind(columns.ordinal) + "::int8[]",
                insert.bind(NullableArray(columns.sourceStart)) + "::int8[]", insert.bind(NullableArray(columns.sourceEnd)) + "::int8[]",
                insert.bind(columns.cueStart) + "::int8[]", insert.bind(columns.cueEnd) + "::int8[]",
                insert.bind(columns.content) + "::text[]", insert.bind(columns.kind) + "::text[]",
                insert.bind(NullableArray(columns.role)) + "::text[]", insert.bind(NullableArray(columns.entity)) + "::text[]",
                insert.bind(columns.hedges) + "::text[]", insert.bind(columns.sentence) + "::int8[]",
            ]
            insert.append("""
                INSERT INTO claim (article_id, ordinal, source_start, source_end, cue_start, cue_end, content, kind,
                  role, entity, hedges, sentence)
                SELECT * FROM unnest(\(arrays.joined(separator: ", ")))
                """)
            try session.execute(insert)
        }

        try AnalysisMark.claims.record(ids, version: version, in: session)
    }
}
