import DossierCore

/// Cuts UTF-8 text into tokens the way CoNLL-2003 and the Penn Treebank cut
/// news, so the tagger sees at run time what it saw in training:
///
/// - possessives and clitics split off: "Pakistan's" -> "Pakistan" "'s",
///   "don't" -> "do" "n't" (curly apostrophes too), but "O'Brien" stays whole;
/// - hyphenated words stay whole ("Bangladesh-based", "anti-India"): the rules
///   layer looks inside them, and CoNLL keeps them whole;
/// - numbers keep their inner punctuation ("3.5", "1,000", "10:30", "22/08");
/// - a full stop stays on abbreviations ("Mr.", "Gen.", "U.S.", "e.g.") and
///   initials ("J."), so the sentence splitter need not guess about them;
/// - every other punctuation mark is its own token ("..." and "--" are one).
enum Tokenizer {
    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { tokenize($0) }
    }

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var index = 0
        var wordEndIndex = -1
        while index < bytes.count {
            let (kind, width) = ScalarClass.at(index, in: bytes)
            switch kind {
            case .space, .newline:
                index += width
            case .letter:
                let end = wordEnd(bytes, from: index)
                tokens.append(Token(range: index..<end))
                index = end
                wordEndIndex = end
            case .symbol:
                let end = symbolEnd(bytes, from: index, width: width, afterWord: wordEndIndex == index)
                tokens.append(Token(range: index..<end))
                index = end
            }
        }
        return tokens
    }

    /// The end of the word starting at `start`.
    private static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        var index = start
        while true {
            // ASCII letters and digits, most of any news text, without the
            // general classification.
            while index < count, TextBytes.isASCIIWordByte(bytes[index]) { index += 1 }
            while index < count {
                let (kind, width) = ScalarClass.at(index, in: bytes)
                guard kind == .letter else { break }
                index += width
            }
            guard index < count else { return index }
            let byte = bytes[index]
            let previous = bytes[index - 1]
            let next: UInt8 = index + 1 < count ? bytes[index + 1] : 0
            switch byte {
            case UInt8(ascii: "."):
                if index - start == 1 && isASCIILetter(previous) {
                    if let end = initialsEnd(bytes, afterLetter: index) {
                        // "U.S.-based" is one hyphenated word, like "Bangladesh-based".
                        guard end < count, bytes[end] == UInt8(ascii: "-"), ScalarClass.isLetter(at: end + 1, in: bytes) else { return end }
                        index = end + 1
                        continue
                    }
                }
                if isASCIIDigit(previous) && isASCIIDigit(next) { index += 1; continue }
                // Domain names ("dawn.com") but not a missing space ("end.The").
                if isASCIILower(previous) && isASCIILower(next) && isDomainLike(bytes, start, index) { index += 1; continue }
                guard index - start <= Abbreviations.longestAbbreviation else { return index }
                let word = Array(bytes[start..<index])
                if Abbreviations.titles.contains(word) { return index + 1 }
                if Abbreviations.beforeNumbers.contains(word) {
                    return followedByNumber(bytes, index + 1) ? index + 1 : index
                }
                if Abbreviations.others.contains(word) { return index + 1 }
                return index
            case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "/"):
                if isASCIIDigit(previous) && isASCIIDigit(next) { index += 1; continue }
                return index
            case UInt8(ascii: "-"):
                if ScalarClass.isLetter(at: index + 1, in: bytes) { index += 1; continue }
                return index
            case UInt8(ascii: "&"):
                // "AT&T", "S&P", "M&A"
                if isASCIIUpper(previous) && isASCIIUpper(next) { index += 1; continue }
                return index
            case UInt8(ascii: "'"), 0xE2:
                // ' and ’; any other scalar starting E2 is punctuation that ends the word.
                if byte == 0xE2 && !(next == 0x80 && index + 2 < count && bytes[index + 2] == 0x99) { return index }
                switch apostropheInWord(bytes, start: start, at: index, width: byte == 0xE2 ? 3 : 1) {
                case .endWord(let end): return end
                case .continueWord(let next): index = next
                }
            default:
                return index
            }
        }
    }

    private enum ApostropheDecision {
        case endWord(at: Int)
        case continueWord(from: Int)
    }

    /// Decides what an apostrophe inside a word does: the word stops at it or
    /// before it when a clitic follows ("Pakistan|'s", "do|n't"), and goes on
    /// when the apostrophe belongs to a name ("O'Brien", "d'Ivoire").
    private static func apostropheInWord(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, at index: Int, width: Int) -> ApostropheDecision {
        let after = index + width
        guard ScalarClass.isLetter(at: after, in: bytes) else { return .endWord(at: index) }
        let cliticEnd = asciiLettersEnd(bytes, from: after)
        let isWordEnd = !ScalarClass.isLetter(at: cliticEnd, in: bytes)
        if isWordEnd {
            let clitic = lowercased(bytes, after..<cliticEnd)
            if clitic == "t", index - 1 >= start, asciiLowercased(bytes[index - 1]) == UInt8(ascii: "n") {
                // "n't" is the token: "don't" -> "do" "n't"; a bare "n't" ends after the t.
                return .endWord(at: index - 1 == start ? cliticEnd : index - 1)
            }
            if ["s", "re", "ve", "ll", "d", "m"].contains(clitic) { return .endWord(at: index) }
        }
        return .continueWord(from: after)
    }

    /// "J." is an initial; "U.S." and "e.g." are letters and stops in pairs.
    /// A lone lower-case letter and a stop ("vitamin a.") are left alone.
    private static func initialsEnd(_ bytes: UnsafeBufferPointer<UInt8>, afterLetter dot: Int) -> Int? {
        var end = dot + 1
        var pairs = 0
        while end + 1 < bytes.count, isASCIILetter(bytes[end]), bytes[end + 1] == UInt8(ascii: "."),
              !ScalarClass.isLetter(at: end + 2, in: bytes) {
            end += 2
            pairs += 1
        }
        if pairs == 0 {
            guard isASCIIUpper(bytes[dot - 1]) else { return nil }
            if ScalarClass.isLetter(at: end, in: bytes) { return nil }  // "A.Smith": leave to the word rules
        }
        return end
    }

    private static func isDomainLike(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ dot: Int) -> Bool {
        let end = asciiLettersEnd(bytes, from: dot + 1)
        let suffix = lowercased(bytes, (dot + 1)..<end)
        return ["com", "org", "net", "gov", "edu", "pk", "bd", "in", "uk", "io", "int", "mil"].contains(suffix)
            && !ScalarClass.isLetter(at: end, in: bytes)
    }

    private static func followedByNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var index = index
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        return index < bytes.count && isASCIIDigit(bytes[index])
    }

    private static func asciiLettersEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var end = index
        while end < bytes.count, isASCIILetter(bytes[end]) { end += 1 }
        return end
    }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map(asciiLowercased), as: UTF8.self)
    }

    /// The end of the punctuation token starting at `start`.
    private static func symbolEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, width: Int, afterWord: Bool) -> Int {
        let byte = bytes[start]
        // A clitic after a word: "Pakistan" then "'s" / "’s".
        let apostropheWidth = byte == UInt8(ascii: "'") ? 1
            : (byte == 0xE2 && width == 3 && bytes[start + 1] == 0x80 && bytes[start + 2] == 0x99) ? 3 : 0
        if apostropheWidth > 0, afterWord {
            let after = start + apostropheWidth
            let end = asciiLettersEnd(bytes, from: after)
            if end > after, !ScalarClass.isLetter(at: end, in: bytes),
               ["s", "re", "ve", "ll", "d", "m"].contains(lowercased(bytes, after..<end)) {
                return end
            }
        }
        // Runs: "...", "--", "!!", "??"
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "`") {
            var end = start + 1
            while end < bytes.count, bytes[end] == byte { end += 1 }
            return end
        }
        return start + width
    }
}
