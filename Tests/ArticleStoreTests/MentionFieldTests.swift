import DossierCore
import Foundation
import GRDB
import Testing
@testable import ArticleStore

/// Mentions in the title, byline and dateline are stored beside the body's,
/// keyed by field; stores made before fields existed keep their mentions.
@Suite struct MentionFieldTests {
    @Test func mentionsOfEveryFieldAreStoredAndReadBackInReadingOrder() throws {
        let store = try SQLiteStore(path: ":memory:")
        let draft = ArticleDraft(title: "Dhaka Talks", byline: "By Nadia Ferreira", dateline: "DHAKA", body: "Dhaka hosted the talks.")
        // "Dhaka" starts at byte 1 of three fields: the key must tell them apart.
        let mentions = [
            Mention(text: "Dhaka", type: .geopolitical, entity: "Dhaka", start: 1, stop: 5, sentence: 1, source: .gazetteer, field: .body),
            Mention(text: "Dhaka", type: .geopolitical, entity: "Dhaka", start: 1, stop: 5, sentence: 1, source: .gazetteer, field: .title),
            Mention(text: "Nadia Ferreira", type: .person, entity: "Nadia Ferreira", start: 4, stop: 17, sentence: 1, source: .model, field: .byline),
            Mention(text: "DHAKA", type: .geopolitical, entity: "Dhaka", start: 1, stop: 5, sentence: 1, source: .gazetteer, field: .dateline),
        ]
        guard case .added(let id, _) = try #require(try store.add([draft], mentions: [mentions], extractorVersion: "test").first) else {
            Issue.record("not added")
            return
        }
        let stored = try store.mentions(inArticle: id).map(\.mention)
        #expect(stored.map(\.field) == [.title, .byline, .dateline, .body])
        #expect(stored.map(\.text) == ["Dhaka", "Nadia Ferreira", "DHAKA", "Dhaka"])
        let dhaka = try #require(try store.entity(named: "Dhaka"))
        #expect(dhaka.mentionCount == 3)
        #expect(try store.mentions(ofEntity: dhaka.id, limit: 10).count == 3)
    }

    @Test func aStoreFromBeforeFieldsKeepsItsMentionsAsBodyMentions() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fields-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v3: entities, mentions and the analyst's additions")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO article (id, title, body, word_count, content_hash, ingested_at) VALUES (1, 'T', 'Dhaka hosted.', 2, 'h', 0);
                INSERT INTO entity (id, name, key, type) VALUES (1, 'Dhaka', 'dhaka', 'GPE');
                INSERT INTO mention (article_id, start, stop, entity_id, sentence, type, source, text)
                  VALUES (1, 1, 5, 1, 1, 'GPE', 'gazetteer', 'Dhaka');
                """)
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        let stored = try store.mentions(inArticle: 1).map(\.mention)
        #expect(stored.count == 1)
        #expect(stored.first?.field == .body)
        #expect(stored.first?.text == "Dhaka")
    }
}
