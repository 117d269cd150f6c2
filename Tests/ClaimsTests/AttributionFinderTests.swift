import Claims
import DossierCore
import EntityExtractor
import Testing

/// The attribution rules on sentences written for the tests, with a small
/// hand-made lexicon so each test says which cue it relies on.
@Suite struct AttributionFinderTests {
    static let lexicon = CueLexicon(counts: [
        "said": .init(total: 100, cue: 95), "says": .init(total: 50, cue: 48), "told": .init(total: 40, cue: 30),
        "according": .init(total: 30, cue: 30), "according to": .init(total: 30, cue: 30, both: 30),
        "called": .init(total: 40, cue: 10), "called for": .init(total: 10, cue: 9, both: 9),
        "warned": .init(total: 10, cue: 9), "expected": .init(total: 20, cue: 15), "seemed": .init(total: 20, cue: 15),
        "hoping": .init(total: 20, cue: 15), "announced": .init(total: 20, cue: 15), "telling": .init(total: 20, cue: 15),
        "asked": .init(total: 40, cue: 30), "reported": .init(total: 30, cue: 25), "praised": .init(total: 20, cue: 15),
        "declared": .init(total: 20, cue: 15), "adding": .init(total: 20, cue: 18), "declined": .init(total: 20, cue: 15),
    ])
    let finder = AttributionFinder(lexicon: AttributionFinderTests.lexicon)

    func parts(_ text: String) -> [(source: String?, cue: String, content: [String])] {
        let bytes = Array(text.utf8)
        func words(_ span: ByteSpan) -> String { String(decoding: bytes[span], as: UTF8.self) }
        return finder.attributions(in: TokenizedText(text: text)).map { claim in
            (claim.source.map(words), words(claim.cue), claim.content.map(words))
        }
    }

    /// A classifier that takes "signed" (as the learned one does in some contexts)
    /// over counts that say it reports only one time in three.
    static func nestingFinder() -> AttributionFinder {
        var lexicon = CueLexicon(counts: [
            "said": .init(total: 100, cue: 95), "told": .init(total: 40, cue: 30), "signed": .init(total: 66, cue: 21),
        ])
        lexicon.classifier = CueClassifier(weights: ["w=said": 3, "w=told": 3, "w=signed": 3])
        return AttributionFinder(lexicon: lexicon)
    }

    func claims(_ text: String, with finder: AttributionFinder) -> [(source: String?, cue: String)] {
        let bytes = Array(text.utf8)
        func words(_ span: ByteSpan) -> String { String(decoding: bytes[span], as: UTF8.self) }
        return finder.attributions(in: TokenizedText(text: text)).map { ($0.source.map(words), words($0.cue)) }
    }

    @Test func aVerbInsideAnotherClaimsContentIsNotACueUnlessItReports() {
        let finder = Self.nestingFinder()
        let found = claims("Pakistan said it has signed a defense cooperation pact with Bangladesh.", with: finder)
        #expect(found.map(\.cue) == ["said"])
        #expect(found.first?.source == "Pakistan")
        // The same verb outside any content is still the classifier's to judge.
        #expect(claims("Pakistan has signed a defense cooperation pact with Bangladesh.", with: finder).map(\.cue) == ["signed"])
        // A reporting verb nested in the content is a claim of its own.
        let nested = claims("Pakistan said officials told reporters that the pact was ready.", with: finder)
        #expect(nested.map(\.cue) == ["said", "told"])
        #expect(nested.last?.source == "officials")
    }

    @Test func theBundledLexiconTakesNoClaimFromASignedPact() throws {
        let finder = try AttributionFinder.bundled()
        let text = "Pakistan said it has signed a defense cooperation pact with Bangladesh, signaling a fresh attempt by the two countries to deepen military-to-military ties."
        #expect(claims(text, with: finder).map(\.cue) == ["said"])
    }

