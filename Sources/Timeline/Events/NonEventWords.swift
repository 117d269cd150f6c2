/// Words the event lexicon takes for triggers that, where they stand, name
/// no happening: a participle that names ("a group called ..."), a word of
/// an e-mail or web address, a noun that stands for who acts ("Trump's
/// campaign raised"). Each is a constant amount of work per trigger.
extension EventExtractor {
    /// "a group called 'Anders Tegnell Fan Club'", "a man named John Smith":
    /// a participle that names what an indefinite noun phrase before it
    /// stands for, not a happening. Not "the president called Trump a liar".
    static func isNamingParticiple(_ words: [EventTrigger.Word], at index: Int, group: VerbGroup) -> Bool {
        guard group.isSimple, namingParticiples.contains(words[index].lowercased), index > 0 else { return false }
        let previous = words[index - 1].lowercased
        if previous == "another" || previous == "one" { return true }
        // "a group called", "a new group called": an indefinite article at most two words back.
        guard words[index - 1].text.first?.isLowercase == true, !EventTrigger.isVerb(previous),
              !VerbGroup.auxiliaries.contains(previous) else { return false }
        let from = max(0, index - 3)
        return words[from..<(index - 1)].contains { $0.lowercased == "a" || $0.lowercased == "an" || $0.lowercased == "another" }
    }
    static let namingParticiples: Set<String> = ["called", "named", "dubbed", "titled", "entitled", "nicknamed"]

    /// A word of an e-mail address, a web address or a file name
    /// ("vote@NYCHA.nyc.gov", "example.com/signup"): an "@", a "/" or a
    /// full stop with a letter on its far side touches it. Such words are
    /// no triggers.
    static func isInAddress(_ word: EventTrigger.Word, in text: String) -> Bool {
        let bytes = text.utf8
        let count = bytes.count
        func byte(_ offset: Int) -> UInt8? {
            offset >= 0 && offset < count ? bytes[bytes.index(bytes.startIndex, offsetBy: offset)] : nil
        }
        func isLetter(_ value: UInt8?) -> Bool { value.map { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A } ?? false }
        let before = byte(word.range.lowerBound - 1)
        let after = byte(word.range.upperBound)
        if before == UInt8(ascii: "@") || after == UInt8(ascii: "@") || before == UInt8(ascii: "/") || after == UInt8(ascii: "/") { return true }
        if after == UInt8(ascii: "."), isLetter(byte(word.range.upperBound + 1)) { return true }
        if before == UInt8(ascii: "."), isLetter(byte(word.range.lowerBound - 2)) { return true }
        return false
    }

    /// A noun that names who acts, not what happens: "Trump's campaign
    /// raised", "the Clinton campaign released", "his campaign hasn't
    /// spent" (owned by a name or a possessive and followed by an active
    /// verb), and a noun before a role ("campaign manager", "election
    /// officials"). TimeBank's counts make "campaign" an event word (6 of
    /// 17); in these places it is the organisation.
    static func isAgentNoun(_ words: [EventTrigger.Word], at index: Int, group: VerbGroup) -> Bool {
        let word = words[index].lowercased
        guard group.tense == nil, !group.isInfinitive, !word.hasSuffix("ing"), index + 1 < words.count else { return false }
        let next = words[index + 1].lowercased
        if Participants.roleNouns.contains(next) || Participants.servingRoles.contains(next) && next != "head" { return true }
        guard index > 0 else { return false }
        let previous = words[index - 1]
        let owned = previous.text.first?.isUppercase == true || previous.lowercased.hasSuffix("'s")
            || possessiveDeterminers.contains(previous.lowercased)
        guard owned else { return false }
        let verb = VerbGroup.expanded(next)
        // An active verb: a past form but a passive's "was"/"were", or "has", "will", a modal.
        if activeAuxiliaries.contains(verb) || VerbGroup.modals.contains(verb) { return true }
        return (EventTrigger.irregularPast.contains(next) || EventTrigger.isRegularPast(next)) && !EventTrigger.auxiliaries.contains(next)
    }
    static let activeAuxiliaries: Set<String> = ["has", "have", "had", "will", "did", "does"]
}

extension EventExtractor {
    /// An -ing of a verb that takes no object, straight before a noun or a
    /// name, with no auxiliary: "sentenced sobbing Hartley", "joined growing
    /// calls", "the ailing president". It can only describe the noun (a
    /// gerund would need an object), so it is no happening; "calls are
    /// growing" and "prices kept rising" stay.
    static func isIntransitiveModifier(_ words: [EventTrigger.Word], at index: Int, group: VerbGroup) -> Bool {
        guard group.isSimple, intransitiveModifiers.contains(words[index].lowercased), index + 1 < words.count else { return false }
        let next = words[index + 1]
        let lower = next.lowercased
        guard words[index + 1].range.lowerBound - words[index].range.upperBound == 1 else { return false }
        return !VerbGroup.prepositions.contains(lower) && !VerbGroup.determiners.contains(lower) && !VerbGroup.auxiliaries.contains(lower)
            && !VerbGroup.adverbs.contains(lower) && !lower.hasSuffix("ly") && !Participants.personPronouns.contains(lower)
            && !Participants.thingPronouns.contains(lower) && !Participants.possessivePronouns.contains(lower)
            && !conjunctionsAfterModifier.contains(lower)
    }
    static let conjunctionsAfterModifier: Set<String> = ["and", "or", "but", "as", "than", "that", "which", "who", "when", "while", "because", "if"]
    static let intransitiveModifiers: Set<String> = [
        "sobbing", "weeping", "crying", "smiling", "grinning", "laughing", "screaming", "shouting", "cheering", "jeering",
        "growing", "mounting", "rising", "increasing", "declining", "dwindling", "shrinking", "soaring", "falling", "plunging",
        "deepening", "widening", "worsening", "improving", "lingering", "looming", "emerging", "ailing", "struggling", "failing",
        "booming", "thriving", "flourishing", "dying", "ageing", "aging", "grieving", "suffering", "reigning", "outgoing",
        "incoming", "ongoing", "upcoming", "existing", "remaining", "surviving", "competing", "retiring", "departing",
        "sitting", "presiding", "serving", "visiting", "waiting", "roaring", "raging", "burning", "flying", "living",
        "escalating", "accelerating", "skyrocketing", "spiralling", "spiraling", "persisting", "prevailing", "dissenting",
    ]
}
