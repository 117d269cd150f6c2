import DossierCore
import Testing
@testable import Timeline

/// Choosing the events of a target, and finding it where the extractor did not.
@Suite struct EntityEventsTests {
    @Test func searchNamesAddModelNumbersAndInitials() {
        #expect(TimelineTarget(name: "Boeing 787 Dreamliner").searchNames == ["Boeing 787 Dreamliner", "787 Dreamliner", "Dreamliner", "Boeing 787", "787"])
        #expect(TimelineTarget(name: "Airbus A380").searchNames == ["Airbus A380", "A380"])
        #expect(TimelineTarget(name: "United States Air Force").searchNames == ["United States Air Force", "USAF", "Air Force"])
        #expect(TimelineTarget(name: "Ryanair", aliases: ["Ryan Air"]).searchNames == ["Ryanair", "Ryan Air"])
    }

    @Test func searchNamesAddTheLastTwoWordsAndTheNameWithoutItsDesignator() {
        #expect(TimelineTarget(name: "Beatles Apple Corps").searchNames.contains("Apple Corps"))
        #expect(TimelineTarget(name: "China Eastern Airlines").searchNames.contains("China Eastern"))
        #expect(TimelineTarget(name: "iTunes store").searchNames.contains("iTunes"))
        #expect(!TimelineTarget(name: "China Eastern Airlines").searchNames.contains("Eastern Airlines"))
    }

    @Test func anArticlesBracketedAbbreviationAndTheFullNameItAbbreviatesAreTheTarget() {
        let company = "European Aeronautic Defence and Space Company"
        let body = "\(company) ( EADS ) is based in Paris. \(company) won a contract on 3 May 2024. Singapore Airlines (SIA) was pleased. SIA signed the deal on 4 May 2024."
        let second = body.utf8.count - body.drop { $0 != "." }.utf8.count + 2
        let long = [1, second + 1].enumerated().map { number, start in
            Mention(text: company, type: .organization, entity: company, start: start, stop: start + company.utf8.count - 1, sentence: number + 1, source: .model)
        }
        let article = EntityEvents.prepare(TimelineArticle(id: 1, published: PublicationDate(year: 2024, month: 5, day: 5), body: body, mentions: long),
                                           for: [TimelineTarget(name: "EADS"), TimelineTarget(name: "Singapore Airlines")])
        #expect(TimelineTarget(name: "Singapore Airlines").bracketNames(in: article).abbreviations == ["SIA"])
        let extractor = EventExtractor()
        let events = extractor.events(in: article)
        let eads = EntityEvents.select(events, of: TimelineTarget(name: "EADS"), in: article, extractor: extractor)
        #expect(eads.map(\.trigger).contains("won"))
        let singapore = EntityEvents.select(events, of: TimelineTarget(name: "Singapore Airlines"), in: article, extractor: extractor)
        #expect(singapore.map(\.trigger).contains("signed"))
    }

    @Test func namesTheExtractorMissedBecomeMentionsOnlyAsWholeWords() {
        let body = "The A380 flew. A3800 is no plane. Airbus A380 landed."
        let known = Mention(text: "Airbus A380", type: .organization, entity: "Airbus A380", start: 35, stop: 45, sentence: 3, source: .model)
        let article = EntityEvents.prepare(TimelineArticle(body: body, mentions: [known]), for: [TimelineTarget(name: "Airbus A380")])
        #expect(article.mentions.map(\.text) == ["A380", "Airbus A380"])
        #expect(article.mentions.first?.entity == "Airbus A380")
        #expect(article.mentions.first?.sentence == 1)
    }

    @Test func participantScopeKeepsTheTargetsEventsAndStoryScopeTheStory() {
        let body = "Boeing delivered a jet on 3 May 2024. Airbus lost an order on 4 May 2024. Boeing celebrated."
        let article = EntityEvents.prepare(TimelineArticle(id: 1, published: PublicationDate(year: 2024, month: 5, day: 5), body: body),
                                           for: [TimelineTarget(name: "Boeing"), TimelineTarget(name: "Airbus")])
        let extractor = EventExtractor()
        let events = extractor.events(in: article)
        let boeing = EntityEvents.select(events, of: TimelineTarget(name: "Boeing"), in: article, extractor: extractor)
        #expect(boeing.map(\.trigger).contains("delivered"))
        #expect(!boeing.map(\.trigger).contains("lost"))
        let story = EntityEvents.select(events, of: TimelineTarget(name: "Boeing"), in: article, extractor: extractor, scope: .story)
        #expect(story.map(\.trigger).contains("lost"))
        #expect(EntityEvents.select(events, of: TimelineTarget(name: "Embraer"), in: article, extractor: extractor).isEmpty)
    }

