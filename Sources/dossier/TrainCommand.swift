import ArgumentParser
import EntityExtractor
import Foundation

/// `dossier train ...`: trains the statistical models from annotated data.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the statistical models from annotated data.",
        subcommands: [TrainNERCommand.self]
    )
}

struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train the named-entity tagger on CoNLL-2003-format data.",
        discussion: """
            Reads the training file (and, to report progress only, a development file), \
            trains an averaged perceptron and writes the model file. \
            scripts/train-ner runs this with the project's defaults.
            """
    )

    @Option(help: ArgumentHelp("Training data (CoNLL-2003 format).", valueName: "path"))
    var train: String

    @Option(help: ArgumentHelp("Development data, scored after each pass; never trained on.", valueName: "path"))
    var dev: String?

    @Option(help: ArgumentHelp("Where to write the model file.", valueName: "path"))
    var output: String

    @Option(help: "Passes over the training data.")
    var iterations = NERTrainer.Options().iterations

    @Option(help: "Drop features whose largest averaged weight is below this.")
    var prune = NERTrainer.Options().pruneThreshold

    @Flag(help: "Use the bundled gazetteers as features (the model must then ship with those lists).")
    var gazetteers = false

    @Flag(help: "Train on CoNLL's own tokens and sentences instead of the documents printed as raw text and cut by the extractor.")
    var goldTokens = false

    @Flag(help: "Train on the documents as raw text only (by default, also on CoNLL's own tokens).")
    var rawOnly = false

    func validate() throws {
        if goldTokens && rawOnly { throw ValidationError("--gold-tokens and --raw-only exclude each other") }
        guard iterations > 0 else { throw ValidationError("--iterations must be positive") }
    }

    func run() throws {
        let started = Date()
        let corpus = try CoNLLCorpus(contentsOf: URL(fileURLWithPath: train))
        let devCorpus = try dev.map { try CoNLLCorpus(contentsOf: URL(fileURLWithPath: $0)) }
        var options = NERTrainer.Options()
        options.iterations = iterations
        options.pruneThreshold = prune
        options.useGazetteers = gazetteers
        options.rawText = !goldTokens
        options.alsoGoldTokens = !rawOnly
        let result = NERTrainer(options: options).train(corpus, dev: devCorpus) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        try result.data.write(to: URL(fileURLWithPath: output), options: .atomic)
        let seconds = Date().timeIntervalSince(started)
        print("wrote \(output): \(result.data.count) bytes, \(result.model.featureCount) features, trained in \(String(format: "%.1f", seconds)) s")
        if let devCorpus {
            print(NEREvaluation.evaluate(devCorpus, predict: result.model.tag).report)
        }
    }
}
