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
    /// body and mentions. Written in a second transaction just after the
    /// batch's: an article whose claims were lost to a crash has no
    /// `claims(inArticle:)` (nil), and readers then find them afresh.
    public var claimFinder: (any ClaimFinder)?
    /// A batch is committed once it holds at least this many articles; it
    /// always holds whole files, so a file is stored entirely or not at all.
    /// Large enough to amortise the commit (fsync), small enough that a crash
    /// loses little work.
    public var batchSize = 500
    /// Larger files are refused rather than read into memory.
    public var maximumFileBytes = 64 << 20
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
        var pending: [(path: String, draft: ArticleDraft)] = []

        func flush() {
            guard !pending.isEmpty else { return }
            do {
                let drafts = pending.map(\.draft)
                let mentions = extractor?.mentions(inEachArticle: drafts)
                let outcomes = try store.add(drafts, mentions: mentions, extractorVersion: extractor?.version)
                storeClaims(drafts: drafts, mentions: mentions, outcomes: outcomes, paths: pending.map(\.path), report: &report)
                for (item, outcome) in zip(pending, outcomes) {
                    switch outcome {
                    case .added(let id, let similar):
                        report.added.append(id)
                        if !similar.isEmpty { report.nearDuplicates.append(.init(path: item.path, id: id, similarTo: similar)) }
                        if !item.draft.warnings.isEmpty { report.warnings.append(.init(path: item.path, id: id, notes: item.draft.warnings)) }
                    case .duplicate(let existing): report.duplicates.append(.init(path: item.path, existingID: existing))
                    }
                }
            } catch {
                report.failed += pending.map { IngestError(path: $0.path, reason: "not stored: \(error)") }
            }
            pending.removeAll(keepingCapacity: true)
        }

        for (index, file) in sources.files.enumerated() {
            let result = read(file)
            report.failed += result.errors
            if !result.drafts.isEmpty || result.errors.isEmpty { report.filesRead += 1 }
            for draft in result.drafts { pending.append((draft.sourcePath ?? file, draft)) }
            if pending.count >= batchSize { flush() }
            progress?(IngestProgress(filesDone: index + 1, filesTotal: sources.files.count, added: report.added.count))
        }
        flush()
        return report
    }

    /// The claims of the batch's added articles; a failure here leaves the
    /// articles stored and is reported for each of them.
    private func storeClaims(drafts: [ArticleDraft], mentions: [[Mention]]?, outcomes: [AddOutcome], paths: [String],
                             report: inout IngestReport) {
        guard let claimFinder, let claimStore = store as? any ClaimStore else { return }
        var added: [(index: Int, id: Int64)] = []
        for (index, outcome) in outcomes.enumerated() {
            if case .added(let id, _) = outcome { added.append((index, id)) }
        }
        let found = claimFinder.claims(inEach: added.map { drafts[$0.index].body },
                                       mentions: mentions.map { all in added.map { all[$0.index] } })
        do {
            try claimStore.saveClaims(zip(added, found).map { ($0.id, $1) }, version: claimFinder.version)
        } catch {
            report.failed += added.map { IngestError(path: paths[$0.index], reason: "stored, but its claims were not: \(error)") }
        }
    }

    /// Parses one file into drafts, with the sidecar and defaults applied.
    public func read(_ path: String) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        let bytes: [UInt8]
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maximumFileBytes else {
                return ([], [IngestError(path: path, reason: "file too large (\(size >> 20) MiB; the limit is \(maximumFileBytes >> 20) MiB)")])
            }
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return ([], [IngestError(path: path, reason: "cannot read file")])
        }
        var parsed: (drafts: [ArticleDraft], errors: [IngestError])
        do {
            parsed = try ArticleFormat.detect(path: path, bytes: bytes).parse(bytes, path: path)
        } catch {
            return ([], [error])
        }
        let sidecar: ArticleMetadata?
        do {
            sidecar = try ArticleMetadata.sidecar(of: path)
        } catch {
            return ([], parsed.errors + [error])
        }
        parsed.drafts = parsed.drafts.map { draft in
            var draft = draft
            sidecar?.apply(to: &draft)
            if draft.outlet == nil { draft.outlet = defaults.outlet }
            if draft.published == nil { draft.published = defaults.published }
            return draft
        }
        return parsed
    }
}
