import DossierCore
import Foundation

/// Metadata given on the command line or from Lua for captures that lack it.
public struct IngestDefaults: Sendable {
    public var outlet: String?
    public var published: PublicationDate?
    public init(outlet: String? = nil, published: PublicationDate? = nil) {
        self.outlet = outlet
        self.published = published
    }
}

public struct IngestReport: Sendable {
    public struct Duplicate: Hashable, Sendable {
        public var path: String
        public var existingID: Int64
    }
    public struct NearDuplicate: Hashable, Sendable {
        public var path: String
        public var id: Int64
        public var similarTo: [Int64]
    }
    public var added: [Int64] = []
    /// Added articles linked to stored near-duplicates (they are stored too).
    public var nearDuplicates: [NearDuplicate] = []
    public var duplicates: [Duplicate] = []
    public var failed: [IngestError] = []
    /// Added articles whose extracted text may not be the whole article.
    public var warnings: [Warning] = []
    public var filesRead = 0
    public struct Warning: Hashable, Sendable {
        public var path: String
        public var id: Int64
        public var notes: [String]
    }
    /// Files skipped because the store already took them in, unchanged
    /// (`Ingestor.skipsUnchangedFiles`).
    public var unchanged: [String] = []
    /// Files stored with a caveat: decoded lossily (bad bytes replaced).
    public var notes: [IngestError] = []
}

/// What happened to one input, reported as it happens (`Ingestor.events`):
/// a killed run has already said which files failed, and `--report` keeps it.
public enum IngestEvent: Sendable {
    case added(path: String, id: Int64, nearDuplicates: [Int64])
    case duplicate(path: String, existingID: Int64)
    case failed(IngestError)
    case unchanged(path: String)
    /// The file went in with a caveat (a lossy decode).
    case note(IngestError)
}

public struct IngestProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var added: Int
}

/// Reads articles from files and stores them in batches.
///
/// Each batch is one transaction: a crash leaves the store as it was before the
/// batch or after it. A file that cannot be read or parsed is reported with its
/// reason and the other files still go in. Running the same ingest again adds
/// nothing (the duplicates are recognised by content hash).
public struct Ingestor: Sendable {
    public let store: any Store
    public var defaults: IngestDefaults
    /// Finds the entity mentions stored with each article (none when nil).
    /// Extraction runs before the batch's transaction opens, so the write lock
    /// is held only for writing, and on all cores (`mentions(inEach:)`).
    public var extractor: (any MentionExtractor)?
    /// Finds the claims stored with each article (none when nil), from its
    /// body and mentions, written in the batch's own transaction.
    public var claimFinder: (any ClaimFinder)?
    /// A batch is committed once it holds at least this many articles; it
    /// always holds whole files, so a file is stored entirely or not at all.
    /// Large enough to amortise the commit (fsync), small enough that a crash
    /// loses little work.
    public var batchSize = 500
    /// Larger files are refused rather than read into memory.
    public var maximumFileBytes = 64 << 20
    /// Skip files whose path, size and modification time the store recorded
    /// when it took them in whole (a store that is an `IngestLedger`), without
    /// reading them: a repeatedly killed ingest still progresses.
    public var skipsUnchangedFiles = false
    /// Called for each outcome as it happens (failures when a file is read,
    /// stored articles when their batch commits).
    public var events: (@Sendable (IngestEvent) -> Void)?
    /// When set, only files under these directories are read (the sandbox's
    /// `--allow-read`); nil reads whatever the paths name.
    public var allowedRoots: [String]?
    /// What one file may cost (time, memory); a file over it is reported and
    /// skipped. Nil (the library's default) sets no limit; `dossier ingest`
    /// uses `FileBudget.standard` unless told otherwise.
    public var fileBudget: FileBudget?

    public init(store: any Store, defaults: IngestDefaults = IngestDefaults(), extractor: (any MentionExtractor)? = nil) {
        self.store = store
        self.defaults = defaults
        self.extractor = extractor
    }

    public func ingest(paths: [String], progress: ((IngestProgress) -> Void)? = nil) -> IngestReport {
        ingest(inputs: paths.map(IngestPath.init), progress: progress)
    }

