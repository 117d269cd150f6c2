import Claims
import DossierCore
import EntityExtractor
import Testing

@Suite struct CueLexiconTests {
    @Test func learnsRatesFromWordsAndNeighbours() {
        var lexicon = CueLexicon(minimumEvidence: 2)
        let words = ["he", "said", "it", "was", "called", "for", "and", "called", "him", "said"]
        let inCue = [false, true, false, false, true, true, false, false, false, true]
        lexicon.learn(words: words, inCue: inCue)
        lexicon.learnNeighbours(words: words, inCue: inCue)
        #expect(lexicon.counts["said"] == .init(total: 2, cue: 2))
        #expect(lexicon.counts["called"] == .init(total: 2, cue: 1))
        #expect(lexicon.counts["called for"] == .init(total: 1, cue: 1, both: 1))
        #expect(lexicon.counts["< he said"] == .init(total: 1, cue: 1))
    }

    @Test func judgeBacksOffToTheWordWhenNeighboursAreRare() {
        let lexicon = CueLexicon(counts: [
            "called": .init(total: 10, cue: 3), "called for": .init(total: 5, cue: 5, both: 5),
            "called him": .init(total: 5, cue: 0),
        ], threshold: 0.5, minimumEvidence: 4)
        #expect(lexicon.judge(previous: nil, word: "called", next: "for") == (true, true))
        #expect(lexicon.judge(previous: nil, word: "called", next: "him").isCue == false)
        #expect(lexicon.judge(previous: nil, word: "called", next: "it").isCue == false)
        #expect(lexicon.judge(previous: nil, word: "unknown", next: nil).isCue == false)
    }

    @Test func aFormTheCountsDoNotKeepIsACandidateByItsStem() {
        var lexicon = CueLexicon(counts: [
            "added": .init(total: 40, cue: 30), "adding": .init(total: 10, cue: 6), "the": .init(total: 900, cue: 3),
            "blamed": .init(total: 30, cue: 2),
        ])
        #expect(lexicon.stemCounts["add"] == .init(total: 50, cue: 36))
        #expect(lexicon.isCandidate("adds"))
        // A stem seen in cues too rarely ("blam": twice) makes no candidate.
        #expect(!lexicon.isCandidate("blames"))
        // A word the counts know is judged by its own counts, whatever its stem.
        #expect(!lexicon.isCandidate("the"))
        #expect(!lexicon.isCandidate("unheard"))
        lexicon.candidateStems = false
        #expect(!lexicon.isCandidate("adds"))
    }

    @Test func pruningRecountsTheStems() {
        var lexicon = CueLexicon()
        let words = ["he", "added", "she", "added", "they", "adding", "added"]
        let inCue = [false, true, false, true, false, false, true]
        lexicon.learn(words: words, inCue: inCue)
        lexicon.prune()
        // "adding" was never a cue and is pruned; the stem keeps only the kept forms.
        #expect(lexicon.stemCounts["add"] == .init(total: 3, cue: 3))
    }

    @Test func claimsAtCueWordsRarelyRightOnTrainingTextsAreDropped() {
        var lexicon = CueLexicon(counts: ["said": .init(total: 100, cue: 95), "about": .init(total: 100, cue: 40)])
        for index in 0..<20 { lexicon.learnClaim(at: "about", matched: index < 2) }
        for index in 0..<20 { lexicon.learnClaim(at: "said", matched: index < 15) }
        for _ in 0..<3 { lexicon.learnClaim(at: "rare", matched: false) }
        lexicon.claimFloor = 0.25
        #expect(lexicon.dropsClaims(at: "about"))
        #expect(!lexicon.dropsClaims(at: "said"))
        // Seen too rarely to judge, or never: kept.
        #expect(!lexicon.dropsClaims(at: "rare"))
        #expect(!lexicon.dropsClaims(at: "told"))
        lexicon.claimFloor = 0
        #expect(!lexicon.dropsClaims(at: "about"))
    }

    @Test func theFinderDropsClaimsAtAWordBelowTheFloor() {
        var lexicon = CueLexicon(counts: ["said": .init(total: 100, cue: 95), "told": .init(total: 40, cue: 30)])
        for index in 0..<20 { lexicon.learnClaim(at: "said", matched: index < 2) }
        for _ in 0..<20 { lexicon.learnClaim(at: "told", matched: true) }
        let text = "Officials said the talks would resume. The minister told reporters that no deal was near."
        func cues(_ lexicon: CueLexicon) -> [String] {
            AttributionFinder(lexicon: lexicon).attributions(in: TokenizedText(text: text)).map {
                String(decoding: Array(text.utf8)[$0.cue], as: UTF8.self)
            }
        }
        lexicon.claimFloor = 0
        #expect(cues(lexicon) == ["said", "told"])
        lexicon.claimFloor = 0.25
        #expect(cues(lexicon) == ["told"])
    }

    @Test func serializationRoundTrips() throws {
        let lexicon = CueLexicon(counts: ["said": .init(total: 9, cue: 8), "according to": .init(total: 4, cue: 4, both: 4)])
        let read = try CueLexicon(serialized: lexicon.serialized(), name: "cues.tsv")
        #expect(read.counts == lexicon.counts)
    }

    @Test func aMalformedLineNamesFileAndLine() {
        #expect(throws: CueLexicon.LoadError.malformed(file: "cues.tsv", line: 2)) {
            try CueLexicon(serialized: "said\t9\t8\t0\nbroken\tx\t1\t0\n", name: "cues.tsv")
        }
    }

    @Test func theBundledLexiconKnowsTheCommonCues() throws {
        let lexicon = try CueLexicon.bundled()
        #expect(lexicon.judge(previous: "officials", word: "said", next: "that").isCue)
        #expect(lexicon.judge(previous: nil, word: "according", next: "to") == (true, true))
        #expect(lexicon.judge(previous: "the", word: "table", next: "was").isCue == false)
    }
}
