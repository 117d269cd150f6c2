/// Cuts a tokenized text into lines (at "\n") and says what each line is
/// (`LineKind`), from its own tokens only: how it ends, where its numbers
/// are, and whether its capitalised words are common lower-case words
/// (`CommonWords`, the lower-case words of a dictionary), which is what
/// headline casing does and names do not.
enum LineClassifier {
    /// The lines of `tokens` in `bytes`, in order; lines without tokens are skipped.
    static func lines(_ tokens: [Token], in bytes: [UInt8]) -> [TextLine] {
        guard !tokens.isEmpty else { return [] }
        return bytes.withUnsafeBufferPointer { bytes in
            var lines: [TextLine] = []
            var start = 0
            for index in 1..<tokens.count
            where hasNewline(bytes, from: tokens[index - 1].range.upperBound, to: tokens[index].range.lowerBound) {
                lines.append(TextLine(tokens: start..<index, kind: kind(of: start..<index, tokens, bytes)))
                start = index
            }
            lines.append(TextLine(tokens: start..<tokens.count, kind: kind(of: start..<tokens.count, tokens, bytes)))
            return lines
        }
    }

    /// The kind of one line of at least one token.
    static func kind(of line: Range<Int>, _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> LineKind {
        var words = 0, capitalised = 0, numbers = 0
        for index in line {
            let range = tokens[index].range
            let first = bytes[range.lowerBound]
            if isASCIIDigit(first) {
                numbers += 1
            } else if isASCIILower(first) {
                words += 1
            } else if startsWithCapital(bytes, at: range.lowerBound) {
                words += 1
                capitalised += 1
            }
        }
        // A full stop makes a sentence, unless nearly every word is capitalised:
        // web pages print title-cased headlines with one ("Pence Gives GOP A
        // Boost With Solid Debate Win Over Kaine."), which the checks below tell.
        var titleCased = words >= 5 && capitalised * 10 >= words * 9
        if !titleCased, words >= 5, capitalised * 10 >= words * 6, bytes[tokens[line.lowerBound].range.lowerBound] != UInt8(ascii: "(") {
            // Title case leaves its minor words in lower case ("Poll: Wealthy
            // Voters Abandon Republican Party for Hillary Clinton."): counted
            // without them, only for lines already mostly capitalised. A line
            // in brackets is a credit ("(Reporting by …; Editing by ….)"), not a title.
            let minor = line.count { index in
                let range = tokens[index].range
                return range.count <= 5 && isASCIILower(bytes[range.lowerBound])
                    && HeadlineRule.minorWords.contains(Array(bytes[range]))
            }
            let counted = words - minor
            titleCased = counted >= 5 && capitalised * 10 >= counted * 9
        }
        if !titleCased && endsLikeSentence(line, tokens, bytes) { return .prose }
        if words > 8 && Double(capitalised) < 0.6 * Double(words) { return .prose }
        // "By Nadim Ladki", "BY ..."
        if words >= 2, isBy(tokens[line.lowerBound].range, bytes) { return .byline }
        let last = lastWordToken(line, tokens, bytes)
        if words <= 6, let last, isDate(tokens[last].range, bytes) { return .dateline }
        // Asked only of lines that are not prose: a dictionary look-up per capitalised word.
        var capitalisedCommon = 0
        for index in line {
            let range = tokens[index].range
            if range.count > 1, startsWithCapital(bytes, at: range.lowerBound), CommonWords.words.contains(bytes[range].map(asciiLowercased)) {
                capitalisedCommon += 1
            }
        }
        // Every capital a common word ("Unlock left: 0", "Most Popular"): no name in sight.
        if capitalisedCommon > 0 && capitalisedCommon == capitalised { return .headline }
        if startsWithListMarker(line, tokens, bytes) || (last.map { isASCIIDigit(bytes[tokens[$0].range.lowerBound]) } ?? false) {
            return .dataRow
        }
        // Headline casing capitalises mostly common words; a list of names
        // has a few that are also words ("Tiger Woods", "Green").
        if capitalisedCommon > 0 && capitalisedCommon * 5 >= capitalised * 2 { return .headline }
        if words >= 2, words <= 4, capitalised == words, numbers == 0 { return .byline }
        return .fragment
    }

    /// Ends with ".", "!", "?", "…" (or an abbreviation's stop), closing quotes and brackets aside.
    private static func endsLikeSentence(_ line: Range<Int>, _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = line.upperBound - 1
        while index > line.lowerBound, SentenceSplitter.isCloser(tokens[index].range, bytes) { index -= 1 }
        let range = tokens[index].range
        if SentenceSplitter.isTerminal(range, bytes) { return true }
        // "Inc." or "U.S." ending the line; a closer alone ("(W. Hegg 54)") does not end a sentence.
        return range.count > 1 && bytes[range.upperBound - 1] == UInt8(ascii: ".") && !isASCIIDigit(bytes[range.lowerBound])
    }

    /// The last token that is a word or number, skipping punctuation.
    private static func lastWordToken(_ line: Range<Int>, _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = line.upperBound - 1
        while index >= line.lowerBound {
            let first = bytes[tokens[index].range.lowerBound]
            if isASCIIDigit(first) || isASCIILower(first) || startsWithCapital(bytes, at: tokens[index].range.lowerBound) { return index }
            index -= 1
        }
        return nil
    }

    /// "1996-12-06", "06/12/1996": digits with two separators.
    private static func isDate(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard range.count >= 6, isASCIIDigit(bytes[range.lowerBound]) else { return false }
        var separators = 0
        for byte in bytes[range] {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") { separators += 1 }
            else if !isASCIIDigit(byte) { return false }
        }
        return separators == 2
    }

    /// "1.", "2)", "3 -", "*", "•" before the first word.
    private static func startsWithListMarker(_ line: Range<Int>, _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = tokens[line.lowerBound].range
        let byte = bytes[first.lowerBound]
        if first.count == 1, byte == UInt8(ascii: "*") || byte == UInt8(ascii: "-") { return line.count > 1 }
        if first.count == 3, byte == 0xE2, bytes[first.lowerBound + 1] == 0x80, bytes[first.lowerBound + 2] == 0xA2 { return line.count > 1 }  // •
        guard isASCIIDigit(byte), first.count <= 4 else { return false }
        // "1." kept whole by the tokenizer, or "1" then "." / ")" / "-".
        if bytes[first.upperBound - 1] == UInt8(ascii: ".") { return true }
        guard line.count > 1 else { return false }
        let next = tokens[line.lowerBound + 1].range
        let mark = bytes[next.lowerBound]
        return next.count == 1 && (mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") || mark == UInt8(ascii: "-"))
    }

    private static func isBy(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.count == 2 && bytes[range.lowerBound] | 0x20 == UInt8(ascii: "b") && bytes[range.lowerBound + 1] | 0x20 == UInt8(ascii: "y")
    }

    private static func hasNewline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            if bytes[index] == 0x0A { return true }
            index += 1
        }
        return false
    }
}
