import DossierCore
import EntityExtractor
import Foundation

/// Turns an article into events: every word of a sentence that the event
/// lexicon takes for a trigger (verbs, nominal events such as "loss", "sales",
/// "bailout", -ing forms and infinitives), each with its own date and its own
/// participants.
///
/// Dating, strongest first: a time expression in the trigger's clause (or,
/// failing that, in its sentence; a future event never takes a past date);
/// the publication day for reporting, the present, and the past or "has +
/// participle" of the lead (the day's news); before the publication
/// (modifier BEFORE) for a past event told later with no date; after it
/// (AFTER) for an undated future one. A gerund or infinitive takes its
/// verb's time; a noun needs a date of its own. "could"/"would" events are
/// marked hypothetical; negated ones, generic present-tense statements and
/// participles used as adjectives are left out (`isReported`). Where a date
/// and a duration in one sentence place an earlier point ("in April 2025
/// after a gap of nearly 15 years"), that point is an event too.
public struct EventExtractor: Sendable {
    public let tagger: TemporalTagger
    public let lexicon: EventLexicon

    public init(tagger: TemporalTagger = TemporalTagger(), lexicon: EventLexicon = .bundled) {
        self.tagger = tagger
        self.lexicon = lexicon
    }

    /// One dating decision, before it becomes an Event.
    private struct Anchor {
        var interval: DateInterval
        var precision: TimeExpression.Precision
        var modifier: TimeExpression.Modifier?
        var when: String
        var dating: Event.Dating
        var expression: TimeExpression?

        /// The label, formatted once per anchor rather than per event (most
        /// events of an article share the publication's).
        var label: String {
            if let cached { return cached }
            return expression?.type == .duration
                ? EventLabel.span(interval: interval, precision: precision)
                : EventLabel.text(interval: interval, precision: precision, modifier: modifier)
        }
        var cached: String?

        mutating func formatLabel() {
            cached = nil
            cached = label
        }
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
        // The publication's anchors, labels formatted once for the article.
        let published = article.published.map(publicationAnchor)
        let dates = PublicationAnchors(on: published, before: published.map(before), after: published.map(after))
        var memory = Participants.Memory()
        var seen: Set<String> = []
        // Formatted once: per sentence it cost more than tagging.
        let publishedText = article.published?.iso8601

        var events: [Event] = []
        var expressionIndex = 0
        for (offset, sentence) in sentences.enumerated() {
            let number = offset + 1
            var inSentence: [TimeExpression] = []
            while expressionIndex < expressions.count, expressions[expressionIndex].byteRange.lowerBound < sentence.upperBound {
                if expressions[expressionIndex].byteRange.lowerBound >= sentence.lowerBound { inSentence.append(expressions[expressionIndex]) }
                expressionIndex += 1
            }
            let bytes = tokenized.bytes[sentence]
            let text = String(decoding: bytes, as: UTF8.self)
            let source = Event.Source(
                articleID: article.id, title: article.title, outlet: article.outlet, url: article.url,
                published: publishedText, sentence: number, start: sentence.lowerBound + 1,
                stop: sentence.upperBound, text: text)
            let words = EventTrigger.split(text)
            // A caption repeated under every photo, a copyright line: no events.
            guard seen.insert(text).inserted, !Self.isBoilerplate(words, text: text), Self.isEnglish(words) else { continue }
            let participants = Participants(words: words, bytes: bytes, offset: sentence.lowerBound,
                                            mentions: mentionsBySentence[number] ?? [], sentence: number, memory: &memory)
            events += self.events(words: words, offset: sentence.lowerBound, expressions: inSentence,
                                  participants: participants, source: source, dates: dates,
                                  publication: article.published)
        }
        return events
    }

