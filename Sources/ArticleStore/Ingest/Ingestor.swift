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
    /// body and mentions. Written in a second transaction just after the
    /// batch's: an article whose claims were lost to a crash has no
    /// `claims(inArticle:)` (nil), and readers then find them afresh.
    public var claimFinder: (any ClaimFinder)?
    /// A batch is committed once it holds at least this many articles.
    /// Large enough to amortise the commit (fsync), small enough that a crash
    /// loses little work. A streamed file (JSON Lines, a JSON array) is cut
    /// into batches; a single document (a page, a capture, a feed, a JSON
    /// object) goes into one batch whole.
    public var batchSize = 500
    /// Single documents larger than this (uncompressed) are refused rather
    /// than read into memory; so is one record of a streamed file. Streamed
    /// files themselves have no limit: they are read a chunk at a time.
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

    public init(store: any Store, defaults: IngestDefaults = IngestDefaults(), extractor: (any MentionExtractor)? = nil) {
        self.store = store
        self.defaults = defaults
        self.extractor = extractor
    }

    public func ingest(paths: [String], progress: ((IngestProgress) -> Void)? = nil) -> IngestReport {
        let sources = IngestSources(paths: paths, allowedRoots: allowedRoots)
        let run = IngestRun(ingestor: self, progress: progress)
        for error in sources.errors { run.fail(error) }
        for (index, file) in sources.files.enumerated() {
            run.take(file)
            run.reportProgress(filesDone: index + 1, filesTotal: sources.files.count)
        }
        run.flush()
        return run.report
    }

    /// The claims of the batch's added articles; a failure here leaves the
    /// articles stored and is reported for each of them.
    func storeClaims(drafts: [ArticleDraft], mentions: [[Mention]]?, outcomes: [AddOutcome], paths: [String],
                     failed: (IngestError) -> Void) {
        guard let claimFinder, let claimStore = store as? any ClaimStore else { return }
        var added: [(index: Int, id: Int64)] = []
        for (index, outcome) in outcomes.enumerated() {
            if case .added(let id, _) = outcome { added.append((index, id)) }
        }
        // The finder reads bodies: a title or byline mention's offsets count
        // within its own field, so only the body's are handed over.
        let found = claimFinder.claims(inEach: added.map { drafts[$0.index].body },
                                       mentions: mentions.map { all in added.map { all[$0.index].filter { $0.field == .body } } })
        do {
            try claimStore.saveClaims(zip(added, found).map { ($0.id, $1) }, version: claimFinder.version)
        } catch {
            for item in added { failed(IngestError(path: paths[item.index], reason: "stored, but its claims were not: \(error)")) }
        }
    }

    /// Parses one file into drafts, with the sidecar and defaults applied,
    /// whole (a streamed format too, up to `maximumDocumentBytes`).
    public func read(_ path: String) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        let result = readDocument(path)
        return (result.drafts, result.errors)
    }

    /// A single-document file, read whole: the drafts, the errors, and a
    /// note when the text was decoded lossily.
    func readDocument(_ path: String) -> (drafts: [ArticleDraft], errors: [IngestError], note: IngestError?) {
        let bytes: [UInt8]
        do {
            bytes = try InputBytes(path: path).readAll(limit: maximumDocumentBytes)
        } catch {
            return ([], [error], nil)
        }
        var parsed: (drafts: [ArticleDraft], errors: [IngestError])
        do {
            parsed = try ArticleFormat.detect(path: uncompressedName(path), bytes: bytes).parse(bytes, path: path)
        } catch {
            return ([], [error], nil)
        }
        let sidecar: ArticleMetadata?
        do {
            sidecar = try ArticleMetadata.sidecar(of: path)
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

/// The name that says the format: without the `.gz` of a compressed file.
func uncompressedName(_ path: String) -> String {
    path.lowercased().hasSuffix(".gz") ? String(path.dropLast(3)) : path
}
