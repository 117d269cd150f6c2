import DossierCore
@testable import EntityExtractor
import Testing

@Suite struct SentenceInitialRuleTests {
    @Test func capitalisedCommonWordsAtSentenceStartAreNoEntities() {
        let text = """
            Officials said the talks went well. Analysts disagreed. Security officials declined to comment.
            Chatters within Pakistan’s military described them.
            Home > World > Pakistan
            Unlock left : 0
            """
        let extractor = Fixtures.scripted([("Officials", .organization), ("Analysts", .person), ("Security officials", .organization),
                                           ("Chatters", .person), ("Home", .location), ("Unlock", .organization)])
        let mentions = extractor.extract(text)
        for word in ["Officials", "Analysts", "Security officials", "Chatters", "Home", "Unlock"] {
            #expect(mentions.first(word) == nil, "\(word)")
        }
        #expect(mentions.texts(.geopolitical) == ["Pakistan", "Pakistan"])
    }

    @Test func namesAtSentenceStartStay() {
        let text = "Mishra wrote the report. Abhinandan Mishra is a journalist."
        let mentions = Fixtures.scripted([("Mishra", .person), ("Abhinandan Mishra", .person)]).extract(text)
        #expect(mentions.texts(.person) == ["Mishra", "Abhinandan Mishra"])
    }

    @Test func listedNamesAreNotAskedAtSentenceStart() {
        let mentions = Fixtures.listsOnly.extract("Turkey and China signed. China said so.")
        #expect(mentions.texts(.geopolitical) == ["Turkey", "China", "China"])
    }
}
