/// UTF-16 bytes to UTF-8, a chunk at a time: a chunk may end inside a code
/// unit or between the two halves of a surrogate pair, and the next chunk
/// carries on. Streaming feed ingest uses it so that the item gate, which
/// lexes ASCII-compatible markup, also bounds the items of UTF-16 feeds.
/// Invalid code units (a lone surrogate, a trailing odd byte) become U+FFFD,
/// as `TextDecoding` does for whole files.
struct UTF16StreamTranscoder {
    let bigEndian: Bool
    /// The first byte of a code unit whose second byte is in the next chunk.
    private var oddByte: UInt8?
    /// A high surrogate waiting for its low half.
    private var highSurrogate: UInt16?

    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// Recognises UTF-16 from a feed's first bytes: a byte-order mark (not
    /// UTF-32's), or, without one, `<` and the character after it as UTF-16
    /// code units (XML 1.0, appendix F). Returns the byte order
    /// and the length of the mark to skip; nil for anything else.
    static func detect(_ prefix: [UInt8]) -> (bigEndian: Bool, markLength: Int)? {
        switch WideEncoding(byteOrderMarkOf: prefix) {
        case .utf16LE: return (false, 2)
        case .utf16BE: return (true, 2)
        case .utf32LE, .utf32BE: return nil
        case nil: break
        }
        guard prefix.count >= 4 else { return nil }
        if prefix[0] == 0x3C, prefix[1] == 0, prefix[2] != 0, prefix[3] == 0 { return (false, 0) }
        if prefix[0] == 0, prefix[1] == 0x3C, prefix[2] == 0, prefix[3] != 0 { return (true, 0) }
        return nil
    }

    /// The UTF-8 of `bytes`, continuing from the previous chunk.
    mutating func transcode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        var index = 0
        if let first = oddByte, !bytes.isEmpty {
            oddByte = nil
            append(unit(first, bytes[0]), to: &out)
            index = 1
        }
        while index + 1 < bytes.count {
            append(unit(bytes[index], bytes[index + 1]), to: &out)
            index += 2
        }
        if index < bytes.count { oddByte = bytes[index] }
        return out
    }

    /// What is left at the end of the input: U+FFFD for a half code unit or
    /// an unpaired high surrogate.
    mutating func finish() -> [UInt8] {
        var out: [UInt8] = []
        if highSurrogate != nil { out += Self.replacement }
        if oddByte != nil { out += Self.replacement }
        highSurrogate = nil
        oddByte = nil
        return out
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private func unit(_ a: UInt8, _ b: UInt8) -> UInt16 {
        bigEndian ? UInt16(a) << 8 | UInt16(b) : UInt16(b) << 8 | UInt16(a)
    }

    private mutating func append(_ unit: UInt16, to out: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let scalar = 0x10000 + (UInt32(high - 0xD800) << 10 | UInt32(unit - 0xDC00))
                Self.encode(scalar, to: &out)
                return
            }
            out += Self.replacement
        }
        switch unit {
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: out += Self.replacement
        default: Self.encode(UInt32(unit), to: &out)
        }
    }

    private static func encode(_ value: UInt32, to out: inout [UInt8]) {
        // Surrogates never get here: they are paired or replaced above.
        guard let scalar = Unicode.Scalar(value) else { return out += replacement }
        UTF8.encode(scalar) { out.append($0) }
    }
}
