import GRDB

/// Keeps the entity index's materialised counts (`entity_count`,
/// `entity_article`, `entity_form`, `entity_pair`) equal to what the `mention`
/// table says, so `entities:top`, `:cooccur` and `timeline{entity=}` read a few
/// rows instead of aggregating every mention per call.
///
/// Maintained per article, inside the transaction that changes its mentions:
/// an article's contribution is subtracted while its old mentions are still
/// there and added once its new ones are written. Every writer of `mention`
/// goes through this: ingest, re-extraction, delete, and the alias merges of
/// `EntityIndex.addAlias` (which move other articles' mentions between
/// entities). Chosen over a cache invalidated by a store generation: the first
/// call after each ingest batch would pay the full aggregation again, which is
/// exactly the wait at scale this avoids; the price is a few set-based
/// statements per article at ingest.
struct EntityCounts {
    let db: Database

    init(_ db: Database) { self.db = db }

    func add(articleID: Int64) throws { try apply(sign: 1, articleID: articleID) }

    func subtract(articleID: Int64) throws {
        try apply(sign: -1, articleID: articleID)
        // Rows left at zero: the entity (or pair, or written form) no longer
        // occurs anywhere. Found through the article's own entities, so a hub
        // entity's thousands of pairs are not scanned.
        try db.cachedStatement(sql: """
            DELETE FROM entity_count WHERE articles <= 0
              AND entity_id IN (SELECT entity_id FROM mention WHERE article_id = ?)
            """).execute(arguments: [articleID])
        try db.cachedStatement(sql: """
            DELETE FROM entity_form WHERE mentions <= 0
              AND entity_id IN (SELECT entity_id FROM mention WHERE article_id = ?1)
              AND text IN (SELECT text FROM mention WHERE article_id = ?1)
            """).execute(arguments: [articleID])
        try db.cachedStatement(sql: """
            DELETE FROM entity_pair WHERE articles <= 0
              AND entity_id IN (SELECT entity_id FROM mention WHERE article_id = ?1)
              AND other_id IN (SELECT entity_id FROM mention WHERE article_id = ?1)
            """).execute(arguments: [articleID])
        try db.cachedStatement(sql: """
            DELETE FROM entity_article WHERE article_id = ?1
              AND entity_id IN (SELECT entity_id FROM mention WHERE article_id = ?1)
            """).execute(arguments: [articleID])
    }

    /// Adds (`sign` 1) or removes (-1) what the article's current mentions
    /// contribute. A pair's `sentences` counts the sentences both entities
    /// share (each once however often either is named in it),
    /// `sentence_articles` the articles with at least one such sentence.
    private func apply(sign: Int, articleID: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO entity_count (entity_id, mentions, articles)
            SELECT entity_id, ?1 * count(*), ?1 FROM mention WHERE article_id = ?2 GROUP BY entity_id
            ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + excluded.articles
            """).execute(arguments: [sign, articleID])
        try db.cachedStatement(sql: """
            INSERT INTO entity_form (entity_id, text, mentions)
            SELECT entity_id, text, ?1 * count(*) FROM mention WHERE article_id = ?2 GROUP BY entity_id, text
            ON CONFLICT (entity_id, text) DO UPDATE SET mentions = mentions + excluded.mentions
            """).execute(arguments: [sign, articleID])
        try db.cachedStatement(sql: """
            WITH present AS (SELECT DISTINCT entity_id, field, sentence FROM mention WHERE article_id = ?2)
            INSERT INTO entity_pair (entity_id, other_id, articles, sentences, sentence_articles)
            SELECT a.entity_id, b.entity_id, ?1,
              ?1 * sum(a.field = b.field AND a.sentence = b.sentence), ?1 * max(a.field = b.field AND a.sentence = b.sentence)
            FROM present AS a JOIN present AS b ON b.entity_id != a.entity_id
            WHERE true GROUP BY a.entity_id, b.entity_id
            ON CONFLICT (entity_id, other_id) DO UPDATE SET articles = articles + excluded.articles,
              sentences = sentences + excluded.sentences, sentence_articles = sentence_articles + excluded.sentence_articles
            """).execute(arguments: [sign, articleID])
        if sign > 0 {
            try db.cachedStatement(sql: """
                INSERT INTO entity_article (entity_id, article_id, published_at, mentions)
                SELECT entity_id, article_id, (SELECT published_at FROM article WHERE id = ?1), count(*)
                FROM mention WHERE article_id = ?1 GROUP BY entity_id
                """).execute(arguments: [articleID])
        }
    }

    /// The whole store's counts from its mentions, in one pass per table (for
    /// the migration that introduces them, and for a check).
    static let rebuildSQL = """
        DELETE FROM entity_count;
        DELETE FROM entity_form;
        DELETE FROM entity_pair;
        DELETE FROM entity_article;
        INSERT INTO entity_count (entity_id, mentions, articles)
          SELECT entity_id, count(*), count(DISTINCT article_id) FROM mention GROUP BY entity_id;
        INSERT INTO entity_form (entity_id, text, mentions)
          SELECT entity_id, text, count(*) FROM mention GROUP BY entity_id, text;
        INSERT INTO entity_article (entity_id, article_id, published_at, mentions)
          SELECT mention.entity_id, mention.article_id, article.published_at, count(*)
          FROM mention JOIN article ON article.id = mention.article_id GROUP BY mention.entity_id, mention.article_id;
        WITH present AS (SELECT DISTINCT article_id, entity_id, field, sentence FROM mention),
        per_article AS (
          SELECT a.entity_id, b.entity_id AS other_id, sum(a.field = b.field AND a.sentence = b.sentence) AS sentences
          FROM present AS a JOIN present AS b ON b.article_id = a.article_id AND b.entity_id != a.entity_id
          GROUP BY a.article_id, a.entity_id, b.entity_id)
        INSERT INTO entity_pair (entity_id, other_id, articles, sentences, sentence_articles)
          SELECT entity_id, other_id, count(*), sum(sentences), sum(sentences > 0) FROM per_article
          GROUP BY entity_id, other_id;
        """
}
