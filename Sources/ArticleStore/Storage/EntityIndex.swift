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
final class EntityIndex {
    let db: Database
    /// Articles whose mentions are written but not yet in the counts:
    /// `countWritten()` adds them all at once (see `EntityCounts`).
    private var uncounted: Set<Int64> = []
    /// Entity ids by folded name and type, as `entityID(name:type:)` found
    /// them in this transaction; emptied whenever an alias changes.
    /// Keyed by the folded name's bytes: the store compares keys byte for
    /// byte, so two canonically equivalent spellings are two keys here too.
    private var known: [KnownKey: Int64] = [:]
    private struct KnownKey: Hashable { let type: EntityType, key: BinaryText }

    init(_ db: Database) { self.db = db }

    /// Writes an article's mentions (it has none stored: new, or removed by
    /// `removeMentions`); they are counted by the next `countWritten()`, which
    /// must run in the same transaction.
    func insert(_ mentions: [Mention], articleID: Int64) throws {
        uncounted.insert(articleID)
        // Rows go in several at a time (one statement per chunk, in mention
        // order, so a repeated position keeps the last mention, as before).
        var values: [DatabaseValue] = []
        values.reserveCapacity(9 * Self.mentionsPerStatement)
        var rows = 0
        func flush() throws {
            guard rows > 0 else { return }
            let statement = rows == Self.mentionsPerStatement
                ? try db.cachedStatement(sql: Self.fullMentionInsert) : try db.makeStatement(sql: Self.mentionInsert(rows: rows))
            try statement.execute(arguments: StatementArguments(values))
            values.removeAll(keepingCapacity: true)
            rows = 0
        }
        for mention in mentions {
            // A merge an alias causes moves the mentions already stored, so
            // those of this article go in first. The article is not counted
            // yet: the merge must not subtract its half-written mentions.
            if Self.definesAlias(mention) { try flush() }
            let entityID = try resolve(mention)
            values += [articleID.databaseValue, mention.field.rawValue.databaseValue, mention.start.databaseValue,
                       mention.stop.databaseValue, entityID.databaseValue, mention.sentence.databaseValue,
                       mention.type.rawValue.databaseValue, mention.source.rawValue.databaseValue, mention.text.databaseValue]
            rows += 1
            if rows == Self.mentionsPerStatement { try flush() }
        }
        try flush()
    }

    /// Mention rows per INSERT: nine values each.
    static let mentionsPerStatement = 50

    private static func mentionInsert(rows: Int) -> String {
        "INSERT OR REPLACE INTO mention (article_id, field, start, stop, entity_id, sentence, type, source, text) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }

    /// Built once: the statement cache looks a statement up by its text.
    private static let fullMentionInsert = mentionInsert(rows: mentionsPerStatement)

    /// Adds the mentions written since the last call to the counts.
    func countWritten() throws {
        try EntityCounts(db).add(articleIDs: Array(uncounted))
        uncounted.removeAll()
    }

    /// Removes the articles' mentions and what they added to the counts.
    func removeMentions(articleIDs: [Int64]) throws {
        try EntityCounts(db).subtract(articleIDs: articleIDs)
        let delete = try db.cachedStatement(sql: "DELETE FROM mention WHERE article_id = ?")
        for id in articleIDs { try delete.execute(arguments: [id]) }
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
    func resolve(_ mention: Mention) throws -> Int64 {
        let type = mention.entityType
        let id = try entityID(name: mention.entity, type: type)
        if Self.definesAlias(mention) {
            try addAlias(mention.text, key: entityKey(mention.text), to: id, type: type)
        }
        return id
    }

    /// Whether the mention names its entity another way that becomes a
    /// store-wide alias: an acronym, or the analyst's own alias.
    static func definesAlias(_ mention: Mention) -> Bool {
        (mention.source == .analyst || isAcronym(mention.text)) && entityKey(mention.text) != entityKey(mention.entity)
    }

    /// Finds or creates the entity called `name`; an alias known store-wide
    /// takes precedence over an entity of that name.
    func entityID(name: String, type: EntityType) throws -> Int64 {
        let key = entityKey(name)
        let cacheKey = KnownKey(type: type, key: BinaryText(key))
        if let id = known[cacheKey] { return id }
        let byAlias = try db.cachedStatement(sql: "SELECT entity_id FROM entity_alias WHERE key = ? AND type = ?")
        if let id = try Int64.fetchOne(byAlias, arguments: [key, type.rawValue]) {
            known[cacheKey] = id
            return id
        }
        let (id, settled) = try entityID(key: key, name: name, type: type, settling: true)
        // An all-capitals display name may still give way to a mixed-case
        // form: such an entity is looked up again next time.
        if settled { known[cacheKey] = id }
        return id
    }

    /// Finds or creates the entity whose own name folds to `key`, ignoring aliases.
    func entityID(key: String, name: String, type: EntityType) throws -> Int64 {
        try entityID(key: key, name: name, type: type, settling: false).id
    }

    /// The entity's id, and whether its display name is settled (mixed case
    /// or the analyst's: no later form replaces it).
    private func entityID(key: String, name: String, type: EntityType, settling: Bool) throws -> (id: Int64, settled: Bool) {
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
            let analyst = try fields.boolean("analyst")
            if isAllCaps(stored), !isAllCaps(name), !analyst {
                try db.cachedStatement(sql: "UPDATE entity SET name = ? WHERE id = ?").execute(arguments: [name, id])
                return (id, true)
            }
            return (id, analyst || !isAllCaps(stored))
        }
        try db.cachedStatement(sql: "INSERT INTO entity (name, key, type) VALUES (?, ?, ?)")
            .execute(arguments: [name, key, type.rawValue])
        return (db.lastInsertedRowID, !isAllCaps(name))
    }

    /// Records `alias` for entity `id`. An entity stored under the alias as its
    /// own name (from articles that used the acronym without defining it) is
    /// merged in: its mentions move over and it goes.
    /// Articles whose mentions are written but not yet counted stay
    /// uncounted; the others whose mentions move are counted again.
    func addAlias(_ alias: String, key: String, to id: Int64, type: EntityType) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity_alias (key, type, entity_id, alias) VALUES (?, ?, ?, ?)")
            .execute(arguments: [key, type.rawValue, id, alias])
        if db.changesCount > 0 { known.removeAll() }
        // An earlier definition keeps the name: nothing to merge then.
        guard try Int64.fetchOne(db.cachedStatement(sql: "SELECT entity_id FROM entity_alias WHERE key = ? AND type = ?"),
                                 arguments: [key, type.rawValue]) == id else { return }
        let other = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM entity WHERE key = ? AND type = ? AND id != ?"),
                                       arguments: [key, type.rawValue, id])
        guard let other else { return }
        known.removeAll()
        let counts = EntityCounts(db)
        let moved = try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT article_id FROM mention WHERE entity_id = ?"),
                                       arguments: [other]).filter { !uncounted.contains($0) }
        try counts.subtract(articleIDs: moved)
        try db.cachedStatement(sql: "UPDATE mention SET entity_id = ? WHERE entity_id = ?").execute(arguments: [id, other])
        try counts.add(articleIDs: moved)
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
