import DossierCore
import EntityExtractor

/// Finds hedge cues ("could", "reportedly", "is believed to", "structurally
/// improbable") and statements of absent or negative evidence ("no public
/// evidence", "could not be independently verified", "is not being ruled
/// out") in a text. Matching is on lower-cased tokens; negative-evidence
/// phrases are tried first, so the "could" of "could not be verified" is
/// not also a hedge.
public struct HedgeFinder: Sendable {
    /// One element of a phrase: any of `words`, possibly absent.
    struct Slot: Sendable {
        var words: Set<String>
        var optional = false
    }

    struct Phrase: Sendable {
        var slots: [Slot]
        var kind: Hedge.Kind
    }

    private let phrases: [String: [Phrase]]

    public init() {
        var phrases: [String: [Phrase]] = [:]
        func add(_ kind: Hedge.Kind, _ slots: [Slot]) {
            guard let first = slots.first else { return }
            for word in first.words { phrases[word, default: []].append(Phrase(slots: slots, kind: kind)) }
        }
        func one(_ words: String) -> Slot { Slot(words: Set(words.split(separator: " ").map(String.init))) }
        func maybe(_ words: String) -> Slot { Slot(words: Set(words.split(separator: " ").map(String.init)), optional: true) }

        // Negative evidence.
        let evidence = "evidence proof confirmation indication sign signs corroboration record"
        add(.negativeEvidence, [one("no"), maybe("public publicly credible independent direct hard clear concrete firm such further"),
                                maybe("available"), one(evidence)])
        add(.negativeEvidence, [one("without"), maybe("any"), maybe("public credible independent direct hard clear"), one(evidence)])
        add(.negativeEvidence, [one("not"), maybe("any"), maybe("public credible independent direct hard clear"), one(evidence)])
        add(.negativeEvidence, [one("could can cannot has have had was were is are"), maybe("not n't"), maybe("be been"),
                                maybe("independently immediately yet"), one("verified confirmed verify confirm corroborated substantiated")])
        add(.negativeEvidence, [one("not n't"), maybe("be been being"), maybe("independently immediately yet"),
                                one("verified confirmed corroborated substantiated")])
        add(.negativeEvidence, [one("not n't"), maybe("be been being"), one("ruled"), one("out")])
        add(.negativeEvidence, [one("unverified unconfirmed uncorroborated unsubstantiated")])
        add(.negativeEvidence, [one("remains remain remained"), one("unclear unknown")])
        add(.negativeEvidence, [one("it"), one("is was"), maybe("still"), one("unclear unknown")])

        // Hedges: modals, evidential adverbs, epistemic verbs and adjectives.
        add(.hedge, [one("could may might")])
        add(.hedge, [one("reportedly allegedly apparently purportedly supposedly possibly perhaps probably presumably arguably seemingly potentially typically likely unlikely improbable plausibly conceivably maybe")])
        add(.hedge, [one("is are was were"), maybe("widely generally"), one("believed thought understood said rumoured rumored alleged suspected expected"), one("to")])
        add(.hedge, [one("appears appear appeared seems seem seemed")])
        add(.hedge, [one("suggests suggest suggested indicates indicate")])
        add(.hedge, [one("it"), one("is was"), one("possible plausible conceivable")])
        add(.hedge, [one("unclear uncertain")])
        self.phrases = phrases
    }

    /// Hedges and negative-evidence statements of `tokenized`, in text order, not overlapping.
    public func hedges(in tokenized: TokenizedText) -> [Hedge] {
        hedges(in: ClaimText(tokenized))
    }

    func hedges(in text: ClaimText) -> [Hedge] {
        var found: [Hedge] = []
        var index = 0
        while index < text.count {
            guard let candidates = phrases[text.words[index]] else { index += 1; continue }
            var best: (end: Int, kind: Hedge.Kind)?
            for phrase in candidates {
                guard let end = match(phrase.slots, at: index, in: text) else { continue }
                // Negative evidence wins over a hedge starting at the same word, then the longer phrase.
                if let current = best {
                    if current.kind == .negativeEvidence && phrase.kind == .hedge { continue }
                    if current.kind == phrase.kind && end <= current.end { continue }
                }
                best = (end, phrase.kind)
            }
            if let best, !(best.kind == .hedge && isMonthMay(index, text)) {
                found.append(Hedge(span: text.span(index..<best.end), kind: best.kind))
                index = best.end
            } else {
                index += 1
            }
        }
        return found
    }

    /// "May" capitalised mid-sentence is the month.
    private func isMonthMay(_ index: Int, _ text: ClaimText) -> Bool {
        guard text.words[index] == "may", text.isCapitalized(index) else { return false }
        return index > text.tokenized.sentences[text.sentenceOf[index]].lowerBound
    }

    private func match(_ slots: [Slot], at start: Int, in text: ClaimText) -> Int? {
        var position = start
        for slot in slots {
            if position < text.count, slot.words.contains(text.words[position]) {
                position += 1
            } else if !slot.optional {
                return nil
            }
        }
        return position
    }
}
