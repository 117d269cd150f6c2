import DossierCore

/// What the words before a trigger say about it: tense, perfect aspect,
/// modality, negation, and whether it is an infinitive governed by another
/// verb ("plans to sell"). Read from at most four words back, skipping adverbs
/// ("has also quietly sold"), as news English builds its verb groups.
struct VerbGroup: Equatable {
    var tense: Event.Tense?
    /// "has sold", "have been sold": dated by the report, like the present.
    var isPerfect = false
    /// could, would, might, may, should, can, must.
    var isHypothetical = false
    var isNegated = false
    /// "to sell": its time follows the verb that governs it.
    var isInfinitive = false
    /// No auxiliary: "runs", "said" (not "is running", "has said").
    var isSimple = true
    /// The auxiliaries and the trigger as shown ("has signed", "will fly").
    var phrase: String

    /// `index` is the trigger's position in `words` (lower-cased).
    init(words: [EventTrigger.Word], at index: Int) {
        let trigger = words[index].lowercased
        phrase = String(words[index].text)
        var auxiliaries: [String] = []
        var back = index - 1
        while back >= 0, index - back <= 4 {
            var word = Self.expanded(words[back].lowercased)
            // "who's faced criticism", "that's carried him to victory": a
            // participle with an object after "'s" is a perfect, "has".
            if word == "is", auxiliaries.isEmpty, words[back].lowercased.hasSuffix("'s"),
               Self.isPerfectAfterContraction(words, participle: index) { word = "has" }
            if words[back].lowercased.hasSuffix("n't") {
                // "didn't sign": the auxiliary keeps its tense, the event is denied.
                isNegated = true
                auxiliaries.append(word)
            } else if Self.negations.contains(word) {
                isNegated = true
            } else if Self.auxiliaries.contains(word) || Self.modals.contains(word) || word == "to" || word == "be" || word == "being" {
                auxiliaries.append(word)
                if word == "to" { break }
            } else if !Self.adverbs.contains(word) && !word.hasSuffix("ly") {
                break
            }
            back -= 1
        }
        // A denied subject: "Neither Pakistan nor Bangladesh has announced", "nobody has signed".
        // (A clause under absent evidence, "no evidence that ...", is `UnassertedClauses`'.)
        for earlier in stride(from: back, through: max(0, index - 7), by: -1) where earlier >= 0 {
            if Self.deniedSubjects.contains(words[earlier].lowercased) { isNegated = true }
        }
        isSimple = auxiliaries.isEmpty
        if !auxiliaries.isEmpty { phrase = auxiliaries.reversed().joined(separator: " ") + " " + phrase }
        // The auxiliary furthest back decides the tense ("will have sold" is future).
        for auxiliary in auxiliaries.reversed() {
            switch auxiliary {
            case "to": isInfinitive = true
            case "will", "shall", "'ll": tense = .future
            case "would", "could", "might", "may", "should", "can", "must": isHypothetical = true
            case "has", "have", "'ve": isPerfect = true; tense = tense ?? .present
            case "had", "was", "were", "did": tense = tense ?? .past
            case "is", "are", "am", "'s", "'re", "does", "do": tense = tense ?? .present
            default: break
            }
            if isInfinitive || isHypothetical || tense != nil { break }
        }
        if auxiliaries.isEmpty {
            if EventTrigger.irregularPast.contains(trigger) || EventTrigger.isRegularPast(trigger) {
                tense = .past
            } else if trigger.hasSuffix("s"), !trigger.hasSuffix("ss"), back >= 0, !Self.determiners.contains(words[back].lowercased),
                      index > 0, Self.subjectLike(words[index - 1]), !Self.isObjectNoun(words, at: index) {
                // "Airbus launches", "the company says": a present verb after its subject.
                tense = .present
            }
        }
    }

    /// Whether a participle after "'s" takes an object, so that "'s" is
    /// "has" ("who's faced criticism", "that's already pushed Clinton"), not
    /// "is" ("it's called", "he's expected to", "she's given a medal": a
    /// naming or giving verb's passive takes a noun too, and stays "is").
    static func isPerfectAfterContraction(_ words: [EventTrigger.Word], participle index: Int) -> Bool {
        let trigger = words[index].lowercased
        guard index + 1 < words.count, EventTrigger.isRegularPast(trigger) || EventTrigger.irregularParticiples.contains(trigger),
              !passiveWithNoun.contains(trigger) else { return false }
        let next = words[index + 1]
        let lower = next.lowercased
        if next.text.first?.isUppercase == true { return true }
        if determiners.contains(lower) || Participants.personPronouns.contains(lower)
            || Participants.possessivePronouns.contains(lower) || ["him", "her", "them", "it", "us", "me"].contains(lower) { return true }
        // A bare noun ("faced criticism", "raised money"): not a preposition,
        // an adverb or a clause word, which follow passives ("it's used widely").
        return !prepositions.contains(lower) && !adverbs.contains(lower) && !lower.hasSuffix("ly") && !negations.contains(lower)
            && !auxiliaries.contains(lower) && !afterPassive.contains(lower) && !EventTrigger.isVerb(lower)
    }
    static let afterPassive: Set<String> = [
        "now", "still", "here", "there", "out", "up", "down", "off", "away", "again", "too", "enough", "today", "yesterday", "yet",
        "so", "than", "when", "because", "while", "if", "that", "which", "who", "but", "through", "under", "against", "like",
        "until", "since", "upon", "during", "between", "without", "within", "onto", "toward", "towards", "via", "per", "not",
        "together", "apart", "back", "home", "open", "alive", "dead", "free", "last", "first", "early", "late", "tonight",
    ]
    static let passiveWithNoun: Set<String> = [
        "called", "named", "dubbed", "titled", "entitled", "nicknamed", "given", "awarded", "offered", "granted", "sent", "told",
        "shown", "asked", "handed", "paid", "promised", "considered", "elected", "appointed", "made", "expected", "supposed",
        "scheduled", "set", "based", "located", "known", "seen", "viewed", "regarded", "thought", "believed", "said", "reported",
    ]

