import ArgumentParser
import ArticleStore
import Foundation

/// `dossier eval ...`: measures extraction quality against gold data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure extraction quality against gold data.",
        subcommands: [EvalAttributionCommand.self, EvalBylinesCommand.self, EvalHedgesCommand.self, EvalHTMLCommand.self, EvalNERCommand.self, EvalTimelineCommand.self, EvalTimexCommand.self]
    )
}

struct EvalHTMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "Score HTML main-text extraction on a folder with expected.json and pages/.",
        discussion: "The folder layout of trafilatura's evaluation set (../shared/eval/html-dev)."
    )

    @Argument(help: "The evaluation folder.")
    var directory: String

    @Flag(help: "List every page that did not pass.")
    var verbose = false

    @Option(help: ArgumentHelp("Also score publication dates against a hand-judged list of the dates pages show.",
                               valueName: "shown-dates.tsv"))
    var dates: String?

    @Option(help: ArgumentHelp("Score only one half of the pages (1 or 2, split by a hash of the file name): develop on one, check on the other.",
                               valueName: "half"))
    var half: Int?

    func validate() throws {
        if let half, HTMLExtractionEvaluation.Half(rawValue: half) == nil {
            throw ValidationError("--half must be 1 or 2, not \(half)")
        }
    }

    func run() throws {
        var pages: [HTMLExtractionEvaluation.Page]
        do {
            pages = try HTMLExtractionEvaluation.loadPages(from: directory)
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if let half = half.flatMap(HTMLExtractionEvaluation.Half.init(rawValue:)) {
            pages = pages.filter(half.contains)
        }
        let shownDates: [String: [String]]?
        do {
            shownDates = try dates.map(PageDateEvaluation.loadShownDates)
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let evaluation = HTMLExtractionEvaluation.run(directory: directory, pages: pages)
        print("pages passed:      \(evaluation.pagesPassed) / \(evaluation.results.count)")
        print("wanted found:      \(evaluation.wantedFound) / \(evaluation.wantedTotal)")
        print("unwanted leaked:   \(evaluation.unwantedLeaked) / \(evaluation.unwantedTotal)")
        print(String(format: "snippets: precision %.3f  recall %.3f  F1 %.3f  accuracy %.3f",
                     evaluation.precision, evaluation.recall, evaluation.f1, evaluation.accuracy))
        let errors = evaluation.results.filter { $0.error != nil }
        if !errors.isEmpty { print("extraction errors: \(errors.count)") }
        if verbose {
            for result in evaluation.results where !result.passed {
                print("  \(result.file): wanted \(result.wantedFound)/\(result.wantedTotal), leaked \(result.unwantedLeaked)/\(result.unwantedTotal)\(result.error.map { ", " + $0 } ?? "")")
                for snippet in result.missing { print("    missing: \(snippet)") }
                for snippet in result.leaked { print("    leaked:  \(snippet)") }
            }
        }
        if let shownDates {
            let scored = PageDateEvaluation.score(evaluation.results, shown: shownDates)
            print(String(format: "dates: usable on %d / %d pages that show one (%.1f%%); %d pages showing none were dated",
                         scored.usable, scored.pagesShowingADate, scored.usableShare * 100, scored.datedWithoutShownDate))
            if verbose {
                for mismatch in scored.mismatches {
                    print("  date \(mismatch.file): shown \(mismatch.shown.joined(separator: " or ")), stored \(mismatch.stored ?? "none")")
                }
            }
        }
    }
}
