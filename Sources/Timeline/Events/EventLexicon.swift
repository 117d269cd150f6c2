import Foundation

/// How often a word is an event trigger, learned from the EVENT annotations of
/// TimeBank 1.2 and AQUAINT (Resources/event-words.tsv, made by
/// scripts/build-event-lexicon): "announced" 11 of 11, "loss" 41 of 53, "will"
/// 1 of 364. Words the corpora never show fall back to their last three
/// letters ("-ing", "-ion"). Cross-validated on the corpora, taking a word
/// when it is an event at least half the time finds event tokens at F1 0.80,
/// about what TimeML event recognisers without a parser reach.
public struct EventLexicon: Sendable {
    struct Counts: Sendable {
        var events: Int
        var total: Int
        /// Of the events, those TimeML classes STATE or I_STATE.
        var states: Int = 0
        var rate: Double { total == 0 ? 0 : Double(events) / Double(total) }
    }

    let words: [String: Counts]
    let suffixes: [String: Counts]
    /// Counts summed over the forms of a word ("unveil": unveiled, unveiling,
    /// unveils), for forms the corpora show rarely or never: they are
    /// written in the past, present-tense headlines are not.
    let families: [String: Counts]
    let threshold: Double
    /// `isEvent` for every word of the file, decided once: asked for every
    /// word of every article, the family and suffix fallbacks cost a stem each.
    private var decided: [String: Bool] = [:]

    public static let bundled: EventLexicon = {
        let url = Bundle.module.url(forResource: "event-words", withExtension: "tsv", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "event-words", withExtension: "tsv")
        // The file ships inside the module; without it every word is unknown
        // and only the suffixes given in code below would count.
        let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        return EventLexicon(tsv: text)
    }()

    /// Reads "word<TAB>events<TAB>total[<TAB>states]" lines; "-ing" lines are suffixes.
    public init(tsv: String) {
        var words: [String: Counts] = [:]
        var suffixes: [String: Counts] = [:]
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 3 || fields.count == 4, let events = Int(fields[1]), let total = Int(fields[2]) else { continue }
            let states = fields.count == 4 ? Int(fields[3]) ?? 0 : 0
            let counts = Counts(events: events, total: total, states: states)
            if fields[0].hasPrefix("-") {
                suffixes[String(fields[0].dropFirst())] = counts
            } else {
                words[String(fields[0])] = counts
            }
        }
        var families: [String: Counts] = [:]
        for (word, counts) in words {
            let family = Self.stem(word)
            families[family, default: Counts(events: 0, total: 0)].events += counts.events
            families[family, default: Counts(events: 0, total: 0)].total += counts.total
            families[family, default: Counts(events: 0, total: 0)].states += counts.states
        }
        self.words = words
        self.suffixes = suffixes
        self.families = families
        // 0.4 and 0.5 tie on TimeBank/AQUAINT (F1 0.79 cross-validated); a
        // third keeps nominal events such as "flight" (3 of 8) and "takeover"
        // (9 of 24), which per-entity timelines need: on SemEval-2015 Task 4
        // both development sets gain at 0.3 and 0.33 and lose at 0.25.
        threshold = 0.33
        var decided: [String: Bool] = [:]
        decided.reserveCapacity(words.count)
        for word in words.keys { decided[word] = (eventRate(word) ?? 0) >= threshold }
        self.decided = decided
    }

    /// A crude stem that joins a verb's or noun's forms: "launches",
    /// "launched", "launching" -> "launch"; "deliveries" -> "delivery".
    static func stem(_ word: String) -> String {
        // On the UTF-8 bytes: String.count and suffix checks walk characters.
        var bytes = Array(word.utf8)
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            for offset in 0..<count where bytes[bytes.count - count + offset] != suffix.utf8Start[offset] { return false }
            return true
        }
        if bytes.count > 5, ends("ies") { return String(decoding: bytes.dropLast(3), as: UTF8.self) + "y" }
        if bytes.count > 6, ends("ing") { bytes.removeLast(3) }
        else if bytes.count > 5, ends("ed") || ends("es") { bytes.removeLast(2) }
        else if bytes.count > 4, ends("s") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "e") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The share of a (lower-cased) word's occurrences that are events; nil
    /// when neither the word nor its ending was seen often enough to tell.
    public func eventRate(_ word: String) -> Double? {
        let known = words[word]
        if let counts = known, counts.total >= 3 { return counts.rate }
        // Short unknown words ("the", "and", "of") are no events and have no family.
        if known == nil, word.utf8.count < 4 { return nil }
        // Words the corpora show rarely are known by their family; but
        // "hundred" (no event, never) stays itself.
        if let family = families[Self.stem(word)], family.total >= 3 { return family.rate }
        if let counts = known { return counts.rate }
        guard word.utf8.count >= 5 else { return nil }
        if let counts = suffixes[String(decoding: word.utf8.suffix(3), as: UTF8.self)], counts.total >= 5 { return counts.rate }
        return nil
    }

    /// The share of a word's event occurrences that TimeML classes STATE or
    /// I_STATE: "believe" 22 of 22, "seemed" 6 of 7, "said" 0 of 1016. The
    /// word's own counts when it was an event at least three times, else its
    /// family's ("appreciates" for "appreciated"); nil when neither was.
    public func stateShare(_ word: String) -> Double? {
        if let counts = words[word], counts.events >= 3 { return Double(counts.states) / Double(counts.events) }
        if let family = families[Self.stem(word)], family.events >= 3 { return Double(family.states) / Double(family.events) }
        return nil
    }

    /// A word whose events mostly hold rather than happen (states and states
    /// of mind: "wants", "believed", "seemed", "remains"). Two in three: below
    /// it "became" (8 of 15), "assured" and "facing" (3 of 5) stay events.
    public func isState(_ word: String) -> Bool {
        (stateShare(word) ?? 0) >= Self.stateThreshold
    }

    static let stateThreshold = 2.0 / 3.0

    public func isEvent(_ word: String) -> Bool {
        if let known = decided[word] { return known }
        return (eventRate(word) ?? 0) >= threshold
    }
}
