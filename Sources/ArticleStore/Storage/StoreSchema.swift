import DossierCore
import Foundation
import GRDB

/// The SQLite schema, as migrations: a migration once shipped is never edited;
/// a change is a new migration.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: articles with full-text index") { db in
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
        return migrator
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
