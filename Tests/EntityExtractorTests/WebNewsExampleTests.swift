import DossierCore
@testable import EntityExtractor
import Testing

/// Examples of issue 10 that had no test of their own (the table in
/// docs/quality.md, "Issue 10's examples and their tests", maps every
/// example to the test that would fail if it came back). The tagger is
/// scripted to make the original mistake, so each test checks the rule that
/// mends it, not what a model happens to say.
@Suite struct WebNewsExampleTests {
    @Test func listedCitiesStayPlacesWhenTheTaggerReadsThemAsPeopleWithoutEvidence() {
        let text = "Temperatures in Seoul and Cheongju reached ten degrees, Gwangju hitting 14 degrees and Daegu, 15 degrees."
        let mentions = Fixtures.scripted([("Gwangju", .person), ("Daegu", .person)]).extract(text)
        #expect(mentions.first("Gwangju")?.type == .geopolitical)
        #expect(mentions.first("Daegu")?.type == .geopolitical)
        #expect(mentions.first("Daegu")?.entity == "Daegu")
    }

    @Test func aListedCityIsAPersonWhereTheTextShowsOne() {
        // A reporting verb after it, or the surname of a longer name in the same text.
        let said = Fixtures.scripted([("Austin", .person)]).extract("Austin said the vote would be close.")
        #expect(said.first("Austin")?.type == .person)
        let surname = Fixtures.scripted([("Karen Austin", .person), ("Austin", .person)])
            .extract("Karen Austin chairs the board. Later Austin left early.")
        #expect(surname.texts(.person) == ["Karen Austin", "Austin"])
        // The same word with no sign of a person is the city.
        let place = Fixtures.scripted([("Austin", .person)]).extract("Rents in Austin rose while Austin grew.")
        #expect(place.texts(.person).isEmpty)
    }

    @Test func anEventsAcronymIsNoOrganisationWhereverItIsUsed() {
        let text = """
            Participants can expect talks at the World Free Zones Organization (WFZO) Annual International \
            Conference and Exhibition (AICE) 2022. Registration for AICE 2022 is now open, the WFZO said.
            """
        let mentions = Fixtures.scripted([("AICE", .organization),
                                          ("Annual International Conference and Exhibition", .organization)]).extract(text)
        #expect(mentions.first("AICE") == nil)
        #expect(mentions.first("WFZO")?.type == .organization)
        #expect(mentions.first("World Free Zones Organization")?.type == .organization)
    }

    @Test func aLawsInitialsAreNoOrganisationWhenTheTextNamesTheLawInFull() {
        let text = """
            Bill Clinton criticized the Affordable Care Act as a crazy system. The administration has signaled \
            willingness to change ACA but has been met with opposition.
            """
        let mentions = Fixtures.scripted([("Affordable Care Act", .organization), ("ACA", .organization)]).extract(text)
        #expect(mentions.first("ACA") == nil)
        #expect(mentions.first("Affordable Care Act") == nil)
        // Without the law named in full, an unlisted acronym is left to the tagger.
        let alone = Fixtures.scripted([("ACA", .organization)]).extract("The ACA board met on Monday.")
        #expect(alone.first("ACA")?.type == .organization)
    }

    @Test func aSpanRunningOverACommaAndAConjunctionKeepsOnlyTheName() {
        let text = "The shirts come in sizes S, M, and Mike Davis bought two of them."
        let mentions = Fixtures.scripted([("M , and Mike Davis", .person)]).extract(text)
        #expect(mentions.texts() == ["Mike Davis"])
        #expect(mentions.first("Mike Davis")?.type == .person)
    }

    @Test func anIndonesianWordThatIsAListedCityGivesNoMentionInAnIndonesianText() {
        let indonesian = """
            Bukan hanya itu, mereka juga akan datang ke Jakarta karena ada rapat dengan menteri yang baru. \
            Saya tidak tahu apakah ini sudah dibahas dalam pertemuan itu oleh kami dan mereka.
            """
        // The list knows "Bukan" (Būkān, a city in Iran): the language gate is what keeps it out.
        #expect(Fixtures.gazetteer.lookup("Bukan")?.name == "Būkān")
        #expect(Fixtures.listsOnly.extract(indonesian).isEmpty)
    }

