import DossierCore
import GRDB

/// An entity's partners as `entities:cooccur` ranks them: by the window's
/// count (shared sentences, or articles), then by articles, then by name
/// (its bytes, as SQLite's BINARY collation compares them), then by id;
/// the figures are `entity_pair`'s with the deltas pending in
/// `entity_pair_pending` summed in (`PendingPairCounts`).
///
/// Ranked by the figures before any name is read: joining every partner's
/// entity row to order by name was most of a popular entity's lookup
/// (thousands of partners, twenty wanted; 30 of 33 ms on 30,000 partners).
/// Names are read for the pairs at or above the limit-th's figures only.
struct CooccurrenceRanking {
    struct Partner {
        let id: Int64
        let together: Int
        let articles: Int
    }

    let db: Database
    let entity: Int64
    /// The columns of the window's count and of its articles.
    let together: String, articles: String
    let type: EntityType?

    func top(_ limit: Int) throws -> [Partner] {
        guard limit > 0 else { return [] }
        // The `limit` folded rows of the highest figures, those with a
        // pending delta summed with it (one lookup each).
        let rows = try foldedPartners(limit: limit)
        var partners = rows.filter { !$0.pending }.map(\.partner)
        for row in rows where row.pending {
            if let summed = try pendingPartners(only: row.partner.id).first { partners.append(summed) }
        }
        partners.sort(by: Self.byFigures)
        let read = Set(rows.map(\.partner.id))
        if partners.count < limit {
            // Deltas took some below zero (or there are few): every pair.
            partners += try foldedPartners(reaching: 1).filter { !read.contains($0.id) }
            partners += try pendingPartners().filter { !read.contains($0.id) }
        } else {
            // The limit-th's count so far; the final one is no lower. A
            // partner not read yet places only with a count reaching it: a
            // folded one without delta by its count; a pending one, whose
            // folded count is at most the last row read, by a delta
            // reaching the difference. Most of a popular entity's thousands
            // of pending partners are thus never looked up in `entity_pair`.
            // (Here `limit` rows were read: a pending one counts at most once.)
            let least = partners[limit - 1].together
            partners += try foldedPartners(reaching: least).filter { !read.contains($0.id) }
            let folded = rows[limit - 1].partner.together
            partners += try pendingPartners(reaching: least - folded).filter { !read.contains($0.id) }
        }
        partners.sort(by: Self.byFigures)
        if partners.count > limit {
            let last = partners[limit - 1]
            partners.removeAll { ($0.together, $0.articles) < (last.together, last.articles) }
        }
        // Names for the ties' order, as the store holds them (bytes).
        let name = try db.cachedStatement(sql: "SELECT name FROM entity WHERE id = ?")
        var named: [(partner: Partner, name: [UInt8])] = []
        for partner in partners {
            guard let text = try String.fetchOne(name, arguments: [partner.id]) else { continue }
            named.append((partner, Array(text.utf8)))
        }
        named.sort { a, b in
            if (a.partner.together, a.partner.articles) != (b.partner.together, b.partner.articles) {
                return Self.byFigures(a.partner, b.partner)
            }
            if a.name != b.name { return a.name.lexicographicallyPrecedes(b.name) }
            return a.partner.id < b.partner.id
        }
        return named.prefix(limit).map(\.partner)
    }

    private static func byFigures(_ a: Partner, _ b: Partner) -> Bool {
        (a.together, a.articles) > (b.together, b.articles)
    }

    /// The folded rows of the highest figures (`limit` of them), each with
    /// whether a delta is pending for it (looked up for these rows only).
    private func foldedPartners(limit: Int) throws -> [(partner: Partner, pending: Bool)] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT pair.id, pair.together, pair.articles,
              EXISTS (SELECT 1 FROM entity_pair_pending AS p WHERE p.entity_id = ? AND p.other_id = pair.id) AS pending
            FROM (SELECT pair.other_id AS id, pair.\(together) AS together, pair.\(articles) AS articles
                  FROM entity_pair AS pair \(typeJoin("pair"))
                  WHERE pair.entity_id = ? AND pair.\(together) > 0
                  ORDER BY together DESC, articles DESC LIMIT ?) AS pair
            ORDER BY pair.together DESC, pair.articles DESC
            """), arguments: [entity] + typeArguments + [entity, limit])
        return try rows.map { row in
            var fields = StoredRow(row, subject: .entity)
            return (try Self.partner(row), try fields.boolean("pending"))
        }
    }

    /// Partners with a pending delta, their figures summed with the folded
    /// row's, above zero: the one of id `only`, or those whose delta to the
    /// count is at least `reaching` (all for nil). A figure edited by hand
    /// in either table is reported (`PendingPairCounts.rowError`), not
    /// summed away.
    private func pendingPartners(only: Int64? = nil, reaching: Int? = nil) throws -> [Partner] {
        let readable = [together, articles].flatMap { ["typeof(p.\($0))", "typeof(coalesce(m.\($0), 0))"] }
            .map { "\($0) = 'integer'" }.joined(separator: " AND ")
        let selection = only == nil ? "p.\(together) >= ?" : "p.other_id = ?"
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT p.other_id AS id, \(summed(together)) AS together, \(summed(articles)) AS articles, \(readable) AS readable
            FROM entity_pair_pending AS p
            LEFT JOIN entity_pair AS m ON m.entity_id = p.entity_id AND m.other_id = p.other_id
            \(only == nil ? typeJoin("p") : "")
            WHERE p.entity_id = ? AND \(selection) AND (\(summed(together)) > 0 OR NOT (\(readable)))
            """), arguments: (only == nil ? typeArguments : []) + [entity, only ?? Int64(reaching ?? Int.min)])
        return try rows.map { row in
            var fields = StoredRow(row, subject: .entity)
            let id = try fields.integer("id")
            if try !fields.boolean("readable") {
                throw try PendingPairCounts(db).rowError(entity: entity, other: id, columns: [together, articles])
            }
            return try Self.partner(row)
        }
    }

    /// The folded partners of no pending delta counting at least `least`.
    private func foldedPartners(reaching least: Int) throws -> [Partner] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT pair.other_id AS id, pair.\(together) AS together, pair.\(articles) AS articles
            FROM entity_pair AS pair \(typeJoin("pair"))
            WHERE pair.entity_id = ? AND pair.\(together) >= ?
              AND NOT EXISTS (SELECT 1 FROM entity_pair_pending AS p WHERE p.entity_id = pair.entity_id AND p.other_id = pair.other_id)
            """), arguments: typeArguments + [entity, least]).map(Self.partner)
    }

    /// A figure of a pending partner: its delta plus the folded row's.
    private func summed(_ column: String) -> String { "p.\(column) + coalesce(m.\(column), 0)" }

    /// Only the partners of `type`, when one is asked for.
    private func typeJoin(_ alias: String) -> String {
        type == nil ? "" : "JOIN entity ON entity.id = \(alias).other_id AND entity.type = ?"
    }

    private var typeArguments: StatementArguments { type.map { [$0.rawValue] } ?? [] }

    private static func partner(_ row: Row) throws -> Partner {
        var fields = StoredRow(row, subject: .entity)
        return Partner(id: try fields.integer("id"), together: try fields.integer("together", in: 0...Int.max),
                       articles: try fields.integer("articles", in: 0...Int.max))
    }
}
