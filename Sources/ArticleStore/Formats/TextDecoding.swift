/// Decodes the bytes of an article file into text with LF line endings.
///
/// Captures come from many tools: most write UTF-8, some with a byte-order
/// mark, some UTF-16 or UTF-32 (always with a byte-order mark, which is how
/// they are recognised), and older Windows tools write Windows-1252. A file
/// that is UTF-8 (it holds well-formed multi-byte sequences) with some bad
/// bytes is UTF-8 damaged, not Windows-1252: the bad bytes become U+FFFD and
/// `encodingNote` says so, rather than the whole file turning into mojibake.
/// Anything else is refused with the place of the first bad byte, so the user
/// can find it; guessing would store mojibake that later searches silently miss.
///
/// Offsets in errors count bytes from the start of the file (BOM included),
/// from 0; lines count from 1.
public func decodeArticleText(_ bytes: [UInt8], path: String) throws(IngestError) -> String {
    if let wide = WideEncoding(byteOrderMarkOf: bytes) {
        let text = wide.decode(bytes)
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        guard normalized.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw IngestError(path: path, reason: "empty file")
        }
        return normalized
    }
    let bomLength = bytes.starts(with: utf8ByteOrderMark) ? utf8ByteOrderMark.count : 0
    // A slice keeps the file's own offsets as indices, which the errors report.
    let content = bytes[bomLength...]
    guard !content.isEmpty else { throw IngestError(path: path, reason: "empty file") }
    if let nulOffset = content.firstIndex(of: 0) {
        throw IngestError(path: path, reason: "binary file (NUL byte at offset \(nulOffset))")
    }
    let malformedOffset = firstMalformedUTF8Offset(content)
    // CR and LF are the same bytes in UTF-8 and Windows-1252 and never occur
    // inside a multi-byte sequence, so line endings can be fixed before decoding.
    let unixBytes = normalizingLineEndings(content)
    let text: String
    if malformedOffset != nil && containsMultiByteUTF8(content) {
        text = String(decoding: unixBytes, as: UTF8.self)  // the bad bytes become U+FFFD
    } else if let malformedOffset {
        guard let windowsText = decodeWindows1252(unixBytes) else {
            throw IngestError(path: path, line: lineNumber(atOffset: malformedOffset, in: content),
                              reason: "invalid UTF-8 at byte \(malformedOffset)")
        }
        text = windowsText
    } else {
        text = String(decoding: unixBytes, as: UTF8.self)
    }
    guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
        throw IngestError(path: path, reason: "empty file")
    }
    return text
}

/// What the decoding of a file lost or assumed, for a per-file note; nil for
/// clean UTF-8 (or ASCII). Cheap: one pass over the bytes.
public func encodingNote(for bytes: [UInt8]) -> String? {
    if let wide = WideEncoding(byteOrderMarkOf: bytes) {
        let replaced = wide.decode(bytes).unicodeScalars.filter { $0 == "\u{FFFD}" }.count
        return replaced == 0 ? nil : "decoded lossily: \(replaced) invalid \(wide.name) code unit\(replaced == 1 ? "" : "s") replaced with U+FFFD"
    }
    let bomLength = bytes.starts(with: utf8ByteOrderMark) ? utf8ByteOrderMark.count : 0
    let content = bytes[bomLength...]
    guard let first = firstMalformedUTF8Offset(content) else { return nil }
    guard containsMultiByteUTF8(content) else { return "read as Windows-1252 (not UTF-8)" }
    var bad = 0
    var index = first
    while index < content.endIndex, let next = firstMalformedUTF8Offset(content[index...]) {
        bad += 1
        index = next + 1
    }
    return "decoded lossily: \(bad) invalid UTF-8 byte\(bad == 1 ? "" : "s") replaced with U+FFFD (the first at byte \(first), line \(lineNumber(atOffset: first, in: content)))"
}

/// Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence:
/// then the file was written as UTF-8, whatever else it holds.
private func containsMultiByteUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
        let lead = bytes[index]
        if lead >= 0xC2 && lead <= 0xF4 {
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            if index + length <= bytes.endIndex, firstMalformedUTF8Offset(bytes[index..<(index + length)]) == nil { return true }
        }
        index += 1
    }
    return false
}

/// UTF-16 and UTF-32, recognised by their byte-order mark (without one, a
/// file is read as UTF-8 or Windows-1252).
enum WideEncoding {
    case utf16LE, utf16BE, utf32LE, utf32BE

    init?(byteOrderMarkOf bytes: [UInt8]) {
        // UTF-32LE's mark starts with UTF-16LE's: test it first.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { self = .utf32LE }
        else if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { self = .utf32BE }
        else if bytes.starts(with: [0xFF, 0xFE]) { self = .utf16LE }
        else if bytes.starts(with: [0xFE, 0xFF]) { self = .utf16BE }
        else { return nil }
    }

    var name: String {
        switch self {
        case .utf16LE, .utf16BE: return "UTF-16"
        case .utf32LE, .utf32BE: return "UTF-32"
        }
    }

