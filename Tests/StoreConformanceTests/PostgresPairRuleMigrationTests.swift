import ArticleStore
import DossierCore
import Foundation
@testable import PostgresStore
import PostgresTestSupport
import Testing

/// A PostgreSQL store whose pairs were counted for every two entities of an
/// article: opened by this version, a list longer than the cap of leading
/// entities keeps only the pairs of the rule, and later writes follow it.
@Suite struct PostgresPairRuleMigrationTests {
    @Test func pairsStoredBeforeTheLeadingEntitiesAreCountedAgain() throws {
        let cap = CooccurrenceWindow.leadingEntitiesPerArticle
        let numbers = Array(1...(cap + 2))
        guard let url = try olderPostgresStore(
            before: "entity pairs: an article's leading entities pair with one another, any two entities sharing a sentence too", { session in
            try session.execute("""
                INSERT INTO article (id, title, body, word_count, content_hash, ingested_at)
                VALUES (1, 'A list', 'names', 2, 'hash-1', 0)
                """)
            // One name a sentence; the last two share one. The function of the
            // version before counts every two entities of the article.
            func array(_ values: [String]) -> String { "ARRAY[" + values.joined(separator: ", ") + "]" }
            let names = numbers.map { "'Name \($0)'" }, keys = numbers.map { "'name \($0)'" }
            let people = numbers.map { _ in "'PERSON'" }
            try session.execute("""
                SELECT dossier_insert_mentions(\(array(numbers.map { _ in "1" }))::int8[], \(array(numbers.map { _ in "'body'" }))::text[],
                  \(array(numbers.map { "\($0 * 10)" }))::int8[], \(array(numbers.map { "\($0 * 10 + 5)" }))::int8[],
                  \(array(numbers.map { "\(min($0, cap + 1))" }))::int8[], \(array(people))::text[],
                  \(array(numbers.map { _ in "'model'" }))::text[], \(array(names))::text[], \(array(keys))::text[],
                  \(array(numbers.map { _ in "false" }))::boolean[], \(array(names))::text[], \(array(keys))::text[],
                  \(array(people))::text[], \(array(numbers.map { _ in "false" }))::boolean[])
                """)
            let before = try session.rows(PostgresStatement("SELECT count(*) AS pairs FROM entity_pair"))
            #expect(try before.first?.value("pairs", as: Int64.self) == Int64((cap + 2) * (cap + 1)))
        }) else { return }

        let store = try PostgresStore(url: url)
        let first = try #require(try store.entity(named: "Name 1"))
        #expect(try store.cooccurrences(of: first.id, window: .article, type: nil, limit: 1000).count == cap - 1)
        let last = try #require(try store.entity(named: "Name \(cap + 1)"))
        #expect(try store.cooccurrences(of: last.id, window: .article, type: nil, limit: 1000).map(\.entity.name) == ["Name \(cap + 2)"])
        #expect(try store.topEntities(EntityQuery(limit: 1000)).map(\.mentionCount) == numbers.map { _ in 1 })

        // Deleted afterwards: the counts subtract to nothing.
        #expect(try store.delete(id: 1))
        #expect(try store.topEntities(EntityQuery(limit: 1000)).isEmpty)
        #expect(try store.cooccurrences(of: first.id, window: .article, type: nil, limit: 1000).isEmpty)
    }
}
