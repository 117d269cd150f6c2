import DossierCore
@testable import EntityExtractor
import Testing

@Suite struct LanguageGuessTests {
    let german = """
        Seit dem 1. Januar 2022 ist das Kükentöten in Deutschland verboten. Doch das heißt noch lange nicht, \
        dass die männlichen Küken leben dürfen und auch nicht, dass sie in der Eierproduktion eine Rolle spielen. \
        Die Jugendverbände der Landwirtschaft in NRW fordern eine Prämie, die auch bei der Übernahme gilt.
        """
    let english = """
        The family of a ranked junior tennis player has launched a crowdfunding effort to help with his \
        treatment. He was diagnosed with a rare illness and has been unable to compete in the tournaments \
        that once seemed so promising for the family, his mother said on Tuesday.
        """

    @Test func tellsEnglishFromGermanAndIndonesian() {
        #expect(LanguageGuess.language(of: english) == .english)
        #expect(LanguageGuess.language(of: german) == .german)
        let indonesian = """
            Bukan hanya itu, mereka juga akan datang ke Jakarta karena ada rapat dengan menteri yang baru. \
            Saya tidak tahu apakah ini sudah dibahas dalam pertemuan itu oleh kami dan mereka.
            """
        #expect(LanguageGuess.language(of: indonesian) == .indonesian)
    }

    @Test func tooFewFunctionWordsIsNoGuess() {
        #expect(LanguageGuess.language(of: "Sheikh Hasina visited Dhaka") == nil)
        #expect(LanguageGuess.language(of: "") == nil)
    }

    @Test func theExtractorFindsNothingInAnotherLanguage() {
        let extractor = Fixtures.scripted([("Deutschland", .location), ("Küken", .person), ("NRW", .organization)])
        #expect(extractor.extract(german).isEmpty)
        #expect(!Fixtures.scripted([("Tuesday", .person)]).extract(english + " Bangladesh").isEmpty)
    }
}