    @Test func indirectSpeechTakesTheClauseAfterTheCue() {
        let found = parts("Senior officials said that the talks would resume in March.")
        #expect(found.count == 1)
        #expect(found.first?.source == "Senior officials")
        #expect(found.first?.cue == "said")
        #expect(found.first?.content == ["that the talks would resume in March"])
    }

    @Test func aRecipientBeforeThatIsSkipped() {
        let found = parts("The minister told reporters that no deal was near.")
        #expect(found.first?.source == "The minister")
        #expect(found.first?.content == ["that no deal was near"])
    }

    @Test func invertedSourceAfterAQuotation() {
        let found = parts("“We are ready,” said Ayesha Khan, a spokeswoman.")
        #expect(found.count == 1)
        #expect(found.first?.source == "Ayesha Khan")
        #expect(found.first?.content == ["“We are ready,”"])
    }

    @Test func aQuotationSplitAroundItsCueIsOneClaimWithTwoParts() {
        let found = parts("“A deal is close,” he said, “but not done.”")
        #expect(found.count == 1)
        #expect(found.first?.source == "he")
        #expect(found.first?.content == ["“A deal is close,”", "“but not done.”"])
    }

    @Test func contentBeforeAShortCueClause() {
        let found = parts("The border will reopen next week, officials said.")
        #expect(found.first?.source == "officials")
        #expect(found.first?.content == ["The border will reopen next week"])
    }

    @Test func accordingToBothWays() {
        let first = parts("According to the report, exports fell sharply.")
        #expect(first.first?.source == "the report")
        #expect(first.first?.cue == "According to")
        #expect(first.first?.content == ["exports fell sharply"])
        let second = parts("Exports fell sharply, according to the report.")
        #expect(second.first?.source == "the report")
        #expect(second.first?.content == ["Exports fell sharply"])
    }

    @Test func aColonBeforeAQuotationIsACue() {
        let found = parts("The statement was blunt: “We reject the claims.”")
        #expect(found.first?.cue == ":")
        #expect(found.first?.content == ["“We reject the claims.”"])
    }

    @Test func aParentheticalCueClauseLeavesTheSentenceAroundIt() {
        let found = parts("The meeting was followed, sources said, by a second round of talks.")
        #expect(found.first?.source == "sources")
        #expect(found.first?.content == ["The meeting was followed", "by a second round of talks"])
    }

    @Test func anImpersonalPassiveHasNoSource() {
        let found = parts("It is understood that the envoy will travel on Monday.")
        #expect(found.count == 1)
        #expect(found.first?.source == nil)
        #expect(found.first?.content == ["that the envoy will travel on Monday"])
    }

    @Test func aSourceNounBeforeThatMakesAnUnseenVerbACue() {
        let found = parts("Analysts stress that the risk is rising.")
        #expect(found.first?.source == "Analysts")
        #expect(found.first?.cue == "stress")
    }

    @Test func neighbourCountsTellAmbiguousWordsApart() {
        #expect(parts("The group called for an inquiry.").first?.cue == "called for")
        #expect(parts("The group called him a liar.").isEmpty)
    }

    @Test func anAppositionStaysWithItsName() {
        let found = parts("Omar Farooq, a former ambassador, said the pact was overdue.")
        #expect(found.first?.source == "Omar Farooq, a former ambassador")
        #expect(found.first?.content == ["the pact was overdue"])
    }

    @Test func thePassiveOrRaisingSubjectIsContentWithoutASource() {
        let passive = parts("Trump is widely expected to win the primary.")
        #expect(passive.count == 1)
        #expect(passive.first?.source == nil)
        #expect(passive.first?.cue == "is widely expected")
        #expect(passive.first?.content == ["Trump", "to win the primary"])
        let raising = parts("Each skater seemed to be honing her own style.")
        #expect(raising.first?.source == nil)
        #expect(raising.first?.content == ["Each skater", "to be honing her own style"])
    }

