import DossierCore
import EntityExtractor
import Testing
@testable import Timeline

/// Recipes and how-tos are told apart from news, and their undated events kept off timelines.
@Suite struct InstructionalTextTests {
    static let recipe = """
        Olive herb focaccia is easy to make at home. We used garlic puree and mixed herbs and mixed it all into olive oil. \
        Add 2 cups of flour to a bowl. Mix in 1 tsp of salt and 2 tbsp of oil. Stir until smooth. Cover the bowl and let it rise. \
        Preheat the oven. Press the dough into the tin. Sprinkle the herbs on top. Bake for 25 minutes. Serve warm. \
        The recipe was first published in May 2019.
        """
    static let news = """
        The council voted on Tuesday to close the depot. The mayor said the vote was close. Workers marched to the hall. \
        Add to that the cost of the move, officials said. The union told reporters it would appeal. Police said two people were held. \
        The depot opened in 1998. It employs 300 people, according to the council. The decision was announced after a long debate. \
        Residents said they were surprised.
        """

    @Test func aRecipeIsInstructionsAndAReportIsNot() {
        #expect(InstructionalText.isInstructions(TokenizedText(text: Self.recipe)))
        #expect(!InstructionalText.isInstructions(TokenizedText(text: Self.news)))
        // Too short to tell: a few lines are never taken for instructions.
        #expect(!InstructionalText.isInstructions(TokenizedText(text: "Add 2 cups of flour. Mix in 1 tsp of salt. Add 2 tbsp of oil.")))
    }

    @Test func instructionsKeepOnlyThePastTheyDate() {
        let events = EventExtractor().events(in: TimelineArticle(published: EventExtractorTests.published, body: Self.recipe))
        #expect(!events.contains { $0.trigger == "mixed" || $0.trigger == "used" })
        #expect(events.contains { $0.trigger == "was published" && $0.label == "2019-05" })
        let report = EventExtractor().events(in: TimelineArticle(published: EventExtractorTests.published, body: Self.news))
        #expect(report.contains { $0.trigger == "voted" })
    }
}
