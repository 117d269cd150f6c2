import DossierCore
import Foundation
import GRDB
import Testing
@testable import ArticleStore

/// Issue 14, finding 2, for the batch job tables: GRDB's subscripts trapped
/// on a row edited by hand (`row["attempt"]` as an Int on text, a result
/// held as an integer). Each bad row is now an error naming its table and
/// key, and `integrityCheck` (store:check) lists it.
@Suite struct StoredBatchJobRowTests {
    /// A store of six articles with a job of two ranges, the first one done
    /// (with a result per article), then `edit` run on its file.
    func editedStore(_ edit: String) throws -> (store: SQLiteStore, job: BatchJob) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("batch-rows-\(UUID().uuidString).sqlite").path
        let job: BatchJob
        do {
            let store = try SQLiteStore(path: path)
            _ = try store.add((1...6).map { ArticleDraft(title: "Story \($0)", body: "Story number \($0).") })
            guard case .created(let created) = try store.openJob(BatchJobDefinition(name: "count", code: [1], selection: nil, rangeSize: 3),
                                                                 restart: false) else { throw Failure() }
            job = created
            guard case .range(let range) = try store.claimRange(of: job, worker: "w", lease: 60) else { throw Failure() }
            let articles = try store.articles(in: range, matching: nil)
            _ = try store.completeRange(range, articlesMapped: 3, results: articles.map { BatchResult(articleID: $0.id, value: [7]) })
        }
        let database = try DatabaseQueue(path: path)
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA foreign_keys = OFF; " + edit) }
        try database.close()
        return (try SQLiteStore(path: path), job)
    }

    struct Failure: Error {}

    @Test func aRangeAttemptHeldAsTextIsAnErrorNamingTheRange() throws {
        let (store, job) = try editedStore("UPDATE batch_range SET attempt = 'x' WHERE range_index = 1")
        do {
            _ = try store.claimRange(of: job, worker: "w2", lease: 60)
            Issue.record("a range with a text attempt was claimed")
        } catch {
            #expect(error.description.contains("batch_range row (job_id 1, range_index 1): column 'attempt' holds text, expected an integer"), "\(error)")
        }
        let report = try store.integrityCheck()
        #expect(report == "batch_range row (job_id \(job.id), range_index 1): column 'attempt' holds text, expected an integer", "\(report)")
    }

    @Test func aResultHeldAsAnIntegerAndASumOverTextAreErrorsNamingTheirRows() throws {
        let (store, job) = try editedStore("""
            UPDATE batch_result SET value = 5 WHERE article_id = 2;
            UPDATE batch_range SET articles = 'many' WHERE range_index = 0;
            """)
        do {
            _ = try store.results(of: job, after: 0, limit: 10)
            Issue.record("a result held as an integer was read")
        } catch {
            #expect(error.description.contains("batch_result row (job_id \(job.id), article_id 2): column 'value' holds the integer 5, expected a BLOB"),
                    "\(error)")
        }
        #expect(try store.results(of: job, after: 2, limit: 10).map(\.value) == [[7]])
        do {
            _ = try store.progress(of: job)
            Issue.record("a sum over text was read as a count")
        } catch {
            #expect(error.description.contains("batch_range row (job_id \(job.id)): column 'articles' holds the real"), "\(error)")
        }
        let report = try store.integrityCheck().split(separator: "\n")
        #expect(report.count == 2, "\(report)")
        #expect(report.contains("batch_range row (job_id \(job.id), range_index 0): column 'articles' holds text, expected an integer"))
        #expect(report.contains("batch_result row (job_id \(job.id), article_id 2): column 'value' holds the integer 5, expected a BLOB"))
    }

    @Test func aJobWithABadSelectionOrRangeSizeIsAnErrorNamingTheJob() throws {
        let (store, job) = try editedStore("UPDATE batch_job SET range_size = 'big', selection = '{' WHERE name = 'count'")
        #expect(throws: BatchJobError.self) {
            try store.openJob(BatchJobDefinition(name: "count", code: [1], selection: nil, rangeSize: 3), restart: false)
        }
        do {
            _ = try store.openJob(BatchJobDefinition(name: "count", code: [1], selection: nil, rangeSize: 3), restart: false)
        } catch {
            #expect(error.description.contains("batch_job row (id \(job.id), name 'count'): column 'selection' is not a search"), "\(error)")
        }
        let report = try store.integrityCheck()
        #expect(report.hasPrefix("batch_job row (id \(job.id), name 'count'): column 'selection' is not a search"), "\(report)")
    }
}