    private func events(words: [EventTrigger.Word], offset: Int, expressions: [TimeExpression], participants: Participants,
                        source: Event.Source, dates: PublicationAnchors, publication: PublicationDate?) -> [Event] {
        let published = dates.on
        let dated = Self.joiningRanges(expressions.filter { $0.type != .set && $0.interval != nil && $0.precision != nil && Self.isPlausible($0) },
                                       words: words, offset: offset)
        let local = dated.map { ($0, ($0.byteRange.lowerBound - offset)..<($0.byteRange.upperBound - offset)) }
        var events: [Event] = []
        var triggers: [(index: Int, group: VerbGroup)] = []
        for (index, word) in words.enumerated() {
            let lower = word.lowercased
            if local.contains(where: { $0.1.contains(word.range.lowerBound) }) { continue }
            // A capital inside the sentence is a name ("Ahmed", "Boeing"), not a trigger.
            if index > 0, word.text.first?.isUppercase == true { continue }
            if VerbGroup.auxiliaries.contains(lower) || Self.notTriggers.contains(lower) || !lexicon.isEvent(lower) { continue }
            let group = VerbGroup(words: words, at: index)
            if group.isNegated || Self.isAttributive(words, at: index, group: group) { continue }
            triggers.append((index, group))
        }
        let counted = words.map { word in !local.contains { $0.1.contains(word.range.lowerBound) } }
        let entitiesOf = participants.entities(words: words, triggers: triggers.map(\.index), counted: counted)
        // The last verb's anchor, for the nouns and infinitives after it.
        var governing: (group: VerbGroup, anchor: Anchor?, reported: Bool)?
        for (index, group) in triggers {
            let word = words[index]
            let clause = participants.clause(at: word.range.lowerBound)
            var anchor: Anchor?
            if let expression = governingExpression(local, near: word.range, clause: clause, group: group, publication: publication) {
                anchor = self.anchor(for: expression)
            }
            var tense = group.tense
            var governedReport: Bool?
            if anchor == nil {
                if group.isInfinitive || group.tense == nil, let governing {
                    // "plans to sell", "the sale": the time of the verb before it;
                    // after an intention, later than it.
                    tense = group.isInfinitive && (governing.group.tense == .future || Self.intentions.contains(governing.group.phrase.split(separator: " ").last.map { $0.lowercased() } ?? ""))
                        ? .future : governing.group.tense
                    anchor = tense == .future ? dates.after : governing.anchor
                    governedReport = governing.reported
                } else {
                    switch tense {
                    case .future: anchor = dates.after
                    case .present: anchor = published
                    case .past:
                        // Past, undated, told after the lead: it happened before the
                        // report, when is not said. In the lead, or a report, it is the
                        // news of the day.
                        let isNews = source.sentence <= Self.leadSentences || Self.reporting.contains(word.lowercased)
                        anchor = isNews ? published : dates.before
                    case nil: anchor = published
                    }
                    // "has signed": the day's news in the lead, background after it.
                    if group.isPerfect { anchor = source.sentence <= Self.leadSentences ? published : dates.before }
                }
            }
            let reported = anchor.map { isReported(group: group, tense: tense, governedReport: governedReport, anchor: $0, word: word.lowercased, source: source) } ?? false
            if group.tense != nil && !group.isInfinitive { governing = (group, anchor, reported) }
            guard let anchor, reported else { continue }
            var eventSource = source
            eventSource.triggerStart = offset + word.range.lowerBound + 1
            eventSource.triggerStop = offset + word.range.upperBound
            let label = anchor.label
            let entities = entitiesOf[index] ?? []
            events.append(Event(
                interval: anchor.interval, precision: anchor.precision, modifier: anchor.modifier, label: label,
                when: anchor.when, dating: anchor.dating, trigger: group.phrase, entities: entities, sources: [eventSource],
                tense: tense, isHypothetical: group.isHypothetical))
            if let expression = anchor.expression, expression.type != .duration {
                for duration in expressions where duration.type == .duration && duration.interval == nil {
                    if let earlier = earlierPoint(before: expression, by: duration, words: words, offset: offset,
                                                  trigger: group.phrase, entities: entities, source: eventSource) {
                        events.append(earlier)
                    }
                }
            }
        }
        return events
    }

