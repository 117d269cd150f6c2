/// A person's name after a role, inside a span the tagger read as an
/// organisation or a place: "St. Louis Park Mayor Jake Spano", "U.S. Supreme
/// Court Justice Antonin Scalia", "Director Carissa F. Etienne", "Bronx
/// Republican chair Michael Rendino". The name is what follows the last role
/// word when two or three capitalised words (or initials) end the span and
/// none of them heads an organisation or a place: the span becomes that
/// person. "President Barack Obama Foundation" stays an organisation.
enum RoleInNameRule {
    /// Roles as `SpanEdgeRule.roles`, and the lower-case ones written inside
    /// a longer description ("Bronx Republican chair Michael Rendino").
    static let lowerCaseRoles = WordSet("chair head leader member spokesperson")
    /// Offices named after a place or body: "Harris County Sheriff".
    static let offices = WordSet("sheriff")

    /// A "person" ending in a role ("Harris County Sheriff", "Finance
    /// Minister") names an office, not a person: no name follows the role.
    static func endsInRole(_ tokens: Range<Int>, label: CoNLLLabel, in text: TokenizedText) -> Bool {
        guard label == .person, tokens.count >= 2, let last = tokens.last else { return false }
        let hash = WordSet.hash(of: last, in: text, bare: true)
        return SpanEdgeRule.roles.contains(hash: hash) || offices.contains(hash: hash)
    }

    static func person(in tokens: Range<Int>, label: CoNLLLabel, in text: TokenizedText, facts: TokenFacts) -> Range<Int>? {
        guard label != .person, tokens.count >= 3 else { return nil }
        var index = tokens.upperBound - 3
        while index >= tokens.lowerBound {
            let hash = WordSet.hash(of: index, in: text, bare: true)
            if SpanEdgeRule.roles.contains(hash: hash) || lowerCaseRoles.contains(hash: hash) {
                let name = (index + 1)..<tokens.upperBound
                guard name.count <= 3, name.allSatisfy({ isNameWord($0, in: text, facts: facts) }) else { return nil }
                return name
            }
            index -= 1
        }
        return nil
    }

    private static func isNameWord(_ index: Int, in text: TokenizedText, facts: TokenFacts) -> Bool {
        guard facts.shape[index] == .capitalised else { return false }
        let hash = WordSet.hash(of: index, in: text, bare: true)
        return !SpanEdgeRule.organizationHeads.contains(hash: hash) && !SpanEdgeRule.placeHeads.contains(hash: hash)
            && !SpanEdgeRule.facilityHeads.contains(hash: hash) && !SpanEdgeRule.roles.contains(hash: hash)
    }
}
