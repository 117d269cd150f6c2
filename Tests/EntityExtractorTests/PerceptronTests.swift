@testable import EntityExtractor
import Foundation
import Testing

/// A tiny CoNLL corpus: people visit places and work for organisations.
private func syntheticCorpus() -> CoNLLCorpus {
    let people = [["Alice", "Moreau"], ["Rahim"], ["Shehbaz", "Sharif"], ["Olga"], ["Tariq", "Ahmed"]]
    let places = [["Paris"], ["Dhaka"], ["New", "Delhi"], ["Kabul"]]
    let organisations = [["Acme", "Corp"], ["Reuters"], ["World", "Bank"]]
    var lines = ["-DOCSTART- -X- -X- O", ""]
    for (index, person) in people.enumerated() {
        let place = places[index % places.count]
        let organisation = organisations[index % organisations.count]
        func tagged(_ words: [String], _ type: String) -> [String] {
            words.enumerated().map { "\($1) NNP O \($0 == 0 ? "B" : "I")-\(type)" }
        }
        lines += tagged(person, "PER") + ["visited VBD O O"] + tagged(place, "LOC") + [". . O O", ""]
        lines += ["the DT O O", "envoy NN O O", "of IN O O"] + tagged(organisation, "ORG") + ["met VBD O O"]
            + tagged(person, "PER") + ["in IN O O"] + tagged(place, "LOC") + [". . O O", ""]
    }
    return CoNLLCorpus(parsing: lines.joined(separator: "\n"))
}

@Test func corpusReaderFindsDocumentsSentencesAndIOBChunks() {
    let corpus = CoNLLCorpus(parsing: """
        -DOCSTART- -X- -X- O

        EU NNP B-NP I-ORG
        rejects VBZ B-VP O
        German JJ B-NP I-MISC
        Peter NNP B-NP I-PER
        Blackburn NNP I-NP I-PER
        Fred NNP B-NP B-PER

        -DOCSTART- -X- -X- O

        BRUSSELS NNP B-NP B-LOC
        """)
    #expect(corpus.documents.count == 2)
    #expect(corpus.tokenCount == 7)
    #expect(corpus.documents[0].entities == [
        TaggedSpan(tokens: 0..<1, label: .organization), TaggedSpan(tokens: 2..<3, label: .miscellaneous),
        TaggedSpan(tokens: 3..<5, label: .person), TaggedSpan(tokens: 5..<6, label: .person),
    ])
}

@Test func evaluationCountsExactSpansOnly() {
    var evaluation = NEREvaluation()
    evaluation.add(gold: [TaggedSpan(tokens: 0..<2, label: .person), TaggedSpan(tokens: 4..<5, label: .location)],
                   predicted: [TaggedSpan(tokens: 0..<2, label: .person), TaggedSpan(tokens: 4..<6, label: .location),
                               TaggedSpan(tokens: 7..<8, label: .miscellaneous)])
    #expect(evaluation.byLabel[.person] == NEREvaluation.Score(correct: 1, predicted: 1, gold: 1))
    #expect(evaluation.personOrganizationLocation.precision == 0.5)
    #expect(evaluation.personOrganizationLocation.recall == 0.5)
    #expect(evaluation.overall.predicted == 3)
}

@Test func bilouTagsRoundTripThroughSpans() {
    let spans = [TaggedSpan(tokens: 0..<1, label: .person), TaggedSpan(tokens: 2..<5, label: .organization)]
    let tags = EntityTag.tags(count: 6, spans: spans)
    #expect(EntityTag.spans(tags) == spans)
    #expect(EntityTag(.inside, .person).canFollow(EntityTag(.begin, .person)))
    #expect(!EntityTag(.inside, .person).canFollow(EntityTag(.begin, .location)))
    #expect(!EntityTag(.last, .person).canFollow(nil))
}

@Test func perceptronLearnsASyntheticCorpus() throws {
    let corpus = syntheticCorpus()
    var options = NERTrainer.Options()
    options.iterations = 8
    options.useGazetteers = false
    options.pruneThreshold = 0
    let result = NERTrainer(options: options).train(corpus)
    let evaluation = NEREvaluation.evaluate(corpus, predict: result.model.tag)
    #expect(evaluation.overall.f1 == 1, "\(evaluation.report)")

    // The file round-trips to the same tags.
    let reloaded = try NERModel(data: result.data)
    let text = corpus.documents[0].text
    #expect(reloaded.tag(text) == result.model.tag(text))
}

@Test func malformedModelFilesAreErrors() {
    #expect(throws: NERModelError.self) { try NERModel(data: Data("nope".utf8)) }
    #expect(throws: NERModelError.self) { try NERModel(data: Data("DNER\u{1}".utf8)) }
}