    /// The text after the mark; invalid code units (a lone surrogate, a value
    /// past U+10FFFF, a trailing odd byte) become U+FFFD.
    func decode(_ bytes: [UInt8]) -> String {
        switch self {
        case .utf16LE, .utf16BE:
            // One UTF-16 decoder for whole files and streamed feeds.
            var transcoder = UTF16StreamTranscoder(bigEndian: self == .utf16BE)
            let utf8 = transcoder.transcode(Array(bytes.dropFirst(2))) + transcoder.finish()
            return String(decoding: utf8, as: UTF8.self)
        case .utf32LE, .utf32BE:
            let big = self == .utf32BE
            var scalars = String.UnicodeScalarView()
            var index = 4
            while index + 3 < bytes.count {
                let b = bytes[index..<(index + 4)].map(UInt32.init)
                let value = big ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                index += 4
            }
            if (bytes.count - 4) % 4 != 0 { scalars.append("\u{FFFD}") }
            return String(scalars)
        }
    }
}

let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
private let carriageReturn = UInt8(ascii: "\r")
private let lineFeed = UInt8(ascii: "\n")

/// The offset of the first byte that does not start a well-formed UTF-8
/// sequence (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF), or nil when the whole slice is well formed.
func firstMalformedUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
    let continuationBytes: ClosedRange<UInt8> = 0x80...0xBF
    var index = bytes.startIndex
    while index < bytes.endIndex {
        let lead = bytes[index]
        if lead < 0x80 {
            index = endOfASCIIRun(bytes, from: index)
            continue
        }
        // The second byte's range is narrower after some leads: that is what
        // rules out overlong forms, surrogates and code points past U+10FFFF.
        let sequenceLength: Int
        let secondBytes: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (sequenceLength, secondBytes) = (2, continuationBytes)
        case 0xE0: (sequenceLength, secondBytes) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (sequenceLength, secondBytes) = (3, continuationBytes)
        case 0xED: (sequenceLength, secondBytes) = (3, 0x80...0x9F)
        case 0xF0: (sequenceLength, secondBytes) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (sequenceLength, secondBytes) = (4, continuationBytes)
        case 0xF4: (sequenceLength, secondBytes) = (4, 0x80...0x8F)
        default: return index
        }
        guard index + sequenceLength <= bytes.endIndex, secondBytes.contains(bytes[index + 1]) else { return index }
        for offset in (index + 2)..<(index + sequenceLength) where !continuationBytes.contains(bytes[offset]) {
            return index
        }
        index += sequenceLength
    }
    return nil
}

/// The index after the run of ASCII bytes starting at `start`, eight bytes
/// at a time: pages are mostly ASCII markup, checked whole before parsing.
private func endOfASCIIRun(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return start }
        var offset = start - bytes.startIndex
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while offset + 8 <= buffer.count, UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & highBits == 0 {
            offset += 8
        }
        while offset < buffer.count, buffer[offset] < 0x80 { offset += 1 }
        return bytes.startIndex + offset
    }
}

/// CRLF and lone CR (old Mac files) both become LF.
private func normalizingLineEndings(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index < bytes.endIndex {
        let byte = bytes[index]
        if byte == carriageReturn {
            result.append(lineFeed)
            if index + 1 < bytes.endIndex && bytes[index + 1] == lineFeed { index += 1 }
        } else {
            result.append(byte)
        }
        index += 1
    }
    return result
}

/// The 1-based line holding `offset`, counting CRLF, CR and LF as one break each.
private func lineNumber(atOffset offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
    var line = 1
    var index = bytes.startIndex
    while index < offset {
        let byte = bytes[index]
        if byte == lineFeed || (byte == carriageReturn && bytes[index + 1] != lineFeed) { line += 1 }
        index += 1
    }
    return line
}

/// Reads bytes as Windows-1252 (a superset of Latin-1's printable range), or
/// nil when they do not look like text in it: C0 control bytes other than tab,
/// LF, FF and CR, DEL, or one of the five bytes the code page leaves undefined
/// mean the file is something else, and reading it as 1252 would store garbage.
private func decodeWindows1252(_ bytes: [UInt8]) -> String? {
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(bytes.count)
    for byte in bytes {
        switch byte {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20...0x7E, 0xA0...0xFF:
            scalars.append(Unicode.Scalar(byte))
        case 0x80...0x9F:
            guard let scalar = windows1252HighControlRange[Int(byte - 0x80)] else { return nil }
            scalars.append(scalar)
        default:
            return nil
        }
    }
    return String(scalars)
}

/// Bytes read as Windows-1252, written as UTF-8 for a parser that would stop
/// at a byte the code page leaves undefined: those become U+FFFD (counted in
/// `undefined`) and every other byte its character, control bytes included.
func windows1252AsUTF8(_ bytes: [UInt8]) -> (utf8: [UInt8], undefined: Int) {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(bytes.count + bytes.count / 8)
    var undefined = 0
    for byte in bytes {
        if byte < 0x80 {
            utf8.append(byte)
            continue
        }
        var scalar = Unicode.Scalar(byte)
        if byte < 0xA0 {
            if let mapped = windows1252HighControlRange[Int(byte - 0x80)] {
                scalar = mapped
            } else {
                scalar = "\u{FFFD}"
                undefined += 1
            }
        }
        UTF8.encode(scalar) { utf8.append($0) }
    }
    return (utf8, undefined)
}

/// What Windows-1252 puts at 0x80–0x9F, where Latin-1 has C1 controls; nil
/// where the code page defines nothing.
private let windows1252HighControlRange: [Unicode.Scalar?] = [
    "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}", // 0x80–0x87
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil, // 0x88–0x8F
    nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}", // 0x90–0x97
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}", // 0x98–0x9F
]
