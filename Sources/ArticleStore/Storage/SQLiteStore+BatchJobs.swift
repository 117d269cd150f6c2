import DossierCore
import Foundation
import GRDB

/// Batch jobs in the SQLite file: the ranges are claimed in write
/// transactions, which SQLite runs one at a time across threads and processes,
/// and leases run on this machine's clock (a SQLite store has one machine).
extension SQLiteStore: BatchJobStore {
    public func openJob(_ definition: BatchJobDefinition, restart: Bool) throws(BatchJobError) -> BatchJobOpening {
        let outcome: Result<BatchJobOpening, BatchJobError>
        do {
            outcome = try perform { db in
                if restart {
                    try db.execute(sql: "DELETE FROM batch_job WHERE name = ?", arguments: [definition.name])
                }
                if let row = try Row.fetchOne(db, sql: "SELECT * FROM batch_job WHERE name = ?", arguments: [definition.name]) {
                    let job = try Self.batchJob(row)
                    let open = try Int.fetchOne(db, sql: "SELECT count(*) FROM batch_range WHERE job_id = ? AND state <> 'done'", arguments: [job.id]) ?? 0
                    if let mismatch = definition.difference(from: job.definition) {
                        guard open == 0 else { return .failure(.definitionMismatch(name: definition.name, what: mismatch)) }
                        try db.execute(sql: "DELETE FROM batch_job WHERE id = ?", arguments: [job.id])
                    } else {
                        // A failed job run again resumes: the ranges done are kept.
                        try db.execute(sql: "UPDATE batch_job SET failure = NULL WHERE id = ?", arguments: [job.id])
                        var joined = job
                        joined.failure = nil
                        return .success(.joined(joined, rangesDone: job.rangeCount - open))
                    }
                }
                let first = try Int64.fetchOne(db, sql: "SELECT min(id) FROM article") ?? 1
                let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM article") ?? 0
                let size = Int64(definition.rangeSize)
                let count = last < first ? 0 : Int((last - first) / size + 1)
                try db.execute(sql: """
                    INSERT INTO batch_job (name, code_digest, selection, range_size, last_article_id, range_count, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [definition.name, definition.codeDigest, definition.selection?.encoded,
                                     definition.rangeSize, last, count, Date().timeIntervalSince1970])
                let id = db.lastInsertedRowID
                let insert = try db.cachedStatement(sql: "INSERT INTO batch_range (job_id, range_index, first_article_id, last_article_id) VALUES (?, ?, ?, ?)")
                for index in 0..<count {
                    let start = first + Int64(index) * size
                    try insert.execute(arguments: [id, index, start, min(last, start + size - 1)])
                }
                return .success(.created(BatchJob(id: id, definition: definition, lastArticleID: last, rangeCount: count, failure: nil)))
            }
        } catch {
            throw .store(error)
        }
        return try outcome.get()
    }

    public func claimRange(of job: BatchJob, worker: String, lease: TimeInterval) throws(StoreError) -> BatchClaim {
        try perform { db in
            if let failure = try String.fetchOne(db, sql: "SELECT failure FROM batch_job WHERE id = ?", arguments: [job.id]) {
                return .failed(failure)
            }
            let now = Date().timeIntervalSince1970
            guard let row = try Row.fetchOne(db, sql: """
                SELECT job_id, range_index, first_article_id, last_article_id, state, worker, attempt FROM batch_range
                WHERE job_id = ? AND state <> 'done' AND (state = 'pending' OR lease_until < ?)
                ORDER BY range_index LIMIT 1
                """, arguments: [job.id, now]) else {
                let open = try Int.fetchOne(db, sql: "SELECT count(*) FROM batch_range WHERE job_id = ? AND state <> 'done'", arguments: [job.id]) ?? 0
                return open == 0 ? .finished : .wait
            }
            var fields = StoredRow(row, table: "batch_range", keyColumns: ["job_id", "range_index"])
            let index = try fields.integer("range_index", in: 0...Int.max)
            let attempt = try fields.integer("attempt", in: 0...(Int.max - 1))
            let first = try fields.integer("first_article_id"), last = try fields.integer("last_article_id")
            let state = try fields.text("state")
            let formerWorker = try fields.optionalText("worker")
            try db.execute(sql: """
                UPDATE batch_range SET state = 'running', worker = ?, attempt = attempt + 1, lease_until = ?
                WHERE job_id = ? AND range_index = ?
                """, arguments: [worker, now + lease, job.id, index])
            return .range(BatchRange(jobID: job.id, index: index, firstArticleID: first, lastArticleID: last,
                                     attempt: attempt + 1, reclaimedFrom: state == "running" ? formerWorker : nil))
        }
    }

    public func renewLease(_ range: BatchRange, lease: TimeInterval) throws(StoreError) -> Bool {
        try perform { db in
            try db.execute(sql: """
                UPDATE batch_range SET lease_until = ?
                WHERE job_id = ? AND range_index = ? AND attempt = ? AND state = 'running'
                """, arguments: [Date().timeIntervalSince1970 + lease, range.jobID, range.index, range.attempt])
            return db.changesCount == 1
        }
    }

    public func completeRange(_ range: BatchRange, articlesMapped: Int, results: [BatchResult]) throws(StoreError) -> Bool {
        try perform { db in
            try db.execute(sql: """
                UPDATE batch_range SET state = 'done', articles = ?, lease_until = NULL
                WHERE job_id = ? AND range_index = ? AND attempt = ? AND state = 'running'
                """, arguments: [articlesMapped, range.jobID, range.index, range.attempt])
            guard db.changesCount == 1 else { return false }
            let insert = try db.cachedStatement(sql: "INSERT INTO batch_result (job_id, article_id, value) VALUES (?, ?, ?)")
            for result in results {
                try insert.execute(arguments: [range.jobID, result.articleID, Data(result.value)])
            }
            return true
        }
    }

    public func releaseRange(_ range: BatchRange) throws(StoreError) {
        try perform { db in
            try db.execute(sql: """
                UPDATE batch_range SET state = 'pending', worker = NULL, lease_until = NULL
                WHERE job_id = ? AND range_index = ? AND attempt = ? AND state = 'running'
                """, arguments: [range.jobID, range.index, range.attempt])
        }
    }

    public func failJob(_ job: BatchJob, message: String) throws(StoreError) {
        try perform { db in
            try db.execute(sql: "UPDATE batch_job SET failure = ? WHERE id = ? AND failure IS NULL", arguments: [message, job.id])
        }
    }

    public func progress(of job: BatchJob) throws(StoreError) -> BatchJobProgress {
        try read { db in
            let results = try Int.fetchOne(db, sql: "SELECT count(*) FROM batch_result WHERE job_id = ?", arguments: [job.id]) ?? 0
            let failure = try String.fetchOne(db, sql: "SELECT failure FROM batch_job WHERE id = ?", arguments: [job.id])
            guard let row = try Row.fetchOne(db, sql: """
                SELECT ? AS job_id, count(*) AS ranges, coalesce(sum(state = 'done'), 0) AS done, coalesce(sum(articles), 0) AS articles
                FROM batch_range WHERE job_id = ?
                """, arguments: [job.id, job.id]) else {
                return BatchJobProgress(ranges: 0, rangesDone: 0, articlesMapped: 0, results: results, failure: failure)
            }
            // A sum over a column edited to hold text is a real, not a count.
            var ranges = StoredRow(row, table: "batch_range", keyColumns: ["job_id"])
            return BatchJobProgress(ranges: try ranges.integer("ranges", in: 0...Int.max), rangesDone: try ranges.integer("done", in: 0...Int.max),
                                    articlesMapped: try ranges.integer("articles", in: 0...Int.max), results: results, failure: failure)
        }
    }

    public func results(of job: BatchJob, after articleID: Int64, limit: Int) throws(StoreError) -> [BatchResult] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT job_id, article_id, value FROM batch_result WHERE job_id = ? AND article_id > ? ORDER BY article_id LIMIT ?
                """), arguments: [job.id, articleID, limit]).map { row throws(StoredRowError) in try Self.batchResult(row) }
        }
    }

