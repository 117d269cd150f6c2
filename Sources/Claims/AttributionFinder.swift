import DossierCore
import EntityExtractor

/// Finds attributions (source, cue, content) in raw text without a parser.
///
/// Cues come from the learned `CueLexicon` ("said", "according to", "called
/// for"), plus a colon that introduces a quotation. Around each cue the rules
/// read the shape of news prose:
/// - a quotation just before (“A,” he said / “A,” said Smith), continued by a
///   quotation right after the cue clause (“A,” he said, “B.”) or by a
///   following sentence that is all quotation and names no other speaker;
/// - content before a short cue clause at the end of the sentence ("A, officials said.");
/// - a quotation after the cue (he said: “A.”);
/// - indirect speech: the clause after the cue, to the end of the sentence
///   ("Officials warn that such an alignment could ...").
/// The source is the noun phrase before the cue (past auxiliaries and
/// adverbs), or after it in inversion ("said Smith"); "it is understood that"
/// and other passives have none.
/// With a `ClaimScorer` in the lexicon, claims are also built at weaker
/// candidate cues, and the scorer keeps the claims that look like attributions.
public struct AttributionFinder: Sendable {
    public var lexicon: CueLexicon
    /// Longest source noun phrase, in tokens; longer left contexts are clauses, not subjects.
    public var maximumSourceTokens = 14

    public init(lexicon: CueLexicon) {
        self.lexicon = lexicon
    }

    public static func bundled() throws -> AttributionFinder { AttributionFinder(lexicon: try CueLexicon.bundled()) }

    /// The attributions of `tokenized`, in text order, with spans only
    /// (kind, role, entity and hedges are `ClaimExtractor`'s).
    public func attributions(in tokenized: TokenizedText) -> [Claim] {
        let text = ClaimText(tokenized)
        return Pass(finder: self, text: text).run()
    }

    /// Words that stand between a subject and its verb ("has also said").
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "also", "is", "are", "was", "were", "be", "been", "being", "will", "would", "could",
        "may", "might", "should", "must", "can", "not", "n't", "did", "does", "do", "reportedly", "previously", "later",
        "then", "recently", "repeatedly", "publicly", "privately", "earlier", "further", "again", "often", "already",
        "once", "still", "just", "now", "never", "always", "even", "only", "last", "first", "long", "subsequently",
    ]

    /// Adverbs without "-ly" that stand between a subject and its verb ("perhaps recognizing",
    /// "which together vowed", "almost immediately disclosed"): never the source themselves.
    static let verbAdverbs: Set<String> = ["perhaps", "almost", "together", "yet", "maybe", "soon", "nearly", "instead", "quickly"]

    /// Adverbs that say the clause is hearsay, naming no one ("reportedly", "purportedly").
    static let evidentialAdverbs: Set<String> = ["reportedly", "allegedly", "purportedly", "supposedly", "reputedly"]

    /// Words that end a subject noun phrase on its left.
    static let leftBoundaries: Set<String> = [
        "that", "because", "while", "when", "if", "so", "although", "though", "whether", "where", "but", "than",
        "as", "after", "before", "since", "until", "unless", "whom", "what", "how", "why", "said", "says", "and",
        "or", "to", "is", "was", "are", "were", "which",
    ]
    /// Words that open an apposition or relative clause after a name ("Smith, a spokesman,").
    static let appositionStarts: Set<String> = ["a", "an", "the", "who", "whose", "his", "her", "their", "its", "one", "chairman", "president", "director", "head", "former", "now"]
    /// Dashes that sign a quotation with its speaker's name ("“A.” — Name").
    static let dashes: Set<String> = ["-", "--", "—", "―", "–"]
    /// Conjunctions joining a second verb to the subject's first ("called ... and said").
    static let coordinators: Set<String> = ["and", "but"]
    /// Words before a fronted participle clause ("When asked about ...").
    static let participleOpeners: Set<String> = ["when", "if", "as", "once", "after", "unless"]
    /// Relative pronouns that are themselves the annotated source ("people who say").
    static let relativeSources: Set<String> = ["who", "which"]
    /// Prepositions and conjunctions opening an adjunct set off by commas between a
    /// subject and its verb ("Sexton, after previous rallies, wrote").
    static let asideOpeners: Set<String> = ["in", "at", "on", "after", "during", "while", "when", "like", "despite", "through", "unlike", "amid"]
    /// Words opening a relative clause or described apposition after a name's comma.
    static let relativeOpeners: Set<String> = ["who", "whose", "whom", "which", "a", "an", "the"]

    /// Words that end an inverted source on its right ("said Smith on Tuesday").
    static let rightBoundaries: Set<String> = [
        "in", "on", "at", "during", "to", "that", "about", "after", "before", "when", "while", "last", "this",
        "yesterday", "today", "tonight", "earlier", "as", "recently", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "and", "but", "because", "told", "adding", "noting", "via",
    ]
    /// Plural nouns that stand as (anonymous) sources.
    static let sourceNouns: Set<String> = [
        "officials", "sources", "analysts", "experts", "diplomats", "observers", "insiders", "aides", "critics",
        "officers", "investigators", "researchers", "economists", "lawmakers", "authorities", "residents", "witnesses",
    ]
    /// Labels of page furniture ("By: name", "Updated: date"), never speakers.
    static let pageLabels: Set<String> = [
        "by", "updated", "posted", "published", "photo", "photos", "source", "read", "share", "tags", "unlock", "left",
        "editor", "note", "image", "credit", "credits", "file", "also", "related", "watch", "listen", "advertisement",
    ]
    static let functionWords: Set<String> = [
        "under", "in", "on", "at", "of", "for", "by", "with", "from", "into", "over", "the", "a", "an", "this", "that",
        "these", "those", "its", "their", "his", "her", "our", "not", "no", "also", "having", "being",
    ]
    /// Prepositions and time words that begin adjuncts of the cue, not content.
    static let adjunctStarts: Set<String> = [
        "in", "on", "at", "during", "last", "this", "earlier", "later", "yesterday", "today", "after", "before", "from",
        "with", "to", "of", "for", "by", "while", "when", "as",
    ]
    /// Conjunctions that open a subordinate clause before the main one.
    static let subordinators: Set<String> = [
        "when", "while", "whilst", "until", "if", "because", "although", "though", "since", "after", "before", "as",
        "once", "unless", "whereas", "whenever",
    ]
    /// Cue words that, before these words, are the first half of a compound noun.
    static let compoundNouns: [String: Set<String>] = ["think": ["tank", "tanks"], "say": ["so"], "show": ["host", "hosts"]]
    /// Determiners and pronouns that open a noun phrase, not a verb, after "to".
    static let nounPhraseStarts: Set<String> = [
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "him", "them",
        "me", "us", "it", "you", "some", "all", "any", "each", "every", "both",
    ]
    /// Determiners that deny there is a source at all.
    static let negativeDeterminers: Set<String> = ["neither", "no", "nobody", "none", "nor"]
    /// Words that open a sentence before its subject ("But", "Still,").
    static let sentenceConnectives: Set<String> = ["but", "and", "so", "yet", "still", "however", "or", "then", "now", "meanwhile"]
    /// "-ly" words that are not adverbs.
    static let lyVerbs: Set<String> = ["reply", "apply", "imply", "rely", "supply", "comply", "ally", "fly", "belly"]
    static func isAdverb(_ word: String) -> Bool { word.hasSuffix("ly") && word.utf8.count > 4 && !lyVerbs.contains(word) }
    /// Verbs whose subject belongs to their complement ("seems to", "appeared to").
    static let raisingVerbs: Set<String> = ["seem", "seems", "seemed", "appear", "appears", "appeared"]
    static let beVerbs: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "'s", "’s"]
    static let impersonal: Set<String> = ["it", "there"]
    /// Punctuation that does not end a noun phrase: possessives, brackets, dots of initials.
    static let phrasePunctuation: Set<String> = ["'s", "’s", "'", "’", "(", ")", "&", "-", ".", "/"]
}

