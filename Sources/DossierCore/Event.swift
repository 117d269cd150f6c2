import Foundation

/// Something that happened (or was reported) at a time a text gives: the unit
/// of a timeline.
///
/// An event keeps the precision of the words that dated it: "In April 2025, the
/// two countries resumed talks" is an April 2025 event, never 1 April. Every
/// event lists the sentences it came from, so each line of a timeline can be
/// checked against its sources.
public struct Event: Hashable, Sendable, Codable {
    /// How the date was obtained, strongest first.
    public enum Dating: String, Hashable, Sendable, Codable {
        /// A temporal expression in the sentence ("In April 2025").
        case expression
        /// A trigger with no date of its own, dated from the publication: on
        /// its day for reports and the day's news ("Pakistan said it has
        /// signed"), before it for a past event told later, after it for a
        /// future one (the event's modifier says which).
        case publication
        /// Computed from a date and a duration in the same sentence ("in April
        /// 2025 after a gap of nearly 15 years" puts the previous talks around 2010).
        case arithmetic
        /// The day the story's news happened, from a date in its lead
        /// ("yesterday", "on Wednesday"), for the headline's present and the
        /// lead's present perfect (an undated past is "before" publication).
        case story
    }

    /// Where an event was read: one sentence of one article.
    public struct Source: Hashable, Sendable, Codable {
        public var articleID: Int64?
        public var title: String?
        public var outlet: String?
        public var url: String?
        /// The article's publication date, ISO 8601 at its precision.
        public var published: String?
        /// 1-based sentence number and the sentence's bytes in the article body
        /// (1-based, inclusive: string.sub(body, start, stop)).
        public var sentence: Int
        public var start: Int
        public var stop: Int
        /// The sentence as written.
        public var text: String
        /// The trigger word's bytes in the article body (1-based, inclusive,
        /// like `start`/`stop`); 0 when the event has no single trigger word.
        public var triggerStart: Int
        public var triggerStop: Int

        public init(articleID: Int64?, title: String?, outlet: String?, url: String?, published: String?,
                    sentence: Int, start: Int, stop: Int, text: String, triggerStart: Int = 0, triggerStop: Int = 0) {
            self.triggerStart = triggerStart
            self.triggerStop = triggerStop
            self.articleID = articleID
            self.title = title
            self.outlet = outlet
            self.url = url
            self.published = published
            self.sentence = sentence
            self.start = start
            self.stop = stop
            self.text = text
        }
    }

    /// When, as [start, end) in UTC.
    public var interval: DateInterval
    public var precision: TimeExpression.Precision
    /// APPROX, START, BEFORE... from the dating expression, or APPROX for arithmetic.
    public var modifier: TimeExpression.Modifier?
    /// The date as an analyst reads it, at its precision: "2025-04", "2010s (early)", "~2010".
    public var label: String
    /// The words that dated it ("In April 2025"), or a description of the
    /// arithmetic ("April 2025 - nearly 15 years").
    public var when: String
    public var dating: Dating
    /// The phrase that says what happened ("resumed", "has signed").
    public var trigger: String
    /// The event's tense as the verb group gives it (nil for a noun with no verb of its own).
    public var tense: Tense?
    /// "could fly", "would cost": possible, not reported as having happened.
    public var isHypothetical: Bool

    public enum Tense: String, Hashable, Sendable, Codable {
        case past, present, future
    }
    /// Who and what is involved: canonical entity names, in order of appearance.
    public var entities: [String]
    public var sources: [Source]

    public init(interval: DateInterval, precision: TimeExpression.Precision, modifier: TimeExpression.Modifier?,
                label: String, when: String, dating: Dating, trigger: String, entities: [String], sources: [Source],
                tense: Tense? = nil, isHypothetical: Bool = false) {
        self.tense = tense
        self.isHypothetical = isHypothetical
        self.interval = interval
        self.precision = precision
        self.modifier = modifier
        self.label = label
        self.when = when
        self.dating = dating
        self.trigger = trigger
        self.entities = entities
        self.sources = sources
    }

    /// The first source's sentence: what the timeline shows.
    public var summary: String { sources.first?.text ?? trigger }
}