    @Test func aProgressiveKeepsItsSubjectAsSource() {
        let found = parts("New Jersey officials, including the governor, are hoping they will win the case.")
        #expect(found.first?.source == "New Jersey officials, including the governor")
        #expect(found.first?.content == ["they will win the case"])
    }

    @Test func aLeadingConjunctionIsNotTheParticipleSubject() {
        let found = parts("But Trump left the stage early, telling reporters that the race was rigged.")
        #expect(found.first?.source == "Trump")
        #expect(found.first?.cue == "telling")
    }

    @Test func aDeniedSourceMakesNoClaim() {
        #expect(parts("Neither government has announced a formal agreement.").isEmpty)
        #expect(parts("No one said the talks had failed.").isEmpty)
    }

    @Test func aRelativeWhichEndsTheSource() {
        let found = parts("He cited a story in which Democratic sources said the deal was off.")
        #expect(found.first?.source == "Democratic sources")
    }

    @Test func textWithoutCuesHasNoClaims() {
        #expect(parts("The river rose two metres overnight. Roads were closed.").isEmpty)
        #expect(parts("").isEmpty)
    }

    @Test func aSecondVerbTakesTheSentencesSubject() {
        let found = parts("Graham praised the plan and said the party would lose.")
        #expect(found.count == 2)
        #expect(found.last?.source == "Graham")
        #expect(found.last?.cue == "said")
        #expect(found.last?.content == ["the party would lose"])
    }

    @Test func aFrontedParticipleHasNoSourceAndEndsAtItsComma() {
        let found = parts("Asked whether the talks would resume, the minister said no decision had been made.")
        #expect(found.count == 2)
        #expect(found.first?.source == nil)
        #expect(found.first?.cue == "Asked")
        #expect(found.first?.content == ["whether the talks would resume"])
        #expect(found.last?.source == "the minister")
        let when = parts("When asked about the report, he said it was false.")
        #expect(when.first?.source == nil)
        #expect(when.first?.content == ["about the report"])
        #expect(when.last?.source == "he")
    }

    @Test func asTheSourceReportedTakesTheClauseAfterTheComma() {
        let found = parts("As the Post reported, Republicans now control both chambers.")
        #expect(found.count == 1)
        #expect(found.first?.source == "the Post")
        #expect(found.first?.content == ["Republicans now control both chambers"])
    }

    @Test func anAppositionMayHoldAndOrWho() {
        let found = parts("Clinton, 35, the daughter of Bill Clinton and Hillary Clinton, said she was expecting a child.")
        #expect(found.first?.source == "Clinton, 35, the daughter of Bill Clinton and Hillary Clinton")
        let relative = parts("Eddie Griffin, who at the time was a member of the group, said that attitudes were changing.")
        #expect(relative.first?.source == "Eddie Griffin, who at the time was a member of the group")
        #expect(relative.first?.content == ["that attitudes were changing"])
    }

    @Test func aQuotationEndingTheSentenceBeforeIsNotTheContentOfAnIndirectClaim() {
        let found = parts("“We will win.”\n\nThe Times reported the emails were exchanges between aides.")
        #expect(found.count == 1)
        #expect(found.first?.content == ["the emails were exchanges between aides"])
    }

    @Test func aQuotationAfterTheColonWinsOverAnOpeningAdjunct() {
        let found = parts("In a 1963 speech, he declared: “We rise today.”")
        #expect(found.count == 1)
        #expect(found.first?.source == "he")
        #expect(found.first?.content == ["“We rise today.”"])
    }

    @Test func aParticipleGoesOnWithTheSpeakerBeforeIt() {
        let found = parts("“He stands for the middle class,” Anderson said, adding that Sanders is the most trustworthy.")
        #expect(found.count == 2)
        #expect(found.last?.source == "Anderson")
        #expect(found.last?.cue == "adding")
        #expect(found.last?.content == ["that Sanders is the most trustworthy"])
    }