    /// `ingest(paths:)` for paths given as bytes: names that are not UTF-8
    /// (from the command line or a Lua string) are read too.
    public func ingest(inputs: [IngestPath], progress: ((IngestProgress) -> Void)? = nil) -> IngestReport {
        let sources = IngestSources(paths: inputs, allowedRoots: allowedRoots)
        var report = IngestReport()
        report.failed = sources.errors
        for error in sources.errors { events?(.failed(error)) }
        // `file`: the file the article came from; `readSeconds`: the time
        // reading and parsing that file took (for the time budget).
        var pending: [(path: String, draft: ArticleDraft, file: String, readSeconds: Double)] = []
        let ledger = skipsUnchangedFiles ? store as? IngestLedger : nil
        // Files read in full whose articles are in `pending`: recorded once
        // their batch has committed.
        var pendingStamps: [(file: String, stamp: FileStamp)] = []

        func flush() {
            defer { pendingStamps.removeAll(keepingCapacity: true) }
            guard !pending.isEmpty else {
                try? ledger?.recordIngested(pendingStamps.map(\.stamp))
                return
            }
            do {
                var mentions: [[Mention]]?
                if let extractor {
                    let timed = pending.map(\.draft).concurrentMap { draft in
                        let started = DispatchTime.now().uptimeNanoseconds
                        let found = extractor.mentions(in: draft)
                        return (mentions: found, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
                    }
                    var kept = Array(pending.indices)
                    if let fileBudget {
                        let overBudget = filesOverTimeBudget(pending.map { ($0.file, $0.readSeconds) }, extractionSeconds: timed.map(\.seconds),
                                                             budget: fileBudget)
                        for (file, problem) in overBudget.sorted(by: { $0.key < $1.key }) {
                            let failure = IngestError(path: file, reason: problem)
                            report.failed.append(failure)
                            events?(.failed(failure))
                        }
                        kept = kept.filter { overBudget[pending[$0].file] == nil }
                        pendingStamps.removeAll { overBudget[$0.file] != nil }
                    }
                    mentions = kept.map { timed[$0].mentions }
                    pending = kept.map { pending[$0] }
                    guard !pending.isEmpty else {
                        try? ledger?.recordIngested(pendingStamps.map(\.stamp))
                        return
                    }
                }
                let drafts = pending.map(\.draft)
                let outcomes = try add(drafts, mentions: mentions)
                for (item, outcome) in zip(pending, outcomes) {
                    switch outcome {
                    case .added(let id, let similar):
                        report.added.append(id)
                        if !similar.isEmpty { report.nearDuplicates.append(.init(path: item.path, id: id, similarTo: similar)) }
                        if !item.draft.warnings.isEmpty { report.warnings.append(.init(path: item.path, id: id, notes: item.draft.warnings)) }
                        events?(.added(path: item.path, id: id, nearDuplicates: similar))
                    case .duplicate(let existing):
                        report.duplicates.append(.init(path: item.path, existingID: existing))
                        events?(.duplicate(path: item.path, existingID: existing))
                    }
                }
                // Recorded after the batch: a crash in between only means the
                // files are read again and found to be duplicates.
                try? ledger?.recordIngested(pendingStamps.map(\.stamp))
            } catch {
                let failures = pending.map { IngestError(path: $0.path, reason: "not stored: \(error)") }
                report.failed += failures
                for failure in failures { events?(.failed(failure)) }
            }
            pending.removeAll(keepingCapacity: true)
        }

        for (index, file) in sources.files.enumerated() {
            let stamp = ledger == nil ? nil : FileStamp(file: file)
            if let ledger, let stamp, (try? ledger.hasIngested(stamp)) == true {
                report.unchanged.append(file.display)
                events?(.unchanged(path: file.display))
                progress?(IngestProgress(filesDone: index + 1, filesTotal: sources.files.count, added: report.added.count))
                continue
            }
            let started = DispatchTime.now().uptimeNanoseconds
            var result = readNoting(file)
            let readSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            if let problem = fileBudget?.timeProblem(elapsed: readSeconds, stage: "reading and parsing") {
                result = ([], [IngestError(path: file.display, reason: problem)], nil)
            }
            if let note = result.note {
                report.notes.append(note)
                events?(.note(note))
            }
            report.failed += result.errors
            for error in result.errors { events?(.failed(error)) }
            if result.errors.isEmpty, let stamp { pendingStamps.append((file.display, stamp)) }
            if !result.drafts.isEmpty || result.errors.isEmpty { report.filesRead += 1 }
            for draft in result.drafts { pending.append((draft.sourcePath ?? file.display, draft, file.display, readSeconds)) }
            if pending.count >= batchSize { flush() }
            progress?(IngestProgress(filesDone: index + 1, filesTotal: sources.files.count, added: report.added.count))
        }
        flush()
        return report
    }

    /// Stores the batch in one transaction, with the claims of each draft when
    /// there is a claim finder and the store keeps claims. The claims are found
    /// before the transaction opens (on all cores), from each body and its body
    /// mentions (a title or byline mention's offsets count within its own field).
    private func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?) throws(StoreError) -> [AddOutcome] {
        guard let claimFinder, let claimStore = store as? any ClaimStore else {
            return try store.add(drafts, mentions: mentions, extractorVersion: extractor?.version)
        }
        let claims = claimFinder.claims(inEach: drafts.map(\.body),
                                        mentions: mentions.map { all in all.map { $0.filter { $0.field == .body } } })
        return try claimStore.add(drafts, mentions: mentions, extractorVersion: extractor?.version, claims: claims,
                                  claimVersion: claimFinder.version)
    }

