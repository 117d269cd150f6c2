import Claims
import DossierCore
import EntityExtractor
import Testing

/// Reporting nouns ("Trump's criticism of", "allegations that") on sentences
/// written for the tests, with a hand-made lexicon in which the nouns are cues.
@Suite struct NominalCueTests {
    static let lexicon = CueLexicon(counts: [
        "said": .init(total: 100, cue: 95), "criticism": .init(total: 20, cue: 15), "comments": .init(total: 20, cue: 15),
        "claims": .init(total: 20, cue: 15), "allegations": .init(total: 20, cue: 15), "support": .init(total: 20, cue: 15),
        "statement": .init(total: 20, cue: 15), "calls": .init(total: 20, cue: 15),
    ])
    let finder = AttributionFinder(lexicon: NominalCueTests.lexicon)

    func parts(_ text: String) -> [(source: String?, cue: String, content: [String])] {
        let bytes = Array(text.utf8)
        func words(_ span: ByteSpan) -> String { String(decoding: bytes[span], as: UTF8.self) }
        return finder.attributions(in: TokenizedText(text: text)).map { claim in
            (claim.source.map(words), words(claim.cue), claim.content.map(words))
        }
    }

    @Test func aNamesPossessiveIsTheSourceAndThePrepositionJoinsTheCue() {
        let found = parts("Donald Trump's criticism of the Iran deal drew applause from the crowd.")
        #expect(found.count == 1)
        #expect(found.first?.source == "Donald Trump")
        #expect(found.first?.cue == "criticism of")
        #expect(found.first?.content == ["the Iran deal"])
    }

    @Test func aPossessivePronounPastAModifierIsTheSource() {
        let found = parts("He angered Jewish leaders with his recent comments on Muslims.")
        #expect(found.count == 1)
        #expect(found.first?.source == "his")
        #expect(found.first?.cue == "comments on")
        #expect(found.first?.content == ["Muslims"])
    }

    @Test func anAgentAfterTheNounIsTheSourceAndThatItsClause() {
        let found = parts("The department rejected the claims by intelligence agencies that some messages were classified.")
        #expect(found.count == 1)
        #expect(found.first?.source == "intelligence agencies")
        #expect(found.first?.cue == "claims")
        #expect(found.first?.content == ["that some messages were classified"])
    }

    @Test func aNounAfterAPrepositionWithoutPossessorHasNoSource() {
        let found = parts("Clinton campaigned amid allegations that she mishandled classified information.")
        #expect(found.count == 1)
        #expect(found.first?.source == nil)
        #expect(found.first?.cue == "allegations")
        #expect(found.first?.content == ["that she mishandled classified information"])
    }

    @Test func aSentenceOpeningWithTheNounHasNoSource() {
        let found = parts("Support for Sanders has been strongest among young voters.")
        #expect(found.count == 1)
        #expect(found.first?.source == nil)
        #expect(found.first?.cue == "Support for")
        #expect(found.first?.content == ["Sanders"])
    }

    @Test func aNounWithoutComplementIsNoClaim() {
        #expect(parts("The statement was issued late on Tuesday.").isEmpty)
        // A reporting noun inside another claim's content, with no complement, adds nothing.
        #expect(parts("Experts said the claims were false.").map(\.cue) == ["said"])
    }

    @Test func aVerbAfterItsSubjectIsNotReadAsANoun() {
        // "senator" is no adjective: "calls" is the verb of "The senator", not a noun of "The".
        let found = parts("The senator calls for an inquiry into the attack.")
        #expect(found.count == 1)
        #expect(found.first?.source == "The senator")
    }
}
