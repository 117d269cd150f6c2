import DossierCore
@testable import EntityExtractor
import Testing

@Suite struct HeadlineRuleTests {
    let body = "\nPakistan said it has signed a defense cooperation pact with Bangladesh, signaling a fresh attempt by the two countries.\n"

    @Test func titleCaseHeadlineKeepsOnlyListedNames() {
        let text = "Pakistan and Bangladesh Sign New Defense Cooperation Pact" + body
        let extractor = Fixtures.scripted([("Bangladesh Sign New Defense Cooperation Pact", .organization),
                                           ("Defense Cooperation Pact", .organization), ("New Defense", .person)])
        let mentions = extractor.extract(text)
        #expect(!mentions.contains { $0.type == .organization || $0.type == .person })
        #expect(mentions.prefix(2).map(\.text) == ["Pakistan", "Bangladesh"])
    }

    @Test func sectionHeadingYieldsNothing() {
        let text = "Training, exercises, and the question of capabilities" + body
        let mentions = Fixtures.scripted([("Training", .organization)]).extract(text)
        #expect(mentions.first("Training") == nil)
    }

    @Test func headlineSpanAlsoFoundInTheBodyStands() {
        let text = "Hasina Meets Sharif in Islamabad\nSheikh Hasina met Shehbaz Sharif in Islamabad on Monday, officials said.\n"
        let mentions = Fixtures.scripted([("Sharif", .person), ("Shehbaz Sharif", .person), ("Hasina", .person)]).extract(text)
        #expect(mentions.first("Sharif")?.type == .person)
        #expect(mentions.first("Sharif")?.entity == "Shehbaz Sharif")
    }

    @Test func bylineIsNoHeadline() {
        let text = "By: Abhinandan Mishra" + body
        let mentions = Fixtures.scripted([("Abhinandan Mishra", .person)]).extract(text)
        #expect(mentions.first("Abhinandan Mishra")?.type == .person)
    }

    @Test func aLoneLineIsASentenceNotAHeadline() {
        let mentions = Fixtures.scripted([("Sheikh Hasina", .person)]).extract("Sheikh Hasina visited Dhaka")
        #expect(mentions.map(\.text) == ["Sheikh Hasina", "Dhaka"])
    }
}
