import ArticleStore
import DossierCore
import Foundation
import StoreBackends
import Testing

/// The coordination of batch jobs (`BatchJobStore`, `BatchJobWorker`) on both
/// backends: ranges cover every article once, leases pass on, commits of a lost
/// lease are refused, jobs resume, selections select.
@Suite struct BatchJobConformanceTests {
    /// A store at a location that can be opened again, with `count` articles:
    /// "Story k" whose body says whether k is even or odd.
    func filledLocation(_ backend: StoreBackend, count: Int = 23) throws -> (location: String, store: any Store) {
        let location = try backend.makeLocation()
        let store = try StoreOpener.open(location)
        _ = try store.add((1...count).map { ArticleDraft(title: "Story \($0)", outlet: $0 % 3 == 0 ? "Wire" : "Daily", body: "Story number \($0) is \($0 % 2 == 0 ? "even" : "odd").") })
        return (location, store)
    }

    func definition(_ name: String = "count", code: String = "map", selection: BatchSelection? = nil, rangeSize: Int = 5) -> BatchJobDefinition {
        BatchJobDefinition(name: name, code: Array(code.utf8), selection: selection, rangeSize: rangeSize)
    }

    func job(_ opening: BatchJobOpening) -> BatchJob {
        switch opening {
        case .created(let job), .joined(let job, _): return job
        }
    }

    func allResults(_ store: any Store, _ job: BatchJob) throws -> [BatchResult] {
        var results: [BatchResult] = []
        var after: Int64 = 0
        while true {
            let page = try store.results(of: job, after: after, limit: 7)
            guard let last = page.last else { return results }
            results += page
            after = last.articleID
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func twoWorkersWithTheirOwnConnectionsMapEveryArticleExactlyOnce(_ backend: StoreBackend) throws {
        let (location, store) = try filledLocation(backend)
        let ids = try store.articles(after: 0, limit: 100).map(\.id)
        let job = job(try store.openJob(definition(), restart: false))
        #expect(job.rangeCount == 5)
        let summaries = Summaries()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                let own = try StoreOpener.open(location)
                var worker = BatchJobWorker(store: own, job: job, name: "worker \(index)")
                worker.pollInterval = 0.01
                summaries.add(try worker.run { article in Array("#\(article.id):\(article.draft.title ?? "")".utf8) })
            } catch {
                summaries.fail(error)
            }
        }
        #expect(summaries.errors.isEmpty, "\(summaries.errors)")
        #expect(summaries.all.reduce(0) { $0 + $1.articles } == ids.count)
        let results = try allResults(store, job)
        #expect(results.map(\.articleID) == ids)
        #expect(results.map { String(decoding: $0.value, as: UTF8.self) } == ids.map { "#\($0):Story \($0 - ids[0] + 1)" })
        let progress = try store.progress(of: job)
        #expect(progress.rangesDone == 5 && progress.articlesMapped == ids.count && progress.results == ids.count)
        #expect(try store.claimRange(of: job, worker: "late", lease: 60) == .finished)
    }

    @Test(arguments: StoreBackend.allCases)
    func anExpiredLeaseIsTakenOverAndTheFormerHolderCannotCommit(_ backend: StoreBackend) throws {
        let (_, store) = try filledLocation(backend, count: 4)
        let job = job(try store.openJob(definition(rangeSize: 10), restart: false))
        // A negative lease has expired as soon as it is granted: the holder
        // behaves like a worker killed mid-range.
        guard case .range(let first) = try store.claimRange(of: job, worker: "killed", lease: -1) else {
            Issue.record("no range to claim")
            return
        }
        #expect(first.attempt == 1 && first.reclaimedFrom == nil)
        guard case .range(let second) = try store.claimRange(of: job, worker: "survivor", lease: 60) else {
            Issue.record("the expired range was not reclaimed")
            return
        }
        #expect(second.index == first.index && second.attempt == 2 && second.reclaimedFrom == "killed")
        #expect(try store.claimRange(of: job, worker: "third", lease: 60) == .wait)
        #expect(try store.renewLease(first, lease: 60) == false)
        let articles = try store.articles(in: second, matching: nil)
        #expect(try store.completeRange(first, articlesMapped: 4, results: articles.map { BatchResult(articleID: $0.id, value: [1]) }) == false)
        #expect(try store.completeRange(second, articlesMapped: 4, results: articles.map { BatchResult(articleID: $0.id, value: [2]) }) == true)
        #expect(try allResults(store, job).map(\.value) == [[2], [2], [2], [2]])
        #expect(try store.completeRange(second, articlesMapped: 4, results: []) == false)
        #expect(try store.claimRange(of: job, worker: "third", lease: 60) == .finished)
    }

