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

    public init(store: any Store, defaults: IngestDefaults = IngestDefaults(), extractor: (any MentionExtractor)? = nil) {
        self.store = store
        self.defaults = defaults
        self.extractor = extractor
    }

    public func ingest(paths: [String], progress: ((IngestProgress) -> Void)? = nil) -> IngestReport {
        let sources = IngestSources(paths: paths, allowedRoots: allowedRoots)
        var report = IngestReport()
        report.failed = sources.errors
        for error in sources.errors { events?(.failed(error)) }
        var pending: [(path: String, draft: ArticleDraft)] = []
        let ledger = skipsUnchangedFiles ? store as? IngestLedger : nil
        // Files read in full whose articles are in `pending`: recorded once
        // their batch has committed.
        var pendingStamps: [FileStamp] = []

        func flush() {
            defer { pendingStamps.removeAll(keepingCapacity: true) }
            guard !pending.isEmpty else {
                try? ledger?.recordIngested(pendingStamps)
                return
            }
            do {
                let drafts = pending.map(\.draft)
                let mentions = extractor?.mentions(inEachArticle: drafts)
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
                try? ledger?.recordIngested(pendingStamps)
            } catch {
                let failures = pending.map { IngestError(path: $0.path, reason: "not stored: \(error)") }
                report.failed += failures
                for failure in failures { events?(.failed(failure)) }
            }
            pending.removeAll(keepingCapacity: true)
        }

        for (index, file) in sources.files.enumerated() {
            let stamp = ledger == nil ? nil : FileStamp(path: file)
            if let ledger, let stamp, (try? ledger.hasIngested(stamp)) == true {
                report.unchanged.append(file)
                events?(.unchanged(path: file))
                progress?(IngestProgress(filesDone: index + 1, filesTotal: sources.files.count, added: report.added.count))
                continue
            }
            let result = readNoting(file)
            if let note = result.note {
                report.notes.append(note)
                events?(.note(note))
            }
            report.failed += result.errors
            for error in result.errors { events?(.failed(error)) }
            if result.errors.isEmpty, let stamp { pendingStamps.append(stamp) }
            if !result.drafts.isEmpty || result.errors.isEmpty { report.filesRead += 1 }
            for draft in result.drafts { pending.append((draft.sourcePath ?? file, draft)) }
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
        let result = readNoting(path)
        return (result.drafts, result.errors)
    }

    /// `read`, and a note when the text was decoded lossily.
    func readNoting(_ path: String) -> (drafts: [ArticleDraft], errors: [IngestError], note: IngestError?) {
        let (drafts, errors, bytes) = readFile(path)
        guard !drafts.isEmpty, let bytes, let text = encodingNote(for: bytes), text.hasPrefix("decoded lossily") else {
            return (drafts, errors, nil)
        }
        return (drafts, errors, IngestError(path: path, reason: text))
    }

    private func readFile(_ path: String) -> (drafts: [ArticleDraft], errors: [IngestError], bytes: [UInt8]?) {
        let bytes: [UInt8]
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maximumFileBytes else {
                return ([], [IngestError(path: path, reason: "file too large (\(size >> 20) MiB; the limit is \(maximumFileBytes >> 20) MiB)")], nil)
            }
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return ([], [IngestError(path: path, reason: "cannot read file")], nil)
        }
        var parsed: (drafts: [ArticleDraft], errors: [IngestError])
        do {
            parsed = try ArticleFormat.detect(path: path, bytes: bytes).parse(bytes, path: path)
        } catch {
            return ([], [error], bytes)
        }
        let sidecar: ArticleMetadata?
        do {
            sidecar = try ArticleMetadata.sidecar(of: path)
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
