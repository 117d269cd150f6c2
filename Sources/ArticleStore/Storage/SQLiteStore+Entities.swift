import DossierCore
import Foundation
import GRDB

extension SQLiteStore {
    public func mentions(inArticle id: Int64) throws(StoreError) -> [StoredMention] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT mention.*, entity.name AS entity_name, entity.type AS entity_type
                FROM mention JOIN entity ON entity.id = mention.entity_id
                WHERE mention.article_id = ? ORDER BY \(Self.fieldOrder("mention")), mention.start
                """), arguments: [id]).map { row throws(StoredRowError) in try storedMention(row) }
        }
    }

    public func extractions(inArticles ids: ClosedRange<Int64>) throws(StoreError) -> [Int64: StoredExtraction] {
        try read { db in
            var extractions: [Int64: StoredExtraction] = [:]
            let versions = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT article_id, version FROM article_extraction WHERE article_id BETWEEN ? AND ?
                """), arguments: [ids.lowerBound, ids.upperBound])
            for row in versions {
                var fields = StoredRow(row, table: "article_extraction", keyColumns: ["article_id"])
                extractions[try fields.integer("article_id")] = StoredExtraction(version: try fields.text("version"))
            }
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT mention.*, entity.name AS entity_name, entity.type AS entity_type
                FROM mention JOIN entity ON entity.id = mention.entity_id
                WHERE mention.article_id BETWEEN ? AND ? ORDER BY mention.article_id, \(Self.fieldOrder("mention")), mention.start
                """), arguments: [ids.lowerBound, ids.upperBound])
            for row in rows {
                let mention = try storedMention(row)
                extractions[mention.articleID]?.mentions.append(mention)
            }
            return extractions
        }
    }

    public func mentions(ofEntity id: Int64, limit: Int) throws(StoreError) -> [StoredMention] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT mention.*, entity.name AS entity_name, entity.type AS entity_type
                FROM entity_article AS driver
                JOIN mention ON mention.article_id = driver.article_id AND mention.entity_id = driver.entity_id
                JOIN entity ON entity.id = mention.entity_id
                WHERE driver.entity_id = ?
                ORDER BY driver.published_at DESC, driver.article_id DESC, \(Self.fieldOrder("mention")), mention.start LIMIT ?
                """), arguments: [id, limit]).map { row throws(StoredRowError) in try storedMention(row) }
        }
    }

    /// The entity `name` most likely means (`entities(named:)`'s first).
    public func entity(named name: String) throws(StoreError) -> StoredEntity? {
        try entities(named: name, limit: 1).first
    }

    /// Every entity `name` may mean, the likeliest first: entities an analyst
    /// made, then by mentions. Found by the entity's own name, a recorded
    /// alias (acronyms, the analyst's), any way an article wrote one of its
    /// mentions ("Britain" for United Kingdom, "Trump" for Donald Trump), and,
    /// for a one-word name, the people whose name ends in it ("Trump").
    public func entities(named name: String, limit: Int = 20) throws(StoreError) -> [StoredEntity] {
        let key = entityKey(name)
        guard !key.isEmpty else { return [] }
        let oneWord = !key.contains(" ")
        return try read { db in
            let ids = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT candidate.id FROM (
                  SELECT entity_id AS id FROM entity_alias WHERE key = ?
                  UNION SELECT id FROM entity WHERE key = ?
                  UNION SELECT entity_id FROM entity_form WHERE text = ? COLLATE NOCASE
                  UNION SELECT id FROM entity WHERE ? AND type = 'PERSON' AND substr(key, length(key) - length(?)) = ' ' || ?
                ) AS candidate JOIN entity ON entity.id = candidate.id
                ORDER BY EXISTS (SELECT 1 FROM analyst_entity WHERE analyst_entity.key = entity.key) DESC,
                  coalesce((SELECT mentions FROM entity_count WHERE entity_count.entity_id = candidate.id), 0) DESC, entity.id
                LIMIT ?
                """), arguments: [key, key, name, oneWord, key, key, limit])
            return try ids.compactMap { try Self.entity(id: $0, db: db) }
        }
    }

    public func entity(id: Int64) throws(StoreError) -> StoredEntity? {
        try read { db in try Self.entity(id: id, db: db) }
    }

    /// Read from the materialised counts: the whole store's from
    /// `entity_count` (an index walk that stops at the limit); a date window's
    /// from the date buckets of the entities of largest total
    /// (`WindowedEntityTop`), or from the window's `entity_article` rows when
    /// they are few.
    public func topEntities(_ query: EntityQuery) throws(StoreError) -> [StoredEntity] {
        try topEntities(query, plan: .standard(limit: query.limit))
    }

    /// `topEntities` with a date window answered as `plan` says.
    func topEntities(_ query: EntityQuery, plan: WindowedEntityTop.Plan) throws(StoreError) -> [StoredEntity] {
        try read { db in
            let rows: [Row]
            if query.since != nil || query.until != nil {
                rows = try Self.windowedTop(query, plan: plan, db: db)
            } else {
                rows = try Self.topRows(from: "entity_count", arguments: [], type: query.type?.rawValue, limit: query.limit, db: db)
            }
            return try rows.compactMap { row in
                var fields = StoredRow(row, subject: .entity)
                var entity = try Self.entity(id: try fields.integer("id"), db: db)
                entity?.mentionCount = try fields.integer("mentions", in: 0...Int.max)
                entity?.articleCount = try fields.integer("articles", in: 0...Int.max)
                return entity
            }
        }
    }

    /// Entities ranked by `counts` (a table or subquery of `entity_id`,
    /// `mentions` and `articles`, with `arguments` for its placeholders),
    /// those of `type` only when given: rows of `id`, `mentions` and `articles`.
    private static func topRows(from counts: String, arguments: StatementArguments, type: String?, limit: Int, db: Database) throws -> [Row] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT entity.id, counts.mentions, counts.articles
            FROM \(counts) AS counts JOIN entity ON entity.id = counts.entity_id
            \(type == nil ? "" : "WHERE entity.type = ?")
            ORDER BY counts.articles DESC, counts.mentions DESC, entity.name LIMIT ?
            """), arguments: arguments + (type.map { [$0] } ?? []) + [max(0, limit)])
    }

    /// The top of a date window: rows of `id`, `mentions` and `articles`.
    private static func windowedTop(_ query: EntityQuery, plan: WindowedEntityTop.Plan, db: Database) throws -> [Row] {
        let limit = max(0, query.limit)
        let since = query.since?.timeIntervalSince1970, until = query.until?.timeIntervalSince1970
        var window = ["published_at IS NOT NULL"]
        var windowArguments: StatementArguments = []
        if let since { window.append("published_at >= ?"); windowArguments += [since] }
        if let until { window.append("published_at < ?"); windowArguments += [until] }
        let typeArguments: StatementArguments = query.type.map { [$0.rawValue] } ?? []
        func direct() throws -> [Row] {
            try Self.topRows(from: """
                (SELECT entity_id, sum(mentions) AS mentions, count(*) AS articles FROM entity_article
                 WHERE \(window.joined(separator: " AND ")) GROUP BY entity_id)
                """, arguments: windowArguments, type: query.type?.rawValue, limit: limit, db: db)
        }
        let parts = DateWindowParts(since: since, until: until)
        guard limit > 0, !parts.isEmpty else { return [] }
        let windowRows = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT 1 FROM entity_article WHERE \(window.joined(separator: " AND ")) LIMIT ?)
            """), arguments: windowArguments + [plan.directRowLimit + 1]) ?? 0
        if windowRows <= plan.directRowLimit { return try direct() }

        let ranked = """
            SELECT entity_count.entity_id AS id, entity_count.articles AS total FROM entity_count
            \(query.type == nil ? "" : "JOIN entity ON entity.id = entity_count.entity_id AND entity.type = ?")
            ORDER BY entity_count.articles DESC, entity_count.mentions DESC
            """
        let (articles, articleArguments) = bucketSum(parts, column: "articles")
        let (mentions, mentionArguments) = bucketSum(parts, column: "mentions")
        // MATERIALIZED: each candidate's sums are computed once, not again
        // for the filter and the ordering.
        let rank = try db.cachedStatement(sql: """
            WITH candidate AS MATERIALIZED (\(ranked) LIMIT ?),
            windowed AS MATERIALIZED (SELECT id, \(articles) AS articles, \(mentions) AS mentions FROM candidate)
            SELECT entity.id, windowed.mentions, windowed.articles FROM windowed JOIN entity ON entity.id = windowed.id
            WHERE windowed.articles > 0
            ORDER BY windowed.articles DESC, windowed.mentions DESC, entity.name LIMIT ?
            """)
        let nth = try db.cachedStatement(sql: "\(ranked) LIMIT 1 OFFSET ?")
        let top = try WindowedEntityTop.walk(limit: limit, plan: plan, windowArticles: { (row: Row) in Int64.fromDatabaseValue(row[2] as DatabaseValue) ?? 0 }) { candidates in
            let rows = try Row.fetchAll(rank, arguments: typeArguments + [candidates] + articleArguments + mentionArguments + [limit])
            let nthTotal = try Row.fetchOne(nth, arguments: typeArguments + [candidates - 1]).map { Int64.fromDatabaseValue($0[1] as DatabaseValue) ?? 0 }
            return (rows, nthTotal)
        }
        return try top ?? direct()
    }

    /// A candidate's window count of `column` (`articles` or `mentions`) from
    /// its date buckets, as an SQL expression on `candidate.id`.
    private static func bucketSum(_ parts: DateWindowParts, column: String) -> (String, StatementArguments) {
        var terms: [String] = []
        var arguments: StatementArguments = []
        func term(_ table: String, _ key: String, _ span: DateWindowParts.Span) {
            var sql = "(SELECT coalesce(sum(\(column)), 0) FROM \(table) WHERE entity_id = candidate.id"
            if let lower = span.lower { sql += " AND \(key) >= ?"; arguments += [lower] }
            if let upper = span.upper { sql += " AND \(key) < ?"; arguments += [upper] }
            terms.append(sql + ")")
        }
        if let months = parts.months { term("entity_month", "month", months) }
        for days in parts.days { term("entity_day", "day", days) }
        for instants in parts.instants {
            let counted = column == "articles" ? "count(*)" : "coalesce(sum(mentions), 0)"
            terms.append("(SELECT \(counted) FROM entity_article WHERE entity_id = candidate.id AND published_at >= ? AND published_at < ?)")
            arguments += [instants.lower, instants.upper]
        }
        return (terms.isEmpty ? "0" : terms.joined(separator: " + "), arguments)
    }

    /// Read from the materialised pair counts: the entity's own pairs only,
    /// `entity_pair`'s rows with the deltas pending for them summed in
    /// (`CooccurrenceRanking`). A shared sentence is counted once however
    /// often either is named in it.
    public func cooccurrences(of entityID: Int64, window: CooccurrenceWindow, type: EntityType?, limit: Int) throws(StoreError) -> [Cooccurrence] {
        try read { db in
            let (together, articles) = window == .sentence ? ("sentences", "sentence_articles") : ("articles", "articles")
            let ranking = CooccurrenceRanking(db: db, entity: entityID, together: together, articles: articles, type: type)
            return try ranking.top(max(0, limit)).compactMap { partner in
                guard let entity = try Self.entity(id: partner.id, db: db) else { return nil }
                return Cooccurrence(entity: entity, count: partner.together, articleCount: partner.articles)
            }
        }
    }

    public func entityGraph(_ query: EntityQuery, window: CooccurrenceWindow, minimumWeight: Int) throws(StoreError) -> EntityGraph {
        let nodes = try topEntities(query)
        guard nodes.count > 1 else { return EntityGraph(nodes: nodes, edges: [], window: window) }
        let ids = nodes.map(\.id)
        return try read { db in
            let list = ids.map(String.init).joined(separator: ",")
            if query.since == nil && query.until == nil {
                // The whole store's: the nodes' pairs from the materialised
                // counts, their pending deltas summed in (`PendingPairCounts`);
                // a pair with a figure edited by hand is reported, whatever its sum.
                let weight = window == .sentence ? "sentences" : "articles"
                let pairs = PendingPairCounts.summed(where: "entity_id IN (\(list)) AND other_id IN (\(list)) AND other_id > entity_id")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT entity_id, other_id, \(weight), \(weight)_readable AS readable FROM (\(pairs))
                    WHERE \(weight) >= ? OR NOT \(weight)_readable
                    ORDER BY \(weight) DESC, entity_id, other_id
                    """, arguments: [max(1, minimumWeight)])
                let pending = PendingPairCounts(db)
                let edges = try rows.map { row in
                    var fields = StoredRow(row, table: "entity_pair", keyColumns: ["entity_id", "other_id"])
                    let source = try fields.integer("entity_id"), target = try fields.integer("other_id")
                    if try !fields.boolean("readable") { throw try pending.rowError(entity: source, other: target, columns: [weight]) }
                    return EntityGraph.Edge(source: source, target: target, weight: try fields.integer(weight, in: 0...Int.max))
                }
                return EntityGraph(nodes: nodes, edges: edges, window: window)
            }
            // The materialised pairs' rule (`CooccurrenceWindow.article`):
            // a shared sentence (from the mentions), or both among the
            // article's leading entities (from their article rows, which say
            // so, instead of a lookup of both per pair of mentions).
            let dated = EntityQuery(since: query.since, until: query.until)
            let (filter, arguments) = Self.articleFilter(dated, mentionAlias: "a")
            let unit = window == .sentence ? "a.article_id || ':' || a.field || ':' || a.sentence" : "a.article_id"
            var pairs = """
                SELECT a.entity_id AS source, b.entity_id AS target, \(unit) AS unit
                FROM mention AS a JOIN mention AS b
                  ON b.article_id = a.article_id AND b.field = a.field AND b.sentence = a.sentence AND b.entity_id > a.entity_id
                \(filter.isEmpty ? "WHERE" : filter + " AND") a.entity_id IN (\(list)) AND b.entity_id IN (\(list))
                """
            var pairArguments = arguments
            if window != .sentence {
                let (leadFilter, leadArguments) = Self.articleFilter(dated, mentionAlias: "a")
                pairs += """

                    UNION ALL
                    SELECT a.entity_id, b.entity_id, a.article_id
                    FROM entity_article AS a JOIN entity_article AS b
                      ON b.article_id = a.article_id AND b.entity_id > a.entity_id AND b.leads
                    \(leadFilter.isEmpty ? "WHERE" : leadFilter + " AND") a.leads AND a.entity_id IN (\(list)) AND b.entity_id IN (\(list))
                    """
                pairArguments += leadArguments
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT source, target, count(DISTINCT unit) AS weight FROM (\(pairs))
                GROUP BY source, target HAVING weight >= ?
                ORDER BY weight DESC, source, target
                """, arguments: pairArguments + [max(1, minimumWeight)])
            let edges = try rows.map { row throws(StoredRowError) in
                var fields = StoredRow(row, subject: .entity)
                return EntityGraph.Edge(source: try fields.integer("source"), target: try fields.integer("target"),
                                        weight: try fields.integer("weight", in: 0...Int.max))
            }
            return EntityGraph(nodes: nodes, edges: edges, window: window)
        }
    }

    public func replaceMentions(_ mentions: [Int64: [Mention]], authors: [Int64: [BylineAuthor]]?,
                                extractorVersion: String) throws(StoreError) {
        let pairFoldRows = pairFoldRows
        try perform { db in
            if let authors {
                let update = try db.cachedStatement(sql: "UPDATE article SET byline_authors = ? WHERE id = ?")
                for (articleID, list) in authors.sorted(by: { $0.key < $1.key }) {
                    try update.execute(arguments: [StoredAuthors.text(list), articleID])
                }
            }
            let index = EntityIndex(db)
            let ordered = mentions.sorted(by: { $0.key < $1.key })
            try index.removeMentions(articleIDs: ordered.map(\.key))
            for (articleID, list) in ordered {
                try index.insert(list, articleID: articleID)
                try index.markExtracted(articleID: articleID, version: extractorVersion)
            }
            try index.countWritten()
            try index.pruneOrphans()
            try PendingPairCounts(db).foldIfDue(atRows: pairFoldRows)
        }
    }

    public func articlesNeedingExtraction(version: String, after id: Int64, limit: Int) throws(StoreError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT article.id FROM article LEFT JOIN article_extraction ON article_extraction.article_id = article.id
                WHERE article.id > ? AND (article_extraction.version IS NULL OR article_extraction.version != ?)
                ORDER BY article.id LIMIT ?
                """), arguments: [id, version, limit])
        }
    }

    public func extractorVersion(ofArticle id: Int64) throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT version FROM article_extraction WHERE article_id = ?"), arguments: [id])
        }
    }

    public func analystEntities() throws(StoreError) -> [AnalystEntity] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT id, name, type, aliases FROM analyst_entity ORDER BY id")).compactMap { row in
                var fields = StoredRow(row, subject: .entity)
                _ = try fields.integer("id")
                guard let type = EntityType(rawValue: try fields.text("type")) else { return nil }
                let aliasList = try fields.optionalText("aliases") ?? "[]"
                let aliases = (try? JSONDecoder().decode([String].self, from: Data(aliasList.utf8))) ?? []
                return AnalystEntity(name: try fields.text("name"), type: type, aliases: aliases)
            }
        }
    }

    public func saveAnalystEntity(_ entity: AnalystEntity) throws(StoreError) {
        let aliases = String(decoding: (try? JSONEncoder().encode(entity.aliases)) ?? Data("[]".utf8), as: UTF8.self)
        try perform { db in
            try db.execute(sql: """
                INSERT INTO analyst_entity (name, key, type, aliases) VALUES (?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET name = excluded.name, type = excluded.type, aliases = excluded.aliases
                """, arguments: [entity.name, entityKey(entity.name), entity.type.rawValue, aliases])
            try db.execute(sql: "DELETE FROM analyst_rejection WHERE key = ?", arguments: [entityKey(entity.name)])
            // The entity and its aliases exist from now on, so stored mentions
            // under any of the names merge into it at once.
            // Found by its own name only: reaching another entity through an
            // alias would rename that one.
            let index = EntityIndex(db)
            let id = try index.entityID(key: entityKey(entity.name), name: entity.name, type: entity.type)
            try db.execute(sql: "UPDATE entity SET name = ? WHERE id = ?", arguments: [entity.name, id])
            for alias in entity.aliases where entityKey(alias) != entityKey(entity.name) {
                // The analyst's word replaces an earlier article's definition.
                try db.execute(sql: "DELETE FROM entity_alias WHERE key = ? AND type = ?", arguments: [entityKey(alias), entity.type.rawValue])
                try index.addAlias(alias, key: entityKey(alias), to: id, type: entity.type)
            }
        }
    }

    public func rejectedNames() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM analyst_rejection ORDER BY id")) }
    }

    public func rejectName(_ name: String) throws(StoreError) {
        try perform { db in
            try db.execute(sql: "INSERT OR REPLACE INTO analyst_rejection (key, name) VALUES (?, ?)", arguments: [entityKey(name), name])
            try db.execute(sql: "DELETE FROM analyst_entity WHERE key = ?", arguments: [entityKey(name)])
        }
    }

    // MARK: Rows

    /// Conditions on the publication date and the entity type, as a WHERE clause.
    private static func articleFilter(_ query: EntityQuery, mentionAlias: String) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if query.since != nil || query.until != nil {
            var dated = "SELECT id FROM article WHERE published_at IS NOT NULL"
            if let since = query.since { dated += " AND published_at >= ?"; arguments += [since.timeIntervalSince1970] }
            if let until = query.until { dated += " AND published_at < ?"; arguments += [until.timeIntervalSince1970] }
            conditions.append("\(mentionAlias).article_id IN (\(dated))")
        }
        if let type = query.type {
            conditions.append("entity.type = ?")
            arguments += [type.rawValue]
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    private static func entity(id: Int64, db: Database) throws -> StoredEntity? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT entity.*,
              coalesce((SELECT mentions FROM entity_count WHERE entity_id = entity.id), 0) AS mentions,
              coalesce((SELECT articles FROM entity_count WHERE entity_id = entity.id), 0) AS articles,
              EXISTS (SELECT 1 FROM analyst_entity WHERE analyst_entity.key = entity.key) AS analyst
            FROM entity WHERE id = ?
            """), arguments: [id]) else { return nil }
        var fields = StoredRow(row, subject: .entity)
        _ = try fields.integer("id")
        guard let type = EntityType(rawValue: try fields.text("type")) else { return nil }
        let name = try fields.text("name")
        // Aliases: recorded ones, then the other ways articles wrote the name.
        var aliases = try String.fetchAll(db.cachedStatement(sql: "SELECT alias FROM entity_alias WHERE entity_id = ? ORDER BY alias"), arguments: [id])
        let written = try String.fetchAll(db.cachedStatement(sql: """
            SELECT text FROM entity_form WHERE entity_id = ? ORDER BY mentions DESC, text LIMIT 20
            """), arguments: [id])
        for text in written where text != name && !aliases.contains(text) { aliases.append(text) }
        return StoredEntity(id: id, name: name, type: type, aliases: aliases, mentionCount: try fields.integer("mentions", in: 0...Int.max),
                            articleCount: try fields.integer("articles", in: 0...Int.max), fromAnalyst: try fields.boolean("analyst"))
    }

    /// Every entity, mention and pair row read as the store reads them (for
    /// `integrityCheck`).
    static func unreadableEntityRows(_ db: Database, limit: Int) throws -> UnreadableRows {
        var rows = UnreadableRows("entity and mention rows", limit: limit)
        try rows.check(db, "SELECT id, name, type FROM entity ORDER BY id") { row in
            var fields = StoredRow(row, subject: .entity)
            _ = try fields.integer("id")
            _ = try fields.text("name")
            _ = try fields.text("type")
        }
        try rows.check(db, """
            SELECT mention.*, entity.name AS entity_name, entity.type AS entity_type
            FROM mention LEFT JOIN entity ON entity.id = mention.entity_id ORDER BY mention.article_id, mention.start
            """) { row in _ = try storedMention(row) }
        // The pair counts `entities:cooccur` and `entities:graph` read, and
        // the deltas pending for them (of either sign, but no pair's sum
        // below zero).
        let figures = ["articles", "sentences", "sentence_articles"]
        try rows.check(db, "SELECT * FROM entity_pair ORDER BY entity_id, other_id") { row in
            var fields = StoredRow(row, table: "entity_pair", keyColumns: ["entity_id", "other_id"])
            _ = try fields.integer("entity_id")
            _ = try fields.integer("other_id")
            for column in figures { _ = try fields.integer(column, in: 0...Int.max) }
        }
        try rows.check(db, "SELECT * FROM entity_pair_pending ORDER BY entity_id, other_id") { row in
            var fields = StoredRow(row, table: "entity_pair_pending", keyColumns: ["entity_id", "other_id"])
            _ = try fields.integer("entity_id")
            _ = try fields.integer("other_id")
            for column in figures { _ = try fields.integer(column) }
        }
        let sums = figures.map { "pending.\($0) + coalesce(pair.\($0), 0) AS \($0)" }.joined(separator: ", ")
        let integers = figures.flatMap { ["typeof(pending.\($0))", "typeof(coalesce(pair.\($0), 0))"] }.map { "\($0) = 'integer'" }
        try rows.check(db, """
            SELECT pending.entity_id, pending.other_id, \(sums)
            FROM entity_pair_pending AS pending
            LEFT JOIN entity_pair AS pair ON pair.entity_id = pending.entity_id AND pair.other_id = pending.other_id
            WHERE \(integers.joined(separator: " AND ")) ORDER BY pending.entity_id, pending.other_id
            """) { row in
            var fields = StoredRow(row, table: "entity_pair_pending", keyColumns: ["entity_id", "other_id"])
            for column in figures {
                let sum = try fields.integer(column)
                if sum < 0 { throw fields.error("column '\(column)' added to entity_pair's makes \(sum), below zero") }
            }
        }
        return rows
    }
}

extension SQLiteStore {
    /// An SQL expression ordering mentions by field in reading order (title first, body last).
    static func fieldOrder(_ table: String) -> String {
        "CASE \(table).field " + ArticleField.allCases.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(separator: " ") + " END"
    }
}

/// A mention from its row (joined with its entity's name and type),
/// checked: a row edited by hand is an error naming its article, not a trap.
private func storedMention(_ row: Row) throws(StoredRowError) -> StoredMention {
    var fields = StoredRow(row, subject: .mention)
    let articleID = try fields.integer("article_id")
    let entityID = try fields.integer("entity_id")
    guard let entityName = try fields.optionalText("entity_name") else {
        throw fields.error("entity #\(entityID) does not exist")
    }
    let entityType = EntityType(rawValue: try fields.text("entity_type")) ?? .organization
    let start = try fields.integer("start", in: 1...Int.max)
    let stop = try fields.integer("stop", in: start...Int.max)
    let mention = Mention(
        text: try fields.text("text"), type: EntityType(rawValue: try fields.text("type")) ?? entityType, entity: entityName,
        entityType: entityType, start: start, stop: stop, sentence: try fields.integer("sentence", in: 0...Int.max),
        source: MentionSource(rawValue: try fields.text("source")) ?? .model,
        field: ArticleField(rawValue: try fields.optionalText("field") ?? "body") ?? .body)
    return StoredMention(articleID: articleID, entityID: entityID, mention: mention)
}
