import DossierCore
import Foundation
import Testing
@testable import ArticleStore

/// Pages shaped to defeat the parser: nesting past libxml2's 256 levels and
/// elements with very many attributes.
@Suite struct HTMLParseBudgetTests {
    private static let paragraph = "The deep story is here and it is long enough to count as prose, with commas, clauses and a full stop."

    @Test(arguments: [300, 5_000])
    func aPageNestedDeeperThanLibxml2sDefaultLimitIsRead(levels: Int) throws {
        let html = "<html><body>" + String(repeating: "<div>", count: levels) + "<p>\(Self.paragraph)</p>"
            + String(repeating: "</div>", count: levels) + "</body></html>"
        let draft = try HTMLArticleExtractor.extract(Array(html.utf8), path: "deep.html")
        #expect(draft.body == Self.paragraph)
    }

    @Test func blocksPastTheDepthBudgetAreReadAsTextOfTheBlockAround() throws {
        let levels = HTMLText.maximumBlockDepth + 50
        let html = "<html><body>" + String(repeating: "<div>", count: levels)
            + "<p>\(Self.paragraph)</p><p>\(Self.paragraph)</p>" + String(repeating: "</div>", count: levels) + "</body></html>"
        let draft = try HTMLArticleExtractor.extract(Array(html.utf8), path: "deep.html")
        #expect(draft.body == Self.paragraph + " " + Self.paragraph)
    }

    @Test func anOrdinaryPageIsNotCopied() {
        let html = #"<html><body><div class="a" id="b" data-x='1>2'><p>Text</p></div><script>if (a<b) x = "<i " + y;</script></body></html>"#
        #expect(AttributeBudget.capped(Array(html.utf8)) == nil)
    }

    /// Found by the `html` fuzz target: the cut ran one byte past the end
    /// and trapped when the last attribute's quoted value was never closed.
    @Test func aCutRunningToAnUnclosedQuoteAtTheEndIsInBounds() throws {
        let many = (1...(AttributeBudget.maximumPerElement + 1)).map { "a\($0)=1" }.joined(separator: " ")
        let html = "<p>Text</p><div \(many) title=\"never closed"
        let capped = try #require(AttributeBudget.capped(Array(html.utf8)))
        #expect(String(decoding: capped, as: UTF8.self) == "<p>Text</p><div " + (1...AttributeBudget.maximumPerElement).map { "a\($0)=1" }.joined(separator: " ") + " ")
        _ = try? HTMLArticleExtractor.extract(Array(html.utf8), path: "open-quote.html")
    }

    @Test func attributesPastTheBudgetAreCut() throws {
        let many = (1...(AttributeBudget.maximumPerElement + 70)).map { "data-a\($0)=\"x > y\"" }.joined(separator: " ")
        let html = "<html><body><!-- <div \(many)> --><div \(many) class=\"late\"><p>\(Self.paragraph)</p></div></body></html>"
        let capped = try #require(AttributeBudget.capped(Array(html.utf8)))
        let text = String(decoding: capped, as: UTF8.self)
        #expect(text.contains("data-a\(AttributeBudget.maximumPerElement)=\"x > y\""))
        #expect(text.components(separatedBy: "data-a\(AttributeBudget.maximumPerElement + 1)=").count == 2, "the comment is left alone")
        #expect(!text.contains("class=\"late\""))
        #expect(text.hasSuffix("<p>\(Self.paragraph)</p></div></body></html>"))
        let draft = try HTMLArticleExtractor.extract(Array(html.utf8), path: "attributes.html")
        #expect(draft.body == Self.paragraph)
    }

    @Test func tagsInsideScriptsAreNotReadAsTags() {
        let fake = (1...(AttributeBudget.maximumPerElement + 5)).map { "a\($0)" }.joined(separator: " ")
        let html = "<html><head><script>var s = '<div \(fake)>';</script></head><body><p>x</p></body></html>"
        #expect(AttributeBudget.capped(Array(html.utf8)) == nil)
    }
}

@Suite struct HTMLWhitespaceTests {
    /// The spelled-out list must agree with Unicode's White_Space property everywhere.
    @Test func whitespaceListMatchesTheUnicodeProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if HTMLText.isWhitespace(scalar) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16)) disagrees")
                return
            }
        }
    }
}
