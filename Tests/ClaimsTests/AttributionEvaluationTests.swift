import Claims
import DossierCore
import Testing

@Suite struct AttributionEvaluationTests {
    let text = String(repeating: "x", count: 200)

    func gold(source: Range<Int>?, cue: Range<Int>, content: Range<Int>) -> GoldAttribution {
        GoldAttribution(source: source.map { [$0] } ?? [], cue: [cue], content: [content])
    }

    @Test func matchingIsOneToOne() {
        var evaluation = AttributionEvaluation()
        let claim = Claim(source: 0..<5, cue: 6..<10, content: [11..<40], sentence: 1)
        // Two claims overlapping the one gold attribution: one matches, one is spurious.
        evaluation.add(document: "d", text: text, gold: [gold(source: 0..<5, cue: 6..<10, content: 11..<50)],
                       system: [claim, claim])
        let score = evaluation.overlap[.attribution]
        #expect(score?.correct == 1 && score?.predicted == 2 && score?.gold == 1)
    }

    @Test func augmentingPathsFindTheLargerMatching() {
        // Claim A overlaps gold 1 and 2, claim B only gold 1: a greedy A-1 would leave B unmatched.
        var evaluation = AttributionEvaluation()
        let goldOne = gold(source: 0..<5, cue: 6..<10, content: 11..<30)
        let goldTwo = gold(source: 0..<5, cue: 8..<12, content: 25..<60)
        let a = Claim(source: 0..<3, cue: 7..<11, content: [20..<40], sentence: 1)
        let b = Claim(source: 0..<3, cue: 6..<7, content: [12..<14], sentence: 1)
        evaluation.add(document: "d", text: text, gold: [goldOne, goldTwo], system: [a, b])
        #expect(evaluation.overlap[.attribution]?.correct == 2)
    }

    @Test func sourceLessGoldNeedsASourceLessClaim() {
        var evaluation = AttributionEvaluation()
        let sourceless = gold(source: nil, cue: 6..<10, content: 11..<30)
        evaluation.add(document: "d", text: text, gold: [sourceless],
                       system: [Claim(source: 0..<5, cue: 6..<10, content: [11..<30], sentence: 1)])
        #expect(evaluation.overlap[.attribution]?.correct == 0)
        // The cue and content still count on their own; the source has no gold to match.
        #expect(evaluation.overlap[.cue]?.correct == 1)
        #expect(evaluation.overlap[.source]?.gold == 0 && evaluation.overlap[.source]?.predicted == 1)
        var second = AttributionEvaluation()
        second.add(document: "d", text: text, gold: [sourceless], system: [Claim(source: nil, cue: 6..<10, content: [11..<30], sentence: 1)])
        #expect(second.overlap[.attribution]?.correct == 1)
        #expect(second.exact[.attribution]?.correct == 1)
    }

    @Test func exactIgnoresOnlySurroundingSpace() {
        let spaced = "said  that it rained "
        var evaluation = AttributionEvaluation()
        evaluation.add(document: "d", text: spaced, gold: [GoldAttribution(source: [], cue: [0..<4], content: [4..<20])],
                       system: [Claim(source: nil, cue: 0..<4, content: [6..<21], sentence: 1),
                                Claim(source: nil, cue: 0..<4, content: [6..<15], sentence: 1)])
        #expect(evaluation.exact[.content]?.correct == 1)
        #expect(evaluation.overlap[.content]?.correct == 1)
    }

    @Test func scoresAreRatios() {
        let score = AttributionEvaluation.Score(correct: 3, predicted: 4, gold: 6)
        #expect(score.precision == 0.75 && score.recall == 0.5)
        #expect(abs(score.f1 - 0.6) < 1e-9)
        #expect(AttributionEvaluation.Score().f1 == 0)
    }
}
