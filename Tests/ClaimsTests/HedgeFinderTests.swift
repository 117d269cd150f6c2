import Claims
import DossierCore
import EntityExtractor
import Testing

@Suite struct HedgeFinderTests {
    func hedges(_ text: String) -> [(String, Hedge.Kind)] {
        let bytes = Array(text.utf8)
        return HedgeFinder().hedges(in: TokenizedText(text: text)).map { (String(decoding: bytes[$0.span], as: UTF8.self), $0.kind) }
    }

    @Test func modalsAdverbsAndEpistemicPhrases() {
        let found = hedges("The deal could collapse. He reportedly left. The envoy is believed to be in Dhaka; it appears stalled.")
        #expect(found.map(\.0) == ["could", "reportedly", "is believed to", "appears"])
        #expect(found.allSatisfy { $0.1 == .hedge })
    }

    @Test func negativeEvidenceWinsOverItsModal() {
        let found = hedges("The claim could not be independently verified, and there is no public evidence of a pact.")
        #expect(found.map(\.0) == ["could not be independently verified", "no public evidence"])
        #expect(found.allSatisfy { $0.1 == .negativeEvidence })
        #expect(hedges("A strike is not being ruled out.").map(\.1) == [.negativeEvidence])
    }

    @Test func theMonthMayIsNoHedge() {
        #expect(hedges("Talks resumed in May after a pause.").isEmpty)
        #expect(hedges("May brought rain.").map(\.0) == ["May"])
        #expect(hedges("Talks may resume.").map(\.0) == ["may"])
    }
}
