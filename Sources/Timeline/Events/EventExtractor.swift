import DossierCore
import EntityExtractor
import Foundation

/// Turns an article into dated events: one per date-bearing expression in a
/// sentence, one for a reporting or present-perfect sentence with no date of
/// its own (dated by publication), and one more where a date and a duration in
/// the same sentence place an earlier point ("in April 2025 after a gap of
/// nearly 15 years" puts the previous talks around 2010).
public struct EventExtractor: Sendable {
    public let tagger: TemporalTagger

    public init(tagger: TemporalTagger = TemporalTagger()) {
        self.tagger = tagger
    }

    public func events(in article: TimelineArticle) -> [Event] {
        let tokenized = TokenizedText(text: article.body)
        let sentences = tokenized.sentences.compactMap { range -> Range<Int>? in
            guard let first = range.first, let last = range.last else { return nil }
            return tokenized.tokens[first].range.lowerBound..<tokenized.tokens[last].range.upperBound
        }
        let expressions = tagger.find(in: article.body, anchor: article.published)
        var mentionsBySentence: [Int: [Mention]] = [:]
        // Sentence numbers of title or byline mentions count within their own
        // field; only the body's name an event's sentence.
        for mention in article.mentions where mention.field == .body {
            mentionsBySentence[mention.sentence, default: []].append(mention)
        }
        let protagonists = mainEntities(of: article.mentions)

        var events: [Event] = []
        var expressionIndex = 0
        let published = article.published?.iso8601
        for (offset, sentence) in sentences.enumerated() {
            let number = offset + 1
            var inSentence: [TimeExpression] = []
            while expressionIndex < expressions.count, expressions[expressionIndex].byteRange.lowerBound < sentence.upperBound {
                if expressions[expressionIndex].byteRange.lowerBound >= sentence.lowerBound { inSentence.append(expressions[expressionIndex]) }
                expressionIndex += 1
            }
            let text = String(decoding: tokenized.bytes[sentence], as: UTF8.self)
            let source = Event.Source(
                articleID: article.id, title: article.title, outlet: article.outlet, url: article.url,
                published: published, sentence: number, start: sentence.lowerBound + 1,
                stop: sentence.upperBound, text: text)
            events += self.events(sentence: text, offset: sentence.lowerBound, expressions: inSentence,
                                  entities: uniqueEntities(mentionsBySentence[number] ?? []), protagonists: protagonists,
                                  source: source, published: article.published)
        }
        return events
    }

    private func events(sentence: String, offset: Int, expressions: [TimeExpression], entities named: [String],
                        protagonists: [String], source: Event.Source, published: PublicationDate?) -> [Event] {
        var events: [Event] = []
        // A dated sentence that names no one ("In April 2025, the two
        // countries resumed talks") is about the story's protagonists.
        let entities = named.isEmpty ? protagonists : named
        // Dates, times, and durations anchored on the calendar ("over the past
        // few months" ending at publication) place an event.
        let dated = expressions.filter { $0.type != .set && $0.interval != nil && $0.precision != nil }
        let words = EventTrigger.split(sentence)
        for expression in dated {
            let local = (expression.byteRange.lowerBound - offset)..<(expression.byteRange.upperBound - offset)
            let trigger = EventTrigger.phrase(in: words, near: local) ?? expression.text
            let label = expression.type == .duration
                ? EventLabel.span(interval: expression.interval!, precision: expression.precision!)
                : EventLabel.text(interval: expression.interval!, precision: expression.precision!, modifier: expression.modifier)
            events.append(Event(
                interval: expression.interval!, precision: expression.precision!, modifier: expression.modifier,
                label: label, when: expression.text, dating: .expression, trigger: trigger, entities: entities, sources: [source]))
            guard expression.type != .duration else { continue }
            for duration in expressions where duration.type == .duration && duration.interval == nil {
                if let earlier = earlierPoint(before: expression, by: duration, sentence: sentence, offset: offset,
                                              trigger: trigger, entities: entities, source: source) {
                    events.append(earlier)
                }
            }
        }
        if dated.isEmpty, !named.isEmpty, let published, let trigger = reportedPhrase(in: words) {
            let interval = dayInterval(of: published)
            events.append(Event(
                interval: interval, precision: .day, modifier: nil,
                label: EventLabel.text(interval: interval, precision: .day, modifier: nil),
                when: "published " + published.iso8601, dating: .publication, trigger: trigger, entities: named, sources: [source]))
        }
        return events
    }

