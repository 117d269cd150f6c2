import DossierCore
@testable import EntityExtractor
import Testing

private let conll = """
    -DOCSTART- -X- -X- O

    ATHLETICS NN O O
    - : O O
    RONNBACK NNP O B-PER
    WINS VBZ O O
    . . O O

    1. CD O O
    Jesper NNP O B-PER
    Ronnback NNP O I-PER
    ( ( O O
    Sweden NNP O B-LOC
    ) ) O O
    25.76 CD O O
    points NNS O O

    Roberto NNP O B-PER
    " " O I-PER
    Hands NNP O I-PER
    " " O I-PER
    Duran NNP O I-PER
    told VBD O O
    Reuters NNP O B-ORG
    he PRP O O
    wo MD O O
    n't RB O O
    lose VB O O
    Panama NNP O B-LOC
    's POS O O
    $ $ O O
    1.5 CD O O
    million CD O O
    . . O O

    """

@Test func documentsPrintAsNewsTextWithEveryGoldTokenLocated() throws {
    let corpus = CoNLLCorpus(parsing: conll)
    let document = RawCoNLLDocument(try #require(corpus.documents.first))
    #expect(document.text == """
        ATHLETICS - RONNBACK WINS.
        1. Jesper Ronnback (Sweden) 25.76 points
        Roberto "Hands" Duran told Reuters he won't lose Panama's $1.5 million.
        """)
    let bytes = Array(document.text.utf8)
    let words = corpus.documents[0].sentences.flatMap(\.words)
    #expect(document.tokenRanges.count == words.count)
    for (range, word) in zip(document.tokenRanges, words) {
        #expect(String(decoding: bytes[range], as: UTF8.self) == word)
    }
}

@Test func rawScoringMapsMentionsToGoldTokensByByteOffset() throws {
    let document = RawCoNLLDocument(try #require(CoNLLCorpus(parsing: conll).documents.first))
    func mention(_ text: String, _ type: EntityType) -> Mention {
        let start = try! #require(document.text.utf8.firstRange(of: text.utf8))
        let offset = document.text.utf8.distance(from: document.text.utf8.startIndex, to: start.lowerBound)
        return Mention(text: text, type: type, entity: text, start: offset + 1, stop: offset + text.utf8.count, sentence: 1, source: .model)
    }
    var evaluation = NEREvaluation()
    evaluation.addRaw(document, mentions: [
        mention("Jesper Ronnback", .person),    // right
        mention("Sweden", .geopolitical),       // right: GPE scores as LOC
        mention("Reuters", .person),            // wrong type
        mention("Ronnba", .person),             // inside a token: never right
    ])
    let person = try #require(evaluation.byLabel[.person])
    #expect(person.gold == 3 && person.predicted == 3 && person.correct == 1)
    #expect(evaluation.byLabel[.location]?.correct == 1)
    #expect(evaluation.byLabel[.organization]?.gold == 1 && evaluation.byLabel[.organization]?.correct == 0)
}

@Test func goldEntitiesMapOntoAnotherTokenization() throws {
    let document = RawCoNLLDocument(try #require(CoNLLCorpus(parsing: conll).documents.first))
    let tokenized = TokenizedText(text: document.text)
    let (spans, unmapped) = document.entities(over: tokenized)
    #expect(unmapped == 0)
    let texts = spans.map { span in
        String(decoding: tokenized.bytes[tokenized.tokens[span.tokens.lowerBound].range.lowerBound..<tokenized.tokens[span.tokens.upperBound - 1].range.upperBound], as: UTF8.self)
    }
    #expect(texts == ["RONNBACK", "Jesper Ronnback", "Sweden", "Roberto \"Hands\" Duran", "Reuters", "Panama"])
}

@Test func foldsPartitionTheDocumentsInOrder() {
    let corpus = CoNLLCorpus(documents: (0..<7).map { CoNLLCorpus.Document(sentences: [.init(words: ["w\($0)"], entities: [])]) })
    var heldOut: [String] = []
    for fold in 0..<3 {
        let (training, held) = corpus.fold(fold, of: 3)
        #expect(training.documents.count + held.documents.count == 7)
        heldOut += held.documents.map { $0.sentences[0].words[0] }
    }
    #expect(heldOut == (0..<7).map { "w\($0)" })
}

@Test func quotationsRunningOverSentencesCloseAfterPunctuation() throws {
    let sentences = [["\"", "I", "want", "a", "title", "."], ["I", "feel", "good", ",", "\"", "Duran", "said", "."],
                     ["He", "said", ":", "\"", "Yes", "\"", "."]]
    let document = RawCoNLLDocument(CoNLLCorpus.Document(sentences: sentences.map { .init(words: $0, entities: []) }))
    #expect(document.text == "\"I want a title.\nI feel good,\" Duran said.\nHe said: \"Yes\".")
}