    @Test func anAliasLinkedToAnotherEntityIsNotTheTarget() {
        let bill = Mention(text: "Clinton", type: .person, entity: "Bill Clinton", start: 1, stop: 7, sentence: 1, source: .model)
        let loose = Mention(text: "Clinton", type: .person, entity: "Clinton", start: 20, stop: 26, sentence: 2, source: .model)
        let target = TimelineTarget(name: "Hillary Clinton", aliases: ["Clinton"])
        #expect(target.entityNames(in: [bill]) == ["Hillary Clinton"])
        #expect(target.entityNames(in: [bill, loose]) == ["Hillary Clinton", "Clinton"])
    }

    @Test func aTargetsFullNameReplacesTheExtractorsPiecesOfIt() throws {
        let body = "China Eastern Airlines stated on Thursday that it had signed a contract."
        let china = Mention(text: "China", type: .geopolitical, entity: "China", start: 1, stop: 5, sentence: 1, source: .model)
        let airlines = Mention(text: "Airlines", type: .organization, entity: "Airlines", start: 15, stop: 22, sentence: 1, source: .model)
        let target = TimelineTarget(name: "China Eastern Airlines")
        let article = EntityEvents.prepare(TimelineArticle(id: 1, published: PublicationDate(year: 2009, month: 6, day: 18), body: body,
                                                           mentions: [china, airlines]), for: [target])
        #expect(article.mentions.map(\.entity) == ["China Eastern Airlines"])
        let extractor = EventExtractor()
        let events = EntityEvents.select(extractor.events(in: article), of: target, in: article, extractor: extractor)
        // "stated" is an event though the lexicon counts it with the noun "state".
        #expect(try #require(events.first { $0.trigger == "stated" }).label == "2009-06-18")
        // A name that is the target itself, or one inside a longer mention, stays one mention, linked to the target's name.
        let whole = Mention(text: "China Eastern Airlines Corp", type: .organization, entity: "China Eastern", start: 1, stop: 27, sentence: 1, source: .model)
        let inside = EntityEvents.prepare(TimelineArticle(body: "China Eastern Airlines Corp grew.", mentions: [whole]), for: [target])
        #expect(inside.mentions.map(\.text) == ["China Eastern Airlines Corp"])
        #expect(inside.mentions.map(\.entity) == ["China Eastern Airlines"])
    }

    @Test func theAircraftWithDescribingWordsIsTheLastProductNamed() throws {
        let body = "The Airbus A380 was unveiled in Toulouse. Crowds gathered. The massive airliner will fly to Sydney in November 2005. Bands played. Officials met. The new aircraft will fly to Perth in December 2005."
        let a380 = Mention(text: "Airbus A380", type: .organization, entity: "Airbus A380", start: 5, stop: 15, sentence: 1, source: .model)
        let events = EventExtractor().events(in: TimelineArticle(published: PublicationDate(year: 2005, month: 10, day: 1), body: body, mentions: [a380]))
        #expect(try #require(events.first { $0.trigger == "will fly" && $0.sources.first?.sentence == 3 }).entities == ["Airbus A380"])
        // Five sentences on, "the aircraft" is no longer told by the name.
        #expect(try #require(events.first { $0.trigger == "will fly" && $0.sources.first?.sentence == 6 }).entities.isEmpty)
    }

    @Test func aHeadlinesPluralPresentIsTheStorysNews() throws {
        let body = "Northrop Grumman and EADS defeat Boeing for tanker contract\nThe Air Force chose the pair on 29 February 2008."
        let events = EventExtractor().events(in: TimelineArticle(published: PublicationDate(year: 2008, month: 3, day: 1), body: body))
        #expect(try #require(events.first { $0.trigger == "defeat" }).tense == .present)
        // After a verb in -s the base form is its object: "Airbus launches plane".
        let launch = EventExtractor().events(in: TimelineArticle(published: PublicationDate(year: 2005, month: 1, day: 18), body: "Airbus launches plane\nThe firm spoke."))
        #expect(launch.contains { $0.trigger == "launches" })
        #expect(!launch.contains { $0.trigger == "plane" })
    }
}
