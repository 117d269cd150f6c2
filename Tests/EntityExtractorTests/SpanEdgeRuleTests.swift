import DossierCore
@testable import EntityExtractor
import Testing

/// Tagger spans cut back to the name: function words, honorifics, roles,
/// punctuation, facilities and organisation designators.
@Suite struct SpanEdgeRuleTests {
    @Test func functionWordsLeaveTheSpanAndTakeNoAlias() {
        let text = "Because Google sued, the drivers left. Those Uber drivers stayed. Hey Siri, call home. If Marmorato wins, fine."
        let mentions = Fixtures.scripted([("Because Google", .organization), ("Those Uber", .organization),
                                          ("Hey Siri", .person), ("If Marmorato", .person)]).extract(text)
        #expect(mentions.texts() == ["Google", "Uber", "Siri", "Marmorato"])
        #expect(mentions.map(\.entity).allSatisfy { !$0.contains(" ") })
    }

    @Test func trailingVerbsConjunctionsAndPunctuationAreCut() {
        let text = "Politifact: Donald Trump Is Right. Schools in Black and Brown areas. He saw Yellow , then left."
        let mentions = Fixtures.scripted([("Donald Trump Is", .person), ("Black and", .location), ("Yellow ,", .person)]).extract(text)
        #expect(mentions.first("Donald Trump") != nil)
        #expect(mentions.first("Donald Trump Is") == nil)
        #expect(mentions.first("Black and") == nil)
        #expect(mentions.first("Yellow") != nil && mentions.first("Yellow ,") == nil)
    }

    @Test func pronounsAloneAreNoNames() {
        let mentions = Fixtures.scripted([("We", .location), ("I", .location), ("I ’m not", .person)])
            .extract("“We were there,” she said. I ’m not sure I agree.")
        #expect(mentions.isEmpty)
    }

    @Test func honorificsMakePeopleAndRolesAreCut() {
        let text = "Rep. Adam Schiff spoke. St. Louis Park Mayor Jake Spano did not run. Chief Executive Officer Gary Scott said so."
        let mentions = Fixtures.scripted([("Rep. Adam Schiff", .organization), ("Park Mayor Jake Spano", .person),
                                          ("Chief Executive Officer Gary Scott", .person)]).extract(text)
        #expect(mentions.texts(.person) == ["Adam Schiff", "Jake Spano", "Gary Scott"])
        // A role opens other names too: "Republican National Committee" keeps its first word.
        let party = Fixtures.scripted([("Republican National Committee", .organization)]).extract("The Republican National Committee met.")
        #expect(party.texts(.organization) == ["Republican National Committee"])
    }

    @Test func facilitiesAreDroppedAndDesignatorsMakeOrganisations() {
        let text = "The road between Ellijay Drive and Bruckner Boulevard closed, the Washington Post and Jacobi Hospital said."
        let mentions = Fixtures.scripted([("Ellijay Drive", .person), ("Bruckner Boulevard", .person),
                                          ("Washington Post", .person), ("Jacobi Hospital", .person)]).extract(text)
        #expect(mentions.first("Ellijay Drive") == nil && mentions.first("Bruckner Boulevard") == nil)
        #expect(mentions.first("Washington Post")?.type == .organization)
        #expect(mentions.first("Jacobi Hospital")?.type == .organization)
    }

    @Test func aSentenceCaseFirstWordLeavesTheName() {
        let mentions = Fixtures.scripted([("Xi Jinping", .person), ("Later Xi", .person)])
            .extract("Xi Jinping arrived. Later Xi said little.")
        #expect(mentions.texts(.person) == ["Xi Jinping", "Xi"])
        #expect(mentions.last?.entity == "Xi Jinping")
    }
}

@Suite struct PlaceAndFacilityHeadTests {
    @Test func placeHeadsMakePlacesAndListedNamesOfFacilitiesGo() {
        let text = "Residents of Sheepshead Bay and Oklahoma City met on Dresden Drive near the Korean Peninsula exhibit."
        let mentions = Fixtures.scripted([("Sheepshead Bay", .person), ("Oklahoma City", .person), ("Korean Peninsula", .organization)])
            .extract(text)
        #expect(mentions.first("Sheepshead Bay")?.type == .location)
        #expect(mentions.first("Oklahoma City")?.type == .geopolitical)
        #expect(mentions.first("Korean Peninsula")?.type == .location)
        #expect(mentions.first("Dresden") == nil)
    }
}

@Suite struct OrganisationExtensionTests {
    @Test func anOrganisationEndingInItsDesignatorGoesOnOverOfAndFor() {
        let text = "The Annenberg Institute for School Reform and the United Federation of Teachers met at Hofstra University on Monday."
        let mentions = Fixtures.scripted([("Annenberg Institute", .organization), ("United Federation", .organization),
                                          ("Hofstra University", .organization)]).extract(text)
        #expect(mentions.texts(.organization) == ["Annenberg Institute for School Reform", "United Federation of Teachers",
                                                  "Hofstra University"])
    }
}