extension AttributionFinder {
    struct Pass {
        let finder: AttributionFinder
        let text: ClaimText
        var cue: [Bool]
        /// Where claims may start: the cues, and under a claim scorer also words the
        /// classifier scored above its candidate margin. Only `cue` bounds sources and
        /// contents. A weak candidate the scorer drops can still matter: a cue
        /// right after it is merged into its claim ("said in a statement") and
        /// goes with it.
        var candidate: [Bool]
        var takesNext: [Bool]
        /// Whether the word reports by its counts alone: the lexicon saw it inside
        /// cues more often than not (or it is a cue with its own complement), or a rule made it one
        /// ("analysts stress that", "it is understood that", a colon before a
        /// quotation). The classifier also takes words that only sometimes report
        /// ("signed" 21 of 66); inside another claim's content such a word is the
        /// reported clause's own verb, not a new claim.
        var reports: [Bool]
        /// The cue classifier's score of each token it was asked about (nan elsewhere), for the claim scorer.
        var cueScores: [Double]
        /// For each token, the first comma at or after it that opens another
        /// cue's clause (", he said": a cue within the four tokens after it),
        /// or `text.count`; and for such a comma, that cue. `indirect` ends
        /// its content there. Found once per text: scanning forward from each
        /// cue made a text of one long sentence quadratic (an 80k-word
        /// sentence with a cue every few lines: 46 s).
        let nextCueClauseComma: [Int]
        let cueAfterComma: [Int: Int]
        /// Counts the steps of the scans per cue, for the scaling tests (`WorkCounter`).
        let work = WorkCounter.current

        init(finder: AttributionFinder, text: ClaimText) {
            self.finder = finder
            self.text = text
            let count = text.count
            var cue = [Bool](repeating: false, count: count)
            var takesNext = [Bool](repeating: false, count: count)
            var reports = [Bool](repeating: false, count: count)
            var cueScores = [Double](repeating: .nan, count: count)
            var candidate = [Bool](repeating: false, count: count)
            let candidateMargin = finder.lexicon.claimScorer == nil ? Double.infinity : finder.lexicon.candidateMargin
            var deadline = DeadlineCheck()
            for index in 0..<count where !deadline.hasPassed() {
                let word = text.words[index]
                if word == ":" {
                    // A colon is a cue when it introduces a quotation and no verb before it is one.
                    cue[index] = index + 1 < count && text.quotes[index + 1] == .open && index > 0 && !cue[index - 1]
                        && !text.isPunctuation(index - 1)
                    reports[index] = cue[index]
                    continue
                }
                // "The FBI is reportedly making arrangements": an evidential adverb the lexicon saw
                // in cues more often than not is a source-less cue (unless a cue follows it).
                if AttributionFinder.isAdverb(word), AttributionFinder.evidentialAdverbs.contains(word), finder.lexicon.reportsByItself(word) {
                    cue[index] = true
                    reports[index] = true
                    continue
                }
                // Auxiliaries and adverbs inside annotated cues ("has long said") are not cues by themselves.
                guard !text.isPunctuation(index), !AttributionFinder.auxiliaries.contains(word) else { continue }
                // "think tanks like the Brookings Institution": a verb of thinking as the first
                // half of a compound noun reports nothing.
                if index + 1 < count, AttributionFinder.compoundNouns[word]?.contains(text.words[index + 1]) == true { continue }
                let judged = finder.lexicon.judge(previous: index > 0 ? text.words[index - 1] : nil, word: word,
                                                  next: index + 1 < count ? text.words[index + 1] : nil)
                cue[index] = judged.isCue
                // Its own rate, not its neighbour's: "signed a" was a cue 6 times in 10
                // ("signed a letter saying"), "signed" 21 in 66. An explicit complement
                // ("that", a quotation) lets a rarer reporting word report.
                let nextWord = index + 1 < count ? text.words[index + 1] : ""
                reports[index] = finder.lexicon.reportsByItself(word)
                    || judged.isCue && (nextWord == "that" || index + 1 < count && text.quotes[index + 1] == .open)
                if let classifier = finder.lexicon.classifier, finder.lexicon.isCandidate(word) {
                    let score = classifier.score(text, index, lexicon: finder.lexicon)
                    cueScores[index] = score
                    cue[index] = score > finder.lexicon.margin
                        || finder.lexicon.confidentPair(word: word, next: index + 1 < count ? text.words[index + 1] : nil)
                    candidate[index] = score > candidateMargin
                }
                takesNext[index] = (cue[index] || candidate[index]) && judged.takesNext && index + 1 < count
                // "Analysts stress that ...": a word between a source noun and "that" reports,
                // even when the lexicon never saw it do so.
                if !cue[index], index > 0, index + 1 < count, text.words[index + 1] == "that",
                   AttributionFinder.sourceNouns.contains(text.words[index - 1]) {
                    cue[index] = true
                    reports[index] = true
                }
                // "The governor added: ⏎ It's typical ...": a word the lexicon knows as a cue, before a
                // colon that ends its paragraph, introduces the next paragraph.
                if !cue[index], index + 2 < count, text.words[index + 1] == ":", text.paragraphBreak(between: index + 1, and: index + 2),
                   finder.lexicon.isCandidate(word) {
                    cue[index] = true
                    reports[index] = true
                }
                // "It is understood that ...": an impersonal passive reports without a source.
                if !cue[index], index > 1, index + 1 < count, text.words[index + 1] == "that", text.words[index - 2] == "it",
                   AttributionFinder.beVerbs.contains(text.words[index - 1]), word.hasSuffix("ed") || word.hasSuffix("wn") || ["understood", "thought", "said", "felt", "held"].contains(word) {
                    cue[index] = true
                    reports[index] = true
                }
            }
            // An adverb ("publicly", "rarely") is a cue only as part of the cue after it
            // ("publicly announced"); alone it leaves "are rarely viewed" a fragment.
            for index in stride(from: count - 1, through: 0, by: -1) where (cue[index] || candidate[index]) && AttributionFinder.isAdverb(text.words[index]) {
                if AttributionFinder.evidentialAdverbs.contains(text.words[index]), reports[index],
                   !(index + 1 < count && (cue[index + 1] || candidate[index + 1])) { continue }
                cue[index] = index + 1 < count && cue[index + 1]
                candidate[index] = index + 1 < count && candidate[index + 1]
                takesNext[index] = false
            }
            for index in 0..<count where cue[index] { candidate[index] = true }
            self.cue = cue
            self.candidate = candidate
            self.takesNext = takesNext
            self.reports = reports
            self.cueScores = cueScores
            var nextComma = [Int](repeating: count, count: count + 1)
            var cueAfterComma: [Int: Int] = [:]
            for index in stride(from: count - 1, through: 0, by: -1) {
                nextComma[index] = nextComma[index + 1]
                guard text.words[index] == ",", index + 4 < count else { continue }
                if let ahead = ((index + 1)...(index + 4)).first(where: { cue[$0] }) {
                    cueAfterComma[index] = ahead
                    nextComma[index] = index
                }
            }
            self.nextCueClauseComma = nextComma
            self.cueAfterComma = cueAfterComma
        }

