import ArticleStore
import DossierCore
import Foundation
import PostgresNIO

// The entity index, query for query as in SQLiteStore+Entities. Names sort
// with COLLATE "C" (bytes, as SQLite sorts) whatever the database's collation.
extension PostgresStore {
    static let mentionColumns = """
        mention.article_id, mention.field, mention.start, mention.stop, mention.entity_id, mention.sentence, mention.type,
        mention.source, mention.text, entity.name AS entity_name, entity.type AS entity_type
        """

    public func mentions(inArticle id: Int64) throws(StoreError) -> [StoredMention] {
        try run { session in
            var statement = PostgresStatement()
            statement.append("""
                SELECT \(Self.mentionColumns) FROM mention JOIN entity ON entity.id = mention.entity_id
                WHERE mention.article_id = \(statement.bind(id)) ORDER BY \(Self.fieldOrder), mention.start
                """)
            return try session.rows(statement).map(Self.storedMention)
        }
    }

    public func extractions(inArticles ids: ClosedRange<Int64>) throws(StoreError) -> [Int64: StoredExtraction] {
        try run { session in
            var extractions: [Int64: StoredExtraction] = [:]
            var versions = PostgresStatement()
            versions.append("""
                SELECT article_id, version FROM article_extraction
                WHERE article_id BETWEEN \(versions.bind(ids.lowerBound)) AND \(versions.bind(ids.upperBound))
                """)
            for row in try session.rows(versions) {
                extractions[try row.value("article_id")] = StoredExtraction(version: try row.value("version"))
            }
            var statement = PostgresStatement()
            statement.append("""
                SELECT \(Self.mentionColumns) FROM mention JOIN entity ON entity.id = mention.entity_id
                WHERE mention.article_id BETWEEN \(statement.bind(ids.lowerBound)) AND \(statement.bind(ids.upperBound))
                ORDER BY mention.article_id, \(Self.fieldOrder), mention.start
                """)
            for row in try session.rows(statement) {
                let mention = try Self.storedMention(row)
                extractions[mention.articleID]?.mentions.append(mention)
            }
            return extractions
        }
    }

    public func mentions(ofEntity id: Int64, limit: Int) throws(StoreError) -> [StoredMention] {
        try run { session in
            var statement = PostgresStatement()
            statement.append("""
                SELECT \(Self.mentionColumns) FROM entity_article AS driver
                JOIN mention ON mention.article_id = driver.article_id AND mention.entity_id = driver.entity_id
                JOIN entity ON entity.id = mention.entity_id
                WHERE driver.entity_id = \(statement.bind(id))
                ORDER BY driver.published_at DESC NULLS LAST, driver.article_id DESC, \(Self.fieldOrder), mention.start
                LIMIT \(statement.bind(Int64(max(0, limit))))
                """)
            return try session.rows(statement).map(Self.storedMention)
        }
    }

    /// The entity `name` most likely means (`entities(named:)`'s first), as
    /// SQLiteStore answers it.
    public func entity(named name: String) throws(StoreError) -> StoredEntity? {
        try entities(named: name, limit: 1).first
    }

    public func entity(id: Int64) throws(StoreError) -> StoredEntity? {
        try run { session in try Self.entity(id: id, session: session) }
    }

    /// As `SQLiteStore.entities(named:limit:)`, query for query; "written as"
    /// compares with `lower()`, which folds all of Unicode where SQLite's NOCASE
    /// folds ASCII only.
    public func entities(named name: String, limit: Int = 20) throws(StoreError) -> [StoredEntity] {
        let folded = entityKey(name)
        guard !folded.isEmpty else { return [] }
        return try run { session in
            var statement = PostgresStatement()
            let key = statement.bind(folded)
            let written = statement.bind(name)
            let oneWord = statement.bind(!folded.contains(" "))
            statement.append("""
                SELECT candidate.id FROM (
                  SELECT entity_id AS id FROM entity_alias WHERE key = \(key)
                  UNION SELECT id FROM entity WHERE key = \(key)
                  UNION SELECT entity_id FROM entity_form WHERE lower(text) = lower(\(written))
                  UNION SELECT id FROM entity WHERE \(oneWord) AND type = 'PERSON' AND right(key, length(\(key)) + 1) = ' ' || \(key)
                ) AS candidate JOIN entity ON entity.id = candidate.id
                ORDER BY EXISTS (SELECT 1 FROM analyst_entity WHERE analyst_entity.key = entity.key) DESC,
                  coalesce((SELECT mentions FROM entity_count WHERE entity_count.entity_id = candidate.id), 0) DESC, entity.id
                LIMIT \(statement.bind(Int64(max(0, limit))))
                """)
            let ids: [Int64] = try session.rows(statement).map { try $0.value("id") }
            let found = try Self.entities(ids: ids, session: session)  // one query, not one per candidate
            return ids.compactMap { found[$0] }
        }
    }

