import ArgumentParser
import DossierCore
import EntityExtractor
import Foundation
import Timeline

/// `dossier eval timeline DIR`: SemEval-2015 Task 4 Track A (per-target
/// timelines from raw text), scored with the task's temporal-awareness metric.
struct EvalTimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Score per-entity timelines on SemEval-2015 Task 4 (Track A, raw text).",
        discussion: """
            DIR is the task's folder (for example ../shared/eval/semeval2015-task4): every corpus_N/ \
            (corpus_trackA_CAT, list_target_entities_*.txt, TimeLines_Gold_Standard) and the trial data \
            (Corpus-trial-data_task4, TimeLines_trial_data_task4_v1.2) found there is a set. Each document's \
            text is rebuilt from its tokens, entities extracted, events taken for each target as \
            timeline{entity=} takes them, and the timelines written in the task's format (with --out) and \
            scored: precision and recall of the timelines' reduced before/simultaneous relations against the \
            other side's closure (temporal awareness, micro-averaged over targets).
            """
    )

    @Argument(help: "The task's folder.")
    var directory: String

    @Option(help: ArgumentHelp("dossier (timeline{entity=}) or trivial (every sentence naming the target, dated by its article).", valueName: "system"))
    var system: String = "dossier"

    @Option(help: ArgumentHelp("Write the system's timelines here, a folder per set.", valueName: "dir"))
    var out: String?

    @Flag(help: "Show the score of every target.")
    var verbose = false

    func run() throws {
        guard let chosen = TimelineTaskEvaluation.System(rawValue: system) else {
            throw ValidationError("unknown --system '\(system)': expected dossier or trivial")
        }
        do {
            let sets = try TimelineTaskEvaluation.Set.load(directory: directory)
            let entities = try EntityExtractor.shared()
            let evaluation = TimelineTaskEvaluation(mentions: { entities.mentions(in: $0) })
            print("set          docs targets  sys rel  gold rel   precision  recall     F1")
            var total = TemporalAwareness.Counts()
            for set in sets {
                let results = evaluation.run(set, system: chosen)
                let counts = results.map(\.counts).reduce(TemporalAwareness.Counts(), +)
                total = total + counts
                if let out {
                    let folder = URL(fileURLWithPath: out).appendingPathComponent(set.name)
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    for result in results {
                        try result.system.rendered.write(to: folder.appendingPathComponent(TaskTimeline.fileName(for: result.target)), atomically: true, encoding: .utf8)
                    }
                }
                if verbose {
                    for result in results {
                        print("  " + row(result.target, docs: nil, targets: nil, result.counts))
                    }
                }
                print(row(set.name, docs: set.documents.count, targets: set.targets.count, counts))
            }
            if sets.count > 1 { print(row("total", docs: nil, targets: nil, total)) }
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func row(_ name: String, docs: Int?, targets: Int?, _ counts: TemporalAwareness.Counts) -> String {
        return name.padding(toLength: 12, withPad: " ", startingAt: 0)
            + " " + String(repeating: " ", count: max(0, 4 - (docs.map(String.init) ?? "").count)) + (docs.map(String.init) ?? "")
            + " " + String(repeating: " ", count: max(0, 7 - (targets.map(String.init) ?? "").count)) + (targets.map(String.init) ?? "")
            + String(format: "  %7d  %8d", counts.systemRelations, counts.goldRelations)
            + "   \(percent(counts.precision, width: 6))    \(percent(counts.recall, width: 6))  \(percent(counts.f1, width: 6))"
    }
}
