import DossierCore
import Foundation
import Testing
@testable import ArticleStore

/// Issue 14, finding 4: a per-file budget. A file over it is reported as it
/// happens and skipped; the other files go in.
@Suite struct FileBudgetTests {
    final class EventLog: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [String] = []
        func record(_ event: IngestEvent) {
            lock.lock()
            defer { lock.unlock() }
            switch event {
            case .failed(let error): events.append("failed \(error)")
            case .added(let path, _, _, _): events.append("added \(path)")
            default: break
            }
        }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return events }
    }

    func corpus(smallBytes: Int = 200, largeBytes: Int = 20_000) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-budget-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let sentence = "Officials met in Dhaka on Monday to talk about trade. "
        for (name, bytes) in [("large", largeBytes), ("small", smallBytes)] {
            let body = String(repeating: sentence, count: max(1, bytes / sentence.utf8.count))
            try #"{"title": "\#(name)", "body": "\#(body)"}"#.write(to: directory.appendingPathComponent("\(name).json"),
                                                                  atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func aFileOverTheMemoryBudgetIsReportedAndSkipped() throws {
        let directory = try corpus()
        let store = try SQLiteStore(path: ":memory:")
        var ingestor = Ingestor(store: store, extractor: FirstWordExtractor())
        // 64 KiB: the small file (about 200 bytes, 8 KiB of work) fits, the
        // large one (20 KB, about 800 KiB) does not.
        ingestor.fileBudget = FileBudget(seconds: 300, memoryBytes: 64 << 10)
        let log = EventLog()
        ingestor.events = { log.record($0) }
        let report = ingestor.ingest(paths: [directory.path])
        #expect(report.added.count == 1)
        #expect(try store.article(id: report.added.examples[0])?.draft.title == "small")
        #expect(report.failed.count == 1)
        let failure = try #require(report.failed.first)
        #expect(failure.path.hasSuffix("large.json"))
        #expect(failure.reason.hasPrefix("over the per-file memory budget: a file of 19."), "\(failure.reason)")
        #expect(failure.reason.hasSuffix("to ingest, the budget is 64.0 KiB"), "\(failure.reason)")
        // Reported as it happened: before the small file's batch was stored.
        #expect(log.all.count == 2)
        #expect(log.all.first?.hasPrefix("failed ") == true && log.all.last?.hasPrefix("added ") == true, "\(log.all)")
    }

    @Test func filesOverTheTimeBudgetAreReportedAndNotStored() throws {
        let directory = try corpus()
        let store = try SQLiteStore(path: ":memory:")
        var ingestor = Ingestor(store: store, extractor: FirstWordExtractor())
        // No file is read in a nanosecond.
        ingestor.fileBudget = FileBudget(seconds: 1e-9, memoryBytes: 1 << 30)
        let report = ingestor.ingest(paths: [directory.path])
        #expect(report.added.isEmpty)
        #expect(report.failed.count == 2)
        #expect(report.failed.allSatisfy { $0.reason.hasPrefix("over the per-file time budget: reading and parsing took ") }, "\(report.failed)")
        #expect(try store.count(matching: nil) == 0)
        // With a budget they meet, both go in.
        ingestor.fileBudget = FileBudget(seconds: 300, memoryBytes: 1 << 30)
        #expect(ingestor.ingest(paths: [directory.path]).added.count == 2)
    }

    @Test func aBatchDropsOnlyTheFilesThatOverranTheirTime() {
        let budget = FileBudget(seconds: 10, memoryBytes: 1 << 30)
        // Three articles of a feed (2 s to read, 3 s each to extract: 11 s)
        // and one article of a capture (1 s + 1 s).
        let items = [("feed.xml", 2.0), ("feed.xml", 2.0), ("feed.xml", 2.0), ("one.txt", 1.0)]
        let over = filesOverTimeBudget(items.map { (file: $0.0, readSeconds: $0.1) }, extractionSeconds: [3, 3, 3, 1], budget: budget)
        #expect(Array(over.keys) == ["feed.xml"])
        #expect(over["feed.xml"] == "over the per-file time budget: reading and entity extraction took 11.0 s, the budget is 10 s")
    }

    /// A claim finder as slow as the budget allows: it waits until the
    /// deadline it was given has passed, as a long stage that polls it stops.
    struct BudgetLongClaimFinder: ClaimFinder {
        var version: String { "waits" }
        func claims(in text: String, mentions: [Mention]) -> [Claim] {
            guard let deadline = WorkDeadline.current else { return [] }
            while !deadline.hasPassed { Thread.sleep(forTimeInterval: 0.01) }
            return []
        }
    }

    /// Claim finding was not timed: now each article's claims are found by
    /// what its file's budget has left, and an article stopped there is not
    /// stored (a store with claims gets its claims whole or not at all).
    @Test func claimFindingIsTimedByTheBudget() throws {
        let directory = try corpus()
        let store = try SQLiteStore(path: ":memory:")
        var ingestor = Ingestor(store: store, extractor: FirstWordExtractor())
        ingestor.claimFinder = BudgetLongClaimFinder()
        ingestor.fileBudget = FileBudget(seconds: 0.5, memoryBytes: 1 << 30)
        let report = ingestor.ingest(paths: [directory.path])
        #expect(report.added.isEmpty)
        #expect(report.failed.count == 2)
        #expect(report.failed.allSatisfy { $0.reason == "over the per-file time budget: claim finding was stopped when the budget of 0.5 s ran out" },
                "\(report.failed)")
        #expect(try store.count(matching: nil) == 0)
    }

    /// Extraction stopped at the deadline is reported as such, not stored.
    @Test func extractionStoppedAtTheDeadlineIsNotStored() throws {
        struct BudgetLongExtractor: MentionExtractor {
            var version: String { "waits" }
            func mentions(in text: String) -> [Mention] {
                guard let deadline = WorkDeadline.current else { return [] }
                while !deadline.hasPassed { Thread.sleep(forTimeInterval: 0.01) }
                return []
            }
        }
        let directory = try corpus()
        let store = try SQLiteStore(path: ":memory:")
        var ingestor = Ingestor(store: store, extractor: BudgetLongExtractor())
        ingestor.fileBudget = FileBudget(seconds: 0.5, memoryBytes: 1 << 30)
        let report = ingestor.ingest(paths: [directory.path])
        #expect(report.added.isEmpty && report.failed.count == 2, "\(report.failed)")
        #expect(report.failed.allSatisfy { $0.reason.hasPrefix("over the per-file time budget: ") })
        #expect(try store.count(matching: nil) == 0)
    }

    @Test func noBudgetMeansNoLimit() throws {
        let directory = try corpus(largeBytes: 200_000)
        let report = Ingestor(store: try SQLiteStore(path: ":memory:"), extractor: FirstWordExtractor()).ingest(paths: [directory.path])
        #expect(report.added.count == 2 && report.failed.isEmpty)
    }
}
