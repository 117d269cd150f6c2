/// Words of a sentence whose verbs tell of nothing the writer says happened,
/// so a timeline leaves them out:
/// - the clause after a statement of absent evidence, a denial or a failed
///   verification, an accusation or a rumour ("no public evidence at this stage that Bangladesh has
///   formally endorsed or enabled such ...", "no sign that", "denied that",
///   "could not be independently verified that"): what it says was not shown;
/// - the clause after a verb of belief or fear ("believing that they were
///   avoiding", "fears the deal will collapse"): someone's view;
/// - the description after "described ... as" and its kin ("described these
///   interactions as focused on enhancing cooperation"): a characterisation,
///   not an event of its own.
/// Left out rather than marked: a timeline lists what happened, and these
/// clauses say it is unknown whether it did (the same reason a negated verb
/// is left out). The denial or description verb itself stays an event.
enum UnassertedClauses {
    enum Kind: Equatable {
        /// After absent evidence, a denial, a failed verification or a belief.
        case unevidenced
        /// After "described ... as".
        case description
    }

    /// The kind of span each word is in (nil: asserted as usual). `text` is
    /// the sentence the words were split from; `clause` gives the clause
    /// holding a byte of it.
    static func kinds(words: [EventTrigger.Word], text: String, clause: (Int) -> Range<Int>) -> [Kind?] {
        var kinds = [Kind?](repeating: nil, count: words.count)
        var index = 0
        while index < words.count {
            if let (start, kind) = spanStart(words: words, at: index), start < words.count {
                let limit = clause(words[start].range.lowerBound).upperBound
                // After a noun ("the accusation that Clinton is playing the card
                // touched off a debate"), the sentence's own verb follows the clause.
                let afterNoun = accusations.contains(words[index].lowercased)
                var seenVerb = false
                var end = start
                while end < words.count, words[end].range.lowerBound < limit {
                    let lower = words[end].lowercased
                    let isVerb = EventTrigger.isVerb(lower) || VerbGroup.auxiliaries.contains(lower)
                    if afterNoun, isVerb, seenVerb, end > 0, !EventTrigger.isVerb(words[end - 1].lowercased),
                       !VerbGroup.auxiliaries.contains(words[end - 1].lowercased) { break }
                    if isVerb { seenVerb = true }
                    // A description ends at the next comma; an unevidenced clause
                    // at a comma before the report that carries it ("..., officials said").
                    if end > 0, hasComma(text, from: words[end - 1].range.upperBound, to: words[end].range.lowerBound),
                       kind == .description || words[end..<min(end + 3, words.count)].contains(where: { EventExtractor.reporting.contains($0.lowercased) }) {
                        break
                    }
                    kinds[end] = kinds[end] ?? kind
                    end += 1
                }
            }
            index += 1
        }
        return kinds
    }

    /// Where the span a cue at `index` governs begins, if `index` holds one.
    private static func spanStart(words: [EventTrigger.Word], at index: Int) -> (Int, Kind)? {
        let word = words[index].lowercased
        func that(within distance: Int, from position: Int) -> Int? {
            var next = position + 1
            while next < words.count, next - position <= distance {
                if words[next].lowercased == "that" { return next + 1 }
                next += 1
            }
            return nil
        }
        // "no (public) evidence (at this stage) that", "no sign of", "nothing to suggest that".
        if absence.contains(word) {
            for noun in (index + 1)..<min(index + 4, words.count) {
                let candidate = words[noun].lowercased
                if evidenceNouns.contains(candidate) || word == "nothing" && evidenceVerbs.contains(candidate) {
                    if noun + 1 < words.count, words[noun + 1].lowercased == "of" { return (noun + 2, .unevidenced) }
                    // "no evidence Bangladesh has endorsed": the clause follows the noun.
                    return (that(within: 5, from: noun) ?? noun + 1, .unevidenced)
                }
            }
        }
        // "denied that", "rejected claims that".
        if denials.contains(word) {
            return that(within: 3, from: index).map { ($0, .unevidenced) }
        }
        // "believing that they were avoiding", "fears the company will": what
        // someone believes or fears, not what the writer says happened.
        if beliefs.contains(word), index + 1 < words.count {
            let next = words[index + 1].lowercased
            if next == "that" { return (index + 2, .unevidenced) }
            // "thinks she's done a serviceable job": the pronoun with its auxiliary.
            let pronoun = next.firstIndex(of: "'").map { String(next[..<$0]) } ?? next
            if subjectPronouns.contains(pronoun) || next == "the" { return (index + 1, .unevidenced) }
            // "thinks Trump will cause", "thinks Mr. Trump will pick": a name
            // after a verb of thinking opens the thought (fear and doubt take
            // people as objects: "Republicans fear Trump").
            if thoughts.contains(word), words[index + 1].text.first?.isUppercase == true { return (index + 1, .unevidenced) }
            // "let's assume for the moment that Mrs. Clinton gets elected".
            if let start = that(within: 4, from: index) { return (start, .unevidenced) }
        }
        // "unconfirmed reports that".
        if unverified.contains(word) {
            return that(within: 2, from: index).map { ($0, .unevidenced) }
        }
        // "could not be (independently) verified that", "unable to confirm that".
        if word == "not" || word == "unable" || word == "cannot" || word.hasSuffix("n't") {
            for verb in (index + 1)..<min(index + 5, words.count) where verifications.contains(words[verb].lowercased) {
                return that(within: 3, from: verb).map { ($0, .unevidenced) }
            }
        }
        // "described these interactions as focused on ...".
        if describers.contains(word) {
            var next = index + 1
            while next < words.count, next - index <= 7 {
                if words[next].lowercased == "as" {
                    // "as police arrived", "as he left": "as" opens a clause of its
                    // own (while, because), whose verb is an event.
                    return opensClause(words: words, after: next) ? nil : (next + 1, .description)
                }
                next += 1
            }
        }
        return nil
    }

