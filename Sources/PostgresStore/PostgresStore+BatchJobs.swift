import ArticleStore
import DossierCore
import Foundation
import NIOCore
import PostgresNIO

/// Batch jobs shared by worker processes on any number of machines: a worker
/// claims the first open range with `FOR UPDATE SKIP LOCKED` (claimers never
/// wait on each other), leases run on the server's clock, and a range's results
/// are inserted in the transaction that marks it done, guarded by the attempt
/// the worker claimed.
extension PostgresStore: BatchJobStore {
    /// The server's time in seconds since 1970: one clock for every machine.
    private static let serverNow = "extract(epoch FROM clock_timestamp())::float8"

    public func openJob(_ definition: BatchJobDefinition, restart: Bool) throws(BatchJobError) -> BatchJobOpening {
        let outcome: Result<BatchJobOpening, BatchJobError>
        do {
            outcome = try run { session in
                try session.transaction {
                    // Workers starting together make the job once.
                    var lock = PostgresStatement()
                    lock.append("SELECT pg_advisory_xact_lock(4242002, hashtext(\(lock.bind(definition.name))))")
                    try session.execute(lock)
                    if restart {
                        var drop = PostgresStatement()
                        drop.append("DELETE FROM batch_job WHERE name = \(drop.bind(definition.name))")
                        try session.execute(drop)
                    }
                    var find = PostgresStatement()
                    find.append("""
                        SELECT batch_job.*, (SELECT count(*) FROM batch_range WHERE job_id = batch_job.id AND state <> 'done') AS open
                        FROM batch_job WHERE name = \(find.bind(definition.name))
                        """)
                    if let row = try session.rows(find).first {
                        let job = try Self.batchJob(row)
                        let open: Int64 = try row.value("open")
                        if let mismatch = definition.difference(from: job.definition) {
                            guard open == 0 else { return .failure(.definitionMismatch(name: definition.name, what: mismatch)) }
                            var drop = PostgresStatement()
                            drop.append("DELETE FROM batch_job WHERE id = \(drop.bind(job.id))")
                            try session.execute(drop)
                        } else {
                            // A failed job run again resumes: the ranges done are kept.
                            var clear = PostgresStatement()
                            clear.append("UPDATE batch_job SET failure = NULL WHERE id = \(clear.bind(job.id))")
                            try session.execute(clear)
                            var joined = job
                            joined.failure = nil
                            return .success(.joined(joined, rangesDone: job.rangeCount - Int(open)))
                        }
                    }
                    let bounds = try session.rows("SELECT coalesce(min(id), 1) AS first, coalesce(max(id), 0) AS last FROM article").first
                    let first: Int64 = try bounds?.value("first") ?? 1
                    let last: Int64 = try bounds?.value("last") ?? 0
                    let size = Int64(definition.rangeSize)
                    let count = last < first ? 0 : (last - first) / size + 1
                    var insert = PostgresStatement()
                    insert.append("""
                        INSERT INTO batch_job (name, code_digest, selection, range_size, last_article_id, range_count, created_at)
                        VALUES (\(insert.bind(definition.name)), \(insert.bind(definition.codeDigest)), \(insert.bind(definition.selection?.encoded)),
                          \(insert.bind(size)), \(insert.bind(last)), \(insert.bind(count)), \(Self.serverNow))
                        RETURNING id
                        """)
                    guard let id: Int64 = try session.rows(insert).first?.value("id") else {
                        throw StoreError.database(path: path, message: "the new batch job's id was not returned")
                    }
                    var ranges = PostgresStatement()
                    let job = ranges.bind(id), start = ranges.bind(first), span = ranges.bind(size), end = ranges.bind(last)
                    ranges.append("""
                        INSERT INTO batch_range (job_id, range_index, first_article_id, last_article_id)
                        SELECT \(job), i, \(start) + i * \(span), least(\(end), \(start) + (i + 1) * \(span) - 1)
                        FROM generate_series(0::bigint, \(ranges.bind(count)) - 1) AS i
                        """)
                    try session.execute(ranges)
                    return .success(.created(BatchJob(id: id, definition: definition, lastArticleID: last, rangeCount: Int(count), failure: nil)))
                }
            }
        } catch {
            throw .store(error)
        }
        return try outcome.get()
    }

