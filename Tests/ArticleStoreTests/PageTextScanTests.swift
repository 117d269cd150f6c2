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
        let fragments = ASCIIFragments(["date", "publish", "byline", ""])
        func holds(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { fragments.occur(in: $0) }
        }
        #expect(holds("entry-DATE"))
        #expect(holds("postPublished"))
        #expect(holds("x byline"))
        #expect(!holds("upd-ates pub-lish by-line"))
        #expect(!holds("dat"))
        #expect(!holds(""))
    }

    @Test func fragmentsAreFoundWholeOrAsPrefixesOfLowercaseWords() {
        let fragments = ASCIIFragments(["ad", "share"])
        func ask(_ word: String, _ question: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
            var word = word
            return word.withUTF8(question)
        }
        #expect(ask("ad", fragments.containWhole))
        #expect(!ask("ads", fragments.containWhole))
        #expect(!ask("a", fragments.containWhole))
        #expect(ask("sharebar", fragments.beginOne))
        #expect(ask("share", fragments.beginOne))
        #expect(!ask("shar", fragments.beginOne))
        #expect(!ask("reshare", fragments.beginOne))
    }

    /// The byte scan of class and id names finds a chrome word exactly where
    /// splitting the names into Strings does, and leaves names that are not
    /// ASCII to that split.
    @Test(arguments: [
        "shareButtons top_ad", "headline lead", "c-letters-cta", "commentary-box", "commentList", "has-sidebar",
        "entry-content", "navItem", "AD_slot", "x", "relatedPostsWidget", "menuToggle metadata",
    ])
    func chromeWordsAreFoundInNameBytesAsInWords(className: String) {
        for id in [nil, "main", "cookieNotice"] {
            let html = "<div class=\"\(className)\"\(id.map { " id=\"\($0)\"" } ?? "")>x</div>"
            let answers: (bytes: Bool?, words: Bool)? = MarkupDocument.withHTMLFragment(html) { root in
                guard let root, let div = Self.firstElement(named: "div", in: root) else { return nil }
                return (div.asciiClassAndIDWordsContain(where: BoilerplateFilter.isChromeWord),
                        div.classAndIDWords.contains(where: BoilerplateFilter.isChromeWord))
            }
            #expect(answers?.bytes == answers?.words, "\(className) \(id ?? "")")
        }
        let nonASCII: Bool?? = MarkupDocument.withHTMLFragment("<div class=\"größe share\">x</div>") { root in
            root.flatMap { Self.firstElement(named: "div", in: $0) }.map { $0.asciiClassAndIDWordsContain(where: BoilerplateFilter.isChromeWord) }
        }
        #expect(nonASCII == .some(nil))
    }

    private static func firstElement(named name: String, in root: MarkupNode) -> MarkupNode? {
        var found: MarkupNode?
        root.walkDescendants { node in
            if found == nil, node.isElement, node.name == name { found = node }
            return found == nil ? .descend : .skip
        }
        return found
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

