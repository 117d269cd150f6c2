import DossierCore
import Testing
@testable import ArticleStore

/// A page whose bytes its encoding cannot convert: libxml2 drops the bytes,
/// and the reader says so on the draft instead of libxml2 printing to stderr.
@Suite struct HTMLEncodingTests {
    private static let paragraph = "Negotiators resumed talks in Doha on Monday for the first time in a year, officials said."

    /// 0x9D is undefined in Windows-1252, the reading of a page that declares
    /// no encoding and is not UTF-8 (found by the `html` fuzz target).
    static func page(middle: [UInt8]) -> [UInt8] {
        Array("<html><head><title>Talks resume</title></head><body><article><p>\(paragraph)</p><p>Caf".utf8)
            + middle + Array(" owners said prices rose.</p></article></body></html>".utf8)
    }

    @Test func bytesTheEncodingCannotConvertAreAWarningOnTheDraft() throws {
        let draft = try HTMLArticleExtractor.extract(Self.page(middle: [0xE9, 0x9D, 0x32]), path: "page.html")
        let warning = try #require(draft.warnings.first { $0.hasPrefix("decoded lossily") })
        #expect(warning == "decoded lossily: 1 byte undefined in Windows-1252 replaced with U+FFFD", "\(warning)")
        #expect(draft.body.hasPrefix(Self.paragraph))
        // libxml2 stopped decoding at the byte and lost the rest of the page.
        #expect(draft.body.hasSuffix("Café\u{FFFD}2 owners said prices rose."), "\(draft.body)")
    }

    @Test func aPageDeclaringWindows1252KeepsItsTextPastAnUndefinedByte() throws {
        let page = Array("<html><head><meta charset=\"windows-1252\"><title>Talks</title></head><body><article><p>\(Self.paragraph)</p><p>One".utf8)
            + [0x81, 0x20, 0x93] + Array("two".utf8) + [0x94]
            + Array(".</p><p>The last paragraph of the story is here.</p></article></body></html>".utf8)
        let draft = try HTMLArticleExtractor.extract(page, path: "page.html")
        #expect(draft.body.contains("One\u{FFFD} \u{201C}two\u{201D}."), "\(draft.body)")
        #expect(draft.body.contains("The last paragraph of the story is here."), "\(draft.body)")
        #expect(draft.warnings.contains("decoded lossily: 1 byte undefined in Windows-1252 replaced with U+FFFD"), "\(draft.warnings)")
    }

    @Test func aPageThatConvertsCleanlyHasNoEncodingWarning() throws {
        let windows1252 = try HTMLArticleExtractor.extract(Self.page(middle: [0xE9]), path: "page.html")
        #expect(!windows1252.warnings.contains { $0.hasPrefix("decoded lossily") })
        #expect(windows1252.body.contains("Café owners"))
        let utf8 = try HTMLArticleExtractor.extract(Self.page(middle: Array("é".utf8)), path: "page.html")
        #expect(!utf8.warnings.contains { $0.hasPrefix("decoded lossily") })
    }
}