    /// "resumed ... in April 2025 after a gap of nearly 15 years": the point
    /// the gap began, April 2025 less 15 years, as an approximate year.
    private func earlierPoint(before date: TimeExpression, by duration: TimeExpression, sentence: String, offset: Int,
                              trigger: String, entities: [String], source: Event.Source) -> Event? {
        guard let seconds = duration.duration?.approximateSeconds, let interval = date.interval else { return nil }
        let before = sentence.utf8.prefix(max(0, duration.byteRange.lowerBound - offset))
        let lead = String(decoding: before.suffix(40), as: UTF8.self).lowercased()
        guard lead.contains("gap of") || lead.hasSuffix("after ") || lead.contains("first time in") || lead.contains("break of")
        else { return nil }
        let point = interval.start.addingTimeInterval(-seconds)
        let year = CalendarMath.civil(CalendarMath.split(point, utcOffsetSeconds: 0).day).year
        let span = DateInterval(start: CalendarMath.date(ofDay: CalendarMath.dayNumber(year: year, month: 1, day: 1)),
                                end: CalendarMath.date(ofDay: CalendarMath.dayNumber(year: year + 1, month: 1, day: 1)))
        return Event(
            interval: span, precision: .year, modifier: .approx,
            label: EventLabel.text(interval: span, precision: .year, modifier: .approx),
            when: "\(date.text) - \(duration.text)", dating: .arithmetic,
            trigger: "before the gap: " + trigger, entities: entities, sources: [source])
    }

    /// A sentence reporting a new fact without dating it: "has signed",
    /// "have rebuilt", "announced". Not when it is denied ("neither government
    /// has announced", "no evidence that Bangladesh has endorsed").
    private func reportedPhrase(in words: [EventTrigger.Word]) -> String? {
        for (index, word) in words.enumerated() {
            let lower = word.lowercased
            if Self.negations.contains(lower) { return nil }
            if lower == "has" || lower == "have" {
                var next = index + 1
                while next < words.count, next - index <= 8 {
                    let candidate = words[next].lowercased
                    if words[next].text.first?.isUppercase == true { break }  // "has Ahmed ..." is no participle
                    if candidate == "been" || candidate == "not" { break }
                    if EventTrigger.isParticiple(candidate) { return lower + " " + words[next].text }
                    next += 1
                }
            }
            if Self.reportingVerbs.contains(lower) { return String(word.text) }
        }
        return nil
    }

    private static let reportingVerbs: Set<String> = ["announced", "confirmed", "signed", "agreed", "unveiled"]
    private static let negations: Set<String> = ["not", "no", "never", "neither", "nor", "without"]

    /// The calendar day the outlet printed (28 December in New Delhi, though
    /// it was still the 27th in UTC), as a UTC day like every other date on a
    /// timeline.
    private func dayInterval(of date: PublicationDate) -> DateInterval {
        let day = CalendarMath.split(date.instant, utcOffsetSeconds: date.utcOffsetSeconds ?? 0).day
        return DateInterval(start: CalendarMath.date(ofDay: day), end: CalendarMath.date(ofDay: day + 1))
    }

    /// The entities a story is about: named at least twice and at least half
    /// as often as the most named, two at most, in order of first mention.
    public func protagonists(of article: TimelineArticle) -> [String] {
        mainEntities(of: article.mentions)
    }

    private func mainEntities(of mentions: [Mention]) -> [String] {
        var counts: [String: Int] = [:]
        for mention in mentions { counts[mention.entity, default: 0] += 1 }
        guard let most = counts.values.max() else { return [] }
        let main = counts.filter { $0.value >= 2 && $0.value * 2 >= most }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(2).map(\.key)
        return uniqueEntities(mentions).filter { main.contains($0) }
    }

    private func uniqueEntities(_ mentions: [Mention]) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for mention in mentions.sorted(by: { $0.start < $1.start }) where seen.insert(mention.entity).inserted {
            names.append(mention.entity)
        }
        return names
    }
}
