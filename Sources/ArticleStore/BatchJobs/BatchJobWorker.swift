import DossierCore
import Foundation

/// One worker of a batch job: claims ranges, maps their articles and commits
/// each range's results, until the job is finished or failed. Several workers
/// (threads with their own store connection, processes, machines) run one job
/// by giving the same `BatchJob`; the store arbitrates (see `BatchJobStore`).
///
/// The map is a closure, so the engine knows nothing of Lua: it returns an
/// encoded result, or nil for an article that contributes nothing.
public struct BatchJobWorker {
    public let store: any BatchJobStore
    public let job: BatchJob
    /// Names this worker in the range table: host, process and thread.
    public let name: String
    /// Seconds a claimed range stays this worker's without a renewal; renewed
    /// between articles once a third of it has passed. A worker killed
    /// mid-range loses the range to another after at most this long.
    public var lease: TimeInterval = 60
    /// The longest wait before asking again when every unfinished range is
    /// held by a live worker. Waits start at 10 ms and double up to this, so
    /// the end of a job (one worker finishing the last range) is seen at once
    /// while a wait for an expiring lease costs few queries.
    public var pollInterval: TimeInterval = 0.5
    /// Called once per range this worker took over from an expired lease.
    public var onReclaim: (BatchRange) -> Void = { _ in }
    /// Checked between articles: true stops this worker (another worker failed).
    public var shouldStop: () -> Bool = { false }
    /// Return when nothing is left to claim instead of waiting for the ranges
    /// other workers hold (a helper that adds capacity and need not reduce).
    public var stopsWhenNothingToClaim = false

    public init(store: any BatchJobStore, job: BatchJob, name: String) {
        self.store = store
        self.job = job
        self.name = name
    }

    public struct Summary: Hashable, Sendable {
        public var ranges = 0
        public var articles = 0
        /// Ranges whose commit was refused: the lease had passed to another worker.
        public var rangesLost = 0
    }

    /// Runs until the job is finished (every range done, by any worker), or
    /// with `stopsWhenNothingToClaim` until nothing is left to claim.
    /// A map error records the job's failure and is thrown as `mapFailed`.
    public func run(map: (Article) throws -> [UInt8]?) throws(BatchJobError) -> Summary {
        var summary = Summary()
        var wait = min(0.01, pollInterval)
        while !shouldStop() {
            let claim: BatchClaim
            do { claim = try store.claimRange(of: job, worker: name, lease: lease) } catch { throw .store(error) }
            switch claim {
            case .finished:
                return summary
            case .failed(let message):
                throw .jobFailed(name: job.definition.name, message: message)
            case .wait:
                if stopsWhenNothingToClaim { return summary }
                Thread.sleep(forTimeInterval: wait)
                wait = min(wait * 2, pollInterval)
            case .range(let range):
                wait = min(0.01, pollInterval)
                if range.reclaimedFrom != nil { onReclaim(range) }
                switch try mapRange(range, map: map) {
                case .committed(let mapped):
                    summary.ranges += 1
                    summary.articles += mapped
                case .lost:
                    summary.rangesLost += 1
                case .stopped:
                    return summary
                }
            }
        }
        return summary
    }

    private enum RangeOutcome {
        /// Committed, with the number of articles mapped.
        case committed(Int)
        /// Lost to another worker: nothing of it is stored.
        case lost
        /// Given back unfinished: `shouldStop` said so.
        case stopped
    }

    /// Maps one range and commits it. A range this worker does not finish
    /// (a map error, a stop, a store error) is given back at once: left
    /// leased, a re-run would wait for the lease to end before mapping it.
    private func mapRange(_ range: BatchRange, map: (Article) throws -> [UInt8]?) throws(BatchJobError) -> RangeOutcome {
        var finished = false
        defer { if !finished { try? store.releaseRange(range) } }
        let articles: [Article]
        do { articles = try store.articles(in: range, matching: job.definition.selection) } catch { throw .store(error) }
        var results: [BatchResult] = []
        var renewed = Date()
        for article in articles {
            if shouldStop() { return .stopped }
            do {
                if let value = try map(article) { results.append(BatchResult(articleID: article.id, value: value)) }
            } catch {
                let failure = BatchJobError.mapFailed(articleID: article.id, message: String(describing: error))
                try? store.failJob(job, message: failure.description)
                throw failure
            }
            if Date().timeIntervalSince(renewed) > lease / 3 {
                do {
                    guard try store.renewLease(range, lease: lease) else {
                        finished = true
                        return .lost
                    }
                } catch { throw .store(error) }
                renewed = Date()
            }
        }
        let committed: Bool
        do { committed = try store.completeRange(range, articlesMapped: articles.count, results: results) } catch { throw .store(error) }
        finished = true
        return committed ? .committed(articles.count) : .lost
    }
}