    @Test func aDashSignsTheQuotationBeforeIt() {
        let found = parts("“He is very confident of himself.” ― Steve Quinlan.\n\n“No sympathy at all.”\n- Ana Cruz, Philadelphia.")
        #expect(found.count == 2)
        #expect(found.first?.source == "Steve Quinlan")
        #expect(found.first?.cue == "―")
        #expect(found.first?.content == ["“He is very confident of himself.”"])
        #expect(found.last?.source == "Ana Cruz")
        // A dash inside a sentence is no signature.
        #expect(parts("The vote — “a farce,” critics said — passed anyway.").allSatisfy { $0.cue != "—" })
    }

    @Test func beforeAColonOnlyANamePronounOrSpeakingNounSpeaks() {
        #expect(parts("It is the one show she watches every week, her guilty pleasure: “Saturday Night Live.”").isEmpty)
        let named = parts("Mark Blumenthal and Jon Cohen: “The polls ended too early.”")
        #expect(named.count == 1)
        #expect(named.first?.cue == ":")
        #expect(named.first?.content == ["“The polls ended too early.”"])
    }

    @Test func aDescriptionBeforeTheNameIsTheSource() {
        let found = parts("“Somebody entered through the program,” the White House spokesman, Josh Earnest, said on Thursday.")
        #expect(found.first?.source == "the White House spokesman, Josh Earnest")
    }

    @Test func aSecondVerbSkipsAnOpeningAdjunctAndKeepsItsOwnContent() {
        let adjunct = parts("Last week, the Clinton campaign called on the agency to act and said the administration should set up a system.")
        #expect(adjunct.last?.source == "the Clinton campaign")
        let participle = parts("Speaking Sunday on ABC, Carson admitted the name was wrong but said his campaign had found the article.")
        #expect(participle.last?.source == "Carson")
        let quoted = parts("She declared “What a night!” and said that her campaign would go on.")
        #expect(quoted.count == 2)
        #expect(quoted.last?.source == "She")
        #expect(quoted.last?.content == ["that her campaign would go on"])
    }
}

extension AttributionFinderTests {
    @Test func anInvertedSourcesAppositionIsNotContent() {
        let found = parts("Cruz stood apart from his rivals, said Mark Jones, a political scientist at Rice University in Houston.")
        #expect(found.count == 1)
        #expect(found.first?.source == "Mark Jones")
        #expect(found.first?.content == ["Cruz stood apart from his rivals"])
    }

    @Test func anAsideBetweenTheCueAndItsClauseIsSkipped() {
        let comma = parts("He said, however, that he hopes somebody else takes up the cause.")
        #expect(comma.first?.content == ["however, that he hopes somebody else takes up the cause"])
        let dash = parts("His campaign chairman Paul Manafort said — on Twitter, as it happens — that Trump raised $4 million.")
        #expect(dash.first?.content == ["that Trump raised $4 million"])
        // A comma before another cue opens that cue's clause, not this one's.
        #expect(parts("He said, adding that the talks had failed.").map(\.cue) == ["adding"])
    }

    @Test func aSubjectWithAParentheticalBetweenDashesIsTheSource() {
        let found = parts("Many speakers at the service — including Muslims, Christians and Jews — said his death was painful.")
        #expect(found.first?.source == "Many speakers at the service — including Muslims, Christians and Jews")
        #expect(found.first?.content == ["his death was painful"])
    }

    @Test func aNameWithItsPartyAndStateBeforeACommaIsTheSource() {
        let found = parts("Gov. John Kasich (R-Ohio), said after a lunch on Tuesday that he had not read the plan.")
        #expect(found.first?.source == "Gov. John Kasich (R-Ohio)")
        // Without its label a comma after a name is no apposition's end.
        #expect(parts("Gov. John Kasich, said after a lunch on Tuesday that he had not read the plan.").isEmpty)
    }
}

