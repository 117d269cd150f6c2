import DossierCore
import EntityExtractor

/// A text as the attribution rules read it: tokens with their lower-cased
/// words, the sentence of each token, and the quotation marks paired up.
struct ClaimText {
    enum Quote { case none, open, close }

    let tokenized: TokenizedText
    let words: [String]
    let quotes: [Quote]
    let sentenceOf: [Int]
    /// For each token, the quotation (open token, close token) it opens or closes, if paired.
    private(set) var quotationAt: [Int: (open: Int, close: Int)] = [:]
    /// For each token, whether it lies between a paired opening and closing mark.
    private(set) var insideQuotation: [Bool] = []
    var bytes: [UInt8] { tokenized.bytes }
    var count: Int { words.count }

    init(_ tokenized: TokenizedText) {
        self.tokenized = tokenized
        let bytes = tokenized.bytes
        var words: [String] = []
        var quotes: [Quote] = []
        words.reserveCapacity(tokenized.tokens.count)
        quotes.reserveCapacity(tokenized.tokens.count)
        for (index, token) in tokenized.tokens.enumerated() {
            words.append(Self.lowercased(bytes[token.range]))
            var quote = Self.quote(token.range, in: bytes)
            if bytes[token.range] == [0x27], index > 0, tokenized.tokens[index - 1].range.upperBound == token.range.lowerBound,
               bytes[tokenized.tokens[index - 1].range] == [0x27], let first = quotes.last {
                quote = first
            }
            // Two apostrophes in a row are a straight double quote (some newspapers' style).
            if bytes[token.range] == [0x27], index + 1 < tokenized.tokens.count,
               tokenized.tokens[index + 1].range.lowerBound == token.range.upperBound, bytes[tokenized.tokens[index + 1].range] == [0x27] {
                quote = Self.quote(token.range.lowerBound..<(token.range.lowerBound + 1), in: bytes, straight: 0x27)
            }
            quotes.append(quote)
        }
        self.words = words
        self.quotes = quotes
        var sentenceOf = [Int](repeating: 0, count: tokenized.tokens.count)
        for (number, range) in tokenized.sentences.enumerated() {
            for index in range { sentenceOf[index] = number }
        }
        self.sentenceOf = sentenceOf
        pairQuotations()
    }

    func span(_ tokens: Range<Int>) -> ByteSpan {
        tokenized.tokens[tokens.lowerBound].range.lowerBound..<tokenized.tokens[tokens.upperBound - 1].range.upperBound
    }

    /// Whether two byte offsets lie in the same sentence.
    func sameSentence(_ first: Int, _ second: Int) -> Bool {
        guard let a = token(at: first), let b = token(at: second) else { return false }
        return sentenceOf[a] == sentenceOf[b]
    }

    /// The token holding or following byte `offset` (binary search; tokens are in text order).
    func token(at offset: Int) -> Int? {
        var low = 0, high = tokenized.tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokenized.tokens[middle].range.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < tokenized.tokens.count ? low : nil
    }

    func isPunctuation(_ index: Int) -> Bool {
        guard let first = words[index].utf8.first else { return true }
        return !(TextClass.isWordByte(first))
    }

    /// Whether the token begins with an upper-case ASCII letter.
    func isCapitalized(_ index: Int) -> Bool {
        let first = bytes[tokenized.tokens[index].range.lowerBound]
        return first >= 0x41 && first <= 0x5A
    }

    /// Whether a blank line lies between two tokens (a paragraph break).
    func paragraphBreak(between left: Int, and right: Int) -> Bool {
        var newlines = 0
        for byte in bytes[tokenized.tokens[left].range.upperBound..<tokenized.tokens[right].range.lowerBound] where byte == 0x0A {
            newlines += 1
        }
        return newlines >= 2
    }

    /// Pairs each opening mark with the next closing one; a second opening
    /// before any close starts over, so an unclosed quote never swallows text.
    private mutating func pairQuotations() {
        var open: Int?
        insideQuotation = [Bool](repeating: false, count: quotes.count)
        for index in 0..<quotes.count {
            switch quotes[index] {
            case .open: open = index
            case .close:
                if let start = open, index - start < 400 {
                    quotationAt[start] = (start, index)
                    quotationAt[index] = (start, index)
                    for inside in (start + 1)..<index { insideQuotation[inside] = true }
                }
                open = nil
            case .none: break
            }
        }
    }

    private static func lowercased(_ slice: ArraySlice<UInt8>) -> String {
        var ascii = true
        for byte in slice where byte >= 0x80 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: slice.count) { buffer in
                var index = 0
                for byte in slice {
                    buffer[index] = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
                    index += 1
                }
                return slice.count
            }
        }
        return String(decoding: slice, as: UTF8.self).lowercased()
    }

    /// Curly marks say which way they face; a straight mark opens after a
    /// space, a line start or a bracket, and closes elsewhere.
    private static func quote(_ range: Range<Int>, in bytes: [UInt8], straight: UInt8 = 0x22) -> Quote {
        let length = range.count
        if length == 3, bytes[range.lowerBound] == 0xE2, bytes[range.lowerBound + 1] == 0x80 {
            switch bytes[range.lowerBound + 2] {
            case 0x9C: return .open   // “
            case 0x9D: return .close  // ”
            default: return .none
            }
        }
        if length == 2, bytes[range.lowerBound] == 0xC2 {
            if bytes[range.lowerBound + 1] == 0xAB { return .open }   // «
            if bytes[range.lowerBound + 1] == 0xBB { return .close }  // »
        }
        if length == 1, bytes[range.lowerBound] == straight {
            guard range.lowerBound > 0 else { return .open }
            switch bytes[range.lowerBound - 1] {
            case 0x20, 0x0A, 0x09, 0x0D, 0x28, 0x5B, 0x3A: return .open
            default: return .close
            }
        }
        return .none
    }
}

/// Byte classes the rules need (letters and digits of any script count as word bytes).
enum TextClass {
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0xC3 && byte != 0xE2)
    }
}
