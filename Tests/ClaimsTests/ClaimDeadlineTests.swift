import Claims
import DossierCore
import Testing

/// Issue 14, finding 3: claim finding is stopped by a time budget (it was not
/// timed at all). A deadline already passed stops it before any claim.
@Suite struct ClaimDeadlineTests {
    let extractor = ClaimExtractor(finder: AttributionFinder(lexicon: AttributionFinderTests.lexicon))
    let text = "The minister said that the border would reopen. Officials said trade would resume, according to the report."

    @Test func aPassedDeadlineStopsClaimFinding() {
        #expect(extractor.claims(in: text, mentions: []).count >= 2)
        let stopped = WorkDeadline.run(by: WorkDeadline(secondsFromNow: -1)) { extractor.analyze(text, mentions: []) }
        #expect(stopped.claims.isEmpty && stopped.hedges.isEmpty)
        #expect(WorkDeadline.run(by: WorkDeadline(secondsFromNow: 3600)) { extractor.claims(in: text, mentions: []) }
                == extractor.claims(in: text, mentions: []))
    }
}
