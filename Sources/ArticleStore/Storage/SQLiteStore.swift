import DossierCore
import Foundation
import GRDB

/// The embedded default store: one SQLite file in WAL mode (so a REPL and a
/// batch ingest can use it at once), an FTS5 index over title, subtitle and
/// body kept in sync by triggers, and schema migrations.
public final class SQLiteStore: Store {
    public let path: String
    let writer: any DatabaseWriter
    /// Ranked searches score at most this many matches, the most recently
    /// stored (see `search`); 10,000 by default, as in PostgreSQL.
    public let rankingWindow: Int
    /// An ingest batch or re-extraction that leaves at least this many rows
    /// of pair deltas pending folds them into `entity_pair`
    /// (`PendingPairCounts`); 1 folds every one.
    public let pairFoldRows: Int
    /// About 5,000 pages (20 MB) of pair rows: the buffer's upserts stay
    /// within the 64 MiB page cache beside the batch's other writes. At
    /// 30,000 articles it wrote less than 250,000 or 4,000,000 rows did
    /// (docs/benchmarks.md, "Scale, session 11").
    public static let defaultPairFoldRows = 1_000_000

    /// How a store may be opened: whether it may be written, and whether a
    /// new store file may be made where none exists.
    public struct Access: Hashable, Sendable {
        public var writes: Bool
        public var createsFile: Bool
        public init(writes: Bool, createsFile: Bool) {
            self.writes = writes
            self.createsFile = createsFile
        }
        /// Read, write, and create the file (and its folder) if missing.
        public static let readWrite = Access(writes: true, createsFile: true)
        /// An existing store, written to.
        public static let existing = Access(writes: true, createsFile: false)
        /// An existing store, never written: SQLite itself refuses writes.
        public static let readOnly = Access(writes: false, createsFile: false)
    }

