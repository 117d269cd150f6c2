import ArticleStore
import Testing

@Suite struct TextDecodingTests {
    private func decode(_ bytes: [UInt8]) throws(IngestError) -> String {
        try decodeArticleText(bytes, path: "capture.txt")
    }

    private func decodingError(_ bytes: [UInt8]) -> IngestError? {
        do {
            _ = try decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func plainUTF8IsReturnedAsIs() throws {
        let text = "Pakistan’s Ministry of Foreign Affairs — “no comment”.\nঢাকা, করাচি\n"
        #expect(try decode(Array(text.utf8)) == text)
    }

    @Test func byteOrderMarkIsStripped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Title\nBody".utf8)
        #expect(try decode(bytes) == "Title\nBody")
    }

    @Test func windowsAndOldMacLineEndingsBecomeLineFeeds() throws {
        #expect(try decode(Array("Title\r\nSubtitle\r\n\r\nBody\rMore\n".utf8)) == "Title\nSubtitle\n\nBody\nMore\n")
    }

    @Test func emptyAndWhitespaceOnlyFilesAreRefused() {
        #expect(decodingError([]) == IngestError(path: "capture.txt", reason: "empty file"))
        #expect(decodingError([0xEF, 0xBB, 0xBF]) == IngestError(path: "capture.txt", reason: "empty file"))
        #expect(decodingError(Array(" \r\n\t\n\u{00A0}\n".utf8)) == IngestError(path: "capture.txt", reason: "empty file"))
    }

    @Test func nulByteMeansBinary() {
        let bytes = Array("PNG?".utf8) + [0x00, 0x1A] + Array("rest".utf8)
        #expect(decodingError(bytes) == IngestError(path: "capture.txt", reason: "binary file (NUL byte at offset 4)"))
    }

    @Test func windows1252IsConverted() throws {
        // "Pakistan’s “pact” – €5m … naïve" as a Windows editor saves it.
        let bytes: [UInt8] = Array("Pakistan".utf8) + [0x92] + Array("s ".utf8) + [0x93] + Array("pact".utf8) + [0x94]
            + [0x20, 0x96, 0x20, 0x80] + Array("5m ".utf8) + [0x85] + Array(" na".utf8) + [0xEF] + Array("ve\r\n".utf8)
        #expect(try decode(bytes) == "Pakistan’s “pact” – €5m … naïve\n")
    }

    @Test func latin1AccentsAreConverted() throws {
        let bytes: [UInt8] = Array("S".utf8) + [0xE3] + Array("o Paulo, Z".utf8) + [0xFC] + Array("rich".utf8)
        #expect(try decode(bytes) == "São Paulo, Zürich")
    }

    // Issue 14, finding 6: UTF-8 with a few bad bytes was read as Windows-1252,
    // turning every accented letter of the file into mojibake.
    @Test func damagedUTF8StaysUTF8WithANote() throws {
        let bytes = Array("Title\nSubtitle\nBody ".utf8) + [0xC3, 0x81, 0x81, 0x20] + Array("São Paulo ".utf8) + [0xE9]
        #expect(try decode(bytes) == "Title\nSubtitle\nBody Á\u{FFFD} São Paulo \u{FFFD}")
        let invalidOffset = "Title\nSubtitle\nBody ".utf8.count + 2
        #expect(encodingNote(for: bytes) == "decoded lossily: 2 invalid UTF-8 bytes replaced with U+FFFD (the first at byte \(invalidOffset), line 3)")
        #expect(encodingNote(for: Array("São Paulo".utf8)) == nil)
        #expect(encodingNote(for: Array("S".utf8) + [0xE3] + Array("o Paulo".utf8)) == "read as Windows-1252 (not UTF-8)")
    }

    @Test(arguments: [
        ([0xFF, 0xFE] + Array("Dhaka talks ✓\r\nok".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "UTF-16LE"),
        ([0xFE, 0xFF] + Array("Dhaka talks ✓\r\nok".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "UTF-16BE"),
        ([0xFF, 0xFE, 0, 0] + "Dhaka talks ✓\r\nok".unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }, "UTF-32LE"),
        ([0, 0, 0xFE, 0xFF] + "Dhaka talks ✓\r\nok".unicodeScalars.flatMap { s in (0..<4).reversed().map { UInt8((s.value >> (8 * $0)) & 0xFF) } }, "UTF-32BE"),
    ] as [([UInt8], String)])
    func wideEncodingsAreReadByTheirByteOrderMark(bytes: [UInt8], name: String) throws {
        // Before, the NUL bytes of UTF-16/32 made these "binary files".
        #expect(try decode(bytes) == "Dhaka talks ✓\nok", "\(name)")
        #expect(encodingNote(for: bytes) == nil)
    }

    @Test func controlBytesRuleOutWindows1252() {
        let bytes = Array("ok\r\nok\r\n".utf8) + [0xFF, 0x01, 0x02]
        #expect(decodingError(bytes) == IngestError(path: "capture.txt", line: 3, reason: "invalid UTF-8 at byte 8"))
    }

    @Test func offsetsCountTheByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x41, 0x00]
        #expect(decodingError(bytes) == IngestError(path: "capture.txt", reason: "binary file (NUL byte at offset 4)"))
    }

    @Test(arguments: [
        [0xC0, 0xAF] as [UInt8], // overlong "/"
        [0xED, 0xA0, 0x80], // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80], // past U+10FFFF
        [0xE2, 0x82], // truncated "€"
    ])
    func malformedSequencesAreDetected(sequence: [UInt8]) {
        // With a control byte the file cannot pass as Windows-1252 either.
        let bytes = Array("abc".utf8) + sequence + [0x01]
        #expect(decodingError(bytes) == IngestError(path: "capture.txt", line: 1, reason: "invalid UTF-8 at byte 3"))
    }

    @Test func fourByteSequencesAreValid() throws {
        #expect(try decode(Array("Flag 🇧🇩 and 𝔸".utf8)) == "Flag 🇧🇩 and 𝔸")
    }
}