    public func articles(in range: BatchRange, matching selection: BatchSelection?) throws(StoreError) -> [Article] {
        var conditions = ["article.id BETWEEN ? AND ?"]
        var arguments: StatementArguments = [range.firstArticleID, range.lastArticleID]
        var from = "article"
        let text = selection?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if let selection {
            if !text.isEmpty {
                if let problem = FullTextQuery.sizeProblem(text) { throw StoreError.badQuery(query: String(text.prefix(60)) + "…", message: problem) }
                let match = FullTextQuery.translate(text)
                if match.isEmpty { return [] }
                from = "article_fts JOIN article ON article.id = article_fts.rowid"
                conditions.append("article_fts MATCH ?")
                arguments += [match]
            }
            let filters = Self.filterConditions(selection.searchQuery)
            conditions += filters.conditions
            arguments += filters.arguments
        }
        let sql = "SELECT article.* FROM \(from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY article.id"
        do {
            return try writer.read { db in
                try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { try StoreSchema.article($0) }
            }
        } catch {
            throw failure(error, query: text)
        }
    }

    static func batchJob(_ row: Row) throws -> BatchJob {
        var fields = StoredRow(row, table: "batch_job", keyColumns: ["id", "name"])
        let name = try fields.text("name")
        let selection: BatchSelection?
        do {
            selection = try fields.optionalText("selection").map(BatchSelection.decode)
        } catch {
            throw fields.error("column 'selection' is not a search: \(error)")
        }
        var definition = BatchJobDefinition(name: name, code: [], selection: selection, rangeSize: try fields.integer("range_size", in: 1...Int.max))
        definition.codeDigest = try fields.text("code_digest")
        return BatchJob(id: try fields.integer("id"), definition: definition, lastArticleID: try fields.integer("last_article_id"),
                        rangeCount: try fields.integer("range_count", in: 0...Int.max), failure: try fields.optionalText("failure"))
    }

