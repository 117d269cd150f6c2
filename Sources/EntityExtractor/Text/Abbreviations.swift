/// Words that take a full stop without ending a sentence. Case matters: "No."
/// is an abbreviation, "no." ends an answer.
enum Abbreviations {
    /// Titles come before a name, so a full stop after them never ends a
    /// sentence ("Lt. Gen. Asim Munir").
    static let titles: Set<[UInt8]> = bytesSet([
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl",
        "Pvt", "Adm", "Brig", "Cmdr", "Cdr", "Comdr", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt",
        "Insp", "Amb", "Sheikh", "Fr", "St", "Mt", "Ft", "Messrs", "Mme", "Mlle", "Rt", "Sqn", "Ldr",
        "Air", "Vice", "Dy", "Addl", "Jt",
    ].filter { $0 != "Air" && $0 != "Vice" })

    /// Other abbreviations: they may end a sentence when the next word plainly
    /// starts one ("... in the U.S. The talks ...").
    static let others: Set<[UInt8]> = bytesSet([
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Inc", "Corp", "Ltd", "Co", "Bros", "Cos", "Plc", "vs", "etc", "approx", "Dept", "Univ", "Assn",
        "Ave", "Blvd", "Rd", "Fig", "Vol", "Vols", "pp", "ca", "cf", "al", "Jr", "Sr", "Esq", "Rs", "Tk",
        "Calif", "Conn", "Fla", "Ill", "Mass", "Penn", "Tex", "Wash", "Ariz", "Colo", "Del", "Ga", "Ky",
        "La", "Md", "Mich", "Minn", "Miss", "Mo", "Nev", "Okla", "Ore", "Pa", "Tenn", "Va", "Wis", "Wyo",
        "Intl", "Govt", "Mln", "Bln", "mln", "bln", "min", "Nos", "Art", "Sec", "Cl",
    ])

    /// "No." and "Nos." are numbers only before a digit; elsewhere "No." may be a word.
    static let beforeNumbers: Set<[UInt8]> = bytesSet(["No", "Nos", "Art", "Sec", "Cl"])

    /// Capitalised words that start sentences far more often than they follow
    /// an abbreviation, so "U.S. The" ends a sentence and "U.S. President" does not.
    static let sentenceStarters: Set<[UInt8]> = bytesSet([
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
        "There", "In", "On", "At", "But", "And", "However", "Meanwhile", "His", "Her", "Its", "Their",
        "Our", "My", "If", "When", "While", "After", "Before", "As", "For", "With", "According", "Some",
        "Many", "Most", "Both", "Neither", "One", "Two", "Such", "Yet", "So", "Also", "Earlier", "Later",
        "Officials", "What", "Why", "How", "Who", "Where", "Since", "Although", "Though", "Under", "Last",
    ])

    /// The longest word of `titles`, `others` and `beforeNumbers`: a longer
    /// word before a full stop is none of them, and is not looked up.
    static let longestAbbreviation = titles.union(others).union(beforeNumbers).map(\.count).max() ?? 0

    private static func bytesSet(_ words: [String]) -> Set<[UInt8]> {
        Set(words.map { Array($0.utf8) })
    }

    static func isTitle(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        titles.contains(Array(bytes[range]))
    }
}
