import DossierCore

/// Gives each mention of a document its canonical entity, so that counting and
/// co-mention work on entities, not spellings:
///
/// - the analyst's names and aliases first, then the gazetteer's ("U.S." ->
///   United States, "Bangladeshi" -> Bangladesh, "ISI" -> Inter-Services
///   Intelligence), when the types agree;
/// - the analyst's type corrections (a nil type removes the mention);
/// - a person named by one word takes the full name seen in the document
///   ("Mishra" -> "Abhinandan Mishra"), the nearest earlier one first;
/// - spellings that differ only in case are one entity, named in the mixed-case
///   spelling the document uses, else in title case ("NEW DELHI" -> "New
///   Delhi"); single-word all-capital organisations stay as written ("DGFI").
///
/// A mention whose entity differs from its text was named by a source that knew
/// (the analyst, an acronym definition, a gazetteer) and keeps its entity; one
/// whose entity is its own text is resolved here.
public struct EntityResolver: Sendable {
    public let gazetteer: Gazetteer
    public let lexicon: AnalystLexicon
    private let analyst: Gazetteer

    public init(gazetteer: Gazetteer, lexicon: AnalystLexicon = AnalystLexicon()) {
        self.init(gazetteer: gazetteer, lexicon: lexicon, analyst: lexicon.gazetteer)
    }

