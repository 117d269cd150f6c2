import DossierCore
import Foundation
import Testing
@testable import Timeline

/// Session 11, second round: a heading line and a credit line yield no
/// events; an intransitive -ing before a noun describes it; "poised" is a
/// state; an undated perfect progressive is no point.
@Suite struct HeadingsAndModifiersTests {
    @Test func aHeadingLineYieldsNoEvent() {
        let triggers = EventSelectionTests.listedTriggers("Gardeners met.\nPotted Bougainvillea – Good Soil and Drainage\nBender-Shaped Covers For Speakers\nThe gardener potted the vine in May 2016.")
        #expect(!triggers.contains("Potted"))
        #expect(!triggers.contains("Bender-Shaped"))
        #expect(triggers.contains("potted"))
    }

    @Test func aCreditLineYieldsNoEvent() {
        let triggers = EventSelectionTests.listedTriggers("Kids laughed.\n\n—submitted by Stella D.\n\nThe jokes were submitted by readers in May 2016.")
        #expect(triggers.filter { $0.hasSuffix("submitted") }.count == 1)
    }

    @Test func anIntransitiveIngBeforeANounDescribesIt() {
        let triggers = EventSelectionTests.listedTriggers("Courts sat. The judge sentenced sobbing Hartley to three years. Biden joined growing calls on Thursday. Calls are growing.")
        #expect(!triggers.contains("sobbing"))
        #expect(!triggers.contains("growing"))
        #expect(triggers.contains("are growing"))
        #expect(triggers.contains("sentenced"))
    }

    @Test func poisedIsAState() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. A poll released last week showed Clinton poised to carry the state.")
        #expect(!triggers.contains("poised"))
        #expect(triggers.contains("released"))
    }

    @Test func anUndatedPerfectProgressiveIsNoPoint() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. Other news came. More news came. Still more came. Clinton has been embracing her gender. Clinton has embraced her gender. Clinton has been touring Iowa since May 2016.")
        #expect(!triggers.contains("has been embracing"))
        #expect(triggers.contains("has embraced"))
        #expect(triggers.contains("has been touring"))
    }

    @Test func aPerfectInTheLeadIsBeforeThePublicationUnlessTheLeadNamesItsDay() throws {
        let events = EventSelectionTests.events("Kirstie Alley is another celebrity who has faced criticism about her weight.")
        #expect(try #require(events.first { $0.trigger == "has faced" }).label == "before 2025-12-28")
        let published = PublicationDate(year: 2010, month: 10, day: 23)
        let dated = "Voters weigh the race. On Tuesday, the candidates met in a debate in the state. Dossaji has warned the fight goes on."
        let other = EventExtractor().events(in: EventSelectionTests.article(dated, [], published: published))
        #expect(try #require(other.first { $0.trigger == "has warned" }).dating == .story)
    }
}

@Suite struct ContractedPerfectTests {
    @Test func aParticipleWithAnObjectAfterApostropheSIsAPerfect() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. Alley is a celebrity who's faced criticism. It is a base that's already pushed Clinton leftward. It's called Fan Club.")
        #expect(triggers.contains("has faced"))
        #expect(triggers.contains("has pushed"))
        #expect(!triggers.contains("is faced"))
    }
}

@Suite struct ComparedClauseDateTests {
    static func labels(_ body: String, trigger: String) -> [String] {
        EventSelectionTests.events(body).filter { $0.trigger == trigger }.map(\.label)
    }

    @Test func aDateAfterThanAndAnAuxiliaryDatesTheComparedClause() {
        #expect(!Self.labels("Voters met. She won a higher share of the vote than Barack Obama did in 2008.", trigger: "won").contains("2008"))
        // A quantity is no compared clause.
        #expect(Self.labels("Voters met. He started out more than 60 points ahead of Sanders in 2014.", trigger: "started").contains("2014"))
    }
}

@Suite struct HeldOpinionTests {
    @Test func anOpinionHeldInThePresentIsNoHappening() {
        let triggers = EventSelectionTests.listedTriggers("Voters met. Clinton and Sanders are each viewed positively by voters. Sanders was viewed by reporters in May 2016.")
        #expect(!triggers.contains("are viewed"))
        #expect(triggers.contains("was viewed"))
    }
}
