import DossierCore
import GRDB

/// Keeps the entity index's materialised counts (`entity_count`,
/// `entity_article`, `entity_form`, `entity_pair`, and the date buckets
/// `entity_month` and `entity_day`) equal to what the `mention`
/// table says, so `entities:top`, `:cooccur` and `timeline{entity=}` read a few
/// rows instead of aggregating every mention per call.
///
/// Maintained per set of articles, inside the transaction that changes their
/// mentions: their contribution is subtracted while their old mentions are
/// still there and added once the new ones are written. Every writer of
/// `mention` goes through this: ingest, re-extraction, delete, and the alias
/// merges of `EntityIndex.addAlias` (which move other articles' mentions
/// between entities). Chosen over a cache invalidated by a store generation:
/// the first call after each ingest batch would pay the full aggregation
/// again, which is exactly the wait at scale this avoids.
///
/// The price is paid at ingest, so it is paid once per batch, not per
/// article: the articles' mentions are read back (their key order, a range
/// of the primary key each), summed in memory into one delta per distinct
/// row, and each row is written once, in key order, by multi-row upserts.
/// An ingest batch of 500 articles names a popular entity, and a popular
/// pair, in many of its articles; one upsert carries all of them.
struct EntityCounts {
    let db: Database

    init(_ db: Database) { self.db = db }

    func add(articleIDs: [Int64]) throws {
        guard !articleIDs.isEmpty else { return }
        try write(try delta(of: articleIDs), sign: 1)
    }

    func subtract(articleIDs: [Int64]) throws {
        guard !articleIDs.isEmpty else { return }
        try write(try delta(of: articleIDs), sign: -1)
    }

    /// What a set of articles contributes to the counts.
    struct Delta {
        struct Pair: Hashable, Comparable {
            let entity: Int64, other: Int64
            static func < (a: Pair, b: Pair) -> Bool { (a.entity, a.other) < (b.entity, b.other) }
        }
        struct Form: Hashable, Comparable {
            let entity: Int64, text: BinaryText
            static func < (a: Form, b: Form) -> Bool { a.entity != b.entity ? a.entity < b.entity : a.text < b.text }
        }
        /// entity -> (mentions, articles)
        var totals: [Int64: (mentions: Int, articles: Int)] = [:]
        var forms: [Form: Int] = [:]
        /// Both directions: (a, b) and (b, a) carry the same figures.
        var pairs: [Pair: (articles: Int, sentences: Int, sentenceArticles: Int)] = [:]
        /// One row per entity named in an article.
        var articles: [(entity: Int64, article: Int64, publishedAt: Double?, mentions: Int)] = []
        /// The dated articles' rows summed per entity and UTC month, and per
        /// entity and UTC day (`DateWindowParts` numbers both).
        var months: [Period: (articles: Int, mentions: Int)] = [:]
        var days: [Period: (articles: Int, mentions: Int)] = [:]

        struct Period: Hashable, Comparable {
            let entity: Int64, number: Int64
            static func < (a: Period, b: Period) -> Bool { (a.entity, a.number) < (b.entity, b.number) }
        }

        /// Counts an entity's article in its date buckets. A date outside the
        /// years a store accepts (a row edited by hand) has no bucket; the
        /// delete or re-extraction that repairs its article must not fail.
        mutating func addToBuckets(entity: Int64, publishedAt: Double?, mentions: Int) {
            guard let publishedAt, PublicationDate.supportedSeconds.contains(publishedAt) else { return }
            let day = DateWindowParts.day(ofSeconds: publishedAt)
            func add(_ counts: inout (articles: Int, mentions: Int)) { counts.articles += 1; counts.mentions += mentions }
            add(&days[Period(entity: entity, number: day), default: (0, 0)])
            add(&months[Period(entity: entity, number: DateWindowParts.month(ofDay: day)), default: (0, 0)])
        }
    }

