import DossierCore
import Foundation

/// Where batch jobs keep their coordination: a job table, its ranges of article
/// ids with leases, and each article's map result, in the store itself, so that
/// workers in several threads, processes or machines share one job, and a job
/// interrupted by a crash resumes where it stopped.
///
/// Exactly once: a range's results are written in the transaction that marks it
/// done, and only by the worker holding the range's current attempt; a worker
/// whose lease expired and was taken over finds its commit refused. A range that
/// is done is never claimed again.
public protocol BatchJobStore {
    /// Makes the job `definition` names (ranges covering the article ids up
    /// to the highest now), or joins the one of that name. A job of that name
    /// with another code digest or selection is refused
    /// (`BatchJobError.definitionMismatch`) while unfinished; a finished one is
    /// replaced. `restart` drops any job of that name first.
    func openJob(_ definition: BatchJobDefinition, restart: Bool) throws(BatchJobError) -> BatchJobOpening
    /// The first pending range, or one whose lease expired; held by `worker`
    /// for `lease` seconds (the store's clock, so machines need not agree).
    func claimRange(of job: BatchJob, worker: String, lease: TimeInterval) throws(StoreError) -> BatchClaim
    /// Extends the lease; false when the range is no longer this attempt's.
    func renewLease(_ range: BatchRange, lease: TimeInterval) throws(StoreError) -> Bool
    /// Marks the range done and stores its results (in article id order) in one
    /// transaction; false, storing nothing, when the attempt lost the range.
    func completeRange(_ range: BatchRange, articlesMapped: Int, results: [BatchResult]) throws(StoreError) -> Bool
    /// Gives the range back unfinished (its map failed, or the worker was
    /// told to stop), so that the next claim takes it at once instead of after
    /// the lease; nothing of it is stored. No effect when the attempt has lost
    /// the range already.
    func releaseRange(_ range: BatchRange) throws(StoreError)
    /// Records the first failure; every worker stops at its next claim.
    func failJob(_ job: BatchJob, message: String) throws(StoreError)
    func progress(of job: BatchJob) throws(StoreError) -> BatchJobProgress
    /// Results in article id order after `articleID`, for the reduce.
    func results(of job: BatchJob, after articleID: Int64, limit: Int) throws(StoreError) -> [BatchResult]
    /// The articles of a range, in id order: all of them, or those `selection` matches.
    func articles(in range: BatchRange, matching selection: BatchSelection?) throws(StoreError) -> [Article]
}
