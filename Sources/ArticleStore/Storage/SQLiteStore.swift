import DossierCore
import Foundation
import GRDB

/// The embedded default store: one SQLite file in WAL mode (so a REPL and a
/// batch ingest can use it at once), an FTS5 index over title, subtitle and
/// body kept in sync by triggers, and schema migrations.
public final class SQLiteStore: Store {
    public let path: String
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the store at `path`; ":memory:" for a
    /// private in-memory store.
    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)  // wait for a concurrent writer
            // 64 MiB of page cache instead of SQLite's 2 MiB: the near-duplicate
            // index is written at random places and grows with the store.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
            if path == ":memory:" {
                writer = try DatabaseQueue(configuration: configuration)
            } else {
                let directory = (path as NSString).deletingLastPathComponent
                if !directory.isEmpty {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
                writer = try DatabasePool(path: path, configuration: configuration)
            }
            try StoreSchema.migrator.migrate(writer)
        } catch {
            throw StoreError.database(path: path, message: describe(error))
        }
    }

    public func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?) throws(StoreError) -> [AddOutcome] {
        precondition(mentions == nil || mentions!.count == drafts.count, "one list of mentions per draft")
        precondition((mentions == nil) == (extractorVersion == nil), "mentions are stored with the version that made them")
        let now = Date()
        return try perform { db in
            let find = try db.cachedStatement(sql: "SELECT id FROM article WHERE content_hash = ?")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO article (title, subtitle, byline, outlet, url, published_at, published_offset,
                  published_precision, dateline, language, breadcrumbs, body, word_count, content_hash,
                  source_path, ingested_at, extraction_warnings)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                ])
                let id = db.lastInsertedRowID
                let similar = try nearDuplicates.insert(articleID: id, signature: MinHashSignature(text: draft.body))
                if let mentions, let extractorVersion {
                    try entities.insert(mentions[index], articleID: id)
                    try entities.markExtracted(articleID: id, version: extractorVersion)
                }
                outcomes.append(.added(id: id, nearDuplicates: similar))
            }
            return outcomes
        }
    }

    public func article(id: Int64) throws(StoreError) -> Article? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM article WHERE id = ?"), arguments: [id]).map(StoreSchema.article)
        }
    }

    public func search(_ query: SearchQuery) throws(StoreError) -> [SearchHit] {
        let text = query.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var conditions: [String] = []
        var arguments: StatementArguments = []
        let select: String
        if text.isEmpty {
            select = "SELECT article.*, 0.0 AS relevance, NULL AS passage FROM article"
        } else {
            // bm25 weights: a match in the title counts ten times one in the
            // body, one in the subtitle four times (negated: higher is better).
            select = """
                SELECT article.*, -bm25(article_fts, 10.0, 4.0, 1.0) AS relevance,
                  snippet(article_fts, -1, ?, ?, '…', 24) AS passage
                FROM article_fts JOIN article ON article.id = article_fts.rowid
                """
            arguments += [query.markStart, query.markEnd]
            conditions.append("article_fts MATCH ?")
            arguments += [text]
        }
        for name in query.mentioning {
            conditions.append("""
                article.id IN (SELECT article_id FROM mention WHERE entity_id IN (
                  SELECT id FROM entity WHERE key = ? UNION SELECT entity_id FROM entity_alias WHERE key = ?))
                """)
            let key = entityKey(name)
            arguments += [key, key]
        }
        for id in query.mentioningEntities {
            conditions.append("article.id IN (SELECT article_id FROM mention WHERE entity_id = ?)")
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
        let order: String
        switch query.order {
        case .rank: order = text.isEmpty ? "article.published_at DESC, article.id" : "relevance DESC, article.id"
        case .newest: order = "article.published_at DESC, article.id DESC"
        case .oldest: order = "article.published_at ASC, article.id ASC"
        }
        let sql = select
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY \(order) LIMIT ? OFFSET ?"
        arguments += [max(0, query.limit), max(0, query.offset)]
        do {
            return try writer.read { db in
                try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
                    let article = StoreSchema.article(row)
                    let passage: String? = row["passage"]
                    return SearchHit(article: article, rank: row["relevance"] ?? 0,
                                     snippet: passage ?? article.draft.lead())
                }
            }
        } catch {
            throw failure(error, query: text)
        }
    }

    public func count(matching query: String?) throws(StoreError) -> Int {
        let text = query?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        do {
            return try writer.read { db in
                if text.isEmpty {
                    return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM article")) ?? 0
                }
                return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?"), arguments: [text]) ?? 0
            }
        } catch {
            throw failure(error, query: text)
        }
    }

    public func articles(after id: Int64, limit: Int) throws(StoreError) -> [Article] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM article WHERE id > ? ORDER BY id LIMIT ?"),
                             arguments: [id, limit]).map(StoreSchema.article)
        }
    }

    public func delete(id: Int64) throws(StoreError) -> Bool {
        try perform { db in
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
                """), arguments: [id, limit]).map { SimilarArticle(article: StoreSchema.article($0), score: $0["similarity"]) }
        }
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
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

    func perform<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
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
}

private func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? error.description }
    return String(describing: error)
}