extension AttributionFinderTests {
    @Test func aTranscriptsSpeakerLabelIsTheSourceOfItsParagraph() {
        let text = "Partial transcript as follows:\n\n\"WALLACE: Let's start with the debate. Will she be there?\n\n\"MIKE PENCE: Well, look, she will not be attending.\n\nWALLACE: Why not?\n\nPENCE: She was not invited.\n\nUPDATE: The debate starts at nine."
        let found = parts(text)
        #expect(found.map(\.source) == ["WALLACE", "MIKE PENCE", "WALLACE", "PENCE"])
        #expect(found.map(\.cue) == [":", ":", ":", ":"])
        #expect(found.first?.content == ["Let's start with the debate. Will she be there"])
        #expect(found[1].content == ["Well, look, she will not be attending"])
        // A label in capitals that names no one, or a name in mixed case inside a line, speaks for nobody.
        #expect(parts("The plan had one flaw: NOBODY read it.").isEmpty)
        // A label that comes once is a dateline, not a speaker taking turns.
        #expect(parts("NEW DELHI: Pakistan and Bangladesh have quietly rebuilt their ties.").isEmpty)
    }

    @Test func aCueClauseEndingItsParagraphWithAColonIntroducesTheNextParagraph() {
        let found = parts("The governor said:\n\nIt is typical of her. She knows nothing.\n\nThe rally ended.")
        #expect(found.count == 1)
        #expect(found.first?.source == "The governor")
        #expect(found.first?.content == ["It is typical of her. She knows nothing"])
        // A quotation opened in that paragraph and closed in a later one is still its content.
        let quoted = parts("The Times reported:\n\n\"In an illustration of the lack of enthusiasm, few gave.\n\n\"Most gave more.\"")
        #expect(quoted.first?.content == ["\"In an illustration of the lack of enthusiasm, few gave"])
    }

    @Test func theBundledLexiconTakesABlockQuotationAfterAColonEndingTheParagraph() throws {
        let finder = try AttributionFinder.bundled()
        for cue in ["said", "added", "continued"] {
            let text = "The rally ended late.\n\nThe governor \(cue):\n\nIt is typical of her. She knows nothing.\n"
            let bytes = Array(text.utf8)
            let found = finder.attributions(in: TokenizedText(text: text))
            #expect(found.count == 1, "\(cue)")
            #expect(found.first.map { $0.content.map { String(decoding: bytes[$0], as: UTF8.self) } } == ["It is typical of her. She knows nothing"], "\(cue)")
        }
    }

    @Test func aSecondPassiveSharesTheFirstsSubjectNotItsAgent() {
        var counts = Self.lexicon.counts
        counts["acknowledged"] = .init(total: 20, cue: 15)
        let finder = AttributionFinder(lexicon: CueLexicon(counts: counts))
        let text = "The talks resumed, a move acknowledged by the Ministry of Foreign Affairs and reported by international news agencies."
        let bytes = Array(text.utf8)
        func words(_ span: ByteSpan) -> String { String(decoding: bytes[span], as: UTF8.self) }
        let found = finder.attributions(in: TokenizedText(text: text))
        #expect(found.map { $0.source.map(words) } == ["the Ministry of Foreign Affairs", "international news agencies"])
        #expect(found.map { $0.content.map(words) } == [["a move"], ["a move"]])
    }
}

extension AttributionFinderTests {
    @Test func aQuotedTitleInAnOpeningAdjunctIsNotTheContent() {
        let found = parts("In an interview on “Face the Nation,” Paul Ryan said the shootings demand more listening.")
        #expect(found.first?.source == "Paul Ryan")
        #expect(found.first?.content == ["the shootings demand more listening"])
        // A quotation before a cue clause that ends its sentence is still the content.
        #expect(parts("At the rally, “we will win,” Trump said.").first?.content == ["“we will win,”"])
    }

