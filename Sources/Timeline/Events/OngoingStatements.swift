/// Present-tense statements that tell how things stand rather than what
/// happened, which the independent judging of web news found listed as
/// events (eval/timeline-sample, sample-44cf39b-independent.tsv): a state
/// told as holding now, an emphatic present. Each is a constant amount of
/// work per trigger.
extension EventExtractor {
    /// "Clinton now talks freely", "who now runs TED", "is currently leading
    /// Sanders": a present told as holding now is a state or a habit, not a
    /// happening, whatever date the sentence gives ("quit in 2001 and now
    /// runs"). A simple present, or a progressive with "currently"/"still"
    /// ("police are now investigating" tells what has begun, and stays).
    /// Reporting verbs stay ("Trump now says": a new statement).
    static func isOngoingPresent(_ words: [EventTrigger.Word], at index: Int, group: VerbGroup) -> Bool {
        guard group.tense == .present, !group.isPerfect, !group.isHypothetical, !group.isInfinitive,
              !reporting.contains(words[index].lowercased) else { return false }
        let auxiliaries = group.phrase.split(separator: " ").dropLast().map { VerbGroup.expanded($0.lowercased()) }
        let isProgressive = !auxiliaries.isEmpty && words[index].lowercased.hasSuffix("ing")
            && auxiliaries.allSatisfy { presentBe.contains($0) }
        guard group.isSimple || isProgressive else { return false }
        // The adverb stands among the auxiliaries or right before the verb group.
        var back = index - 1
        while back >= 0, index - back <= auxiliaries.count + 2 {
            let word = words[back].lowercased
            if VerbGroup.ongoingAdverbs.contains(word), group.isSimple || word != "now" { return true }
            if word == "longer", back > 0, words[back - 1].lowercased == "no" { return true }
            // Past the subject the adverb is another clause's.
            if !VerbGroup.auxiliaries.contains(word) && !VerbGroup.adverbs.contains(word) && !word.hasSuffix("ly")
                && !VerbGroup.ongoingAdverbs.contains(word) { return false }
            back -= 1
        }
        return false
    }

    /// "Clinton is leading Sanders", "is trailing in Iowa", "are backing the
    /// bill", "is running for president", "is facing charges": a present
    /// progressive of a verb of standing, support or candidacy tells how
    /// things stand on the day, not what happened; with or without a date
    /// ("is leading in the polls this week"). Verbs of doing in the
    /// progressive stay ("are investigating", "is telling reporters").
    static func isStandingProgressive(_ words: [EventTrigger.Word], at index: Int, group: VerbGroup) -> Bool {
        guard group.tense == .present, !group.isPerfect, !group.isHypothetical, !group.isInfinitive,
              standingProgressives.contains(words[index].lowercased) else { return false }
        let auxiliaries = group.phrase.split(separator: " ").dropLast().map { VerbGroup.expanded($0.lowercased()) }
        return !auxiliaries.isEmpty && auxiliaries.allSatisfy { presentBe.contains($0) }
    }

    /// Progressives of standing (a race's order, a position held), support
    /// and opposition, and candidacy.
    static let standingProgressives: Set<String> = [
        "leading", "trailing", "lagging", "facing", "enjoying", "supporting", "backing", "opposing", "favoring", "favouring",
        "running", "seeking", "holding", "hovering", "remaining", "staying", "struggling", "polling", "topping",
    ]

    /// "they do try to use", "it does help": a present with "do" and no
    /// negation says what is done as a rule, as the simple present does.
    static func isEmphaticPresent(_ group: VerbGroup) -> Bool {
        guard group.tense == .present, !group.isNegated else { return false }
        let parts = group.phrase.split(separator: " ")
        return parts.count == 2 && (parts[0].lowercased() == "do" || parts[0].lowercased() == "does")
    }
}
