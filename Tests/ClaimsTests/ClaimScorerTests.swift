@testable import Claims
import DossierCore
import EntityExtractor
import Testing

/// The claim scorer: weak cues the classifier takes as candidates are kept or
/// dropped by the shape of the claim built at them.
@Suite struct ClaimScorerTests {
    /// "think" scores below the classifier's margin (0.5) but above the candidate margin (`CueLexicon.candidateMargin`, below zero).
    static func lexicon(scorer: ClaimScorer?) -> CueLexicon {
        var lexicon = CueLexicon(counts: ["said": .init(total: 100, cue: 95), "think": .init(total: 100, cue: 30)])
        lexicon.classifier = CueClassifier(weights: ["w=said": 3, "w=think": 0.2])
        lexicon.claimScorer = scorer
        return lexicon
    }

    func cues(_ text: String, _ lexicon: CueLexicon) -> [String] {
        let bytes = Array(text.utf8)
        return AttributionFinder(lexicon: lexicon).attributions(in: TokenizedText(text: text)).map {
            String(decoding: bytes[$0.cue], as: UTF8.self)
        }
    }

    @Test func withoutAScorerTheClassifiersMarginDecides() {
        #expect(cues("Voters think that the economy is weak.", Self.lexicon(scorer: nil)) == [])
        #expect(cues("Voters said that the economy is weak.", Self.lexicon(scorer: nil)) == ["said"])
    }

    @Test func theScorerKeepsCandidateClaimsByTheirShape() {
        // Keeps a claim whose content opens with "that", drops others.
        let scorer = ClaimScorer(weights: ["b": -1, "con=after-that": 2, "w=said": 3], threshold: 0)
        let lexicon = Self.lexicon(scorer: scorer)
        #expect(cues("Voters think that the economy is weak.", lexicon) == ["think"])
        #expect(cues("Voters think the economy is weak.", lexicon) == [])
        #expect(cues("Voters said the economy is weak.", lexicon) == ["said"])
        // Its threshold is what --thresholds sets under a scorer.
        var stricter = lexicon
        stricter.set(cutoff: 1.5)
        #expect(stricter.claimScorer?.threshold == 1.5)
        #expect(cues("Voters think that the economy is weak.", stricter) == [])
    }

    @Test func claimsTheScorerCannotJudgeAreKept() {
        // A scorer that drops every claim it is asked about.
        var lexicon = CueLexicon(counts: [
            "said": .init(total: 100, cue: 95), "acknowledged": .init(total: 20, cue: 15),
            "note": .init(total: 40, cue: 10), "note that": .init(total: 20, cue: 18),
        ])
        lexicon.classifier = CueClassifier(weights: ["w=said": 3, "w=acknowledged": 3, "w=note": -3])
        lexicon.claimScorer = ClaimScorer(weights: ["b": -100])
        #expect(cues("Voters said that the economy is weak.", lexicon) == [])
        // A cue the counts made where the classifier did not ("note that", a confident pair).
        #expect(cues("Officials familiar with the talks note that progress is slow.", lexicon) == ["note"])
        // A passive agent's claim.
        #expect(cues("It was a move acknowledged by the Ministry of Foreign Affairs.", lexicon) == ["acknowledged"])
        // Judging only the candidates' claims keeps every claim at a cue.
        lexicon.claimScorer?.judgesCues = false
        #expect(cues("Voters said that the economy is weak.", lexicon) == ["said"])
    }

    @Test func featuresNameTheClaimsShape() throws {
        let text = ClaimText(TokenizedText(text: "“We will win,” Smith said on Tuesday."))
        let lexicon = Self.lexicon(scorer: nil)
        let pass = AttributionFinder.Pass(finder: AttributionFinder(lexicon: lexicon), text: text)
        let claim = try #require(pass.run().first)
        let features = pass.scorerFeatures(claim)
        #expect(features.contains("w=said"))
        #expect(features.contains("src=before-name-short"))
        #expect(features.contains("con=before-quote"))
        #expect(features.contains("s=6"))
        #expect(features.contains("srch=smith"))
        #expect(features.contains("subjcl=name on"))
        #expect(features.contains("stcon=said before-quote"))
    }

    @Test func theSourcesHeadWordIsLearnedNotListed() {
        // "officials" can be a speaker, "voters" here cannot: only the weight says so.
        let scorer = ClaimScorer(weights: ["b": -1, "srch=officials": 2], threshold: 0)
        let lexicon = Self.lexicon(scorer: scorer)
        #expect(cues("Senior officials think the economy is weak.", lexicon) == ["think"])
        #expect(cues("Voters think the economy is weak.", lexicon) == [])
    }

    @Test func aVerbsStemCarriesItsFormsWeight() {
        // A weight learned on the stem keeps "thinks" as it keeps "think" (a subject and a clause after).
        var lexicon = CueLexicon(counts: ["think": .init(total: 100, cue: 30), "thinks": .init(total: 10, cue: 3)])
        lexicon.classifier = CueClassifier(weights: ["w=think": 0.2, "w=thinks": 0.2])
        lexicon.claimScorer = ClaimScorer(weights: ["b": -1, "st=think": 2], threshold: 0)
        #expect(cues("Trump thinks the economy is weak.", lexicon) == ["thinks"])
        lexicon.claimScorer = ClaimScorer(weights: ["b": -1, "st=thin": 2], threshold: 0)
        #expect(cues("Trump thinks the economy is weak.", lexicon) == [])
    }

    @Test func weightsSurviveTheFileForm() throws {
        let scorer = ClaimScorer(weights: ["b": -0.5, "w=said": 2.25])
        let read = try ClaimScorer(serialized: scorer.serialized(), name: "claim-weights.tsv")
        #expect(read.weights == scorer.weights)
        #expect(throws: CueLexicon.LoadError.malformed(file: "claim-weights.tsv", line: 2)) {
            try ClaimScorer(serialized: "b\t1\nbroken line\n", name: "claim-weights.tsv")
        }
    }
}
