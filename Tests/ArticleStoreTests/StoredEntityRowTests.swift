import DossierCore
import Foundation
import GRDB
import Testing
@testable import ArticleStore

/// Issue 14, finding 2: entity and mention rows edited by hand. GRDB's
/// subscripts trapped on them (`row["start"]` as an Int on text); now each
/// bad row is an error naming its article (or entity), and `integrityCheck`
/// (store:check) lists it.
@Suite struct StoredEntityRowTests {
    let body = "Imran Khan met Sheikh Hasina in Dhaka."

    func mention(_ text: String, _ type: EntityType) -> Mention {
        let start = (body.range(of: text).map { body.utf8.distance(from: body.startIndex, to: $0.lowerBound) } ?? 0) + 1
        return Mention(text: text, type: type, entity: text, start: start, stop: start + text.utf8.count - 1, sentence: 1, source: .model)
    }

    /// A store of two articles with mentions, then `edit` run on its file.
    /// With `pairFoldRows` 1 its pair counts are folded into `entity_pair`;
    /// by default they are pending deltas.
    func editedStore(_ edit: String, pairFoldRows: Int = SQLiteStore.defaultPairFoldRows) throws -> SQLiteStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entity-rows-\(UUID().uuidString).sqlite").path
        do {
            let store = try SQLiteStore(path: path, pairFoldRows: pairFoldRows)
            let mentions = [mention("Imran Khan", .person), mention("Sheikh Hasina", .person), mention("Dhaka", .geopolitical)]
            _ = try store.add([ArticleDraft(title: "One", body: body), ArticleDraft(title: "Two", body: body + " Again.")],
                              mentions: [mentions, mentions], extractorVersion: "test")
        }
        let database = try DatabaseQueue(path: path)
        // Foreign keys off, as a hand edit with the sqlite3 shell has them.
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA foreign_keys = OFF; " + edit) }
        try database.close()
        return try SQLiteStore(path: path)
    }

    @Test func aMentionOffsetHeldAsTextIsAnErrorNamingTheArticle() throws {
        let store = try editedStore("UPDATE mention SET start = 'abc' WHERE article_id = 2 AND text = 'Dhaka'")
        #expect(try store.mentions(inArticle: 1).count == 3)
        do {
            _ = try store.mentions(inArticle: 2)
            Issue.record("a mention with a text offset was read")
        } catch {
            #expect(error.description.contains("article #2: a mention: column 'start' holds text, expected an integer"), "\(error)")
        }
        let dhaka = try #require(try store.entity(named: "Dhaka"))
        #expect(throws: StoreError.self) { try store.mentions(ofEntity: dhaka.id, limit: 10) }
        let report = try store.integrityCheck()
        #expect(report == "article #2: a mention: column 'start' holds text, expected an integer", "\(report)")
    }

    @Test func anOffsetOutOfRangeAndAMissingEntityAreReported() throws {
        let store = try editedStore("""
            UPDATE mention SET stop = 0 WHERE article_id = 1 AND text = 'Dhaka';
            UPDATE mention SET entity_id = 999 WHERE article_id = 2 AND text = 'Imran Khan';
            """)
        do {
            _ = try store.mentions(inArticle: 1)
            Issue.record("a mention ending before it starts was read")
        } catch {
            #expect(error.description.contains("article #1: a mention: column 'stop' holds 0, outside"), "\(error)")
        }
        let report = try store.integrityCheck().split(separator: "\n")
        #expect(report.count == 2, "\(report)")
        #expect(report.contains { $0.hasPrefix("article #1: a mention: column 'stop' holds 0") })
        #expect(report.contains("article #2: a mention: entity #999 does not exist"))
    }

    @Test func anEntityNameHeldAsABlobIsAnErrorNamingTheEntity() throws {
        let store = try editedStore("UPDATE entity SET name = X'00FF' WHERE name = 'Sheikh Hasina'")
        #expect(try store.entity(named: "Imran Khan")?.name == "Imran Khan")
        do {
            _ = try store.topEntities(EntityQuery(limit: 10))
            Issue.record("an entity with a BLOB name was read")
        } catch {
            #expect(error.description.contains("column 'name' holds a BLOB of 2 bytes, expected text"), "\(error)")
            #expect(error.description.contains("entity #"), "\(error)")
        }
        let report = try store.integrityCheck().split(separator: "\n")
        #expect(report.contains { $0.hasPrefix("entity #") && $0.hasSuffix("column 'name' holds a BLOB of 2 bytes, expected text") }, "\(report)")
        // The two mentions of that entity read its name too.
        #expect(report.filter { $0.contains("a mention: column 'entity_name' holds a BLOB") }.count == 2, "\(report)")
    }

    /// The whole store's graph and the cooccurrences read the materialised
    /// pair counts, folded into `entity_pair` or pending: a figure edited by
    /// hand in either is reported with its table, not summed away.
    @Test(arguments: ["entity_pair", "entity_pair_pending"])
    func aPairCountHeldAsTextIsAnErrorNamingThePair(table: String) throws {
        let store = try editedStore("UPDATE \(table) SET articles = 'two'", pairFoldRows: table == "entity_pair" ? 1 : SQLiteStore.defaultPairFoldRows)
        do {
            _ = try store.entityGraph(EntityQuery(limit: 10), window: .article, minimumWeight: 1)
            Issue.record("a pair count held as text was read")
        } catch {
            #expect(error.description.contains("\(table) row (entity_id "), "\(error)")
            #expect(error.description.contains("column 'articles' holds text, expected an integer"), "\(error)")
        }
        let dhaka = try #require(try store.entity(named: "Dhaka"))
        do {
            _ = try store.cooccurrences(of: dhaka.id, window: .article, type: nil, limit: 1)
            Issue.record("a pair count held as text was read")
        } catch {
            #expect(error.description.contains("column 'together' holds text") || error.description.contains("\(table) row (entity_id \(dhaka.id)"),
                    "\(error)")
        }
        #expect(try store.entityGraph(EntityQuery(limit: 10), window: .sentence, minimumWeight: 1).edges.count == 3)
        #expect(try store.cooccurrences(of: dhaka.id, window: .sentence, type: nil, limit: 5).map(\.count) == [2, 2])
        let report = try store.integrityCheck().split(separator: "\n")
        // Three entities, each pair in both directions.
        #expect(report.count == 6, "\(report)")
        #expect(report.allSatisfy { $0.hasPrefix("\(table) row (entity_id ") && $0.hasSuffix("column 'articles' holds text, expected an integer") })
    }

    /// A pending delta that takes a pair below zero (a hand edit) is
    /// reported by the integrity check and by the reader.
    @Test func aPendingDeltaBelowTheFoldedCountIsReported() throws {
        let store = try editedStore("""
            INSERT INTO entity_pair_pending (entity_id, other_id, articles, sentences, sentence_articles)
              SELECT entity_id, other_id, -5, 0, 0 FROM entity_pair ORDER BY entity_id, other_id LIMIT 1
            """, pairFoldRows: 1)
        let report = try store.integrityCheck()
        #expect(report.hasPrefix("entity_pair_pending row (entity_id ") && report.hasSuffix("column 'articles' added to entity_pair's makes -3, below zero"),
                "\(report)")
        #expect(!report.contains("\n"), "\(report)")
    }
}
