import ArgumentParser
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
            Reads plain-text captures and JSON / JSON Lines, recursively through \
            directories. A FILE.meta.json beside a capture supplies missing metadata. \
            Exit status 1 when any file failed (the others are stored all the same).
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Outlet for articles that do not name one.")
    var outlet: String?

    @Option(help: ArgumentHelp("Publication date for articles that lack one (e.g. 2025-12-28).", valueName: "date"))
    var published: String?

    @Flag(name: .customLong("no-entities"), help: "Do not extract entity mentions (run `dossier extract` later).")
    var skipEntities = false

    @Argument(help: "Files, directories or glob patterns.")
    var paths: [String]

    func validate() throws {
        if let published, NewsDateParser.parse(published) == nil {
            throw ValidationError("invalid --published '\(published)': expected a date such as 2025-12-28")
        }
    }

    func run() throws {
        var ingestor: Ingestor
        do {
            let articleStore = try StoreOpener.open(store.path)
            ingestor = Ingestor(store: articleStore)
            if !skipEntities { ingestor.extractor = try EntityEngine.mentionExtractor(for: articleStore) }
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
        ingestor.defaults = IngestDefaults(outlet: outlet, published: published.flatMap(NewsDateParser.parse))
        let bar = ProgressBar()
        let report = ingestor.ingest(paths: paths) { bar.update($0) }
        bar.finish()
        print("added \(report.added.count), duplicates \(report.duplicates.count), near-duplicates \(report.nearDuplicates.count), failed \(report.failed.count) (store: \(store.displayName))")
        for near in report.nearDuplicates {
            print("  near-duplicate: \(near.path) (#\(near.id)) resembles " + near.similarTo.map { "#\($0)" }.joined(separator: ", "))
        }
        for failure in report.failed { print("  failed: \(failure)") }
        if !report.failed.isEmpty { throw ExitCode(1) }
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

    func finish() {
        if isEnabled && lastDrawn != .distantPast { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
