import Foundation

/// The sex of a named person when the text or the name tells it, so that a
/// pronoun is not taken for someone it cannot stand for ("she wrote" after a
/// quotation naming Donald Trump). Told by a title before or in the mention
/// ("Mrs. Clinton", "Mr Trump", "Sir Alex"), else by the first word of the
/// entity's name when `given-name-genders.txt` (names borne overwhelmingly by
/// one sex; names given to both left out) lists it. Unknown otherwise: an
/// unknown person may stand for either pronoun.
enum PersonGender: Equatable, Sendable {
    case female, male

    /// The gender a pronoun asks for: nil for "it", "they" and the like.
    static func of(pronoun: String) -> PersonGender? {
        switch pronoun {
        case "he", "him", "his", "himself": return .male
        case "she", "her", "hers", "herself": return .female
        default: return nil
        }
    }

    /// From a title word ("mrs", "mr.", "sir"), lower-cased, with or without its full stop.
    static func of(title: String) -> PersonGender? {
        var word = title
        if word.hasSuffix(".") { word.removeLast() }
        if femaleTitles.contains(word) { return .female }
        if maleTitles.contains(word) { return .male }
        return nil
    }

    /// From the entity's name: its first word, if a title or a listed given name.
    static func of(name: String) -> PersonGender? {
        guard let first = name.split(separator: " ").first else { return nil }
        if let gender = of(title: first.lowercased()) { return gender }
        return givenNames[String(first)]
    }

    static let femaleTitles: Set<String> = ["mrs", "ms", "miss", "madam", "madame", "lady", "dame", "mme", "mlle", "queen", "princess", "duchess"]
    static let maleTitles: Set<String> = ["mr", "sir", "lord", "mister", "monsieur", "king", "prince", "duke"]

    static let givenNames: [String: PersonGender] = {
        let url = Bundle.module.url(forResource: "given-name-genders", withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "given-name-genders", withExtension: "txt")
        // Shipped in the module; without it only titles tell a gender.
        let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        var names: [String: PersonGender] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { continue }
            names[String(fields[0])] = fields[1] == "F" ? .female : fields[1] == "M" ? .male : nil
        }
        return names
    }()
}