    public func topEntities(_ query: EntityQuery) throws(StoreError) -> [StoredEntity] {
        try topEntities(query, plan: .standard(limit: query.limit))
    }

    /// `topEntities` with a date window answered as `plan` says.
    func topEntities(_ query: EntityQuery, plan: WindowedEntityTop.Plan) throws(StoreError) -> [StoredEntity] {
        try run { session in try Self.topEntities(query, plan: plan, session: session) }
    }

    /// Read from the materialised counts, as SQLite does: the whole store's
    /// from `entity_count`; a date window's from the date buckets of the
    /// entities of largest total (`WindowedEntityTop`), or from the window's
    /// `entity_article` rows when they are few.
    static func topEntities(_ query: EntityQuery, plan: WindowedEntityTop.Plan? = nil, session: PostgresSession) throws -> [StoredEntity] {
        let rows: [PostgresRandomAccessRow]
        if query.since != nil || query.until != nil {
            rows = try windowedTop(query, plan: plan ?? .standard(limit: query.limit), session: session)
        } else {
            var statement = PostgresStatement()
            rows = try Self.topRows(&statement, from: "entity_count", type: query.type?.rawValue, limit: Int64(max(0, query.limit)), session: session)
        }
        let found = try entities(ids: rows.map { try $0.value("id") }, session: session)
        return try rows.compactMap { row in
            var entity = found[try row.value("id")]
            entity?.mentionCount = Int(try row.value("mentions", as: Int64.self))
            entity?.articleCount = Int(try row.value("articles", as: Int64.self))
            return entity
        }
    }

    /// Entities ranked by `counts` (a table or subquery of `entity_id`,
    /// `mentions` and `articles`, its values bound in `statement` already),
    /// those of `type` only when given: rows of `id`, `mentions` and `articles`.
    private static func topRows(_ statement: inout PostgresStatement, from counts: String, type: String?, limit: Int64,
                                session: PostgresSession) throws -> [PostgresRandomAccessRow] {
        let typeFilter = type.map { "WHERE entity.type = \(statement.bind($0))" } ?? ""
        statement.append("""
            SELECT entity.id, counts.mentions, counts.articles
            FROM \(counts) AS counts JOIN entity ON entity.id = counts.entity_id
            \(typeFilter)
            ORDER BY counts.articles DESC, counts.mentions DESC, entity.name COLLATE "C" LIMIT \(statement.bind(limit))
            """)
        return try session.rows(statement)
    }

