import DossierCore
import Foundation

/// An entity as the store knows it: every mention of it across the store, under
/// one canonical name ("Inter-Services Intelligence", with "ISI" as an alias).
public struct StoredEntity: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var type: EntityType
    /// Other names it goes by in the store: acronyms, spellings, analyst aliases.
    public var aliases: [String]
    /// Mentions and distinct articles, within the window the query asked for.
    public var mentionCount: Int
    public var articleCount: Int
    /// True when an analyst added or corrected it.
    public var fromAnalyst: Bool

    public init(id: Int64, name: String, type: EntityType, aliases: [String] = [], mentionCount: Int = 0,
                articleCount: Int = 0, fromAnalyst: Bool = false) {
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
        self.mentionCount = mentionCount
        self.articleCount = articleCount
        self.fromAnalyst = fromAnalyst
    }
}

/// A stored mention with the article it is in; `mention.entity` is the
/// store-wide canonical name, which may differ from what the article alone said.
/// What the extractor stored for one article: the version that made it and
/// the mentions, in text order.
public struct StoredExtraction: Hashable, Sendable {
    public var version: String
    public var mentions: [StoredMention]

    public init(version: String, mentions: [StoredMention] = []) {
        self.version = version
        self.mentions = mentions
    }
}

public struct StoredMention: Hashable, Sendable {
    public var articleID: Int64
    public var entityID: Int64
    public var mention: Mention

    public init(articleID: Int64, entityID: Int64, mention: Mention) {
        self.articleID = articleID
        self.entityID = entityID
        self.mention = mention
    }
}

/// Which entities to count: by type and by the publication date of the
/// articles they are mentioned in.
public struct EntityQuery: Hashable, Sendable {
    public var type: EntityType?
    /// Articles published at or after `since` and before `until`.
    public var since: Date?
    public var until: Date?
    public var limit: Int

    public init(type: EntityType? = nil, since: Date? = nil, until: Date? = nil, limit: Int = 10) {
        self.type = type
        self.since = since
        self.until = until
        self.limit = limit
    }
}

/// How close two mentions must be to count as appearing together.
public enum CooccurrenceWindow: String, Hashable, Sendable, CaseIterable {
    /// In the same sentence (of one field: the title's first sentence is not
    /// the body's): the strong signal ("ISI and DGFI officials met"). Every
    /// entity of the sentence counts.
    case sentence
    /// In the same article: the two share a sentence in it, or both are among
    /// its leading entities (`leadingEntitiesPerArticle`).
    case article

    /// How many of an article's entities co-occur with one another anywhere
    /// in it: those it names most often, ties going to the one named first
    /// (in reading order: title, subtitle, byline, dateline, body, then by
    /// position). Beyond them two entities co-occur in the article only where
    /// they share a sentence. Without the cap an article naming k entities
    /// adds k(k-1) pairs: one page listing every member of Parliament (368
    /// entities) made 135,056 of the 266,302 pair rows of 171 pages, pairs
    /// that say only "on the same list", and made ingest with entities half
    /// as slow again. A news article names fewer (most html-dev pages under
    /// 30) and keeps every pair.
    public static let leadingEntitiesPerArticle = 30
}

/// An entity seen with another, and how often.
public struct Cooccurrence: Hashable, Sendable {
    public var entity: StoredEntity
    /// Shared sentences or shared articles, as the window says.
    public var count: Int
    /// Distinct articles where they appear together.
    public var articleCount: Int

    public init(entity: StoredEntity, count: Int, articleCount: Int) {
        self.entity = entity
        self.count = count
        self.articleCount = articleCount
    }
}

/// Folds a name for lookups and merging: case, runs of spaces and curly
/// apostrophes do not make two entities ("NEW DELHI" = "New Delhi").
public func entityKey(_ name: String) -> String {
    asciiEntityKey(name) ?? unicodeEntityKey(name)
}

/// `entityKey` scalar by scalar, for any name.
func unicodeEntityKey(_ name: String) -> String {
    var key = ""
    key.reserveCapacity(name.utf8.count)
    var pendingSpace = false
    for scalar in name.unicodeScalars {
        if scalar.properties.isWhitespace {
            pendingSpace = !key.isEmpty
            continue
        }
        if pendingSpace { key.append(" "); pendingSpace = false }
        if scalar == "\u{2019}" || scalar == "\u{2018}" { key.append("'"); continue }
        key.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
    }
    return key
}

/// `entityKey` of an ASCII name, byte by byte (the per-scalar Unicode path
/// cost 15% of ingest); nil when the name has a non-ASCII byte.
func asciiEntityKey(_ name: String) -> String? {
    var name = name
    return name.withUTF8 { bytes -> String? in
        var key = [UInt8]()
        key.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !key.isEmpty
                continue
            }
            if pendingSpace { key.append(0x20); pendingSpace = false }
            key.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: key, as: UTF8.self)
    }
}
