import DossierCore

/// Scores the temporal tagger against TimeML gold as TempEval-3 does.
///
/// - strict: a system expression matches a gold one with exactly the same span;
/// - relaxed: the spans overlap (each gold and system expression used once);
/// - type and value accuracy: over the relaxed matches, how many have the
///   gold TIMEX3 type / value;
/// - value F1: precision and recall where a true positive needs a relaxed match
///   *and* the gold value (TempEval-3's headline normalisation score).
public struct TimexEvaluation: Sendable {
    public struct Counts: Sendable {
        public var gold = 0
        public var system = 0
        public var strictMatches = 0
        public var relaxedMatches = 0
        public var typeCorrect = 0
        public var valueCorrect = 0

        public static func + (a: Counts, b: Counts) -> Counts {
            Counts(gold: a.gold + b.gold, system: a.system + b.system, strictMatches: a.strictMatches + b.strictMatches,
                   relaxedMatches: a.relaxedMatches + b.relaxedMatches, typeCorrect: a.typeCorrect + b.typeCorrect,
                   valueCorrect: a.valueCorrect + b.valueCorrect)
        }

        public var strict: Score { Score(correct: strictMatches, predicted: system, gold: gold) }
        public var relaxed: Score { Score(correct: relaxedMatches, predicted: system, gold: gold) }
        public var value: Score { Score(correct: valueCorrect, predicted: system, gold: gold) }
        public var type: Score { Score(correct: typeCorrect, predicted: system, gold: gold) }
        public var typeAccuracy: Double { relaxedMatches == 0 ? 0 : Double(typeCorrect) / Double(relaxedMatches) }
        public var valueAccuracy: Double { relaxedMatches == 0 ? 0 : Double(valueCorrect) / Double(relaxedMatches) }
    }

    public typealias Score = PRFScore

    /// One disagreement, for `--verbose`.
    public struct Error: Sendable {
        public enum Kind: String, Sendable {
            /// Gold expression the tagger did not find.
            case missed = "MISS"
            /// Tagger expression with no gold counterpart.
            case spurious = "EXTRA"
            /// Found, but with another value (or type).
            case wrongValue = "VALUE"
            /// Found with the right value but another span.
            case wrongSpan = "SPAN"
        }
        public var kind: Kind
        public var document: String
        public var gold: TimeMLDocument.Timex?
        public var system: TimeExpression?
        /// The sentence-ish neighbourhood of the expression.
        public var context: String
    }

    public struct DocumentResult: Sendable {
        public var name: String
        public var counts: Counts
        public var errors: [Error]
    }

    public var documents: [DocumentResult]

    public var total: Counts { documents.reduce(Counts()) { $0 + $1.counts } }

    /// Counts summed over the documents whose name starts with `prefix`
    /// ("TimeBank/").
    public func counts(under prefix: String) -> Counts {
        documents.filter { $0.name.hasPrefix(prefix) }.reduce(Counts()) { $0 + $1.counts }
    }

    public static func run(_ documents: [TimeMLDocument], tagger: TemporalTagger = TemporalTagger()) -> TimexEvaluation {
        TimexEvaluation(documents: documents.map { score($0, tagger: tagger) })
    }

    public static func score(_ document: TimeMLDocument, tagger: TemporalTagger) -> DocumentResult {
        let system = tagger.find(in: document.text, anchor: document.anchor)
        let gold = document.timexes
        var counts = Counts(gold: gold.count, system: system.count)
        var errors: [Error] = []
        var goldUsed = [Bool](repeating: false, count: gold.count)
        let bytes = Array(document.text.utf8)
        func context(_ range: Range<Int>) -> String {
            let from = max(0, range.lowerBound - 60), to = min(bytes.count, range.upperBound + 60)
            let text = String(decoding: bytes[from..<range.lowerBound], as: UTF8.self) + "[" +
                String(decoding: bytes[range], as: UTF8.self) + "]" + String(decoding: bytes[range.upperBound..<to], as: UTF8.self)
            return text.split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        for expression in system {
            let range = expression.byteRange
            guard let g = gold.indices.first(where: { !goldUsed[$0] && gold[$0].range.overlaps(range) }) else {
                errors.append(Error(kind: .spurious, document: document.name, gold: nil, system: expression, context: context(range)))
                continue
            }
            goldUsed[g] = true
            counts.relaxedMatches += 1
            let strict = gold[g].range == range
            if strict { counts.strictMatches += 1 }
            if gold[g].type == expression.type.rawValue { counts.typeCorrect += 1 }
            if gold[g].value == expression.value {
                counts.valueCorrect += 1
                if !strict { errors.append(Error(kind: .wrongSpan, document: document.name, gold: gold[g], system: expression, context: context(gold[g].range))) }
            } else {
                errors.append(Error(kind: .wrongValue, document: document.name, gold: gold[g], system: expression, context: context(gold[g].range)))
            }
        }
        for (g, timex) in gold.enumerated() where !goldUsed[g] {
            errors.append(Error(kind: .missed, document: document.name, gold: timex, system: nil, context: context(timex.range)))
        }
        return DocumentResult(name: document.name, counts: counts, errors: errors)
    }
}
