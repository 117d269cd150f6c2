import DossierCore
import EntityExtractor

extension CueLexicon {
    /// Learns cue counts from annotated documents: a token is a cue token when
    /// it overlaps a gold cue span.
    public static func learn(from documents: [PolNeARDocument]) -> CueLexicon {
        var lexicon = CueLexicon()
        let prepared = documents.map { document -> ([String], [Bool]) in
            let text = ClaimText(TokenizedText(text: document.text))
            let cues = document.attributions.flatMap(\.cue)
            let inCue = text.tokenized.tokens.map { token in cues.contains { $0.overlaps(token.range) } }
            return (text.words, inCue)
        }
        for (words, inCue) in prepared { lexicon.learn(words: words, inCue: inCue) }
        for (words, inCue) in prepared { lexicon.learnNeighbours(words: words, inCue: inCue) }
        lexicon.prune()
        return lexicon
    }
}