    @Test(arguments: StoreBackend.allCases)
    func aJobResumesWithItsDoneRangesAndRefusesOtherCodeUntilRestarted(_ backend: StoreBackend) throws {
        let (_, store) = try filledLocation(backend, count: 12)
        let job = job(try store.openJob(definition(), restart: false))
        guard case .range(let range) = try store.claimRange(of: job, worker: "a", lease: 60) else {
            Issue.record("no range to claim")
            return
        }
        let first = try store.articles(in: range, matching: nil)
        #expect(try store.completeRange(range, articlesMapped: first.count, results: first.map { BatchResult(articleID: $0.id, value: [7]) }))
        // The process crashed here; the same script is run again.
        let resumed = try store.openJob(definition(), restart: false)
        #expect(resumed == .joined(job, rangesDone: 1))
        guard case .range(let next) = try store.claimRange(of: job, worker: "b", lease: 60) else {
            Issue.record("no range after resuming")
            return
        }
        #expect(next.index == 1)
        #expect(throws: BatchJobError.definitionMismatch(name: "count", what: "another script or other script arguments")) {
            try store.openJob(definition(code: "changed"), restart: false)
        }
        guard case .created(let fresh) = try store.openJob(definition(code: "changed"), restart: true) else {
            Issue.record("restart did not make a new job")
            return
        }
        #expect(try allResults(store, fresh).isEmpty)
        #expect(try store.progress(of: fresh).rangesDone == 0)
    }

    @Test(arguments: StoreBackend.allCases)
    func aFailureStopsEveryWorkerAndARerunClearsIt(_ backend: StoreBackend) throws {
        let (_, store) = try filledLocation(backend, count: 8)
        let third = try #require(store.articles(after: 0, limit: 3).last?.id)
        let job = job(try store.openJob(definition(), restart: false))
        let worker = BatchJobWorker(store: store, job: job, name: "w")
        #expect(throws: BatchJobError.mapFailed(articleID: third, message: "no good")) {
            _ = try worker.run { article in
                if article.draft.title == "Story 3" { throw Failure(description: "no good") }
                return [0]
            }
        }
        #expect(try store.claimRange(of: job, worker: "other", lease: 60) == .failed("map(#\(third)): no good"))
        let rerun = try store.openJob(definition(), restart: false)
        #expect(rerun == .joined(job, rangesDone: 0))
        // The failed range was given back, not left leased for its 60 s: a
        // worker that does not wait for leases maps all eight articles now.
        var impatient = worker
        impatient.stopsWhenNothingToClaim = true
        let summary = try impatient.run { _ in [0] }
        #expect(summary.articles == 8)
        #expect(try allResults(store, job).count == 8)
        #expect(try store.progress(of: job).rangesDone == 2)
    }

    /// A worker told to stop (another worker failed) gives its range back
    /// unfinished, and a released range is claimed at once, as a fresh one.
    @Test(arguments: StoreBackend.allCases)
    func aStoppedWorkerGivesItsRangeBackAndARangeIsReleasedOnlyByItsAttempt(_ backend: StoreBackend) throws {
        let (_, store) = try filledLocation(backend, count: 8)
        let job = job(try store.openJob(definition(), restart: false))
        var stopping = BatchJobWorker(store: store, job: job, name: "stopping")
        let mapped = Counter()
        stopping.shouldStop = { mapped.value >= 2 }
        let summary = try stopping.run { _ in
            mapped.increment()
            return [1]
        }
        #expect(summary.ranges == 0 && summary.articles == 0)
        #expect(try allResults(store, job).isEmpty)
        guard case .range(let again) = try store.claimRange(of: job, worker: "next", lease: 60) else {
            Issue.record("the stopped worker's range is still leased")
            return
        }
        #expect(again.index == 0 && again.attempt == 2 && again.reclaimedFrom == nil)
        // An earlier attempt cannot give back the range a later one holds.
        try store.releaseRange(BatchRange(jobID: again.jobID, index: again.index, firstArticleID: again.firstArticleID,
                                          lastArticleID: again.lastArticleID, attempt: 1, reclaimedFrom: nil))
        guard case .range(let other) = try store.claimRange(of: job, worker: "third", lease: 60) else {
            Issue.record("no second range")
            return
        }
        #expect(other.index == 1)
        #expect(try store.claimRange(of: job, worker: "fourth", lease: 60) == .wait)
        try store.releaseRange(again)
        guard case .range(let released) = try store.claimRange(of: job, worker: "fourth", lease: 60) else {
            Issue.record("a released range was not claimable")
            return
        }
        #expect(released.index == 0 && released.attempt == 3 && released.reclaimedFrom == nil)
        // Released after it was done: no effect.
        let articles = try store.articles(in: released, matching: nil)
        #expect(try store.completeRange(released, articlesMapped: articles.count, results: []))
        try store.releaseRange(released)
        #expect(try store.progress(of: job).rangesDone == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func aSelectionMapsOnlyTheArticlesItsSearchFinds(_ backend: StoreBackend) throws {
        let (_, store) = try filledLocation(backend, count: 12)
        let selection = BatchSelection(text: "even", outlet: "wire")
        let job = job(try store.openJob(definition(selection: selection), restart: false))
        let worker = BatchJobWorker(store: store, job: job, name: "w")
        #expect(try worker.run { article in Array((article.draft.title ?? "").utf8) }.articles == 2)
        #expect(try allResults(store, job).map { String(decoding: $0.value, as: UTF8.self) } == ["Story 6", "Story 12"])
        // The job is finished, so a job of that name with another selection replaces it.
        guard case .created(let replaced) = try store.openJob(definition(selection: BatchSelection(text: "odd")), restart: false) else {
            Issue.record("a finished job was not replaced")
            return
        }
        #expect(try allResults(store, replaced).isEmpty)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }

    final class Summaries: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var all: [BatchJobWorker.Summary] = []
        private(set) var errors: [String] = []
        func add(_ summary: BatchJobWorker.Summary) { lock.withLock { all.append(summary) } }
        func fail(_ error: any Error) { lock.withLock { errors.append("\(error)") } }
    }
}