        func run() -> [Claim] {
            var claims: [Claim] = []
            var index = 0
            // A time budget (`WorkDeadline`) ends the walk; the caller throws the partial answer away.
            var deadline = DeadlineCheck()
            var cover = ContentCover()
            defer { work?.add(cover.steps, ClaimExtractor.scanWork) }
            let speakers = speakerLabelCounts()
            while index < text.count, !deadline.hasPassed() {
                // "PENCE: Well, look, ...": a transcript's speaker label is the rule's own
                // shape; the claim scorer, which reads a cue word's score, has none to read.
                if text.words[index] == ":", let claim = speakerLabelClaim(colon: index, speakers: speakers) {
                    claims.append(claim)
                    cover.add(claim.content, sentence: claim.sentence)
                    index += 1
                    continue
                }
                if text.words[index] == ":", !cue[index], let claim = headlineClaim(colon: index), keeps(claim) {
                    claims.append(claim)
                    cover.add(claim.content, sentence: claim.sentence)
                    index += 1
                    continue
                }
                if AttributionFinder.dashes.contains(text.words[index]), let claim = signedQuotation(dash: index), keeps(claim) {
                    claims.append(claim)
                    cover.add(claim.content, sentence: claim.sentence)
                    index += 1
                    continue
                }
                guard candidate[index] else { index += 1; continue }
                // "Pakistan said it has signed a pact": a verb inside an earlier claim's
                // content (of its sentence) starts a claim of its own only when it reports by its counts.
                if !reports[index], cover.covers(text.tokenized.tokens[index].range.lowerBound, sentence: text.sentenceOf[index] + 1) {
                    index += 1
                    continue
                }
                // "said in a statement", "also said": neighbouring cue words are one cue.
                var cueEnd = takesNext[index] ? index + 2 : index + 1
                while cueEnd < text.count, candidate[cueEnd], text.words[cueEnd] != ":", text.sentenceOf[cueEnd] == text.sentenceOf[index] {
                    cueEnd = takesNext[cueEnd] ? cueEnd + 2 : cueEnd + 1
                }
                cueEnd = min(cueEnd, text.count)
                let previous = claims.last.flatMap { $0.sentence == text.sentenceOf[index] + 1 ? $0 : nil }
                if let claim = claim(cue: index..<cueEnd, previous: previous), keeps(claim) {
                    claims.append(claim)
                    cover.add(claim.content, sentence: claim.sentence)
                }
                index = cueEnd
            }
            // Claims at cue words whose claims were rarely right on the training texts go.
            return claims.filter { claim in
                guard let token = text.token(at: claim.cue.lowerBound) else { return true }
                return !finder.lexicon.dropsClaims(at: text.words[token])
            }
        }

        /// Whether the claim scorer, if any, keeps the claim.
        func keeps(_ claim: Claim) -> Bool {
            guard let scorer = finder.lexicon.claimScorer else { return true }
            let token = scoredCueToken(claim)
            // A cue the counts or a rule made where the classifier did not ("note that",
            // "analysts stress that"): the scorer, which reads the classifier's score, is not asked.
            if cue[token], !scorer.judgesCues || !(cueScores[token] > finder.lexicon.margin) { return true }
            // "a move officially acknowledged by Pakistan's Ministry of Foreign Affairs": the
            // passive agent's claim is the rule's; the scorer, which saw few of them, distrusts
            // a source after the cue and a short content before it.
            if let source = claim.source, source.lowerBound >= claim.cue.upperBound, let after = text.token(at: claim.cue.upperBound),
               text.words[after] == "by" { return true }
            // "The governor added: ⏎ It's typical ...": a block quotation after a colon ending the
            // cue's paragraph is the rule's shape too (the scorer reads a quotation or clause after the cue).
            if let last = text.token(at: claim.cue.upperBound - 1),
               let colon = [last, last + 1].first(where: { $0 + 1 < text.count && text.words[$0] == ":" }),
               text.paragraphBreak(between: colon, and: colon + 1) { return true }
            return scorer.score(scorerFeatures(claim)) > scorer.threshold
        }

        /// The claim scorer's features of `claim`: its cue word is the first one the classifier scored.
        func scorerFeatures(_ claim: Claim) -> [String] {
            let cueToken = scoredCueToken(claim)
            let score = cueScores[cueToken]
            return ClaimScorer.features(claim, cueToken: cueToken, cueScore: score.isNaN ? nil : score, text: text)
        }

        /// The first token of the claim's cue that the classifier scored, else its first token.
        private func scoredCueToken(_ claim: Claim) -> Int {
            let first = text.token(at: claim.cue.lowerBound) ?? 0
            var cueToken = first
            var position = first
            while position < text.count, text.tokenized.tokens[position].range.lowerBound < claim.cue.upperBound {
                if !cueScores[position].isNaN { cueToken = position; break }
                position += 1
            }
            return cueToken
        }

        private func sentence(of index: Int) -> Range<Int> {
            text.tokenized.sentences[text.sentenceOf[index]]
        }

        /// The sentence's last token that is not closing punctuation.
        private func contentEnd(_ sentence: Range<Int>) -> Int {
            var end = sentence.upperBound
            while end > sentence.lowerBound {
                let word = text.words[end - 1]
                if word == "." || word == "!" || word == "?" || word == ";" || word == "," || word == ":" { end -= 1; continue }
                if text.quotes[end - 1] == .close, text.quotationAt[end - 1] == nil { end -= 1; continue }
                break
            }
            return end
        }

        private func isLeftBoundary(_ index: Int) -> Bool {
            let word = text.words[index]
            if cue[index] { return true }
            if text.quotes[index] != .none { return true }
            if text.isPunctuation(index) { return !AttributionFinder.phrasePunctuation.contains(word) }
            return AttributionFinder.leftBoundaries.contains(word)
        }

        private func isRightBoundary(_ index: Int) -> Bool {
            let word = text.words[index]
            if cue[index] || text.quotes[index] != .none { return true }
            if text.isPunctuation(index) { return !AttributionFinder.phrasePunctuation.contains(word) || word == "." }
            return AttributionFinder.rightBoundaries.contains(word)
        }