    /// The auxiliary inside a contraction: "he'll" -> "will", "they've" ->
    /// "have", "didn't" -> "did", "won't" -> "will"; other words as they are.
    static func expanded(_ word: String) -> String {
        guard let apostrophe = word.firstIndex(of: "'") else { return word }
        let tail = word[apostrophe...]
        switch tail {
        case "'ll": return "will"
        case "'ve": return "have"
        case "'d": return "would"
        case "'re": return "are"
        case "'m": return "am"
        case "'s":
            // "it's", "he's": is; "Nancy's", "the company's": a possessive.
            return pronounsWithIs.contains(String(word[..<apostrophe])) ? "is" : word
        case "n't", "'t":
            let head = word[..<apostrophe].dropLast(tail == "n't" ? 0 : 1)
            switch head {
            case "wo", "won": return "will"
            case "ca", "can": return "can"
            case "sha", "shan": return "shall"
            default: return String(head.hasSuffix("n") ? head.dropLast() : head)
            }
        default: return word
        }
    }

    /// A word that can end a subject: a name, a pronoun, a noun (not a preposition or article).
    /// "sold two planes", "sold planes", "in several months": an -s word
    /// after a number, a past verb, or a verb or preposition and one word is
    /// a plural noun, not a present verb after its subject.
    static func isObjectNoun(_ words: [EventTrigger.Word], at index: Int) -> Bool {
        let before = words[index - 1].lowercased
        // "and now runs", "still owns": an adverb stands before a verb, not before a verb's object.
        if Self.ongoingAdverbs.contains(before) { return false }
        if before.first?.isNumber == true || quantities.contains(before) || NumberWords.cardinalNames.contains(before) { return true }
        // "Boeing sold planes": the object of the verb before it.
        if EventTrigger.isVerb(before), !auxiliaries.contains(before) { return true }
        guard index >= 2, words[index - 1].text.first?.isLowercase == true else { return false }
        let twoBack = words[index - 2].lowercased
        return EventTrigger.isVerb(twoBack) || prepositions.contains(twoBack)
    }
    /// Adverbs of a state that holds now ("now runs", "still owns",
    /// "currently leads"): a word in "-s" after one is a present verb.
    static let ongoingAdverbs: Set<String> = ["now", "still", "currently", "nowadays", "presently"]
    static let quantities: Set<String> = ["many", "several", "few", "more", "most", "some", "all", "both", "various", "numerous", "other"]

    private static func subjectLike(_ word: EventTrigger.Word) -> Bool {
        if word.text.first?.isUppercase == true { return true }
        return !determiners.contains(word.lowercased) && !prepositions.contains(word.lowercased)
    }

    static let auxiliaries: Set<String> = [
        "will", "shall", "'ll", "has", "have", "'ve", "had", "was", "were", "is", "are", "am", "'s", "'re",
        "been", "did", "does", "do", "would", "could", "might", "may", "should", "can", "must", "going", "about",
    ]
    static let pronounsWithIs: Set<String> = ["it", "he", "she", "that", "there", "what", "who", "here", "where", "this", "everyone", "nobody", "everything", "nothing"]
    /// (All of them are `auxiliaries` too.)
    static let modals: Set<String> = ["would", "could", "might", "may", "should", "can", "must"]
    static let negations: Set<String> = ["not", "n't", "never", "no", "neither", "nor", "cannot"]
    static let deniedSubjects: Set<String> = ["neither", "nor", "nobody", "none"]
    static let adverbs: Set<String> = [
        "also", "already", "still", "just", "now", "then", "soon", "yet", "again", "even", "since", "first",
        "reportedly", "officially", "finally", "recently", "currently", "previously", "later", "once", "ever", "all",
        // A floating quantifier: "are both designed", "have each signed".
        "both", "each",
    ]
    static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "your", "my"]
    static let prepositions: Set<String> = ["of", "in", "on", "at", "for", "with", "by", "from", "to", "into", "over", "after", "before", "about", "as", "and", "or"]
}
