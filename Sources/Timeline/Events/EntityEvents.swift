import DossierCore
import EntityExtractor

/// Whom a timeline is about: a name and the other names it goes by.
public struct TimelineTarget: Hashable, Sendable {
    public var name: String
    public var aliases: [String]

    public init(name: String, aliases: [String] = []) {
        self.name = name
        self.aliases = aliases
    }

    /// The names searched for in the text, besides the ones the entity
    /// extractor links: the given aliases, a model number and what follows it
    /// ("Boeing 787 Dreamliner": "787 Dreamliner", "Dreamliner"; "Airbus A380":
    /// "A380"), the maker and the model without the model's name ("Boeing
    /// 787") and the model number alone when it has a letter or three
    /// digits ("787": articles say "the 787" once the full name is given;
    /// "3G"; the "4" of "iPhone 4" is any four), and the initials of a name
    /// of three words or more ("United States Air Force": "USAF").
    public var searchNames: [String] {
        var names = [name] + aliases
        let words = name.split(separator: " ").map(String.init)
        if words.count >= 2, let model = words.firstIndex(where: { $0.contains(where: \.isNumber) }), model > 0 {
            if model + 1 < words.count {
                names.append(words[model...].joined(separator: " "))
                names.append(words[(model + 1)...].joined(separator: " "))
                names.append(words[...model].joined(separator: " "))
            }
            if words[model].count >= 3 || words[model].contains(where: \.isLetter) { names.append(words[model]) }
        }
        if words.count >= 3 {
            let initials = String(words.compactMap { $0.first }.filter(\.isUppercase))
            if initials.count == words.count { names.append(initials) }
            // "United States Air Force": "Air Force"; "Beatles Apple Corps": "Apple Corps".
            let tail = words.suffix(2)
            if tail.allSatisfy({ $0.first?.isUppercase == true }), !Self.designators.contains(tail.last ?? "") {
                names.append(tail.joined(separator: " "))
            }
        }
        // "China Eastern Airlines": "China Eastern"; "iTunes Store": "iTunes".
        if words.count >= 2, let last = words.last, Self.designators.contains(last.prefix(1).uppercased() + last.dropFirst()) {
            names.append(words.dropLast().joined(separator: " "))
        }
        var seen: Swift.Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// Words that say what kind of organisation a name is, not which.
    static let designators: Swift.Set<String> = [
        "Airlines", "Airways", "Air Lines", "Store", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Company", "Co", "Co.",
        "Group", "Ltd", "Ltd.", "Limited", "Plc", "PLC", "Holdings", "Incorporated",
    ]

    /// Names the article itself gives the target in brackets: an
    /// abbreviation after one of its names ("Singapore Airlines (SIA)"), and
    /// the full name before the target written short ("European Aeronautic
    /// Defence and Space Company (EADS)"), the entity of the mention that
    /// ends at the bracket.
    func bracketNames(in article: TimelineArticle) -> (abbreviations: [String], entities: [String]) {
        let bytes = Array(article.body.utf8)
        var abbreviations: [String] = []
        var entities: [String] = []
        /// The word in brackets that starts at `index` (after spaces and "("), and the byte after ")".
        func bracketed(from index: Int) -> (word: String, end: Int)? {
            var at = index
            while at < bytes.count, bytes[at] == UInt8(ascii: " ") { at += 1 }
            guard at < bytes.count, bytes[at] == UInt8(ascii: "(") else { return nil }
            at += 1
            while at < bytes.count, bytes[at] == UInt8(ascii: " ") { at += 1 }
            let start = at
            while at < bytes.count, bytes[at] != UInt8(ascii: ")"), bytes[at] != UInt8(ascii: "("), at - start <= 40 { at += 1 }
            guard at < bytes.count, bytes[at] == UInt8(ascii: ")") else { return nil }
            var end = at
            while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            return (String(decoding: bytes[start..<end], as: UTF8.self), at + 1)
        }
        let names = searchNames
        let lowered = Swift.Set(names.map { $0.lowercased() })
        for name in names {
            let needle = Array(name.utf8)
            guard !needle.isEmpty, needle.count < bytes.count else { continue }
            var index = 0
            while index + needle.count <= bytes.count {
                guard bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) else { index += 1; continue }
                // An abbreviation: two to six letters, capitals first ("SIA", "USAF").
                if let (word, _) = bracketed(from: index + needle.count), (2...6).contains(word.count),
                   word.allSatisfy({ $0.isLetter }), word.first?.isUppercase == true, word.filter(\.isUppercase).count >= 2 {
                    abbreviations.append(word)
                }
                index += needle.count
            }
        }
        for mention in article.mentions where !lowered.contains(mention.entity.lowercased()) {
            guard mention.stop <= bytes.count, let (word, _) = bracketed(from: mention.stop) else { continue }
            if lowered.contains(word.lowercased()) { entities.append(mention.entity) }
        }
        return (abbreviations, entities)
    }

