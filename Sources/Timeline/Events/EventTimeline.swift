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
        self.events = Self.merge(events.sorted(by: Self.precedes))
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

    static func precedes(_ a: Event, _ b: Event) -> Bool {
        if a.interval.start != b.interval.start { return a.interval.start < b.interval.start }
        if a.interval.end != b.interval.end { return a.interval.end > b.interval.end }
        let aSource = a.sources.first, bSource = b.sources.first
        if aSource?.articleID != bSource?.articleID { return (aSource?.articleID ?? 0) < (bSource?.articleID ?? 0) }
        return (aSource?.sentence ?? 0) < (bSource?.sentence ?? 0)
    }

    /// Two reports are one event when their dates agree at the coarser
    /// precision, they come from different articles, and they say the same
    /// thing: most of their entities and content words in common. The same
    /// sentence read twice (merging overlapping timelines) is one event too.
    static func isSameEvent(_ a: Event, _ b: Event) -> Bool {
        guard a.dating == b.dating else { return false }
        let sentencesA = Set(a.sources.map(SentenceKey.init)), sentencesB = Set(b.sources.map(SentenceKey.init))
        if !sentencesA.isDisjoint(with: sentencesB) { return a.interval == b.interval && a.trigger == b.trigger }
        let articlesA = Set(a.sources.map(\.articleID)), articlesB = Set(b.sources.map(\.articleID))
        guard articlesA.isDisjoint(with: articlesB) else { return false }
        let wider = a.interval.duration >= b.interval.duration ? a.interval : b.interval
        let narrower = a.interval.duration >= b.interval.duration ? b.interval : a.interval
        guard wider.start <= narrower.start && narrower.end <= wider.end else { return false }
        let entitiesA = Set(a.entities), entitiesB = Set(b.entities)
        if !(entitiesA.isEmpty && entitiesB.isEmpty) {
            guard jaccard(entitiesA, entitiesB) >= 0.5 else { return false }
        }
        return jaccard(contentWords(a.summary), contentWords(b.summary)) >= 0.3
    }

    private static func merge(_ sorted: [Event]) -> [Event] {
        var merged: [Event] = []
        for event in sorted {
            // Candidates overlap in time, so they sit among the last few events.
            if let index = merged.indices.reversed().prefix(32).first(where: { isSameEvent(merged[$0], event) }) {
                var kept = merged[index]
                if event.interval.duration < kept.interval.duration {
                    // The finer date wins: "2025-04-10" over "2025-04".
                    kept.interval = event.interval
                    kept.precision = event.precision
                    kept.modifier = event.modifier
                    kept.label = event.label
                    kept.when = event.when
                }
                let known = Set(kept.sources.map(SentenceKey.init))
                kept.sources += event.sources.filter { !known.contains(SentenceKey($0)) }
                for name in event.entities where !kept.entities.contains(name) { kept.entities.append(name) }
                merged[index] = kept
            } else {
                merged.append(event)
            }
        }
        return merged.sorted(by: precedes)
    }

    private struct SentenceKey: Hashable {
        var article: Int64?
        var sentence: Int
        init(_ source: Event.Source) {
            article = source.articleID
            sentence = source.sentence
        }
    }

    private static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }

    private static func contentWords(_ text: String) -> Set<String> {
        var words: Set<String> = []
        for word in EventTrigger.split(text) {
            let lower = word.text.lowercased()
            if lower.count > 3 && !stopWords.contains(lower) { words.insert(lower) }
        }
        return words
    }

    private static let stopWords: Set<String> = [
        "that", "this", "with", "from", "have", "been", "were", "they", "their", "which", "would", "could",
        "said", "also", "into", "over", "than", "there", "these", "those", "while", "when", "what", "after",
    ]
}
