import DossierCore

/// Scores extraction on the path a user takes: each CoNLL document printed as
/// raw text (`RawCoNLLDocument`), given to a mention extractor (`extract(text)`
/// as the Lua API calls it), and the mentions mapped back to gold tokens by
/// their byte offsets. Scoring is then exactly the gold-token mode's: a
/// mention counts when it starts at a gold token's first byte, ends at a gold
/// token's last, and its type maps to the gold label (PERSON -> PER, ORG ->
/// ORG, GPE and LOC -> LOC, NORP -> MISC). A mention whose edges fall inside a
/// gold token ("Bangladesh" in "Bangladesh-based") is a prediction that can
/// never be right, and counts as such.
extension NEREvaluation {
    public static func evaluateRaw(_ documents: [RawCoNLLDocument], extract: (String) -> [Mention]) -> NEREvaluation {
        var evaluation = NEREvaluation()
        for document in documents {
            evaluation.addRaw(document, mentions: extract(document.text))
        }
        return evaluation
    }

    /// Adds one document's gold entities and the mentions found in its text.
    public mutating func addRaw(_ document: RawCoNLLDocument, mentions: [Mention]) {
        var startIndex: [Int: Int] = [:]
        var endIndex: [Int: Int] = [:]
        for (index, range) in document.tokenRanges.enumerated() {
            startIndex[range.lowerBound] = index
            endIndex[range.upperBound] = index
        }
        var predicted: [TaggedSpan] = []
        for mention in mentions {
            // 1-based inclusive offsets to a 0-based half-open range.
            let bytes = (mention.start - 1)..<mention.stop
            let label = ModelSpanTyping.label(for: mention.type)
            if let tokens = document.goldTokens(covering: bytes, startIndex: startIndex, endIndex: endIndex) {
                predicted.append(TaggedSpan(tokens: tokens, label: label))
            } else {
                addUnaligned(label)
            }
        }
        add(gold: document.entities, predicted: predicted)
    }
}
