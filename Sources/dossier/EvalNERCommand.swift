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

    func validate() throws {
        if [seeds, file != nil, web != nil].filter({ $0 }).count != 1 { throw ValidationError("give one of a CoNLL FILE, --seeds or --web DIR") }
    }

    func run() throws {
        do {
            let tagger = try model.map { try NERModel(contentsOf: URL(fileURLWithPath: $0)) } ?? NERModel.bundled()
            let extractor = EntityExtractor(model: tagger, gazetteer: try Gazetteer.bundled())
            if let web {
                try scoreWeb(web, extractor: extractor)
            } else if seeds {
                try scoreSeeds(extractor)
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
        func percent(_ value: Double) -> String { String(format: "%.1f", value * 100) }
        print("seed mentions: \(score.found) found, \(score.missed.count) missed, \(score.spurious.count) spurious (P \(percent(score.precision)), R \(percent(score.recall)), F1 \(percent(score.f1)))")
        for item in score.missed { print("  missed:   \(item.text) \(item.type.rawValue) -> \(item.entity)") }
        for item in score.spurious { print("  spurious: \(item.text) \(item.type.rawValue) -> \(item.entity)") }
        print("negatives found: \(score.negativesFound.isEmpty ? "none" : score.negativesFound.joined(separator: ", ")) (of \(goldFile.negatives.count) checked)")
        if !score.missed.isEmpty || !score.spurious.isEmpty || !score.negativesFound.isEmpty { throw ExitCode(1) }
    }
}