        /// The claim of the cue at `cueTokens`; `previous` is the claim found
        /// before it in its sentence, if any.
        func claim(cue cueTokens: Range<Int>, previous: Claim? = nil) -> Claim? {
            let c = cueTokens.lowerBound
            let sentence = self.sentence(of: c)
            let word = text.words[c]
            if word == "according" { return accordingTo(cueTokens, sentence: sentence) }
            if AttributionFinder.evidentialAdverbs.contains(word), reports[c], cueTokens.count == 1 { return reportedly(c, sentence: sentence) }

            // The subject on the left, past auxiliaries and adverbs.
            var j = c - 1
            var passive = false
            // The first be-verb of a passive ("is widely expected"): part of the cue.
            var beVerb: Int?
            while j >= sentence.lowerBound, AttributionFinder.auxiliaries.contains(text.words[j]) || AttributionFinder.verbAdverbs.contains(text.words[j])
                    || text.words[j].hasSuffix("ly") && j < c && !text.isCapitalized(j) {
                if AttributionFinder.beVerbs.contains(text.words[j]) { passive = true; beVerb = j }
                j -= 1
            }
            // "are hoping" is progressive, not passive: its subject is the source.
            if passive, word.hasSuffix("ing") {
                passive = false
                beVerb = nil
            }
            let leftEnd = j + 1
            var k = j
            while k >= sentence.lowerBound, !isLeftBoundary(k), leftEnd - k <= finder.maximumSourceTokens + 1 {
                // A pronoun is a whole subject ("countries he said had ..."). (A cut at
                // lower-case -ed words, tried, lost more sources than it mended.)
                if SourceClassifier.subjectPronouns.contains(text.words[k]) { k -= 1; break }
                k -= 1
            }
            var source: Range<Int>?
            if k + 1 < leftEnd, leftEnd - (k + 1) <= finder.maximumSourceTokens {
                source = (k + 1)..<leftEnd
            } else if k + 1 == leftEnd, k >= sentence.lowerBound, AttributionFinder.relativeSources.contains(text.words[k]) {
                source = k..<(k + 1)
                k -= 1
            }
            // "“… race,” adding that …": the comma may stand inside the closing quotation mark.
            let commaBefore = leftEnd - 1 >= sentence.lowerBound && (text.words[leftEnd - 1] == ","
                || text.quotes[leftEnd - 1] == .close && leftEnd - 2 >= sentence.lowerBound && text.words[leftEnd - 2] == ",")
            // "Carson endorsed Mr. Trump at Mar-a-Lago, Mr. Trump's private club, calling him ...": a
            // participle after a comma goes on with the clause before it; what stands just before
            // the comma is its object or an apposition, and is its subject only when nothing else is.
            let participleAfterComma = source == nil && commaBefore && word.hasSuffix("ing")
                && !(leftEnd..<c).contains { AttributionFinder.auxiliaries.contains(text.words[$0]) }
            if source == nil, !participleAfterComma, leftEnd - 1 > sentence.lowerBound, text.words[leftEnd - 1] == ",",
               text.quotes[leftEnd - 2] != .close, let apposed = apposition(endingAt: leftEnd - 1, sentence: sentence) {
                source = apposed
            }
            // "Speaker Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday called":
            // a short time or place adjunct between the comma and the verb is not the subject;
            // the name and its apposition before the comma are.
            if let found = source, found.count <= 4, found.lowerBound - 1 > sentence.lowerBound,
               AttributionFinder.adjunctStarts.contains(text.words[found.lowerBound]),
               text.words[found.lowerBound - 1] == ",", text.quotes[found.lowerBound - 2] != .close,
               let apposed = apposition(endingAt: found.lowerBound - 1, sentence: sentence) {
                source = apposed
            }
            if source == nil, leftEnd - 1 > sentence.lowerBound, AttributionFinder.dashes.contains(text.words[leftEnd - 1]),
               let subject = subjectAroundDashes(endingAt: leftEnd - 1, sentence: sentence) {
                source = subject
            }
            // (", perhaps recognizing": an adverb may stand between the comma and the participle.)
            if participleAfterComma {
                // "“A,” Anderson said, adding that ...": the participle goes on with the
                // speaker of the claim before it in the sentence; "He left early, saying
                // ...": else with the sentence's subject.
                if let speaker = previous?.source, let last = previous?.extent, last.upperBound <= text.span(cueTokens).lowerBound {
                    return participleClaim(cueTokens, subject: speaker, sentence: sentence)
                }
                if let subject = sentenceSubject(sentence, before: leftEnd - 1) {
                    return participleClaim(cueTokens, subject: text.span(subject), sentence: sentence)
                }
                if leftEnd - 1 > sentence.lowerBound, text.words[leftEnd - 1] == ",", text.quotes[leftEnd - 2] != .close {
                    source = apposition(endingAt: leftEnd - 1, sentence: sentence)
                }
            }
            // "Graham called both "crazy" and said ...": a second verb of the subject's, the
            // speaker of the claim before it in the sentence when there is one.
            // The source then stands apart from the cue clause, which starts at the conjunction.
            var sharedSubject = false
            if source == nil, !passive, leftEnd - 1 > sentence.lowerBound, AttributionFinder.coordinators.contains(text.words[leftEnd - 1]) {
                if let previous, let speaker = previous.source, previous.cue.upperBound <= text.span(cueTokens).lowerBound,
                   let first = text.token(at: speaker.lowerBound), let last = text.token(at: max(speaker.lowerBound, speaker.upperBound - 1)),
                   first <= last {
                    source = first..<(last + 1)
                    sharedSubject = true
                } else if let subject = sentenceSubject(sentence, before: leftEnd - 1) {
                    source = subject
                    sharedSubject = true
                }
            }
            // "Asked whether ..., 75 percent said": a fronted participle clause names
            // no one who asked; its content runs to the comma that ends it.
            if source == nil, !passive, word.hasSuffix("ed"), let claim = frontedParticiple(cueTokens, sentence: sentence) {
                return claim
            }
            // A source is a noun phrase, never a lone function word ("under renewed pressure").
            if let found = source, found.count == 1, AttributionFinder.functionWords.contains(text.words[found.lowerBound]) {
                source = nil
            }
            // "Neither government has announced ...", "No one has claimed ...": nobody said it.
            if let found = source, AttributionFinder.negativeDeterminers.contains(text.words[found.lowerBound]) { return nil }
            var sourceless = false
            if let found = source, found.count == 1, AttributionFinder.impersonal.contains(text.words[found.lowerBound]), passive {
                source = nil
                sourceless = true
            } else if source == nil, passive {
                sourceless = true
            }
            let clauseStart = sharedSubject ? leftEnd : source?.lowerBound ?? leftEnd
            let before = clauseStart - 1
            let colon = text.words[c] == ":"
            // "his guilty pleasure: “Saturday Night Live”", "irritated: “Just email it”": before a
            // colon only a name, a pronoun or a speaking noun ("officials") is a speaker.
            // "The statement was blunt: “...”": the subject of the be-verb before the phrase.
            if colon, let found = source, !text.isCapitalized(found.lowerBound),
               !SourceClassifier.subjectPronouns.contains(text.words[found.lowerBound]),
               !AttributionFinder.sourceNouns.contains(text.words[found.upperBound - 1]) {
                let be = found.lowerBound - 1
                guard be > sentence.lowerBound, AttributionFinder.beVerbs.contains(text.words[be]) else { return nil }
                var start = be
                while start > sentence.lowerBound, be - start < finder.maximumSourceTokens, !isLeftBoundary(start - 1) { start -= 1 }
                guard start < be, text.isCapitalized(start) || SourceClassifier.subjectPronouns.contains(text.words[start])
                        || ["the", "a", "an"].contains(text.words[start]) else { return nil }
                source = start..<be
            }

            // Inversion: "“…,” said Smith" or ", said Smith."
            var after = cueTokens.upperBound
            var inverted = false
            if source == nil, !sourceless, !colon, before >= 0, text.words[before] == "," || text.quotes[before] == .close {
                var end = after
                while end < sentence.upperBound, !isRightBoundary(end), end - after < finder.maximumSourceTokens { end += 1 }
                if end > after {
                    source = after..<end
                    after = end
                    inverted = true
                }
            }
            // "a move acknowledged by the Ministry": the agent is the source, the subject the content.
            if cueTokens.upperBound < sentence.upperBound, text.words[cueTokens.upperBound] == "by", !colon {
                let agentStart = cueTokens.upperBound + 1
                var end = agentStart
                while end < sentence.upperBound, !isRightBoundary(end) || text.words[end] == "of", end - agentStart < finder.maximumSourceTokens { end += 1 }
                // "a move acknowledged by the Ministry and reported by news agencies": a second
                // passive shares the first's subject ("a move"), not its agent.
                if end > agentStart, sharedSubject, let previous, let agent = previous.source,
                   agent.lowerBound >= previous.cue.upperBound {
                    return Claim(source: text.span(agentStart..<end), cue: text.span(cueTokens), content: previous.content,
                                 sentence: text.sentenceOf[c] + 1)
                }
                if end > agentStart, let subject = source {
                    return Claim(source: text.span(agentStart..<end), cue: text.span(cueTokens), content: [text.span(subject)],
                                 sentence: text.sentenceOf[c] + 1)
                }
            }
            // "Trump is expected to win", "Kasich appears to have the state to himself": the
            // subject of a passive or raising verb is what is reported, and the text names no
            // one who reports it (PolNeAR's annotators mark these source-less).
            if let subject = source, !sourceless, !colon, subject.upperBound <= c,
               passive || AttributionFinder.raisingVerbs.contains(word) {
                // "to win": the infinitive is the content, however short.
                let rest = after < contentEnd(sentence) && text.words[after] == "to"
                    ? [text.span(after..<contentEnd(sentence))] : indirect(from: after, sentence: sentence)
                guard !rest.isEmpty else { return nil }
                let cueStart = beVerb ?? c
                return Claim(source: nil, cue: text.span(cueStart..<cueTokens.upperBound), content: [text.span(subject)] + rest,
                             sentence: text.sentenceOf[c] + 1)
            }
            guard source != nil || sourceless else { return nil }

            var content: [ByteSpan] = []
            // "The visit was followed, sources said, by talks": the sentence around the cue clause.
            if let found = source, before > sentence.lowerBound, text.words[before] == ",", after < sentence.upperBound,
               text.words[after] == ",", !opensAnotherCueClause(after), text.quotes[before - 1] != .close, found.lowerBound == before + 1 {
                var start = sentence.lowerBound
                if text.quotes[start] == .open, text.quotationAt[start] == nil { start += 1 }
                let end = contentEnd(sentence)
                if start < before, after + 1 < end {
                    return Claim(source: text.span(found), cue: text.span(cueTokens),
                                 content: [text.span(start..<before), text.span((after + 1)..<end)], sentence: text.sentenceOf[c] + 1)
                }
            }
            // What follows the cue: "said: “A.”" or "said “A.”" takes a quotation after it.
            let quotationFollows = after < text.count && (text.words[after] == ":" || text.quotes[after] == .open)
            // A quotation just before the cue clause: in its sentence, or ending the sentence
            // before when the cue clause says nothing after it ("“A.” ⏎ he said.");
            // "“A.” ⏎ The Times said the emails ..." reports something else.
            // "In an interview on CBS's “Face the Nation,” Ryan said the shootings ...", "Last week,
            // Republicans approved a bill ...": what stands before the cue clause is an opening
            // adjunct (a quoted title in it), and the cue's own clause follows.
            let clauseFollows = after < contentEnd(sentence) && !tailIsAdjunct(after, sentence)
            if before >= 0, before >= sentence.lowerBound || tailIsAdjunct(after, sentence) && !quotationFollows,
               let close = closingQuote(endingAt: before), let open = text.quotationAt[close]?.open ?? openingQuote(before: close),
               !(clauseFollows && open > sentence.lowerBound && opensWithAdjunct(sentence, before: open)) {
                content.append(text.span(open..<(close + 1)))
                content += continuation(after: after, sentence: sentence)
            } else if before > sentence.lowerBound, text.words[before] == ",", !quotationFollows,
                      tailIsShort(after, sentence) || inverted && text.words[after] == "," || opensAnotherCueClause(after),
                      !(clauseFollows && !inverted && (isShortOpeningAdjunct(sentence, before: before)
                          || isOpeningSubordinateClause(sentence, before: before) && goesOnAsAClause(after, sentence))) {
                // "A, officials said." The content runs from the sentence start to the comma.
                // "A, said Lee Epstein, who teaches law at ...": after an inverted source a
                // comma opens its apposition, however long, not the content.
                var start = sentence.lowerBound
                if text.quotes[start] == .open, text.quotationAt[start] == nil { start += 1 }
                if start < before { content.append(text.span(start..<before)) }
            }
            // "As the Post reported, Republicans now control ...": the clause after the comma.
            if content.isEmpty, let found = source, found.lowerBound - 1 >= sentence.lowerBound, text.words[found.lowerBound - 1] == "as",
               after < sentence.upperBound, text.words[after] == "," {
                content += indirect(from: after + 1, sentence: sentence)
            }
            if content.isEmpty {
                var next = after
                if next < sentence.upperBound || next < text.count, next < text.count, text.words[next] == ":" || text.words[next] == "," { next += 1 }
                if next < text.count, text.quotes[next] == .open, let pair = text.quotationAt[next] {
                    content.append(text.span(pair.open..<(pair.close + 1)))
                    content += continuation(after: pair.close + 1, sentence: self.sentence(of: pair.close))
                } else if let colonAt = [after, after - 1].first(where: { $0 > c && $0 + 1 < text.count && text.words[$0] == ":" }),
                          text.paragraphBreak(between: colonAt, and: colonAt + 1) {
                    // "The governor added: ⏎ It's typical of ...", "The New York Times reports: ⏎
                    // \"In an illustration ...": a cue clause ending its paragraph with a colon
                    // introduces the next paragraph, quoted or not.
                    // (The colon may be the cue's last token: "said:" is learned as one cue.)
                    let end = paragraphContentEnd(from: colonAt + 1)
                    if end > colonAt + 1 { content.append(text.span((colonAt + 1)..<end)) }
                } else if !colon {
                    content += indirect(from: clauseAfterAside(after, sentence: sentence), sentence: sentence)
                }
            }
            guard !content.isEmpty else { return nil }
            let cueSpan = text.span(cueTokens)
            return Claim(source: source.map { text.span($0) }, cue: cueSpan, content: content,
                         sentence: text.sentenceOf[c] + 1)
        }

