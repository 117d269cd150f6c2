/// A possessive belongs to the sentence, not the name: "Pakistan's" is a
/// mention of "Pakistan". The tokenizer already splits "'s" and "’s" off, so
/// this rule only trims a clitic or a lone apostrophe a tagger span ended on,
/// and the "'s" a hyphenated word's part carries ("Pakistan's-" is rare, but
/// "Bangladesh’s" inside "Bangladesh’s-based" would otherwise miss).
enum PossessiveRule {
    /// `tokens` without trailing possessive tokens ("'s", "’s", "'", "’").
    static func trimmed(_ tokens: Range<Int>, in text: TokenizedText) -> Range<Int> {
        var end = tokens.upperBound
        while end > tokens.lowerBound, isPossessive(text.bytes[text.tokens[end - 1].range]) { end -= 1 }
        return tokens.lowerBound..<end
    }

    /// `bytes` without a trailing "'s", "’s", "'" or "’".
    static func trimmed(bytes range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var end = range.upperBound
        if end - range.lowerBound > 2, bytes[end - 1] | 0x20 == 0x73, bytes[end - 2] == 0x27 { end -= 2 }
        else if end - range.lowerBound > 4, bytes[end - 1] | 0x20 == 0x73, isCurlyApostrophe(bytes, end - 4) { end -= 4 }
        else if end - range.lowerBound > 1, bytes[end - 1] == 0x27 { end -= 1 }
        else if end - range.lowerBound > 3, isCurlyApostrophe(bytes, end - 3) { end -= 3 }
        return range.lowerBound..<end
    }

    static func isPossessive(_ token: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(token)
        switch bytes {
        case [0x27], [0x27, 0x73], [0x27, 0x53], [0xE2, 0x80, 0x99], [0xE2, 0x80, 0x99, 0x73], [0xE2, 0x80, 0x99, 0x53]: return true
        default: return false
        }
    }

    private static func isCurlyApostrophe(_ bytes: [UInt8], _ index: Int) -> Bool {
        index >= 0 && index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
    }
}
