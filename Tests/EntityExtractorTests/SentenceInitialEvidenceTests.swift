import DossierCore
@testable import EntityExtractor
import Testing

/// A lone dictionary word opening a sentence needs a capitalised use elsewhere
/// to stand as a name.
@Suite struct SentenceInitialEvidenceTests {
    @Test func dictionaryWordsOpeningSentencesWithoutOtherCapitalisedUseAreDropped() {
        let text = "The talks went on. If progress holds, a deal follows. Expansion of trade is planned. There is no date."
        let extractor = Fixtures.scripted([("If", .location), ("Expansion", .organization), ("There", .person)])
        #expect(extractor.extract(text).isEmpty)
    }

    @Test func aWordCapitalisedMidSentenceElsewhereStays() {
        // (A one-word organisation that is a dictionary word, "Reading" the
        // club, also needs the web-news rules' support: WebNewsRulesTests.)
        let text = "Woods led. Tiger Woods is back."
        let extractor = Fixtures.scripted([("Woods", .person), ("Tiger Woods", .person)])
        let found = extractor.extract(text).map(\.text)
        #expect(found == ["Woods", "Tiger Woods"])
    }

    @Test func capitalsInAHeadlineAreNoEvidence() {
        let text = "Expansion Plans Unveiled For Port\n\nExpansion is planned at the port."
        let extractor = Fixtures.scripted([("Expansion", .organization)])
        #expect(!extractor.extract(text).contains { $0.text == "Expansion" })
    }
}