    /// The top of a date window: rows of `id`, `mentions` and `articles`.
    private static func windowedTop(_ query: EntityQuery, plan: WindowedEntityTop.Plan, session: PostgresSession) throws -> [PostgresRandomAccessRow] {
        let limit = Int64(max(0, query.limit))
        let since = query.since?.timeIntervalSince1970, until = query.until?.timeIntervalSince1970
        func window(_ statement: inout PostgresStatement) -> String {
            var conditions = ["published_at IS NOT NULL"]
            if let since { conditions.append("published_at >= \(statement.bind(since))") }
            if let until { conditions.append("published_at < \(statement.bind(until))") }
            return conditions.joined(separator: " AND ")
        }
        func direct() throws -> [PostgresRandomAccessRow] {
            var statement = PostgresStatement()
            let counts = """
                (SELECT entity_id, sum(mentions)::int8 AS mentions, count(*)::int8 AS articles FROM entity_article
                 WHERE \(window(&statement)) GROUP BY entity_id)
                """
            return try Self.topRows(&statement, from: counts, type: query.type?.rawValue, limit: limit, session: session)
        }
        let parts = DateWindowParts(since: since, until: until)
        guard limit > 0, !parts.isEmpty else { return [] }
        var count = PostgresStatement()
        count.append("""
            SELECT count(*)::int8 AS rows FROM (SELECT 1 FROM entity_article WHERE \(window(&count))
              LIMIT \(count.bind(Int64(plan.directRowLimit + 1)))) AS window_rows
            """)
        let windowRows = try session.rows(count).first?.value("rows", as: Int64.self) ?? 0
        if windowRows <= plan.directRowLimit { return try direct() }

        func ranked(_ statement: inout PostgresStatement) -> String {
            let typeJoin = query.type.map { "JOIN entity ON entity.id = entity_count.entity_id AND entity.type = \(statement.bind($0.rawValue))" } ?? ""
            return """
                SELECT entity_count.entity_id AS id, entity_count.articles AS total FROM entity_count \(typeJoin)
                ORDER BY entity_count.articles DESC, entity_count.mentions DESC
                """
        }
        let top = try WindowedEntityTop.walk(limit: Int(limit), plan: plan, windowArticles: { (row: PostgresRandomAccessRow) in
            (try? row.value("articles", as: Int64.self)) ?? 0
        }) { candidates in
            var rank = PostgresStatement()
            let candidateSQL = ranked(&rank) + " LIMIT \(rank.bind(Int64(candidates)))"
            let sums = bucketSums(parts, &rank)
            // MATERIALIZED: each candidate's sums are computed once.
            rank.append("""
                WITH candidate AS MATERIALIZED (\(candidateSQL)),
                windowed AS MATERIALIZED (SELECT candidate.id, sums.articles, sums.mentions FROM candidate
                  CROSS JOIN LATERAL (SELECT coalesce(sum(part.articles), 0)::int8 AS articles, coalesce(sum(part.mentions), 0)::int8 AS mentions
                                      FROM (\(sums)) AS part) AS sums)
                SELECT entity.id, windowed.mentions, windowed.articles FROM windowed JOIN entity ON entity.id = windowed.id
                WHERE windowed.articles > 0
                ORDER BY windowed.articles DESC, windowed.mentions DESC, entity.name COLLATE "C" LIMIT \(rank.bind(limit))
                """)
            var nth = PostgresStatement()
            nth.append(ranked(&nth) + " LIMIT 1 OFFSET \(nth.bind(Int64(candidates - 1)))")
            let nthTotal = try session.rows(nth).first.map { try $0.value("total", as: Int64.self) }
            return (try session.rows(rank), nthTotal)
        }
        return try top ?? direct()
    }

    /// The rows (`articles`, `mentions`) of a candidate's date buckets inside
    /// the window, as one UNION ALL on `candidate.id`.
    private static func bucketSums(_ parts: DateWindowParts, _ statement: inout PostgresStatement) -> String {
        var selects: [String] = []
        func buckets(_ table: String, _ key: String, _ span: DateWindowParts.Span) {
            var sql = "SELECT articles, mentions FROM \(table) WHERE entity_id = candidate.id"
            if let lower = span.lower { sql += " AND \(key) >= \(statement.bind(lower))" }
            if let upper = span.upper { sql += " AND \(key) < \(statement.bind(upper))" }
            selects.append(sql)
        }
        if let months = parts.months { buckets("entity_month", "month", months) }
        for days in parts.days { buckets("entity_day", "day", days) }
        for instants in parts.instants {
            selects.append("""
                SELECT 1::int8 AS articles, mentions FROM entity_article WHERE entity_id = candidate.id
                  AND published_at >= \(statement.bind(instants.lower)) AND published_at < \(statement.bind(instants.upper))
                """)
        }
        return selects.isEmpty ? "SELECT 0::int8 AS articles, 0::int8 AS mentions" : selects.joined(separator: " UNION ALL ")
    }

    public func cooccurrences(of entityID: Int64, window: CooccurrenceWindow, type: EntityType?, limit: Int) throws(StoreError) -> [Cooccurrence] {
        try run { session in
            var statement = PostgresStatement()
            let id = statement.bind(entityID)
            let (together, articles) = window == .sentence ? ("pair.sentences", "pair.sentence_articles") : ("pair.articles", "pair.articles")
            let typeFilter = type.map { "AND entity.type = \(statement.bind($0.rawValue))" } ?? ""
            // From the materialised pairs: a shared sentence is counted once
            // however often either is named in it.
            statement.append("""
                SELECT pair.other_id AS id, \(together) AS together, \(articles) AS articles
                FROM entity_pair AS pair JOIN entity ON entity.id = pair.other_id
                WHERE pair.entity_id = \(id) AND \(together) > 0 \(typeFilter)
                ORDER BY together DESC, articles DESC, entity.name COLLATE "C" LIMIT \(statement.bind(Int64(max(0, limit))))
                """)
            let rows = try session.rows(statement)
            let found = try Self.entities(ids: rows.map { try $0.value("id") }, session: session)
            return try rows.compactMap { row in
                try found[row.value("id")].map {
                    Cooccurrence(entity: $0, count: Int(try row.value("together", as: Int64.self)),
                                 articleCount: Int(try row.value("articles", as: Int64.self)))
                }
            }
        }
    }