    @Test func aShortOpeningAdjunctBeforeTheSubjectIsNotTheContent() {
        let found = parts("Last week, the committee announced a bill to curb the agency.")
        #expect(found.first?.source == "the committee")
        #expect(found.first?.content == ["a bill to curb the agency"])
        // A clause before a cue clause that ends its sentence is the content, however it opens.
        #expect(parts("In the end, the bill will pass, officials said.").first?.content == ["In the end, the bill will pass"])
    }
}

extension AttributionFinderTests {
    @Test func anAdverbBeforeTheCueIsNeverTheSource() {
        let found = parts("The two countries, which together announced a plan to cut emissions, met again.")
        #expect(found.first?.source == "which")
        // ", perhaps telling": the participle still goes on with the sentence's subject.
        let participle = parts("Mr. Obama was complimentary, perhaps telling reporters that imitation is flattery.")
        #expect(participle.first?.source == "Mr. Obama")
        #expect(participle.first?.content == ["that imitation is flattery"])
    }
}

extension AttributionFinderTests {
    @Test func anEvidentialAdverbIsASourcelessCue() {
        var counts = Self.lexicon.counts
        counts["reportedly"] = .init(total: 29, cue: 19)
        counts["repeatedly"] = .init(total: 86, cue: 44)
        let finder = AttributionFinder(lexicon: CueLexicon(counts: counts))
        let text = "The FBI is reportedly making arrangements to interview her. He repeatedly made the point."
        let bytes = Array(text.utf8)
        func words(_ span: ByteSpan) -> String { String(decoding: bytes[span], as: UTF8.self) }
        let found = finder.attributions(in: TokenizedText(text: text))
        #expect(found.count == 1)
        #expect(found.first?.source == nil)
        #expect(found.first.map { words($0.cue) } == "reportedly")
        #expect(found.first.map { $0.content.map(words) } == ["The FBI is", "making arrangements to interview her"])
        // Before a cue it is part of that cue ("reportedly said"), and the subject speaks.
        let said = finder.attributions(in: TokenizedText(text: "Trump reportedly said the deal was off."))
        #expect(said.count == 1)
        #expect(said.first?.source != nil)
    }
}

extension AttributionFinderTests {
    @Test func aParticipleAfterACommaInsideTheClosingQuoteGoesOnWithTheSpeaker() {
        let found = parts("Cruz said that there is “only one strong conservative in this race,” adding that it is why Trump attacks us.")
        #expect(found.count == 2)
        #expect(found.last?.source == "Cruz")
        #expect(found.last?.cue == "adding")
        #expect(found.last?.content == ["that it is why Trump attacks us"])
    }

    @Test func aTimeAdjunctAfterTheAppositionsCommaIsNotTheSource() {
        let found = parts("Speaker Paul Ryan, the nation's highest-ranking Republican, on Tuesday said the remarks were racist.")
        #expect(found.first?.source == "Speaker Paul Ryan, the nation's highest-ranking Republican")
        #expect(found.first?.content == ["the remarks were racist"])
    }

    @Test func anOpeningSubordinateClauseIsNotTheContentOfTheCueAfterIt() {
        let when = parts("When the moderator pointed out that Trump had not answered the question, the candidate said families file lawsuits.")
        #expect(when.last?.source == "the candidate")
        #expect(when.last?.content == ["families file lawsuits"])
        let asked = parts("Asked if he was ever bullied, the candidate said no.")
        #expect(asked.last?.cue == "said")
        #expect(asked.last?.content == ["no"])
        // A main clause after the opening one makes the sentence before the cue clause the content.
        let main = parts("If Trump wins the state, the party will split, he said Tuesday.")
        #expect(main.last?.content == ["If Trump wins the state, the party will split"])
    }
}

