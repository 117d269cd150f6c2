/// Acronyms of names that are no entity Dossier keeps (a law, an event, an
/// award: `NonOrganisationHeadRule`), so that the tagger's reading of the
/// acronym alone as an organisation goes too: "Annual International
/// Conference and Exhibition (AICE) … Registration for AICE 2022", or
/// "the Affordable Care Act … willingness to change ACA" where the text never
/// writes the definition but names the law in full. The acronym is the
/// definition's, or the initials of the name's capitalised words.
///
/// Only the tagger's one-word spans are dropped: a listed or defined acronym,
/// or one an analyst added, is trusted over this guess.
struct NoEntityAcronyms {
    private var acronyms: Set<[UInt8]> = []

    var isEmpty: Bool { acronyms.isEmpty }

    mutating func insert(_ acronym: [UInt8]) {
        acronyms.insert(acronym)
    }

    /// The initials of the capitalised words of `span` ("ACA" of
    /// "Affordable Care Act", "AICE" of "Annual International Conference and
    /// Exhibition"), when there are two or more.
    mutating func insertInitials(of span: Range<Int>, in text: TokenizedText, facts: TokenFacts) {
        var initials: [UInt8] = []
        for index in span where facts.shape[index] == .capitalised {
            initials.append(text.bytes[text.tokens[index].range.lowerBound])
        }
        if initials.count >= 2 { acronyms.insert(initials) }
    }

    /// Whether `candidate` is the tagger's one-word span on one of the acronyms.
    func names(_ candidate: Candidate, in text: TokenizedText) -> Bool {
        guard candidate.source == .model, candidate.tokens.count == 1 else { return false }
        return acronyms.contains(Array(text.bytes[candidate.bytes]))
    }
}
