/// Byte-level classification of UTF-8 text for the hot loops of ingest (word
/// counts, content hashes, shingles): no per-Character `String` work.
///
/// Letters and digits are ASCII letters and digits plus every non-ASCII scalar,
/// except the General Punctuation block (U+2000-U+206F: dashes, curly quotes,
/// ellipsis), whose UTF-8 starts E2 80 or E2 81 and which separates words.
public enum TextBytes {
    @inlinable
    public static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    @inlinable
    public static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Calls `word` with the byte range of each word of `bytes`.
    @inlinable
    public static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ word: (Range<Int>) -> Void) {
        var start = -1
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var isWord: Bool
            var width = 1
            if byte < 0x80 {
                isWord = isASCIIWordByte(byte)
            } else if byte == 0xE2, index + 1 < count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                isWord = false
                width = 3
            } else if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xA0 {
                isWord = false  // no-break space
                width = 2
            } else {
                isWord = true
            }
            if isWord {
                if start < 0 { start = index }
            } else if start >= 0 {
                word(start..<index)
                start = -1
            }
            index += width
        }
        if start >= 0 { word(start..<count) }
    }

    /// Runs `body` on the UTF-8 bytes of `text` without copying when possible.
    @inlinable
    public static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text = text
        return try text.withUTF8(body)
    }
}
