/// "Directorate General of Forces Intelligence (DGFI)": a long form followed by
/// its acronym in parentheses defines the acronym for the whole document, so
/// every other "DGFI" is the same entity, whatever the gazetteer says "DGFI"
/// means elsewhere.
///
/// The long form is found with Schwartz and Hearst's algorithm (2003, "A simple
/// algorithm for identifying abbreviation definitions in biomedical text"):
/// the acronym's letters are matched right to left against the words before
/// the parenthesis, the first letter at the start of a word ("Inter-Services
/// Intelligence (ISI)", "Research and Analysis Wing (R&AW)"). Only a long
/// form that starts with a capital is taken: "(ISI)" after lower-case prose
/// defines nothing.
enum AcronymDefinitionRule {
    struct Definition: Hashable, Sendable {
        /// The acronym as written, its bytes ("DGFI").
        var acronym: [UInt8]
        /// The acronym's token inside the parentheses.
        var acronymToken: Int
        /// The long form's tokens.
        var longForm: Range<Int>
    }

    static func definitions(in text: TokenizedText, facts: TokenFacts) -> [Definition] {
        var found: [Definition] = []
        let tokens = text.tokens
        let bytes = text.bytes
        guard tokens.count >= 4 else { return [] }
        for index in 2..<(tokens.count - 1) {
            guard isByte(bytes, tokens[index - 1].range, "("), isByte(bytes, tokens[index + 1].range, ")"),
                  isAcronym(bytes[tokens[index].range]) else { continue }
            let acronym = Array(bytes[tokens[index].range])
            if let longForm = longForm(before: index - 1, acronym: acronym, in: text, facts: facts) {
                found.append(Definition(acronym: acronym, acronymToken: index, longForm: longForm))
            }
        }
        return found
    }

    /// Every token equal to a defined acronym (exact case), other than the definitions' own.
    static func uses(of definitions: [Definition], in text: TokenizedText) -> [(token: Int, definition: Definition)] {
        guard !definitions.isEmpty else { return [] }
        var byAcronym: [[UInt8]: Definition] = [:]
        for definition in definitions where byAcronym[definition.acronym] == nil {
            byAcronym[definition.acronym] = definition
        }
        let own = Set(definitions.map(\.acronymToken))
        var uses: [(token: Int, definition: Definition)] = []
        for (index, token) in text.tokens.enumerated() where !own.contains(index) {
            let length = token.range.count
            let first = text.bytes[token.range.lowerBound]
            guard length >= 2, length <= 10, first >= 0x41, first <= 0x5A,
                  let definition = byAcronym[Array(text.bytes[token.range])] else { continue }
            uses.append((index, definition))
        }
        return uses
    }