    /// The canonical entity names in `mentions` that are this target: a
    /// mention's entity equal to the name or an alias (any case), or its text
    /// when the extractor linked it to no other name. With the article, also
    /// the names it gives the target in brackets (`bracketNames`).
    func entityNames(in article: TimelineArticle) -> Swift.Set<String> {
        let brackets = bracketNames(in: article)
        var found = entityNames(in: article.mentions, extra: brackets.abbreviations)
        found.formUnion(brackets.entities)
        return found
    }

    func entityNames(in mentions: [Mention], extra: [String] = []) -> Swift.Set<String> {
        let names = Swift.Set((searchNames + extra).map { $0.lowercased() })
        var found: Swift.Set<String> = [name]
        // A text match counts only where the extractor linked the mention to
        // nothing else: "Clinton" linked to Bill Clinton is not Hillary Clinton.
        for mention in mentions where names.contains(mention.entity.lowercased())
            || names.contains(mention.text.lowercased()) && mention.entity.lowercased() == mention.text.lowercased() {
            found.insert(mention.entity)
        }
        return found
    }

    /// Mentions of the target the extractor missed: every whole-word
    /// occurrence of a search name (case as written) that no mention covers
    /// already, linked to `name`. A person's surname counts once the full
    /// name has been seen ("Louis Gallois ... Gallois said").
    public func mentions(in article: TimelineArticle, sentences: [Range<Int>]) -> [Mention] {
        missedMentions(in: article, sentences: sentences).found
    }

    /// `mentions(in:sentences:)`, and the byte ranges of extractor mentions
    /// a found name spans whole: the extractor's pieces of it ("China" and
    /// "Airlines" in "China Eastern Airlines"), which the name replaces.
    func missedMentions(in article: TimelineArticle, sentences: [Range<Int>]) -> (found: [Mention], pieces: Swift.Set<Range<Int>>) {
        let bytes = Array(article.body.utf8)
        var names = searchNames + bracketNames(in: article).abbreviations
        // The target's names once, not per mention: a person mention linked to
        // one of them, or whose text is one and links nowhere else.
        let lowered = Swift.Set(names.map { $0.lowercased() })
        // A product's name is no person's, whatever type the extractor gave
        // a piece of it ("Dreamliner" as a person).
        let isPerson = !Participants.isProductName(name) && article.mentions.contains { mention in
            mention.type == .person && (mention.entity == name || lowered.contains(mention.entity.lowercased())
                || lowered.contains(mention.text.lowercased()) && mention.entity.lowercased() == mention.text.lowercased())
        }
        if isPerson, let surname = name.split(separator: " ").last, name.contains(" ") { names.append(String(surname)) }
        var found: [Mention] = []
        var pieces: Swift.Set<Range<Int>> = []
        for candidate in names {
            let needle = Array(candidate.utf8)
            guard !needle.isEmpty, needle.count <= bytes.count else { continue }
            let allDigits = needle.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            var index = 0
            while index + needle.count <= bytes.count {
                guard bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) else { index += 1; continue }
                var end = index + needle.count
                // "A380s", "Dreamliners", "777s": the plural of a thing's name
                // names it too (never a person's: "Jobses" is no form).
                if !isPerson, end + 1 <= bytes.count, bytes[end] == UInt8(ascii: "s"), needle.last != UInt8(ascii: "s"),
                   needle.last != UInt8(ascii: "S"), end + 1 == bytes.count || !Self.isWordByte(bytes[end + 1]) { end += 1 }
                let wholeWord = (index == 0 || !Self.isWordByte(bytes[index - 1])) && (end == bytes.count || !Self.isWordByte(bytes[end]))
                    && !(allDigits && Self.isInAnAmount(bytes, index..<end))
                let span = index..<end
                let overlapping = article.mentions.filter { $0.byteRange.overlaps(span) }
                // Pieces inside the name, none the target itself: the name wins.
                let split = !overlapping.isEmpty && overlapping.allSatisfy { mention in
                    mention.byteRange.count < span.count && span.contains(mention.byteRange.lowerBound)
                        && mention.byteRange.upperBound <= end && !lowered.contains(mention.entity.lowercased())
                }
                let covered = !overlapping.isEmpty && !split || found.contains { $0.byteRange.overlaps(span) }
                if wholeWord, !covered, let sentence = sentences.firstIndex(where: { $0.contains(index) }) {
                    if split { pieces.formUnion(overlapping.map(\.byteRange)) }
                    found.append(Mention(text: String(decoding: bytes[index..<end], as: UTF8.self), type: isPerson ? .person : .organization, entity: name,
                                         start: index + 1, stop: end, sentence: sentence + 1, source: .rule))
                }
                index = end
            }
        }
        return (found, pieces)
    }

    /// The extractor's mentions that are this target (`entityNames(in:)`'s
    /// test: an entity that is one of its names, or a text that is one and
    /// links nowhere else), linked to `name` itself, and a product's typed as
    /// a made thing (an organisation's type) whatever the extractor took it
    /// for: "Dreamliner" found as a person is the Boeing 787 Dreamliner that
    /// "the plane" and "it" stand for two sentences on, not someone "he" is.
    func relinked(_ mentions: [Mention], extra: [String] = []) -> [Mention] {
        let names = Swift.Set((searchNames + extra).map { $0.lowercased() })
        let isProduct = Participants.isProductName(name)
        return mentions.map { mention in
            guard mention.entity != name, names.contains(mention.entity.lowercased())
                    || names.contains(mention.text.lowercased()) && mention.entity.lowercased() == mention.text.lowercased() else { return mention }
            var linked = mention
            linked.entity = name
            if isProduct {
                linked.type = .organization
                linked.entityType = .organization
            }
            return linked
        }
    }

    /// A model number written as digits alone ("787") inside an amount or a
    /// longer number: "$787 million", "787,000", "1.787".
    private static func isInAnAmount(_ bytes: [UInt8], _ span: Range<Int>) -> Bool {
        let digit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        if span.lowerBound > 0, [UInt8(ascii: "$"), UInt8(ascii: "."), UInt8(ascii: ",")].contains(bytes[span.lowerBound - 1]) { return true }
        if span.upperBound + 1 < bytes.count, bytes[span.upperBound] == UInt8(ascii: ",") || bytes[span.upperBound] == UInt8(ascii: "."),
           digit(bytes[span.upperBound + 1]) { return true }
        return span.upperBound < bytes.count && bytes[span.upperBound] == UInt8(ascii: "%")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }
}