    public func claimRange(of job: BatchJob, worker: String, lease: TimeInterval) throws(StoreError) -> BatchClaim {
        try run { session in
            var failure = PostgresStatement()
            failure.append("SELECT failure FROM batch_job WHERE id = \(failure.bind(job.id))")
            if let message: String = try session.rows(failure).first?.value("failure") { return .failed(message) }
            var claim = PostgresStatement()
            let jobID = claim.bind(job.id)
            claim.append("""
                WITH candidate AS (
                  SELECT job_id, range_index, state AS old_state, worker AS old_worker FROM batch_range
                  WHERE job_id = \(jobID) AND state <> 'done' AND (state = 'pending' OR lease_until < \(Self.serverNow))
                  ORDER BY range_index LIMIT 1
                  FOR UPDATE SKIP LOCKED
                )
                UPDATE batch_range SET state = 'running', worker = \(claim.bind(worker)), attempt = batch_range.attempt + 1,
                  lease_until = \(Self.serverNow) + \(claim.bind(lease))
                FROM candidate
                WHERE batch_range.job_id = candidate.job_id AND batch_range.range_index = candidate.range_index
                RETURNING batch_range.range_index, batch_range.first_article_id, batch_range.last_article_id, batch_range.attempt,
                  candidate.old_state, candidate.old_worker
                """)
            if let row = try session.rows(claim).first {
                let oldState: String = try row.value("old_state")
                let oldWorker: String? = try row.value("old_worker")
                return .range(BatchRange(jobID: job.id, index: Int(try row.value("range_index", as: Int64.self)),
                                         firstArticleID: try row.value("first_article_id"), lastArticleID: try row.value("last_article_id"),
                                         attempt: Int(try row.value("attempt", as: Int64.self)),
                                         reclaimedFrom: oldState == "running" ? oldWorker : nil))
            }
            var open = PostgresStatement()
            open.append("SELECT count(*) AS open FROM batch_range WHERE job_id = \(open.bind(job.id)) AND state <> 'done'")
            return try session.rows(open).first?.value("open", as: Int64.self) == 0 ? .finished : .wait
        }
    }

    public func renewLease(_ range: BatchRange, lease: TimeInterval) throws(StoreError) -> Bool {
        try run { session in
            var renew = PostgresStatement()
            renew.append("""
                UPDATE batch_range SET lease_until = \(Self.serverNow) + \(renew.bind(lease))
                WHERE job_id = \(renew.bind(range.jobID)) AND range_index = \(renew.bind(Int64(range.index)))
                  AND attempt = \(renew.bind(Int64(range.attempt))) AND state = 'running'
                RETURNING range_index
                """)
            return try !session.rows(renew).isEmpty
        }
    }

    public func completeRange(_ range: BatchRange, articlesMapped: Int, results: [BatchResult]) throws(StoreError) -> Bool {
        try run { session in
            try session.transaction {
                var done = PostgresStatement()
                done.append("""
                    UPDATE batch_range SET state = 'done', articles = \(done.bind(Int64(articlesMapped))), lease_until = NULL
                    WHERE job_id = \(done.bind(range.jobID)) AND range_index = \(done.bind(Int64(range.index)))
                      AND attempt = \(done.bind(Int64(range.attempt))) AND state = 'running'
                    RETURNING range_index
                    """)
                // Lost to another worker: nothing of this attempt is stored.
                guard try !session.rows(done).isEmpty else { return false }
                guard !results.isEmpty else { return true }
                var insert = PostgresStatement()
                insert.append("""
                    INSERT INTO batch_result (job_id, article_id, value)
                    SELECT \(insert.bind(range.jobID)), * FROM unnest(\(insert.bind(results.map(\.articleID)))::int8[],
                      \(insert.bind(results.map { ByteBuffer(bytes: $0.value) }))::bytea[])
                    """)
                try session.execute(insert)
                return true
            }
        }
    }

