import DossierCore
@testable import EntityExtractor
import Testing

/// How the tagger's CoNLL labels become Dossier's types.
@Suite struct ModelSpanTypingTests {
    @Test func locationsAreGPEUnlessNaturalOrInstitutional() {
        let text = "Talks in Rangamati near the Kaptai Lake and at the Wilson Center ended; Dhaka reacted."
        let extractor = Fixtures.scripted([("Rangamati", .location), ("Kaptai Lake", .location), ("Wilson Center", .location),
                                           ("Dhaka", .organization)])
        let mentions = extractor.extract(text)
        #expect(mentions.first("Rangamati")?.type == .geopolitical)
        #expect(mentions.first("Kaptai Lake")?.type == .location)
        #expect(mentions.first("Wilson Center")?.type == .organization)
        // A listed country or capital keeps its type whatever the tagger says.
        #expect(mentions.first("Dhaka")?.type == .geopolitical)
        #expect(mentions.first("Dhaka")?.source == .gazetteer)
    }

    @Test func taggerPersonBeatsAListedCityOnTheSameWordsWhereTheTextShowsAPerson() {
        // A reporting verb after the word shows a person (`PersonEvidence`); without a sign the city stands
        // (WebNewsExampleTests, "Daegu").
        let mentions = Fixtures.scripted([("Karachi", .person)]).extract("Officers met Rajshahi, and Karachi said little.")
        #expect(mentions.first("Karachi")?.type == .person)
        let city = Fixtures.scripted([("Karachi", .person)]).extract("Officers met Rajshahi and Karachi.")
        #expect(city.first("Karachi")?.type == .geopolitical)
    }

    @Test func longerTaggerNameBeatsTheListedPlaceInside() {
        let mentions = Fixtures.scripted([("Dhaka University", .organization), ("Pakistan and Bangladesh", .organization)])
            .extract("Students at Dhaka University watched Pakistan and Bangladesh talk.")
        #expect(mentions.map(\.text) == ["Dhaka University", "Pakistan", "Bangladesh"])
        #expect(mentions.first?.type == .organization)
    }
}
