@testable import Claims
import DossierCore
import EntityExtractor
import Testing

/// The cue classifier's view of a word: beside its neighbours, the subject before
/// it, the shape of what follows it and its stem.
@Suite struct CueClassifierTests {
    static let lexicon = CueLexicon(counts: [
        "believes": .init(total: 20, cue: 12), "believed": .init(total: 20, cue: 12), "told": .init(total: 40, cue: 30),
        "expected": .init(total: 20, cue: 15), "said": .init(total: 100, cue: 95),
    ])

    func features(_ sentence: String, at word: String) throws -> [String] {
        let text = ClaimText(TokenizedText(text: sentence))
        let index = try #require(text.words.firstIndex(of: word))
        return CueClassifier.features(text, index, lexicon: Self.lexicon)
    }

    @Test func theSubjectIsFoundPastAuxiliariesAndAdverbs() throws {
        let named = try features("Trump has long believed the polls were rigged.", at: "believed")
        #expect(named.contains("subj=name"))
        #expect(named.contains("wsubj=believed name"))
        // A be-verb passed on the way marks a passive.
        #expect(try features("Officials are widely expected to resign.", at: "expected").contains("subj=be-noun"))
        #expect(try features("She said it twice.", at: "said").contains("subj=pron"))
    }

    @Test func theClauseAfterTheWordIsFoundPastAnObject() throws {
        #expect(try features("The aide told reporters that the talks had failed.", at: "told").contains("cl=obj-that"))
        #expect(try features("He believes they will win.", at: "believes").contains("cl=pron"))
        #expect(try features("“We will win,” he said.", at: "said").contains("cl=end"))
        #expect(try features("He said: “We will win.”", at: "said").contains("cl=colon"))
    }

    @Test func inflectionsShareAStem() throws {
        let present = try features("He believes they will win.", at: "believes")
        let past = try features("He believed they would win.", at: "believed")
        #expect(present.contains("st=believ"))
        #expect(past.contains("st=believ"))
        #expect(present.contains("stcl=believ pron") && past.contains("stcl=believ pron"))
        #expect(CueClassifier.stem("says") == "say")
        #expect(CueClassifier.stem("said") == "said")
    }

    @Test func aRareFormReadsItsStemsRate() throws {
        // "believing" is not in the counts; "believes" and "believed" were cues 24 times in 40.
        #expect(try features("He kept believing they would win.", at: "believing").contains("rs=6/many/other"))
        #expect(try features("He believes they will win.", at: "believes").contains("rs=6/many"))
        // While training, a token is left out of its stem's counts as of its own word's.
        let lexicon = CueLexicon(counts: ["adds": .init(total: 2, cue: 2), "added": .init(total: 2, cue: 0)])
        let text = ClaimText(TokenizedText(text: "He adds that they will win."))
        let index = try #require(text.words.firstIndex(of: "adds"))
        #expect(CueClassifier.features(text, index, lexicon: lexicon).contains("rs=5/some"))
        #expect(CueClassifier.features(text, index, lexicon: lexicon, leaveOut: true).contains("rs=3/few"))
        // An unseen form's stem counts have nothing of its own to leave out.
        let unseen = ClaimText(TokenizedText(text: "He is adding that they will win."))
        let at = try #require(unseen.words.firstIndex(of: "adding"))
        #expect(CueClassifier.features(unseen, at, lexicon: lexicon, leaveOut: true).contains("rs=5/some/other"))
    }

    @Test func aWordInsideAQuotationIsMarked() throws {
        #expect(try features("“Nobody believes that,” she said.", at: "believes").contains("inq"))
        #expect(!(try features("Nobody believes that, she said.", at: "believes").contains("inq")))
    }

    @Test func smallWeightsAreLeftOutWhenAveraging() {
        var trainer = CueClassifier.Trainer()
        trainer.clock = 1
        trainer.update(["w=said", "p=the"], by: 1)
        trainer.clock = 10
        trainer.update(["p=the"], by: -1)
        // Both held 1 for 9 of the 10 steps: averages 0.9.
        #expect(trainer.averaged().weights == ["w=said": 0.9, "p=the": 0.9])
        #expect(trainer.averaged(minimumWeight: 1).weights.isEmpty)
    }
}

extension CueClassifierTests {
    @Test func aBeVerbBeforeAnIngWordIsProgressiveNotPassive() throws {
        #expect(try features("Donald Trump is warning voters that the deal is bad.", at: "warning").contains("subj=prog-name"))
        #expect(try features("Trump is expected to win.", at: "expected").contains("subj=be-name"))
    }
}

extension CueClassifierTests {
    @Test func theHashedScoreIsTheSumOfTheFeatureStringsWeights() throws {
        let text = ClaimText(TokenizedText(text: "Officials in Dhaka said on Tuesday that “the talks” went well, he told reporters."))
        // A weight for every feature of every word, distinct, so a feature hashed to the
        // wrong key or left out changes the sum.
        var weights: [String: Double] = [:]
        var next = 1.0
        for index in 0..<text.count {
            for feature in CueClassifier.features(text, index, lexicon: Self.lexicon) where weights[feature] == nil {
                weights[feature] = next
                next += 1
            }
        }
        let classifier = CueClassifier(weights: weights)
        for index in 0..<text.count {
            let byStrings = classifier.score(CueClassifier.features(text, index, lexicon: Self.lexicon))
            #expect(byStrings > 0)
            #expect(classifier.score(text, index, lexicon: Self.lexicon) == byStrings)
        }
    }
}

extension CueClassifierTests {
    @Test func aClassifierReadFromItsFileScoresAsTheOneWritten() throws {
        let written = CueClassifier(weights: ["w=said": 2.5, "wn=said that": 1.25, "p=the": -0.5])
        let read = try CueClassifier(serialized: written.serialized(), name: "cue-weights.tsv")
        #expect(read.featureCount == 3)
        let features = ["b", "w=said", "wn=said that", "p=the", "n=that"]
        #expect(read.score(features) == written.score(features))
        #expect(read.score(features) == 3.25)
        // Read from a file, it writes the file back as it was.
        #expect(read.serialized() == written.serialized())
        #expect(throws: CueLexicon.LoadError.malformed(file: "cue-weights.tsv", line: 2)) {
            try CueClassifier(serialized: "b\t1\nbroken line\n", name: "cue-weights.tsv")
        }
    }
}
