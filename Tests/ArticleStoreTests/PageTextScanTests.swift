@testable import ArticleStore
import DossierCore
import Testing

/// The byte scans that replaced character and Foundation searches in the
/// page reader give the answers those gave.
@Suite struct PageTextScanTests {
    @Test(arguments: [
        ("shareButtons top_ad", ["share", "buttons", "top", "ad"]),
        ("c-letters-cta", ["c", "letters", "cta"]),
        ("relatedPostsWidget  x2", ["related", "posts", "widget", "x2"]),
        ("HTMLBlock", ["htmlblock"]),
        ("entry-content post_body main", ["entry", "content", "post", "body", "main"]),
        ("", []),
        ("Überschrift artikelBox", ["überschrift", "artikel", "box"]),
    ])
    func classNamesSplitIntoLowercaseWords(names: String, words: [String]) {
        #expect(MarkupNode.nameWords(names) == words)
    }

    @Test func oneScanFindsAnyOfSeveralFragmentsInAnyCase() {
        let fragments: [StaticString] = ["date", "publish", "byline"]
        func holds(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { MarkupNode.containsAnyIgnoringASCIICase($0, fragments) }
        }
        #expect(holds("entry-DATE"))
        #expect(holds("postPublished"))
        #expect(holds("x byline"))
        #expect(!holds("upd-ates pub-lish by-line"))
        #expect(!holds("dat"))
        #expect(!holds(""))
    }

    @Test func phrasesAreFoundByTheirBytes() {
        #expect(PhraseSearch.contains("already a subscriber? log in", "log in"))
        #expect(PhraseSearch.contains("© 2022 example news", "©"))
        #expect(!PhraseSearch.contains("login", "log in"))
        #expect(!PhraseSearch.contains("sign", "sign in"))
        #expect(PhraseSearch.containsAny("follow us on twitter", ["facebook", "twitter"]))
        #expect(!PhraseSearch.containsAny("the council voted on monday", ["cookie", "newsletter"]))
    }

    @Test func dateStampsAreLinesWithAYearThatTheParserReadsWhole() {
        #expect(BoilerplateLines.isDateStamp("Updated: Jan 5, 2020 3:12 PM EST"))
        #expect(BoilerplateLines.isDateStamp("21.01.2022 11:46"))
        #expect(BoilerplateLines.isDateStamp("PUBLISHED: November 8, 2023 at 4:56 p.m. | UPDATED: November 9, 2023"))
        // No year, no date: the parser needs one, and the digit scan stops there.
        #expect(!BoilerplateLines.isDateStamp("Updated: Jan 5 3:12 PM EST"))
        #expect(!BoilerplateLines.isDateStamp("The 2020 election was held on Nov. 3."))
        #expect(!BoilerplateLines.isDateStamp("Room 12, floor 3"))
    }

    @Test func malformedUTF8IsFoundPastLongASCIIRunsAtTheSlicesOwnIndex() {
        let bytes: [UInt8] = Array("0123456789abcdefghij".utf8) + [0xC3] + Array("xyz".utf8)
        #expect(firstMalformedUTF8Offset(bytes[...]) == 20)
        #expect(firstMalformedUTF8Offset(bytes[3...]) == 20)
        #expect(firstMalformedUTF8Offset(bytes[3..<20]) == nil)
        #expect(firstMalformedUTF8Offset(Array("ünïcödé and more ASCII text".utf8)[...]) == nil)
    }

    @Test func disguisedTextNeedsGreekOrCyrillicLettersInsideLatinWords() {
        // Cyrillic о and е inside English words.
        #expect(BoilerplateLines.isDisguisedText("Yоur соntеnt hеre is sponsored"))
        #expect(!BoilerplateLines.isDisguisedText("“Your content,” she said, “is what we sell.”"))
        #expect(!BoilerplateLines.isDisguisedText("Москва and Athens (Αθήνα) signed the accord."))
    }
}