    /// A participle used as an adjective: after an article, a possessive or
    /// an adverb in -ly, before a noun ("his continued struggles", "the newly
    /// installed chief", "the underwhelming album"); not "the bombing of", nor
    /// "the bombing killed" (an -ing after an article may be the event itself).
    static func isAttributive(_ words: [EventTrigger.Word], at index: Int, group: VerbGroup) -> Bool {
        let word = words[index].lowercased
        guard group.isSimple, word.hasSuffix("ed") || word.hasSuffix("ing") || word.hasSuffix("en"), index + 1 < words.count else { return false }
        let next = words[index + 1]
        guard next.text.first?.isLowercase == true, !VerbGroup.prepositions.contains(next.lowercased), !VerbGroup.determiners.contains(next.lowercased),
              words[index + 1].range.lowerBound - words[index].range.upperBound == 1 else { return false }
        guard index > 0 else { return true }
        let previous = words[index - 1].lowercased
        if previous.hasSuffix("'s") || previous.hasSuffix("ly") { return true }
        // After an article only a participle: "the bombing killed" is an event.
        guard !word.hasSuffix("ing") else { return false }
        return VerbGroup.determiners.contains(previous) || previous == "and" && index > 1 && VerbGroup.determiners.contains(words[index - 2].lowercased)
    }

    /// Whether a trigger tells of something that happened or will (what a
    /// timeline lists), rather than a generic or habitual statement: dated
    /// by its own words, or a past, perfect or future verb, or present-tense
    /// reporting ("says"), or a headline's present ("Airbus launches"). Not a
    /// question, not an undated infinitive or noun with no tense of its own,
    /// not a present-tense generality ("the vine drinks a lot of water").
    /// `governedReport`: for a noun, gerund or infinitive that took its time
    /// from the verb before it, whether that verb is reported ("is divesting
    /// by selling": both, or neither).
    private func isReported(group: VerbGroup, tense: Event.Tense?, governedReport: Bool?, anchor: Anchor, word: String, source: Event.Source) -> Bool {
        if anchor.dating == .expression || group.isHypothetical { return true }
        if source.text.hasSuffix("?") { return false }
        // A noun ("appeal", "tenure") needs a date of its own; a gerund or an
        // infinitive goes with its verb ("divesting ... by selling").
        if group.tense == nil && !group.isInfinitive && !word.hasSuffix("ing") { return false }
        if group.isInfinitive || group.tense == nil { return governedReport ?? (tense == .future) }
        if tense == .present, group.isSimple, !group.isPerfect, !Self.reporting.contains(word), source.sentence > 1 { return false }
        return true
    }
    static let reporting: Set<String> = [
        "says", "said", "announces", "announced", "tells", "told", "states", "stated", "adds", "added", "reports", "reported",
        "confirms", "confirmed", "claims", "claimed", "warns", "warned", "insists", "insisted", "explains", "explained",
    ]

    /// The lexicon is English: a sentence of five words or more in which
    /// German, French or Spanish function words outnumber English ones gives
    /// no events ("die" and "des" are English words too).
    static func isEnglish(_ words: [EventTrigger.Word]) -> Bool {
        guard words.count >= 5 else { return true }
        var english = 0, other = 0
        for word in words {
            if englishFunctionWords.contains(word.lowercased) { english += 1 }
            if foreignFunctionWords.contains(word.lowercased) { other += 1 }
        }
        return english >= other && (english > 0 || other == 0)
    }

    static let englishFunctionWords: Set<String> = [
        "the", "a", "an", "of", "to", "in", "and", "is", "was", "for", "on", "that", "with", "as", "by", "at", "it",
        "he", "she", "they", "we", "his", "her", "their", "has", "have", "had", "were", "be", "been", "from", "this", "or", "but", "not",
    ]
    static let foreignFunctionWords: Set<String> = [
        "der", "die", "das", "und", "ist", "nicht", "mit", "sich", "auf", "ein", "eine", "zu", "von", "im", "den", "dem", "auch", "wird",
        "le", "la", "les", "et", "est", "une", "dans", "pour", "qui", "pas", "du", "el", "los", "las", "y", "es", "en", "por", "con", "una", "para",
    ]

