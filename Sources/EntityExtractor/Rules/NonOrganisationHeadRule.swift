/// Laws, plans, awards, events and products are not organisations, though a
/// tagger trained on 1996 Reuters types them so from their capitals:
/// "Affordable Care Act", "Clean Power Plan", "Erikson Prize", "Republican
/// National Convention", "Annual International Conference and Exhibition",
/// "Boot Camp". OntoNotes calls them LAW, EVENT, WORK_OF_ART and PRODUCT;
/// Dossier has none of those types, so such a span names nothing it keeps.
/// The last word decides: it is the name's head.
///
/// Listed names inside such a span are part of its name, not mentions of
/// their own ("Republican" of "Republican National Convention"), and an
/// acronym the text defines for it ("Affordable Care Act (ACA)") names it too.
enum NonOrganisationHeadRule {
    static let heads = WordSet("""
        act acts plan prize prizes award awards convention exhibition expo festival summit treaty accord \
        amendment doctrine games olympics championship championships tournament camp
        """)

    /// Whether the tokens, read as a name, end in a head of something Dossier does not type.
    static func namesNoEntity(_ tokens: Range<Int>, in text: TokenizedText, facts: TokenFacts) -> Bool {
        guard tokens.count >= 2, let last = tokens.last, facts.shape[last] == .capitalised else { return false }
        return heads.contains(hash: WordSet.hash(of: last, in: text))
    }
}
