import DossierCore
import Foundation
import GRDB
import Testing
@testable import ArticleStore

/// A store made before the materialised entity counts existed gets them,
/// filled from its mentions, when it is first opened by this version.
@Suite struct EntityCountsTests {
    @Test func aStoreFromBeforeTheCountsGetsThemFromItsMentions() throws {
        let path = Self.temporaryStorePath("counts")
        defer { Self.remove(storeAt: path) }
        try Self.writeOlderStore(at: path, upTo: "ingested files: path, size and mtime of each file read in full", sql: """
                INSERT INTO article (id, title, body, word_count, content_hash, ingested_at, published_at)
                  VALUES (1, 'A', 'Dhaka met Lahore. Dhaka again.', 5, 'h1', 0, 100), (2, 'B', 'Lahore alone. Dhaka later.', 4, 'h2', 0, 200);
                INSERT INTO entity (id, name, key, type) VALUES (1, 'Dhaka', 'dhaka', 'GPE'), (2, 'Lahore', 'lahore', 'GPE');
                INSERT INTO mention (article_id, field, start, stop, entity_id, sentence, type, source, text) VALUES
                  (1, 'body', 1, 5, 1, 1, 'GPE', 'gazetteer', 'Dhaka'),
                  (1, 'body', 11, 16, 2, 1, 'GPE', 'gazetteer', 'Lahore'),
                  (1, 'body', 19, 23, 1, 2, 'GPE', 'gazetteer', 'Dhaka'),
                  (2, 'body', 1, 6, 2, 1, 'GPE', 'gazetteer', 'Lahore'),
                  (2, 'body', 15, 19, 1, 2, 'GPE', 'gazetteer', 'Dhaka');
                """)
        let store = try SQLiteStore(path: path)
        let top = try store.topEntities(EntityQuery(limit: 5))
        #expect(top.map(\.name) == ["Dhaka", "Lahore"])
        #expect(top.map(\.mentionCount) == [3, 2])
        #expect(top.map(\.articleCount) == [2, 2])
        let withDhaka = try store.cooccurrences(of: 1, window: .sentence, type: nil, limit: 5)
        #expect(withDhaka.map(\.entity.name) == ["Lahore"])
        #expect(withDhaka.first?.count == 1)         // the first sentence of article 1 only
        #expect(withDhaka.first?.articleCount == 1)
        #expect(try store.cooccurrences(of: 1, window: .article, type: nil, limit: 5).first?.count == 2)
        let newest = try store.search(SearchQuery(text: "", mentioningEntities: [1], limit: 1, order: .newest))
        #expect(newest.map(\.article.id) == [2])
    }

