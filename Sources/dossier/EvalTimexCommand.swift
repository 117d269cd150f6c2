import ArgumentParser
import Foundation
import Timeline

/// `dossier eval timex DIR`: the temporal tagger against TimeML gold, scored
/// as TempEval-3 scores it.
struct EvalTimexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timex",
        abstract: "Score the temporal tagger on TimeML files (TIMEX3 gold with values).",
        discussion: """
            Reads every .tml file under DIR (for example ../shared/eval/timeml-tbaq, with TimeBank/ and \
            AQUAINT/), tags the text of <TEXT> with the document creation time as anchor, and reports \
            strict and relaxed span F1, type and value accuracy over relaxed matches, and value F1, for \
            each top-level folder and in total.
            """
    )

    @Argument(help: "A folder of .tml files, searched recursively.")
    var directory: String

    @Flag(help: "List every miss, spurious expression and wrong value.")
    var verbose = false

    func run() throws {
        let documents: [TimeMLDocument]
        do {
            documents = try TimeMLDocument.load(directory: directory)
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let evaluation = TimexEvaluation.run(documents)
        if verbose {
            for document in evaluation.documents {
                for error in document.errors {
                    let gold = error.gold.map { "gold \($0.type) \($0.value)\($0.modifier.map { " " + $0 } ?? "") '\($0.text)'" } ?? ""
                    let system = error.system.map { "got \($0.type.rawValue) \($0.value)\($0.modifier.map { " " + $0.rawValue } ?? "") '\($0.text)'" } ?? ""
                    print("\(error.kind.rawValue)\t\(document.name)\t\([gold, system].filter { !$0.isEmpty }.joined(separator: "; "))\t\(error.context)")
                }
            }
            print("")
        }
        var groups: [String] = []
        for document in evaluation.documents {
            if let slash = document.name.firstIndex(of: "/") {
                let group = String(document.name[...slash])
                if !groups.contains(group) { groups.append(group) }
            }
        }
        let header = "set              docs  gold   sys  strict P/R/F1        relaxed P/R/F1       type acc  value acc  value F1"
        print(header)
        func row(_ name: String, _ counts: TimexEvaluation.Counts, docs: Int) {
            let strict = counts.strict, relaxed = counts.relaxed
            print(name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: " %4d %5d %5d", docs, counts.gold, counts.system)
                + "  \(percent(strict.precision, width: 5)) \(percent(strict.recall, width: 5)) \(percent(strict.f1, width: 5))"
                + "   \(percent(relaxed.precision, width: 5)) \(percent(relaxed.recall, width: 5)) \(percent(relaxed.f1, width: 5))"
                + "    \(percent(counts.typeAccuracy, width: 5))     \(percent(counts.valueAccuracy, width: 5))     \(percent(counts.value.f1, width: 5))")
        }
        if groups.count > 1 {
            for group in groups {
                row(String(group.dropLast()), evaluation.counts(under: group), docs: evaluation.documents.filter { $0.name.hasPrefix(group) }.count)
            }
        }
        row("total", evaluation.total, docs: evaluation.documents.count)
    }
}
