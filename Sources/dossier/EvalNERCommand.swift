import ArgumentParser
import EntityExtractor
import Foundation

/// `dossier eval ner FILE`: exact-span precision, recall and F1 per CoNLL
/// label on a CoNLL-2003-format file, conlleval's way.
struct EvalNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Score named-entity tagging on a CoNLL-2003-format file.",
        discussion: "Documents (-DOCSTART-) are tagged whole, with their gold tokenization."
    )

    @Argument(help: "The gold file.")
    var file: String

    @Option(help: ArgumentHelp("A model file to score instead of the bundled one.", valueName: "path"))
    var model: String?

    func run() throws {
        let corpus: CoNLLCorpus
        let tagger: NERModel
        do {
            corpus = try CoNLLCorpus(contentsOf: URL(fileURLWithPath: file))
            tagger = try model.map { try NERModel(contentsOf: URL(fileURLWithPath: $0)) } ?? NERModel.bundled()
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let started = Date()
        let evaluation = NEREvaluation.evaluate(corpus, predict: tagger.tag)
        let seconds = Date().timeIntervalSince(started)
        print("\(corpus.documents.count) documents, \(corpus.sentenceCount) sentences, \(corpus.tokenCount) tokens, tagged in \(String(format: "%.2f", seconds)) s")
        print(evaluation.report)
    }
}