    public func entityGraph(_ query: EntityQuery, window: CooccurrenceWindow, minimumWeight: Int) throws(StoreError) -> EntityGraph {
        try run { session in
            let nodes = try Self.topEntities(query, session: session)
            guard nodes.count > 1 else { return EntityGraph(nodes: nodes, edges: [], window: window) }
            if query.since == nil && query.until == nil {
                // The whole store's: the nodes' pairs from the materialised counts.
                var pairs = PostgresStatement()
                let ids = pairs.bind(nodes.map(\.id))
                let weight = window == .sentence ? "sentences" : "articles"
                pairs.append("""
                    SELECT entity_id AS source, other_id AS target, \(weight) AS weight FROM entity_pair
                    WHERE entity_id = ANY(\(ids)) AND other_id = ANY(\(ids)) AND other_id > entity_id
                      AND \(weight) >= \(pairs.bind(Int64(max(1, minimumWeight))))
                    ORDER BY weight DESC, source, target
                    """)
                let edges = try session.rows(pairs).map { row in
                    EntityGraph.Edge(source: try row.value("source"), target: try row.value("target"),
                                     weight: Int(try row.value("weight", as: Int64.self)))
                }
                return EntityGraph(nodes: nodes, edges: edges, window: window)
            }
            var statement = PostgresStatement()
            let ids = statement.bind(nodes.map(\.id))
            // The materialised pairs' rule (`CooccurrenceWindow.article`):
            // a shared sentence (from the mentions), or both among the
            // article's leading entities (from their article rows, which say
            // so, instead of a lookup of both per pair of mentions).
            let dated = EntityQuery(since: query.since, until: query.until)
            let filter = Self.articleFilter(dated, mentionAlias: "a", statement: &statement)
            // What one unit of weight is: an article, or one sentence of one field of it.
            let sharedUnit = window == .sentence ? "(a.article_id, a.field, a.sentence)" : "a.article_id"
            var pairs = """
                SELECT a.entity_id AS source, b.entity_id AS target, \(sharedUnit) AS unit
                FROM mention AS a JOIN mention AS b
                  ON b.article_id = a.article_id AND b.field = a.field AND b.sentence = a.sentence AND b.entity_id > a.entity_id
                \(filter.isEmpty ? "WHERE" : filter + " AND") a.entity_id = ANY(\(ids)) AND b.entity_id = ANY(\(ids))
                """
            if window != .sentence {
                let leadFilter = Self.articleFilter(dated, mentionAlias: "a", statement: &statement)
                pairs += """

                    UNION ALL
                    SELECT a.entity_id, b.entity_id, a.article_id
                    FROM entity_article AS a JOIN entity_article AS b
                      ON b.article_id = a.article_id AND b.entity_id > a.entity_id AND b.leads
                    \(leadFilter.isEmpty ? "WHERE" : leadFilter + " AND") a.leads AND a.entity_id = ANY(\(ids)) AND b.entity_id = ANY(\(ids))
                    """
            }
            statement.append("""
                SELECT source, target, count(DISTINCT unit) AS weight FROM (\(pairs)) AS pairs
                GROUP BY source, target
                HAVING count(DISTINCT unit) >= \(statement.bind(Int64(max(1, minimumWeight))))
                ORDER BY weight DESC, source, target
                """)
            let edges = try session.rows(statement).map { row in
                EntityGraph.Edge(source: try row.value("source"), target: try row.value("target"),
                                 weight: Int(try row.value("weight", as: Int64.self)))
            }
            return EntityGraph(nodes: nodes, edges: edges, window: window)
        }
    }

    public func replaceMentions(_ mentions: [Int64: [Mention]], authors: [Int64: [BylineAuthor]]?,
                                extractorVersion: String) throws(StoreError) {
        guard !mentions.isEmpty || authors?.isEmpty == false else { return }
        let ordered = mentions.sorted { $0.key < $1.key }
        try run { session in
            try session.transaction {
                if let authors, !authors.isEmpty {
                    let sorted = authors.sorted { $0.key < $1.key }
                    var update = PostgresStatement()
                    update.append("""
                        UPDATE article SET byline_authors = given.authors
                        FROM unnest(\(update.bind(sorted.map(\.key)))::int8[],
                                    \(update.bind(NullableArray(sorted.map { StoredAuthors.text($0.value) })))::text[]) AS given(id, authors)
                        WHERE article.id = given.id
                        """)
                    try session.execute(update)
                }
                let writer = MentionWriter(session: session)
                try writer.removeMentions(ordered.map(\.key))
                try writer.insert(ordered.map { ($0.key, $0.value) })
                try writer.markExtracted(ordered.map(\.key), version: extractorVersion)
                try writer.pruneOrphans()
            }
        }
    }

