import DossierCore
import Foundation
import GRDB

/// The SQLite schema, as migrations: a migration once shipped is never edited;
/// a change is a new migration.
public enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: articles with full-text index") { db in
            try createArticleTables(db)
        }
        migrator.registerMigration("v2: near-duplicate signatures and links") { db in
            try db.execute(sql: """
                CREATE TABLE article_minhash (
                  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                  signature BLOB NOT NULL       -- MinHashSignature.bytes
                );
                CREATE TABLE article_band (     -- LSH buckets: one row per article and band
                  band INTEGER NOT NULL, bucket INTEGER NOT NULL,
                  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE
                );
                CREATE INDEX article_band_bucket ON article_band(band, bucket);
                CREATE INDEX article_band_article ON article_band(article_id);
                CREATE TABLE article_similar (  -- both directions are stored
                  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                  other_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                  score REAL NOT NULL,
                  PRIMARY KEY (article_id, other_id)
                ) WITHOUT ROWID;
                """)
            // Stores made before this migration get their signatures now.
            let index = NearDuplicateIndex(db)
            for row in try Row.fetchAll(db, sql: "SELECT id, body FROM article ORDER BY id") {
                _ = try index.insert(articleID: row["id"], signature: MinHashSignature(text: row["body"]))
            }
        }
        migrator.registerMigration("v3: entities, mentions and the analyst's additions") { db in
            try db.execute(sql: """
                CREATE TABLE entity (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL,           -- as displayed: the first mixed-case form seen
                  key TEXT NOT NULL,            -- entityKey(name): case and spacing folded
                  type TEXT NOT NULL,           -- EntityType raw value
                  UNIQUE (key, type)
                );
                CREATE TABLE entity_alias (     -- other names: acronyms defined in some article, analyst aliases
                  key TEXT NOT NULL,
                  type TEXT NOT NULL,           -- the entity's type: one meaning per name and type
                  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                  alias TEXT NOT NULL,
                  PRIMARY KEY (key, type)       -- the first definition keeps the name
                ) WITHOUT ROWID;
                CREATE INDEX entity_alias_entity ON entity_alias(entity_id);
                CREATE TABLE mention (
                  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                  start INTEGER NOT NULL,       -- 1-based first byte in the body
                  stop INTEGER NOT NULL,        -- 1-based last byte, inclusive
                  entity_id INTEGER NOT NULL REFERENCES entity(id),
                  sentence INTEGER NOT NULL,
                  type TEXT NOT NULL,           -- the mention's own type (NORP for "Bangladeshi")
                  source TEXT NOT NULL,         -- MentionSource raw value
                  text TEXT NOT NULL,
                  PRIMARY KEY (article_id, start)
                ) WITHOUT ROWID;
                CREATE INDEX mention_entity ON mention(entity_id, article_id);
                CREATE TABLE article_extraction ( -- which extractor made an article's mentions
                  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                  version TEXT NOT NULL
                );
                CREATE TABLE analyst_entity (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL,
                  key TEXT NOT NULL UNIQUE,
                  type TEXT NOT NULL,
                  aliases TEXT NOT NULL         -- JSON array of strings
                );
                CREATE TABLE analyst_rejection ( -- names an analyst said are no entity
                  id INTEGER PRIMARY KEY,
                  key TEXT NOT NULL UNIQUE,
                  name TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("mention fields: mentions in title, subtitle, byline and dateline") { db in
            // A mention's offsets are relative to its field, so the key gains
            // the field; SQLite cannot change a key in place, hence the copy.
            try db.execute(sql: """
                CREATE TABLE mention_by_field (
                  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                  field TEXT NOT NULL,          -- ArticleField raw value: title, subtitle, byline, dateline, body
                  start INTEGER NOT NULL,       -- 1-based first byte in the field's text
                  stop INTEGER NOT NULL,        -- 1-based last byte, inclusive
                  entity_id INTEGER NOT NULL REFERENCES entity(id),
                  sentence INTEGER NOT NULL,    -- 1-based, counted within the field
                  type TEXT NOT NULL,
                  source TEXT NOT NULL,
                  text TEXT NOT NULL,
                  PRIMARY KEY (article_id, field, start)
                ) WITHOUT ROWID;
                INSERT INTO mention_by_field (article_id, field, start, stop, entity_id, sentence, type, source, text)
                  SELECT article_id, 'body', start, stop, entity_id, sentence, type, source, text FROM mention;
                DROP TABLE mention;
                ALTER TABLE mention_by_field RENAME TO mention;
                CREATE INDEX mention_entity ON mention(entity_id, article_id);
                """)
        }
        migrator.registerMigration("article extraction warnings") { db in
            // Why an extracted text may not be the whole article, one note a
            // line ("possibly truncated: …"); NULL when nothing is amiss.
            try db.execute(sql: "ALTER TABLE article ADD COLUMN extraction_warnings TEXT")
        }
        migrator.registerMigration("v-entity-lookup: mentions by written name, for entities:get and find") { db in
            // entities:get("Britain") finds United Kingdom through how articles wrote it.
            try db.execute(sql: "CREATE INDEX mention_text ON mention(text COLLATE NOCASE, entity_id)")
        }
        migrator.registerMigration("claims: attributions, source kinds and hedges of articles") { db in
            try db.execute(sql: """
                CREATE TABLE claim (
                  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                  ordinal INTEGER NOT NULL,     -- text order within the article, from 0
                  source_start INTEGER,         -- 0-based, half-open byte range in the body; NULL: no source
                  source_end INTEGER,
                  cue_start INTEGER NOT NULL,
                  cue_end INTEGER NOT NULL,
                  content TEXT NOT NULL,        -- "start-end" ranges joined by ","
                  kind TEXT NOT NULL,           -- SourceKind raw value
                  role TEXT,                    -- SourceRole raw value
                  entity TEXT,                  -- the source's canonical entity name
                  hedges TEXT NOT NULL,         -- "start-end:kind" joined by ","
                  sentence INTEGER NOT NULL,
                  PRIMARY KEY (article_id, ordinal)
                ) WITHOUT ROWID;
                CREATE INDEX claim_kind ON claim(kind, article_id);
                CREATE TABLE article_claims (   -- which claim finder analysed an article
                  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                  version TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("ingested files: path, size and mtime of each file read in full") { db in
            try db.execute(sql: """
                CREATE TABLE ingested_file (    -- a re-run skips a file whose stamp is unchanged
                  path TEXT PRIMARY KEY,        -- as resolved (realpath) when it was read
                  size INTEGER NOT NULL,
                  modified REAL NOT NULL        -- seconds since 1970
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("entity counts: per-entity totals, written forms, articles by date and co-occurring pairs") { db in
            // Materialised from `mention` and kept equal to it by EntityCounts in
            // every transaction that writes mentions; filled here from what the
            // store already holds.
            try db.execute(sql: """
                CREATE TABLE entity_count (
                  entity_id INTEGER PRIMARY KEY REFERENCES entity(id) ON DELETE CASCADE,
                  mentions INTEGER NOT NULL,
                  articles INTEGER NOT NULL
                );
                CREATE INDEX entity_count_rank ON entity_count(articles DESC, mentions DESC);
                CREATE TABLE entity_form (       -- how articles wrote an entity's name, and how often
                  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                  text TEXT NOT NULL,
                  mentions INTEGER NOT NULL,
                  PRIMARY KEY (entity_id, text)
                ) WITHOUT ROWID;
                CREATE TABLE entity_article (    -- the articles of an entity, by date: timeline{entity=} reads only these
                  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                  published_at REAL,             -- the article's, copied: articles are never re-dated
                  mentions INTEGER NOT NULL,
                  PRIMARY KEY (entity_id, article_id)
                ) WITHOUT ROWID;
                CREATE INDEX entity_article_published ON entity_article(entity_id, published_at, article_id);
                CREATE INDEX entity_article_window ON entity_article(published_at);
                CREATE TABLE entity_pair (       -- both directions: (a, b) and (b, a)
                  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                  other_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                  articles INTEGER NOT NULL,     -- articles naming both
                  sentences INTEGER NOT NULL,    -- sentences naming both
                  sentence_articles INTEGER NOT NULL, -- articles with at least one such sentence
                  PRIMARY KEY (entity_id, other_id)
                ) WITHOUT ROWID;
                """)
            // Filled from the mentions by the last migration that recounts
            // them (the one that ranks an article's leading entities), whose
            // columns these tables do not have yet.
        }
        migrator.registerMigration("batch jobs: jobs, leased article-id ranges and map results") { db in
            try db.execute(sql: StoreSchema.batchJobTables)
        }
        migrator.registerMigration("ingest positions: how far a streamed file was stored, for a killed ingest to resume") { db in
            try db.execute(sql: """
                CREATE TABLE ingest_position (  -- written in the transaction of each batch
                  path TEXT PRIMARY KEY,        -- as resolved (realpath)
                  size INTEGER NOT NULL,        -- the file's stamp: a changed file starts over
                  modified REAL NOT NULL,
                  items INTEGER NOT NULL,       -- records stored or reported so far
                  lines INTEGER NOT NULL,
                  byte_offset INTEGER NOT NULL  -- where the next record starts (uncompressed bytes)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("claim roles: index for store:claims{role=} filtered in SQL") { db in
            try db.execute(sql: "CREATE INDEX claim_role ON claim(role, article_id)")
        }
        migrator.registerMigration("byline authors: the byline's names typed person, organisation, desk or unknown") { db in
            // One author a line, "kind<tab>name" (`StoredAuthors`); NULL when
            // the byline names nobody or was never read. Articles stored
            // before are read by `reextract{all=true}`.
            try db.execute(sql: "ALTER TABLE article ADD COLUMN byline_authors TEXT")
        }
        migrator.registerMigration("written names from entity_form: entities:get looks names up in the forms, not in every mention") { db in
            // The written forms hold each (entity, text) once where `mention`
            // holds it per occurrence: the index on them is a fraction of the
            // size, and ingest no longer writes one more index entry per mention.
            try db.execute(sql: """
                CREATE INDEX entity_form_text ON entity_form(text COLLATE NOCASE, entity_id);
                DROP INDEX mention_text;
                """)
        }
        migrator.registerMigration("entity pairs: an article's leading entities pair with one another, any two entities sharing a sentence too") { db in
            // The article window's rule (`CooccurrenceWindow.article`); each
            // entity's article row says whether it leads the article, for
            // `entities:graph{since=}`, which pairs from the mentions (column
            // `leads`, 1 or 0). The counts already stored are counted again.
            try db.execute(sql: "ALTER TABLE entity_article ADD COLUMN leads INTEGER NOT NULL DEFAULT 1")
            try db.execute(sql: EntityCounts.rebuildSQL)
        }
        migrator.registerMigration("entity date buckets: articles and mentions per entity and UTC month and day, for entities:top over a date window") { db in
            // `entity_article` summed per entity and period (`DateWindowParts`
            // numbers them): a window's top sums an entity's months, the days
            // outside them and the partial days at the ends, instead of every
            // row of the window (`WindowedEntityTop`). Kept by EntityCounts.
            try db.execute(sql: """
                CREATE TABLE entity_month (
                  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                  month INTEGER NOT NULL,        -- (year - 1970) * 12 + month - 1, UTC
                  articles INTEGER NOT NULL,
                  mentions INTEGER NOT NULL,
                  PRIMARY KEY (entity_id, month)
                ) WITHOUT ROWID;
                CREATE TABLE entity_day (
                  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                  day INTEGER NOT NULL,          -- days since 1970-01-01, UTC
                  articles INTEGER NOT NULL,
                  mentions INTEGER NOT NULL,
                  PRIMARY KEY (entity_id, day)
                ) WITHOUT ROWID;
                """)
            try EntityCounts(db).rebuildDateBuckets()
        }
        migrator.registerMigration("article filter facets: a ranked search tests a match's date and outlet in a small index, not its article row") { db in
            // A ranked search with a date or outlet filter passing many
            // articles tests the newest matches one by one until its ranking
            // window is full; each test read the match's article row (about
            // a page of body text). These entries are a few dozen bytes.
            try db.execute(sql: "CREATE INDEX article_filter_facets ON article(id, published_at, outlet COLLATE NOCASE)")
        }
        migrator.registerMigration("entity pair deltas: ingest adds pair counts to a small pending table, folded into entity_pair in one sweep") { db in
            // A batch's pair rows, spread over the whole key range, dirtied
            // nearly every page of a large entity_pair; they go here instead
            // and are folded in every `SQLiteStore.pairFoldRows` rows
            // (`PendingPairCounts`). Readers sum both tables. Starts empty:
            // the pairs already counted stay in entity_pair.
            try db.execute(sql: """
                CREATE TABLE entity_pair_pending ( -- signed deltas to entity_pair, same key
                  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                  other_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                  articles INTEGER NOT NULL,
                  sentences INTEGER NOT NULL,
                  sentence_articles INTEGER NOT NULL,
                  PRIMARY KEY (entity_id, other_id)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }

    /// The coordination tables of batch jobs (see `BatchJobStore`).
    static let batchJobTables = """
        CREATE TABLE batch_job (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          code_digest TEXT NOT NULL,      -- SHA-256 of the script and its arguments
          selection TEXT,                 -- the search selecting articles (JSON); NULL: all
          range_size INTEGER NOT NULL,
          last_article_id INTEGER NOT NULL,
          range_count INTEGER NOT NULL,
          created_at REAL NOT NULL,
          failure TEXT                    -- the first map error, naming the article
        );
        CREATE TABLE batch_range (
          job_id INTEGER NOT NULL REFERENCES batch_job(id) ON DELETE CASCADE,
          range_index INTEGER NOT NULL,
          first_article_id INTEGER NOT NULL,
          last_article_id INTEGER NOT NULL,
          state TEXT NOT NULL DEFAULT 'pending',   -- pending, running, done
          worker TEXT,
          attempt INTEGER NOT NULL DEFAULT 0,
          lease_until REAL,               -- seconds since 1970
          articles INTEGER,               -- articles mapped, once done
          PRIMARY KEY (job_id, range_index)
        ) WITHOUT ROWID;
        CREATE INDEX batch_range_open ON batch_range(job_id, range_index) WHERE state <> 'done';
        CREATE TABLE batch_result (
          job_id INTEGER NOT NULL REFERENCES batch_job(id) ON DELETE CASCADE,
          article_id INTEGER NOT NULL,    -- no foreign key: a result outlives its article
          value BLOB NOT NULL,
          PRIMARY KEY (job_id, article_id)
        ) WITHOUT ROWID;
        """

    /// The article table and its FTS5 index, as the first migration makes
    /// them. Public for the benchmark's bare insert loop, which must write the
    /// same rows into the same tables. It *is* migration v1: never change it.
    public static func createArticleTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE article (
              id INTEGER PRIMARY KEY,
              title TEXT, subtitle TEXT, byline TEXT, outlet TEXT, url TEXT,
              published_at REAL,            -- UTC seconds since 1970: the first instant the date covers
              published_offset INTEGER,     -- the source's UTC offset in seconds, NULL if it gave none
              published_precision TEXT,     -- year, month, day, minute or second
              dateline TEXT, language TEXT,
              breadcrumbs TEXT,             -- "Home > World", outermost first
              body TEXT NOT NULL,
              word_count INTEGER NOT NULL,
              content_hash TEXT NOT NULL UNIQUE,
              source_path TEXT,
              ingested_at REAL NOT NULL
            );
            CREATE INDEX article_published ON article(published_at);
            CREATE INDEX article_outlet ON article(outlet COLLATE NOCASE);
            """)
        try db.create(virtualTable: "article_fts", using: FTS5()) { table in
            table.synchronize(withTable: "article")
            table.tokenizer = .unicode61(diacritics: .remove)
            table.column("title")
            table.column("subtitle")
            table.column("body")
        }
    }

    /// An article from its row, checked: a row edited by hand (a BLOB title, a
    /// date of 1e300 seconds, an offset of 100 h) is an error naming the
    /// article, not a trap and not a date that poisons a timeline.
    static func article(_ row: Row) throws(StoredRowError) -> Article {
        var fields = StoredRow(row)
        let id = try fields.integer("id")
        var published: PublicationDate?
        if let seconds = try fields.optionalReal("published_at") {
            let offset = try fields.optionalInteger("published_offset").map(Int.init)
            if let problem = PublicationDate.rangeProblem(seconds: seconds, utcOffsetSeconds: offset) {
                throw StoredRowError(articleID: id, message: "published: \(problem)")
            }
            let precisionName = try fields.optionalText("published_precision")
            published = PublicationDate(instant: Date(timeIntervalSince1970: seconds), utcOffsetSeconds: offset,
                                        precision: precisionName.flatMap(PublicationDate.Precision.init(rawValue:)) ?? .day)
        }
        let breadcrumbs = try fields.optionalText("breadcrumbs")
        let draft = ArticleDraft(
            title: try fields.optionalText("title"), subtitle: try fields.optionalText("subtitle"),
            byline: try fields.optionalText("byline"), outlet: try fields.optionalText("outlet"),
            url: try fields.optionalText("url"), published: published, dateline: try fields.optionalText("dateline"),
            language: try fields.optionalText("language"),
            breadcrumbs: breadcrumbs.map { $0.components(separatedBy: " > ") } ?? [],
            body: try fields.text("body"), sourcePath: try fields.optionalText("source_path"),
            warnings: try fields.optionalText("extraction_warnings").map { $0.components(separatedBy: "\n") } ?? [],
            authors: try authors(fields.optionalText("byline_authors"), articleID: id)
        )
        let wordCount = try fields.integer("word_count")
        guard let words = Int(exactly: wordCount), words >= 0 else {
            throw StoredRowError(articleID: id, message: "word_count \(wordCount) is not a count")
        }
        let ingested = try fields.real("ingested_at")
        return Article(id: id, draft: draft, contentHash: try fields.text("content_hash"),
                       wordCount: words, ingestedAt: Date(timeIntervalSince1970: ingested.isFinite ? ingested : 0))
    }
}

extension StoreSchema {
    static func authors(_ text: String?, articleID: Int64) throws(StoredRowError) -> [BylineAuthor] {
        do {
            return try StoredAuthors.authors(text)
        } catch {
            throw StoredRowError(articleID: articleID, message: error.message)
        }
    }
}

/// A stored row that cannot be read as what its table promises.
public struct StoredRowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the row is: an article, a mention of an article, an entity.
    public enum Subject: Hashable, Sendable {
        case article
        /// A mention row; the description names its article.
        case mention
        /// An entity row; `articleID` is then nil and `entityID` names it.
        case entity
        /// A row of another table (a batch job's, a pair count), named by
        /// its key columns: "batch_range row (job_id 3, range_index 2)".
        case row(table: String, key: String)
    }
    public var articleID: Int64?
    public var message: String
    public var subject: Subject = .article
    public var entityID: Int64?

    public init(articleID: Int64?, message: String, subject: Subject = .article, entityID: Int64? = nil) {
        self.articleID = articleID
        self.message = message
        self.subject = subject
        self.entityID = entityID
    }

    public var description: String {
        switch subject {
        case .article:
            return (articleID.map { "article #\($0)" } ?? "a row with no valid id") + ": " + message
        case .mention:
            return (articleID.map { "article #\($0)" } ?? "a mention row with no valid article id") + ": a mention: " + message
        case .entity:
            return (entityID.map { "entity #\($0)" } ?? "an entity row with no valid id") + ": " + message
        case .row(let table, let key):
            return "\(table) row \(key): \(message)"
        }
    }
}

/// Typed reads of a row's columns that report a value of the wrong kind
/// instead of trapping as GRDB's subscripts do.
struct StoredRow {
    let row: Row
    let subject: StoredRowError.Subject
    private var id: Int64?

    /// `subject` says what the row's id names in errors: an article's `id`, a
    /// mention's `article_id`, an entity's `id`.
    init(_ row: Row, subject: StoredRowError.Subject = .article) {
        self.row = row
        self.subject = subject
    }

    /// A row of `table` other than an article, mention or entity, named in
    /// errors by the values of `keyColumns` as stored.
    init(_ row: Row, table: String, keyColumns: [String]) {
        let key = keyColumns.map { column in
            let value = row[column] as DatabaseValue? ?? .null
            let shown: String
            switch value.storage {
            case .null: shown = "NULL"
            case .int64(let number): shown = String(number)
            case .double(let number): shown = String(number)
            case .string(let text): shown = "'\(text.prefix(40))'"
            case .blob(let data): shown = "a BLOB of \(data.count) bytes"
            }
            return "\(column) \(shown)"
        }
        self.init(row, subject: .row(table: table, key: "(" + key.joined(separator: ", ") + ")"))
    }

    private var idColumn: String {
        switch subject {
        case .mention: return "article_id"
        case .article, .entity: return "id"
        case .row: return ""
        }
    }

    /// An error about this row that `StoredRow` cannot see by itself (a
    /// value of the right kind out of range).
    func error(_ message: String) -> StoredRowError {
        switch subject {
        case .entity: return StoredRowError(articleID: nil, message: message, subject: .entity, entityID: id)
        case .row: return StoredRowError(articleID: nil, message: message, subject: subject)
        case .article, .mention: return StoredRowError(articleID: id, message: message, subject: subject)
        }
    }

    private func value(_ column: String) -> DatabaseValue {
        row[column] as DatabaseValue? ?? .null
    }

    private func problem(_ column: String, _ value: DatabaseValue, expected: String) -> StoredRowError {
        let found: String
        switch value.storage {
        case .null: found = "NULL"
        case .int64(let number): found = "the integer \(number)"
        case .double(let number): found = "the real \(number)"
        case .string: found = "text"
        case .blob(let data): found = "a BLOB of \(data.count) bytes"
        }
        return error("column '\(column)' holds \(found), expected \(expected)")
    }

    mutating func integer(_ column: String) throws(StoredRowError) -> Int64 {
        let value = value(column)
        guard case .int64(let number) = value.storage else { throw problem(column, value, expected: "an integer") }
        if column == idColumn { id = number }
        return number
    }

    /// An integer column that must fit an `Int` within `range` (offsets, counts).
    mutating func integer(_ column: String, in range: ClosedRange<Int>) throws(StoredRowError) -> Int {
        let number = try integer(column)
        guard let value = Int(exactly: number), range.contains(value) else {
            throw error("column '\(column)' holds \(number), outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A text column holding one of `Value`'s raw values.
    func enumeration<Value: RawRepresentable>(_ column: String, as type: Value.Type) throws(StoredRowError) -> Value
    where Value.RawValue == String {
        let text = try text(column)
        guard let value = Value(rawValue: text) else { throw error("column '\(column)' holds '\(text)', not a known value") }
        return value
    }

    /// A boolean column (SQLite's 0 or 1).
    mutating func boolean(_ column: String) throws(StoredRowError) -> Bool {
        try integer(column) != 0
    }

    func optionalInteger(_ column: String) throws(StoredRowError) -> Int64? {
        let value = value(column)
        switch value.storage {
        case .null: return nil
        case .int64(let number): return number
        default: throw problem(column, value, expected: "an integer")
        }
    }

    func real(_ column: String) throws(StoredRowError) -> Double {
        guard let number = try optionalReal(column) else { throw problem(column, .null, expected: "a number") }
        return number
    }

    func optionalReal(_ column: String) throws(StoredRowError) -> Double? {
        let value = value(column)
        switch value.storage {
        case .null: return nil
        case .int64(let number): return Double(number)
        case .double(let number): return number
        default: throw problem(column, value, expected: "a number")
        }
    }

    func text(_ column: String) throws(StoredRowError) -> String {
        guard let text = try optionalText(column) else { throw problem(column, .null, expected: "text") }
        return text
    }

    func blob(_ column: String) throws(StoredRowError) -> [UInt8] {
        let value = value(column)
        guard case .blob(let data) = value.storage else { throw problem(column, value, expected: "a BLOB") }
        return [UInt8](data)
    }

    func optionalText(_ column: String) throws(StoredRowError) -> String? {
        let value = value(column)
        switch value.storage {
        case .null: return nil
        case .string(let text): return text
        default: throw problem(column, value, expected: "text")
        }
    }
}
