import DossierCore
import Testing
@testable import Timeline

/// The forms a target's name takes after its first full mention, and the
/// extractor's mentions of it that must count as the target.
@Suite struct TargetNameFormsTests {
    private func mention(_ text: String, in body: String, type: EntityType, entity: String? = nil, sentence: Int = 1) -> Mention {
        let start = body.utf8.count - body.components(separatedBy: text).dropFirst().joined(separator: text).utf8.count - text.utf8.count
        return Mention(text: text, type: type, entity: entity ?? text, start: start + 1, stop: start + text.utf8.count, sentence: sentence, source: .model)
    }

    @Test func aProductIsNamedByItsMakerAndModelAndByItsModelNumberAlone() {
        let names = TimelineTarget(name: "Boeing 787 Dreamliner").searchNames
        #expect(names.contains("Boeing 787"))
        #expect(names.contains("787"))
        // Too short to mean the phone: "4" is any four.
        #expect(!TimelineTarget(name: "iPhone 4").searchNames.contains("4"))
        #expect(TimelineTarget(name: "iPhone 3G").searchNames.contains("3G"))
        let body = "The 787 flew on 15 December 2009. Boeing 787 orders reached 840. Boeing earned $787 million and hired 1,787 people."
        let article = EntityEvents.prepare(TimelineArticle(body: body), for: [TimelineTarget(name: "Boeing 787 Dreamliner")])
        #expect(article.mentions.map(\.text) == ["787", "Boeing 787"])
    }

    @Test func aThingsNameInThePluralIsTheThing() {
        let body = "Korean Air bought 20 Dreamliners on 4 May 2024. Qantas flies two A380s. Jobses is no name."
        let dreamliner = EntityEvents.prepare(TimelineArticle(body: body), for: [TimelineTarget(name: "Boeing 787 Dreamliner")])
        #expect(dreamliner.mentions.map(\.text) == ["Dreamliners"])
        let a380 = EntityEvents.prepare(TimelineArticle(body: body), for: [TimelineTarget(name: "Airbus A380")])
        #expect(a380.mentions.map(\.text) == ["A380s"])
        let jobs = Mention(text: "Steve Jobs", type: .person, entity: "Steve Jobs", start: 1, stop: 10, sentence: 1, source: .model)
        let person = EntityEvents.prepare(TimelineArticle(body: "Steve Jobs spoke. Jobses is no name.", mentions: [jobs]), for: [TimelineTarget(name: "Steve Jobs")])
        #expect(person.mentions.map(\.text) == ["Steve Jobs"])
    }

    @Test func theExtractorsMentionOfAProductIsTheProductWhateverTypeItGaveIt() throws {
        let body = "The Dreamliner made its first flight on 15 December 2009. The plane landed in Everett on 16 December 2009."
        let found = mention("Dreamliner", in: body, type: .person)
        let target = TimelineTarget(name: "Boeing 787 Dreamliner")
        let article = EntityEvents.prepare(TimelineArticle(id: 1, published: PublicationDate(year: 2009, month: 12, day: 17), body: body, mentions: [found]),
                                           for: [target])
        #expect(article.mentions.map(\.entity) == ["Boeing 787 Dreamliner"])
        #expect(article.mentions.first?.type == .organization)
        let extractor = EventExtractor()
        let events = EntityEvents.select(extractor.events(in: article), of: target, in: article, extractor: extractor)
        // "The plane" is the product named the sentence before, once it is one.
        #expect(events.map(\.trigger).contains("landed"))
    }

    @Test func aCompanyBeforeItsOfficersRoleIsWhatTheCompanyStandsFor() throws {
        let body = "Louis Gallois, the Airbus chief executive, said on 4 May 2024 that the company had cut 4,000 jobs in 2023."
        let mentions = [mention("Louis Gallois", in: body, type: .person), mention("Airbus", in: body, type: .organization)]
        let target = TimelineTarget(name: "Airbus")
        let article = EntityEvents.prepare(TimelineArticle(id: 1, published: PublicationDate(year: 2024, month: 5, day: 5), body: body, mentions: mentions),
                                           for: [target])
        let extractor = EventExtractor()
        let events = extractor.events(in: article)
        #expect(EntityEvents.select(events, of: target, in: article, extractor: extractor).map(\.trigger).contains { $0.hasSuffix("cut") })
        // The officer's saying stays the officer's.
        #expect(try #require(events.first { $0.trigger == "said" }).entities == ["Louis Gallois"])
    }

    @Test func aNameAtTheEndOfAnEventsNounPhraseIsItsObject() throws {
        let body = "Aeroflot negotiated the purchase of 22 new Boeing 787 Dreamliners on 10 June 2007. Boeing unveiled their new 787 Dreamliner in July 2007. Aeroflot flew to Paris with the Dreamliner team on 11 June 2007."
        let target = TimelineTarget(name: "Boeing 787 Dreamliner")
        let article = EntityEvents.prepare(TimelineArticle(id: 1, published: PublicationDate(year: 2007, month: 7, day: 9), body: body), for: [target])
        let extractor = EventExtractor()
        let events = EntityEvents.select(extractor.events(in: article), of: target, in: article, extractor: extractor)
        #expect(events.map(\.trigger).contains("purchase"))
        #expect(events.map(\.trigger).contains("unveiled"))
        // A preposition between: the flight is Aeroflot's, not the team's name.
        #expect(!events.map(\.trigger).contains("flew"))
    }

    @Test func aNameThatOpensItsOwnClauseOrFollowsAParticleIsNoObject() {
        let body = "Voters lined up behind Boeing in May 2007. Analysts described the dire situation Boeing is facing on 3 June 2007. The legend said people misunderstand Boeing on 4 June 2007. Airbus took the stage alongside Boeing on 5 June 2007. Analysts said the new Boeing jets were late on 6 June 2007."
        let target = TimelineTarget(name: "Boeing")
        let article = EntityEvents.prepare(TimelineArticle(id: 1, published: PublicationDate(year: 2007, month: 7, day: 9), body: body), for: [target])
        let extractor = EventExtractor()
        let triggers = EntityEvents.select(extractor.events(in: article), of: target, in: article, extractor: extractor).map(\.trigger)
        #expect(!triggers.contains("lined"))
        #expect(!triggers.contains("described"))
        #expect(!triggers.contains("said"))
        #expect(!triggers.contains("took"))
    }
}
