import DossierCore
import Foundation

/// One call of `Ingestor.ingest`: the batch being filled, the marks it will
/// record, and the report.
final class IngestRun {
    private let ingestor: Ingestor
    private let ledger: (any IngestLedger)?
    private let progress: ((IngestProgress) -> Void)?
    private(set) var report: IngestReport
    /// The batch: each article with the name its outcome is reported under,
    /// what the time budget counts it to (`file`: the file, or a streamed
    /// record), the seconds reading that took, and its file's stamp.
    private var pending: [(path: String, draft: ArticleDraft, file: String, readSeconds: Double, stamp: FileStamp?)] = []
    /// The latest mark of each file with records in the batch, in order.
    private var marks: [IngestMark] = []
    /// Files with a batch that failed to commit: they are not marked as read
    /// past it, so a re-run reads them again from where the store has them.
    private var filesInFailedBatches: Set<FileStamp> = []
    /// Files with an article or record over the time budget: read again in
    /// full by a re-run, so that it is reported again.
    private var filesWithDroppedRecords: Set<FileStamp> = []
    private var filesDone = 0
    private var filesTotal = 0

    init(ingestor: Ingestor, progress: ((IngestProgress) -> Void)?) {
        self.ingestor = ingestor
        ledger = ingestor.store as? any IngestLedger
        self.progress = progress
        report = IngestReport(examplesKept: ingestor.examplesKept)
    }

    func fail(_ error: IngestError) {
        report.failed.append(error)
        ingestor.events?(.failed(error))
    }

    private func note(_ note: IngestError) {
        report.notes.append(note)
        ingestor.events?(.note(note))
    }

