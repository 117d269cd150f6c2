/// One token of the text the tagger scans: a run of ASCII letters, a run of
/// digits (with a letter suffix: "1990s", "28th", "3pm", "Q3"), a punctuation
/// byte, or a run of other (non-ASCII) letters, which never matches anything.
struct TextToken {
    enum Kind: UInt8 { case word, number, punctuation, other }
    /// What follows the digits of a number token.
    enum Suffix: UInt8 { case none, s, ordinal, am, pm, quarterPrefix, fiscalPrefix, other }

    var start: Int
    var end: Int
    var kind: Kind
    var word: TemporalWord?
    /// The digits' value for a number token (at most 9 digits are read).
    var number: Int
    var digits: Int
    var suffix: Suffix
    /// First letter upper case.
    var isCapitalized: Bool
    /// Every letter upper case (and at least two letters).
    var isAllCaps: Bool
    /// Whitespace (or the start of the text) before the token.
    var spaceBefore: Bool
    /// The byte of a punctuation token; dashes and curly quotes are folded to
    /// `-` and `'`.
    var punctuation: UInt8
    /// A sentence boundary (. ! ? or a blank line) comes right before this token.
    var sentenceStart: Bool
    /// 0-based index of the token's sentence.
    var sentence: Int = 0
}

/// Splits UTF-8 text into `TextToken`s in one pass over the bytes.
enum TextTokenizer {
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [TextToken] {
        var tokens: [TextToken] = []
        // News averages a token every 4-5 bytes, punctuation included.
        tokens.reserveCapacity(bytes.count / 3 + 16)
        let vocabulary = TemporalVocabulary.table
        let count = bytes.count
        var index = 0
        var spaceBefore = true
        var sentenceStart = true
        var newlines = 0
        var sentence = -1
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                if byte == 0x0A {
                    newlines += 1
                    if newlines >= 2 { sentenceStart = true }
                }
                spaceBefore = true
                index += 1
                continue
            }
            newlines = 0
            if sentenceStart { sentence += 1 }
            let start = index
            var token = TextToken(start: start, end: start + 1, kind: .punctuation, word: nil, number: 0, digits: 0,
                                  suffix: .none, isCapitalized: false, isAllCaps: false, spaceBefore: spaceBefore,
                                  punctuation: byte, sentenceStart: sentenceStart, sentence: max(sentence, 0))
            if isLetter(byte) || isDigit(byte) {
                var end = index
                while end < count, isLetter(bytes[end]) || isDigit(bytes[end]) { end += 1 }
                token.end = end
                classifyAlphanumeric(&token, bytes, vocabulary)
                index = end
            } else if byte >= 0x80 {
                if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80 {
                    // General Punctuation: dashes (E2 80 90-95), quotes (E2 80 98-9F).
                    let third = bytes[index + 2]
                    token.end = index + 3
                    token.punctuation = (third >= 0x90 && third <= 0x95) ? 0x2D : (third >= 0x98 && third <= 0x9B ? 0x27 : 0x22)
                    index += 3
                } else if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xA0 {
                    // No-break space.
                    spaceBefore = true
                    index += 2
                    continue
                } else {
                    var end = index + 1
                    while end < count, bytes[end] >= 0x80, !(bytes[end] == 0xE2 && end + 1 < count && bytes[end + 1] == 0x80) {
                        end += 1
                    }
                    token.kind = .other
                    token.end = end
                    index = end
                }
            } else {
                index += 1
            }
            tokens.append(token)
            spaceBefore = false
            sentenceStart = token.kind == .punctuation && (byte == 0x2E || byte == 0x21 || byte == 0x3F)
                && !(tokens.count >= 2 && isAbbreviation(tokens[tokens.count - 2]))
        }
        return tokens
    }

    /// A word before a full stop that does not end a sentence: a month or
    /// weekday abbreviation, a single letter ("p.m."), or a title.
    private static func isAbbreviation(_ token: TextToken) -> Bool {
        switch token.word {
        case .monthAbbreviation?, .weekday?: return true
        default: break
        }
        return token.kind == .word && token.end - token.start == 1
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func classifyAlphanumeric(_ token: inout TextToken, _ bytes: UnsafeBufferPointer<UInt8>,
                                             _ vocabulary: [WordKey: TemporalWord]) {
        let start = token.start
        let end = token.end
        var digits = 0
        var value = 0
        while start + digits < end, isDigit(bytes[start + digits]) {
            if digits < 9 { value = value * 10 + Int(bytes[start + digits] - 0x30) }
            digits += 1
        }
        if digits > 0 {
            token.kind = .number
            token.number = value
            token.digits = digits
            if digits < end - start {
                token.suffix = numberSuffix(bytes, from: start + digits, to: end)
            }
            return
        }
        token.kind = .word
        let first = bytes[start]
        token.isCapitalized = first >= 0x41 && first <= 0x5A
        let length = end - start
        if length >= 2 {
            var allCaps = true
            for i in start..<end where bytes[i] >= 0x61 { allCaps = false; break }
            token.isAllCaps = allCaps
        }
        // "Q3", "FY2025", "FY25": a quarter or fiscal year glued to its number.
        if length >= 2, first | 0x20 == 0x71, isDigit(bytes[start + 1]) {
            token.kind = .number
            token.suffix = .quarterPrefix
            token.number = Int(bytes[start + 1] - 0x30)
            token.digits = 1
            if length > 2 { token.suffix = .other }
            return
        }
        // "FY2025", "FY25"
        if length == 4 || length == 6, first | 0x20 == 0x66, bytes[start + 1] | 0x20 == 0x79, isDigit(bytes[start + 2]) {
            var year = 0
            for i in (start + 2)..<end {
                guard isDigit(bytes[i]) else { return }
                year = year * 10 + Int(bytes[i] - 0x30)
            }
            token.kind = .number
            token.suffix = .fiscalPrefix
            token.number = year
            token.digits = length - 2
            return
        }
        guard let key = WordKey(bytes, start, end) else { return }
        token.word = vocabulary[key]
    }

    private static func numberSuffix(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> TextToken.Suffix {
        let length = to - from
        let a = bytes[from] | 0x20
        if length == 1 && a == 0x73 { return .s }
        if length == 2 {
            let b = bytes[from + 1] | 0x20
            switch (a, b) {
            case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): return .ordinal // st nd rd th
            case (0x61, 0x6D): return .am
            case (0x70, 0x6D): return .pm
            default: return .other
            }
        }
        return .other
    }
}
