import DossierCore
@testable import EntityExtractor
import Testing

/// The classes of error found on real web news (issue 10): capitalised words,
/// companies typed as places or people, short codes and aliases that are
/// words or other things, names nested in longer names.
@Suite struct WebNewsRulesTests {
    @Test func learnedSentenceCaseWordsAreNoNamesAtALineStart() {
        // No lower-case "updated", "maybe" or "posted" in the text: the learned list alone decides.
        let text = "Updated 3:45 PM\nPosted: Thursday\n“Maybe there's a doctor out there,” she said. Yikes, he said."
        let mentions = Fixtures.scripted([("Updated", .organization), ("Posted", .location), ("Maybe", .location),
                                          ("Yikes", .person)]).extract(text)
        #expect(mentions.isEmpty)
        #expect(SentenceCaseWords.words.contains("Updated"))
        #expect(!SentenceCaseWords.words.contains("China"))
    }

    @Test func wellKnownCompaniesAreOrganisations() {
        let text = "Shares of Amazon, Boeing and Netflix rose while Google, Facebook and Instagram fell; Dell and Apple Inc were flat."
        let mentions = Fixtures.scripted([("Amazon", .location), ("Dell", .person), ("Instagram", .person)]).extract(text)
        for name in ["Amazon", "Boeing", "Netflix", "Google", "Facebook", "Instagram", "Dell"] {
            #expect(mentions.first(name)?.type == .organization, "\(name)")
        }
        #expect(mentions.first("Dell")?.entity == "Dell Technologies")
    }

    @Test func companyNamesThatAreWordsNeedACapitalThatSaysName() {
        let mentions = Fixtures.listsOnly.extract("Target audiences grew. They fished in the Amazon. She shops at Target now.")
        #expect(mentions.texts(.organization) == ["Target"])
        #expect(mentions.first("Target")?.start ?? 0 > 30)
    }

    @Test func shortCodesThatAreWordsOrOtherThingsAreNoCountriesOrGroups() {
        let text = "Let's go. The SSD and the DJI drone arrived with a NIU scooter, BGR reported. The US and the U.S. and the UK agreed."
        let mentions = Fixtures.listsOnly.extract(text)
        for code in ["Let", "SSD", "DJI", "NIU", "BGR"] { #expect(mentions.first(code) == nil, "\(code)") }
        #expect(mentions.filter { $0.entity == "United States" }.map(\.text) == ["US", "U.S."])
        #expect(mentions.first("UK")?.entity == "United Kingdom")
        #expect(Fixtures.listsOnly.extract("LeT claimed the attack.").first?.entity == "Lashkar-e-Taiba")
    }

    @Test func nestedNamesNeverLinkToTheShorterEntity() {
        let text = "She studied at New York University. The Republican National Committee and Breaking Belize News agreed."
        let mentions = Fixtures.listsOnly.extract(text)
        #expect(mentions.first("New York University")?.type == .organization)
        #expect(mentions.first("New York") == nil)
        #expect(mentions.first("Breaking Belize News")?.type == .organization)
        #expect(!mentions.contains { $0.entity == "New York City" || $0.text == "Belize" || $0.text == "Republican" })
    }

    @Test func unlistedWordPlacesGoAndFirstNamesArePeople() {
        let text = "She won a prize for Excellence in reporting, and Kevin was snoring in Copperfield."
        let mentions = Fixtures.scripted([("Excellence", .location), ("Kevin", .location), ("Copperfield", .location)]).extract(text)
        #expect(mentions.first("Excellence") == nil)
        #expect(mentions.first("Kevin")?.type == .person)
        #expect(mentions.first("Copperfield")?.type == .geopolitical)
    }

    @Test func titleCasedHeadlinesWithAFullStopKeepOnlyListedNames() {
        let text = "Pence Gives GOP A Boost With Solid Debate Win Over Kaine.\n\nMike Pence of Indiana won on Tuesday."
        let mentions = Fixtures.scripted([("Pence Gives", .organization), ("Boost With Solid Debate Win Over Kaine", .organization),
                                          ("Mike Pence", .person)]).extract(text)
        #expect(mentions.first("Pence Gives") == nil)
        #expect(mentions.first("Boost With Solid Debate Win Over Kaine") == nil)
        #expect(mentions.first("Mike Pence") != nil)
    }
}

@Suite struct ShortCodeAndCaseTests {
    @Test func aPartyCodeNamesThePartyOnlyWhereItsCountryIsNamed() {
        let indian = Fixtures.listsOnly.extract("NEW DELHI (PTI) — The minister spoke on Monday.")
        #expect(indian.first("PTI") == nil)
        let pakistani = Fixtures.listsOnly.extract("In Pakistan, the PTI held a rally on Monday.")
        #expect(pakistani.first("PTI")?.entity == "Pakistan Tehreek-e-Insaf")
    }

    @Test func caseVariantsOfOneNameAreOneEntity() {
        let mentions = Fixtures.listsOnly.extract("Nasa said so. Later NASA said more.")
        #expect(Set(mentions.map(\.entity)).count == 1)
        #expect(mentions.count == 2)
    }
}

@Suite struct WordPhraseTests {
    @Test func peopleMadeOfWordsArePhrasesUnlessNewsUsesTheWordsAsNames() {
        let text = "You can choose a $60 Annual Subscription or a $5 Weekly Pass. Mark Brown and Will Dunham agreed."
        let mentions = Fixtures.scripted([("Annual Subscription", .person), ("Weekly Pass", .person),
                                          ("Mark Brown", .person), ("Will Dunham", .person)]).extract(text)
        #expect(mentions.texts(.person) == ["Mark Brown", "Will Dunham"])
    }

    @Test func oneWordOrganisationsThatAreWordsGoUnlessUsedAsNames() {
        let text = "Partners for Resilience and the Section met; Congress and Parliament did not."
        let mentions = Fixtures.scripted([("Resilience", .organization), ("Section", .organization),
                                          ("Congress", .organization), ("Parliament", .organization)]).extract(text)
        #expect(mentions.texts(.organization) == ["Congress", "Parliament"])
    }
}

@Suite struct GroupAndLeaderTests {
    @Test func aNameBeforeAdministrationIsAPerson() {
        let mentions = Fixtures.scripted([("Obama", .location)]).extract("The Obama administration has signaled willingness.")
        #expect(mentions.first("Obama")?.type == .person)
    }

    @Test func ethnicGroupsAreGroups() {
        let mentions = Fixtures.scripted([("Hispanic", .organization)]).extract("Would you vote for an African American or Hispanic man?")
        #expect(mentions.first("Hispanic")?.type == .group)
        #expect(mentions.first("African American")?.type == .group)
    }
}

@Suite struct PlaceEvidenceTests {
    @Test func anUnlistedOneWordPlaceNeedsAPlacesContext() {
        let text = "Bill Clinton calls Obamacare crazy.\n\nFLINT, Mich., Oct. 4 (UPI) — He spoke in Flint, and in Seoul, Daejeon and Cheongju it was cold."
        let mentions = Fixtures.scripted([("Obamacare", .location), ("FLINT", .location), ("Flint", .location),
                                          ("Daejeon", .location), ("Cheongju", .location)]).extract(text)
        #expect(mentions.first("Obamacare") == nil)
        #expect(mentions.first("FLINT")?.type == .geopolitical)
        #expect(mentions.first("Flint")?.type == .geopolitical)
        #expect(mentions.first("Cheongju")?.type == .geopolitical)
    }
}
