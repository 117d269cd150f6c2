import ArgumentParser
import ArticleStore
import DossierCore
import EntityExtractor
import Foundation

/// `dossier eval ner FILE`: exact-span precision, recall and F1 per CoNLL
/// label on a CoNLL-2003-format file, conlleval's way; `--seeds` scores the
/// seed articles against the project's own gold file.
struct EvalNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Score entity extraction on CoNLL-2003-format gold, or on the seed articles.",
        discussion: """
            FILE: documents (-DOCSTART-) are tagged whole with their gold tokenization, \
            by the whole extractor (tagger, gazetteers, rules; PERSON -> PER, GPE and LOC -> \
            LOC, NORP and the rest -> MISC) or, with --tagger-only, by the tagger alone. \
            --raw: each document is also printed as the raw text a user would have (one \
            line per CoNLL sentence, spaces as news prints them), run through extract(text) \
            as the Lua API runs it, and the mentions mapped back to gold tokens by byte \
            offset; both figures are printed side by side. --folds K (with --raw, on the \
            training file): K-fold cross-validation, the tagger trained on K-1 folds of FILE \
            and scored on the one left out, the counts summed over the folds. \
            --seeds: the capture bodies in seeds/ against eval/seeds-entities.tsv, matched \
            by text, type and entity, and the page checked for the gold file's negatives. \
            --web DIR: the articles of DIR/articles against DIR/judgements.tsv (eval/webnews): \
            precision over mentions, recall over the right names of each article.
            """
    )

    @Argument(help: "The CoNLL gold file.")
    var file: String?

    @Flag(help: "Score the seed articles against the project's gold file instead.")
    var seeds = false

    @Option(help: ArgumentHelp("Score hand-judged web news instead (eval/webnews).", valueName: "dir"))
    var web: String?

    @Flag(help: "With --web, list every wrong and missed name.")
    var verbose = false

    @Option(help: ArgumentHelp("The seed folder, with --seeds.", valueName: "dir"))
    var seedDirectory = "seeds"

    @Option(help: ArgumentHelp("The seed gold file, with --seeds.", valueName: "path"))
    var gold = "eval/seeds-entities.tsv"

    @Option(help: ArgumentHelp("A model file to score instead of the bundled one.", valueName: "path"))
    var model: String?

    @Flag(help: "Score the statistical tagger alone, without gazetteers and rules.")
    var taggerOnly = false

    @Flag(help: "Also score extract(text) on the documents printed as raw text, beside the gold-token figure.")
    var raw = false

    @Option(help: ArgumentHelp("Cross-validate: train on K-1 folds of FILE, score the fold left out (with --raw).", valueName: "K"))
    var folds: Int?

    @Option(help: ArgumentHelp("Training passes per fold, with --folds.", valueName: "n"))
    var iterations = NERTrainer.Options().iterations

    @Flag(help: "With --folds, train on the documents as raw text only (by default, also on CoNLL's own tokens).")
    var rawOnly = false

    @Flag(help: "With --raw, list the raw-text misses and spurious mentions with their line.")
    var showErrors = false

    func validate() throws {
        if [seeds, file != nil, web != nil].filter({ $0 }).count != 1 { throw ValidationError("give one of a CoNLL FILE, --seeds or --web DIR") }
        if let folds {
            guard raw else { throw ValidationError("--folds goes with --raw") }
            guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
            guard model == nil else { throw ValidationError("--folds trains its own models; drop --model") }
        }
        if raw && taggerOnly { throw ValidationError("--raw scores the whole extractor; drop --tagger-only") }
    }

    func run() throws {
        do {
            if let file, let folds {
                // Trains its own models: the bundled one is not needed.
                try crossValidate(file, folds: folds)
                return
            }
            let tagger = try model.map { try NERModel(contentsOf: URL(fileURLWithPath: $0)) } ?? NERModel.bundled()
            let extractor = EntityExtractor(model: tagger, gazetteer: try Gazetteer.bundled())
            if let web {
                try scoreWeb(web, extractor: extractor)
            } else if seeds {
                try scoreSeeds(extractor)
            } else if let file, raw {
                try scoreRaw(file, extractor: extractor)
            } else if let file {
                try scoreCoNLL(file, tagger: tagger, extractor: extractor)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func scoreCoNLL(_ file: String, tagger: NERModel, extractor: EntityExtractor) throws {
        let corpus = try CoNLLCorpus(contentsOf: URL(fileURLWithPath: file))
        let started = Date()
        let evaluation: NEREvaluation
        if taggerOnly {
            evaluation = NEREvaluation.evaluate(corpus, predict: tagger.tag)
        } else {
            evaluation = NEREvaluation.evaluate(corpus) { text in
                extractor.conllSpans(text).map { TaggedSpan(tokens: $0.tokens, label: $0.label) }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("\(corpus.documents.count) documents, \(corpus.sentenceCount) sentences, \(corpus.tokenCount) tokens, tagged in \(String(format: "%.2f", seconds)) s by the \(taggerOnly ? "tagger alone" : "whole extractor")")
        print(evaluation.report)
    }

    private func scoreRaw(_ file: String, extractor: EntityExtractor) throws {
        let corpus = try CoNLLCorpus(contentsOf: URL(fileURLWithPath: file))
        let started = Date()
        let (tokens, rawText) = Self.scoreBothWays(corpus.documents, extractor: extractor, showErrors: showErrors)
        let seconds = Date().timeIntervalSince(started)
        print("\(corpus.documents.count) documents, \(corpus.sentenceCount) sentences, \(corpus.tokenCount) tokens, scored both ways in \(String(format: "%.2f", seconds)) s")
        print(Self.sideBySide(tokens, rawText))
    }

    private func crossValidate(_ file: String, folds: Int) throws {
        let corpus = try CoNLLCorpus(contentsOf: URL(fileURLWithPath: file))
        guard corpus.documents.count >= folds else {
            throw ValidationError("\(file) has \(corpus.documents.count) documents, fewer than \(folds) folds")
        }
        let gazetteer = try Gazetteer.bundled()
        var options = NERTrainer.Options()
        options.iterations = iterations
        options.alsoGoldTokens = !rawOnly
        var tokens = NEREvaluation()
        var rawText = NEREvaluation()
        print("\(corpus.documents.count) documents in \(folds) contiguous folds; each fold scored by a tagger trained on the others (\(iterations) passes)")
        for fold in 0..<folds {
            let (training, heldOut) = corpus.fold(fold, of: folds)
            let model = NERTrainer(options: options).train(training).model
            let extractor = EntityExtractor(model: model, gazetteer: gazetteer)
            let (foldTokens, foldRaw) = Self.scoreBothWays(heldOut.documents, extractor: extractor, showErrors: showErrors)
            print(String(format: "fold %d: %d documents; PER+ORG+LOC F1 gold tokens %.2f, raw text %.2f", fold + 1, heldOut.documents.count,
                         foldTokens.personOrganizationLocation.f1 * 100, foldRaw.personOrganizationLocation.f1 * 100))
            tokens.add(foldTokens)
            rawText.add(foldRaw)
        }
        print("all folds:")
        print(Self.sideBySide(tokens, rawText))
    }

    /// The whole extractor on gold tokens (`conllSpans`) and on raw text (`extract`).
    private static func scoreBothWays(_ documents: [CoNLLCorpus.Document], extractor: EntityExtractor,
                                      showErrors: Bool) -> (tokens: NEREvaluation, raw: NEREvaluation) {
        let tokens = NEREvaluation.evaluate(CoNLLCorpus(documents: documents)) { text in
            extractor.conllSpans(text).map { TaggedSpan(tokens: $0.tokens, label: $0.label) }
        }
        var rawText = NEREvaluation()
        for document in documents {
            let printed = RawCoNLLDocument(document)
            let mentions = extractor.extract(printed.text)
            rawText.addRaw(printed, mentions: mentions)
            if showErrors {
                for line in RawErrorReport.lines(printed, mentions: mentions) { print(line) }
            }
        }
        return (tokens, rawText)
    }

    /// Per label, precision, recall and F1 on gold tokens and on raw text.
    private static func sideBySide(_ tokens: NEREvaluation, _ rawText: NEREvaluation) -> String {
        func cells(_ score: NEREvaluation.Score) -> String {
            String(format: "%6.2f %6.2f %6.2f", score.precision * 100, score.recall * 100, score.f1 * 100)
        }
        var lines = ["              gold tokens: P      R      F1   raw text: P      R      F1   (gold, raw predicted, raw correct)"]
        let rows = CoNLLLabel.allCases.map { ($0.name, tokens.byLabel[$0, default: .init()], rawText.byLabel[$0, default: .init()]) }
            + [("PER+ORG+LOC", tokens.personOrganizationLocation, rawText.personOrganizationLocation),
               ("all four", tokens.overall, rawText.overall)]
        for (name, token, raw) in rows {
            lines.append(name.padding(toLength: 14, withPad: " ", startingAt: 0) + "          " + cells(token) + "            " + cells(raw)
                         + "   (\(raw.gold), \(raw.predicted), \(raw.correct))")
        }
        return lines.joined(separator: "\n")
    }

    private func scoreSeeds(_ extractor: EntityExtractor) throws {
        let goldFile = try MentionGold(contentsOf: URL(fileURLWithPath: gold))
        let reader = Ingestor(store: try SQLiteStore(path: ":memory:"))
        var score = MentionGold.Score()
        for name in goldFile.files.keys.sorted() {
            let path = (seedDirectory as NSString).appendingPathComponent(name)
            let parsed = reader.read(path)
            guard let body = parsed.drafts.first?.body else {
                throw ValidationError("\(path): \(parsed.errors.first.map { "\($0)" } ?? "no article")")
            }
            let page = try String(contentsOfFile: path, encoding: .utf8)
            goldFile.score(file: name, predicted: extractor.extract(body), everywhere: extractor.extract(page), into: &score)
        }
        print("seed mentions: \(score.found) found, \(score.missed.count) missed, \(score.spurious.count) spurious (P \(percent(score.precision)), R \(percent(score.recall)), F1 \(percent(score.f1)))")
        for item in score.missed { print("  missed:   \(item.text) \(item.type.rawValue) -> \(item.entity)") }
        for item in score.spurious { print("  spurious: \(item.text) \(item.type.rawValue) -> \(item.entity)") }
        print("negatives found: \(score.negativesFound.isEmpty ? "none" : score.negativesFound.joined(separator: ", ")) (of \(goldFile.negatives.count) checked)")
        if !score.missed.isEmpty || !score.spurious.isEmpty || !score.negativesFound.isEmpty { throw ExitCode(1) }
    }
}
