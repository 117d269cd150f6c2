import ArticleStore
import DossierCore
import Foundation
import PostgresNIO

/// Writes mentions inside the caller's transaction: the batch goes to
/// `dossier_insert_mentions` as arrays, which merges them into entities by the
/// rules of `EntityIndex` (keys, acronym and analyst aliases, display names
/// decided here in Swift exactly as for SQLite).
struct MentionWriter {
    let session: PostgresSession

    func insert(_ articles: [(id: Int64, mentions: [Mention])]) throws {
        var columns = (article: [Int64](), field: [String](), start: [Int64](), stop: [Int64](), sentence: [Int64](), type: [String](),
                       source: [String](), text: [String](), textKey: [String](), alias: [Bool](),
                       entity: [String](), entityKey: [String](), entityType: [String](), entityCaps: [Bool]())
        for (id, mentions) in articles {
            for mention in mentions {
                let textKey = ArticleStore.entityKey(mention.text)
                let nameKey = ArticleStore.entityKey(mention.entity)
                columns.article.append(id)
                columns.field.append(mention.field.rawValue)
                columns.start.append(Int64(mention.start))
                columns.stop.append(Int64(mention.stop))
                columns.sentence.append(Int64(mention.sentence))
                columns.type.append(mention.type.rawValue)
                columns.source.append(mention.source.rawValue)
                columns.text.append(mention.text)
                columns.textKey.append(textKey)
                columns.alias.append(textKey != nameKey && (mention.source == .analyst || isAcronym(mention.text)))
                columns.entity.append(mention.entity)
                columns.entityKey.append(nameKey)
                columns.entityType.append(mention.entityType.rawValue)
                columns.entityCaps.append(isAllCaps(mention.entity))
            }
        }
        guard !columns.article.isEmpty else { return }
        var call = PostgresStatement()
        let arguments = [
            call.bind(columns.article) + "::int8[]", call.bind(columns.field) + "::text[]", call.bind(columns.start) + "::int8[]", call.bind(columns.stop) + "::int8[]",
            call.bind(columns.sentence) + "::int8[]", call.bind(columns.type) + "::text[]", call.bind(columns.source) + "::text[]",
            call.bind(columns.text) + "::text[]", call.bind(columns.textKey) + "::text[]", call.bind(columns.alias) + "::bool[]",
            call.bind(columns.entity) + "::text[]", call.bind(columns.entityKey) + "::text[]",
            call.bind(columns.entityType) + "::text[]", call.bind(columns.entityCaps) + "::bool[]",
        ]
        call.append("SELECT dossier_insert_mentions(\(arguments.joined(separator: ", ")))")
        try session.execute(call)
    }

    func markExtracted(_ articleIDs: [Int64], version: String) throws {
        try AnalysisMark.extraction.record(articleIDs, version: version, in: session)
    }

    /// Removes the articles' mentions and what they added to the entity counts.
    func removeMentions(_ articleIDs: [Int64]) throws {
        var uncount = PostgresStatement()
        uncount.append("SELECT dossier_count_articles(\(uncount.bind(articleIDs))::int8[], -1)")
        try session.execute(uncount)
        var statement = PostgresStatement()
        statement.append("DELETE FROM mention WHERE article_id = ANY(\(statement.bind(articleIDs)))")
        try session.execute(statement)
    }

    /// Entities no mention and no analyst refers to any more.
    func pruneOrphans() throws {
        try session.execute("""
            DELETE FROM entity
            WHERE NOT EXISTS (SELECT 1 FROM mention WHERE mention.entity_id = entity.id)
              AND key NOT IN (SELECT key FROM analyst_entity)
            """)
    }
}
