import DossierCore
import Foundation
import Testing
@testable import Timeline

/// Session 11's rules: a state told as holding now, an emphatic present, a
/// naming participle, a word of an address, a belief's contracted subject, a
/// possessive pronoun's participle, a habit in any tense; a title of the
/// other sex and a name after an adjective take no part.
@Suite struct OngoingAndNamingTests {
    static func article(_ body: String, _ people: [(text: String, entity: String, type: EntityType, sentence: Int)]) -> TimelineArticle {
        EventSelectionTests.article(body, people)
    }

    static func listed(_ body: String) -> [Event] {
        EventSelectionTests.events(body).filter { !$0.isHypothetical }
    }

    @Test func aPresentHoldingNowIsNoHappening() {
        let events = Self.listed("Voters met. Mr Anderson quit the firm in 2001 and now runs a charity. Clinton is currently leading Sanders. Police are now investigating the fire.")
        let triggers = events.map(\.trigger)
        #expect(!triggers.contains("runs"))
        #expect(!triggers.contains("is currently leading"))
        // What has begun stays: "are now investigating".
        #expect(triggers.contains("are investigating"))
    }

    @Test func aProgressiveOfStandingIsNoHappening() {
        let triggers = EventSelectionTests.listedTriggers(
            "Voters met. Clinton is leading Sanders in Iowa. The senators are backing the bill this week. He is running for president. "
                + "Police are investigating the fire. The governor was running late on Monday.")
        #expect(!triggers.contains("is leading"))
        #expect(!triggers.contains("are backing"))
        #expect(!triggers.contains("is running"))
        // A verb of doing stays, and so does a past progressive.
        #expect(triggers.contains("are investigating"))
        #expect(triggers.contains("was running"))
    }

    @Test func anEmphaticPresentIsAsGenericAsTheSimpleOne() {
        let triggers = EventSelectionTests.listedTriggers("Trains ran. On long services they do try to use coaches with toilets. They did try to use coaches.")
        #expect(!triggers.contains("do try"))
        #expect(triggers.contains("did try"))
    }

    @Test func aNamingParticipleIsNoHappening() {
        let triggers = EventSelectionTests.listedTriggers("Fans gathered. A Facebook group called Fan Club has garnered members. The president called Trump a liar.")
        #expect(triggers.filter { $0 == "called" }.count == 1)
        #expect(triggers.contains("has garnered"))
    }

    @Test func aWordOfAnAddressIsNoTrigger() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. On May 5, 2026 mail vote@nycha.nyc.gov today.")
        #expect(!triggers.contains("vote"))
    }

    @Test func aBeliefsContractedSubjectOpensTheBelievedClause() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. Trump thinks she's done a serviceable job in May 2016.")
        #expect(!triggers.contains { $0.hasSuffix("done") })
    }

    @Test func aParticipleAfterAPossessivePronounDescribesTheNoun() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. Sanders asked her to release the transcripts of her paid speeches in May 2016.")
        #expect(!triggers.contains("paid"))
        #expect(triggers.contains("asked"))
    }

    @Test func aHabitInThePastIsNoDatedEvent() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. Trump has consistently targeted Mexico. Trump has targeted Mexico.")
        #expect(triggers.filter { $0 == "has targeted" }.count == 1)
    }

    @Test func aTitleOfTheOtherSexIsSomeoneElse() throws {
        let body = "Donors met. On Thursday, Mr. Clinton said the gathering would be the last. Mrs. Clinton said the same."
        let events = EventExtractor().events(in: Self.article(body, [("Clinton", "Hillary Clinton", .person, 2),
                                                                     ("Clinton@Clinton said the same", "Hillary Clinton", .person, 3)]))
        let said = events.filter { $0.trigger == "said" }
        #expect(said.count == 2)
        #expect(try #require(said.first { $0.sources.first?.sentence == 2 }).entities.isEmpty)
        #expect(try #require(said.first { $0.sources.first?.sentence == 3 }).entities == ["Hillary Clinton"])
    }

    @Test func aNameAfterAnAdjectiveModifiesTheNoun() throws {
        let body = "Voters met. Sexton had attended four previous Trump rallies since he began following campaigns."
        let events = EventExtractor().events(in: Self.article(body, [("Trump", "Donald Trump", .person, 2)]))
        #expect(!events.contains { $0.entities.contains("Donald Trump") && $0.trigger != "rallies" })
    }
}

extension OngoingAndNamingTests {
    @Test func aPlaceCoordinatedWithAnObjectIsNoSubject() throws {
        let body = "Voters met. Clinton won in Nevada and South Carolina and she increased her lead in May 2016."
        let events = EventExtractor().events(in: Self.article(body, [("Nevada", "Nevada", .geopolitical, 2),
                                                                     ("South Carolina", "South Carolina", .geopolitical, 2)]))
        #expect(!(try #require(events.first { $0.trigger == "increased" }).entities.contains("South Carolina")))
    }

    @Test func namesCoordinatedAfterAReportOpenTheReportedClause() throws {
        let body = "Bankers met. The chairwoman says Igor Kolomoisky and Gennady Bogolyubov stole the money in May 2016."
        let events = EventExtractor().events(in: Self.article(body, [("Igor Kolomoisky", "Igor Kolomoisky", .person, 2),
                                                                     ("Gennady Bogolyubov", "Gennady Bogolyubov", .person, 2)]))
        #expect(!(try #require(events.first { $0.trigger == "says" }).entities.contains("Igor Kolomoisky")))
    }
}