        /// Whether the sentence opens (past a connective) with a preposition, a time word,
        /// "like" or a capitalised "-ing" participle before token `limit`: an adjunct, not a subject.
        private func opensWithAdjunct(_ sentence: Range<Int>, before limit: Int) -> Bool {
            var first = sentence.lowerBound
            while first < limit, AttributionFinder.sentenceConnectives.contains(text.words[first]) || text.words[first] == "," { first += 1 }
            guard first < limit else { return false }
            let word = text.words[first]
            return AttributionFinder.adjunctStarts.contains(word) || word == "like" || word.hasSuffix("ing") && text.isCapitalized(first)
        }

        /// Whether the words from the sentence start to the comma at `comma` are one short
        /// opening adjunct ("Last week,", "In July,"): at most eight words, no other comma.
        private func isShortOpeningAdjunct(_ sentence: Range<Int>, before comma: Int) -> Bool {
            guard comma - sentence.lowerBound <= 8, opensWithAdjunct(sentence, before: comma) else { return false }
            return !(sentence.lowerBound..<comma).contains { text.words[$0] == "," || text.quotes[$0] != .none }
        }

        /// Whether the words from the sentence start to the comma at `comma` are one opening
        /// subordinate clause, prepositional phrase or participle of any length, with no other
        /// comma or quotation in it: "When the moderator pointed out that Trump hadn't answered,
        /// the candidate said ...", "Asked if he was ever bullied, the candidate said no".
        private func isOpeningSubordinateClause(_ sentence: Range<Int>, before comma: Int) -> Bool {
            var first = sentence.lowerBound
            while first < comma, AttributionFinder.sentenceConnectives.contains(text.words[first]) { first += 1 }
            guard first < comma else { return false }
            let word = text.words[first]
            let participle = text.isCapitalized(first) && (word.hasSuffix("ed") || word.hasSuffix("ing"))
            guard AttributionFinder.subordinators.contains(word) || AttributionFinder.adjunctStarts.contains(word)
                    || AttributionFinder.asideOpeners.contains(word) || participle else {
                return false
            }
            return !(first..<comma).contains { text.words[$0] == "," || text.words[$0] == ";" || text.quotes[$0] != .none }
        }

        /// Whether what follows the cue clause reads as its own content rather than a time
        /// word ("said no", "said families ... file lawsuits"; not "said Tuesday").
        private func goesOnAsAClause(_ after: Int, _ sentence: Range<Int>) -> Bool {
            let end = contentEnd(sentence)
            return end - after >= 2 || end - after == 1 && !text.isCapitalized(after)
        }

        /// Where indirect content starts after an aside between the cue and its clause:
        /// "He said, however, that ...", "says, win or lose, he's staying", "said — on
        /// Twitter, as it happens — that ...". A comma before another cue ("said,
        /// adding that") or a conjunction ("said, and ...") opens no content of this claim.
        private func clauseAfterAside(_ after: Int, sentence: Range<Int>) -> Int {
            guard after + 1 < sentence.upperBound else { return after }
            let word = text.words[after]
            if word == "," {
                let next = after + 1
                if cue[next] || AttributionFinder.coordinators.contains(text.words[next]) || text.words[next] == "or" { return after }
                return next
            }
            if AttributionFinder.dashes.contains(word) {
                var close = after + 1
                while close < sentence.upperBound, close - after < 16, !AttributionFinder.dashes.contains(text.words[close]) { close += 1 }
                if close < sentence.upperBound, close - after < 16, close + 1 < sentence.upperBound { return close + 1 }
            }
            return after
        }

        /// "Many speakers at the service — including Muslims, Christians — said": a
        /// subject with a parenthetical between dashes before the cue. The subject is
        /// the noun phrase before the first dash with the parenthetical.
        private func subjectAroundDashes(endingAt dash: Int, sentence: Range<Int>) -> Range<Int>? {
            var open = dash - 1
            while open > sentence.lowerBound, dash - open < 20, !AttributionFinder.dashes.contains(text.words[open]) {
                if cue[open] || text.quotes[open] != .none { return nil }
                open -= 1
            }
            guard open > sentence.lowerBound, dash - open < 20, AttributionFinder.dashes.contains(text.words[open]), open + 1 < dash else { return nil }
            var start = open
            while start > sentence.lowerBound, open - start < finder.maximumSourceTokens, !isLeftBoundary(start - 1) { start -= 1 }
            guard start < open, !AttributionFinder.functionWords.contains(text.words[start]) || open - start > 1 else { return nil }
            return start..<dash
        }

