import ArgumentParser
import Claims
import ArticleStore
import DossierCore
import DossierLua
import DossierShell
import Foundation
import StoreBackends

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add articles to the store from files, directories and globs.",
        discussion: """
            Reads plain-text captures, HTML pages, RSS/Atom feeds and JSON / JSON Lines, \
            recursively through directories; gzip-compressed files (.jsonl.gz, .json.gz, \
            .xml.gz, ...) are read directly. JSON Lines and JSON arrays of any size are \
            streamed in constant memory and stored in batches; each batch records how far \
            its file was read, so a killed ingest run again resumes where it stopped. \
            A FILE.meta.json beside a capture supplies missing metadata. The summary \
            counts every outcome and lists the first 10 of each kind; --report has them all. \
            Exit status 1 when any file failed (the others are stored all the same).
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Outlet for articles that do not name one.")
    var outlet: String?

    @Option(help: ArgumentHelp("Publication date for articles that lack one (e.g. 2025-12-28).", valueName: "date"))
    var published: String?

    @Flag(name: .customLong("no-entities"), help: "Do not extract entity mentions, nor claims, which read them (run `dossier extract` later).")
    var skipEntities = false

    @Option(help: ArgumentHelp("Write one JSON line per outcome (added, duplicate, failed, unchanged, note), for every article, as it happens.", valueName: "file.jsonl"))
    var report: String?

    @Option(name: .customLong("max-document-size"),
            help: ArgumentHelp("Refuse single documents (a page, a capture, a JSON object), single records of JSON Lines and JSON arrays and single feed items larger than this, uncompressed (reported and skipped; the rest go in). Streamed files (JSON Lines, JSON arrays, RSS/Atom feeds) as a whole have no limit.", valueName: "MiB"))
    var maximumDocumentMiB = Ingestor.defaultMaximumDocumentBytes >> 20

    @Flag(help: "Read every file again, even those the store took in unchanged (same path, size and time).")
    var reread = false

    @Flag(name: .customLong("no-claims"), help: "Do not store claims (article:claims() then finds them when asked).")
    var skipClaims = false

    @Option(name: .customLong("file-time-limit"),
            help: ArgumentHelp("Skip (and report) a file whose reading, entity extraction and claim finding take longer than this; extraction and claim finding are stopped at it (default 300).",
                               valueName: "seconds"))
    var fileTimeLimit: Double?

    @Option(name: .customLong("file-memory-limit"),
            help: ArgumentHelp("Skip (and report) a file whose ingest would need more memory than this, judged from its bytes before parsing (bytes, or with K, M, G; default 4G).",
                               valueName: "size"))
    var fileMemoryLimit: String?

    @Argument(help: "Files, directories or glob patterns.")
    var paths: [String]

    /// The per-file budget from the options, the defaults filling the rest.
    var fileBudget: FileBudget {
        FileBudget(seconds: fileTimeLimit ?? FileBudget.standard.seconds,
                   memoryBytes: fileMemoryLimit.flatMap(ByteCount.parse) ?? FileBudget.standard.memoryBytes)
    }

    func validate() throws {
        if let fileTimeLimit, !EngineOptions.timeoutRange.contains(fileTimeLimit) {
            throw ValidationError("invalid --file-time-limit '\(fileTimeLimit)': expected seconds from 0.001 to 31536000 (a year)")
        }
        if let fileMemoryLimit, ByteCount.parse(fileMemoryLimit) == nil {
            throw ValidationError("invalid --file-memory-limit '\(fileMemoryLimit)': expected a size from 1K to 1T such as 512M or 2G")
        }
        guard (1...(1 << 20)).contains(maximumDocumentMiB) else {
            throw ValidationError("invalid --max-document-size \(maximumDocumentMiB): expected a number of MiB from 1 to 1048576")
        }
        if let published, NewsDateParser.parse(published) == nil {
            throw ValidationError("invalid --published '\(published)': expected a date such as 2025-12-28")
        }
    }

    func run() throws {
        var ingestor: Ingestor
        do {
            let articleStore = try StoreOpener.open(store.path)
            ingestor = Ingestor(store: articleStore)
            if !skipEntities {
                ingestor.extractor = try EntityEngine.mentionExtractor(for: articleStore)
                if !skipClaims { ingestor.claimFinder = try ClaimExtractor.shared() }
            }
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
        ingestor.defaults = IngestDefaults(outlet: outlet, published: published.flatMap(NewsDateParser.parse))
        ingestor.skipsUnchangedFiles = !reread
        ingestor.fileBudget = fileBudget
        ingestor.maximumDocumentBytes = maximumDocumentMiB << 20
        let bar = ProgressBar()
        let log: IngestLog
        do {
            log = try IngestLog(reportPath: report, bar: bar)
        } catch {
            FileHandle.standardError.write(Data("dossier: cannot write the report '\(report ?? "")': \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        ingestor.events = { log.record($0) }
        let report = ingestor.ingest(inputs: paths.map(RawArguments.path)) { bar.update($0) }
        bar.finish()
        log.close()
        print(IngestSummary(report: report, storeName: store.displayName, reportPath: self.report).text, terminator: "")
        if !report.failed.isEmpty { throw ExitCode(1) }
    }
}

/// Reports outcomes as they happen: a failure on stderr at once (so a killed
/// run has said which files failed), and every outcome as a JSON line in the
/// `--report` file, flushed line by line.
final class IngestLog: @unchecked Sendable {
    private let lock = NSLock()
    private let file: FileHandle?
    private let bar: ProgressBar

    init(reportPath: String?, bar: ProgressBar) throws {
        self.bar = bar
        if let reportPath {
            guard FileManager.default.createFile(atPath: reportPath, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            file = try FileHandle(forWritingTo: URL(fileURLWithPath: reportPath))
        } else {
            file = nil
        }
    }

    func record(_ event: IngestEvent) {
        lock.lock()
        defer { lock.unlock() }
        var line: [String: Any]
        switch event {
        case .added(let path, let id, let similar, let warnings):
            line = ["path": path, "status": "added", "id": id]
            if !similar.isEmpty { line["near_duplicates"] = similar }
            if !warnings.isEmpty { line["warnings"] = warnings }
        case .duplicate(let path, let existing):
            line = ["path": path, "status": "duplicate", "id": existing]
        case .unchanged(let path):
            line = ["path": path, "status": "unchanged"]
        case .note(let note):
            line = ["path": note.path, "status": "note", "reason": note.reason]
            bar.interrupt()
            FileHandle.standardError.write(Data("dossier: note: \(note)\n".utf8))
        case .failed(let error):
            line = ["path": error.path, "status": "failed", "reason": error.reason]
            if let number = error.line { line["line"] = number }
            bar.interrupt()
            FileHandle.standardError.write(Data("dossier: failed: \(error)\n".utf8))
        }
        if let file, let data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes]) {
            file.write(data + Data("\n".utf8))
        }
    }

    func close() {
        try? file?.close()
    }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar {
    private let isEnabled = isatty(STDERR_FILENO) != 0
    private var lastDrawn = Date.distantPast

    func update(_ progress: IngestProgress) {
        guard isEnabled, Date().timeIntervalSince(lastDrawn) > 0.1 || progress.filesDone == progress.filesTotal else { return }
        lastDrawn = Date()
        let width = 30
        let filled = progress.filesTotal == 0 ? width : width * progress.filesDone / progress.filesTotal
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(progress.filesDone)/\(progress.filesTotal) files, \(progress.added) added".utf8))
    }

    /// Ends the bar's line so a message can be printed; the next update redraws it.
    func interrupt() {
        if isEnabled && lastDrawn != .distantPast { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    func finish() {
        if isEnabled && lastDrawn != .distantPast { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