extension AttributionFinderTests {
    @Test func aRelativeClauseWithAVerbOfSayingStaysWithItsName() {
        let relative = parts("Mrs. Clinton, who never said that he was unqualified, said on Wednesday that he had not done his homework.")
        #expect(relative.last?.source == "Mrs. Clinton, who never said that he was unqualified")
        #expect(relative.last?.content == ["that he had not done his homework"])
        let participle = parts("Officials familiar with the server, telling reporters they could not be named, said that it was secure.")
        #expect(participle.last?.source == "Officials familiar with the server, telling reporters they could not be named")
        #expect(participle.last?.content == ["that it was secure"])
    }
}

extension AttributionFinderTests {
    @Test func aShortInfinitiveAfterTheCueIsContent() {
        let found = parts("A spokeswoman for the ministry declined to comment.")
        #expect(found.first?.source == "A spokeswoman for the ministry")
        #expect(found.first?.content == ["to comment"])
        // Neither a quotation before it nor an opening adjunct is its content.
        let quoted = parts("“This is extremely irresponsible.” The agency declined to comment.")
        #expect(quoted.last?.content == ["to comment"])
        let opening = parts("Through a spokeswoman, Trump declined to comment for this article.")
        #expect(opening.last?.content == ["to comment for this article"])
        // A short phrase after "to" that names its hearer is no content.
        #expect(parts("He said to the press.").isEmpty)
    }

    @Test func anAdjunctSetOffByCommasStaysWithItsSubject() {
        let found = parts("Margaret Sullivan, in an attempt to draw attention to the problem, said the candidate answered seven questions.")
        #expect(found.first?.source == "Margaret Sullivan, in an attempt to draw attention to the problem")
        #expect(found.first?.content == ["the candidate answered seven questions"])
    }

    @Test func aLabelledNameAfterAnOpeningAdjunctIsTheSource() {
        let found = parts("After winning Ohio in the primary, Gov. John Kasich (R-OH), said he would go on.")
        #expect(found.first?.source == "Gov. John Kasich (R-OH)")
    }
}

extension AttributionFinderTests {
    @Test func aParticipleAfterAParentheticalCueClauseGoesOnWithItsSpeaker() {
        let found = parts("Ryan and Trump will meet next week, Spicer said, adding, “They need to sit down.”")
        #expect(found.count == 2)
        #expect(found.first?.source == "Spicer")
        #expect(found.first?.content == ["Ryan and Trump will meet next week"])
        #expect(found.last?.source == "Spicer")
        #expect(found.last?.content == ["“They need to sit down.”"])
    }

    @Test func aParticipleAfterAnObjectsAppositionTakesTheSentencesSubject() {
        let found = parts("On Friday, Mr. Carson endorsed Mr. Trump at Mar-a-Lago, Mr. Trump's private club, telling him he was a very intelligent man.")
        #expect(found.last?.source == "Mr. Carson")
        let amid = parts("Amid calls for a boycott, The Blaze's Matt Walsh defended the list, telling readers it was necessary.")
        #expect(amid.last?.source == "The Blaze's Matt Walsh")
        // A name with an aside after its comma is the subject; a dateline's name is not.
        let aside = parts("Bangladesh, for its part, has balanced its ties, telling partners it wants no single ally.")
        #expect(aside.last?.source == "Bangladesh")
        let dateline = parts("DHAKA, Bangladesh — The government signed the pact on Monday, telling reporters it wants more.")
        #expect(dateline.last?.source == "The government")
    }
}

extension AttributionFinderTests {
    @Test func aCueWordOpeningACompoundNounIsNoCue() {
        let finder = AttributionFinder(lexicon: CueLexicon(counts: ["think": .init(total: 40, cue: 36), "said": .init(total: 100, cue: 95)]))
        let compound = claims("Even centrist think tanks like the Brookings Institution have recognized the danger.", with: finder)
        #expect(compound.isEmpty)
        #expect(!claims("Even centrist voters think that the danger is real.", with: finder).isEmpty)
    }
}