    public func releaseRange(_ range: BatchRange) throws(StoreError) {
        try run { session in
            var release = PostgresStatement()
            release.append("""
                UPDATE batch_range SET state = 'pending', worker = NULL, lease_until = NULL
                WHERE job_id = \(release.bind(range.jobID)) AND range_index = \(release.bind(Int64(range.index)))
                  AND attempt = \(release.bind(Int64(range.attempt))) AND state = 'running'
                """)
            try session.execute(release)
        }
    }

    public func failJob(_ job: BatchJob, message: String) throws(StoreError) {
        try run { session in
            var fail = PostgresStatement()
            fail.append("UPDATE batch_job SET failure = \(fail.bind(message)) WHERE id = \(fail.bind(job.id)) AND failure IS NULL")
            try session.execute(fail)
        }
    }

    public func progress(of job: BatchJob) throws(StoreError) -> BatchJobProgress {
        try run { session in
            var statement = PostgresStatement()
            let id = statement.bind(job.id)
            statement.append("""
                SELECT (SELECT count(*) FROM batch_range WHERE job_id = \(id)) AS ranges,
                  (SELECT count(*) FROM batch_range WHERE job_id = \(id) AND state = 'done') AS done,
                  (SELECT coalesce(sum(articles), 0)::int8 FROM batch_range WHERE job_id = \(id)) AS articles,
                  (SELECT count(*) FROM batch_result WHERE job_id = \(id)) AS results,
                  (SELECT failure FROM batch_job WHERE id = \(id)) AS failure
                """)
            guard let row = try session.rows(statement).first else {
                return BatchJobProgress(ranges: 0, rangesDone: 0, articlesMapped: 0, results: 0, failure: nil)
            }
            return BatchJobProgress(ranges: Int(try row.value("ranges", as: Int64.self)), rangesDone: Int(try row.value("done", as: Int64.self)),
                                    articlesMapped: Int(try row.value("articles", as: Int64.self)), results: Int(try row.value("results", as: Int64.self)),
                                    failure: try row.value("failure"))
        }
    }

    public func results(of job: BatchJob, after articleID: Int64, limit: Int) throws(StoreError) -> [BatchResult] {
        try run { session in
            var statement = PostgresStatement()
            statement.append("""
                SELECT article_id, value FROM batch_result WHERE job_id = \(statement.bind(job.id)) AND article_id > \(statement.bind(articleID))
                ORDER BY article_id LIMIT \(statement.bind(Int64(max(0, limit))))
                """)
            return try session.rows(statement).map { row in
                var buffer: ByteBuffer = try row.value("value")
                return BatchResult(articleID: try row.value("article_id"), value: buffer.readBytes(length: buffer.readableBytes) ?? [])
            }
        }
    }

    public func articles(in range: BatchRange, matching selection: BatchSelection?) throws(StoreError) -> [Article] {
        var statement = PostgresStatement()
        var conditions = ["article.id BETWEEN \(statement.bind(range.firstArticleID)) AND \(statement.bind(range.lastArticleID))"]
        if let selection {
            let text = selection.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty {
                let tsquery: String
                do { tsquery = try TextSearchQuery.translate(text) } catch { throw StoreError.badQuery(query: text, message: error.message) }
                conditions.append("article.search @@ to_tsquery('dossier', \(statement.bind(tsquery)))")
            }
            Self.appendFilters(selection.searchQuery, to: &conditions, statement: &statement)
        }
        statement.append("SELECT \(Self.articleColumns) FROM article WHERE \(conditions.joined(separator: " AND ")) ORDER BY article.id")
        return try run { session in try session.rows(statement).map(Self.article) }
    }

    static func batchJob(_ row: PostgresRandomAccessRow) throws -> BatchJob {
        let selection: String? = try row.value("selection")
        var definition = BatchJobDefinition(name: try row.value("name"), code: [], selection: try selection.map(BatchSelection.decode),
                                            rangeSize: Int(try row.value("range_size", as: Int64.self)))
        definition.codeDigest = try row.value("code_digest")
        return BatchJob(id: try row.value("id"), definition: definition, lastArticleID: try row.value("last_article_id"),
                        rangeCount: Int(try row.value("range_count", as: Int64.self)), failure: try row.value("failure"))
    }
}