    /// Whether the words after "as" at `index` are a clause: a subject (a
    /// pronoun, a name, or a determiner and up to two words) then a finite
    /// verb ("as the two sides signed", "as he left"), not a description
    /// ("as focused on", "as a democracy").
    static func opensClause(words: [EventTrigger.Word], after index: Int) -> Bool {
        guard index + 2 < words.count else { return false }
        let first = words[index + 1]
        let subject = subjectPronouns.contains(first.lowercased) || first.text.first?.isUppercase == true
            || VerbGroup.determiners.contains(first.lowercased)
        guard subject else { return false }
        for verb in (index + 2)..<min(index + 5, words.count) {
            let lower = words[verb].lowercased
            // "as a democracy that was": a relative clause inside the description.
            if lower == "that" || lower == "which" || lower == "who" { return false }
            if EventTrigger.isVerb(lower) || finiteWords.contains(lower) { return true }
        }
        return false
    }
    static let subjectPronouns: Set<String> = ["he", "she", "they", "we", "i", "it", "you"]
    static let finiteWords: Set<String> = ["is", "are", "was", "were", "will", "would", "could", "did", "does", "do", "has", "have", "had", "can", "may", "might"]

    private static func hasComma(_ text: String, from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes[start..<min(end, bytes.count)].contains(UInt8(ascii: ","))
        } ?? Array(text.utf8)[start..<end].contains(UInt8(ascii: ","))
    }

    static let absence: Set<String> = ["no", "without", "little", "few", "nothing", "lack", "absence"]
    /// Verbs of thinking: their clause is someone's view.
    static let thoughts: Set<String> = [
        "believe", "believes", "believed", "believing", "think", "thinks", "thinking", "suspect", "suspects", "suspected",
        "imagine", "imagines", "imagined", "assume", "assumes", "assuming", "suppose", "supposes", "supposing",
    ]
    /// Verbs of belief and fear, and their adjectives and nouns: their clause is someone's view.
    static let beliefs: Set<String> = thoughts.union([
        "fear", "fears", "feared", "fearing", "doubt", "doubts",
        // "I am truly afraid that Donald Trump will win", "is confident that".
        "afraid", "confident", "convinced", "hope", "hopeful", "expectation", "confidence",
    ])
    static let evidenceNouns: Set<String> = [
        "evidence", "sign", "signs", "indication", "indications", "proof", "confirmation", "suggestion", "trace", "record",
        // "no chance Hillary Clinton will withdraw".
        "chance", "likelihood", "possibility", "way",
    ]
    static let evidenceVerbs: Set<String> = ["suggest", "suggests", "indicate", "indicates", "show", "shows", "prove", "proves"]
    static let denials: Set<String> = ["denied", "denies", "deny", "denying", "refuted", "refutes", "rejected", "rejects", "dismissed", "dismisses", "disputed", "disputes"]
    static let unverified: Set<String> = Set(["unverified", "unconfirmed", "unsubstantiated", "uncorroborated"]).union(accusations)
    /// "Trump's accusation that Clinton is playing the woman's card": the accuser's word.
    static let accusations: Set<String> = [
        "accusation", "accusations", "allegation", "allegations", "rumor", "rumors", "rumour", "rumours", "speculation", "insinuation",
    ]
    static let verifications: Set<String> = [
        "verified", "verify", "confirmed", "confirm", "substantiated", "substantiate", "corroborated", "corroborate",
        "established", "establish", "proven", "proved", "prove",
    ]
    /// Verbs whose "as" introduces a description: "described X as", "seen as", "billed as".
    static let describers: Set<String> = [
        "described", "describes", "describe", "describing", "characterised", "characterized", "characterises", "characterizes",
        "portrayed", "portrays", "depicted", "depicts", "painted", "paints", "framed", "frames", "billed", "touted",
        "viewed", "views", "regarded", "regards", "seen", "perceived", "branded", "brands", "labelled", "labeled", "cast",
    ]
}