    /// The articles' contribution, from their stored mentions. A pair's
    /// `sentences` counts the sentences both entities share (each once however
    /// often either is named in it; a sentence is one of a field, the title's
    /// first is not the body's), `sentenceArticles` the articles with at least
    /// one such sentence.
    func delta(of articleIDs: [Int64]) throws -> Delta {
        let mentions = try db.cachedStatement(sql: "SELECT entity_id, field, sentence, text FROM mention WHERE article_id = ?")
        let published = try db.cachedStatement(sql: "SELECT published_at FROM article WHERE id = ?")
        var delta = Delta()
        // Per article: entity -> (mentions, sentence keys).
        var named: [Int64: (mentions: Int, sentences: [Int64])] = [:]
        // Per article: a number for each (field, sentence) it has. Read as the
        // stored values, as the recount's SQL compares them: a damaged
        // sentence number must not stop the delete or re-extraction that
        // repairs its article (or a batch whose acronym moves its mentions).
        var sentenceKeys: [SentenceKey: Int64] = [:]
        for articleID in Set(articleIDs).sorted() {
            named.removeAll(keepingCapacity: true)
            sentenceKeys.removeAll(keepingCapacity: true)
            let rows = try Row.fetchCursor(mentions, arguments: [articleID])
            while let row = try rows.next() {
                guard let entity = Int64.fromDatabaseValue(row[0] as DatabaseValue), let text = String.fromDatabaseValue(row[3] as DatabaseValue) else {
                    throw StoredRowError(articleID: articleID, message: "a mention row with an unreadable entity or text", subject: .mention)
                }
                let place = SentenceKey(field: row[1] as DatabaseValue, sentence: row[2] as DatabaseValue)
                let key: Int64
                if let known = sentenceKeys[place] { key = known } else { key = Int64(sentenceKeys.count); sentenceKeys[place] = key }
                func note(_ entry: inout (mentions: Int, sentences: [Int64])) { entry.mentions += 1; entry.sentences.append(key) }
                note(&named[entity, default: (0, [])])
                delta.forms[Delta.Form(entity: entity, text: BinaryText(text)), default: 0] += 1
            }
            guard !named.isEmpty else { continue }
            let date = try Row.fetchOne(published, arguments: [articleID]).flatMap { Double.fromDatabaseValue($0[0] as DatabaseValue) }
            let entities = named.keys.sorted()
            var sentenceSets: [[Int64]] = []
            sentenceSets.reserveCapacity(entities.count)
            for entity in entities {
                guard let (count, sentences) = named[entity] else { continue }
                delta.totals[entity, default: (0, 0)].mentions += count
                delta.totals[entity, default: (0, 0)].articles += 1
                delta.articles.append((entity, articleID, date, count))
                delta.addToBuckets(entity: entity, publishedAt: date, mentions: count)
                sentenceSets.append(Array(Set(sentences)).sorted())
            }
            for first in entities.indices {
                for second in entities.indices where second > first {
                    let shared = Self.sharedCount(sentenceSets[first], sentenceSets[second])
                    let sentenceArticle = shared > 0 ? 1 : 0
                    Self.count(Delta.Pair(entity: entities[first], other: entities[second]), shared, sentenceArticle, in: &delta)
                    Self.count(Delta.Pair(entity: entities[second], other: entities[first]), shared, sentenceArticle, in: &delta)
                }
            }
        }
        return delta
    }

    /// A field and sentence number as stored.
    private struct SentenceKey: Hashable { let field: DatabaseValue, sentence: DatabaseValue }

    private static func count(_ pair: Delta.Pair, _ sharedSentences: Int, _ sentenceArticle: Int, in delta: inout Delta) {
        func add(_ counts: inout (articles: Int, sentences: Int, sentenceArticles: Int)) {
            counts.articles += 1
            counts.sentences += sharedSentences
            counts.sentenceArticles += sentenceArticle
        }
        add(&delta.pairs[pair, default: (0, 0, 0)])
    }

    /// How many values two sorted arrays share.
    private static func sharedCount(_ a: [Int64], _ b: [Int64]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return shared
    }

