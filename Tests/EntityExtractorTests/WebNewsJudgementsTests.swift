import DossierCore
@testable import EntityExtractor
import Testing

@Suite struct WebNewsJudgementsTests {
    let file = """
        # article\ttext\ttype\tverdict
        a1\tGoogle\tORG\tok
        a1\tYikes\tGPE\twrong
        a1\tSundar Pichai\tPERSON\tmissed
        a2\tBoeing\tORG\tok
        """

    func mention(_ text: String, _ type: EntityType) -> Mention {
        Mention(text: text, type: type, entity: text, start: 1, stop: text.utf8.count, sentence: 1, source: .model)
    }

    @Test func countsMentionsForPrecisionAndNamesForRecall() throws {
        let judgements = try WebNewsJudgements(text: file, path: "j.tsv")
        var score = WebNewsJudgements.Score()
        judgements.score(article: "a1", predicted: [mention("Google", .organization), mention("Google", .organization),
                                                    mention("Yikes", .geopolitical), mention("Alphabet", .organization)], into: &score)
        judgements.score(article: "a2", predicted: [], into: &score)
        #expect(score.right == 2 && score.wrong == 1)
        #expect(score.unjudged == [WebNewsJudgements.Key(article: "a1", text: "Alphabet", type: .organization): 1])
        #expect(score.names == 3 && score.namesFound == 1)
        #expect(abs(score.precision - 2.0 / 3.0) < 1e-9)
    }

    @Test func aFoundMissedNameCountsAsRight() throws {
        var score = WebNewsJudgements.Score()
        try WebNewsJudgements(text: file, path: "j.tsv").score(article: "a1", predicted: [mention("Sundar Pichai", .person)], into: &score)
        #expect(score.right == 1 && score.namesFound == 1)
    }

    @Test func contradictoryOrMalformedLinesAreErrorsNamingTheLine() {
        #expect(throws: GoldFileError.self) { try WebNewsJudgements(text: "a\tX\tORG\tok\na\tX\tORG\twrong", path: "j.tsv") }
        #expect(throws: GoldFileError.self) { try WebNewsJudgements(text: "a\tX\tCITY\tok", path: "j.tsv") }
    }
}
