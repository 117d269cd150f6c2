import DossierCore
import Testing
@testable import Timeline

/// Issue 14, finding 3: temporal tagging and event extraction are stopped by
/// a time budget. A deadline already passed stops them before any result.
@Suite struct TimelineDeadlineTests {
    let body = "Pakistan signed a trade pact with Bangladesh on March 3, 2025. Talks resumed two weeks later."

    @Test func aPassedDeadlineStopsTaggingAndEventExtraction() {
        let tagger = TemporalTagger()
        #expect(!tagger.find(in: body, anchor: nil).isEmpty)
        #expect(WorkDeadline.run(by: WorkDeadline(secondsFromNow: -1)) { tagger.find(in: body, anchor: nil) }.isEmpty)
        let article = TimelineArticle(id: 1, published: PublicationDate(year: 2025, month: 3, day: 5), body: body)
        let extractor = EventExtractor()
        #expect(!extractor.events(in: article).isEmpty)
        #expect(WorkDeadline.run(by: WorkDeadline(secondsFromNow: -1)) { extractor.events(in: article) }.isEmpty)
    }
}
