import ArgumentParser
import ArticleStore
import DossierCore
import DossierLua
import Foundation
import StoreBackends

/// `dossier extract`: runs the entity extractor again over the store, after
/// the model or the gazetteers changed (the store knows which articles an
/// older version made).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Re-extract entity mentions of stored articles.",
        discussion: """
            Processes the articles whose mentions were made by another version of the \
            model or gazetteers (or never extracted); --all processes every article. \
            The analyst's additions apply to the articles containing them when they are \
            made. One transaction per 500 articles.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Re-extract every article, not only those made by another version.")
    var all = false

    func run() throws {
        let articleStore: any Store
        let extractor: any MentionExtractor
        do {
            articleStore = try StoreOpener.open(store.path)
            extractor = try EntityEngine.mentionExtractor(for: articleStore)
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let started = Date()
        let count: Int
        do {
            count = try MentionReextraction(store: articleStore, extractor: extractor).run(all: all) { done in
                if isatty(STDERR_FILENO) != 0 { FileHandle.standardError.write(Data("\r\(done) articles".utf8)) }
            }
        } catch {
            FileHandle.standardError.write(Data("\ndossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if isatty(STDERR_FILENO) != 0 && count > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        print("extracted \(count) article\(count == 1 ? "" : "s") in \(String(format: "%.1f", Date().timeIntervalSince(started))) s (extractor \(extractor.version), store: \(store.displayName))")
    }
}