    /// With the lexicon's gazetteer already made (`MentionPipeline.analyst`).
    init(gazetteer: Gazetteer, lexicon: AnalystLexicon, analyst: Gazetteer) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.analyst = analyst
    }

    /// What the analyst's list and the gazetteer hold under a mention's text,
    /// when the caller has looked it up already (from the text's tokens,
    /// which spares cutting the mention's text into tokens again here).
    struct Listing {
        var analyst: GazetteerEntry?
        var gazetteer: GazetteerEntry?
    }

    public func resolve(_ mentions: [Mention]) -> [Mention] {
        resolve(mentions, listings: nil)
    }

    /// `listings[i]`, when there is one, is mention i's `Listing`.
    func resolve(_ mentions: [Mention], listings: [Listing?]?) -> [Mention] {
        var resolved: [Mention] = []
        resolved.reserveCapacity(mentions.count)
        for (index, var mention) in mentions.enumerated() {
            if mention.source != .analyst && mention.entity == mention.text {
                canonicalise(&mention, listing: listings?[index])
            }
            if let correction = lexicon.correction(for: mention.text) ?? lexicon.correction(for: mention.entity) {
                guard let type = correction.type else { continue }
                if mention.entityType == mention.type { mention.entityType = type }
                mention.type = type
            }
            resolved.append(mention)
        }
        mergePersons(&resolved)
        mergeCaseVariants(&resolved)
        return resolved
    }

    private func canonicalise(_ mention: inout Mention, listing: Listing?) {
        if let entry = listing.map({ $0.analyst }) ?? analyst.lookup(mention.text) {
            mention.type = entry.type
            mention.entity = entry.name
            mention.entityType = entry.type
            return
        }
        guard let entry = listing.map({ $0.gazetteer }) ?? gazetteer.lookup(mention.text),
              agree(entry.type, mention.type) else { return }
        if entry.type == .group, let link = entry.link, let target = gazetteer.entry(named: link) {
            mention.entity = target.name
            mention.entityType = target.type
        } else {
            mention.entity = entry.name
            mention.entityType = entry.type
        }
    }

    private func agree(_ listed: EntityType, _ found: EntityType) -> Bool {
        listed == found || (listed == .geopolitical && found == .location) || (listed == .location && found == .geopolitical)
    }

    /// One-word person mentions take the full name of a person in the document:
    /// one ending in that word ("Mishra" -> "Abhinandan Mishra", the nearest
    /// earlier one first), or else the one full name starting with it ("Xi"
    /// -> "Xi Jinping", names written family name first; only when one full
    /// name in the document starts so: "Donald" with two Donalds stays).
    private func mergePersons(_ mentions: inout [Mention]) {
        // Last name word -> the full names ending in it, in document order.
        var fullNames: [String: [(index: Int, entity: String)]] = [:]
        var firstWords: [String: Set<String>] = [:]
        for (index, mention) in mentions.enumerated() where mention.type == .person {
            let words = Self.nameKey(mention.entity)
            if words.count >= 2 {
                fullNames[words.last, default: []].append((index, mention.entity))
                if let first = Self.nameWords(mention.entity).first { firstWords[first, default: []].insert(mention.entity) }
            }
        }
        guard !fullNames.isEmpty else { return }
        for (first, names) in firstWords where names.count == 1 && fullNames[first] == nil {
            // Only where no full name ends in the word: "Lee" of "Lee Hsien
            // Loong" and of "Robert Lee" goes to the surname.
            if let name = names.first { fullNames[first] = [(mentions.count, name)] }
        }
        for index in mentions.indices {
            let mention = mentions[index]
            // A one-word mention the tagger typed otherwise is the person too
            // when it is that person's surname ("Mishra" read as an ORG).
            guard mention.source != .analyst, mention.type == .person || mention.source == .model,
                  mention.entity == mention.text || mention.type == .person, !Self.hasSpace(mention.entity) else { continue }
            let words = Self.nameKey(mention.entity)
            guard words.count == 1, let matches = fullNames[words.last] else { continue }
            guard let best = matches.last(where: { $0.index < index }) ?? matches.first else { continue }
            mentions[index].entity = best.entity
            mentions[index].type = .person
            mentions[index].entityType = .person
        }
    }

    /// Whether `name` contains a space (as `contains(" ")` reads it).
    private static func hasSpace(_ name: String) -> Bool {
        var ascii = true
        var space = false
        for byte in name.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte == 0x20 { space = true }
        }
        return ascii ? space : name.contains(" ")
    }

    /// How many words `nameWords(name)` has, and its last word; the same
    /// answer, read from the bytes when the name is ASCII.
    static func nameKey(_ name: String) -> (count: Int, last: String) {
        let fast: (count: Int, last: String)?? = name.utf8.withContiguousStorageIfAvailable { bytes in
            var words: [Range<Int>] = []
            var start = 0
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 { return nil }
                if byte == 0x20 {
                    if index > start { words.append(start..<index) }
                    start = index + 1
                }
            }
            if bytes.count > start { words.append(start..<bytes.count) }
            var first = 0
            while words.count - first > 1, isTitle(bytes[words[first]]) { first += 1 }
            guard let last = words.last else { return (0, "") }
            return (words.count - first, lowercased(bytes[last]))
        }
        if let fast = fast ?? nil { return fast }
        let words = nameWords(name)
        return (words.count, words.last ?? "")
    }

    private static func lowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() {
                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }

    /// Whether an ASCII word, dots trimmed off both ends and lower-cased, is one of `titles`.
    private static func isTitle(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var low = word.startIndex
        var high = word.endIndex
        while low < high, word[low] == 0x2E { low += 1 }
        while high > low, word[high - 1] == 0x2E { high -= 1 }
        guard high - low <= 9 else { return false }
        return titles.contains(lowercased(word.base[low..<high]))
    }

    /// Lower-cased words of a name, without leading titles ("Mr.", "Gen.").
    private static func nameWords(_ name: String) -> [String] {
        var words = name.lowercased().split(separator: " ").map(String.init)
        while let first = words.first, words.count > 1, Self.titles.contains(first.trimmingCharacters(".")) {
            words.removeFirst()
        }
        return words
    }

    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "adm",
                                      "brig", "president", "minister", "general", "sheikh", "sir"]

    /// Case variants of one name become one entity.
    private func mergeCaseVariants(_ mentions: inout [Mention]) {
        // Only names without a lower-case letter change, and their spelling
        // elsewhere is sought only under their own keys: most documents have
        // few such names, and then the others are never lower-cased.
        var wanted: Set<String> = []
        for mention in mentions where !hasLowerCase(mention.entity) { wanted.insert(mention.entity.lowercased()) }
        guard !wanted.isEmpty else { return }
        let wantedLengths = Set(wanted.map(\.utf8.count))
        var preferred: [String: String] = [:]
        for mention in mentions where hasLowerCase(mention.entity) {
            // An ASCII name keeps its length in lower case: one of another length is not wanted.
            let utf8 = mention.entity.utf8
            if !wantedLengths.contains(utf8.count) && !utf8.contains(where: { $0 >= 0x80 }) { continue }
            let key = mention.entity.lowercased()
            if wanted.contains(key), preferred[key] == nil { preferred[key] = mention.entity }
        }
        for index in mentions.indices {
            let entity = mentions[index].entity
            guard !hasLowerCase(entity) else { continue }
            if let spelling = preferred[entity.lowercased()] {
                mentions[index].entity = spelling
            } else if entity.contains(" ") || (mentions[index].type != .organization && entity.count > 3) {
                mentions[index].entity = titleCased(entity)
            }
        }
    }

    private func hasLowerCase(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x61 && $0 <= 0x7A }
    }

    private func titleCased(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            // An abbreviation with inner full stops ("L.A.", "D.C.") keeps its
            // capitals: "L.a." is no spelling of it.
            guard let first = word.first, !word.dropLast().contains(".") else { return String(word) }
            return String(first).uppercased() + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}

private extension String {
    func trimmingCharacters(_ character: Character) -> String {
        String(self.drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
