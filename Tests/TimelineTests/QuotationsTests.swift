import Testing
@testable import Timeline

/// Which words are inside a direct quotation.
@Suite struct QuotationsTests {
    static func numbers(_ text: String, startsOpen: Bool = false) -> (words: [String], numbers: [Int], endsOpen: Bool) {
        let words = EventTrigger.split(text)
        let quotations = Quotations(words: words, bytes: Array(text.utf8)[...], startsOpen: startsOpen)
        return (words.map(\.lowercased), quotations.numbers, quotations.endsOpen)
    }

    @Test func straightCurlyAndDoubledApostropheQuotations() {
        let straight = Self.numbers("He said \"we won\" and \"they lost\" today.")
        #expect(straight.numbers == [0, 0, 1, 1, 0, 2, 2, 0])
        let curly = Self.numbers("\u{201C}It is over,\u{201D} Le Pen told CNN.")
        #expect(curly.numbers == [1, 1, 1, 0, 0, 0, 0])
        let wire = Self.numbers("''I have concluded that Trump failed'' or not.")
        #expect(wire.numbers == [1, 1, 1, 1, 1, 1, 0, 0])
        // An apostrophe is no quotation mark.
        #expect(Self.numbers("Trump's plan, the 'choice', won.").numbers.allSatisfy { $0 == 0 })
    }

    @Test func aQuotationRunsIntoTheNextSentence() {
        let first = Self.numbers("\u{201C}We are shocked.")
        #expect(first.endsOpen)
        let second = Self.numbers("It is wrong,\u{201D} she said.", startsOpen: true)
        #expect(second.numbers == [1, 1, 1, 0, 0])
        #expect(!second.endsOpen)
    }
}