    func reportProgress(filesDone: Int, filesTotal: Int) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        progress?(IngestProgress(filesDone: filesDone, filesTotal: filesTotal, added: report.added.count))
    }

    // MARK: Files

    /// Reads one file into the batch, committing batches as they fill.
    func take(_ file: IngestPath) {
        let stamp = ledger == nil ? nil : FileStamp(file: file)
        var resume = ReadPosition.start
        if ingestor.skipsUnchangedFiles, let ledger, let stamp {
            if (try? ledger.hasIngested(stamp)) == true {
                report.unchanged.append(file.display)
                ingestor.events?(.unchanged(path: file.display))
                return
            }
            resume = (try? ledger.resumePosition(of: stamp)) ?? .start
        }
        let format: StreamedFormat?
        do {
            format = try StreamedFormat.detect(file: file, resumingAt: resume, limit: ingestor.maximumDocumentBytes)
        } catch {
            fail(error)
            return
        }
        guard let format else {
            takeDocument(file, stamp: stamp)
            return
        }
        takeStream(file, format: format, stamp: stamp, resume: resume)
    }

    /// A single document: its drafts go into one batch together.
    private func takeDocument(_ file: IngestPath, stamp: FileStamp?) {
        let started = DispatchTime.now().uptimeNanoseconds
        var result = ingestor.readDocument(file)
        let readSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if let problem = ingestor.fileBudget?.timeProblem(elapsed: readSeconds, stage: "reading and parsing") {
            result = ([], [IngestError(path: file.display, reason: problem)], nil)
        }
        if let lossy = result.note { note(lossy) }
        for error in result.errors { fail(error) }
        if !result.drafts.isEmpty || result.errors.isEmpty { report.filesRead += 1 }
        for draft in result.drafts { pending.append((draft.sourcePath ?? file.display, draft, file.display, readSeconds, stamp)) }
        if let stamp { mark(result.errors.isEmpty ? .finished(stamp) : .forgotten(stamp)) }
        if pending.count >= ingestor.batchSize { flush() }
    }

    /// A streamed file: records are read, parsed and batched one at a time;
    /// each batch records the position after its last record.
    /// The time budget applies to each record (its extraction), not to the
    /// whole file, which may take hours.
    private func takeStream(_ file: IngestPath, format: StreamedFormat, stamp: FileStamp?, resume: ReadPosition) {
        var failures = false
        var drafts = 0
        var noted = false
        defer {
            if drafts > 0 || !failures { report.filesRead += 1 }
            if let stamp {
                let readAgain = failures || filesInFailedBatches.contains(stamp) || filesWithDroppedRecords.contains(stamp)
                mark(readAgain ? .forgotten(stamp) : .finished(stamp))
            }
        }
        let sidecar: ArticleMetadata?
        var reader: any RecordReader
        do {
            sidecar = try ArticleMetadata.sidecar(of: file)
            reader = try format.reader(file: file, resumingAt: resume, limit: ingestor.maximumDocumentBytes)
        } catch {
            fail(error)
            failures = true
            return
        }
        do {
            while let record = try reader.next() {
                let itemPath = "\(file.display)#\(record.item)"
                if let size = record.droppedSize {
                    fail(IngestError(path: itemPath, line: record.line,
                                     reason: "item too large (\(size >> 20) MiB; the limit is \(ingestor.maximumDocumentBytes >> 20) MiB)"))
                    failures = true
                } else {
                    let parsed: (draft: Result<ArticleDraft, IngestError>, note: String?)
                    if let ready = record.parsed {
                        parsed = (ready, nil)
                    } else {
                        parsed = JSONArticleParser.item(record.bytes, itemPath: itemPath, line: record.line)
                    }
                    if let text = parsed.note, !noted, text.hasPrefix("decoded lossily") {
                        noted = true
                        note(IngestError(path: itemPath, line: record.line, reason: text))
                    }
                    switch parsed.draft {
                    case .success(let draft):
                        pending.append((itemPath, ingestor.completed(draft, sidecar: sidecar), itemPath, 0, stamp))
                        drafts += 1
                    case .failure(let error):
                        fail(error)
                        failures = true
                    }
                }
                if pending.count >= ingestor.batchSize {
                    if let stamp, !filesInFailedBatches.contains(stamp) { mark(.reached(stamp, reader.position)) }
                    flush()
                    progress?(IngestProgress(filesDone: filesDone, filesTotal: filesTotal, added: report.added.count))
                }
            }
            // Blank lines only: nothing was there to store (as a capture with no text).
            if reader.position.items == 0 {
                fail(IngestError(path: file.display, reason: "empty file"))
                failures = true
            }
        } catch {
            fail(error)
            failures = true
        }
    }

    /// Sets the file's mark for the batch being filled.
    private func mark(_ mark: IngestMark) {
        marks.removeAll { $0.file == mark.file }
        marks.append(mark)
    }

    // MARK: Batches

    /// Reports the files over their time budget (`problems`, by file) and
    /// returns the indices of `pending` to keep: the others' articles. Like
    /// a record that fails to parse: a stream keeps its progress marks and is
    /// forgotten once read to its end; a document (marked finished already)
    /// is forgotten now.
    private func dropFiles(_ problems: [String: String], from kept: [Int]) -> [Int] {
        guard !problems.isEmpty else { return kept }
        for (file, problem) in problems.sorted(by: { $0.key < $1.key }) { fail(IngestError(path: file, reason: problem)) }
        for item in pending where problems[item.file] != nil {
            guard let stamp = item.stamp else { continue }
            filesWithDroppedRecords.insert(stamp)
            if marks.contains(.finished(stamp)) { mark(.forgotten(stamp)) }
        }
        return kept.filter { problems[pending[$0].file] == nil }
    }

    /// Stores the batch with its marks, in one transaction.
    func flush() {
        defer {
            pending.removeAll(keepingCapacity: true)
            marks.removeAll(keepingCapacity: true)
        }
        guard !pending.isEmpty || (!marks.isEmpty && ledger != nil) else { return }
        let extractor = ingestor.extractor
        let budget = ingestor.fileBudget
        var mentions: [[Mention]]?
        // Each article's deadline: what its file's time budget has left when
        // its work starts. Extraction and claim finding stop there
        // (`WorkDeadline`), and an article stopped is not stored.
        var deadlines: [WorkDeadline?] = pending.map { _ in nil }
        if let extractor, !pending.isEmpty {
            let timed = pending.map { ($0.draft, $0.readSeconds) }.concurrentMap { draft, readSeconds in
                let started = DispatchTime.now().uptimeNanoseconds
                let deadline = budget.map { WorkDeadline(secondsFromNow: $0.seconds - readSeconds) }
                // The byline's authors are typed, and a foreign language flagged, by the same extractor.
                let (found, authored) = WorkDeadline.run(by: deadline) {
                    (extractor.mentions(in: draft), extractor.completed(draft))
                }
                return (mentions: found, draft: authored, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
                        deadline: deadline, stopped: deadline?.hasPassed ?? false)
            }
            for index in pending.indices { pending[index].draft = timed[index].draft }
            var kept = Array(pending.indices)
            if let budget {
                var overBudget = filesOverTimeBudget(pending.map { ($0.file, $0.readSeconds) }, extractionSeconds: timed.map(\.seconds),
                                                     budget: budget)
                for (item, result) in zip(pending, timed) where result.stopped && overBudget[item.file] == nil {
                    overBudget[item.file] = budget.stoppedProblem(stage: "entity extraction")
                }
                kept = dropFiles(overBudget, from: kept)
            }
            mentions = kept.map { timed[$0].mentions }
            deadlines = kept.map { timed[$0].deadline }
            pending = kept.map { pending[$0] }
        } else if let budget {
            deadlines = pending.map { WorkDeadline(secondsFromNow: budget.seconds - $0.readSeconds) }
        }
        var claims = ingestor.claims(of: pending.map(\.draft), mentions: mentions, by: deadlines)
        if let found = claims, let budget, found.overran.contains(true) {
            var overBudget: [String: String] = [:]
            for (item, overran) in zip(pending, found.overran) where overran {
                overBudget[item.file] = budget.stoppedProblem(stage: "claim finding")
            }
            let kept = dropFiles(overBudget, from: Array(pending.indices))
            mentions = mentions.map { all in kept.map { all[$0] } }
            claims = (kept.map { found.lists[$0] }, found.version, kept.map { found.overran[$0] })
            pending = kept.map { pending[$0] }
        }
        let drafts = pending.map(\.draft)
        do {
            let version = mentions == nil ? nil : extractor?.version
            let outcomes: [AddOutcome]
            if let ledger {
                outcomes = try ledger.add(drafts, mentions: mentions, extractorVersion: version,
                                          claims: claims.map { (lists: $0.lists, version: $0.version) }, marking: marks)
            } else if let claims, let claimStore = ingestor.store as? any ClaimStore {
                outcomes = try claimStore.add(drafts, mentions: mentions, extractorVersion: version, claims: claims.lists,
                                              claimVersion: claims.version)
            } else {
                outcomes = try ingestor.store.add(drafts, mentions: mentions, extractorVersion: version)
            }
            for (item, outcome) in zip(pending, outcomes) {
                switch outcome {
                case .added(let id, let similar):
                    report.added.append(id)
                    if !similar.isEmpty { report.nearDuplicates.append(.init(path: item.path, id: id, similarTo: similar)) }
                    if !item.draft.warnings.isEmpty { report.warnings.append(.init(path: item.path, id: id, notes: item.draft.warnings)) }
                    ingestor.events?(.added(path: item.path, id: id, nearDuplicates: similar, warnings: item.draft.warnings))
                case .duplicate(let existing):
                    report.duplicates.append(.init(path: item.path, existingID: existing))
                    ingestor.events?(.duplicate(path: item.path, existingID: existing))
                }
            }
        } catch {
            for item in pending { fail(IngestError(path: item.path, reason: "not stored: \(error)")) }
            for mark in marks { filesInFailedBatches.insert(mark.file) }
        }
    }
}