    /// Parses one file into drafts, with the sidecar and defaults applied.
    public func read(_ path: String) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        let result = readNoting(IngestPath(path))
        return (result.drafts, result.errors)
    }

    /// `read`, and a note when the text was decoded lossily.
    func readNoting(_ file: IngestPath) -> (drafts: [ArticleDraft], errors: [IngestError], note: IngestError?) {
        let (drafts, errors, bytes) = readFile(file)
        guard !drafts.isEmpty, let bytes, let text = encodingNote(for: bytes), text.hasPrefix("decoded lossily") else {
            return (drafts, errors, nil)
        }
        return (drafts, errors, IngestError(path: file.display, reason: text))
    }

    private func readFile(_ file: IngestPath) -> (drafts: [ArticleDraft], errors: [IngestError], bytes: [UInt8]?) {
        let path = file.display
        guard let status = file.status() else { return ([], [IngestError(path: path, reason: "no such file or directory")], nil) }
        let size = Int(status.st_size)
        guard size <= maximumFileBytes else {
            return ([], [IngestError(path: path, reason: "file too large (\(size >> 20) MiB; the limit is \(maximumFileBytes >> 20) MiB)")], nil)
        }
        if let problem = fileBudget?.memoryProblem(fileBytes: size) {
            return ([], [IngestError(path: path, reason: problem)], nil)
        }
        let bytes: [UInt8]
        switch Result(catching: { () throws(IngestError) in try file.readContents() }) {
        case .success(let read): bytes = read
        case .failure(let error): return ([], [error], nil)
        }
        var parsed: (drafts: [ArticleDraft], errors: [IngestError])
        do {
            parsed = try ArticleFormat.detect(path: path, bytes: bytes).parse(bytes, path: path)
        } catch {
            return ([], [error], bytes)
        }
        let sidecar: ArticleMetadata?
        do {
            sidecar = try ArticleMetadata.sidecar(of: file)
        } catch {
            return ([], parsed.errors + [error], bytes)
        }
        parsed.drafts = parsed.drafts.map { draft in
            var draft = draft
            sidecar?.apply(to: &draft)
            if draft.outlet == nil { draft.outlet = defaults.outlet }
            if draft.published == nil { draft.published = defaults.published }
            return draft
        }
        return (parsed.drafts, parsed.errors, bytes)
    }
}

/// The files whose reading plus extraction took longer than the budget, with
/// the reason: `items` are a batch's articles (their file and the seconds
/// reading it took), `extractionSeconds` each article's extraction time.
func filesOverTimeBudget(_ items: [(file: String, readSeconds: Double)], extractionSeconds: [Double],
                         budget: FileBudget) -> [String: String] {
    var spent: [String: Double] = [:]
    for (item, seconds) in zip(items, extractionSeconds) { spent[item.file, default: item.readSeconds] += seconds }
    var problems: [String: String] = [:]
    for (file, seconds) in spent {
        if let problem = budget.timeProblem(elapsed: seconds, stage: "reading and entity extraction") { problems[file] = problem }
    }
    return problems
}
