import DossierCore
import Foundation
import Testing
@testable import Timeline

/// Session 10's rules: verbs TimeBank classes as states are no happenings; a
/// present after "when" is no happening; a name past a complementizer or
/// before the noun it modifies takes no part in the verb.
@Suite struct StatesAndParticipantsTests {
    static func article(_ body: String, _ people: [(text: String, entity: String, type: EntityType, sentence: Int)]) -> TimelineArticle {
        EventSelectionTests.article(body, people)
    }

    @Test func theLexiconReadsTheStateColumnAndFallsBackToTheFamily() {
        let lexicon = EventLexicon(tsv: "believed\t4\t4\t4\nbelieves\t2\t2\t2\nsigned\t9\t9\t0\nremains\t3\t4\t1\nhoped\t1\t1\t1\n")
        #expect(lexicon.isState("believed"))
        #expect(!lexicon.isState("signed"))
        // One state in three events: no state.
        #expect(!lexicon.isState("remains"))
        // Seen once as an event: the family ("believ-") decides, 6 of 6.
        #expect(lexicon.stateShare("believing") == 1)
        #expect(lexicon.stateShare("hoped") == nil)
        // A file of three columns knows no states.
        #expect(!EventLexicon(tsv: "believed\t4\t4\n").isState("believed"))
    }

    @Test func statesAndStatesOfMindAreNoEventsButStillGovernTheirInfinitive() throws {
        let body = "Voters met. She wanted a recount in May 2016. It seemed calm in May 2016. Officials announced the result in May 2016. Airbus plans to sell the unit in 2025."
        let events = EventSelectionTests.events(body).filter { !$0.isHypothetical }
        let triggers = events.map(\.trigger)
        #expect(!triggers.contains("wanted"))
        #expect(!triggers.contains("seemed"))
        #expect(!triggers.contains("plans"))
        #expect(triggers.contains("announced"))
        // The plan's infinitive is still dated as what is planned: later.
        #expect(try #require(events.first { $0.trigger == "to sell" }).tense == .future)
    }

    @Test func aPresentAfterWhenIsNoHappening() {
        let body = "Fans watched. His biggest plays come when the Sixers are experiencing a lull. The Sixers are experiencing a lull, coaches say."
        let events = EventSelectionTests.events(body).filter { !$0.isHypothetical }
        #expect(!events.contains { $0.trigger == "are experiencing" && $0.sources.first?.sentence == 2 })
        #expect(events.contains { $0.trigger == "are experiencing" && $0.sources.first?.sentence == 3 })
    }

    @Test func aNamePastThatBelongsToTheClauseItOpens() throws {
        let body = "Voters met. Exit polling showed that Clinton won in May 2016. Aides told Clinton in May 2016."
        let events = EventExtractor().events(in: Self.article(body, [("Clinton", "Hillary Clinton", .person, 2),
                                                                     ("Clinton@Clinton in", "Hillary Clinton", .person, 3)]))
        #expect(try #require(events.first { $0.trigger == "showed" }).entities.isEmpty)
        #expect(try #require(events.first { $0.trigger == "won" }).entities == ["Hillary Clinton"])
        #expect(try #require(events.first { $0.trigger == "told" }).entities == ["Hillary Clinton"])
    }

    @Test func aNameBeforeTheNounItModifiesIsNotTheVerbsSubject() throws {
        let body = "Debates began. Other Clinton challengers justifiably complained in May 2016. Trump supporters rallied in May 2016. Trump further described it in May 2016. Trump last week invited Russia."
        let events = EventExtractor().events(in: Self.article(body, [("Clinton", "Hillary Clinton", .person, 2), ("Trump", "Donald Trump", .person, 3),
                                                                     ("Trump@Trump further", "Donald Trump", .person, 4),
                                                                     ("Trump@Trump last", "Donald Trump", .person, 5)]))
        #expect(try #require(events.first { $0.trigger == "complained" }).entities.isEmpty)
        #expect(try #require(events.first { $0.trigger == "rallied" }).entities.isEmpty)
        #expect(try #require(events.first { $0.trigger == "described" }).entities == ["Donald Trump"])
        #expect(try #require(events.first { $0.trigger == "invited" }).entities == ["Donald Trump"])
    }
}

extension StatesAndParticipantsTests {
    @Test func aPartysAdjectiveBeforeANounDescribesIt() throws {
        let body = "Voters met. She accused Republican contender Donald Trump in May 2016. Republicans met in May 2016."
        let events = EventExtractor().events(in: Self.article(body, [("Republican", "Republicans", .organization, 2),
                                                                     ("Donald Trump", "Donald Trump", .person, 2),
                                                                     ("Republicans", "Republicans", .organization, 3)]))
        #expect(!(try #require(events.first { $0.trigger == "accused" }).entities.contains("Republicans")))
        #expect(try #require(events.first { $0.trigger == "met" && $0.sources.first?.sentence == 3 }).entities == ["Republicans"])
    }
}
