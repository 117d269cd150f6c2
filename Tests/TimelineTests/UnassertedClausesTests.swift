import Testing
@testable import Timeline

/// Clauses a sentence does not assert: after absent evidence, a denial or a
/// failed verification, and the description after "described ... as".
@Suite struct UnassertedClausesTests {
    static func triggers(_ body: String) -> [String] {
        EventExtractor().events(in: EventExtractorTests.article(body, names: [])).map(\.trigger)
    }

    @Test func aClauseUnderAbsentEvidenceOrADenialIsNoEvent() {
        let evidence = Self.triggers("Officials said there is no public evidence at this stage that the ministry has formally approved or financed the new militia groups.")
        #expect(evidence.contains("said"))
        #expect(!evidence.contains { $0.hasSuffix("approved") || $0.hasSuffix("financed") })
        let denial = Self.triggers("The army denied that troops opened fire on the crowd.")
        #expect(denial.contains("denied"))
        #expect(!denial.contains("opened"))
        let unverified = Self.triggers("It could not be independently verified that the convoy crossed the border.")
        #expect(!unverified.contains("crossed"))
        let sign = Self.triggers("There was no sign that the rebels withdrew from the town.")
        #expect(!sign.contains("withdrew"))
        // The report that carries the statement is still an event.
        #expect(Self.triggers("There is no evidence that the talks failed, officials said.").contains("said"))
    }

    @Test func aDescriptionAfterDescribedAsIsNoEvent() {
        let triggers = Self.triggers("The ministry described the exercises as focused on improving coordination between the navies, and officials confirmed the dates.")
        #expect(triggers.contains("described"))
        #expect(!triggers.contains("focused"))
        #expect(!triggers.contains("improving"))
        #expect(triggers.contains("confirmed"))
    }
}
