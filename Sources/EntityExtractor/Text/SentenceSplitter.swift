/// Groups tokens into sentences. The tokenizer has already kept the full stop
/// of abbreviations and initials on their word, so a lone "." is nearly always
/// an end; what is left to judge is the abbreviation that ends a sentence
/// ("... to the U.S. The talks ..."), and the lines of news pages that have no
/// punctuation at all: headlines, bylines, datelines.
enum SentenceSplitter {
    static func split(_ tokens: [Token], in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { split(tokens, in: $0) }
    }

    static func split(_ tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard !tokens.isEmpty else { return [] }
        var sentences: [Range<Int>] = []
        var sentenceStart = 0
        var lineStart = 0
        for index in 0..<(tokens.count - 1) {
            let newlines = newlineCount(bytes, from: tokens[index].range.upperBound, to: tokens[index + 1].range.lowerBound)
            if endsSentence(after: index, tokens, bytes, newlines: newlines, lineStart: lineStart) {
                sentences.append(sentenceStart..<(index + 1))
                sentenceStart = index + 1
            }
            if newlines > 0 { lineStart = index + 1 }
        }
        sentences.append(sentenceStart..<tokens.count)
        return sentences
    }

    private static func endsSentence(after index: Int, _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>,
                                     newlines: Int, lineStart: Int) -> Bool {
        if newlines >= 2 { return true }  // a blank line always ends one
        let token = tokens[index].range
        let next = tokens[index + 1].range
        let nextStartsLower = isASCIILower(bytes[next.lowerBound])
        let adjacentNext = token.upperBound == next.lowerBound

        if isTerminal(token, bytes) || (isCloser(token, bytes) && closesTerminal(index, tokens, bytes)) {
            // The end comes after the closing quote or bracket, not before it.
            if adjacentNext && isCloser(next, bytes) { return false }
            return !nextStartsLower
        }
        let endsWithStop = token.count > 1 && bytes[token.upperBound - 1] == UInt8(ascii: ".")
        if endsWithStop {
            let word = token.lowerBound..<(token.upperBound - 1)
            if Abbreviations.isTitle(bytes, word) { return false }
            if word.count == 1 && isASCIIUpper(bytes[word.lowerBound]) { return false }  // an initial
            let nextWord = Array(bytes[next])
            if Abbreviations.sentenceStarters.contains(nextWord) { return true }
            return newlines > 0 && startsWithCapital(bytes, at: next.lowerBound)
        }
        if isDatelineEnd(index, tokens, bytes, lineStart: lineStart) { return true }
        if newlines == 1 {
            // A line without final punctuation: a headline, a byline, a dateline.
            // Hard-wrapped prose continues in lower case or after a comma.
            if nextStartsLower { return false }
            let last = bytes[token.lowerBound]
            if token.count == 1 && [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: "-"),
                                    UInt8(ascii: "&"), UInt8(ascii: "/")].contains(last) {
                return false
            }
            return true
        }
        return false
    }

    /// "NEW DELHI:" or "DHAKA -" opening a paragraph: capitals-only words, then
    /// a colon or a dash. The place is a sentence of its own so the story's first
    /// sentence starts clean.
    private static func isDatelineEnd(_ index: Int, _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, lineStart: Int) -> Bool {
        let token = tokens[index].range
        let mark = bytes[token.lowerBound]
        let isDash = mark == UInt8(ascii: "-") || (mark == 0xE2 && token.count == 3 && bytes[token.lowerBound + 1] == 0x80
            && (bytes[token.lowerBound + 2] == 0x93 || bytes[token.lowerBound + 2] == 0x94))
        guard mark == UInt8(ascii: ":") || isDash, index > lineStart, index - lineStart <= 5 else { return false }
        for word in lineStart..<index {
            let range = tokens[word].range
            if range.count == 1 && bytes[range.lowerBound] == UInt8(ascii: ",") { continue }
            var capitals = 0
            for byte in bytes[range] {
                if isASCIILower(byte) { return false }
                if isASCIIUpper(byte) { capitals += 1 }
            }
            if capitals < 2 { return false }
        }
        return true
    }

    private static func newlineCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if bytes[index] == 0x0A { count += 1 }
            index += 1
        }
        return count
    }

    /// ".", "!", "?", "...", "…" and their CJK and Arabic forms.
    static func isTerminal(_ token: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = bytes[token.lowerBound]
        switch token.count {
        case 1: return false || first == UInt8(ascii: ".") || first == UInt8(ascii: "!") || first == UInt8(ascii: "?")
        case 2:
            let second = bytes[token.lowerBound + 1]
            return (first == 0xD8 && second == 0x9F) || (first == 0xDB && second == 0x94)
                || (first == second && (first == UInt8(ascii: ".") || first == UInt8(ascii: "!") || first == UInt8(ascii: "?")))
        case 3:
            let second = bytes[token.lowerBound + 1], third = bytes[token.lowerBound + 2]
            return (first == 0xE2 && second == 0x80 && third == 0xA6)      // …
                || (first == 0xE3 && second == 0x80 && third == 0x82)      // 。
                || (first == 0xEF && second == 0xBC && (third == 0x81 || third == 0x9F))  // ！ ？
                || (first == second && second == third && (first == UInt8(ascii: ".") || first == UInt8(ascii: "!") || first == UInt8(ascii: "?")))
        default:
            return bytes[token].allSatisfy { $0 == first } && (first == UInt8(ascii: ".") || first == UInt8(ascii: "!") || first == UInt8(ascii: "?"))
        }
    }

    /// Closing quotes and brackets: " ' ) ] ’ ” ».
    static func isCloser(_ token: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = bytes[token.lowerBound]
        if token.count == 1 {
            return first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") || first == UInt8(ascii: ")") || first == UInt8(ascii: "]")
        }
        if token.count == 2 { return first == 0xC2 && bytes[token.lowerBound + 1] == 0xBB }
        return token.count == 3 && first == 0xE2 && bytes[token.lowerBound + 1] == 0x80
            && (bytes[token.lowerBound + 2] == 0x99 || bytes[token.lowerBound + 2] == 0x9D)
    }

    /// Whether the closer at `index` follows, with nothing between, a run of
    /// closers after a terminal mark: `said."` or `(see above.)`.
    private static func closesTerminal(_ index: Int, _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous = index - 1
        while previous >= 0, tokens[previous].range.upperBound == tokens[previous + 1].range.lowerBound {
            if isTerminal(tokens[previous].range, bytes) { return true }
            guard isCloser(tokens[previous].range, bytes) else { return false }
            previous -= 1
        }
        return false
    }
}
