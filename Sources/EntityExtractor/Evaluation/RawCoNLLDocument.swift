/// A CoNLL document as a user would have it: the text the tokens came from,
/// printed the way news prints it, with the byte range of every gold token.
///
/// Each CoNLL sentence becomes one line (the headline, the dateline, then the
/// body, one sentence a line as Reuters laid out its paragraphs). Spaces go
/// where news text has them: none before closing punctuation and clitics
/// ("Pakistan's", "said,", "(Sweden)", "25%"), none after opening brackets or a
/// currency sign ("$1.5"). A straight double quote closes after sentence
/// punctuation (`retiring," Duran said`), opens at the start of a line or
/// after a colon, and otherwise alternates through the document, since a
/// quotation often runs over several of CoNLL's sentences. Every other pair of tokens keeps one
/// space, so dashes stay spaced (" - ") and no two words are ever glued.
public struct RawCoNLLDocument: Sendable {
    /// The raw text.
    public let text: String
    /// The 0-based, half-open byte range of each gold token in `text`, in the
    /// document's token order (sentences laid end to end, as `Document.entities`).
    public let tokenRanges: [Range<Int>]
    /// Gold entities, indices into `tokenRanges`.
    public let entities: [TaggedSpan]

    public init(_ document: CoNLLCorpus.Document) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var quoteOpen = false
        for sentence in document.sentences where !sentence.words.isEmpty {
            if !bytes.isEmpty { bytes.append(0x0A) }
            var previous: String?
            for word in sentence.words {
                let isQuote = word == "\""
                if isQuote {
                    if let previous, Self.closesQuote.contains(previous) { quoteOpen = true }
                    else if previous == nil || previous == ":" { quoteOpen = false }
                }
                if let previous, Self.spaceBetween(previous, word, quoteOpen: quoteOpen, previousWasOpeningQuote: previous == "\"" && quoteOpen) {
                    bytes.append(0x20)
                }
                if isQuote { quoteOpen.toggle() }
                let start = bytes.count
                bytes.append(contentsOf: word.utf8)
                ranges.append(start..<bytes.count)
                previous = word
            }
        }
        text = String(decoding: bytes, as: UTF8.self)
        tokenRanges = ranges
        entities = document.entities
    }

    private static let attachesLeft: Set<String> = [
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...",
        "'s", "'S", "'", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'RE", "'VE", "'LL", "'D", "'M",
    ]
    /// After these a quote closes.
    private static let closesQuote: Set<String> = [",", ".", "?", "!", "..."]
    private static let attachesRight: Set<String> = ["(", "[", "{", "$", "US$", "`", "``"]

    /// Whether news text puts a space between `previous` and `word`.
    /// `quoteOpen` is true when a double quote is open before `word`.
    static func spaceBetween(_ previous: String, _ word: String, quoteOpen: Bool, previousWasOpeningQuote: Bool) -> Bool {
        if previousWasOpeningQuote { return false }
        if attachesRight.contains(previous) { return false }
        if word == "\"" { return !quoteOpen }  // a closing quote attaches left
        if attachesLeft.contains(word) { return false }
        return true
    }

    /// The gold entities over the tokens of `tokenized`, a tokenization of
    /// `text` by someone else (the extractor's tokenizer): an entity maps to
    /// the tokens whose bytes lie inside its own, and is dropped (returned in
    /// `unmapped`) when no token starts where it starts or ends where it ends.
    public func entities(over tokenized: TokenizedText) -> (spans: [TaggedSpan], unmapped: Int) {
        var startIndex: [Int: Int] = [:]
        var endIndex: [Int: Int] = [:]
        for (index, token) in tokenized.tokens.enumerated() {
            startIndex[token.range.lowerBound] = index
            endIndex[token.range.upperBound] = index
        }
        var spans: [TaggedSpan] = []
        var unmapped = 0
        for entity in entities {
            let bytes = tokenRanges[entity.tokens.lowerBound].lowerBound..<tokenRanges[entity.tokens.upperBound - 1].upperBound
            guard let first = startIndex[bytes.lowerBound], let last = endIndex[bytes.upperBound], first <= last else {
                unmapped += 1
                continue
            }
            spans.append(TaggedSpan(tokens: first..<(last + 1), label: entity.label))
        }
        return (spans, unmapped)
    }

    /// The gold tokens a byte range covers exactly (starting at one token's
    /// first byte and ending at another's last), or nil.
    func goldTokens(covering bytes: Range<Int>, startIndex: [Int: Int], endIndex: [Int: Int]) -> Range<Int>? {
        guard let first = startIndex[bytes.lowerBound], let last = endIndex[bytes.upperBound], first <= last else { return nil }
        return first..<(last + 1)
    }
}
