@testable import EntityExtractor
import Testing

/// One fixture line per class, written for these tests in the styles of wire
/// copy, results services and web pages.
private func kinds(_ text: String) -> [LineKind] {
    TokenizedText(text: text).lines.map(\.kind)
}

@Test func proseEndsLikeASentenceOrIsMostlyLowerCase() {
    #expect(kinds("Rotor Volgograd must play their next home game behind closed doors.") == [.prose])
    #expect(kinds("He told Reuters: \"I want a fifth title.\"") == [.prose])
    #expect(kinds("Results from the national championships in Lisbon on Sunday (seeding in brackets):") == [.prose])
    #expect(kinds("Jones Medical Industries Inc said it completed the acquisition of Daniels Inc.") == [.prose])
}

@Test func headlinesCapitaliseCommonWords() {
    #expect(kinds("Pakistan and Bangladesh Sign New Defence Pact") == [.headline])
    #expect(kinds("MILLER DEFENDS CRUISERWEIGHT TITLE") == [.headline])
    #expect(kinds("Most Popular") == [.headline])
}

@Test func bylinesAreNamesOrStartWithBy() {
    #expect(kinds("By Abhinandan Mishra") == [.byline])
    #expect(kinds("BY Nadia Ferreira") == [.byline])
    #expect(kinds("Nadim Ladki") == [.byline])
}

@Test func datelinesEndWithADate() {
    #expect(kinds("AL-AIN, United Arab Emirates 1996-12-06") == [.dateline])
    #expect(kinds("BUCHAREST 1996-08-30") == [.dateline])
}

@Test func rowsOfListsTablesAndResultsAreDataRows() {
    #expect(kinds("1. Jesper Ronnback (Sweden) 25.76 points") == [.dataRow])
    #expect(kinds("Saeed Anwar run out 91") == [.dataRow])
    #expect(kinds("Colchester 4 0 3 1 2 4 3") == [.dataRow])
    #expect(kinds("Tim Henman (Britain) beat Doug Flach (U.S.) 6-3 6-4 6-2") == [.dataRow])
    #expect(kinds("* Kerry Packer Group") == [.dataRow])
}

@Test func otherShortLinesAreFragments() {
    #expect(kinds("Sri Lanka - Arjuna Ranatunga (captain), Sanath Jayasuriya,") == [.fragment])
}

@Test func linesFollowNewlinesAndSkipBlankOnes() {
    let text = "SOCCER - ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH\nBUCHAREST 1996-08-30\n\nRomania beat Lithuania 2-1 on Friday.\n"
    let tokenized = TokenizedText(text: text)
    #expect(tokenized.lines.map(\.kind) == [.headline, .dateline, .prose])
    #expect(tokenized.lines.map(\.tokens.lowerBound) == [0, 8, 10])
    #expect(tokenized.lines.last?.tokens.upperBound == tokenized.tokens.count)
    #expect(TokenizedText(text: "").lines.isEmpty)
    // Pre-tokenized input: one line per sentence.
    #expect(TokenizedText(sentences: [["Nadim", "Ladki"], ["He", "left", "."]]).lines.map(\.kind) == [.byline, .prose])
}

/// The tagger's spans stand on lines whose capitals are names, and still need
/// support from the body on a headline.
@Test func onlyHeadlinesNeedSupportFromTheBody() {
    let extractor = Fixtures.scripted([("Nadim Ladki", .person), ("Jesper Ronnback", .person), ("Ferreira Holdings", .organization)])
    let text = """
        Ferreira Holdings Wins Big Contract
        Nadim Ladki

        1. Jesper Ronnback (Sweden) 25.76 points
        The company said its shares rose.
        """
    let found = extractor.extract(text).map(\.text)
    #expect(found.contains("Nadim Ladki"))
    #expect(found.contains("Jesper Ronnback"))
    #expect(!found.contains("Ferreira Holdings"))
}

@Test func titleCaseWithAFullStopLeavesItsMinorWordsInLowerCase() {
    #expect(kinds("Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.") == [.headline])
    #expect(kinds("Washington Post Hit Piece Exploits Trump Supporter Who Was in a Hospital for Mental Issues.") == [.headline])
    // A credit in brackets is no title, and names make no title of a sentence.
    #expect(kinds("(Reporting by Valerie Volcovici; Additional reporting by Lawrence Hurley; Editing by Will Dunham.)") == [.prose])
    #expect(kinds("Barack Obama and Hillary Clinton met in New York on Monday.") == [.prose])
}