    @Test func productWordsAndModelCodesAreNoNames() throws {
        let extractor = try #require(Fixtures.bundled)
        // "SUV" is no name to the bundled model and lists.
        #expect(extractor.extract("The new SUV costs more than the old one, the dealer said on Monday.").isEmpty)
        // A code before its model number is the product's model (`ModelCodeRule`); a year
        // after an acronym is no model number, nor is a listed name a model code.
        let codes = extractor.extract("Nvidia's GTX 1080 card is faster than the GTX 970 and the RTX 3090, reviewers found.")
        #expect(!codes.contains { $0.text == "GTX" || $0.text == "RTX" }, "\(codes.map(\.text))")
        #expect(codes.first { $0.text == "Nvidia" }?.type == .organization)
        #expect(extractor.extract("NATO 2030 is the alliance's plan, officials said.").contains { $0.text == "NATO" })
        // A name word after a product's name, or describing a noun, is the word;
        // with a title or a reporting verb it is a person (`OneWordNameRule`).
        let words = extractor.extract("Apple sells the iPad Pro and the MacBook Pro. Buyers pay extra for the Pro model.")
        #expect(!words.contains { $0.text == "Pro" }, "\(words.map(\.text))")
        // After a word capitalised only by its place at a line's start, a surname stays ("Will Knight" as a byline).
        #expect(extractor.extract("Will Knight").contains { $0.text.hasSuffix("Knight") && $0.type == .person })
        let people = extractor.extract("The minister and Mr Brown met in London. Brown said no deal was near.")
        #expect(people.filter { $0.text == "Brown" }.allSatisfy { $0.type == .person } && people.contains { $0.text == "Brown" })
        // At a sentence's start before a noun, the word is the product's when the
        // text writes it after a product's name; a surname there stays a person.
        let start = extractor.extract("The MacBook Pro is new. Pro users pay extra for it.")
        #expect(!start.contains { $0.text == "Pro" }, "\(start.map(\.text))")
        let supporters = extractor.extract("Donald Trump spoke in Ohio on Monday. Trump supporters cheered him.")
        #expect(supporters.contains { $0.text == "Trump" && $0.type == .person }, "\(supporters.map { ($0.text, $0.type) })")
        // A word inside a longer name is no product's word there ("House" of "the White House").
        let house = extractor.extract("The White House said so. House members voted on Monday.")
        #expect(house.contains { $0.text == "House" && $0.type == .organization }, "\(house.map { ($0.text, $0.type) })")
        // A code the text writes before a model number is the model's without it too.
        let models = extractor.extract("Nvidia sells the GTX 1080 to gamers. The GTX version costs less, reviewers said.")
        #expect(!models.contains { $0.text == "GTX" }, "\(models.map(\.text))")
    }

    @Test func aCapitalCodeBeforeAModelNumberIsNoOrganisation() {
        let text = "The GTX 1080 card beat the GTX 970, testers said. In the league PSV 2 Ajax 1 was the score."
        let mentions = Fixtures.scripted([("GTX", .organization), ("PSV", .organization),
                                          ("Ajax", .organization)]).extract(text)
        #expect(mentions.first("GTX") == nil)
        // A result inside a sentence: a name follows the number.
        #expect(mentions.first("PSV")?.type == .organization)
    }

    @Test func aCodeWrittenBeforeAModelNumberIsTheModelElsewhereInTheText() {
        let scripted = Fixtures.scripted([("GTX", .organization), ("FBI", .organization)])
        let both = scripted.extract("The GTX version is cheaper. Nvidia's GTX 1080 card beat it, the FBI agent said.")
        #expect(both.first("GTX") == nil, "\(both.map(\.text))")
        // Only the text's own codes: another code in the same shape stays.
        #expect(both.first("FBI")?.type == .organization)
        // Without the number anywhere in the text nothing tells the code from a name.
        #expect(scripted.extract("The GTX version is cheaper, testers said.").first("GTX")?.type == .organization)
    }
}