/// The formats read a record at a time, whatever the file's size.
enum StreamedFormat {
    case jsonLines
    case jsonArray
    case feed

    /// How `path` is streamed, or nil when it is a single document, read whole.
    /// RSS and Atom feeds (by name or content) are streamed item by item.
    /// JSON Lines by name (`.jsonl`, `.ndjson`, compressed or not); a JSON
    /// file (by name, or unnamed content starting with `[` or `{`) is an
    /// array when it starts with `[`. One that starts with `{` is a single
    /// document when it fits the limit (an article, a wrapper object, or
    /// short JSON Lines, as `JSONArticleParser` reads them), else JSON Lines;
    /// one with a stored position is JSON Lines (only streams have one).
    static func detect(file: IngestPath, resumingAt resume: ReadPosition, limit: Int) throws(IngestError) -> StreamedFormat? {
        let name = uncompressedName(file.display).lowercased()
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return .jsonLines }
        let head = try InputBytes(file: file, chunkSize: 4096).next()
        let isJSONByName = name.hasSuffix(".json")
        let format = ArticleFormat.detect(path: name, bytes: head)
        guard isJSONByName || format == .json || format == .feed else { return nil }
        if format == .feed { return .feed }
        let first = head.drop { isJSONWhitespace($0) || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }.first
        switch first {
        case UInt8(ascii: "["):
            return .jsonArray
        case UInt8(ascii: "{"):
            if resume.items > 0 { return .jsonLines }
            let source = try InputBytes(file: file)
            if !source.isCompressed, let info = file.status() { return info.st_size > limit ? .jsonLines : nil }
            // Compressed: only inflating tells the size.
            var size = 0
            while true {
                let chunk = try source.next()
                if chunk.isEmpty { return nil }
                size += chunk.count
                if size > limit { return .jsonLines }
            }
        default:
            return nil
        }
    }

    func reader(file: IngestPath, resumingAt resume: ReadPosition, limit: Int) throws(IngestError) -> any RecordReader {
        let source = try InputBytes(file: file)
        switch self {
        case .jsonLines: return try JSONLinesReader(source: source, resumingAt: resume, limit: limit)
        case .jsonArray: return try JSONArrayReader(source: source, resumingAt: resume, limit: limit)
        case .feed: return try FeedItemReader(source: source, resumingAt: resume, limit: limit)
        }
    }
}