    static func batchRange(_ row: Row) throws(StoredRowError) {
        var fields = StoredRow(row, table: "batch_range", keyColumns: ["job_id", "range_index"])
        _ = try fields.integer("job_id")
        _ = try fields.integer("range_index", in: 0...Int.max)
        _ = try fields.integer("first_article_id")
        _ = try fields.integer("last_article_id")
        _ = try fields.integer("attempt", in: 0...(Int.max - 1))
        let state = try fields.text("state")
        guard ["pending", "running", "done"].contains(state) else { throw fields.error("column 'state' holds '\(state)', not pending, running or done") }
        _ = try fields.optionalText("worker")
        _ = try fields.optionalReal("lease_until")
        if let articles = try fields.optionalInteger("articles"), articles < 0 { throw fields.error("column 'articles' holds \(articles), not a count") }
    }

    static func batchResult(_ row: Row) throws(StoredRowError) -> BatchResult {
        var fields = StoredRow(row, table: "batch_result", keyColumns: ["job_id", "article_id"])
        return BatchResult(articleID: try fields.integer("article_id"), value: try fields.blob("value"))
    }

    /// Every batch job, range and result row read as the job runner reads
    /// them (for `integrityCheck`).
    static func unreadableBatchJobRows(_ db: Database, limit: Int) throws -> UnreadableRows {
        var rows = UnreadableRows("batch job rows", limit: limit)
        try rows.check(db, "SELECT * FROM batch_job ORDER BY id") { row in _ = try batchJob(row) }
        try rows.check(db, "SELECT * FROM batch_range ORDER BY job_id, range_index") { row in try batchRange(row) }
        try rows.check(db, "SELECT job_id, article_id, value FROM batch_result ORDER BY job_id, article_id") { row in
            _ = try batchResult(row)
        }
        return rows
    }
}