    /// Adds (`sign` 1) or removes (-1) a delta; rows a removal leaves at zero
    /// go (the entity, pair or written form no longer occurs anywhere).
    func write(_ delta: Delta, sign: Int) throws {
        let removing = sign < 0
        let totals = delta.totals.sorted { $0.key < $1.key }
        let emptied = try upsert(
            table: "entity_count", columns: ["entity_id", "mentions", "articles"], keyCount: 1,
            update: "mentions = mentions + excluded.mentions, articles = articles + excluded.articles",
            returningIfRemoving: removing ? "articles" : nil,
            rows: totals.map { [$0.key, sign * $0.value.mentions, sign * $0.value.articles] })
        for key in emptied {
            try db.cachedStatement(sql: "DELETE FROM entity_count WHERE entity_id = ? AND articles <= 0").execute(arguments: StatementArguments(key))
        }
        let forms = delta.forms.sorted { $0.key < $1.key }
        let unused = try upsert(
            table: "entity_form", columns: ["entity_id", "text", "mentions"], keyCount: 2,
            update: "mentions = mentions + excluded.mentions", returningIfRemoving: removing ? "mentions" : nil,
            rows: forms.map { [$0.key.entity, $0.key.text.string, sign * $0.value] })
        for key in unused {
            try db.cachedStatement(sql: "DELETE FROM entity_form WHERE entity_id = ? AND text = ? AND mentions <= 0")
                .execute(arguments: StatementArguments(key))
        }
        let pairs = delta.pairs.sorted { $0.key < $1.key }
        let apart = try upsert(
            table: "entity_pair", columns: ["entity_id", "other_id", "articles", "sentences", "sentence_articles"], keyCount: 2,
            update: "articles = articles + excluded.articles, sentences = sentences + excluded.sentences, "
                + "sentence_articles = sentence_articles + excluded.sentence_articles",
            returningIfRemoving: removing ? "articles" : nil,
            rows: pairs.map { [$0.key.entity, $0.key.other, sign * $0.value.articles, sign * $0.value.sentences, sign * $0.value.sentenceArticles] })
        for key in apart {
            try db.cachedStatement(sql: "DELETE FROM entity_pair WHERE entity_id = ? AND other_id = ? AND articles <= 0")
                .execute(arguments: StatementArguments(key))
        }
        try writeBuckets(delta, sign: sign)
        let articles = delta.articles.sorted { ($0.entity, $0.article) < ($1.entity, $1.article) }
        if removing {
            let remove = try db.cachedStatement(sql: "DELETE FROM entity_article WHERE entity_id = ? AND article_id = ?")
            for row in articles { try remove.execute(arguments: [row.entity, row.article]) }
        } else {
            _ = try upsert(table: "entity_article", columns: ["entity_id", "article_id", "published_at", "mentions"], keyCount: 2,
                           update: nil, returningIfRemoving: nil,
                           rows: articles.map { [$0.entity, $0.article, $0.publishedAt, $0.mentions] })
        }
    }

    /// The date buckets' share of a delta; rows a removal leaves at zero go.
    private func writeBuckets(_ delta: Delta, sign: Int) throws {
        for (table, column, buckets) in [("entity_month", "month", delta.months), ("entity_day", "day", delta.days)] {
            let rows = buckets.sorted { $0.key < $1.key }
            let emptied = try upsert(
                table: table, columns: ["entity_id", column, "articles", "mentions"], keyCount: 2,
                update: "articles = articles + excluded.articles, mentions = mentions + excluded.mentions",
                returningIfRemoving: sign < 0 ? "articles" : nil,
                rows: rows.map { [$0.key.entity, $0.key.number, sign * $0.value.articles, sign * $0.value.mentions] })
            for key in emptied {
                try db.cachedStatement(sql: "DELETE FROM \(table) WHERE entity_id = ? AND \(column) = ? AND articles <= 0")
                    .execute(arguments: StatementArguments(key))
            }
        }
    }