    public func articlesNeedingExtraction(version: String, after id: Int64, limit: Int) throws(StoreError) -> [Int64] {
        try run { session in
            var statement = PostgresStatement()
            statement.append("""
                SELECT article.id FROM article LEFT JOIN article_extraction ON article_extraction.article_id = article.id
                WHERE article.id > \(statement.bind(id))
                  AND (article_extraction.version IS NULL OR article_extraction.version != \(statement.bind(version)))
                ORDER BY article.id LIMIT \(statement.bind(Int64(max(0, limit))))
                """)
            return try session.rows(statement).map { try $0.value("id") }
        }
    }

    public func extractorVersion(ofArticle id: Int64) throws(StoreError) -> String? {
        try run { session in
            var statement = PostgresStatement()
            statement.append("SELECT version FROM article_extraction WHERE article_id = \(statement.bind(id))")
            return try session.rows(statement).first?.value("version")
        }
    }

    public func analystEntities() throws(StoreError) -> [AnalystEntity] {
        try run { session in
            try session.rows("SELECT name, type, aliases FROM analyst_entity ORDER BY id").compactMap { row in
                guard let type = EntityType(rawValue: try row.value("type")) else { return nil }
                let json: String = try row.value("aliases")
                let aliases = (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
                return AnalystEntity(name: try row.value("name"), type: type, aliases: aliases)
            }
        }
    }

    public func saveAnalystEntity(_ entity: AnalystEntity) throws(StoreError) {
        let aliases = String(decoding: (try? JSONEncoder().encode(entity.aliases)) ?? Data("[]".utf8), as: UTF8.self)
        let key = entityKey(entity.name)
        try run { session in
            try session.transaction {
                var save = PostgresStatement()
                save.append("""
                    INSERT INTO analyst_entity (name, key, type, aliases)
                    VALUES (\(save.bind(entity.name)), \(save.bind(key)), \(save.bind(entity.type.rawValue)), \(save.bind(aliases)))
                    ON CONFLICT (key) DO UPDATE SET name = excluded.name, type = excluded.type, aliases = excluded.aliases
                    """)
                try session.execute(save)
                var unreject = PostgresStatement()
                unreject.append("DELETE FROM analyst_rejection WHERE key = \(unreject.bind(key))")
                try session.execute(unreject)
                // As in SQLite: the entity exists from now on under the analyst's
                // name (found by its own name only), with the aliases merged in.
                var create = PostgresStatement()
                create.append("""
                    SELECT dossier_entity_id(\(create.bind(key)), \(create.bind(entity.name)), \(create.bind(entity.type.rawValue)), \(create.bind(isAllCaps(entity.name)))) AS id
                    """)
                guard let id: Int64 = try session.rows(create).first?.value("id") else { return }
                var rename = PostgresStatement()
                rename.append("UPDATE entity SET name = \(rename.bind(entity.name)), name_caps = \(rename.bind(isAllCaps(entity.name))) WHERE id = \(rename.bind(id))")
                try session.execute(rename)
                for alias in entity.aliases where entityKey(alias) != key {
                    var replace = PostgresStatement()
                    replace.append("DELETE FROM entity_alias WHERE key = \(replace.bind(entityKey(alias))) AND type = \(replace.bind(entity.type.rawValue))")
                    try session.execute(replace)
                    var add = PostgresStatement()
                    add.append("SELECT dossier_add_alias(\(add.bind(alias)), \(add.bind(entityKey(alias))), \(add.bind(id)), \(add.bind(entity.type.rawValue)))")
                    try session.execute(add)
                }
            }
        }
    }

    public func rejectedNames() throws(StoreError) -> [String] {
        try run { session in try session.rows("SELECT name FROM analyst_rejection ORDER BY id").map { try $0.value("name") } }
    }

    public func rejectName(_ name: String) throws(StoreError) {
        let key = entityKey(name)
        try run { session in
            try session.transaction {
                // Deleted and inserted again, as SQLite's INSERT OR REPLACE does:
                // a name rejected again moves to the end of the list.
                var replace = PostgresStatement()
                replace.append("DELETE FROM analyst_rejection WHERE key = \(replace.bind(key))")
                try session.execute(replace)
                var insert = PostgresStatement()
                insert.append("INSERT INTO analyst_rejection (key, name) VALUES (\(insert.bind(key)), \(insert.bind(name)))")
                try session.execute(insert)
                var drop = PostgresStatement()
                drop.append("DELETE FROM analyst_entity WHERE key = \(drop.bind(key))")
                try session.execute(drop)
            }
        }
    }

    // MARK: Rows

    /// Conditions on the publication date and the entity type, as a WHERE clause.
    static func articleFilter(_ query: EntityQuery, mentionAlias: String, statement: inout PostgresStatement) -> String {
        var conditions: [String] = []
        if query.since != nil || query.until != nil {
            var dated = "SELECT id FROM article WHERE published_at IS NOT NULL"
            if let since = query.since { dated += " AND published_at >= \(statement.bind(since.timeIntervalSince1970))" }
            if let until = query.until { dated += " AND published_at < \(statement.bind(until.timeIntervalSince1970))" }
            conditions.append("\(mentionAlias).article_id IN (\(dated))")
        }
        if let type = query.type {
            conditions.append("entity.type = \(statement.bind(type.rawValue))")
        }
        return conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    static func entity(id: Int64, session: PostgresSession) throws -> StoredEntity? {
        try entities(ids: [id], session: session)[id]
    }

    /// Entities with their counts and aliases, in one round trip for a whole
    /// list (a ranking of twenty is one query, not twenty).
    static func entities(ids: [Int64], session: PostgresSession) throws -> [Int64: StoredEntity] {
        guard !ids.isEmpty else { return [:] }
        var statement = PostgresStatement()
        let bound = statement.bind(ids)
        statement.append("""
            SELECT entity.id, entity.name, entity.type,
              coalesce((SELECT mentions FROM entity_count WHERE entity_id = entity.id), 0)::int8 AS mentions,
              coalesce((SELECT articles FROM entity_count WHERE entity_id = entity.id), 0)::int8 AS articles,
              EXISTS (SELECT 1 FROM analyst_entity WHERE analyst_entity.key = entity.key) AS analyst,
              ARRAY(SELECT alias FROM entity_alias WHERE entity_id = entity.id ORDER BY alias COLLATE "C") AS aliases,
              ARRAY(SELECT text FROM entity_form WHERE entity_id = entity.id
                    ORDER BY mentions DESC, text COLLATE "C" LIMIT 20) AS written
            FROM entity WHERE id = ANY(\(bound))
            """)
        var found: [Int64: StoredEntity] = [:]
        for row in try session.rows(statement) {
            guard let type = EntityType(rawValue: try row.value("type")) else { continue }
            let id: Int64 = try row.value("id")
            let name: String = try row.value("name")
            // Aliases: recorded ones, then the other ways articles wrote the name.
            var aliases: [String] = try row.value("aliases")
            let written: [String] = try row.value("written")
            for text in written where text != name && !aliases.contains(text) { aliases.append(text) }
            found[id] = StoredEntity(id: id, name: name, type: type, aliases: aliases,
                                     mentionCount: Int(try row.value("mentions", as: Int64.self)),
                                     articleCount: Int(try row.value("articles", as: Int64.self)), fromAnalyst: try row.value("analyst"))
        }
        return found
    }

    /// Mentions in the order of their fields in an article (title first, body
    /// last), as `SQLiteStore.fieldOrder` sorts them.
    static let fieldOrder = "CASE mention.field " + ArticleField.allCases.enumerated()
        .map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(separator: " ") + " END"

    static func storedMention(_ row: PostgresRandomAccessRow) throws -> StoredMention {
        let entityType = EntityType(rawValue: try row.value("entity_type")) ?? .organization
        let mention = Mention(
            text: try row.value("text"), type: EntityType(rawValue: try row.value("type")) ?? entityType,
            entity: try row.value("entity_name"), entityType: entityType,
            start: try row.value("start"), stop: try row.value("stop"), sentence: try row.value("sentence"),
            source: MentionSource(rawValue: try row.value("source")) ?? .model,
            field: ArticleField(rawValue: try row.value("field")) ?? .body)
        return StoredMention(articleID: try row.value("article_id"), entityID: try row.value("entity_id"), mention: mention)
    }
}
