import ArgumentParser
import ArticleStore
import Foundation
import StoreBackends

/// `dossier copy --from SRC --to DST`: moves a store between backends.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every article, mention, claim and analyst entry from one store into another.",
        discussion: """
            SRC and DST are SQLite files or postgres://user@host:port/database URLs, e.g. \
            `dossier copy --from ~/.local/share/dossier/store.sqlite --to postgres://desk@db/news`. \
            Resumable: run it again after an interruption; articles already in DST are \
            recognised by content and not stored twice.
            """
    )

    @Option(help: ArgumentHelp("The store to read.", valueName: "path|url"))
    var from: String

    @Option(help: ArgumentHelp("The store to write (created if needed).", valueName: "path|url"))
    var to: String

    @Option(name: .customLong("batch-size"), help: "Articles per transaction.")
    var batchSize = 500

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        guard from != to else { throw ValidationError("--from and --to name the same store") }
    }

    func run() throws {
        let started = Date()
        let interactive = isatty(STDERR_FILENO) != 0
        var lastReport = Date.distantPast
        let result: StoreCopy.Progress
        do {
            let source = try StoreOpener.open(from)
            let destination = try StoreOpener.open(to)
            var copy = StoreCopy(from: source, to: destination)
            copy.batchSize = batchSize
            result = try copy.run { progress in
                // On a terminal a line redrawn in place; in a log one line every ten seconds.
                let now = Date()
                guard interactive || now.timeIntervalSince(lastReport) >= 10 || progress.read == progress.total else { return }
                lastReport = now
                let rate = Double(progress.read) / max(0.001, now.timeIntervalSince(started))
                let line = "\(progress.read)/\(progress.total) articles read, \(progress.copied) copied, \(progress.alreadyThere) already there, \(Int(rate))/s (source id \(progress.lastSourceID))"
                FileHandle.standardError.write(Data(((interactive ? "\r" : "") + line + (interactive ? "" : "\n")).utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("\ndossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if interactive && result.read > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        print("copied \(result.copied) article\(result.copied == 1 ? "" : "s") (\(result.alreadyThere) already there) from \(StoreOpener.displayName(from)) to \(StoreOpener.displayName(to)) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}
