import DossierCore
/// Exact-span scoring as conlleval does it: a predicted entity counts only if
/// its first token, last token and label all match a gold entity. Reported per
/// CoNLL label, over all four, and over PER+ORG+LOC, the classes Dossier maps
/// to its own types (MISC has no single Dossier counterpart).
///
/// The predictions come from a closure, so the same scorer measures the bare
/// tagger or the whole extractor with gazetteers and rules.
public struct NEREvaluation: Sendable {
    public typealias Score = PRFScore

    public private(set) var byLabel: [CoNLLLabel: Score] = Dictionary(uniqueKeysWithValues: CoNLLLabel.allCases.map { ($0, Score()) })

    public init() {}

    /// PER, ORG and LOC together.
    public var personOrganizationLocation: Score {
        var score = Score()
        for label in [CoNLLLabel.person, .organization, .location] { score.add(byLabel[label]!) }
        return score
    }

    /// All four labels (conlleval's overall figure).
    public var overall: Score {
        var score = Score()
        for label in CoNLLLabel.allCases { score.add(byLabel[label]!) }
        return score
    }

    /// Adds one text's entities, gold and predicted, in the same token indices.
    public mutating func add(gold: [TaggedSpan], predicted: [TaggedSpan]) {
        let goldSet = Set(gold)
        for span in gold { byLabel[span.label]!.gold += 1 }
        for span in Set(predicted) {
            byLabel[span.label]!.predicted += 1
            if goldSet.contains(span) { byLabel[span.label]!.correct += 1 }
        }
    }

    /// A prediction that matches no gold token boundary: it counts against
    /// precision and can never be correct.
    mutating func addUnaligned(_ label: CoNLLLabel) {
        byLabel[label]!.predicted += 1
    }

    /// Adds another evaluation's counts (folds of a cross-validation).
    public mutating func add(_ other: NEREvaluation) {
        for (label, score) in other.byLabel { byLabel[label]!.add(score) }
    }

    /// Scores `predict` on every document of `corpus`, fed whole so document-level
    /// evidence is available to it.
    public static func evaluate(_ corpus: CoNLLCorpus, predict: (TokenizedText) -> [TaggedSpan]) -> NEREvaluation {
        var evaluation = NEREvaluation()
        for document in corpus.documents {
            evaluation.add(gold: document.entities, predicted: predict(document.text))
        }
        return evaluation
    }

    /// A conlleval-style table.
    public var report: String {
        func line(_ name: String, _ score: Score) -> String {
            func percent(_ value: Double) -> String {
                let scaled = (value * 10000).rounded() / 100
                let text = String(scaled)
                let parts = text.split(separator: ".")
                let decimals = parts.count > 1 ? String(parts[1]) : ""
                return String(parts[0]) + "." + (decimals + "00").prefix(2)
            }
            let padded = name.padding(toLength: 13, withPad: " ", startingAt: 0)
            return "\(padded) precision \(percent(score.precision))  recall \(percent(score.recall))  F1 \(percent(score.f1))  (gold \(score.gold), predicted \(score.predicted), correct \(score.correct))"
        }
        var lines = CoNLLLabel.allCases.map { line($0.name, byLabel[$0]!) }
        lines.append(line("PER+ORG+LOC", personOrganizationLocation))
        lines.append(line("all four", overall))
        return lines.joined(separator: "\n")
    }
}