        /// "Name, a spokesman for X, said": the name and its appositions up to
        /// the comma before the cue, when the first segment starts with a capital.
        private func apposition(endingAt comma: Int, sentence: Range<Int>) -> Range<Int>? {
            var end = comma
            var commas = 0
            var start = comma
            while commas < 3 {
                var k = end - 1
                while k >= sentence.lowerBound, !isLeftBoundary(k) { k -= 1 }
                guard k + 1 < end, comma - (k + 1) <= 3 * finder.maximumSourceTokens else { return nil }
                start = k + 1
                // "Gov. John Kasich (R-Ohio), said": a name with its bracketed party and state is
                // the whole subject, whatever adjunct stands before it ("after winning Ohio, Gov. ...").
                if commas == 0, text.words[comma - 1] == ")", text.isCapitalized(start) { return start..<comma }
                if k >= sentence.lowerBound, text.words[k] == ",", commas < 2 {
                    end = k
                    commas += 1
                    continue
                }
                break
            }
            // "the White House spokesman, Josh Earnest, said": a description with the name after its comma.
            let describedName = ["the", "a", "an"].contains(text.words[start]) && end + 1 < comma && text.isCapitalized(end + 1)
            guard commas >= 1, text.isCapitalized(start) || SourceClassifier.personPronouns.contains(text.words[start]) || describedName else {
                return longApposition(endingAt: comma, sentence: sentence)
            }
            return start..<comma
        }

        /// Whether token `index` can begin an apposition or a relative clause after a name's comma.
        private func opensApposition(_ index: Int) -> Bool {
            guard index < text.count else { return false }
            let word = text.words[index]
            if AttributionFinder.appositionStarts.contains(word) || text.isCapitalized(index) { return true }
            guard let first = word.utf8.first else { return false }
            return first >= 0x30 && first <= 0x39
        }

        /// Whether token `index` opens a relative clause, a participle, a described
        /// apposition or an adjunct set off by commas ("who ...", "speaking ...", "a
        /// Republican who ...", "in an attempt to ...") after a name's comma.
        private func opensAside(_ index: Int) -> Bool {
            guard index < text.count else { return false }
            let word = text.words[index]
            return AttributionFinder.relativeOpeners.contains(word) || AttributionFinder.asideOpeners.contains(word)
                || word.hasSuffix("ing") && !text.isCapitalized(index)
        }

        /// "Clinton, 35, the daughter of Bill Clinton and Hillary Clinton, said",
        /// "Eddie Griffin, who at the time was a member of the AfroSpear, said": an
        /// apposition or relative clause may hold words that end a plain noun
        /// phrase ("and", "who"); only commas bound it. The head before its first
        /// comma is a short capitalised name, nearest first, at most two commas back.
        /// "Mrs. Clinton, who did not explicitly say that ..., said", "Officials familiar with
        /// the server, speaking on condition of anonymity, said": a relative clause, participle
        /// or described apposition may hold verbs of saying of its own.
        private func longApposition(endingAt comma: Int, sentence: Range<Int>) -> Range<Int>? {
            var position = comma - 1
            var commas = 0
            var holdsCue = false
            while position > sentence.lowerBound, comma - position <= 3 * finder.maximumSourceTokens {
                let word = text.words[position]
                if text.quotes[position] != .none || word == ";" || word == ":" { return nil }
                if cue[position] { holdsCue = true }
                if word == "," {
                    commas += 1
                    if commas > 2 { return nil }
                    // The head: up to six words before this comma, from a left boundary or the sentence start.
                    var start = position
                    while start > sentence.lowerBound, position - start < 6, !isLeftBoundary(start - 1) { start -= 1 }
                    if start < position, start == sentence.lowerBound || isLeftBoundary(start - 1), text.isCapitalized(start),
                       !AttributionFinder.adjunctStarts.contains(text.words[start]), opensApposition(position + 1) || opensAside(position + 1),
                       !holdsCue || opensAside(position + 1),
                       (start..<position).allSatisfy({ !AttributionFinder.auxiliaries.contains(text.words[$0]) }) {
                        return start..<comma
                    }
                }
                position -= 1
            }
            return nil
        }

        /// The noun phrase a sentence starts with: capitalised words, or a
        /// determiner and up to three words after it.
        private func sentenceSubject(_ sentence: Range<Int>, before limit: Int) -> Range<Int>? {
            var index = sentence.lowerBound
            if index < limit, text.quotes[index] != .none { return nil }
            // "But Trump left, telling ...": a leading conjunction is not the subject.
            while index < limit, AttributionFinder.sentenceConnectives.contains(text.words[index]) || text.words[index] == "," {
                index += 1
            }
            // "Last week, the campaign ...", "Speaking Sunday on ABC, Carson ...", "ORLANDO, Fla.
            // (AP) — President Obama ...": an opening adjunct or dateline ends at its comma or dash.
            let nameBeforeComma = index + 1 < limit && text.isCapitalized(index) && text.words[index + 1] == ","
            if index < limit, AttributionFinder.adjunctStarts.contains(text.words[index]) || AttributionFinder.asideOpeners.contains(text.words[index])
                || AttributionFinder.subordinators.contains(text.words[index]) || text.words[index].hasSuffix("ing") || nameBeforeComma {
                var end = index
                while end < limit, end - index < 12, text.words[end] != ",", !AttributionFinder.dashes.contains(text.words[end]) { end += 1 }
                if end < limit, end - index < 12 {
                    // A dateline's comma ("ORLANDO, Fla. (AP) —"): go on to its dash.
                    var dash = end + 1
                    while dash < limit, dash - end < 6, !AttributionFinder.dashes.contains(text.words[dash]) { dash += 1 }
                    let dateline = dash < limit && dash - end < 6 && text.words[end] == ","
                    // "Bangladesh, for its part, has ...": a name and its aside, no dateline, is the subject.
                    if !(nameBeforeComma && !dateline) { index = dateline ? dash + 1 : end + 1 }
                }
            }
            let subjectStart = index
            let determiners: Set<String> = ["the", "a", "an", "former"]
            let titles: Set<String> = ["mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov."]
            if index < limit, titles.contains(text.words[index]) {
                // "Mr. Carson endorsed ...": a title goes on with the capitalised name only.
                index += 1
                while index < limit, text.isCapitalized(index) || text.words[index] == "." { index += 1 }
            } else if index < limit, determiners.contains(text.words[index]) {
                index += 1
                while index < limit, index - subjectStart < 5, !text.isPunctuation(index) || text.words[index] == "'s" || text.words[index] == "’s",
                      !cue[index], !AttributionFinder.auxiliaries.contains(text.words[index]) {
                    if !text.isCapitalized(index), index + 1 < limit, !text.isCapitalized(index + 1) { index += 1; break }
                    index += 1
                }
            } else {
                while index < limit, text.isCapitalized(index) || text.words[index] == "." || text.words[index] == "of" && index + 1 < limit && text.isCapitalized(index + 1) {
                    index += 1
                }
            }
            guard index > subjectStart, index - subjectStart <= finder.maximumSourceTokens else { return nil }
            return subjectStart..<index
        }

        private func participleClaim(_ cueTokens: Range<Int>, subject: ByteSpan, sentence: Range<Int>) -> Claim? {
            var content: [ByteSpan] = []
            var next = cueTokens.upperBound
            if next < text.count, text.words[next] == ":" || text.words[next] == "," { next += 1 }
            if next < text.count, text.quotes[next] == .open, let pair = text.quotationAt[next] {
                content.append(text.span(pair.open..<(pair.close + 1)))
            } else {
                content = indirect(from: next, sentence: sentence)
            }
            guard !content.isEmpty else { return nil }
            return Claim(source: subject, cue: text.span(cueTokens), content: content,
                         sentence: text.sentenceOf[cueTokens.lowerBound] + 1)
        }

