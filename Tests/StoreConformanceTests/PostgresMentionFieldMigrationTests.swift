import ArticleStore
import DossierCore
import Foundation
@testable import PostgresStore
import PostgresTestSupport
import Testing

/// A PostgreSQL store written before mentions had a field: its mentions
/// become the body's, its counts stay true, and a title mention starting at
/// the same byte as a body mention is stored beside it afterwards.
@Suite struct PostgresMentionFieldMigrationTests {
    @Test func mentionsStoredBeforeTheFieldMigrationAreTheBodys() throws {
        guard let url = try olderPostgresStore(before: "mention fields: mentions in title, subtitle, byline and dateline", { session in
            try session.execute("""
                INSERT INTO article (id, title, body, word_count, content_hash, ingested_at)
                VALUES (1, 'Khan in Lahore', 'Karim Khan went to Lahore.', 5, 'hash-1', 0)
                """)
            // The thirteen-array call of the schema before the field.
            try session.execute("""
                SELECT dossier_insert_mentions(ARRAY[1, 1]::int8[], ARRAY[1, 20]::int8[], ARRAY[10, 25]::int8[],
                  ARRAY[1, 1]::int8[], ARRAY['PERSON', 'GPE']::text[], ARRAY['model', 'gazetteer']::text[],
                  ARRAY['Karim Khan', 'Lahore']::text[], ARRAY['karim khan', 'lahore']::text[], ARRAY[false, false],
                  ARRAY['Karim Khan', 'Lahore']::text[], ARRAY['karim khan', 'lahore']::text[],
                  ARRAY['PERSON', 'GPE']::text[], ARRAY[false, false])
                """)
        }) else { return }

        let store = try PostgresStore(url: url)
        let before = try store.mentions(inArticle: 1)
        #expect(before.map(\.mention.text) == ["Karim Khan", "Lahore"])
        #expect(before.map(\.mention.field) == [.body, .body])
        let khan = try #require(try store.entity(named: "Karim Khan"))
        #expect(khan.mentionCount == 1)

        // Re-extracted with the title's mentions: "Khan" starts at byte 1 of
        // the title as "Karim Khan" does of the body.
        let title = Mention(text: "Khan", type: .person, entity: "Karim Khan", start: 1, stop: 4, sentence: 1,
                            source: .model, field: .title)
        let lahore = Mention(text: "Lahore", type: .geopolitical, entity: "Lahore", start: 9, stop: 14, sentence: 1,
                             source: .gazetteer, field: .title)
        try store.replaceMentions([1: [title, lahore] + before.map(\.mention)], extractorVersion: "test-2")
        let after = try store.mentions(inArticle: 1)
        #expect(after.map(\.mention.field) == [.title, .title, .body, .body])
        #expect(after.map(\.mention.start) == [1, 9, 1, 20])
        #expect(try store.entity(id: khan.id)?.mentionCount == 2)
        #expect(try store.entity(id: khan.id)?.articleCount == 1)
        let together = try store.cooccurrences(of: khan.id, window: .sentence, type: nil, limit: 5)
        #expect(together.map(\.count) == [2])  // the title's sentence and the body's
    }
}
