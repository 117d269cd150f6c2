import ArticleStore
import DossierCore
import Foundation
import NIOCore
import PostgresNIO

/// The team store: the same `Store` as `SQLiteStore`, in a PostgreSQL database
/// shared by many analysts and processes.
///
/// Full-text search uses a generated `tsvector` column (title weight A, body B,
/// subtitle C) with a GIN index; the analyst's FTS5-style queries are translated
/// by `TextSearchQuery`. Where PostgreSQL differs from SQLite:
/// - ranking is `ts_rank` with weights title 1.0, subtitle 0.4, body 0.1 (the
///   10:4:1 of SQLite's bm25 weights), not bm25: ts_rank counts term frequency
///   and does not discount words common across the store, so rank values (and
///   close orderings) differ between backends;
/// - snippets are `ts_headline` over the body (at most 24 words), computed only
///   for the page of results returned;
/// - a ranked search scores only the most recent `rankingWindow` matches;
/// - NEAR with more than two terms requires every pair to be near;
/// - words past the first 200,000 characters of a body are not indexed.
public final class PostgresStore: Store {
    public let location: PostgresLocation
    let pool: PostgresConnectionPool

    /// Ranked searches score at most this many matches: the most recently
    /// stored ones (or `offset + limit`, if more). ts_rank reads each match's
    /// whole tsvector, so scoring every article that contains "said" grows with
    /// the store; with the window a common word costs the same at any size, and
    /// a word with fewer matches than the window is ranked exactly as before.
    /// The price: a strong match older than the window's most recent matches is
    /// not in the top results (it still is with `order = "oldest"`/`"newest"`,
    /// narrower queries, or filters). Counts are always exact.
    public let rankingWindow: Int

    /// Connects (lazily, through a pool of `maximumConnections`) to the
    /// database at `url` and applies pending migrations.
    public init(url: String, maximumConnections: Int = 4, rankingWindow: Int = 10_000) throws(StoreError) {
        self.rankingWindow = max(1, rankingWindow)
        let configuration: PostgresConnection.Configuration
        do {
            location = try PostgresLocation(url: url)
            configuration = try location.configuration()
        } catch {
            throw StoreError.database(path: url, message: error.message)
        }
        pool = PostgresConnectionPool(configuration: configuration, maximumConnections: maximumConnections)
        try run { session in try PostgresSchema.migrate(session) }
    }

    deinit { pool.close() }

    public var path: String { location.description }

    // MARK: Articles

