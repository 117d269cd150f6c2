import DossierCore
@testable import EntityExtractor
import Testing

/// Further classes of error on real web news (issue 10, second pass): dates
/// read as names, laws, events and products read as organisations, people
/// behind their role inside a longer span, offices read as people, listed
/// places inside a suburb's name, one-word "people" that are words.
@Suite struct WebNewsRulesMoreTests {
    private static let prose = "\n\nThe council said on Monday that the plan would cost more than expected, and officials agreed."

    @Test func monthAndWeekdayNamesAreNoNames() {
        let text = "PUBLISHED: November 8, 2023 at 11:30 p.m.\nIn July, the NAACP called for a moratorium.\n17. Januar 2014 · 02:16" + Self.prose
        let mentions = Fixtures.scripted([("November", .person), ("July", .organization), ("Januar 2014 · 02:16", .person),
                                          ("NAACP", .organization)]).extract(text)
        #expect(mentions.first("November") == nil)
        #expect(mentions.first("July") == nil)
        #expect(mentions.first { $0.text.hasPrefix("Januar") } == nil)
        #expect(mentions.first("NAACP")?.type == .organization)
        // Months that are people's names are left to the tagger.
        let may = Fixtures.scripted([("May", .person)]).extract("The party said May would call the vote." + Self.prose)
        #expect(may.first("May")?.type == .person)
    }

    @Test func aCalendarWidgetsWeekdayHeadsAreNoPeopleButASurnameSuIs() {
        let widget = "Mo\nTu\nWe\nTh\nFr\nSa\nSu" + Self.prose
        let mentions = Fixtures.scripted([("Sa", .person), ("Su", .person), ("Tu", .person)]).extract(widget)
        #expect(mentions.isEmpty)
        let surname = Fixtures.scripted([("Su", .person)]).extract("The minister met Su in Beijing on Friday." + Self.prose)
        #expect(surname.first("Su")?.type == .person)
    }

    @Test func lawsEventsAwardsAndProductsAreNoOrganisations() {
        let text = "The Affordable Care Act (ACA) survived. Delegates left the Republican National Convention. She won the Erikson Prize "
            + "and used Boot Camp on her Mac. The Republican Party met."
        let mentions = Fixtures.scripted([("Affordable Care Act", .organization), ("Republican National Convention", .organization),
                                          ("Erikson Prize", .organization), ("Boot Camp", .organization),
                                          ("Republican Party", .organization)]).extract(text + Self.prose)
        for phrase in ["Affordable Care Act", "ACA", "Republican National Convention", "Republican", "Erikson Prize", "Boot Camp"] {
            #expect(mentions.first(phrase) == nil, "\(phrase)")
        }
        #expect(mentions.first("Republican Party")?.type == .organization)
    }

    @Test func aPersonBehindARoleInsideALongerSpan() {
        let text = "St. Louis Park Mayor Jake Spano spoke. U.S. Supreme Court Justice Antonin Scalia died. Bronx Republican chair "
            + "Michael Rendino agreed. The President Barack Obama Foundation paid."
        let mentions = Fixtures.scripted([("St. Louis Park Mayor Jake Spano", .organization),
                                          ("U.S. Supreme Court Justice Antonin Scalia", .organization),
                                          ("Bronx Republican chair Michael Rendino", .location),
                                          ("President Barack Obama Foundation", .organization)]).extract(text + Self.prose)
        for person in ["Jake Spano", "Antonin Scalia", "Michael Rendino"] {
            #expect(mentions.first(person)?.type == .person, "\(person)")
        }
        #expect(mentions.first("President Barack Obama Foundation")?.type == .organization)
        // "St. Louis" of the suburb St. Louis Park is not the city.
        #expect(mentions.first("St. Louis") == nil)
    }

    @Test func anOfficeIsNoPersonNorAWordAOnewordPerson() {
        let text = "Harris County Sheriff deputies arrived. Daddy was home. Zones were drawn. Kevin Smith and Brown spoke."
        let mentions = Fixtures.scripted([("Harris County Sheriff", .person), ("Daddy", .person), ("Zones", .person),
                                          ("Kevin Smith", .person), ("Brown", .person)]).extract(text + Self.prose)
        #expect(mentions.first("Harris County Sheriff") == nil)
        #expect(mentions.first("Daddy") == nil)
        #expect(mentions.first("Zones") == nil)
        #expect(mentions.first("Kevin Smith")?.type == .person)
        #expect(mentions.first("Brown")?.type == .person, "a surname news capitalises stays")
    }

    @Test func aProductsWordAtASentencesStartIsTheWordWhereTheTextShowsIt() {
        let scripted = Fixtures.scripted([("Pro", .organization), ("Brown", .person)])
        // The text writes "Pro" after a product's name: at a sentence's start before a noun it is that word.
        let product = scripted.extract("The MacBook Pro is new. Pro users pay extra for it." + Self.prose)
        #expect(product.first("Pro") == nil, "\(product.map(\.text))")
        // Before a verb of saying it is a person, whatever else the text writes.
        let person = scripted.extract("The Model Brown is new. Brown said prices would rise." + Self.prose)
        #expect(person.filter { $0.text == "Brown" }.count == 1, "\(person.map(\.text))")
        #expect(person.first("Brown")?.type == .person)
    }

    @Test func theAmericasAreARegion() {
        let mentions = Fixtures.listsOnly.extract("The Americas cannot ignore the risk, the director of health for the Americas said.")
        #expect(mentions.texts(.location).contains("Americas"))
        #expect(mentions.allSatisfy { $0.type == .location })
    }
}