    /// "Copyright 2019 ...", "© 2021 ...", "All rights reserved": page furniture.
    static func isBoilerplate(_ words: [EventTrigger.Word], text: String) -> Bool {
        // "©" is C2 A9; a byte scan, not Foundation's string search (per sentence).
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0xC2 && byte == 0xA9 { return true }
            previous = byte
        }
        for (index, word) in words.enumerated() {
            if word.lowercased == "copyright" { return true }
            if word.lowercased == "rights", index + 1 < words.count, words[index + 1].lowercased == "reserved" { return true }
        }
        return false
    }

    /// "between 2010 and 2015", "from May to July": one span from the start
    /// of the first to the end of the second, not two dates.
    static func joiningRanges(_ expressions: [TimeExpression], words: [EventTrigger.Word], offset: Int) -> [TimeExpression] {
        var result: [TimeExpression] = []
        for expression in expressions {
            if let previous = result.last, let first = previous.interval, let second = expression.interval, first.start < second.end,
               previous.type != .duration {
                let gap = (previous.byteRange.upperBound - offset)..<(expression.byteRange.lowerBound - offset)
                let between = words.filter { gap.contains($0.range.lowerBound) }.map(\.lowercased)
                let before = words.last { $0.range.upperBound <= previous.byteRange.lowerBound - offset }?.lowercased
                let opened = before == "between" || before == "from"
                let joined = between == ["and"] && before == "between" || (between == ["to"] || between == ["through"] || between == ["until"]) && opened
                    || between.isEmpty && gap.count <= 3 && opened
                if joined {
                    result[result.count - 1] = TimeExpression(
                        text: previous.text + " .. " + expression.text, start: previous.start, stop: expression.stop, type: .duration,
                        value: previous.value + "/" + expression.value, interval: DateInterval(start: first.start, end: second.end),
                        precision: max(previous.precision ?? .day, expression.precision ?? .day))
                    continue
                }
            }
            result.append(expression)
        }
        return result
    }

    /// Dates a timeline can show: after year 1000 (no placeholder year 1 or
    /// 0001-01-01) and at most a century ahead.
    static func isPlausible(_ expression: TimeExpression) -> Bool {
        guard let interval = expression.interval else { return false }
        let year = CalendarMath.civil(CalendarMath.split(interval.start, utcOffsetSeconds: 0).day).year
        return year >= 1000 && year <= currentYear + 100
    }

    /// This year, read once: asked for every expression of every sentence, and
    /// a century of slack makes a run across New Year's Eve immaterial.
    private static let currentYear = CalendarMath.civil(CalendarMath.split(Date(), utcOffsetSeconds: 0).day).year

    /// The time expression a trigger's time comes from: the nearest in its
    /// clause, else the nearest in the sentence; for a future event, only one
    /// that is not over by publication.
    private func governingExpression(_ expressions: [(TimeExpression, Range<Int>)], near word: Range<Int>, clause: Range<Int>,
                                     group: VerbGroup, publication: PublicationDate?) -> TimeExpression? {
        func distance(_ range: Range<Int>) -> Int {
            range.upperBound <= word.lowerBound ? word.lowerBound - range.upperBound : max(0, range.lowerBound - word.upperBound)
        }
        let usable = expressions.filter { expression, _ in
            guard group.tense == .future, let publication, let interval = expression.interval else { return true }
            return interval.end > publication.instant
        }
        let inClause = usable.filter { clause.contains($0.1.lowerBound) }
        let pool = inClause.isEmpty ? usable : inClause
        return pool.min { distance($0.1) < distance($1.1) }?.0
    }

    private func anchor(for expression: TimeExpression) -> Anchor? {
        guard let interval = expression.interval, let precision = expression.precision else { return nil }
        return Anchor(interval: interval, precision: precision, modifier: expression.modifier, when: expression.text,
                      dating: .expression, expression: expression)
    }

    private struct PublicationAnchors {
        var on: Anchor?
        var before: Anchor?
        var after: Anchor?
    }

    private func publicationAnchor(_ date: PublicationDate) -> Anchor {
        let interval = dayInterval(of: date)
        var anchor = Anchor(interval: interval, precision: .day, modifier: nil, when: "published " + date.iso8601, dating: .publication)
        anchor.formatLabel()
        return anchor
    }

    /// Before the publication: a past event the text does not date.
    private func before(_ anchor: Anchor) -> Anchor {
        var earlier = anchor
        earlier.modifier = .before
        earlier.when = "before publication (" + String(anchor.when.dropFirst("published ".count)) + ")"
        earlier.formatLabel()
        return earlier
    }

    /// The sentences of an article's lead (title, standfirst, first
    /// paragraph), where news tells the day's events in the past tense.
    static let leadSentences = 4

    /// Later than the publication: a future event with no date of its own.
    private func after(_ anchor: Anchor) -> Anchor {
        var later = anchor
        later.modifier = .after
        later.when = "after publication (" + String(anchor.when.dropFirst("published ".count)) + ")"
        later.formatLabel()
        return later
    }

    /// "resumed ... in April 2025 after a gap of nearly 15 years": the point
    /// the gap began, April 2025 less 15 years, as an approximate year.
    private func earlierPoint(before date: TimeExpression, by duration: TimeExpression, words: [EventTrigger.Word], offset: Int,
                              trigger: String, entities: [String], source: Event.Source) -> Event? {
        guard let seconds = duration.duration?.approximateSeconds, let interval = date.interval else { return nil }
        let start = duration.byteRange.lowerBound - offset
        let lead = words.filter { $0.range.upperBound <= start }.suffix(4).map(\.lowercased).joined(separator: " ")
        guard lead.hasSuffix("gap of") || lead.hasSuffix("after") || lead.hasSuffix("first time in") || lead.hasSuffix("break of")
        else { return nil }
        let point = interval.start.addingTimeInterval(-seconds)
        let year = CalendarMath.civil(CalendarMath.split(point, utcOffsetSeconds: 0).day).year
        let span = DateInterval(start: CalendarMath.date(ofDay: CalendarMath.dayNumber(year: year, month: 1, day: 1)),
                                end: CalendarMath.date(ofDay: CalendarMath.dayNumber(year: year + 1, month: 1, day: 1)))
        return Event(
            interval: span, precision: .year, modifier: .approx,
            label: EventLabel.text(interval: span, precision: .year, modifier: .approx),
            when: "\(date.text) - \(duration.text)", dating: .arithmetic,
            trigger: "before the gap: " + trigger, entities: entities, sources: [source], tense: .past)
    }

    /// The calendar day the outlet printed (28 December in New Delhi, though
    /// it was still the 27th in UTC), as a UTC day like every other date on a
    /// timeline.
    private func dayInterval(of date: PublicationDate) -> DateInterval {
        let day = CalendarMath.split(date.instant, utcOffsetSeconds: date.utcOffsetSeconds ?? 0).day
        return DateInterval(start: CalendarMath.date(ofDay: day), end: CalendarMath.date(ofDay: day + 1))
    }

    /// Verbs of intention: what follows them as an infinitive is to come.
    static let intentions: Set<String> = [
        "plan", "plans", "planned", "planning", "intend", "intends", "intended", "expect", "expects", "expected",
        "hope", "hopes", "hoped", "aim", "aims", "aimed", "want", "wants", "wanted", "agree", "agrees", "agreed",
        "decide", "decides", "decided", "seek", "seeks", "sought", "scheduled", "due", "set", "prepare", "prepares", "preparing",
    ]
    /// Words the lexicon counts as events that a timeline reader does not
    /// take for something happening on a date.
    /// States of mind and being ("think", "seems", "worth") are TimeML
    /// events but nothing a timeline reader looks for.
    static let notTriggers: Set<String> = [
        "according", "being", "going", "having", "think", "thinks", "thought", "believe", "believes", "feel", "feels",
        "know", "knows", "seem", "seems", "seemed", "want", "wants", "like", "likes", "love", "loves", "hope", "hopes",
        "need", "needs", "mean", "means", "worth", "remember", "remembering", "wish", "wonder", "guess", "suppose",
        "felt", "wished", "wanted", "able", "us", "liked", "loved", "knew", "believed", "seemed",
    ]

    /// The entities a story is about: named at least twice and at least half
    /// as often as the most named, two at most, in order of first mention.
    public func protagonists(of article: TimelineArticle) -> [String] {
        var counts: [String: Int] = [:]
        for mention in article.mentions { counts[mention.entity, default: 0] += 1 }
        guard let most = counts.values.max() else { return [] }
        let main = counts.filter { $0.value >= 2 && $0.value * 2 >= most }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(2).map(\.key)
        var seen: Set<String> = []
        var names: [String] = []
        for mention in article.mentions.sorted(by: { $0.start < $1.start }) where main.contains(mention.entity) && seen.insert(mention.entity).inserted {
            names.append(mention.entity)
        }
        return names
    }
}