extension OngoingAndNamingTests {
    @Test func aCampaignThatActsIsNoEvent() {
        let triggers = EventSelectionTests.listedTriggers("Donors met. Trump's campaign raised more money in May 2016. Clinton campaign manager Robby Mook spoke in May 2016. The campaign of 2008 began in May 2008.")
        // Only the campaign of 2008 (the activity) stays.
        #expect(triggers.filter { $0 == "campaign" }.count == 1)
        #expect(triggers.contains("raised"))
    }

    @Test func aYearBeforeANounDatesTheNounOnly() throws {
        let events = Self.listed("Voters met. Trump called the 1996 pageant winner a name. Trump called Machado a name in 1996.")
        let called = events.filter { $0.trigger == "called" }
        #expect(try #require(called.first { $0.sources.first?.sentence == 2 }).label != "1996")
        #expect(try #require(called.first { $0.sources.first?.sentence == 3 }).label == "1996")
    }

    @Test func anIfReachesPastANamesWords() {
        let events = EventSelectionTests.events("Voters met. Gingrich said if presumptive Republican presidential nominee Donald Trump picked him it would be fine.")
        #expect(events.first { $0.trigger == "picked" }?.isHypothetical != false)
    }
}

extension OngoingAndNamingTests {
    @Test func aPollStandingIsNoHappening() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. Trump held a sizable lead in the race in May 2016. Trump is leading in the polls in May 2016. Clinton has enjoyed a big lead in May 2016. Trump jumped to a big lead in May 2016.")
        #expect(!triggers.contains("held"))
        #expect(!triggers.contains("is leading"))
        #expect(!triggers.contains("has enjoyed"))
        #expect(triggers.contains("jumped"))
    }
}

extension OngoingAndNamingTests {
    @Test func whatWhetherAsksIsNotToldAsHappened() {
        let events = EventSelectionTests.events("Officials met. They asked for an inquiry to determine whether Clinton violated the rules in May 2016. Clinton violated the rules in May 2016.")
        let violated = events.filter { $0.trigger == "violated" }
        #expect(violated.filter(\.isHypothetical).count == 1)
        #expect(violated.filter { !$0.isHypothetical }.count == 1)
    }

    @Test func doingNothingIsNoHappening() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. Trump has done nothing to dispel it in May 2016. Trump has done much in May 2016.")
        #expect(triggers.filter { $0 == "has done" }.count == 1)
    }

    @Test func aFloatingQuantifierKeepsTheVerbGroup() {
        let triggers = EventSelectionTests.listedTriggers("Traders met. They are both designed to help users buy coins.")
        #expect(!triggers.contains("designed"))
        #expect(!triggers.contains("to help"))
    }
}

extension OngoingAndNamingTests {
    @Test func aHabitAdverbCountsOnlyAtItsVerb() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. Trump has begun calling out those who were not always loyal. Hancock responded: \u{201C}Sometimes we move fast.\u{201D} He interrupted constantly.")
        #expect(triggers.contains("has begun"))
        #expect(triggers.contains("responded"))
        #expect(!triggers.contains("interrupted"))
    }
}

extension OngoingAndNamingTests {
    @Test func aForecastFutureIsHypothetical() {
        let events = EventSelectionTests.events("Chairs met. They predicted Clinton will make up the lost ground. Clinton will make up the lost ground.")
        let made = events.filter { $0.trigger == "will make" }
        #expect(made.filter(\.isHypothetical).count == 1)
        #expect(made.filter { !$0.isHypothetical }.count == 1)
    }
}

extension OngoingAndNamingTests {
    static let trump: [(text: String, entity: String, type: EntityType, sentence: Int)] = [("Trump", "Donald Trump", .person, 2)]

    @Test func aNamePastASubordinatorIsTheNextClauses() throws {
        let events = EventExtractor().events(in: Self.article("Fans met. The crowd cheered when Trump spotted a sign.", Self.trump))
        #expect(!(try #require(events.first { $0.trigger == "cheered" }).entities.contains("Donald Trump")))
        #expect(try #require(events.first { $0.trigger == "spotted" }).entities.contains("Donald Trump"))
    }

    @Test func aDashClosesTheAsideANameIsIn() throws {
        let body = "Fans met. Christie \u{2014} a possible running mate for Trump \u{2014} made revitalizing the city a priority."
        let events = EventExtractor().events(in: Self.article(body, Self.trump))
        #expect(!(try #require(events.first { $0.trigger == "made" }).entities.contains("Donald Trump")))
    }
}

extension OngoingAndNamingTests {
    @Test func whatAPastIntentionWasForIsNotAfterThePublication() {
        let events = EventSelectionTests.events("Loggers met. He decided to leave the jungle. He has agreed to leave the jungle.")
        let leave = events.filter { $0.trigger == "to leave" }
        let listed = leave.filter { event in !event.isHypothetical }
        #expect(!listed.contains { event in event.sources.first?.sentence == 2 })
        #expect(listed.contains { event in event.sources.first?.sentence == 3 && event.modifier == .after })
    }
}

extension OngoingAndNamingTests {
    @Test func aThoughtOrAFearAboutANameIsNoEvent() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. Yglesias thinks Trump will cause damage. I am afraid that Trump will win. There is no chance Clinton will withdraw. Trump will win.")
        #expect(!triggers.contains("will cause"))
        #expect(!triggers.contains("will withdraw"))
        #expect(triggers.filter { $0 == "will win" }.count == 1)
    }
}
