/// Names inside hyphenated words. The tokenizer keeps "Pakistan-Bangladesh",
/// "Bangladesh-based", "anti-India" and "Pakistan-origin" whole, as CoNLL does;
/// an analyst still wants each country in them as a mention, with the bytes of
/// that part only:
///
///     Pakistan-Bangladesh  -> Pakistan (bytes 0..<8), Bangladesh (9..<19)
///     Bangladesh-based     -> Bangladesh
///     anti-India           -> India
///
/// Parts are tried longest first, so "Jammu-Kashmir" stays one name when a
/// gazetteer knows it. Only capitalised parts are looked up ("based",
/// "origin", "anti" never are). Runs only on tokens no longer name covered.
enum HyphenatedWordRule {
    /// The most parts one name spans ("Bab-el-Mandeb").
    static let longestRun = 4

    /// The byte ranges of the parts of `token`, split at ASCII hyphens; empty
    /// when the token has no hyphen.
    static func parts(of token: Range<Int>, in bytes: [UInt8]) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = token.lowerBound
        for index in token where bytes[index] == UInt8(ascii: "-") {
            if index > start { parts.append(start..<index) }
            start = index + 1
        }
        guard !parts.isEmpty || start != token.lowerBound else { return [] }
        if start < token.upperBound { parts.append(start..<token.upperBound) }
        return parts.count > 1 ? parts : []
    }

    /// Whether the token's bytes hold an ASCII hyphen (the rule has work there).
    @inline(__always)
    static func hasHyphen(_ token: Range<Int>, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            for index in token where bytes[index] == UInt8(ascii: "-") { return true }
            return false
        }
    }

    /// Candidates for the names in the parts of token `index`. `lookup` is
    /// asked about the byte range of one part or of a run of parts (possessive
    /// already trimmed) and answers with the candidate it names, if any.
    static func candidates(in text: TokenizedText, token index: Int,
                           lookup: (Range<Int>) -> Candidate?) -> [Candidate] {
        let parts = parts(of: text.tokens[index].range, in: text.bytes)
        guard !parts.isEmpty else { return [] }
        var found: [Candidate] = []
        var first = 0
        while first < parts.count {
            var matched = false
            // Longest run of parts first; a run never spans the whole token
            // (the caller already tried the whole token as a name).
            var last = min(parts.count - 1, first + Self.longestRun - 1)
            while last >= first {
                let range = PossessiveRule.trimmed(bytes: parts[first].lowerBound..<parts[last].upperBound, in: text.bytes)
                if isCapitalised(text.bytes[range.lowerBound]), !(first == 0 && last == parts.count - 1),
                   var candidate = lookup(range) {
                    candidate.bytes = range
                    candidate.tokens = index..<(index + 1)
                    found.append(candidate)
                    first = last + 1
                    matched = true
                    break
                }
                last -= 1
            }
            if !matched { first += 1 }
        }
        return found
    }

    private static func isCapitalised(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || byte >= 0xC3
    }
}
