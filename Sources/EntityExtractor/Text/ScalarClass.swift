import DossierCore

/// What one UTF-8 scalar is to the tokenizer, read from its bytes without
/// decoding to `Character` (grapheme breaking would cost more than the whole
/// tagger).
///
/// Any non-ASCII scalar counts as a letter unless it sits in a block of
/// punctuation, spaces or symbols, so Cyrillic, Arabic and CJK words survive as
/// words and curly quotes, dashes and emoji separate them. Malformed bytes are
/// one-byte symbols: garbage in gives garbage tokens, never a crash.
enum ScalarClass: UInt8 {
    case space
    case newline
    case letter
    case symbol

    /// The class and byte width of the scalar starting at `index` (< `bytes.count`).
    @inline(__always)
    static func at(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (ScalarClass, Int) {
        let lead = bytes[index]
        if lead < 0x80 {
            if lead == 0x0A { return (.newline, 1) }
            if lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) { return (.space, 1) }
            if TextBytes.isASCIIWordByte(lead) { return (.letter, 1) }
            return (.symbol, 1)
        }
        let width: Int
        switch lead {
        case 0xC2...0xDF: width = 2
        case 0xE0...0xEF: width = 3
        case 0xF0...0xF4: width = 4
        default: return (.symbol, 1)
        }
        guard index + width <= bytes.count else { return (.symbol, 1) }
        for offset in 1..<width where bytes[index + offset] & 0xC0 != 0x80 {
            return (.symbol, 1)
        }
        let second = bytes[index + 1]
        switch width {
        case 2:
            if lead == 0xC2 {
                if second == 0xA0 { return (.space, 2) }       // no-break space
                if second == 0x85 { return (.newline, 2) }     // next line
                // Latin-1 punctuation and signs (« » ¿ ¡ § ° £), but µ ª º are letters.
                if second >= 0xA1 && second != 0xB5 && second != 0xAA && second != 0xBA { return (.symbol, 2) }
                return (.letter, 2)
            }
            if lead == 0xC3 && (second == 0x97 || second == 0xB7) { return (.symbol, 2) }  // × ÷
            if lead == 0xD8 && (second == 0x8C || second == 0x9B || second == 0x9F) { return (.symbol, 2) }  // Arabic , ; ?
            if lead == 0xDB && second == 0x94 { return (.symbol, 2) }  // Arabic full stop
            if lead == 0xD5 && second >= 0x99 && second <= 0x9F { return (.symbol, 2) }  // Armenian punctuation
            return (.letter, 2)
        case 3:
            let third = bytes[index + 2]
            if lead == 0xE2 {
                if second == 0x80 {
                    if second == 0x80 && (third <= 0x8B || third == 0xAF) { return (.space, 3) }
                    if third == 0xA8 || third == 0xA9 { return (.newline, 3) }  // line and paragraph separators
                    return (.symbol, 3)
                }
                if second == 0x81 && third == 0x9F { return (.space, 3) }
                // General punctuation through supplemental punctuation (U+2040-2E7F):
                // arrows, maths, boxes, dingbats, currency. Letterlike symbols
                // (U+2100-214F) count too; "℃" inside a word helps nobody.
                if second <= 0xB7 || second == 0xB8 || second == 0xB9 { return (.symbol, 3) }
                return (.letter, 3)
            }
            if lead == 0xE3 && second == 0x80 {
                return third == 0x80 ? (.space, 3) : (.symbol, 3)  // ideographic space, CJK punctuation
            }
            if lead == 0xEF {
                if second == 0xBB && third == 0xBF { return (.space, 3) }  // byte-order mark
                if second == 0xB8 && third >= 0x80 && third <= 0x8F { return (.symbol, 3) }  // variation selectors
                if second == 0xBC && ((third >= 0x81 && third <= 0x8F) || (third >= 0x9A && third <= 0xA0) || third >= 0xBB) { return (.symbol, 3) }
                if second == 0xBD && ((third >= 0x9B && third <= 0xA5)) { return (.symbol, 3) }  // fullwidth punctuation
            }
            return (.letter, 3)
        default:
            if lead == 0xF0 && (second == 0x9F) { return (.symbol, 4) }  // emoji and pictographs
            return (.letter, 4)
        }
    }

    @inline(__always)
    static func isLetter(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        index < bytes.count && at(index, in: bytes).0 == .letter
    }
}

@inline(__always) func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
@inline(__always) func isASCIIUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
@inline(__always) func isASCIILower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
@inline(__always) func isASCIILetter(_ byte: UInt8) -> Bool { isASCIIUpper(byte) || isASCIILower(byte) }
@inline(__always) func asciiLowercased(_ byte: UInt8) -> UInt8 { isASCIIUpper(byte) ? byte | 0x20 : byte }

/// Whether the scalar at `index` starts with a capital: ASCII, Latin-1 (À-Þ),
/// Greek and Cyrillic capitals. Scripts without case answer false.
@inline(__always)
func startsWithCapital(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let lead = bytes[index]
    if lead < 0x80 { return isASCIIUpper(lead) }
    guard index + 1 < bytes.count else { return false }
    let second = bytes[index + 1]
    switch lead {
    case 0xC3: return second >= 0x80 && second <= 0x9E && second != 0x97
    case 0xCE: return second >= 0x91 && second <= 0xA9
    case 0xD0: return second >= 0x80 && second <= 0xAF
    default: return false
    }
}
