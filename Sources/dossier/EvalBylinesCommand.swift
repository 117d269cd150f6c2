import ArgumentParser
import DossierCore
import EntityExtractor
import Foundation

/// `dossier eval bylines DIR`: byline authors and their kinds against
/// hand-judged bylines (`eval/bylines`, see its README).
struct EvalBylinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bylines",
        abstract: "Score byline authors (person, organisation, desk) on hand-judged bylines.",
        discussion: "DIR/judgements.tsv: page, byline as stored, author, kind (eval/bylines)."
    )

    @Argument(help: "The folder holding judgements.tsv.")
    var directory: String

    @Flag(help: "List every byline read otherwise than judged.")
    var verbose = false

    func run() throws {
        let judgements: BylineJudgements
        let extractor: EntityExtractor
        do {
            judgements = try BylineJudgements(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent("judgements.tsv"))
            extractor = try EntityExtractor.bundled()
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let score = judgements.score(extractor.authors(inByline:))
        print("\(score.bylines) bylines, \(score.authors) judged authors")
        print("names cut out as judged: \(score.namesFound) of \(score.authors) (\(percent(score.namesFound, of: score.authors))%), \(score.spuriousNames) other names")
        print("kinds right: \(score.kindsRight) of \(score.authors) (\(percent(score.kindsRight, of: score.authors))%)")
        print("typed (not unknown): \(score.typedRight) of \(score.typed) right (\(percent(score.typedRight, of: score.typed))%)")
        for judged in BylineAuthor.Kind.allCases {
            let row = score.confusion[judged] ?? [:]
            let total = row.values.reduce(0, +)
            guard total > 0 else { continue }
            let cells = BylineAuthor.Kind.allCases.compactMap { read in row[read].map { "\(read.rawValue) \($0)" } }
            print("  judged \(judged.rawValue) (\(total)): read as \(cells.joined(separator: ", "))")
        }
        if verbose {
            for miss in score.misses { print("  \(miss)") }
        }
    }
}
