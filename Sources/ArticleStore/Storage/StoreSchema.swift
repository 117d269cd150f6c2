import DossierCore
import Foundation
import GRDB

/// The SQLite schema, as migrations: a migration once shipped is never edited;
/// a change is a new migration.
public enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: articles with full-text index") { db in
            try createArticleTables(db)
        }
        migrator.registerMigration("v2: near-duplicate signatures and links") { db in
            try db.execute(sql: """
                CREATE TABLE article_minhash (
                  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                  signature BLOB NOT NULL       -- MinHashSignature.bytes
                );
                CREATE TABLE article_band (     -- LSH buckets: one row per article and band
                  band INTEGER NOT NULL, bucket INTEGER NOT NULL,
                  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE
                );
                CREATE INDEX article_band_bucket ON article_band(band, bucket);
                CREATE INDEX article_band_article ON article_band(article_id);
                CREATE TABLE article_similar (  -- both directions are stored
                  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                  other_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                  score REAL NOT NULL,
                  PRIMARY KEY (article_id, other_id)
                ) WITHOUT ROWID;
                """)
            // Stores made before this migration get their signatures now.
            let index = NearDuplicateIndex(db)
            for row in try Row.fetchAll(db, sql: "SELECT id, body FROM article ORDER BY id") {
                _ = try index.insert(articleID: row["id"], signature: MinHashSignature(text: row["body"]))
            }
        }
        migrator.registerMigration("v3: entities, mentions and the analyst's additions") { db in
            try db.execute(sql: """
                CREATE TABLE entity (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL,           -- as displayed: the first mixed-case form seen
                  key TEXT NOT NULL,            -- entityKey(name): case and spacing folded
                  type TEXT NOT NULL,           -- EntityType raw value
                  UNIQUE (key, type)
                );
                CREATE TABLE entity_alias (     -- other names: acronyms defined in some article, analyst aliases
                  key TEXT NOT NULL,
                  type TEXT NOT NULL,           -- the entity's type: one meaning per name and type
                  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                  alias TEXT NOT NULL,
                  PRIMARY KEY (key, type)       -- the first definition keeps the name
                ) WITHOUT ROWID;
                CREATE INDEX entity_alias_entity ON entity_alias(entity_id);
                CREATE TABLE mention (
                  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                  start INTEGER NOT NULL,       -- 1-based first byte in the body
                  stop INTEGER NOT NULL,        -- 1-based last byte, inclusive
                  entity_id INTEGER NOT NULL REFERENCES entity(id),
                  sentence INTEGER NOT NULL,
                  type TEXT NOT NULL,           -- the mention's own type (NORP for "Bangladeshi")
                  source TEXT NOT NULL,         -- MentionSource raw value
                  text TEXT NOT NULL,
                  PRIMARY KEY (article_id, start)
                ) WITHOUT ROWID;
                CREATE INDEX mention_entity ON mention(entity_id, article_id);
                CREATE TABLE article_extraction ( -- which extractor made an article's mentions
                  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                  version TEXT NOT NULL
                );
                CREATE TABLE analyst_entity (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL,
                  key TEXT NOT NULL UNIQUE,
                  type TEXT NOT NULL,
                  aliases TEXT NOT NULL         -- JSON array of strings
                );
                CREATE TABLE analyst_rejection ( -- names an analyst said are no entity
                  id INTEGER PRIMARY KEY,
                  key TEXT NOT NULL UNIQUE,
                  name TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("claims: attributions, source kinds and hedges of articles") { db in
            try db.execute(sql: """
                CREATE TABLE claim (
                  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                  ordinal INTEGER NOT NULL,     -- text order within the article, from 0
                  source_start INTEGER,         -- 0-based, half-open byte range in the body; NULL: no source
                  source_end INTEGER,
                  cue_start INTEGER NOT NULL,
                  cue_end INTEGER NOT NULL,
                  content TEXT NOT NULL,        -- "start-end" ranges joined by ","
                  kind TEXT NOT NULL,           -- SourceKind raw value
                  role TEXT,                    -- SourceRole raw value
                  entity TEXT,                  -- the source's canonical entity name
                  hedges TEXT NOT NULL,         -- "start-end:kind" joined by ","
                  sentence INTEGER NOT NULL,
                  PRIMARY KEY (article_id, ordinal)
                ) WITHOUT ROWID;
                CREATE INDEX claim_kind ON claim(kind, article_id);
                CREATE TABLE article_claims (   -- which claim finder analysed an article
                  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                  version TEXT NOT NULL
                );
                """)
        }
        return migrator
    }

    /// The article table and its FTS5 index, as the first migration makes
    /// them. Public for the benchmark's bare insert loop, which must write the
    /// same rows into the same tables. It *is* migration v1: never change it.
    public static func createArticleTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE article (
              id INTEGER PRIMARY KEY,
              title TEXT, subtitle TEXT, byline TEXT, outlet TEXT, url TEXT,
              published_at REAL,            -- UTC seconds since 1970: the first instant the date covers
              published_offset INTEGER,     -- the source's UTC offset in seconds, NULL if it gave none
              published_precision TEXT,     -- year, month, day, minute or second
              dateline TEXT, language TEXT,
              breadcrumbs TEXT,             -- "Home > World", outermost first
              body TEXT NOT NULL,
              word_count INTEGER NOT NULL,
              content_hash TEXT NOT NULL UNIQUE,
              source_path TEXT,
              ingested_at REAL NOT NULL
            );
            CREATE INDEX article_published ON article(published_at);
            CREATE INDEX article_outlet ON article(outlet COLLATE NOCASE);
            """)
        try db.create(virtualTable: "article_fts", using: FTS5()) { table in
            table.synchronize(withTable: "article")
            table.tokenizer = .unicode61(diacritics: .remove)
            table.column("title")
            table.column("subtitle")
            table.column("body")
        }
    }

    static func article(_ row: Row) -> Article {
        var published: PublicationDate?
        if let seconds: Double = row["published_at"] {
            published = PublicationDate(
                instant: Date(timeIntervalSince1970: seconds),
                utcOffsetSeconds: row["published_offset"],
                precision: (row["published_precision"] as String?).flatMap(PublicationDate.Precision.init(rawValue:)) ?? .day
            )
        }
        let breadcrumbs: String? = row["breadcrumbs"]
        let draft = ArticleDraft(
            title: row["title"], subtitle: row["subtitle"], byline: row["byline"], outlet: row["outlet"],
            url: row["url"], published: published, dateline: row["dateline"], language: row["language"],
            breadcrumbs: breadcrumbs.map { $0.components(separatedBy: " > ") } ?? [],
            body: row["body"], sourcePath: row["source_path"]
        )
        return Article(id: row["id"], draft: draft, contentHash: row["content_hash"],
                       wordCount: row["word_count"], ingestedAt: Date(timeIntervalSince1970: row["ingested_at"]))
    }
}
