import ArgumentParser
import Claims
import DossierCore
import Foundation

/// `dossier eval hedges FILE`: the hedge finder against hand-marked sentences.
struct EvalHedgesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hedges",
        abstract: "Score hedge and negative-evidence finding on hand-marked sentences.",
        discussion: "FILE: one sentence a line, {h:...} around hedges, {n:...} around negative evidence (eval/hedges/hedges.txt)."
    )

    @Argument(help: "The marked sentences.")
    var file: String = "eval/hedges/hedges.txt"

    @Flag(help: "List every missed and spurious span.")
    var verbose = false

    func run() throws {
        let sentences: [HedgeGoldSentence]
        do {
            sentences = try HedgeGoldSentence.load(String(contentsOfFile: file, encoding: .utf8), file: file)
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let evaluation = HedgeEvaluation(sentences)
        if verbose {
            for error in evaluation.errors {
                print("missed \(error.missed) spurious \(error.spurious)\t\(error.sentence)")
            }
        }
        print("\(sentences.count) sentences")
        print("kind                gold   sys  exact P/R/F1         overlap P/R/F1")
        for kind in [Hedge.Kind.hedge, .negativeEvidence] {
            let exact = evaluation.exact[kind] ?? .init(), overlap = evaluation.overlap[kind] ?? .init()
            print(kind.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(format: " %5d %5d", exact.gold, exact.predicted)
                + "  \(percent(exact.precision, width: 5)) \(percent(exact.recall, width: 5)) \(percent(exact.f1, width: 5))"
                + "    \(percent(overlap.precision, width: 5)) \(percent(overlap.recall, width: 5)) \(percent(overlap.f1, width: 5))")
        }
    }
}
