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

/// Reads articles from files and stores them in batches.
///
/// Each batch is one transaction: a crash leaves the store as it was before the
/// batch or after it. JSON Lines and JSON arrays are streamed (a chunk at a
/// time, any size, gzip-compressed or not) and cut into batches; with a store
/// that is an `IngestLedger`, each batch also records how far its files were
/// read, so a killed ingest loses at most the batch in flight and a re-run
/// resumes there. A file that cannot be read or parsed is reported with its
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
    /// A batch is committed once it holds at least this many articles.
    /// Large enough to amortise the commit (fsync), small enough that a crash
    /// loses little work. A streamed file (JSON Lines, a JSON array, an RSS or
    /// Atom feed) is cut into batches; a single document (a page, a capture, a
    /// JSON object) goes into one batch whole.
    public var batchSize = 500
    /// Single documents larger than this (uncompressed) are refused rather
    /// than read into memory; so is one record of a streamed file (a JSON
    /// Lines line, an array element, a feed item). Streamed files themselves
    /// have no limit: they are read a chunk at a time.
    public var maximumDocumentBytes = Ingestor.defaultMaximumDocumentBytes
    public static let defaultMaximumDocumentBytes = 64 << 20
    /// Skip files whose path, size and modification time the store recorded
    /// when it took them in whole (a store that is an `IngestLedger`), without
    /// reading them, and resume a streamed file after its last stored batch:
    /// a repeatedly killed ingest still progresses, and stores nothing twice.
    public var skipsUnchangedFiles = false
    /// How many outcomes of each kind the returned report lists (it counts
    /// them all); `events` sees every one.
    public var examplesKept = 10
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
        let run = IngestRun(ingestor: self, progress: progress)
        for error in sources.errors { run.fail(error) }
        for (index, file) in sources.files.enumerated() {
            run.take(file)
            run.reportProgress(filesDone: index + 1, filesTotal: sources.files.count)
        }
        run.flush()
        return run.report
    }

    /// The claims of each draft, found before the batch's transaction opens
    /// (on all cores) from its body and body mentions (a title or byline
    /// mention's offsets count within its own field), each by its deadline
    /// (`overran`: stopped there, its claims partial); nil without a claim
    /// finder or when the store keeps no claims.
    func claims(of drafts: [ArticleDraft], mentions: [[Mention]]?,
                by deadlines: [WorkDeadline?]) -> (lists: [[Claim]], version: String, overran: [Bool])? {
        guard let claimFinder, store is any ClaimStore, !drafts.isEmpty else { return nil }
        let found = Array(drafts.indices).concurrentMap { index in
            let deadline = deadlines[index]
            let claims = WorkDeadline.run(by: deadline) {
                claimFinder.claims(in: drafts[index].body, mentions: mentions?[index].filter { $0.field == .body } ?? [])
            }
            return (claims: claims, overran: deadline?.hasPassed ?? false)
        }
        return (found.map(\.claims), claimFinder.version, found.map(\.overran))
    }

    /// Parses one file into drafts, with the sidecar and defaults applied,
    /// whole (a streamed format too, up to `maximumDocumentBytes`).
    public func read(_ path: String) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        let result = readDocument(IngestPath(path))
        return (result.drafts, result.errors)
    }

    /// A single-document file, read whole (within `maximumDocumentBytes` and
    /// the file budget's memory): the drafts, the errors, and a note when the
    /// text was decoded lossily.
    func readDocument(_ file: IngestPath) -> (drafts: [ArticleDraft], errors: [IngestError], note: IngestError?) {
        let path = file.display
        let bytes: [UInt8]
        do {
            bytes = try InputBytes(file: file).readAll(limit: maximumDocumentBytes)
        } catch {
            return ([], [error], nil)
        }
        // Judged on the bytes read (a compressed file's size on disk says
        // little); reading is bounded by `maximumDocumentBytes`, which a plain
        // file's size is checked against before anything is read.
        if let problem = fileBudget?.memoryProblem(fileBytes: bytes.count) {
            return ([], [IngestError(path: path, reason: problem)], nil)
        }
        var parsed: (drafts: [ArticleDraft], errors: [IngestError])
        do {
            parsed = try ArticleFormat.detect(path: uncompressedName(path), bytes: bytes).parse(bytes, path: path)
        } catch {
            return ([], [error], nil)
        }
        let sidecar: ArticleMetadata?
        do {
            sidecar = try ArticleMetadata.sidecar(of: file)
        } catch {
            return ([], parsed.errors + [error], nil)
        }
        parsed.drafts = parsed.drafts.map { completed($0, sidecar: sidecar) }
        var note: IngestError?
        if !parsed.drafts.isEmpty, let text = encodingNote(for: bytes), text.hasPrefix("decoded lossily") {
            note = IngestError(path: path, reason: text)
        }
        return (parsed.drafts, parsed.errors, note)
    }

    /// The draft with the sidecar's metadata and the defaults filled in.
    func completed(_ draft: ArticleDraft, sidecar: ArticleMetadata?) -> ArticleDraft {
        var draft = draft
        sidecar?.apply(to: &draft)
        if draft.outlet == nil { draft.outlet = defaults.outlet }
        if draft.published == nil { draft.published = defaults.published }
        return draft
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

/// The name that says the format: without the `.gz` of a compressed file.
func uncompressedName(_ path: String) -> String {
    path.lowercased().hasSuffix(".gz") ? String(path.dropLast(3)) : path
}
