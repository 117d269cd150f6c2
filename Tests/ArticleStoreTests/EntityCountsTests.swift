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
