import DossierCore
@testable import EntityExtractor
import Testing

/// A person's surname alone after the full name, where the tagger did not take it.
@Suite struct SurnameEchoRuleTests {
    private static let prose = "\n\nThe council said on Monday that the plan would cost more than expected, and officials agreed."

    @Test func aSurnameAloneAfterTheFullNameIsThatPerson() {
        let text = "Kirstie Alley spoke on the podcast this week. Alley mused over the rules. “It changed,” said Alley." + Self.prose
        let mentions = Fixtures.scripted([("Kirstie Alley", .person)]).extract(text)
        let alone = mentions.filter { $0.text == "Alley" }
        #expect(alone.count == 2)
        #expect(alone.allSatisfy { $0.type == .person && $0.entity == "Kirstie Alley" })
    }

    @Test func theWordBeforeTheNameADateAndASentencesCommonWordStayWords() {
        let text = "Young people liked the show. Neil Young played on Friday. Young voters agreed, and Young said so. "
            + "The vote is on May 5, Theresa May said." + Self.prose
        let mentions = Fixtures.scripted([("Neil Young", .person), ("Theresa May", .person)]).extract(text)
        let young = mentions.filter { $0.text == "Young" }
        // Before the full name: a word; at a sentence's start before a noun: a word; before "said": the person.
        #expect(young.count == 1)
        #expect(young.first?.entity == "Neil Young")
        #expect(!mentions.contains { $0.text == "May" })
    }

    @Test func twoPeopleWithOneSurnameLeaveItAlone() {
        let text = "Hillary Clinton and Chelsea Clinton spoke. Later Clinton left the stage." + Self.prose
        let mentions = Fixtures.scripted([("Hillary Clinton", .person), ("Chelsea Clinton", .person)]).extract(text)
        #expect(!mentions.contains { $0.text == "Clinton" })
    }
}
