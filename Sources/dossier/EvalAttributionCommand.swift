import DossierCore
import ArgumentParser
import Claims
import EntityExtractor
import Foundation

/// `dossier eval attribution DIR`: the claims the user gets (the attribution finder through
/// `ClaimExtractor`, with the entity extractor's mentions) against PolNeAR gold.
struct EvalAttributionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribution",
        abstract: "Score attribution extraction (source, cue, content) on PolNeAR brat files.",
        discussion: """
            DIR is a PolNeAR compartment (text/ and attributions/, e.g. ../shared/eval/polnear/dev). \
            Whole-attribution overlap: cue, content and source overlap (a source-less gold needs a \
            source-less claim), matched one-to-one; per-part overlap and exact-span P/R/F1 too. \
            --learn-cues TRAIN learns the cue lexicon and classifier from TRAIN instead of using the \
            bundled ones (--write-cues saves them); --folds N cross-validates on DIR itself, learning \
            on the other folds, for each --thresholds value (the classifier's margin; the count \
            threshold with --epochs 0).
            """
    )

    @Argument(help: "A PolNeAR compartment folder.")
    var directory: String

    @Option(help: ArgumentHelp("Learn the cue lexicon from this compartment.", valueName: "dir"))
    var learnCues: String?

    @Option(help: ArgumentHelp("Write the learned cue lexicon (cues.tsv, cue-weights.tsv) into this folder.", valueName: "dir"))
    var writeCues: String?

    @Option(help: ArgumentHelp("Training passes of the cue classifier when learning (0: counts alone).", valueName: "n"))
    var epochs = 5

    @Option(help: ArgumentHelp("Cross-validate on DIR with this many folds.", valueName: "n"))
    var folds: Int?

    @Option(help: ArgumentHelp("Cue-rate thresholds to try (comma-separated).", valueName: "list"))
    var thresholds: String?

    @Option(help: ArgumentHelp("Drop claims at cue words whose claims matched gold less often than this on the training texts (0: keep all; default: the bundled lexicon's).", valueName: "rate"))
    var claimFloor: Double?

    @Flag(inversion: .prefixedNo, help: "When learning, train the claim scorer too: candidate cues down to --candidate-margin, claims kept by their shape (--thresholds then sets the scorer's threshold).")
    var scoreClaims = true

    @Option(help: ArgumentHelp("The cue classifier's margin for candidate cues under the claim scorer.", valueName: "margin"))
    var candidateMargin = CueLexicon().candidateMargin

    @Option(help: ArgumentHelp("When learning, leave out cue classifier weights smaller than this (a smaller cue-weights.tsv).", valueName: "size"))
    var minimumCueWeight = CueClassifier.minimumWeight

    @Flag(inversion: .prefixedNo, help: "Under the claim scorer, judge the claims at cues the classifier takes at its margin too (else only the claims at weaker candidate cues).")
    var scoreCueClaims = true

    @Flag(help: "List every missed gold attribution and every spurious claim.")
    var verbose = false

    @Flag(help: "Count the missed gold attributions and spurious claims by class (with --folds: on the held-out folds).")
    var breakdown = false

    @Option(help: ArgumentHelp("With --breakdown, show this many misses of each class.", valueName: "n"))
    var examples = 0

    func run() throws {
        do {
            let documents = try PolNeARCorpus.load(directory: directory)
            let rates = try (thresholds ?? "").split(separator: ",").map { text -> Double in
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--thresholds: '\(text)' is not a number")
                }
                return value
            }
            if let folds {
                guard folds >= 2, folds <= documents.count else { throw ValidationError("--folds must be between 2 and the number of documents") }
                let cutoff = epochs == 0 ? CueLexicon().threshold : scoreClaims ? ClaimScorer().threshold : CueLexicon().margin
                try crossValidate(documents, folds: folds, rates: rates.isEmpty ? [cutoff] : rates)
                return
            }
            var lexicon = try CueLexicon.bundled()
            if let learnCues {
                lexicon = CueLexicon.learn(from: try PolNeARCorpus.load(directory: learnCues), epochs: epochs, scoreClaims: scoreClaims,
                                           candidateMargin: candidateMargin, minimumCueWeight: minimumCueWeight)
                if let writeCues { try lexicon.write(toDirectory: writeCues) }
            }
            if let claimFloor { lexicon.claimFloor = claimFloor }
            lexicon.claimScorer?.judgesCues = scoreCueClaims
            let cutoff = lexicon.classifier == nil ? lexicon.threshold : lexicon.claimScorer?.threshold ?? lexicon.margin
            let mentions = try documentMentions(documents)
            for rate in rates.isEmpty ? [cutoff] : rates {
                lexicon.set(cutoff: rate)
                let finder = AttributionFinder(lexicon: lexicon)
                var evaluation = AttributionEvaluation()
                let started = Date()
                var bytes = 0
                var classes = AttributionMissBreakdown()
                classes.examplesPerClass = examples
                for (position, document) in documents.enumerated() {
                    if breakdown { classes.add(document, finder: finder) }
                    bytes += document.text.utf8.count
                    let claims = ClaimExtractor(finder: finder).claims(in: document.text, mentions: mentions[position])
                    evaluation.add(document: document.name, text: document.text, gold: document.attributions, system: claims,
                                   keepErrors: verbose)
                }
                let seconds = Date().timeIntervalSince(started)
                if verbose { printErrors(evaluation, documents) }
                print("\(documents.count) documents, \(bytes) bytes; \(lexicon.classifier == nil ? "cue threshold" : lexicon.claimScorer == nil ? "cue margin" : "claim threshold") \(rate); extracted and scored in \(String(format: "%.2f", seconds)) s")
                print(report(evaluation))
                if breakdown { print(classes.report()) }
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            FileHandle.standardError.write(Data("dossier: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The entity mentions of each document, as `claims(text)` and ingest hand them to the
    /// claim extractor: the scores are of the claims the user gets, after the extractor's
    /// own rules (negative evidence, a text in another language), not of the finder alone.
    private func documentMentions(_ documents: [PolNeARDocument]) throws -> [[Mention]] {
        let extractor = try EntityExtractor.shared()
        return documents.map { extractor.extract($0.text) }
    }

    private func crossValidate(_ documents: [PolNeARDocument], folds: Int, rates: [Double]) throws {
        var results = [AttributionEvaluation](repeating: AttributionEvaluation(), count: rates.count)
        let mentions = try documentMentions(documents)
        var classes = AttributionMissBreakdown()
        classes.examplesPerClass = examples
        for fold in 0..<folds {
            let training = documents.indices.filter { $0 % folds != fold }.map { documents[$0] }
            var lexicon = CueLexicon.learn(from: training, epochs: epochs, scoreClaims: scoreClaims, candidateMargin: candidateMargin,
                                           minimumCueWeight: minimumCueWeight)
            if let claimFloor { lexicon.claimFloor = claimFloor }
            lexicon.claimScorer?.judgesCues = scoreCueClaims
            for (index, rate) in rates.enumerated() {
                lexicon.set(cutoff: rate)
                let finder = AttributionFinder(lexicon: lexicon)
                for position in documents.indices where position % folds == fold {
                    let document = documents[position]
                    results[index].add(document: document.name, text: document.text, gold: document.attributions,
                                       system: ClaimExtractor(finder: finder).claims(in: document.text, mentions: mentions[position]))
                    if breakdown, index == 0 { classes.add(document, finder: finder) }
                }
            }
        }
        for (index, rate) in rates.enumerated() {
            print("\(folds)-fold cross-validation, \(cutoffName) \(rate)")
            print(report(results[index]))
        }
        if breakdown { print("held-out folds, \(cutoffName) \(rates[0]):\n" + classes.report()) }
    }

    /// What --thresholds sets when cross-validating.
    private var cutoffName: String { epochs == 0 ? "cue threshold" : scoreClaims ? "claim threshold (candidate cue margin \(candidateMargin))" : "cue margin" }

    private func report(_ evaluation: AttributionEvaluation) -> String {
        var lines = ["part           gold   sys  overlap P/R/F1       exact P/R/F1"]
        for part in AttributionEvaluation.Part.allCases {
            let overlap = evaluation.overlap[part] ?? .init(), exact = evaluation.exact[part] ?? .init()
            lines.append(part.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(format: " %6d %5d", overlap.gold, overlap.predicted)
                + "  \(percent(overlap.precision, width: 5)) \(percent(overlap.recall, width: 5)) \(percent(overlap.f1, width: 5))"
                + "   \(percent(exact.precision, width: 5)) \(percent(exact.recall, width: 5)) \(percent(exact.f1, width: 5))")
        }
        return lines.joined(separator: "\n")
    }

    private func printErrors(_ evaluation: AttributionEvaluation, _ documents: [PolNeARDocument]) {
        var texts: [String: [UInt8]] = [:]
        for document in documents { texts[document.name] = Array(document.text.utf8) }
        for miss in evaluation.misses {
            guard let bytes = texts[miss.document] else { continue }
            func show(_ spans: [Range<Int>]) -> String {
                spans.map { span in
                    let clipped = max(0, span.lowerBound)..<min(bytes.count, span.upperBound)
                    return "'" + String(decoding: bytes[clipped], as: UTF8.self).replacingOccurrences(of: "\n", with: " ") + "'"
                }.joined(separator: " | ")
            }
            for gold in miss.gold {
                print("miss\t\(miss.document)\tsource=\(show(gold.source))\tcue=\(show(gold.cue))\tcontent=\(show(gold.content))")
            }
            for claim in miss.spurious {
                print("spurious\t\(miss.document)\tsource=\(show(claim.source.map { [$0] } ?? []))\tcue=\(show([claim.cue]))\tcontent=\(show(claim.content))")
            }
        }
    }
}