    public func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?) throws(StoreError) -> [AddOutcome] {
        try addInTransaction(drafts, mentions: mentions, extractorVersion: extractorVersion) { _ in }
    }

    /// Adds the batch, each added draft's claims (one list per draft, made by
    /// `claims.version`), and runs `alsoWrite`, all in the same transaction.
    func addInTransaction(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?,
                          claims: (lists: [[Claim]], version: String)? = nil,
                          alsoWrite: (PostgresSession) throws -> Void) throws(StoreError) -> [AddOutcome] {
        precondition(mentions == nil || mentions!.count == drafts.count, "one list of mentions per draft")
        precondition(claims == nil || claims!.lists.count == drafts.count, "one list of claims per draft")
        precondition((mentions == nil) == (extractorVersion == nil), "mentions are stored with the version that made them")
        let now = Date().timeIntervalSince1970
        let hashes = drafts.map { articleContentHash(title: $0.title, body: $0.body) }
        return try run { session in
            try session.transaction {
                guard !drafts.isEmpty else {
                    try alsoWrite(session)
                    return []
                }
                var existing = PostgresStatement()
                existing.append("SELECT id, content_hash FROM article WHERE content_hash = ANY(\(existing.bind(Array(Set(hashes)))))")
                var known: [String: Int64] = [:]
                for row in try session.rows(existing) { known[try row.value("content_hash")] = try row.value("id") }
                // The first of equal drafts in the batch is the one stored.
                var fresh: [Int] = []
                var firstInBatch: [String: Int] = [:]
                for (index, hash) in hashes.enumerated() where known[hash] == nil && firstInBatch[hash] == nil {
                    firstInBatch[hash] = index
                    fresh.append(index)
                }
                var ids: [Int: Int64] = [:]
                if !fresh.isEmpty {
                    for row in try session.rows(insertArticles(fresh.map { drafts[$0] }, hashes: fresh.map { hashes[$0] }, now: now)) {
                        let hash: String = try row.value("content_hash")
                        let id: Int64 = try row.value("id")
                        if let index = firstInBatch[hash] { ids[index] = id }
                    }
                }
                // A concurrent writer may have stored some between the lookup and the insert.
                let raced = fresh.filter { ids[$0] == nil }
                if !raced.isEmpty {
                    var again = PostgresStatement()
                    again.append("SELECT id, content_hash FROM article WHERE content_hash = ANY(\(again.bind(raced.map { hashes[$0] })))")
                    for row in try session.rows(again) { known[try row.value("content_hash")] = try row.value("id") }
                }
                let stored = fresh.compactMap { index in ids[index].map { (index: index, id: $0) } }
                let links = try NearDuplicateWriter(session: session).insert(stored.map { ($0.id, MinHashSignature(text: drafts[$0.index].body)) })
                if let mentions, let extractorVersion, !stored.isEmpty {
                    try MentionWriter(session: session).insert(stored.map { ($0.id, mentions[$0.index]) })
                    try MentionWriter(session: session).markExtracted(stored.map(\.id), version: extractorVersion)
                }
                if let claims, !stored.isEmpty {
                    try ClaimWriter(session: session).replace(stored.map { ($0.id, claims.lists[$0.index]) }, version: claims.version)
                }
                try alsoWrite(session)
                return hashes.indices.map { index in
                    if let id = ids[index] { return .added(id: id, nearDuplicates: links[id] ?? []) }
                    let hash = hashes[index]
                    if let id = known[hash] { return .duplicate(existingID: id) }
                    // Equal to an earlier draft of this batch.
                    return .duplicate(existingID: firstInBatch[hash].flatMap { ids[$0] } ?? 0)
                }
            }
        }
    }

    /// One INSERT for the whole batch, the columns as arrays through `unnest`:
    /// seventeen parameters however many articles (PostgreSQL allows 65,535).
    private func insertArticles(_ drafts: [ArticleDraft], hashes: [String], now: Double) -> PostgresStatement {
        var statement = PostgresStatement()
        let columns = [
            statement.bind(NullableArray(drafts.map(\.title))) + "::text[]",
            statement.bind(NullableArray(drafts.map(\.subtitle))) + "::text[]",
            statement.bind(NullableArray(drafts.map(\.byline))) + "::text[]",
            statement.bind(NullableArray(drafts.map(\.outlet))) + "::text[]",
            statement.bind(NullableArray(drafts.map(\.url))) + "::text[]",
            statement.bind(NullableArray(drafts.map { $0.published?.instant.timeIntervalSince1970 })) + "::float8[]",
            statement.bind(NullableArray(drafts.map { $0.published?.utcOffsetSeconds.map(Int64.init) })) + "::int8[]",
            statement.bind(NullableArray(drafts.map { $0.published?.precision.rawValue })) + "::text[]",
            statement.bind(NullableArray(drafts.map(\.dateline))) + "::text[]",
            statement.bind(NullableArray(drafts.map(\.language))) + "::text[]",
            statement.bind(NullableArray(drafts.map { $0.breadcrumbs.isEmpty ? nil : $0.breadcrumbs.joined(separator: " > ") })) + "::text[]",
            statement.bind(drafts.map(\.body)) + "::text[]",
            statement.bind(drafts.map { Int64($0.wordCount) }) + "::int8[]",
            statement.bind(hashes) + "::text[]",
            statement.bind(NullableArray(drafts.map(\.sourcePath))) + "::text[]",
            statement.bind([Double](repeating: now, count: drafts.count)) + "::float8[]",
            statement.bind(NullableArray(drafts.map { StoredAuthors.text($0.authors) })) + "::text[]",
        ]
        statement.append("""
            INSERT INTO article (title, subtitle, byline, outlet, url, published_at, published_offset,
              published_precision, dateline, language, breadcrumbs, body, word_count, content_hash,
              source_path, ingested_at, byline_authors)
            SELECT * FROM unnest(\(columns.joined(separator: ", ")))
            ON CONFLICT (content_hash) DO NOTHING
            RETURNING id, content_hash
            """)
        return statement
    }

    static let articleColumns = """
        article.id, article.title, article.subtitle, article.byline, article.outlet, article.url,
        article.published_at, article.published_offset, article.published_precision, article.dateline,
        article.language, article.breadcrumbs, article.body, article.word_count, article.content_hash,
        article.source_path, article.ingested_at, article.byline_authors
        """

    public func article(id: Int64) throws(StoreError) -> Article? {
        try run { session in
            var statement = PostgresStatement()
            statement.append("SELECT \(Self.articleColumns) FROM article WHERE id = \(statement.bind(id))")
            return try session.rows(statement).first.map(Self.article)
        }
    }

    public func search(_ query: SearchQuery) throws(StoreError) -> [SearchHit] {
        let text = query.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let tsquery: String?
        do {
            tsquery = text.isEmpty ? nil : try TextSearchQuery.translate(text)
        } catch {
            throw StoreError.badQuery(query: text, message: error.message)
        }
        var statement = PostgresStatement()
        var conditions: [String] = []
        var queryParameter = ""
        if let tsquery {
            queryParameter = "to_tsquery('dossier', \(statement.bind(tsquery)))"
            conditions.append("article.search @@ \(queryParameter)")
        }
        Self.appendFilters(query, to: &conditions, statement: &statement)
        let order: String
        switch query.order {
        case .rank: order = tsquery == nil ? "article.published_at DESC NULLS LAST, article.id" : "relevance DESC, article.id"
        case .newest: order = "article.published_at DESC NULLS LAST, article.id DESC"
        case .oldest: order = "article.published_at ASC NULLS FIRST, article.id ASC"
        }
        let relevance = tsquery == nil ? "0.0::float8" : "ts_rank('{0, 0.4, 0.1, 1.0}', article.search, \(queryParameter))::float8"
        let limit = statement.bind(Int64(max(0, query.limit)))
        let offset = statement.bind(Int64(max(0, query.offset)))
        // The page is chosen first; ts_headline (which re-parses the body) runs
        // only for the rows returned. \u{1} and \u{2} stand for the marks, which
        // ts_headline's option syntax cannot quote reliably.
        let passage = tsquery == nil ? "NULL::text" : """
            ts_headline('dossier', left(article.body, 200000), \(queryParameter),
              'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "')
            """
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        if tsquery != nil, query.order == .rank {
            // The ranking cut-off: only the most recently stored matches are
            // scored, so a common word costs the window, not every match.
            let window = statement.bind(Int64(max(rankingWindow, max(0, query.offset) + max(0, query.limit))))
            statement.append("""
                WITH matches AS (
                  SELECT article.id, article.search FROM article \(filter)
                  ORDER BY article.id DESC LIMIT \(window)
                ), page AS (
                  SELECT matches.id, ts_rank('{0, 0.4, 0.1, 1.0}', matches.search, \(queryParameter))::float8 AS relevance
                  FROM matches ORDER BY relevance DESC, matches.id LIMIT \(limit) OFFSET \(offset)
                )
                """)
        } else {
            statement.append("""
                WITH page AS (
                  SELECT article.id, \(relevance) AS relevance FROM article \(filter)
                  ORDER BY \(order) LIMIT \(limit) OFFSET \(offset)
                )
                """)
        }
        statement.append("""

            SELECT \(Self.articleColumns), page.relevance, \(passage) AS passage
            FROM page JOIN article ON article.id = page.id
            ORDER BY \(order)
            """)
        return try run { session in
            try session.rows(statement).map { row in
                let article = try Self.article(row)
                let passage: String? = try row.value("passage")
                let snippet = passage.map {
                    $0.replacingOccurrences(of: "\u{1}", with: query.markStart).replacingOccurrences(of: "\u{2}", with: query.markEnd)
                }
                return SearchHit(article: article, rank: try row.value("relevance"), snippet: snippet ?? article.draft.lead())
            }
        }
    }

    /// The filters of a search other than its text, as SQL conditions.
    static func appendFilters(_ query: SearchQuery, to conditions: inout [String], statement: inout PostgresStatement) {
        for name in query.mentioning {
            let key = statement.bind(entityKey(name))
            conditions.append("""
                article.id IN (SELECT article_id FROM entity_article WHERE entity_id IN (
                  SELECT id FROM entity WHERE key = \(key) UNION SELECT entity_id FROM entity_alias WHERE key = \(key)))
                """)
        }
        for id in query.mentioningEntities {
            // The entity's articles from its own rows of entity_article, not the mention index.
            conditions.append("article.id IN (SELECT article_id FROM entity_article WHERE entity_id = \(statement.bind(id)))")
        }
        if let since = query.since {
            conditions.append("article.published_at >= \(statement.bind(since.timeIntervalSince1970))")
        }
        if let until = query.until {
            conditions.append("article.published_at < \(statement.bind(until.timeIntervalSince1970))")
        }
        if let outlet = query.outlet {
            conditions.append("lower(article.outlet) = lower(\(statement.bind(outlet)))")
        }
        if let kind = query.authorKind {
            conditions.append(StoredAuthors.kindCondition(column: "article.byline_authors", placeholder: statement.bind(kind.rawValue),
                                                          character: "chr"))
        }
    }

    public func count(matching query: String?) throws(StoreError) -> Int {
        let text = query?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var statement = PostgresStatement()
        if text.isEmpty {
            statement.append("SELECT count(*) AS n FROM article")
        } else {
            let tsquery: String
            do { tsquery = try TextSearchQuery.translate(text) } catch { throw StoreError.badQuery(query: text, message: error.message) }
            statement.append("SELECT count(*) AS n FROM article WHERE search @@ to_tsquery('dossier', \(statement.bind(tsquery)))")
        }
        return try run { session in Int(try session.rows(statement).first?.value("n", as: Int64.self) ?? 0) }
    }

    public func articles(after id: Int64, limit: Int) throws(StoreError) -> [Article] {
        try run { session in
            var statement = PostgresStatement()
            statement.append("SELECT \(Self.articleColumns) FROM article WHERE id > \(statement.bind(id)) ORDER BY id LIMIT \(statement.bind(Int64(max(0, limit))))")
            return try session.rows(statement).map(Self.article)
        }
    }

    public func delete(id: Int64) throws(StoreError) -> Bool {
        try run { session in
            try session.transaction {
                // What its mentions added to the entity counts goes first, while they are there.
                var uncount = PostgresStatement()
                uncount.append("SELECT dossier_count_articles(ARRAY[\(uncount.bind(id))]::int8[], -1)")
                try session.execute(uncount)
                var statement = PostgresStatement()
                statement.append("DELETE FROM article WHERE id = \(statement.bind(id)) RETURNING id")
                let deleted = try !session.rows(statement).isEmpty
                if deleted { try MentionWriter(session: session).pruneOrphans() }
                return deleted
            }
        }
    }

    public func similar(to id: Int64, limit: Int) throws(StoreError) -> [SimilarArticle] {
        try run { session in
            var statement = PostgresStatement()
            statement.append("""
                SELECT \(Self.articleColumns), article_similar.score AS similarity
                FROM article_similar JOIN article ON article.id = article_similar.other_id
                WHERE article_similar.article_id = \(statement.bind(id))
                ORDER BY article_similar.score DESC, article.id LIMIT \(statement.bind(Int64(max(0, limit))))
                """)
            return try session.rows(statement).map { SimilarArticle(article: try Self.article($0), score: try $0.value("similarity")) }
        }
    }

    /// "ok" when every migration is applied and every index is valid (an
    /// interrupted CREATE INDEX CONCURRENTLY leaves one invalid); else what is
    /// wrong. Table and page consistency are the server's job (checksums, amcheck).
    public func integrityCheck() throws(StoreError) -> String {
        try run { session in
            var problems: [String] = []
            let applied = try Set(session.rows("SELECT name FROM dossier_migration").map { try $0.value("name", as: String.self) })
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                problems.append("migration not applied: \(migration.name)")
            }
            for row in try session.rows("""
                SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)
                """) {
                problems.append("invalid index: \(try row.value("name", as: String.self))")
            }
            return problems.isEmpty ? "ok" : problems.joined(separator: "; ")
        }
    }

    // MARK: Rows and sessions

    static func article(_ row: PostgresRandomAccessRow) throws -> Article {
        var published: PublicationDate?
        if let seconds: Double = try row.value("published_at") {
            let offset: Int? = try row.value("published_offset")
            let precision: String? = try row.value("published_precision")
            published = PublicationDate(instant: Date(timeIntervalSince1970: seconds), utcOffsetSeconds: offset,
                                        precision: precision.flatMap(PublicationDate.Precision.init(rawValue:)) ?? .day)
        }
        let breadcrumbs: String? = try row.value("breadcrumbs")
        var draft = ArticleDraft(
            title: try row.value("title"), subtitle: try row.value("subtitle"), byline: try row.value("byline"),
            outlet: try row.value("outlet"), url: try row.value("url"), published: published,
            dateline: try row.value("dateline"), language: try row.value("language"),
            breadcrumbs: breadcrumbs.map { $0.components(separatedBy: " > ") } ?? [],
            body: try row.value("body"), sourcePath: try row.value("source_path"))
        let id: Int64 = try row.value("id")
        do {
            draft.authors = try StoredAuthors.authors(try row.value("byline_authors"))
        } catch let error as StoredAuthorsError {
            throw StoredRowError(articleID: id, message: error.message)
        }
        return Article(id: id, draft: draft, contentHash: try row.value("content_hash"),
                       wordCount: try row.value("word_count"), ingestedAt: Date(timeIntervalSince1970: try row.value("ingested_at")))
    }

    /// Runs `body` on a pooled connection; every failure becomes a StoreError
    /// naming the store and carrying the server's message.
    func run<T>(_ body: (PostgresSession) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.withConnection { connection in try body(PostgresSession(pool: pool, connection: connection)) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(path: location.description, message: postgresMessage(error))
        }
    }
}