        /// "Asked whether ..., 75 percent said", "When asked about the report, he
        /// said": a past participle opening its sentence (after "when", "if" or
        /// "as" at most) has no subject of its own; what follows it up to the comma
        /// closing the clause (or a quotation right after it) is the content.
        private func frontedParticiple(_ cueTokens: Range<Int>, sentence: Range<Int>) -> Claim? {
            var start = sentence.lowerBound
            while start < cueTokens.lowerBound, AttributionFinder.sentenceConnectives.contains(text.words[start]) { start += 1 }
            if start < cueTokens.lowerBound, AttributionFinder.participleOpeners.contains(text.words[start]) { start += 1 }
            guard start == cueTokens.lowerBound else { return nil }
            var next = cueTokens.upperBound
            if next < text.count, text.words[next] == ":" || text.words[next] == "," { next += 1 }
            if next < text.count, text.quotes[next] == .open, let pair = text.quotationAt[next] {
                return Claim(source: nil, cue: text.span(cueTokens), content: [text.span(pair.open..<(pair.close + 1))],
                             sentence: text.sentenceOf[cueTokens.lowerBound] + 1)
            }
            var end = next
            while end < sentence.upperBound, text.words[end] != "," { end += 1 }
            // No comma before the sentence ends: a main verb ("Asked about it.") rather than a fronted clause.
            guard end < sentence.upperBound, end > next else { return nil }
            return Claim(source: nil, cue: text.span(cueTokens), content: [text.span(next..<end)],
                         sentence: text.sentenceOf[cueTokens.lowerBound] + 1)
        }

        /// A quotation signed with a dash and a name after it: "“A.” ― Steve
        /// Quinlan", "“A.” ⏎ - Bernie Sanders." (pull quotes, reader responses).
        /// The dash is the cue; the name, up to a comma, bracket or line end, the source.
        func signedQuotation(dash: Int) -> Claim? {
            guard dash > 0, let close = closingQuote(endingAt: dash - 1),
                  let open = text.quotationAt[close]?.open ?? openingQuote(before: close) else { return nil }
            var start = dash + 1
            while start < text.count, AttributionFinder.dashes.contains(text.words[start]) { start += 1 }
            guard start < text.count, text.isCapitalized(start), !text.paragraphBreak(between: dash, and: start) else { return nil }
            var end = start
            while end < text.count, end - start < 6, text.isCapitalized(end) || text.words[end] == "." && end > start && text.words[end - 1].utf8.count <= 2 {
                if end > start, text.bytes[text.tokenized.tokens[end - 1].range.upperBound..<text.tokenized.tokens[end].range.lowerBound].contains(0x0A) { break }
                end += 1
            }
            // The name ends the line or its sentence, or a comma or bracket follows it.
            guard end > start else { return nil }
            if end < text.count {
                let gap = text.bytes[text.tokenized.tokens[end - 1].range.upperBound..<text.tokenized.tokens[end].range.lowerBound]
                guard gap.contains(0x0A) || [",", ".", "(", ";"].contains(text.words[end]) else { return nil }
            }
            return Claim(source: text.span(start..<end), cue: text.span(dash..<(start)), content: [text.span(open..<(close + 1))],
                         sentence: text.sentenceOf[dash] + 1)
        }

        /// Labels in capitals that open a paragraph but name no speaker ("UPDATE:", "EXCLUSIVE:").
        static let nonSpeakerLabels: Set<String> = [
            "update", "updated", "updates", "breaking", "exclusive", "correction", "note", "editor", "abstract", "warning",
            "watch", "video", "photos", "photo", "listen", "read", "more", "related", "live", "analysis", "opinion", "q", "a",
        ]

        /// A transcript's speaker label: "WALLACE: Let's start with ...", "\"PENCE: Well, look,
        /// ...", "JAKE TAPPER: ...": one to three words in capitals opening a paragraph (after an
        /// opening quotation mark at most), then a colon, the speaker labelled at least twice in
        /// the text. The label is the source, the colon the cue, the rest of the paragraph the content.
        func speakerLabelClaim(colon: Int, speakers: [String: Int]) -> Claim? {
            guard let label = speakerLabel(colon: colon), speakers[text.words[colon - 1], default: 0] >= 2 else { return nil }
            let end = paragraphContentEnd(from: colon + 1)
            guard end > colon + 1 else { return nil }
            return Claim(source: text.span(label), cue: text.span(colon..<(colon + 1)),
                         content: [text.span((colon + 1)..<end)], sentence: text.sentenceOf[colon] + 1)
        }

        /// How many speaker labels of the text end with each word ("JAKE TAPPER:", "TAPPER:"
        /// both count for "tapper"). A transcript's speakers take turns, so a label that
        /// comes once is more likely a dateline ("NEW DELHI: Pakistan and Bangladesh ...").
        func speakerLabelCounts() -> [String: Int] {
            var counts: [String: Int] = [:]
            for index in 1..<max(1, text.count) where text.words[index] == ":" && speakerLabel(colon: index) != nil {
                counts[text.words[index - 1], default: 0] += 1
            }
            return counts
        }

        /// The tokens of a speaker label before `colon`: one to three words in capitals
        /// opening a line (after an opening quotation mark at most).
        private func speakerLabel(colon: Int) -> Range<Int>? {
            guard colon > 0 else { return nil }
            var start = colon - 1
            while start > 0, colon - start <= 3, !text.isPunctuation(start - 1) || text.words[start - 1] == "." {
                if lineStarts(at: start) { break }
                start -= 1
            }
            var labelStart = start
            // An opening mark before the label ("\"PENCE:"), at the line's start.
            if start > 0, text.quotes[start - 1] == .open, lineStarts(at: start - 1) { labelStart = start - 1 }
            guard lineStarts(at: labelStart), colon - start <= 3 else { return nil }
            var letters = 0
            for index in start..<colon {
                if text.words[index] == "." { continue }
                guard !text.isPunctuation(index), isUpperCase(index) else { return nil }
                letters += text.tokenized.tokens[index].range.count
            }
            guard letters >= 2, !Self.nonSpeakerLabels.contains(text.words[start]),
                  !AttributionFinder.pageLabels.contains(text.words[colon - 1]) else { return nil }
            return start..<colon
        }

        /// Whether token `index` is the first of its line.
        private func lineStarts(at index: Int) -> Bool {
            let offset = text.tokenized.tokens[index].range.lowerBound
            var position = offset - 1
            while position >= 0, text.bytes[position] == 0x20 || text.bytes[position] == 0x09 { position -= 1 }
            return position < 0 || text.bytes[position] == 0x0A
        }

        /// Whether every letter of token `index` is an upper-case ASCII letter (at least one).
        private func isUpperCase(_ index: Int) -> Bool {
            var upper = 0
            for byte in text.bytes[text.tokenized.tokens[index].range] {
                if byte >= 0x61 && byte <= 0x7A || byte >= 0x80 { return false }
                if byte >= 0x41 && byte <= 0x5A { upper += 1 }
            }
            return upper > 0
        }

        /// The end of the paragraph that `start` opens (its last token not closing
        /// punctuation, an unpaired closing mark included), within 400 tokens.
        private func paragraphContentEnd(from start: Int) -> Int {
            guard start < text.count else { return start }
            var end = start + 1
            while end < text.count, end - start < 400, !text.paragraphBreak(between: end - 1, and: end) { end += 1 }
            while end > start {
                let word = text.words[end - 1]
                if word == "." || word == "!" || word == "?" || word == ";" || word == "," || word == ":" { end -= 1; continue }
                if text.quotes[end - 1] == .close, text.quotationAt[end - 1] == nil { end -= 1; continue }
                break
            }
            return end
        }