/// The events of an article that belong on a target's timeline.
public enum EntityEvents {
    public enum Scope: String, Sendable, CaseIterable {
        /// Events the target takes part in: named (or referred back to) in
        /// the trigger's clause.
        case participant
        /// Every event of a story the target is a protagonist of, and the
        /// events naming it in the others.
        case story
    }

    /// The article with the target's missed mentions added, for extraction.
    /// `tokenized` is the body's tokenization, to hand on to
    /// `EventExtractor.events(in:tokenized:)` so the body is split once.
    public static func prepare(_ article: TimelineArticle, for targets: [TimelineTarget], tokenized: TokenizedText? = nil) -> TimelineArticle {
        let ranges = EventExtractor.sentenceRanges(of: tokenized ?? TokenizedText(text: article.body))
        var prepared = article
        for target in targets {
            let missed = target.missedMentions(in: prepared, sentences: ranges)
            if !missed.pieces.isEmpty { prepared.mentions.removeAll { missed.pieces.contains($0.byteRange) } }
            prepared.mentions = target.relinked(prepared.mentions, extra: target.bracketNames(in: prepared).abbreviations) + missed.found
        }
        prepared.mentions.sort { $0.start < $1.start }
        return prepared
    }

    /// `names`: the target's `entityNames(in: article)` when the caller has them already.
    public static func select(_ events: [Event], of target: TimelineTarget, in article: TimelineArticle,
                              extractor: EventExtractor, scope: Scope = .participant, names known: Swift.Set<String>? = nil) -> [Event] {
        let names = known ?? target.entityNames(in: article)
        guard article.mentions.contains(where: { names.contains($0.entity) }) else { return [] }
        switch scope {
        case .participant:
            return events.filter { !names.isDisjoint(with: $0.entities) }
        case .story:
            if !names.isDisjoint(with: extractor.protagonists(of: article)) { return events }
            return events.filter { !names.isDisjoint(with: $0.entities) }
        }
    }
}