    /// Fills the date buckets from `entity_article` (for the migration that
    /// introduces them): in key order, one entity's rows summed at a time,
    /// so a large store is not held in memory.
    func rebuildDateBuckets() throws {
        try db.execute(sql: "DELETE FROM entity_month; DELETE FROM entity_day")
        let rows = try Row.fetchCursor(db, sql: "SELECT entity_id, published_at, mentions FROM entity_article WHERE published_at IS NOT NULL ORDER BY entity_id, article_id")
        var pending = Delta()
        while let row = try rows.next() {
            guard let entity = Int64.fromDatabaseValue(row[0] as DatabaseValue),
                  let publishedAt = Double.fromDatabaseValue(row[1] as DatabaseValue),
                  let mentions = Int.fromDatabaseValue(row[2] as DatabaseValue) else { continue }
            pending.addToBuckets(entity: entity, publishedAt: publishedAt, mentions: mentions)
            if pending.days.count >= 10_000 {
                try writeBuckets(pending, sign: 1)
                pending = Delta()
            }
        }
        try writeBuckets(pending, sign: 1)
    }

    /// Rows per statement: a few hundred values, well under SQLite's limit of
    /// bound parameters, and few statements per batch.
    static let rowsPerStatement = 100

    /// Writes `rows` (key columns first) with multi-row statements: inserted,
    /// or added to the row of the same key (`update`). With
    /// `returningIfRemoving`, returns the keys whose column of that name is now
    /// zero or less.
    private func upsert(table: String, columns: [String], keyCount: Int, update: String?, returningIfRemoving: String?,
                        rows: [[(any DatabaseValueConvertible)?]]) throws -> [[(any DatabaseValueConvertible)?]] {
        var emptied: [[(any DatabaseValueConvertible)?]] = []
        let keys = columns.prefix(keyCount)
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + Self.rowsPerStatement)]
            start += chunk.count
            let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: placeholders, count: chunk.count).joined(separator: ", ")
            if let update { sql += " ON CONFLICT (\(keys.joined(separator: ", "))) DO UPDATE SET \(update)" }
            if let returning = returningIfRemoving { sql += " RETURNING \(keys.joined(separator: ", ")), \(returning)" }
            // The full-size statement is prepared once per connection; the
            // last, shorter one of a batch is made for it.
            let statement = chunk.count == Self.rowsPerStatement ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
            let arguments = StatementArguments(chunk.flatMap { $0 })
            if returningIfRemoving != nil {
                for row in try Row.fetchAll(statement, arguments: arguments) {
                    guard let remaining = Int64.fromDatabaseValue(row[keyCount] as DatabaseValue), remaining <= 0 else { continue }
                    emptied.append((0..<keyCount).map { index -> (any DatabaseValueConvertible)? in row[index] as DatabaseValue })
                }
            } else {
                try statement.execute(arguments: arguments)
            }
        }
        return emptied
    }

    /// The whole store's counts from its mentions, in one pass per table (for
    /// the migration that introduces them, and for a check).
    static let rebuildSQL = """
        DELETE FROM entity_count;
        DELETE FROM entity_form;
        DELETE FROM entity_pair;
        DELETE FROM entity_article;
        INSERT INTO entity_count (entity_id, mentions, articles)
          SELECT entity_id, count(*), count(DISTINCT article_id) FROM mention GROUP BY entity_id;
        INSERT INTO entity_form (entity_id, text, mentions)
          SELECT entity_id, text, count(*) FROM mention GROUP BY entity_id, text;
        INSERT INTO entity_article (entity_id, article_id, published_at, mentions)
          SELECT mention.entity_id, mention.article_id, article.published_at, count(*)
          FROM mention JOIN article ON article.id = mention.article_id GROUP BY mention.entity_id, mention.article_id;
        WITH present AS (SELECT DISTINCT article_id, entity_id, field, sentence FROM mention),
        per_article AS (
          SELECT a.entity_id, b.entity_id AS other_id, sum(a.field = b.field AND a.sentence = b.sentence) AS sentences
          FROM present AS a JOIN present AS b ON b.article_id = a.article_id AND b.entity_id != a.entity_id
          GROUP BY a.article_id, a.entity_id, b.entity_id)
        INSERT INTO entity_pair (entity_id, other_id, articles, sentences, sentence_articles)
          SELECT entity_id, other_id, count(*), sum(sentences), sum(sentences > 0) FROM per_article
          GROUP BY entity_id, other_id;
        """
}
