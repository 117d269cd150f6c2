import DossierCore
import GRDB

/// Keeps the entity index's materialised counts (`entity_count`,
/// `entity_article`, `entity_form`, `entity_pair` with its buffer of pending
/// deltas `entity_pair_pending`, and the date buckets `entity_month` and
/// `entity_day`) equal to what the `mention` table says, so `entities:top`, `:cooccur` and `timeline{entity=}` read a few
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

    /// How many of an article's entities pair with one another in the
    /// article window (see `CooccurrenceWindow.article`).
    static let leadingEntitiesPerArticle = CooccurrenceWindow.leadingEntitiesPerArticle

    /// What a set of articles contributes to the counts.
    struct Delta {
        /// A pair of entities, `entity` < `other`: both directions carry the
        /// same figures, so they are summed once and written twice.
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
        /// One key per unordered pair (see `Pair`).
        var pairs: [Pair: (articles: Int, sentences: Int, sentenceArticles: Int)] = [:]
        /// One row per entity named in an article; `leading`: one of its
        /// leading entities.
        var articles: [(entity: Int64, article: Int64, publishedAt: Double?, mentions: Int, leading: Bool)] = []
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

    /// An entity as one article names it.
    private struct Named {
        var mentions = 0
        /// The article's sentence keys, one per mention (repeats included).
        var sentences: [Int64] = []
        /// Where it is first named: the field's place in reading order, then
        /// the start offset (a damaged one after every readable one).
        var first = Place(field: Int.max, start: Int64.max)
    }

    private struct Place: Comparable {
        let field: Int, start: Int64
        static func < (a: Place, b: Place) -> Bool { (a.field, a.start) < (b.field, b.start) }
    }

    /// A field's place in reading order, as `rebuildSQL` ranks it; a value
    /// that is no field's comes after them all.
    private static let fieldPlaces: [String: Int] = Dictionary(
        uniqueKeysWithValues: ArticleField.allCases.enumerated().map { ($1.rawValue, $0) })

    private static func place(field: DatabaseValue, start: DatabaseValue) -> Place {
        var fieldPlace = ArticleField.allCases.count
        if case .string(let name) = field.storage, let known = fieldPlaces[name] { fieldPlace = known }
        var offset = Int64.max
        if case .int64(let number) = start.storage { offset = number }
        return Place(field: fieldPlace, start: offset)
    }

    /// The articles' contribution, from their stored mentions. A pair's
    /// `sentences` counts the sentences both entities share (each once however
    /// often either is named in it; a sentence is one of a field, the title's
    /// first is not the body's), `sentenceArticles` the articles with at least
    /// one such sentence, `articles` those where both are among the leading
    /// entities (`leadingEntitiesPerArticle`) or share a sentence.
    func delta(of articleIDs: [Int64]) throws -> Delta {
        let mentions = try db.cachedStatement(sql: "SELECT entity_id, field, sentence, text, start FROM mention WHERE article_id = ?")
        let published = try db.cachedStatement(sql: "SELECT published_at FROM article WHERE id = ?")
        var delta = Delta()
        var named: [Int64: Named] = [:]
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
                let field = row[1] as DatabaseValue
                let place = SentenceKey(field: field, sentence: row[2] as DatabaseValue)
                let key: Int64
                if let known = sentenceKeys[place] { key = known } else { key = Int64(sentenceKeys.count); sentenceKeys[place] = key }
                let position = Self.place(field: field, start: row[4] as DatabaseValue)
                func note(_ entry: inout Named) {
                    entry.mentions += 1
                    entry.sentences.append(key)
                    if position < entry.first { entry.first = position }
                }
                note(&named[entity, default: Named()])
                delta.forms[Delta.Form(entity: entity, text: BinaryText(text)), default: 0] += 1
            }
            guard !named.isEmpty else { continue }
            let date = try Row.fetchOne(published, arguments: [articleID]).flatMap { Double.fromDatabaseValue($0[0] as DatabaseValue) }
            let entities = named.keys.sorted()
            var sentenceSets: [[Int64]] = []
            var ranking: [(mentions: Int, first: Place, entity: Int64)] = []
            sentenceSets.reserveCapacity(entities.count)
            for entity in entities {
                guard let entry = named[entity] else { continue }
                sentenceSets.append(Array(Set(entry.sentences)).sorted())
                ranking.append((entry.mentions, entry.first, entity))
            }
            let leading = Self.leading(ranking)
            for (index, entry) in ranking.enumerated() {
                delta.totals[entry.entity, default: (0, 0)].mentions += entry.mentions
                delta.totals[entry.entity, default: (0, 0)].articles += 1
                delta.articles.append((entry.entity, articleID, date, entry.mentions, leading[index]))
                delta.addToBuckets(entity: entry.entity, publishedAt: date, mentions: entry.mentions)
            }
            countPairs(entities, sentenceSets: sentenceSets, leading: leading, sentenceCount: sentenceKeys.count, in: &delta)
        }
        return delta
    }

    /// Which of an article's entities (in `entities` order) are its leading ones.
    private static func leading(_ ranking: [(mentions: Int, first: Place, entity: Int64)]) -> [Bool] {
        guard ranking.count > leadingEntitiesPerArticle else { return Array(repeating: true, count: ranking.count) }
        let order = ranking.indices.sorted { a, b in
            let x = ranking[a], y = ranking[b]
            if x.mentions != y.mentions { return x.mentions > y.mentions }
            if x.first != y.first { return x.first < y.first }
            return x.entity < y.entity
        }
        var leading = Array(repeating: false, count: ranking.count)
        for index in order.prefix(leadingEntitiesPerArticle) { leading[index] = true }
        return leading
    }

    /// One article's pairs: every pair of leading entities, and the pairs
    /// beyond them that share a sentence. `entities` ascending, with their
    /// sorted sentence keys (0..<sentenceCount) and leading flags.
    private func countPairs(_ entities: [Int64], sentenceSets: [[Int64]], leading: [Bool], sentenceCount: Int, in delta: inout Delta) {
        for first in entities.indices where leading[first] {
            for second in entities.indices where second > first && leading[second] {
                let shared = Self.sharedCount(sentenceSets[first], sentenceSets[second])
                Self.count(Delta.Pair(entity: entities[first], other: entities[second]), shared, shared > 0 ? 1 : 0, in: &delta)
            }
        }
        guard leading.contains(false) else { return }
        // Beyond the leading entities, from each sentence's entities: each
        // list ascends, as `entities` is walked in order.
        var named = Array(repeating: [Int](), count: sentenceCount)
        for (index, sentences) in sentenceSets.enumerated() {
            for sentence in sentences { if let slot = Int(exactly: sentence), named.indices.contains(slot) { named[slot].append(index) } }
        }
        var shared: [Delta.Pair: Int] = [:]
        for list in named where list.count > 1 {
            for (position, first) in list.enumerated() {
                for second in list[(position + 1)...] where !(leading[first] && leading[second]) {
                    shared[Delta.Pair(entity: entities[first], other: entities[second]), default: 0] += 1
                }
            }
        }
        for (pair, sentences) in shared { Self.count(pair, sentences, 1, in: &delta) }
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
    /// go (the entity or written form no longer occurs anywhere; a pair's go
    /// at the next fold of `PendingPairCounts`).
    func write(_ delta: Delta, sign: Int) throws {
        let removing = sign < 0
        let signed = Int64(sign)
        var values: [DatabaseValue] = []
        values.reserveCapacity(3 * delta.totals.count)
        for (entity, counts) in delta.totals.sorted(by: { $0.key < $1.key }) {
            values += [entity.databaseValue, (signed * Int64(counts.mentions)).databaseValue, (signed * Int64(counts.articles)).databaseValue]
        }
        let emptied = try upsert(
            table: "entity_count", columns: ["entity_id", "mentions", "articles"], keyCount: 1,
            update: "mentions = mentions + excluded.mentions, articles = articles + excluded.articles",
            returningIfRemoving: removing ? "articles" : nil, values: values)
        try deleteEmptied(emptied, sql: "DELETE FROM entity_count WHERE entity_id = ? AND articles <= 0")
        values.removeAll(keepingCapacity: true)
        for (form, mentions) in delta.forms.sorted(by: { $0.key < $1.key }) {
            values += [form.entity.databaseValue, form.text.string.databaseValue, (signed * Int64(mentions)).databaseValue]
        }
        let unused = try upsert(
            table: "entity_form", columns: ["entity_id", "text", "mentions"], keyCount: 2,
            update: "mentions = mentions + excluded.mentions", returningIfRemoving: removing ? "mentions" : nil, values: values)
        try deleteEmptied(unused, sql: "DELETE FROM entity_form WHERE entity_id = ? AND text = ? AND mentions <= 0")
        // Both directions of each pair, in key order.
        var pairs: [(key: Delta.Pair, value: (articles: Int, sentences: Int, sentenceArticles: Int))] = []
        pairs.reserveCapacity(2 * delta.pairs.count)
        for (pair, counts) in delta.pairs {
            pairs.append((pair, counts))
            pairs.append((Delta.Pair(entity: pair.other, other: pair.entity), counts))
        }
        pairs.sort { $0.key < $1.key }
        values.removeAll(keepingCapacity: true)
        values.reserveCapacity(5 * pairs.count)
        for (pair, counts) in pairs {
            values += [pair.entity.databaseValue, pair.other.databaseValue, (signed * Int64(counts.articles)).databaseValue,
                       (signed * Int64(counts.sentences)).databaseValue, (signed * Int64(counts.sentenceArticles)).databaseValue]
        }
        // Into the buffer of pair deltas, not `entity_pair` (see
        // `PendingPairCounts`); a removal's negative deltas wait there too,
        // summed with `entity_pair` by every reader until the fold.
        _ = try upsert(
            table: "entity_pair_pending", columns: ["entity_id", "other_id", "articles", "sentences", "sentence_articles"], keyCount: 2,
            update: "articles = articles + excluded.articles, sentences = sentences + excluded.sentences, "
                + "sentence_articles = sentence_articles + excluded.sentence_articles",
            returningIfRemoving: nil, values: values)
        try writeBuckets(delta, sign: sign)
        let articles = delta.articles.sorted { ($0.entity, $0.article) < ($1.entity, $1.article) }
        if removing {
            let remove = try db.cachedStatement(sql: "DELETE FROM entity_article WHERE entity_id = ? AND article_id = ?")
            for row in articles { try remove.execute(arguments: [row.entity, row.article]) }
        } else {
            values.removeAll(keepingCapacity: true)
            for row in articles {
                values += [row.entity.databaseValue, row.article.databaseValue, row.publishedAt.databaseValue,
                           Int64(row.mentions).databaseValue, row.leading.databaseValue]
            }
            _ = try upsert(table: "entity_article", columns: ["entity_id", "article_id", "published_at", "mentions", "leads"], keyCount: 2,
                           update: nil, returningIfRemoving: nil, values: values)
        }
    }

    /// Deletes the rows a removal left at zero (their keys, as `upsert`
    /// returns them), through one prepared statement.
    private func deleteEmptied(_ keys: [[DatabaseValue]], sql: String) throws {
        guard !keys.isEmpty else { return }
        let delete = try db.cachedStatement(sql: sql)
        for key in keys { try delete.execute(arguments: StatementArguments(key)) }
    }

    /// The date buckets' share of a delta; rows a removal leaves at zero go.
    private func writeBuckets(_ delta: Delta, sign: Int) throws {
        let signed = Int64(sign)
        var values: [DatabaseValue] = []
        for (table, column, buckets) in [("entity_month", "month", delta.months), ("entity_day", "day", delta.days)] {
            values.removeAll(keepingCapacity: true)
            values.reserveCapacity(4 * buckets.count)
            for (period, counts) in buckets.sorted(by: { $0.key < $1.key }) {
                values += [period.entity.databaseValue, period.number.databaseValue,
                           (signed * Int64(counts.articles)).databaseValue, (signed * Int64(counts.mentions)).databaseValue]
            }
            let emptied = try upsert(
                table: table, columns: ["entity_id", column, "articles", "mentions"], keyCount: 2,
                update: "articles = articles + excluded.articles, mentions = mentions + excluded.mentions",
                returningIfRemoving: sign < 0 ? "articles" : nil, values: values)
            try deleteEmptied(emptied, sql: "DELETE FROM \(table) WHERE entity_id = ? AND \(column) = ? AND articles <= 0")
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

    /// Writes rows (key columns first; `values` holds them one after the
    /// other, `columns.count` values each) with multi-row statements:
    /// inserted, or added to the row of the same key (`update`). With
    /// `returningIfRemoving`, returns the keys whose column of that name is
    /// now zero or less. The values come as `DatabaseValue`s, not a list per
    /// row: a batch writes a few hundred thousand of them.
    private func upsert(table: String, columns: [String], keyCount: Int, update: String?, returningIfRemoving: String?,
                        values: [DatabaseValue]) throws -> [[DatabaseValue]] {
        var emptied: [[DatabaseValue]] = []
        let width = columns.count
        guard width > 0, !values.isEmpty else { return emptied }
        precondition(values.count % width == 0, "whole rows of values")
        let keys = columns.prefix(keyCount)
        func sql(rows: Int) -> String {
            let placeholders = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
            var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: placeholders, count: rows).joined(separator: ", ")
            if let update { sql += " ON CONFLICT (\(keys.joined(separator: ", "))) DO UPDATE SET \(update)" }
            if let returning = returningIfRemoving { sql += " RETURNING \(keys.joined(separator: ", ")), \(returning)" }
            return sql
        }
        let fullSQL = sql(rows: Self.rowsPerStatement)
        var start = 0
        while start < values.count {
            let end = min(values.count, start + Self.rowsPerStatement * width)
            let rows = (end - start) / width
            // The full-size statement is prepared once per connection; the
            // last, shorter one of a batch is made for it.
            let statement = rows == Self.rowsPerStatement ? try db.cachedStatement(sql: fullSQL) : try db.makeStatement(sql: sql(rows: rows))
            let arguments = StatementArguments(values[start..<end])
            start = end
            if returningIfRemoving != nil {
                for row in try Row.fetchAll(statement, arguments: arguments) {
                    guard let remaining = Int64.fromDatabaseValue(row[keyCount] as DatabaseValue), remaining <= 0 else { continue }
                    emptied.append((0..<keyCount).map { index in row[index] as DatabaseValue })
                }
            } else {
                try statement.execute(arguments: arguments)
            }
        }
        return emptied
    }

    /// The whole store's counts from its mentions, in one pass per table, by
    /// the rule of `delta(of:)` (for the migration that recounts them, and
    /// for tests): an article's leading entities (`leadingEntitiesPerArticle`,
    /// ranked by mentions, then by where each is first named, then by id)
    /// pair with one another; any two entities sharing a sentence pair too.
    /// It rewrites `entity_pair` only: on a store with deltas pending, fold
    /// (`PendingPairCounts.fold`) or empty `entity_pair_pending` first, or
    /// readers, which sum both, count those pairs twice. (The recount
    /// migration runs before that table exists.)
    static let rebuildSQL = """
        DELETE FROM entity_count;
        DELETE FROM entity_form;
        DELETE FROM entity_article;
        DELETE FROM entity_pair;
        INSERT INTO entity_count (entity_id, mentions, articles)
          SELECT entity_id, count(*), count(DISTINCT article_id) FROM mention GROUP BY entity_id;
        INSERT INTO entity_form (entity_id, text, mentions)
          SELECT entity_id, text, count(*) FROM mention GROUP BY entity_id, text;
        WITH placed AS (
          SELECT article_id, entity_id, row_number() OVER (
            PARTITION BY article_id
            ORDER BY \(fieldPlaceSQL), CASE WHEN typeof(start) = 'integer' THEN start ELSE 9223372036854775807 END, entity_id) AS place
          FROM mention),
        named AS (SELECT article_id, entity_id, count(*) AS mentions, min(place) AS first FROM placed GROUP BY article_id, entity_id),
        ranked AS (
          SELECT article_id, entity_id, mentions,
            row_number() OVER (PARTITION BY article_id ORDER BY mentions DESC, first, entity_id) AS rank FROM named)
        INSERT INTO entity_article (entity_id, article_id, published_at, mentions, leads)
          SELECT ranked.entity_id, ranked.article_id, article.published_at, ranked.mentions, ranked.rank <= \(leadingEntitiesPerArticle)
          FROM ranked JOIN article ON article.id = ranked.article_id;
        WITH present AS (SELECT DISTINCT article_id, entity_id, field, sentence FROM mention),
        shared AS (
          SELECT a.article_id, a.entity_id, b.entity_id AS other_id, count(*) AS sentences
          FROM present AS a JOIN present AS b
            ON b.article_id = a.article_id AND b.field = a.field AND b.sentence = a.sentence AND b.entity_id != a.entity_id
          GROUP BY a.article_id, a.entity_id, b.entity_id),
        leaders AS (SELECT article_id, entity_id FROM entity_article WHERE leads),
        per_article AS (
          SELECT article_id, entity_id, other_id, sum(sentences) AS sentences FROM (
            SELECT article_id, entity_id, other_id, sentences FROM shared
            UNION ALL
            SELECT a.article_id, a.entity_id, b.entity_id, 0 FROM leaders AS a JOIN leaders AS b
              ON b.article_id = a.article_id AND b.entity_id != a.entity_id)
          GROUP BY article_id, entity_id, other_id)
        INSERT INTO entity_pair (entity_id, other_id, articles, sentences, sentence_articles)
          SELECT entity_id, other_id, count(*), sum(sentences), sum(sentences > 0) FROM per_article
          GROUP BY entity_id, other_id;
        """

    /// A mention's field as its place in reading order (`fieldPlaces`).
    private static let fieldPlaceSQL = "CASE field "
        + ArticleField.allCases.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(separator: " ")
        + " ELSE \(ArticleField.allCases.count) END"
}
