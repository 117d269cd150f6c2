import DossierCore
import Foundation

/// Events in date order, the same event reported by several articles merged
/// into one with all its sources.
///
/// Order: by the start of the interval, and where one interval holds another,
/// the wider first: "2025" before "2025-04" before "2025-04-10". A month-precise
/// event is listed as the month, never as its 1st.
public struct EventTimeline: Hashable, Sendable, Codable {
    public private(set) var events: [Event]

    /// Sorts `events` and merges the ones reported more than once.
    public init(events: [Event]) {
        self.events = Self.merge(Self.sortedByTime(events))
    }

    /// The events of both, duplicates merged.
    public func merged(with other: EventTimeline) -> EventTimeline {
        EventTimeline(events: events + other.events)
    }

    public func filter(_ isIncluded: (Event) throws -> Bool) rethrows -> EventTimeline {
        var copy = self
        copy.events = try events.filter(isIncluded)
        return copy
    }

    /// Events overlapping [since, until).
    public func between(_ since: Date?, _ until: Date?) -> EventTimeline {
        filter { event in
            (since.map { event.interval.end > $0 } ?? true) && (until.map { event.interval.start < $0 } ?? true)
        }
    }

    /// By start, the wider interval first, then by article and sentence;
    /// sorted through an index of plain keys, since moving whole events while
    /// sorting costs more than the comparisons.
    static func sortedByTime(_ events: [Event]) -> [Event] {
        struct Key {
            var start: Double, end: Double, article: Int64, sentence: Int
        }
        let keys = events.map { event in
            Key(start: event.interval.start.timeIntervalSince1970, end: event.interval.end.timeIntervalSince1970,
                article: event.sources.first?.articleID ?? 0, sentence: event.sources.first?.sentence ?? 0)
        }
        let order = keys.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end > b.end }
            if a.article != b.article { return a.article < b.article }
            return a.sentence < b.sentence
        }
        return order.map { events[$0] }
    }

    /// An event with what merging compares, computed once.
    private struct Report {
        var event: Event
        var sentences: Set<SentenceKey>
        var articles: Set<Int64?>
        var entities: Set<String>
        var words: Set<UInt64>

        init(_ event: Event) {
            self.event = event
            sentences = Set(event.sources.map(SentenceKey.init))
            articles = Set(event.sources.map(\.articleID))
            entities = Set(event.entities)
            words = EventTimeline.contentWords(event.summary)
        }

        /// Two reports are one event when their dates agree at the coarser
        /// precision, they come from different articles, and they say the same
        /// thing: most of their entities and content words in common. The same
        /// sentence read twice (merging overlapping timelines) is one event too.
        func isSame(as other: Report) -> Bool {
            let a = event, b = other.event
            guard a.dating == b.dating else { return false }
            // Cheapest tests first: hundreds of thousands of pairs are compared.
            let wider = a.interval.duration >= b.interval.duration ? a.interval : b.interval
            let narrower = a.interval.duration >= b.interval.duration ? b.interval : a.interval
            guard wider.start <= narrower.start && narrower.end <= wider.end else { return false }
            if !sentences.isDisjoint(with: other.sentences) { return a.interval == b.interval && a.trigger == b.trigger }
            guard articles.isDisjoint(with: other.articles) else { return false }
            if !(entities.isEmpty && other.entities.isEmpty) {
                guard EventTimeline.jaccard(entities, other.entities) >= 0.5 else { return false }
            }
            return EventTimeline.jaccard(words, other.words) >= 0.3
        }

        mutating func absorb(_ other: Report) {
            if other.event.interval.duration < event.interval.duration {
                // The finer date wins: "2025-04-10" over "2025-04".
                event.interval = other.event.interval
                event.precision = other.event.precision
                event.modifier = other.event.modifier
                event.label = other.event.label
                event.when = other.event.when
            }
            event.sources += other.event.sources.filter { !sentences.contains(SentenceKey($0)) }
            for name in other.event.entities where !entities.contains(name) { event.entities.append(name) }
            sentences.formUnion(other.sentences)
            articles.formUnion(other.articles)
            entities.formUnion(other.entities)
        }
    }

    private static func merge(_ sorted: [Event]) -> [Event] {
        var merged: [Report] = []
        merged.reserveCapacity(sorted.count)
        for event in sorted {
            let report = Report(event)
            // Candidates overlap in time, so they sit among the last few reports.
            if let index = merged.indices.reversed().prefix(32).first(where: { merged[$0].isSame(as: report) }) {
                merged[index].absorb(report)
            } else {
                merged.append(report)
            }
        }
        return sortedByTime(merged.map(\.event))
    }

    fileprivate struct SentenceKey: Hashable {
        var article: Int64?
        var sentence: Int
        init(_ source: Event.Source) {
            article = source.articleID
            sentence = source.sentence
        }
    }

    fileprivate static func jaccard<Element>(_ a: Set<Element>, _ b: Set<Element>) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var shared = 0
        for element in small where large.contains(element) { shared += 1 }
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// The words of more than three letters that carry meaning, as hashes of
    /// their lower-cased bytes (merging compares hundreds of thousands).
    fileprivate static func contentWords(_ text: String) -> Set<UInt64> {
        var words: Set<UInt64> = []
        var hash = wordHashSeed
        var length = 0
        for byte in text.utf8 {
            let lower = byte | 0x20
            if (lower >= 0x61 && lower <= 0x7A) || byte >= 0x80 {
                hash = FNV1a.step(hash, byte >= 0x80 ? byte : lower)
                length += 1
                continue
            }
            if length > 3 && !stopWords.contains(hash) { words.insert(hash) }
            hash = wordHashSeed
            length = 0
        }
        if length > 3 && !stopWords.contains(hash) { words.insert(hash) }
        return words
    }

    private static let wordHashSeed = FNV1a.seed

    private static let stopWords: Set<UInt64> = Set([
        "that", "this", "with", "from", "have", "been", "were", "they", "their", "which", "would", "could",
        "said", "also", "into", "over", "than", "there", "these", "those", "while", "when", "what", "after",
    ].map { word in word.utf8.reduce(wordHashSeed, FNV1a.step) })
}
