/// What a line of text is, read from its own words: news text as it comes
/// mixes prose with lines that are not sentences, and each reads differently.
///
/// Only `headline` marks capitals that say nothing about names: a headline
/// capitalises common words ("Pakistan and Bangladesh Sign New Defense
/// Pact"). In a byline, a dateline or a row of results the capitals are the
/// names themselves ("Nadim Ladki", "AL-AIN, United Arab Emirates
/// 1996-12-06", "1. Jesper Ronnback (Sweden) 25.76 points").
public enum LineKind: UInt8, Sendable, CaseIterable {
    /// A sentence or paragraph: ends like one, or is mostly lower-case words.
    case prose
    /// Headline casing: a line that does not end like a sentence, with
    /// capitalised words that are common lower-case words elsewhere
    /// ("Sign", "New", "Most Popular").
    case headline
    /// "By Nadim Ladki", or a short line of capitalised words none of which is
    /// a common word ("Nadim Ladki", "Sami Aboudi").
    case byline
    /// A place and a date: "BUCHAREST 1996-08-30", "AL-AIN, United Arab
    /// Emirates 1996-12-06".
    case dateline
    /// A row of a list, table or results: starts with a list marker ("1.",
    /// "2 -", "*") or ends with a number ("Saeed Anwar run out 91",
    /// "Colchester 4 0 3 1 2 4 3").
    case dataRow
    /// Any other line that does not end like a sentence ("Scorers:").
    case fragment

    /// Whether a tagger span on this line needs support from elsewhere
    /// (`HeadlineRule`): only where the casing is a headline's.
    public var capitalisesCommonWords: Bool { self == .headline }
}

/// One line of a tokenized text and its kind.
public struct TextLine: Sendable, Equatable {
    /// Token index range, never empty (a line without tokens is not listed).
    public var tokens: Range<Int>
    public var kind: LineKind

    public init(tokens: Range<Int>, kind: LineKind) {
        self.tokens = tokens
        self.kind = kind
    }
}