        /// A headline or caption "Graham: Trump's rhetoric destroying GOP chances".
        func headlineClaim(colon: Int) -> Claim? {
            let sentence = self.sentence(of: colon)
            let start = sentence.lowerBound
            guard colon > start, colon - start <= 5, text.isCapitalized(start) else { return nil }
            for index in start..<colon where text.isPunctuation(index) && !AttributionFinder.phrasePunctuation.contains(text.words[index]) {
                return nil
            }
            // Only a line that starts a paragraph (headlines and captions stand alone).
            guard start == 0 || text.bytes[text.tokenized.tokens[start].range.lowerBound - 1] == 0x0A else { return nil }
            if AttributionFinder.pageLabels.contains(text.words[colon - 1]) { return nil }
            let end = contentEnd(sentence)
            var words = 0, numbers = 0
            for index in (colon + 1)..<max(colon + 1, end) where !text.isPunctuation(index) {
                words += 1
                if let first = text.words[index].utf8.first, first >= 0x30, first <= 0x39 { numbers += 1 }
            }
            guard words >= 4, numbers * 3 <= words else { return nil }
            return Claim(source: text.span(start..<colon), cue: text.span(colon..<(colon + 1)),
                         content: [text.span((colon + 1)..<end)], sentence: text.sentenceOf[colon] + 1)
        }

        /// "Khoga was reportedly on that trip", "Reportedly, he made ...": the adverb is the
        /// cue, no one is named, and the sentence around it is the content.
        private func reportedly(_ adverb: Int, sentence: Range<Int>) -> Claim? {
            var start = sentence.lowerBound
            while start < adverb, AttributionFinder.sentenceConnectives.contains(text.words[start]) || text.words[start] == "," { start += 1 }
            var content: [ByteSpan] = []
            if start < adverb { content.append(text.span(start..<adverb)) }
            var next = adverb + 1
            if next < sentence.upperBound, text.words[next] == "," { next += 1 }
            let end = contentEnd(sentence)
            if next < end { content.append(text.span(next..<end)) }
            guard !content.isEmpty else { return nil }
            return Claim(source: nil, cue: text.span(adverb..<(adverb + 1)), content: content, sentence: text.sentenceOf[adverb] + 1)
        }

        /// "according to X, A" and "A, according to X."
        private func accordingTo(_ cueTokens: Range<Int>, sentence: Range<Int>) -> Claim? {
            let start = cueTokens.upperBound
            var end = start
            while end < sentence.upperBound, end - start < finder.maximumSourceTokens {
                let word = text.words[end]
                // A full stop ends the source only at the end of the sentence (not "U.S.").
                if text.isPunctuation(end), word == "." ? end + 1 >= sentence.upperBound : !AttributionFinder.phrasePunctuation.contains(word) {
                    break
                }
                end += 1
            }
            guard end > start else { return nil }
            var content: [ByteSpan] = []
            let c = cueTokens.lowerBound
            if c - 1 > sentence.lowerBound, text.words[c - 1] == "," {
                var first = sentence.lowerBound
                if text.quotes[first] == .open, text.quotationAt[first] == nil { first += 1 }
                if first < c - 1 { content.append(text.span(first..<(c - 1))) }
            } else if end < sentence.upperBound, text.words[end] == "," {
                content += indirect(from: end + 1, sentence: sentence)
            } else if c - 1 > sentence.lowerBound {
                content.append(text.span(sentence.lowerBound..<c))
            }
            guard !content.isEmpty else { return nil }
            return Claim(source: text.span(start..<end), cue: text.span(cueTokens), content: content,
                         sentence: text.sentenceOf[c] + 1)
        }

        /// For a closing mark left unpaired (a quotation across paragraphs, a
        /// stray mark inside), the nearest opening mark before it, within reach.
        private func openingQuote(before close: Int) -> Int? {
            var index = close - 1
            while index >= 0, close - index < 200 {
                if text.quotes[index] == .open { return index }
                index -= 1
            }
            return nil
        }

        /// The closing quotation mark ending at `index`, directly or before a comma.
        private func closingQuote(endingAt index: Int) -> Int? {
            var position = index
            if text.words[position] == ",", position > 0 { position -= 1 }
            // A two-apostrophe mark: the first one is paired.
            while position > 0, text.quotes[position] == .close, text.quotationAt[position] == nil,
                  text.quotes[position - 1] == .close { position -= 1 }
            return text.quotes[position] == .close ? position : nil
        }

        /// Whether a comma at `index` opens another cue's clause ("A, Spicer said, adding, “B.”"):
        /// what follows is that claim's, not this one's.
        private func opensAnotherCueClause(_ index: Int) -> Bool {
            index + 1 < text.count && text.words[index] == "," && cue[index + 1] && text.words[index + 1].hasSuffix("ing")
        }

        /// Is what follows the cue clause to the end of its sentence only a short adjunct ("in a statement")?
        private func tailIsShort(_ after: Int, _ sentence: Range<Int>) -> Bool {
            let end = contentEnd(sentence)
            guard end - after <= 8 else { return false }
            var index = after
            while index < end {
                if text.words[index] == "that" || text.quotes[index] != .none || cue[index] { return false }
                index += 1
            }
            return true
        }

        /// Is what follows the cue clause nothing, or a short adjunct opening with a
        /// preposition or time word ("in a statement", "on Tuesday")?
        private func tailIsAdjunct(_ after: Int, _ sentence: Range<Int>) -> Bool {
            after >= contentEnd(sentence)
                || AttributionFinder.adjunctStarts.contains(text.words[after]) && !opensInfinitive(after) && tailIsShort(after, sentence)
        }

        /// The rest of a split quotation: ", “B.”" right after the cue clause,
        /// or a next sentence that is all quotation with no cue of its own.
        private func continuation(after: Int, sentence: Range<Int>) -> [ByteSpan] {
            var index = after
            if index < text.count, text.words[index] == "," || text.words[index] == ":" {
                index += 1
                if index < text.count, text.quotes[index] == .open, let pair = text.quotationAt[index] {
                    return [text.span(pair.open..<(pair.close + 1))]
                }
                return []
            }
            if index < text.count, text.words[index] == "." { index += 1 }
            guard index < text.count, text.quotes[index] == .open, let pair = text.quotationAt[index],
                  !text.paragraphBreak(between: index - 1, and: index) else { return [] }
            let tail = min(text.count, pair.close + 5)
            for position in pair.open..<tail where cue[position] { return [] }
            return [text.span(pair.open..<(pair.close + 1))]
        }

        /// Whether token `index` is "to" before a verb ("declined to comment"), not before a
        /// noun phrase ("to the press", "to Trump").
        private func opensInfinitive(_ index: Int) -> Bool {
            guard text.words[index] == "to", index + 1 < text.count, !text.isCapitalized(index + 1), !text.isPunctuation(index + 1) else {
                return false
            }
            return !AttributionFinder.nounPhraseStarts.contains(text.words[index + 1])
        }

        /// Indirect speech: the clause after the cue ("that ...", a recipient
        /// skipped), to the end of the sentence or a trailing cue clause.
        private func indirect(from start: Int, sentence: Range<Int>) -> [ByteSpan] {
            // Content never starts with punctuation (", executive director of ...") nor is a
            // short adjunct ("in December", "on Tuesday").
            guard start < text.count, !text.isPunctuation(start) || text.quotes[start] == .open else { return [] }
            if AttributionFinder.adjunctStarts.contains(text.words[start]), contentEnd(sentence) - start <= 4, !opensInfinitive(start) { return [] }
            var first = start
            let end0 = contentEnd(sentence)
            // "told reporters that ...": the content starts at "that".
            var look = start
            while look < min(end0, start + 6), !text.isPunctuation(look) {
                if text.words[look] == "that" { first = look; break }
                look += 1
            }
            // Stop before ", he said" / ", according to": another cue's clause,
            // its cue inside this sentence's content. A comma whose cue lies
            // past the content is within four tokens of its end: few are skipped.
            var end = end0
            var comma = nextCueClauseComma[min(first, text.count)]
            var steps = 0
            while comma < end0 {
                steps += 1
                if let ahead = cueAfterComma[comma], ahead < end0 {
                    end = comma
                    break
                }
                comma = nextCueClauseComma[comma + 1]
            }
            work?.add(steps, ClaimExtractor.scanWork)
            guard first < end else { return [] }
            return [text.span(first..<end)]
        }
    }
}
