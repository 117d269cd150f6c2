import DossierCore
import Foundation
import GRDB

/// Writes mentions and merges them into store-wide entities, inside the
/// caller's transaction (the article and its mentions commit together).
///
/// Merging across articles: one entity per folded name and type, so "NEW
/// DELHI" and "New Delhi" are one. An acronym an article defines ("Inter-Services
/// Intelligence (ISI)") becomes a store-wide alias, so a bare "ISI" in any other
/// article, ingested before or after, lands on the same entity. The first
/// definition of an acronym (per type) keeps it; analysts correct the rest
/// with an alias.
struct EntityIndex {
    let db: Database

    init(_ db: Database) { self.db = db }

    /// Writes an article's mentions (it has none stored: new, or removed by
    /// `removeMentions`) and adds them to the materialised counts.
    func insert(_ mentions: [Mention], articleID: Int64) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO mention (article_id, field, start, stop, entity_id, sentence, type, source, text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for mention in mentions {
            // This article is not counted yet: a merge its acronym causes must
            // not subtract its half-written mentions.
            let entityID = try resolve(mention, writing: articleID)
            try insert.execute(arguments: [
                articleID, mention.field.rawValue, mention.start, mention.stop, entityID, mention.sentence,
                mention.type.rawValue, mention.source.rawValue, mention.text,
            ])
        }
        try EntityCounts(db).add(articleID: articleID)
    }

    /// Removes an article's mentions and what they added to the counts.
    func removeMentions(articleID: Int64) throws {
        try EntityCounts(db).subtract(articleID: articleID)
        try db.cachedStatement(sql: "DELETE FROM mention WHERE article_id = ?").execute(arguments: [articleID])
    }

    func markExtracted(articleID: Int64, version: String) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO article_extraction (article_id, version) VALUES (?, ?)")
            .execute(arguments: [articleID, version])
    }

    /// Entities no mention and no analyst refers to any more (after a re-extraction).
    func pruneOrphans() throws {
        try db.execute(sql: """
            DELETE FROM entity
            WHERE NOT EXISTS (SELECT 1 FROM mention WHERE mention.entity_id = entity.id)
              AND key NOT IN (SELECT key FROM analyst_entity)
            """)
    }

    /// The entity a mention belongs to, created if new.
    func resolve(_ mention: Mention, writing articleID: Int64? = nil) throws -> Int64 {
        let type = mention.entityType
        let id = try entityID(name: mention.entity, type: type)
        let textKey = entityKey(mention.text)
        if textKey != entityKey(mention.entity), mention.source == .analyst || isAcronym(mention.text) {
            try addAlias(mention.text, key: textKey, to: id, type: type, writing: articleID)
        }
        return id
    }

    /// Finds or creates the entity called `name`; an alias known store-wide
    /// takes precedence over an entity of that name.
    func entityID(name: String, type: EntityType) throws -> Int64 {
        let key = entityKey(name)
        let byAlias = try db.cachedStatement(sql: "SELECT entity_id FROM entity_alias WHERE key = ? AND type = ?")
        if let id = try Int64.fetchOne(byAlias, arguments: [key, type.rawValue]) { return id }
        return try entityID(key: key, name: name, type: type)
    }

    /// Finds or creates the entity whose own name folds to `key`, ignoring aliases.
    func entityID(key: String, name: String, type: EntityType) throws -> Int64 {
        let byName = try db.cachedStatement(sql: """
            SELECT id, name, EXISTS (SELECT 1 FROM analyst_entity WHERE analyst_entity.key = entity.key) AS analyst
            FROM entity WHERE key = ? AND type = ?
            """)
        if let row = try Row.fetchOne(byName, arguments: [key, type.rawValue]) {
            var fields = StoredRow(row, subject: .entity)
            let id = try fields.integer("id")
            let stored = try fields.text("name")
            // Prefer a mixed-case form for display ("New Delhi" over a dateline's
            // "NEW DELHI"), but never over the name an analyst chose.
            if isAllCaps(stored), !isAllCaps(name), try !fields.boolean("analyst") {
                try db.cachedStatement(sql: "UPDATE entity SET name = ? WHERE id = ?").execute(arguments: [name, id])
            }
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO entity (name, key, type) VALUES (?, ?, ?)")
            .execute(arguments: [name, key, type.rawValue])
        return db.lastInsertedRowID
    }

    /// Records `alias` for entity `id`. An entity stored under the alias as its
    /// own name (from articles that used the acronym without defining it) is
    /// merged in: its mentions move over and it goes.
    /// `articleID`, if given, is an article whose mentions are being written
    /// and not yet counted; the others whose mentions move are counted again.
    func addAlias(_ alias: String, key: String, to id: Int64, type: EntityType, writing articleID: Int64? = nil) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity_alias (key, type, entity_id, alias) VALUES (?, ?, ?, ?)")
            .execute(arguments: [key, type.rawValue, id, alias])
        // An earlier definition keeps the name: nothing to merge then.
        guard try Int64.fetchOne(db.cachedStatement(sql: "SELECT entity_id FROM entity_alias WHERE key = ? AND type = ?"),
                                 arguments: [key, type.rawValue]) == id else { return }
        let other = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM entity WHERE key = ? AND type = ? AND id != ?"),
                                       arguments: [key, type.rawValue, id])
        guard let other else { return }
        let counts = EntityCounts(db)
        let moved = try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT article_id FROM mention WHERE entity_id = ?"),
                                       arguments: [other]).filter { $0 != articleID }
        for article in moved { try counts.subtract(articleID: article) }
        try db.cachedStatement(sql: "UPDATE mention SET entity_id = ? WHERE entity_id = ?").execute(arguments: [id, other])
        for article in moved { try counts.add(articleID: article) }
        try db.cachedStatement(sql: "UPDATE OR IGNORE entity_alias SET entity_id = ? WHERE entity_id = ?").execute(arguments: [id, other])
        try db.cachedStatement(sql: "DELETE FROM entity WHERE id = ?").execute(arguments: [other])
    }
}

/// "ISI", "DGFI", "U.N.": two to ten capitals, perhaps with dots, ampersands or digits.
/// Public for the PostgreSQL backend, which merges entities by the same rules.
public func isAcronym(_ text: String) -> Bool {
    var capitals = 0
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): capitals += 1
        case UInt8(ascii: "."), UInt8(ascii: "&"), UInt8(ascii: "0")...UInt8(ascii: "9"): continue
        default: return false
        }
    }
    return capitals >= 2 && capitals <= 10
}

/// True when the name has letters and none is lower case ("NEW DELHI"): a
/// dateline's form, replaced for display by a mixed-case one (both backends).
public func isAllCaps(_ text: String) -> Bool {
    var letters = 0
    for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
        if scalar.properties.isLowercase { return false }
        letters += 1
    }
    return letters > 0
}
