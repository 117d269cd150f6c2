import DossierCore
import Foundation
import Testing
@testable import Timeline

/// Which words of a sentence become events, and which date each takes: the
/// classes the hand-checked web sample (eval/timeline-sample) found wrong.
@Suite struct EventSelectionTests {
    static func events(_ body: String, names: [(String, Int)] = []) -> [Event] {
        EventExtractor().events(in: EventExtractorTests.article(body, names: names))
    }

    /// The triggers of the events a timeline lists (the hypothetical ones are not).
    static func listedTriggers(_ body: String) -> [String] {
        events(body).filter { !$0.isHypothetical }.map(\.trigger)
    }

    static func mention(_ text: String, entity: String, type: EntityType, in body: String, sentence: Int) -> Mention {
        let bytes = Array(body.utf8)
        let needle = Array(text.utf8)
        let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle } ?? 0
        return Mention(text: text, type: type, entity: entity, start: start + 1, stop: start + needle.count, sentence: sentence, source: .model)
    }

    @Test func theGapBeforeADateIsOneEventHoweverManyTriggersTheSentenceHas() {
        let body = "Pakistan and Bangladesh talked. In April 2025, the two countries resumed foreign secretary-level bilateral consultations after a gap of nearly 15 years, a move officially acknowledged by the ministry and reported by news agencies."
        let events = Self.events(body, names: [("Pakistan", 1), ("Bangladesh", 1)])
        #expect(events.filter { $0.dating == .arithmetic }.count == 1)
        #expect(events.first { $0.dating == .arithmetic }?.trigger == "before the gap: resumed")
        #expect(events.first { $0.trigger == "resumed" }?.label == "2025-04")
    }

    @Test func aDateInAnotherClauseDoesNotDateTheMainVerb() throws {
        let body = "Although Bush was not from his camp (he had challenged Reagan for the presidency in 1980 and was viewed with skepticism), Bush moved to embrace Reaganism."
        let events = Self.events(body)
        #expect(events.first { $0.trigger == "had challenged" }?.label == "1980")
        let moved = try #require(events.first { $0.trigger == "moved" })
        #expect(moved.dating != .expression)
    }

    @Test func aRelativeClausesDateIsItsOwn() throws {
        let body = "The rally was quiet. Trump, speaking at the resort in Florida, was introduced by Chris Christie, who endorsed him last week."
        let events = Self.events(body)
        #expect(events.first { $0.trigger == "endorsed" }?.dating == .expression)
        #expect(events.first { $0.trigger == "was introduced" }?.dating != .expression)
        // A participle with no verb of its own near it tells nothing dated.
        #expect(!events.contains { $0.trigger == "speaking" })
    }

    @Test func aDateGoesToTheNearestVerbOfItsClauseAndTheNounsBesideIt() {
        let body = "The firm was sold. The loss was reported in March 2025, while sales rose."
        let events = Self.events(body)
        #expect(events.first { $0.trigger == "was reported" }?.label == "2025-03")
        #expect(events.first { $0.trigger == "loss" }?.label == "2025-03")
        #expect(events.first { $0.trigger == "rose" }?.dating != .expression)
    }

    @Test func statesAndAdjectivesAreNoEvents() {
        let body = "The talks ended. His relationships with his father are far more strained. The support among elected officials grew. Her sister Nancy's exploding piano kept her company."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains { $0.hasSuffix("strained") })
        #expect(!triggers.contains { $0.hasSuffix("elected") })
        #expect(!triggers.contains { $0.hasSuffix("exploding") })
        #expect(triggers.contains("grew"))
    }

    @Test func infinitivesNeedAVerbAndModalsMakeThemHypothetical() {
        let body = "The rally ended. Trump said he is ready to go to work. Rendell said it would be easier to achieve her goals. The company agreed to sell the plant."
        let events = Self.events(body)
        #expect(!events.contains { $0.trigger == "to go" })
        #expect(events.first { $0.trigger == "to achieve" }.map(\.isHypothetical) ?? true)
        #expect(events.first { $0.trigger == "to sell" }?.modifier == .after)
    }

    @Test func wordsToTheReaderAndConditionsAreNoNews() {
        let body = "The paper grew. When you join the family, you'll get unlimited access. If I leave this unchecked, the police will arrest them."
        let events = Self.events(body)
        #expect(!events.contains { $0.trigger.hasSuffix("get") })
        #expect(events.first { $0.trigger == "will arrest" }?.isHypothetical == true)
    }

    @Test func citationsAndLeadInLinesGiveNoEvents() {
        let body = "Jasmeen PK, et al. Sulfasalazine induced DRESS syndrome: a review of case reports. The following four jokes were written by Kaleb, as told to his grandpa:"
        #expect(Self.events(body).isEmpty)
    }

    @Test func habitsAreNoDatedEvents() {
        let body = "The race tightened. Trump says different things to different audiences over and over. Sanders usually campaigns in Iowa."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("says"))
        #expect(!triggers.contains("campaigns"))
    }

    @Test func aPossessorAnObjectOrANameAfterOfIsNotTheVerbsSubject() throws {
        let body = "Hartley's wife sobbed in court as he was led away."
        let hartley = Self.mention("Hartley", entity: "Andrew Hartley", type: .person, in: body, sentence: 1)
        let article = TimelineArticle(published: EventExtractorTests.published, body: body, mentions: [hartley])
        let sobbed = try #require(EventExtractor().events(in: article).first { $0.trigger == "sobbed" })
        #expect(!sobbed.entities.contains("Andrew Hartley"))

        let second = "Mitt Romney, the governor of Massachusetts, had adopted the plan."
        let massachusetts = Self.mention("Massachusetts", entity: "Massachusetts", type: .geopolitical, in: second, sentence: 1)
        let adopted = try #require(EventExtractor().events(in: TimelineArticle(published: EventExtractorTests.published, body: second,
                                                                                mentions: [massachusetts])).first { $0.trigger == "had adopted" })
        #expect(!adopted.entities.contains("Massachusetts"))
    }

    @Test func extractorNoiseAndDemonymsTakePartInNothing() throws {
        let body = "The Ukrainian companies filed suit in March 2019, and We said it won."
        let ukraine = Self.mention("Ukrainian", entity: "Ukraine", type: .geopolitical, in: body, sentence: 1)
        let we = Self.mention("We", entity: "We", type: .organization, in: body, sentence: 1)
        let events = EventExtractor().events(in: TimelineArticle(published: EventExtractorTests.published, body: body, mentions: [ukraine, we]))
        let filed = try #require(events.first { $0.trigger == "filed" })
        #expect(filed.entities.isEmpty)
        #expect(!events.contains { $0.entities.contains("We") })
    }

    @Test func aSentenceInAnotherLanguageGivesNoEvents() {
        let body = "Die Regierung hat am Montag den Vertrag mit der Firma unterzeichnet und das Projekt gestoppt. The firm signed the deal in 2024."
        let events = Self.events(body)
        #expect(events.allSatisfy { $0.sources.first?.sentence == 2 })
        #expect(events.contains { $0.trigger == "signed" })
    }

    @Test func aPronounWithTwoPeopleToChooseFromStandsForNobody() throws {
        let body = "Sanders spoke of Clinton at length. \u{201C}That will surely be him,\u{201D} he said."
        let sanders = Self.mention("Sanders", entity: "Bernie Sanders", type: .person, in: body, sentence: 1)
        let clinton = Self.mention("Clinton", entity: "Bill Clinton", type: .person, in: body, sentence: 1)
        let events = EventExtractor().events(in: TimelineArticle(published: EventExtractorTests.published, body: body, mentions: [sanders, clinton]))
        let said = try #require(events.first { $0.trigger == "said" })
        #expect(said.entities.isEmpty)
        let alone = "Sanders spoke at length. He said it was over."
        let only = Self.mention("Sanders", entity: "Bernie Sanders", type: .person, in: alone, sentence: 1)
        let events2 = EventExtractor().events(in: TimelineArticle(published: EventExtractorTests.published, body: alone, mentions: [only]))
        #expect(events2.first { $0.trigger == "said" }?.entities == ["Bernie Sanders"])
    }

    @Test func aDateInsideAQuotationDoesNotDateTheSayingAfterIt() throws {
        let body = "The race tightened. \u{201C}That may be important in the next couple days,\u{201D} he said."
        let said = try #require(Self.events(body).first { $0.trigger == "said" })
        #expect(said.dating == .publication)
    }

    /// An article with a mention of each name; "Name@context" takes the name
    /// where `context` (which starts with it) first occurs.
    static func article(_ body: String, _ people: [(text: String, entity: String, type: EntityType, sentence: Int)],
                        published: PublicationDate? = EventExtractorTests.published) -> TimelineArticle {
        TimelineArticle(published: published, body: body, mentions: people.map { person in
            let parts = person.text.split(separator: "@", maxSplits: 1).map(String.init)
            var found = mention(parts.last ?? person.text, entity: person.entity, type: person.type, in: body, sentence: person.sentence)
            found.text = parts[0]
            found.stop = found.start + parts[0].utf8.count - 1
            return found
        })
    }

    @Test func aNameInsideAQuotationTakesNoPartInTheSayingOutsideIt() throws {
        let body = "Officials met. \u{201C}It was Lee Harper\u{201D} said the aide."
        let said = try #require(EventExtractor().events(in: Self.article(body, [("Lee Harper", "Lee Harper", .person, 2)])).first { $0.trigger == "said" })
        #expect(!said.entities.contains("Lee Harper"))
        // Nor does a pronoun after the quotation stand for the one person named inside it.
        let wrote = "Officials met. \u{201C}The choice is Jordan Lee, not an echo,\u{201D} he wrote."
        let events = EventExtractor().events(in: Self.article(wrote, [("Jordan Lee", "Jordan Lee", .person, 2)]))
        #expect(try #require(events.first { $0.trigger == "wrote" }).entities.isEmpty)
    }

    @Test func aPronounStandsOnlyForAPersonOfItsSex() throws {
        let body = "Sanders spoke of Hillary Clinton at length. \u{201C}That will surely be her,\u{201D} he said."
        let events = EventExtractor().events(in: Self.article(body, [("Sanders", "Bernie Sanders", .person, 1), ("Hillary Clinton", "Hillary Clinton", .person, 1)]))
        #expect(try #require(events.first { $0.trigger == "said" }).entities == ["Bernie Sanders"])
        // A title tells the sex of a name no list knows.
        let titled = "Mrs. Okafor met Carter at noon. The plan failed, she said."
        let second = EventExtractor().events(in: Self.article(titled, [("Okafor", "Okafor", .person, 1), ("Carter", "John Carter", .person, 1)]))
        #expect(try #require(second.first { $0.trigger == "said" }).entities == ["Okafor"])
    }

    @Test func aSentenceOpeningPronounStandsForTheLastSentencesSubject() throws {
        let body = "Steve Jobs spoke to Tim Cook at noon. He said the company would grow."
        let events = EventExtractor().events(in: Self.article(body, [("Steve Jobs", "Steve Jobs", .person, 1), ("Tim Cook", "Tim Cook", .person, 1)]))
        #expect(try #require(events.first { $0.trigger == "said" }).entities == ["Steve Jobs"])
    }

    @Test func aNameBeforeAnAppositionIsItsVerbsSubjectAndAVerbAfterAndSharesIt() throws {
        let body = "Steve Jobs, the chief executive officer of Apple Inc., announced the phone. Jobs welcomed everyone to the event and unveiled a laptop."
        let events = EventExtractor().events(in: Self.article(body, [("Steve Jobs", "Steve Jobs", .person, 1), ("Apple Inc.", "Apple", .organization, 1),
                                                                      ("Jobs@Jobs welcomed", "Steve Jobs", .person, 2)]))
        #expect(try #require(events.first { $0.trigger == "announced" }).entities.contains("Steve Jobs"))
        #expect(try #require(events.first { $0.trigger == "unveiled" }).entities.contains("Steve Jobs"))
    }

    @Test func theAircraftStandsForTheLastProductAndTheCompanyForTheLastCompany() throws {
        let body = "The Airbus A380 was built by Airbus. The plane flew in April 2005. The company said in May 2005 that it was pleased."
        let events = EventExtractor().events(in: Self.article(body, [("Airbus A380", "Airbus A380", .organization, 1), ("Airbus@Airbus.", "Airbus", .organization, 1)]))
        #expect(try #require(events.first { $0.trigger == "flew" }).entities == ["Airbus A380"])
        #expect(try #require(events.first { $0.trigger == "said" }).entities == ["Airbus"])
    }

    @Test func anUndatedPastReportIsBeforePublicationAndTheHeadlinesPresentOnTheStorysDay() throws {
        // Printed on Saturday 23 October 2010; the lead says the event was on Wednesday.
        let body = "Apple unveils new laptops. On Wednesday, Steve Jobs announced new laptops at an event in Cupertino. Sales grew. Prices fell. Costs rose. Jobs said the company sold many Macs."
        let published = PublicationDate(year: 2010, month: 10, day: 23)
        let events = EventExtractor().events(in: Self.article(body, [], published: published))
        // When Jobs said it the text does not tell (the story's day, an
        // interview days before, a speech the evening before): only that it
        // was before the report. Two independent judgements of real web news
        // found the story's or the publication's day wrong for most such reports.
        let said = try #require(events.first { $0.trigger == "said" })
        #expect(said.modifier == .before)
        #expect(said.label == "before 2010-10-23")
        #expect(try #require(events.first { $0.trigger == "unveils" }).label == "2010-10-20")
        // Its undated past events after the lead are background, some time
        // before the report: an independent judge of real web news found the
        // story's day given to events years older ("approached her" in 1978).
        #expect(try #require(events.first { $0.trigger == "rose" }).dating != .story)
        // A dateline alone is no story day.
        let dateline = "Apple unveils new laptops. October 20, 2010. Jobs said the company sold many Macs."
        let plain = EventExtractor().events(in: Self.article(dateline, [], published: published))
        #expect(try #require(plain.first { $0.trigger == "unveils" }).label == "2010-10-23")
    }

    @Test func aDateAfterThatDatesTheClauseNotTheReport() throws {
        let body = "Apple held its conference. Steve announced that Leopard would be released in 2007."
        let events = EventExtractor().events(in: Self.article(body, [], published: PublicationDate(year: 2005, month: 6, day: 6)))
        #expect(try #require(events.first { $0.trigger == "announced" }).dating != .expression)
    }

    @Test func nominalEventsSuchAsFlightAreTriggers() {
        let body = "Airbus was ready. The Airbus A380 made its maiden flight on April 27, 2005."
        #expect(Self.events(body).contains { $0.trigger == "flight" && $0.label == "2005-04-27" })
    }

    @Test func whatSomeoneHopesOrWantsIsHypothetical() throws {
        let body = "The race tightened. Republicans are hoping Trump will win in November. Delegates were determined to disrupt the convention. Ryanair is attempting to take over Aer Lingus."
        let events = Self.events(body)
        #expect(try #require(events.first { $0.trigger == "will win" }).isHypothetical)
        #expect(try #require(events.first { $0.trigger == "to disrupt" }).isHypothetical)
        #expect(events.first { $0.trigger == "to take" }?.isHypothetical != true)
    }

    @Test func asOpeningAClauseAfterDescribedIsNoDescription() {
        let body = "The talks went on. Officials described the talks as the two sides signed an agreement. Officials described the talks as focused on trade."
        let triggers = Self.events(body).map(\.trigger)
        #expect(triggers.contains("signed"))
        #expect(!triggers.contains("focused"))
    }

    @Test func refusedActsAndAdjectivesInIngAreNoEvents() {
        let body = "The race went on. She has refrained from endorsing Clinton. He refused to sign the bill. Buried beneath Mrs. Clinton's wide-ranging and commanding victories were signs of trouble. Clinton is an overwhelming favorite. The bombing killed ten people."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains { $0.hasSuffix("endorsing") })
        #expect(!triggers.contains { $0.hasSuffix("sign") })
        #expect(!triggers.contains("commanding"))
        #expect(!triggers.contains("overwhelming"))
        #expect(triggers.contains("bombing") || triggers.contains("killed"))
    }

    @Test func aParticipleInATitleBeforeANameIsNoEvent() {
        let body = "Vitamins help. Take them as noted by registered dietitian Trista Best in March 2020."
        #expect(!Self.events(body).map(\.trigger).contains("registered"))
    }

    // Web sample at a872e72 (eval/timeline-sample): states, requests,
    // expectations and descriptive participles; names in passing.

    @Test func statesToldWithEventVerbsAreNoEvents() {
        let body = "The race went on. I was born and raised in Ohio. Trump finds himself mired in cases. In the poll, Clinton led Trump by 5 percentage points. Since she spoke no English, she had to learn. The firm led the talks in May 2016."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("raised"))
        #expect(!triggers.contains("finds"))
        #expect(!triggers.contains("led") || Self.events(body).filter { $0.trigger == "led" }.count == 1)
        #expect(!triggers.contains("spoke"))
        // A lead that is no poll standing stays.
        #expect(Self.events(body).contains { $0.trigger == "led" && $0.label == "2016-05" })
    }

    @Test func requestsAndExpectationsAreNotWhatHappened() throws {
        let body = "The race went on. McConnell asked him to condemn violence. Amazon is expected to bring the case to a higher court. The deliveries are scheduled to begin in 2007."
        let events = Self.events(body)
        #expect(try #require(events.first { $0.trigger == "to condemn" }).isHypothetical)
        #expect(!events.contains { $0.trigger == "is expected" })
        #expect(events.first { $0.trigger == "to bring" }?.isHypothetical != false)
        #expect(events.first { $0.trigger == "to begin" }?.isHypothetical == false)
        #expect(events.contains { $0.trigger == "asked" })
    }

    @Test func participlesThatDescribeANounAreNoEvents() {
        let body = "The plan moved on. A resort, made popular by the late Jimmy Buffett, is coming. Voters want the radical change offered by Trump. He said it has been 235 days since crooked Hillary Clinton held a press conference. The shares were offered by the bank in 2019."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("made"))
        #expect(!triggers.contains("offered"))
        #expect(!triggers.contains("crooked"))
        #expect(triggers.contains("were offered"))
        #expect(triggers.contains("held"))
    }

    @Test func aPresentPassiveWithNoDateSaysHowThingsAre() {
        let body = "Skin care matters. NMF is made up of humectants. The law is signed on 4 May 2025. The rocket is scheduled to fly soon. The chief is indicted for fraud."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("is made"))
        #expect(triggers.contains("is indicted"))
        #expect(triggers.contains("is signed"))
        #expect(triggers.contains("to fly"))
    }

    @Test func aNameAfterAPrepositionIsNotTheNextVerbsSubject() throws {
        let body = "I attended the Roadshow in Atlanta and began advocating for it in 2019."
        let events = EventExtractor().events(in: Self.article(body, [("Atlanta", "Atlanta", .geopolitical, 1)]))
        #expect(try #require(events.first { $0.trigger == "began" }).entities.isEmpty)
    }

    @Test func aPersonsNameModifyingANounIsNotItsBearer() throws {
        let body = "Rendell, a Clinton surrogate, said he was ill in 2015. One Clinton spokesman has called it overreach. Making a final effort, anti-Trump delegates attempted to secure a vote."
        let events = EventExtractor().events(in: Self.article(body, [("Rendell", "Ed Rendell", .person, 1), ("Clinton@Clinton surrogate", "Hillary Clinton", .person, 1),
                                                                      ("Clinton@Clinton spokesman", "Hillary Clinton", .person, 2), ("Trump", "Donald Trump", .person, 3)]))
        #expect(try #require(events.first { $0.trigger == "said" }).entities == ["Ed Rendell"])
        #expect(try #require(events.first { $0.trigger == "has called" }).entities.isEmpty)
        #expect(try #require(events.first { $0.trigger == "attempted" }).entities.isEmpty)
    }

    @Test func aPronounOpeningASubordinateClauseLooksAheadAndOneInAQuotationStandsForNobody() throws {
        let body = "Jim Rich spoke for an hour. Since he entered the race in late November, Bloomberg has climbed in the polls. \u{201C}It is because she signed a contract in 2019,\u{201D} Dennise Laboy said."
        let events = EventExtractor().events(in: Self.article(body, [("Jim Rich", "Jim Rich", .person, 1), ("Bloomberg", "Michael Bloomberg", .person, 2),
                                                                      ("Dennise Laboy", "Dennise Laboy", .person, 3)]))
        #expect(try #require(events.first { $0.trigger == "entered" }).entities == ["Michael Bloomberg"])
        #expect(try #require(events.first { $0.trigger == "signed" }).entities.isEmpty)
        #expect(try #require(events.first { $0.trigger == "said" }).entities == ["Dennise Laboy"])
    }

    @Test func namesThatNameNoOneTakePartInNothing() throws {
        let body = "It has increased from 6 per 100,000 in August 2020. The 14-day rate rose in October 2020. Special Agents took custody of three men in May 2020."
        let events = EventExtractor().events(in: Self.article(body, [("The 14-day", "The 14-day", .organization, 2), ("Special Agents", "Special Agents", .organization, 3)]))
        #expect(events.allSatisfy { $0.entities.isEmpty })
        #expect(Participants.isNotAName("International Trade Secretary"))
        #expect(!Participants.isNotAName("Secretary of State Hillary Clinton"))
        #expect(!Participants.isNotAName("The Hague"))
    }

    @Test func theGovernmentIsACountrysNotTheLastOrganisationNamed() throws {
        let body = "Ireland braced for a lockdown. NPHET advised a lockdown on Sunday. The government decided on Level 3 in October 2020."
        let events = EventExtractor().events(in: Self.article(body, [("Ireland", "Ireland", .geopolitical, 1), ("NPHET", "NPHET", .organization, 2)]))
        #expect(try #require(events.first { $0.trigger == "decided" }).entities == ["Ireland"])
    }

    @Test func anUndatedPastVerbOfTheLeadIsBeforePublication() throws {
        let body = "The board met in June to plan the route. Director Javier Betancourt at that time asked for full service details. The board asked for a vote."
        let events = Self.events(body)
        #expect(try #require(events.first { $0.sources.first?.sentence == 2 && $0.trigger == "asked" }).modifier == .before)
        #expect(try #require(events.first { $0.sources.first?.sentence == 3 && $0.trigger == "asked" }).modifier == .before)
        // A dated past verb keeps its date.
        #expect(try #require(events.first { $0.trigger == "met" }).dating == .expression)
    }

    @Test func namesInCompoundsBeforeRolesAndBeforeAPersonDescribe() throws {
        let body = "Former DNC chairman calls for a plan. Paris-based auction house Artcurial sold it in 2019. Democrat Hillary Clinton on Saturday received her first briefing. Coffman, who represents the crucial Denver suburbs, said so in 2016."
        let events = EventExtractor().events(in: Self.article(body, [("Paris", "Paris", .geopolitical, 2), ("Artcurial", "Artcurial", .organization, 2),
                                                                      ("DNC", "Democratic National Committee", .organization, 1),
                                                                      ("Democrat", "Democrats", .organization, 3), ("Hillary Clinton", "Hillary Clinton", .person, 3),
                                                                      ("Denver", "Denver", .geopolitical, 4)]))
        #expect(try #require(events.first { $0.trigger == "sold" }).entities == ["Artcurial"])
        #expect(try #require(events.first { $0.trigger == "calls" }).entities.isEmpty)
        #expect(try #require(events.first { $0.trigger == "received" }).entities == ["Hillary Clinton"])
        #expect(try #require(events.first { $0.trigger == "said" }).entities.isEmpty)
    }

    @Test func theyIsNoCountryAndItMayBe() throws {
        let body = "California burned in August 2020. They have poisoned communities. It has declared an emergency."
        let events = EventExtractor().events(in: Self.article(body, [("California", "California", .geopolitical, 1)]))
        #expect(try #require(events.first { $0.trigger == "have poisoned" }).entities.isEmpty)
        #expect(try #require(events.first { $0.trigger == "has declared" }).entities == ["California"])
    }

    @Test func purposePassivesAndKeyValueRecordsAreNoEvents() {
        let body = "Coinbase grew. They are both designed to help users buy coins. name = Brian Massumi era = 21st century school = empiricism. The app was designed in 2012."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("are designed"))
        #expect(!triggers.contains("to help"))
        // The record's "era" is a lexicon word; no event comes of it.
        #expect(!triggers.contains("era"))
        #expect(triggers.contains("was designed"))
    }

    @Test func aLeadInAPollAfterAHedgeIsAStanding() {
        let body = "The race went on. In the final Field Poll, Clinton led among Latinos by just four points."
        #expect(!Self.events(body).map(\.trigger).contains("led"))
    }

    @Test func aDatelineIsNoSubjectAndADescribingNameNoAntecedent() throws {
        let body = "CLEVELAND \u{2013} As it officially nominated Trump on July 19, 2016, the party changed. Paris-based auction house Artcurial sold it in 2023."
        // The splitter makes the dateline a sentence of its own.
        let events = EventExtractor().events(in: Self.article(body, [("CLEVELAND", "Cleveland", .geopolitical, 1), ("Trump", "Donald Trump", .person, 2),
                                                                      ("Paris", "Paris", .geopolitical, 3), ("Artcurial", "Artcurial", .organization, 3)]))
        #expect(try #require(events.first { $0.trigger == "nominated" }).entities == ["Donald Trump"])
        #expect(try #require(events.first { $0.trigger == "sold" }).entities == ["Artcurial"])
    }

    @Test func anIfAfterTheReportMakesItsClauseHypothetical() throws {
        let body = "The rally went on. Trump said if Hillary Clinton is elected president, taxes will rise."
        let events = Self.events(body)
        #expect(try #require(events.first { $0.trigger == "is elected" }).isHypothetical)
        #expect(events.first { $0.trigger == "said" }?.isHypothetical == false)
    }

    @Test func aBeliefsOrAFearsClauseIsNoEvent() {
        let body = "The program ran on. Young people entered probation believing that they were avoiding court. Investors fear the bank will collapse. There are few signs that the firm is recovering. The bank collapsed in May 2019."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("were avoiding"))
        #expect(!triggers.contains("will collapse"))
        #expect(!triggers.contains("is recovering"))
        #expect(triggers.contains("entered"))
        #expect(triggers.contains("collapsed"))
    }

    @Test func feelingsToldInThePassiveAreStates() {
        let body = "The parlour opened. Both artists were surprised by the interest. He is very much acquainted with the two men. Lee Miringoff said Trump is positioned to win. The tattoo surprised everyone in May 2020."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("were surprised"))
        #expect(!triggers.contains("acquainted"))
        #expect(!triggers.contains("is positioned"))
        #expect(triggers.contains("surprised"))
    }

    @Test func whatIsToldOfManyTimesOrYearsHasNoPoint() {
        let body = "The race went on. He has raised the idea at various points during his campaign. Amazon had been avoiding such cases for years. The senator repeatedly criticised the plan. He raised it again in March 2016."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("has raised"))
        #expect(!triggers.contains("had been avoiding"))
        #expect(!triggers.contains("criticised"))
        #expect(triggers.contains("raised"))
    }

    @Test func promisesAndNeedsAreHypothetical() throws {
        let body = "Merrill spoke on Friday. Machado promised to continue supporting Clinton. A lockdown is needed to stop the virus. The dog is trained to detect drugs. Machado continued campaigning in May 2016."
        let events = Self.events(body)
        #expect(events.first { $0.trigger == "to continue" }?.isHypothetical != false)
        #expect(events.first { $0.trigger == "supporting" }?.isHypothetical != false)
        #expect(events.first { $0.trigger == "to stop" }?.isHypothetical != false)
        #expect(!events.contains { $0.trigger == "to detect" && !$0.isHypothetical })
        #expect(try #require(events.first { $0.trigger == "continued" }).label == "2016-05")
    }

    @Test func aPresentWhenClauseOpeningASentenceMakesItARule() throws {
        let body = "Stations are listed below. When facilities are not accessible, the operator will make every effort to help. When the plane landed, the crew left. When asked, he said the line will reopen."
        let events = Self.events(body)
        #expect(try #require(events.first { $0.trigger == "will make" }).isHypothetical)
        #expect(events.first { $0.trigger == "left" }?.isHypothetical == false)
        #expect(events.first { $0.trigger == "said" }?.isHypothetical == false)
    }

    @Test func anIrregularParticipleAfterAPossessiveDescribes() {
        let body = "The campaign went on. The paper asked for Clinton's paid speeches. The firm paid the fine in 2016."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("paid") || Self.events(body).filter { $0.trigger == "paid" }.count == 1)
        #expect(Self.events(body).contains { $0.trigger == "paid" && $0.label == "2016" })
    }

    @Test func theBodyAPersonServesIsNotWhoActs() throws {
        let body = "Presenters were named. Among them is Gordon Shirley, Chief Executive Officer of the Port Authority of Jamaica, who will speak on investment. A spokeswoman for Boeing said the plane flew. Boeing said it would appeal."
        let events = EventExtractor().events(in: Self.article(body, [("Gordon Shirley", "Gordon Shirley", .person, 2),
                                                                      ("Port Authority of Jamaica", "Port Authority of Jamaica", .organization, 2),
                                                                      ("Boeing@Boeing said the", "Boeing", .organization, 3),
                                                                      ("Boeing@Boeing said it", "Boeing", .organization, 4)]))
        #expect(events.filter { $0.sources.first?.sentence == 2 }.allSatisfy { !$0.entities.contains("Port Authority of Jamaica") })
        #expect(try #require(events.first { $0.sources.first?.sentence == 3 && $0.trigger == "said" }).entities.isEmpty)
        #expect(try #require(events.first { $0.sources.first?.sentence == 4 && $0.trigger == "said" }).entities == ["Boeing"])
    }

    @Test func aWeekdayOwningANounIsNotTheStorysDay() throws {
        // Printed on Saturday 23 October 2010.
        let published = PublicationDate(year: 2010, month: 10, day: 23)
        let body = "Voters weigh the race. After Tuesday's debate, voters in the state remain split. Dossaji has warned the fight goes on."
        let events = EventExtractor().events(in: Self.article(body, [], published: published))
        #expect(try #require(events.first { $0.trigger == "has warned" }).dating != .story)
        let dated = "Voters weigh the race. On Tuesday, the candidates met in a debate in the state. Dossaji has warned the fight goes on."
        let other = EventExtractor().events(in: Self.article(dated, [], published: published))
        #expect(try #require(other.first { $0.trigger == "has warned" }).dating == .story)
    }

    @Test func aDateInsideAQuotationDoesNotDateTheSayingBeforeIt() throws {
        let body = "Boeing unveiled the plane. Louis Gallois said, \u{201C}Today is a great day in aviation history.\u{201D}"
        let events = Self.events(body)
        #expect(try #require(events.first { $0.trigger == "said" }).dating != .expression)
    }

    @Test func presentStatesAndHyphenatedParticiplesAreNoEvents() {
        let body = "The pets arrived. They are named Pete and Re-Pete. The company is entitled to a tax break. Lactic acid is present in NMF. The leaves are large and heart-shaped. The airline will be a full fledged member. Cook was named chief executive in 2011. The senator was re-elected in 2016."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("are named"))
        #expect(!triggers.contains("is entitled"))
        #expect(!triggers.contains("is present"))
        #expect(!triggers.contains("heart-shaped"))
        #expect(!triggers.contains("fledged"))
        #expect(triggers.contains("was named"))
        #expect(triggers.contains("was re-elected"))
    }

    @Test func aPlaceAfterAPrepositionAndAnArticleIsNoSubjectAndATitleAloneNoName() throws {
        let body = "Doctors spoke. There are 10,000 patients in the Gaza Strip, said Skaik, a surgeon."
        let events = EventExtractor().events(in: Self.article(body, [("Gaza Strip", "Gaza Strip", .geopolitical, 2), ("Skaik", "Sobhi Skaik", .person, 2)]))
        #expect(try #require(events.first { $0.trigger == "said" }).entities == ["Sobhi Skaik"])
        #expect(Participants.isNotAName("CEO"))
    }

    @Test func theSubjectOfAReportedClauseIsNotTheReports() throws {
        let body = "The race went on. Donald Trump says Hillary Clinton is lying about the deal. Meghan told Winfrey that she was hurt. \u{201C}It is grim,\u{201D} said Skaik, a surgeon."
        let events = EventExtractor().events(in: Self.article(body, [("Donald Trump", "Donald Trump", .person, 2), ("Hillary Clinton", "Hillary Clinton", .person, 2),
                                                                      ("Meghan", "Meghan Markle", .person, 3), ("Winfrey", "Oprah Winfrey", .person, 3),
                                                                      ("Skaik", "Sobhi Skaik", .person, 4)]))
        #expect(try #require(events.first { $0.trigger == "says" }).entities == ["Donald Trump"])
        #expect(try #require(events.first { $0.trigger == "told" }).entities.contains("Oprah Winfrey"))
        #expect(try #require(events.first { $0.trigger == "said" }).entities == ["Sobhi Skaik"])
    }

    @Test func aPresentPerfectTakesNoFinishedPastDateAndAPluralObjectIsNoVerb() throws {
        let body = "The race went on. Clinton has hammered the senator for his vote in 2005 on guns. Boeing has sold jets since 2004. Boeing sold two planes to the airline in 2004. Airbus sold planes in 2003."
        let events = Self.events(body)
        #expect(try #require(events.first { $0.trigger == "has hammered" }).dating != .expression)
        #expect(try #require(events.first { $0.trigger == "vote" }).label == "2005")
        #expect(try #require(events.first { $0.trigger == "has sold" }).label == "2004")
        #expect(try #require(events.first { $0.trigger == "sold" && $0.sources.first?.sentence == 4 }).label == "2004")
        #expect(try #require(events.first { $0.trigger == "sold" && $0.sources.first?.sentence == 5 }).label == "2003")
    }

    @Test func accusationsInvertedConditionalsAndNarrowLeadsAreNoHappenings() throws {
        let body = "The race went on. Trump's accusation that Clinton is playing the woman's card touched off a debate in April 2016. Trump said it would have been cool had Clinton congratulated him. In Kentucky, he trailed Clinton by less than one-half of 1 percent. Clinton congratulated the team in May 2016."
        let events = Self.events(body)
        #expect(!events.contains { $0.trigger == "is playing" })
        #expect(events.contains { $0.trigger == "touched" })
        #expect(try #require(events.first { $0.trigger == "congratulated" && $0.sources.first?.sentence == 3 }).isHypothetical)
        #expect(events.first { $0.trigger == "congratulated" && $0.sources.first?.sentence == 5 }?.isHypothetical == false)
        #expect(!events.contains { $0.trigger == "trailed" })
    }

    @Test func aPastVerbTakesNoLaterDateAndAPastPerfectIsNoStorysDay() throws {
        // Printed on Saturday 23 October 2010; the lead tells Wednesday's news.
        let published = PublicationDate(year: 2010, month: 10, day: 23)
        let body = "Apple unveils new laptops. On Wednesday, Steve Jobs announced new laptops, saying the team had made a big effort. Jobs was asked about his aims for the next decade."
        let events = EventExtractor().events(in: Self.article(body, [], published: published))
        #expect(try #require(events.first { $0.trigger == "announced" }).label == "2010-10-20")
        #expect(try #require(events.first { $0.trigger == "had made" }).modifier == .before)
        #expect(try #require(events.first { $0.trigger == "was asked" }).dating != .expression)
    }

    @Test func aPersonsNameAfterAPossessiveDescribesTheNoun() throws {
        let body = "Supporters gathered. Paradis even tried on Bennett's Trump beanie, and laughed in May 2016."
        let events = EventExtractor().events(in: Self.article(body, [("Paradis", "Paradis", .person, 2), ("Bennett", "Bennett", .person, 2), ("Trump", "Donald Trump", .person, 2)]))
        #expect(events.allSatisfy { !$0.entities.contains("Donald Trump") })
    }

    @Test func anUndatedPresentInsideAQuotationIsAView() {
        let body = "The race went on. \u{201C}Trump is offering it up as his sole qualification,\u{201D} she said. \u{201C}We are launching the plane on 4 May 2016,\u{201D} he said."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("is offering"))
        #expect(triggers.contains("are launching"))
        #expect(triggers.contains("said"))
    }

    @Test func judgingAdjectivesAndUnParticiplesAfterBeAreStates() {
        let body = "Voters went to the polls. Clinton and Sanders are virtually deadlocked in California. The results are alarming for Clinton. Sanders said she is unqualified. Traynor was adamantly opposed to Trump. Mrs. Clinton is well positioned to block the proposals. The bill was unveiled on Monday."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains { $0.hasSuffix("alarming") })
        #expect(!triggers.contains { $0.hasSuffix("deadlocked") })
        #expect(!triggers.contains { $0.hasSuffix("unqualified") })
        #expect(!triggers.contains { $0.hasSuffix("opposed") })
        #expect(!triggers.contains { $0.hasSuffix("to block") })
        #expect(triggers.contains("was unveiled"))
        #expect(triggers.contains("went"))
    }

    @Test func whatSomethingHoldsAndAParticipleAfterAPrepositionAreNoEvents() {
        let body = "The agency reported in May 2016. It found 600 emails containing classified information in May 2016. Thanks to things like increased UV exposure, the skin suffered in May 2016."
        let triggers = Self.events(body).map(\.trigger)
        #expect(!triggers.contains("containing"))
        #expect(!triggers.contains("increased"))
        #expect(triggers.contains("found"))
        #expect(triggers.contains("suffered"))
    }

    @Test func citationsAndCaptionsTellNoEvents() {
        let body = "The drug was sold in 2017. Uppal M, Rai R, Srinivas C. Leflunomide induced drug rash in 2012. Inmates were moved to Northward prison in 2022 Photo: Alvaro Serey"
        let sentences = Set(Self.events(body).compactMap { $0.sources.first?.sentence })
        #expect(sentences.contains(1))
        #expect(!sentences.contains(2))
        #expect(!sentences.contains(3))
    }

    @Test func anOpenQuestionAndWhatWasNotDoneAreNoEvents() {
        let body = "The policy was compiled in 2018 for those concerned with how their information is being used online. Comey decided not to recommend indicting Clinton on Tuesday. The setting specifies how the team will try to keep its width. After bragging for a year about how cheaply he was running his campaign, Trump is spending freely."
        // Hypothetical events are left off timelines (`timeline{}`).
        let events = Self.events(body).filter { !$0.isHypothetical }
        let triggers = events.map(\.trigger)
        // Punctuation closes the question: the sentence's own verb stays.
        #expect(triggers.contains("is spending"))
        #expect(!triggers.contains { $0.hasSuffix("used") })
        #expect(!triggers.contains("indicting"))
        #expect(!triggers.contains { $0.hasSuffix("try") })
        #expect(triggers.contains("decided"))
        #expect(triggers.contains("was compiled"))
    }

    @Test func aNameBetweenAPastVerbAndAPluralNounDescribesTheThing() throws {
        let body = "Crowds gathered. Supporters held Trump signs high above their heads in May 2016. Aides said Trump wins in May 2016. The committee gave Trump its award in 1983."
        let events = EventExtractor().events(in: Self.article(body, [("Trump", "Donald Trump", .person, 2), ("Trump@Trump wins", "Donald Trump", .person, 3),
                                                                       ("Trump@Trump its", "Donald Trump", .person, 4)]))
        #expect(try #require(events.first { $0.trigger == "held" }).entities.isEmpty)
        #expect(events.contains { $0.sources.first?.sentence == 3 && $0.entities.contains("Donald Trump") })
        #expect(try #require(events.first { $0.trigger == "gave" }).entities == ["Donald Trump"])
    }

    @Test func aNameAfterAVerbOfThinkingOpensItsClause() throws {
        let body = "The host spoke. Hewitt suggested Trump hadn't meant it in May 2016. The committee found Trump wounded in May 2016."
        let events = EventExtractor().events(in: Self.article(body, [("Hewitt", "Hugh Hewitt", .person, 2), ("Trump", "Donald Trump", .person, 2),
                                                                      ("Trump@Trump wounded", "Donald Trump", .person, 3)]))
        #expect(try #require(events.first { $0.trigger == "suggested" }).entities == ["Hugh Hewitt"])
        #expect(try #require(events.first { $0.trigger == "found" }).entities == ["Donald Trump"])
    }

    @Test func anAssumptionsClauseAndAQuotedFeelingAreNoEvents() {
        let body = "Voters met. So let's assume for the moment that Mrs. Clinton gets elected in 2016. Truss said she was \u{2018}appalled\u{2019} by the allegations in 2022."
        let triggers = Self.listedTriggers(body)
        #expect(!triggers.contains { $0.hasSuffix("elected") })
        #expect(!triggers.contains { $0.hasSuffix("appalled") })
        #expect(triggers.contains("said"))
    }

    @Test func whatWentOnForAStretchHasNoPoint() throws {
        let body = "The museum bought it. For over a year, the Louvre has fought to acquire the painting. The Louvre has won the painting for the first time in years."
        let events = Self.events(body, names: [("Louvre", 2), ("Louvre", 3)])
        #expect(!events.contains { $0.trigger == "has fought" })
        #expect(events.contains { $0.trigger == "has won" })
    }
}
