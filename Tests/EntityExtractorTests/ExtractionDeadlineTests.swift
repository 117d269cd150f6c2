import DossierCore
@testable import EntityExtractor
import Testing

/// Issue 14, finding 3: a time budget stops a running extraction. The
/// tagger's walk and the stages after it poll the bound `WorkDeadline`; a
/// deadline already passed stops them at once, so these tests need no clock.
@Suite struct ExtractionDeadlineTests {
    let text = "Imran Khan met Sheikh Hasina in Dhaka on Monday. Pakistan and Bangladesh signed a trade pact."

    @Test func aPassedDeadlineStopsTheTaggerAndTheStagesAfterIt() throws {
        let model = try NERModel.bundled()
        let tokenized = TokenizedText(text: text)
        #expect(!model.tag(tokenized).isEmpty)
        let stopped = WorkDeadline.run(by: WorkDeadline(secondsFromNow: -1)) { model.tag(tokenized) }
        #expect(stopped.isEmpty)
        let extractor = try #require(Fixtures.bundled)
        #expect(extractor.extract(text).count >= 4)
        #expect(WorkDeadline.run(by: WorkDeadline(secondsFromNow: -1)) { extractor.extract(text) }.isEmpty)
    }

    @Test func aDeadlineAheadChangesNothing() {
        let extractor = Fixtures.listsOnly
        let free = extractor.extract(text)
        #expect(!free.isEmpty)
        #expect(WorkDeadline.run(by: WorkDeadline(secondsFromNow: 3600)) { extractor.extract(text) } == free)
    }

    /// The earlier of two deadlines holds; without one a check never passes.
    @Test func nestedDeadlinesKeepTheEarlierAndChecksPollTheClockOncePerInterval() {
        let soon = WorkDeadline(secondsFromNow: -1), late = WorkDeadline(secondsFromNow: 3600)
        WorkDeadline.run(by: soon) {
            WorkDeadline.run(by: late) { #expect(WorkDeadline.current == soon) }
        }
        var unbound = DeadlineCheck(every: 1)
        let unboundPassed = unbound.hasPassed()
        #expect(!unboundPassed)
        WorkDeadline.run(by: soon) {
            var check = DeadlineCheck(every: 3)
            // The first call reads the clock; once passed, every later call says so.
            let first = check.hasPassed(), second = check.hasPassed()
            #expect(first && second)
        }
        #expect(WorkDeadline(secondsFromNow: .nan).hasPassed && !WorkDeadline(secondsFromNow: 1e300).hasPassed)
    }
}