    /// Two to ten bytes, starting with a capital, at least half of its letters capitals.
    static func isAcronym(_ token: ArraySlice<UInt8>) -> Bool {
        guard token.count >= 2, token.count <= 10, let first = token.first, first >= 0x41, first <= 0x5A else { return false }
        var upper = 0
        var lower = 0
        for byte in token {
            if byte >= 0x41 && byte <= 0x5A { upper += 1 }
            else if byte >= 0x61 && byte <= 0x7A { lower += 1 }
            else if !(byte >= 0x30 && byte <= 0x39) && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: ".") {
                return false
            }
        }
        return upper >= 2 && lower <= upper
    }

    private static func longForm(before paren: Int, acronym: [UInt8], in text: TokenizedText, facts: TokenFacts) -> Range<Int>? {
        let letters = acronym.filter { isAlphanumeric($0) }.count
        let maxWords = min(letters + 5, letters * 2)
        var first = paren
        let sentence = facts.sentence[max(paren - 1, 0)]
        while first > 0, paren - (first - 1) <= maxWords, facts.sentence[first - 1] == sentence,
              !isBoundary(text.bytes[text.tokens[first - 1].range]) {
            first -= 1
        }
        guard first < paren else { return nil }
        if let range = initialsMatch(acronym, tokens: first..<paren, in: text, facts: facts) { return range }
        let window = text.tokens[first].range.lowerBound..<text.tokens[paren - 1].range.upperBound
        guard let start = schwartzHearstStart(short: acronym, long: Array(text.bytes[window])) else { return nil }
        let startByte = window.lowerBound + start
        guard var startToken = (first..<paren).first(where: { text.tokens[$0].range.upperBound > startByte }) else { return nil }
        // Not past a possessive or other lower-case words: the name starts at a capital.
        while startToken < paren, !facts.shape[startToken].isUpperInitial { startToken += 1 }
        guard startToken < paren else { return nil }
        let range = startToken..<paren
        // Schwartz-Hearst alone takes prose ("U.S. Labour Day holiday and next
        // week (GDRs)") and short cuts ("Bank of Romania (BNR)"): every word
        // of a name is capitalised or minor, and there is a capitalised word
        // (or part of a hyphenated one) for every letter of the acronym.
        var capitalised = 0
        for index in range {
            let word = text.bytes[text.tokens[index].range]
            if facts.shape[index] == .lower {
                guard HeadlineRule.minorWords.contains(word.map(lower)) else { return nil }
            }
            var atStart = true
            for byte in word {
                if atStart, byte >= 0x41, byte <= 0x5A { capitalised += 1 }
                atStart = byte == UInt8(ascii: "-")
            }
        }
        guard capitalised >= letters else { return nil }
        // "Pakistan's Inter-Services Intelligence": a possessive inside the range means
        // the name starts after it.
        if let possessive = range.last(where: { PossessiveRule.isPossessive(text.bytes[text.tokens[$0].range]) }) {
            guard possessive + 1 < paren else { return nil }
            return (possessive + 1)..<paren
        }
        return range
    }

    /// The shortest run of words before the parenthesis whose initials spell the
    /// acronym ("Research and Analysis Wing" for "R&AW", "Inter-Services
    /// Intelligence" for "ISI"); minor words ("of", "and") may be skipped.
    /// Tried before Schwartz-Hearst, which would take "Institute" alone for "ISI".
    private static func initialsMatch(_ acronym: [UInt8], tokens: Range<Int>, in text: TokenizedText, facts: TokenFacts) -> Range<Int>? {
        let letters = acronym.filter(isAlphanumeric).map(lower)
        var initials: [UInt8] = []  // reversed
        for index in tokens.reversed() {
            let word = text.bytes[text.tokens[index].range]
            guard facts.shape[index] != .other else { return nil }
            let lowered = word.map(lower)
            if facts.shape[index] == .lower, HeadlineRule.minorWords.contains(lowered) { continue }
            var parts: [UInt8] = []
            var atStart = true
            for byte in word {
                if byte == UInt8(ascii: "-") { atStart = true; continue }
                if atStart, isAlphanumeric(byte) { parts.append(lower(byte)) }
                atStart = false
            }
            initials.insert(contentsOf: parts, at: 0)
            if initials.count > letters.count { return nil }
            if initials == letters {
                return facts.shape[index].isUpperInitial ? index..<tokens.upperBound : nil
            }
            guard letters.suffix(initials.count).elementsEqual(initials) else { return nil }
        }
        return nil
    }

    /// Offset in `long` where the long form starts, or nil when the letters do not match.
    static func schwartzHearstStart(short: [UInt8], long: [UInt8]) -> Int? {
        var s = short.count - 1
        var l = long.count - 1
        while s >= 0 {
            let c = lower(short[s])
            guard isAlphanumeric(c) else { s -= 1; continue }
            while l >= 0, lower(long[l]) != c || (s == 0 && l > 0 && isAlphanumeric(long[l - 1])) {
                l -= 1
            }
            guard l >= 0 else { return nil }
            l -= 1
            s -= 1
        }
        return l + 1
    }

    private static func isBoundary(_ token: ArraySlice<UInt8>) -> Bool {
        guard token.count == 1, let byte = token.first else { return false }
        return byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ",")
            || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    private static func isByte(_ bytes: [UInt8], _ range: Range<Int>, _ ascii: Unicode.Scalar) -> Bool {
        range.count == 1 && bytes[range.lowerBound] == UInt8(ascii: ascii)
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