    /// Opens (creating if needed, with `.readWrite`) the store at `path`;
    /// ":memory:" for a private in-memory store. A URL ("postgres://...") is
    /// refused, its credentials never written anywhere. An existing file that is not
    /// an SQLite database, an empty one included, is refused rather than turned
    /// into a store.
    ///
    /// Several processes may open a new store at once: creating the file and
    /// running the migrations are retried with backoff while another process
    /// holds the write lock, and a migration another process applied first is
    /// not applied again (each migration commits with its record).
    public init(path: String, access: Access = .readWrite, rankingWindow: Int = 10_000,
                pairFoldRows: Int = SQLiteStore.defaultPairFoldRows) throws(StoreError) {
        if let scheme = StoreFile.urlScheme(path) { throw StoreFile.urlRefusal(scheme: scheme) }
        self.path = path
        self.rankingWindow = max(1, rankingWindow)
        self.pairFoldRows = max(1, pairFoldRows)
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)  // wait for a concurrent writer
            configuration.readonly = !access.writes
            // 64 MiB of page cache instead of SQLite's 2 MiB: the near-duplicate
            // index is written at random places and grows with the store.
            // SQLite's own WAL checkpoint (every 1,000 pages) is kept: one of
            // 256 MB wrote a third fewer bytes at ingest but was no faster, and
            // reads through a large WAL were: common-word search p99 +45% right
            // after a 6,000-article ingest (docs/benchmarks.md, session 10).
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
            if path == ":memory:" {
                writer = try DatabaseQueue(configuration: configuration)
            } else {
                try StoreFile.check(path, createsFile: access.createsFile)
                if access.createsFile {
                    let directory = (path as NSString).deletingLastPathComponent
                    if !directory.isEmpty {
                        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    }
                }
                if access.writes {
                    writer = try retryingWhileBusy(creating: true) { try DatabasePool(path: path, configuration: configuration) }
                } else {
                    writer = try DatabaseQueue(path: path, configuration: configuration)
                }
            }
            if access.writes {
                try MigrationLock.holding(path) {
                    try retryingWhileBusy(creating: true) { try StoreSchema.migrator.migrate(writer) }
                }
            } else if try !writer.read({ db in try StoreSchema.migrator.hasCompletedMigrations(db) }) {
                throw StoreError.database(path: path, message: "this store was made by an older Dossier and needs upgrading, which writes to it: open it once with writes allowed")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(path: path, message: describe(error))
        }
    }

    /// The scheme of a store given as a URL ("postgres" for
    /// "postgres://user:secret@host/db"), or nil for a file path.
    public static func urlScheme(of path: String) -> String? { StoreFile.urlScheme(path) }

    public func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?) throws(StoreError) -> [AddOutcome] {
        try add(drafts, mentions: mentions, extractorVersion: extractorVersion, claims: nil)
    }

    /// `add`, with each added draft's claims (one list per draft, made by
    /// `claims.version`) written in the same transaction, and `alsoWrite`
    /// run in it after the articles (an ingest's file positions).
    func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?,
             claims: (lists: [[Claim]], version: String)?,
             alsoWrite: @Sendable (Database) throws -> Void = { _ in }) throws(StoreError) -> [AddOutcome] {
        precondition(mentions == nil || mentions!.count == drafts.count, "one list of mentions per draft")
        precondition((mentions == nil) == (extractorVersion == nil), "mentions are stored with the version that made them")
        precondition(claims == nil || claims!.lists.count == drafts.count, "one list of claims per draft")
        let now = Date()
        let pairFoldRows = pairFoldRows
        return try perform { db in
            let find = try db.cachedStatement(sql: "SELECT id FROM article WHERE content_hash = ?")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO article (title, subtitle, byline, outlet, url, published_at, published_offset,
                  published_precision, dateline, language, breadcrumbs, body, word_count, content_hash,
                  source_path, ingested_at, extraction_warnings, byline_authors)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let nearDuplicates = NearDuplicateIndex(db)
            let entities = EntityIndex(db)
            var outcomes: [AddOutcome] = []
            outcomes.reserveCapacity(drafts.count)
            for (index, draft) in drafts.enumerated() {
                let hash = articleContentHash(title: draft.title, body: draft.body)
                if let existing = try Int64.fetchOne(find, arguments: [hash]) {
                    outcomes.append(.duplicate(existingID: existing))
                    continue
                }
                let breadcrumbs = draft.breadcrumbs.isEmpty ? nil : draft.breadcrumbs.joined(separator: " > ")
                try insert.execute(arguments: [
                    draft.title, draft.subtitle, draft.byline, draft.outlet, draft.url,
                    draft.published?.instant.timeIntervalSince1970, draft.published?.utcOffsetSeconds,
                    draft.published?.precision.rawValue, draft.dateline, draft.language, breadcrumbs,
                    draft.body, draft.wordCount, hash, draft.sourcePath, now.timeIntervalSince1970,
                    // Notes never hold a line break: they are one line each.
                    draft.warnings.isEmpty ? nil : draft.warnings.joined(separator: "\n"),
                    StoredAuthors.text(draft.authors),
                ])
                let id = db.lastInsertedRowID
                let similar = try nearDuplicates.insert(articleID: id, signature: MinHashSignature(text: draft.body))
                if let mentions, let extractorVersion {
                    try entities.insert(mentions[index], articleID: id)
                    try entities.markExtracted(articleID: id, version: extractorVersion)
                }
                if let claims {
                    try Self.writeClaims(db, [(id, claims.lists[index])], version: claims.version)
                }
                outcomes.append(.added(id: id, nearDuplicates: similar))
            }
            // The batch's mentions enter the entity counts together.
            try entities.countWritten()
            if mentions != nil { try PendingPairCounts(db).foldIfDue(atRows: pairFoldRows) }
            try alsoWrite(db)
            return outcomes
        }
    }

    public func article(id: Int64) throws(StoreError) -> Article? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM article WHERE id = ?"), arguments: [id]).map { try StoreSchema.article($0) }
        }
    }

    /// Searches the store (see `searchStatement` for the paths it takes).
    public func search(_ query: SearchQuery) throws(StoreError) -> [SearchHit] {
        let text = query.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = FullTextQuery.sizeProblem(text) { throw StoreError.badQuery(query: String(text.prefix(60)) + "…", message: problem) }
        let match = FullTextQuery.translate(text)
        // Only punctuation ("&", "--"): FTS5 indexes nothing it could match.
        if !text.isEmpty && match.isEmpty { return [] }
        do {
            return try writer.read { db in
                // A ranked search whose date or outlet filter passes few
                // articles reads their ids once from the filter's index.
                let narrowing = !text.isEmpty && query.order == .rank
                    ? try Self.selectiveFilters(db, query, passingAtMost: idSetLimit) : []
                let (sql, arguments) = searchStatement(query, text: text, match: match, narrowing: narrowing)
                return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
                    let article = try StoreSchema.article(row)
                    let passage: String? = row["passage"]
                    return SearchHit(article: article, rank: row["relevance"] ?? 0,
                                     snippet: passage ?? article.draft.lead())
                }
            }
        } catch {
            throw failure(error, query: text)
        }
    }

    /// A date or outlet filter, as a ranked search may apply it.
    enum NarrowingFilter: Hashable, Sendable { case dates, outlet }

    /// Ranked searches narrow matches by a filter's ids when it passes at most
    /// this many articles (see `search`).
    public var idSetLimit: Int { max(rankingWindow, 20_000) }

    /// The date and outlet filters of `query` that pass at most `limit`
    /// articles and at most a fifth of the store, counted through their
    /// indexes (each count stops at the limit). A filter passing more fills
    /// the ranking window after a few times its size in matches, fewer row
    /// reads than building its set.
    static func selectiveFilters(_ db: Database, _ query: SearchQuery, passingAtMost limit: Int) throws -> Set<NarrowingFilter> {
        guard query.since != nil || query.until != nil || query.outlet != nil else { return [] }
        // Ids are distinct positive integers, so the largest is at least the store's size.
        let stored = try Int.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM article")) ?? 0
        let bound = min(limit, stored / 5)
        var selective: Set<NarrowingFilter> = []
        for filter in [NarrowingFilter.dates, .outlet] {
            guard let (condition, arguments) = narrowingCondition(filter, query) else { continue }
            let passing = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM (SELECT 1 FROM article WHERE \(condition) LIMIT ?)"),
                                           arguments: arguments + [bound + 1]) ?? 0
            if passing <= bound { selective.insert(filter) }
        }
        return selective
    }

    /// The condition on `article` a narrowing filter stands for, or nil if the
    /// query has no such filter.
    static func narrowingCondition(_ filter: NarrowingFilter, _ query: SearchQuery) -> (String, StatementArguments)? {
        switch filter {
        case .dates:
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let since = query.since { conditions.append("published_at >= ?"); arguments += [since.timeIntervalSince1970] }
            if let until = query.until { conditions.append("published_at < ?"); arguments += [until.timeIntervalSince1970] }
            return conditions.isEmpty ? nil : (conditions.joined(separator: " AND "), arguments)
        case .outlet:
            return query.outlet.map { ("outlet = ? COLLATE NOCASE", [$0]) }
        }
    }

    /// The search's SQL and arguments. Two paths keep an analyst's top-N
    /// answer from growing with the store:
    /// - a ranked search scores only the `rankingWindow` most recently stored
    ///   matches that pass the filters (or `offset + limit`, if more), as
    ///   PostgreSQL does: a word with fewer matches is ranked exactly as over
    ///   the whole store, a common word costs the window, and an older strong
    ///   match can miss the top results (`order = .newest`/`.oldest`, a
    ///   narrower query or a filter finds it); snippets are made for the page
    ///   returned only. A date or outlet filter that passes few articles
    ///   (`narrowing`) is applied as the set of their ids, read once from its
    ///   index, so a common word's matches are tested against that set instead
    ///   of each match's article row being read: the same matches, window and
    ///   ranking, without a page read per match;
    /// - an entity's articles in date order without search text are read from
    ///   `entity_article` by date, so the newest N cost N rows, not the
    ///   entity's every article.
    func searchStatement(_ query: SearchQuery, text: String, match: String,
                         narrowing: Set<NarrowingFilter>) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        // Chronological listing of one entity's articles: walk its date index.
        let driver: Int64? = text.isEmpty && query.order != .rank ? query.mentioningEntities.first : nil
        if let driver {
            conditions.append("driver.entity_id = ?")
            arguments += [driver]
            if let since = query.since { conditions.append("driver.published_at >= ?"); arguments += [since.timeIntervalSince1970] }
            if let until = query.until { conditions.append("driver.published_at < ?"); arguments += [until.timeIntervalSince1970] }
        }
        if !text.isEmpty {
            conditions.append("article_fts MATCH ?")
            arguments += [match]
        }
        var rest = query
        for filter in narrowing {
            guard let (condition, filterArguments) = Self.narrowingCondition(filter, query) else { continue }
            // The unary + keeps SQLite from handing the ids to FTS5 one by one
            // as rowid lookups (a full query per id: seconds for a common
            // word); the matches are scanned and tested against the set.
            conditions.append("+article_fts.rowid IN (SELECT id FROM article WHERE \(condition))")
            arguments += filterArguments
            switch filter {
            case .dates: rest.since = nil; rest.until = nil
            case .outlet: rest.outlet = nil
            }
        }
        // With a driver its entity and date window are already conditions.
        let filters = Self.filterConditions(rest, drivenBy: driver)
        conditions += filters.conditions
        arguments += filters.arguments
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let limit = max(0, query.limit), offset = max(0, query.offset)
        if text.isEmpty {
            let order: String
            switch query.order {
            case .rank: order = "article.published_at DESC, article.id"
            case .newest: order = driver == nil ? "article.published_at DESC, article.id DESC" : "driver.published_at DESC, driver.article_id DESC"
            case .oldest: order = driver == nil ? "article.published_at ASC, article.id ASC" : "driver.published_at ASC, driver.article_id ASC"
            }
            let source = driver == nil ? "article" : "entity_article AS driver JOIN article ON article.id = driver.article_id"
            return ("SELECT article.*, 0.0 AS relevance, NULL AS passage FROM \(source)\(filter) ORDER BY \(order) LIMIT ? OFFSET ?",
                    arguments + [limit, offset])
        }
        // The page first (ids and ranks), then its rows and snippets: the
        // article rows and snippet() are made for the page only.
        // bm25 weights: a match in the title counts ten times one in the
        // body, one in the subtitle four times (negated: higher is better).
        let page: String
        switch query.order {
        case .rank:
            let window = max(rankingWindow, offset + limit)
            // Without conditions on the article row the window needs no
            // article rows; conditions on the date, outlet and entities (on
            // `article.id`) are tested in the small facet index instead of
            // reading each match's row (the byline's authors need the row).
            let source: String
            if filters.conditions.isEmpty {
                source = "article_fts"
            } else if query.authorKind == nil {
                source = "article_fts JOIN article INDEXED BY article_filter_facets ON article.id = article_fts.rowid"
            } else {
                source = "article_fts JOIN article ON article.id = article_fts.rowid"
            }
            page = """
                SELECT id, relevance FROM (
                  SELECT article_fts.rowid AS id, -bm25(article_fts, 10.0, 4.0, 1.0) AS relevance
                  FROM \(source)\(filter)
                  ORDER BY article_fts.rowid DESC LIMIT \(window))
                ORDER BY relevance DESC, id LIMIT ? OFFSET ?
                """
        case .newest, .oldest:
            let direction = query.order == .newest ? "DESC" : "ASC"
            page = """
                SELECT article.id, -bm25(article_fts, 10.0, 4.0, 1.0) AS relevance
                FROM article_fts JOIN article ON article.id = article_fts.rowid\(filter)
                ORDER BY article.published_at \(direction), article.id \(direction) LIMIT ? OFFSET ?
                """
        }
        arguments += [limit, offset]
        let order: String
        switch query.order {
        case .rank: order = "page.relevance DESC, page.id"
        case .newest: order = "article.published_at DESC, article.id DESC"
        case .oldest: order = "article.published_at ASC, article.id ASC"
        }
        let sql = """
            WITH page AS MATERIALIZED (\(page))
            SELECT article.*, page.relevance AS relevance, snippet(article_fts, -1, ?, ?, '…', 24) AS passage
            FROM page JOIN article_fts ON article_fts.rowid = page.id JOIN article ON article.id = page.id
            WHERE article_fts MATCH ? ORDER BY \(order)
            """
        return (sql, arguments + [query.markStart, query.markEnd, match])
    }

    /// The filters of a search other than its text (entities, dates, outlet),
    /// as SQL conditions on `article` with their arguments; the entity a
    /// chronological listing walks (`driver`) is left out.
    static func filterConditions(_ query: SearchQuery, drivenBy driver: Int64? = nil) -> (conditions: [String], arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        for name in query.mentioning {
            conditions.append("""
                article.id IN (SELECT article_id FROM entity_article WHERE entity_id IN (
                  SELECT id FROM entity WHERE key = ? UNION SELECT entity_id FROM entity_alias WHERE key = ?))
                """)
            let key = entityKey(name)
            arguments += [key, key]
        }
        for id in query.mentioningEntities.dropFirst(driver == nil ? 0 : 1) {
            conditions.append("article.id IN (SELECT article_id FROM entity_article WHERE entity_id = ?)")
            arguments += [id]
        }
        if let since = query.since {
            conditions.append("article.published_at >= ?")
            arguments += [since.timeIntervalSince1970]
        }
        if let until = query.until {
            conditions.append("article.published_at < ?")
            arguments += [until.timeIntervalSince1970]
        }
        if let outlet = query.outlet {
            conditions.append("article.outlet = ? COLLATE NOCASE")
            arguments += [outlet]
        }
        if let kind = query.authorKind {
            conditions.append(StoredAuthors.kindCondition(column: "article.byline_authors", placeholder: "?", character: "char"))
            arguments += [kind.rawValue]
        }
        return (conditions, arguments)
    }

    public func count(matching query: String?) throws(StoreError) -> Int {
        let text = query?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if let problem = FullTextQuery.sizeProblem(text) { throw StoreError.badQuery(query: String(text.prefix(60)) + "…", message: problem) }
        do {
            return try writer.read { db in
                if text.isEmpty {
                    return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM article")) ?? 0
                }
                let match = FullTextQuery.translate(text)
                if match.isEmpty { return 0 }
                return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?"),
                                       arguments: [match]) ?? 0
            }
        } catch {
            throw failure(error, query: text)
        }
    }

    public func articles(after id: Int64, limit: Int) throws(StoreError) -> [Article] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM article WHERE id > ? ORDER BY id LIMIT ?"),
                             arguments: [id, limit]).map { try StoreSchema.article($0) }
        }
    }

    public func delete(id: Int64) throws(StoreError) -> Bool {
        try perform { db in
            // What its mentions added to the entity counts goes first, while they are there.
            try EntityCounts(db).subtract(articleIDs: [id])
            try db.cachedStatement(sql: "DELETE FROM article WHERE id = ?").execute(arguments: [id])
            let deleted = db.changesCount > 0
            // Its mentions went with it (ON DELETE CASCADE); entities only it named go too.
            if deleted { try EntityIndex(db).pruneOrphans() }
            return deleted
        }
    }

    public func similar(to id: Int64, limit: Int) throws(StoreError) -> [SimilarArticle] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT article.*, article_similar.score AS similarity
                FROM article_similar JOIN article ON article.id = article_similar.other_id
                WHERE article_similar.article_id = ?
                ORDER BY article_similar.score DESC, article.id LIMIT ?
                """), arguments: [id, limit]).map { SimilarArticle(article: try StoreSchema.article($0), score: $0["similarity"]) }
        }
    }

    /// `PRAGMA integrity_check`, then every article, entity, mention, pair
    /// count and batch job row read as the store reads it: "ok" for a sound
    /// store, else one line per problem (SQLite's, then "article #12:
    /// published: ... outside the years 1-9999", "article #3: a mention:
    /// column 'start' holds text, expected an integer", "batch_range row
    /// (job_id 1, range_index 0): column 'attempt' holds text, expected an
    /// integer"), at most `limit` lines of each kind.
    public func integrityCheck() throws(StoreError) -> String { try integrityCheck(limit: 100) }

    public func integrityCheck(limit: Int) throws(StoreError) -> String {
        try read { db in
            let sqlite = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            var problems = sqlite == ["ok"] ? [] : sqlite
            var articles = UnreadableRows("article rows", limit: limit)
            try articles.check(db, "SELECT * FROM article ORDER BY id") { row in _ = try StoreSchema.article(row) }
            problems += articles.lines
            problems += try Self.unreadableEntityRows(db, limit: limit).lines
            problems += try Self.unreadableBatchJobRows(db, limit: limit).lines
            return problems.isEmpty ? "ok" : problems.joined(separator: "\n")
        }
    }

    /// SQLite answers a malformed FTS5 query with a plain SQLITE_ERROR; with a
    /// query in play that is the analyst's query, anything else is the store's.
    func failure(_ error: any Error, query: String) -> StoreError {
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_ERROR, !query.isEmpty {
            return .badQuery(query: query, message: error.message ?? "syntax error")
        }
        return .database(path: path, message: describe(error))
    }

    // MARK: Transactions

    /// Runs `body` in a write transaction. A transaction that meets a store
    /// another process keeps busy past the busy timeout is rolled back and run
    /// again with backoff (for up to two minutes), not reported failed: four
    /// processes ingesting into one store all get their batches in.
    func perform<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try retryingWhileBusy(upTo: 120) { try writer.write(body) }
        } catch {
            throw StoreError.database(path: path, message: describe(error))
        }
    }

    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.database(path: path, message: describe(error))
        }
    }

    /// `read` for a single query, without the transaction GRDB's `read`
    /// opens and commits around it: one statement sees one state of the
    /// store by itself. Ingest asks the ledger once per file, and there the
    /// transaction cost several times the query.
    func readOneStatement<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.unsafeRead(body)
        } catch {
            throw StoreError.database(path: path, message: describe(error))
        }
    }
}

/// Runs `body` again, with exponential backoff for about `seconds` in all, while
/// it fails because another process holds the database or has just created
/// what `body` was creating. Used for store creation and migrations, which
/// several processes opening a new store at once would otherwise race on.
func retryingWhileBusy<T>(upTo seconds: Double = 30, creating: Bool = false, _ body: () throws -> T) throws -> T {
    var delay = 0.005
    var waited = 0.0
    while true {
        do {
            return try body()
        } catch let error as DatabaseError where waited < seconds && isContention(error, creating: creating) {
            let pause = delay * Double.random(in: 0.5...1.5)
            Thread.sleep(forTimeInterval: pause)
            waited += pause
            delay = min(delay * 2, 1)
        }
    }
}

private func isContention(_ error: DatabaseError, creating: Bool) -> Bool {
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: return true
    // Another process applied the same migration between GRDB's look at the
    // applied list and this one's transaction: a table or index "already
    // exists", or an added column is a "duplicate column name". The retry
    // then finds the migration applied.
    case .SQLITE_ERROR:
        let message = error.message ?? ""
        return creating && (message.contains("already exists") || message.contains("duplicate column name"))
    default: return false
    }
}

private func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? error.description }
    return String(describing: error)
}