    /// A store from before written names were looked up in `entity_form`:
    /// upgraded, it finds an entity by a form an article wrote, and its
    /// mentions no longer carry an index of their own text.
    @Test func aStoreFromBeforeTheFormIndexFindsEntitiesByWrittenForm() throws {
        let path = Self.temporaryStorePath("forms")
        defer { Self.remove(storeAt: path) }
        try Self.writeOlderStore(at: path, upTo: "byline authors: the byline's names typed person, organisation, desk or unknown", sql: """
                INSERT INTO article (id, title, body, word_count, content_hash, ingested_at, published_at)
                  VALUES (1, 'A', 'Britain voted.', 2, 'h1', 0, 100);
                INSERT INTO entity (id, name, key, type) VALUES (1, 'United Kingdom', 'united kingdom', 'GPE');
                INSERT INTO mention (article_id, field, start, stop, entity_id, sentence, type, source, text) VALUES
                  (1, 'body', 1, 7, 1, 1, 'GPE', 'gazetteer', 'Britain');
                INSERT INTO entity_count (entity_id, mentions, articles) VALUES (1, 1, 1);
                INSERT INTO entity_form (entity_id, text, mentions) VALUES (1, 'Britain', 1);
                INSERT INTO entity_article (entity_id, article_id, published_at, mentions) VALUES (1, 1, 100, 1);
                """)
        let store = try SQLiteStore(path: path)
        #expect(try store.entity(named: "britain")?.name == "United Kingdom")
        let indexes = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('mention_text', 'entity_form_text')")
        }
        #expect(indexes == ["entity_form_text"])
    }

    /// A store from before the date buckets gets them from `entity_article`
    /// when first opened: a window's top walked from the buckets equals the
    /// window's rows summed directly.
    @Test func aStoreFromBeforeTheDateBucketsGetsThemFromItsEntityArticles() throws {
        let path = Self.temporaryStorePath("buckets")
        defer { Self.remove(storeAt: path) }
        // 2025-01-31 23:00, 2025-02-01 01:00 and 2025-03-15 12:00 UTC.
        try Self.writeOlderStore(at: path, upTo: "written names from entity_form: entities:get looks names up in the forms, not in every mention", sql: """
                INSERT INTO article (id, title, body, word_count, content_hash, ingested_at, published_at) VALUES
                  (1, 'A', 'Dhaka.', 1, 'h1', 0, 1738364400), (2, 'B', 'Dhaka, Lahore.', 2, 'h2', 0, 1738371600),
                  (3, 'C', 'Lahore. Lahore.', 2, 'h3', 0, 1742040000);
                INSERT INTO entity (id, name, key, type) VALUES (1, 'Dhaka', 'dhaka', 'GPE'), (2, 'Lahore', 'lahore', 'GPE');
                INSERT INTO mention (article_id, field, start, stop, entity_id, sentence, type, source, text) VALUES
                  (1, 'body', 1, 5, 1, 1, 'GPE', 'gazetteer', 'Dhaka'), (2, 'body', 1, 5, 1, 1, 'GPE', 'gazetteer', 'Dhaka'),
                  (2, 'body', 8, 13, 2, 1, 'GPE', 'gazetteer', 'Lahore'), (3, 'body', 1, 6, 2, 1, 'GPE', 'gazetteer', 'Lahore'),
                  (3, 'body', 9, 14, 2, 2, 'GPE', 'gazetteer', 'Lahore');
                INSERT INTO entity_count (entity_id, mentions, articles) VALUES (1, 2, 2), (2, 3, 2);
                INSERT INTO entity_article (entity_id, article_id, published_at, mentions) VALUES
                  (1, 1, 1738364400, 1), (1, 2, 1738371600, 1), (2, 2, 1738371600, 1), (2, 3, 1742040000, 2);
                """)
        let store = try SQLiteStore(path: path)
        let walk = WindowedEntityTop.Plan(directRowLimit: -1, firstCandidates: 1, maximumCandidates: 100)
        let direct = WindowedEntityTop.Plan(directRowLimit: Int.max - 1, firstCandidates: 1, maximumCandidates: 1)
        for (since, until) in [(1738368000.0, 1743465600.0), (1738364400.0, 1738371601.0), (1700000000.0, 1800000000.0)] {
            let query = EntityQuery(since: Date(timeIntervalSince1970: since), until: Date(timeIntervalSince1970: until), limit: 5)
            let walked = try store.topEntities(query, plan: walk).map { "\($0.name) \($0.articleCount)/\($0.mentionCount)" }
            #expect(walked == (try store.topEntities(query, plan: direct).map { "\($0.name) \($0.articleCount)/\($0.mentionCount)" }))
            #expect(!walked.isEmpty)
        }
        // February and March: Lahore's two articles, Dhaka's one.
        let spring = EntityQuery(since: Date(timeIntervalSince1970: 1738368000), until: Date(timeIntervalSince1970: 1743465600), limit: 5)
        #expect(try store.topEntities(spring, plan: walk).map(\.name) == ["Lahore", "Dhaka"])
    }

    /// Written forms are the store's bytes: a name written precomposed
    /// ("Café") in one article and decomposed ("Cafe" and a combining accent)
    /// in another of the same batch is two forms, as the recount groups them,
    /// and deleting one article takes only its own form away.
    @Test func canonicallyEquivalentFormsStayTwoFormsThroughABatchAndADelete() throws {
        let path = Self.temporaryStorePath("forms-nfc")
        defer { Self.remove(storeAt: path) }
        let store = try SQLiteStore(path: path)
        let precomposed = "Caf\u{E9} Nero", decomposed = "Cafe\u{301} Nero"
        let drafts = [ArticleDraft(title: "A", body: decomposed + " opened."), ArticleDraft(title: "B", body: precomposed + " closed.")]
        let mentions = [decomposed, precomposed].map { text in
            [Mention(text: text, type: .organization, entity: precomposed, entityType: .organization,
                     start: 1, stop: text.utf8.count, sentence: 1, source: .model)]
        }
        let ids = try store.add(drafts, mentions: mentions, extractorVersion: "test").compactMap { outcome -> Int64? in
            if case .added(let id, _) = outcome { return id } else { return nil }
        }
        #expect(ids.count == 2)
        #expect(try Self.formsDifferFromTheRecount(path) == [])
        #expect(try Self.forms(path).count == 2)
        #expect(try store.delete(id: ids[1]))
        #expect(try Self.formsDifferFromTheRecount(path) == [])
        #expect(try Self.forms(path) == [Array(decomposed.utf8)])
    }

    /// Which entity a name lands on does not depend on how articles were
    /// batched: names the store keys apart (precomposed and decomposed
    /// accents: its keys compare bytes) stay apart within one batch too.
    @Test func entitiesDoNotDependOnTheBatching() throws {
        let names = ["Soci\u{E9}t\u{E9} G\u{E9}n\u{E9}rale", "Socie\u{301}te\u{301} Ge\u{301}ne\u{301}rale"]
        let articles = names.map { name in
            (ArticleDraft(title: "T", body: name + " reported."),
             [Mention(text: name, type: .organization, entity: name, entityType: .organization, start: 1, stop: name.utf8.count, sentence: 1, source: .model)])
        }
        var entityCounts: [Int] = []
        for batched in [true, false] {
            let path = Self.temporaryStorePath("batching")
            defer { Self.remove(storeAt: path) }
            let store = try SQLiteStore(path: path)
            if batched {
                _ = try store.add(articles.map(\.0), mentions: articles.map(\.1), extractorVersion: "test")
            } else {
                for (draft, mentions) in articles { _ = try store.add([draft], mentions: [mentions], extractorVersion: "test") }
            }
            entityCounts.append(try store.topEntities(EntityQuery(limit: 5)).count)
        }
        #expect(entityCounts[0] == entityCounts[1])
    }

    /// A mention row whose sentence number is damaged (text where a number
    /// belongs, as `integrityCheck` reports) does not stop the delete that
    /// repairs its article.
    @Test func aDamagedSentenceNumberDoesNotStopADelete() throws {
        let path = Self.temporaryStorePath("damaged")
        defer { Self.remove(storeAt: path) }
        let store = try SQLiteStore(path: path)
        let body = "Dhaka met Lahore."
        let mentions = [Mention(text: "Dhaka", type: .geopolitical, entity: "Dhaka", entityType: .geopolitical, start: 1, stop: 5, sentence: 1, source: .gazetteer),
                        Mention(text: "Lahore", type: .geopolitical, entity: "Lahore", entityType: .geopolitical, start: 11, stop: 16, sentence: 1, source: .gazetteer)]
        let outcomes = try store.add([ArticleDraft(title: "A", body: body), ArticleDraft(title: "B", body: body + " Again.")],
                                     mentions: [mentions, mentions], extractorVersion: "test")
        let ids = outcomes.compactMap { outcome -> Int64? in if case .added(let id, _) = outcome { return id } else { return nil } }
        #expect(ids.count == 2)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE mention SET sentence = 'x' WHERE article_id = ? AND text = 'Lahore'", arguments: [ids[0]])
        }
        #expect(try store.delete(id: ids[0]))
        let top = try store.topEntities(EntityQuery(limit: 5))
        // The entities' own counts come out right; the pair's shared
        // sentence can not (the damaged row no longer shares it).
        #expect(top.map(\.articleCount) == [1, 1])
        #expect(top.map(\.mentionCount) == [1, 1])
    }

    /// The pairs written article by article (in batches, re-extracted,
    /// deleted) are the pairs the migration's recount SQL finds: one rule in
    /// both. Articles of up to three times the cap of leading entities, names
    /// in titles and bodies, ties in mentions, sentences naming several.
    /// The pair deltas pending when the test ends (all of them, or those
    /// since the last fold of a batch that reached `pairFoldRows`, a delete's
    /// negative ones included) are folded first: the fold must leave
    /// `entity_pair` as the recount makes it, pairs left at zero deleted.
    @Test(arguments: [SQLiteStore.defaultPairFoldRows, 1, 400])
    func theRecountSQLPairsAsTheIncrementalCountsDo(pairFoldRows: Int) throws {
        let path = Self.temporaryStorePath("pairs")
        defer { Self.remove(storeAt: path) }
        let store = try SQLiteStore(path: path, pairFoldRows: pairFoldRows)
        var rng = SplitMix64(seed: 13)
        let cap = CooccurrenceWindow.leadingEntitiesPerArticle
        func article(_ number: Int) -> (ArticleDraft, [Mention]) {
            var mentions: [Mention] = []
            var fields: [ArticleField: String] = [.title: "", .body: ""]
            for field in [ArticleField.body, .title] {
                let sentences = field == .title ? 1 : Int.random(in: 1...(3 * cap), using: &rng)
                for sentence in 1...sentences {
                    for _ in 0..<Int.random(in: field == .title ? 0...2 : 1...3, using: &rng) {
                        let name = "Name \(Int.random(in: 0..<(4 * cap), using: &rng)) Example"
                        let start = (fields[field]?.utf8.count ?? 0) + 1
                        fields[field, default: ""] += name + " and "
                        var found = Mention(text: name, type: .person, entity: name, entityType: .person, start: start,
                                            stop: start + name.utf8.count - 1, sentence: sentence, source: .model)
                        found.field = field
                        mentions.append(found)
                    }
                    fields[field, default: ""] += "spoke. "
                }
            }
            return (ArticleDraft(title: (fields[.title] ?? "") + "Report \(number)", body: (fields[.body] ?? "") + "End \(number)."), mentions)
        }
        let articles = (0..<24).map(article)
        var ids: [Int64] = []
        for range in [0..<10, 10..<11, 11..<24] {
            let slice = Array(articles[range])
            for case .added(let id, _) in try store.add(slice.map(\.0), mentions: slice.map(\.1), extractorVersion: "test") { ids.append(id) }
        }
        #expect(ids.count == 24)
        let replaced = article(99)
        try store.replaceMentions([ids[3]: replaced.1, ids[4]: []], extractorVersion: "test-2")
        #expect(try store.delete(id: ids[5]))

        let queue = try DatabaseQueue(path: path)
        let (pending, folded) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM entity_pair_pending") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM entity_pair") ?? 0)
        }
        // The delete's deltas at least are pending; a store that folds has
        // folded some batches.
        #expect(pending > 0)
        #expect((folded > 0) == (pairFoldRows < SQLiteStore.defaultPairFoldRows))
        let negative = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entity_pair_pending WHERE articles < 0") ?? 0 }
        #expect(negative > 0 || pairFoldRows != 1)
        try queue.write { db in try PendingPairCounts(db).fold() }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entity_pair_pending") } == 0)
        let tables = [
            "SELECT entity_id, other_id, articles, sentences, sentence_articles FROM entity_pair ORDER BY entity_id, other_id",
            "SELECT entity_id, article_id, published_at, mentions, leads FROM entity_article ORDER BY entity_id, article_id",
            "SELECT entity_id, mentions, articles FROM entity_count ORDER BY entity_id",
            "SELECT entity_id, text, mentions FROM entity_form ORDER BY entity_id, text",
        ]
        let written = try queue.read { db in try tables.map { try Row.fetchAll(db, sql: $0) } }
        try queue.write { db in try db.execute(sql: EntityCounts.rebuildSQL) }
        let recounted = try queue.read { db in try tables.map { try Row.fetchAll(db, sql: $0) } }
        #expect(written.map(\.count) == recounted.map(\.count))
        #expect(written == recounted)
        let leaders = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entity_article WHERE NOT leads") }
        #expect((leaders ?? 0) > 0)
        // Not every pair of an article: some named more entities than the cap.
        let named = try queue.read { db in
            try Int.fetchAll(db, sql: "SELECT count(DISTINCT entity_id) FROM mention GROUP BY article_id")
        }
        #expect(named.contains { $0 > cap + 10 })
        let unpaired = try queue.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT DISTINCT a.entity_id, b.entity_id FROM mention a JOIN mention b
                  ON b.article_id = a.article_id AND b.entity_id != a.entity_id)
                """)
        }
        #expect((unpaired ?? 0) > written[0].count)
    }

    /// A store whose pairs were written for every two entities of an article
    /// keeps, once opened, only the pairs of the rule: a list of more entities
    /// than the cap loses the pairs of its last ones.
    @Test func aStoreFromBeforeTheLeadingEntitiesIsRecounted() throws {
        let path = Self.temporaryStorePath("pairs-older")
        defer { Self.remove(storeAt: path) }
        let cap = CooccurrenceWindow.leadingEntitiesPerArticle
        var sql = """
            INSERT INTO article (id, title, body, word_count, content_hash, ingested_at, published_at)
              VALUES (1, 'A list', 'names', 2, 'h1', 0, 100);

            """
        for number in 1...(cap + 2) {
            sql += "INSERT INTO entity (id, name, key, type) VALUES (\(number), 'Name \(number)', 'name \(number)', 'PERSON');\n"
            // One a sentence; the last two share one.
            let sentence = min(number, cap + 1)
            sql += """
                INSERT INTO mention (article_id, field, start, stop, entity_id, sentence, type, source, text)
                  VALUES (1, 'body', \(number * 10), \(number * 10 + 5), \(number), \(sentence), 'PERSON', 'model', 'Name \(number)');

                """
        }
        // The counts as the version before wrote them: every two entities.
        sql += """
            INSERT INTO entity_count (entity_id, mentions, articles) SELECT id, 1, 1 FROM entity;
            INSERT INTO entity_form (entity_id, text, mentions) SELECT id, name, 1 FROM entity;
            INSERT INTO entity_article (entity_id, article_id, published_at, mentions) SELECT id, 1, 100, 1 FROM entity;
            INSERT INTO entity_pair (entity_id, other_id, articles, sentences, sentence_articles)
              SELECT a.id, b.id, 1, a.id > \(cap) AND b.id > \(cap), a.id > \(cap) AND b.id > \(cap)
              FROM entity a JOIN entity b ON b.id != a.id;
            """
        try Self.writeOlderStore(at: path, upTo: "written names from entity_form: entities:get looks names up in the forms, not in every mention", sql: sql)
        let store = try SQLiteStore(path: path)
        #expect(try store.cooccurrences(of: 1, window: .article, type: nil, limit: 1000).count == cap - 1)
        #expect(try store.cooccurrences(of: Int64(cap + 1), window: .article, type: nil, limit: 1000).map(\.entity.name) == ["Name \(cap + 2)"])
        #expect(try store.cooccurrences(of: Int64(cap + 2), window: .sentence, type: nil, limit: 1000).map(\.count) == [1])
        #expect(try store.topEntities(EntityQuery(limit: 1000)).count == cap + 2)
    }

    /// Each entity's written forms as stored, as UTF-8 bytes.
    private static func forms(_ path: String) throws -> [[UInt8]] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT text FROM entity_form ORDER BY text").map { Array($0.utf8) }
        }
    }

    /// The rows of `entity_form` that differ from the mentions grouped by their bytes.
    private static func formsDifferFromTheRecount(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: """
                SELECT quote(entity_id) || ' ' || hex(text) || ' ' || quote(mentions) FROM (
                  SELECT entity_id, text, mentions FROM entity_form
                  EXCEPT SELECT entity_id, text, count(*) FROM mention GROUP BY entity_id, text)
                UNION ALL
                SELECT 'missing ' || hex(text) FROM (
                  SELECT entity_id, text, count(*) FROM mention GROUP BY entity_id, text
                  EXCEPT SELECT entity_id, text, mentions FROM entity_form)
                """)
        }
    }

    private static func temporaryStorePath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).sqlite").path
    }

    private static func remove(storeAt path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A store migrated only up to `migration`, filled by `sql` as that
    /// version would have left it, and closed, for the current code to open.
    private static func writeOlderStore(at path: String, upTo migration: String, sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: migration)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }
}
