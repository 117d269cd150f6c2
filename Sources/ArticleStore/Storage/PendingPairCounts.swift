import GRDB

/// The write buffer of the pair counts: `entity_pair_pending` holds signed
/// deltas to `entity_pair` under the same key, and a pair's figures are the
/// sum of its rows in both tables.
///
/// Why a buffer: an ingest batch of 500 articles adds some 150,000 pair rows
/// (both directions) spread over the whole key range. Upserted into
/// `entity_pair` itself, once that table had fewer pages than a batch has
/// rows (10,000 articles), every batch dirtied nearly every page of it, each
/// written to the WAL at commit and again to the file at the checkpoint: the
/// I/O per batch grew with the store, not with the batch. Upserted here, a
/// batch dirties the pages of a table of about `SQLiteStore.pairFoldRows`
/// rows (a few thousand pages, held by the 64 MiB page cache; the fold runs
/// after an ingest batch or a re-extraction, so the last batch and any
/// deletes or alias merges since can take it past that); `fold()` adds
/// them into `entity_pair` in one sweep in key order, which touches each page
/// of it once per fold instead of once per batch.
///
/// Readers sum the two tables (`summed(where:)`, `CooccurrenceRanking`):
/// exact at any moment, from any connection, read-only ones included. None
/// folds first: a fold is a write of the whole table (seconds on a large
/// store), which would make an analyst's 50 ms question wait for it and for
/// the writer's lock; summing costs a lookup of the entity's few pending
/// partners. Removals
/// (delete, re-extraction, alias merges) add negative deltas like any other;
/// a pair whose sum is zero is no pair to readers, and the fold deletes it
/// from `entity_pair`.
struct PendingPairCounts {
    let db: Database

    init(_ db: Database) { self.db = db }

    /// Folds when the buffer holds at least `rows` rows (any, for 1); returns
    /// whether it did.
    @discardableResult
    func foldIfDue(atRows rows: Int) throws -> Bool {
        let pending = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM entity_pair_pending")) ?? 0
        guard pending > 0, pending >= rows else { return false }
        try fold()
        return true
    }

    /// Adds every pending delta into `entity_pair` (in key order, the
    /// buffer's own), deletes the pairs left at no article, and empties the
    /// buffer. Only a delta of zero or fewer articles can leave a pair at zero,
    /// so only those pairs are looked at: a removal's few.
    func fold() throws {
        try db.execute(sql: """
            INSERT INTO entity_pair (entity_id, other_id, articles, sentences, sentence_articles)
              SELECT entity_id, other_id, articles, sentences, sentence_articles FROM entity_pair_pending
              WHERE true ORDER BY entity_id, other_id
              ON CONFLICT (entity_id, other_id) DO UPDATE SET articles = articles + excluded.articles,
                sentences = sentences + excluded.sentences, sentence_articles = sentence_articles + excluded.sentence_articles
            """)
        let shrunk = try Row.fetchAll(db, sql: "SELECT entity_id, other_id FROM entity_pair_pending WHERE articles <= 0 ORDER BY entity_id, other_id")
        if !shrunk.isEmpty {
            let delete = try db.cachedStatement(sql: "DELETE FROM entity_pair WHERE entity_id = ? AND other_id = ? AND articles <= 0")
            for key in shrunk { try delete.execute(arguments: [key[0] as DatabaseValue, key[1] as DatabaseValue]) }
        }
        try db.execute(sql: "DELETE FROM entity_pair_pending")
    }

    /// A query of the pairs matching `condition` (on `entity_id` and
    /// `other_id`; its placeholders are bound twice, once per table) with
    /// their figures summed over both tables: columns `entity_id`,
    /// `other_id`, `articles`, `sentences`, `sentence_articles`, and for each
    /// figure whether all its rows hold integers (`articles_readable`, ...;
    /// 0 for a row edited by hand, whose sum would hide the value:
    /// `rowError` reports it). A pair summing to zero comes back at zero:
    /// callers keep those above it.
    static func summed(where condition: String) -> String {
        let figures = ["articles", "sentences", "sentence_articles"]
        let columns = figures.map { "sum(\($0)) AS \($0), min(typeof(\($0)) = 'integer') AS \($0)_readable" }
        return """
            SELECT entity_id, other_id, \(columns.joined(separator: ", ")) FROM (
              SELECT entity_id, other_id, articles, sentences, sentence_articles FROM entity_pair WHERE \(condition)
              UNION ALL
              SELECT entity_id, other_id, articles, sentences, sentence_articles FROM entity_pair_pending WHERE \(condition))
            GROUP BY entity_id, other_id
            """
    }

    /// The error of a pair one of whose `columns` is unreadable in one of its
    /// rows (`summed`'s flags), read as the row is stored: "entity_pair row
    /// (entity_id 3, other_id 5): column 'articles' holds text, expected an
    /// integer".
    func rowError(entity: Int64, other: Int64, columns: [String]) throws -> StoredRowError {
        for table in ["entity_pair", "entity_pair_pending"] {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE entity_id = ? AND other_id = ?", arguments: [entity, other]) {
                var fields = StoredRow(row, table: table, keyColumns: ["entity_id", "other_id"])
                for column in columns {
                    do throws(StoredRowError) { _ = try fields.integer(column) } catch { return error }
                }
            }
        }
        return StoredRowError(articleID: nil, message: "columns \(columns.joined(separator: ", ")) do not sum to integers",
                              subject: .row(table: "entity_pair", key: "(entity_id \(entity), other_id \(other))"))
    }
}
