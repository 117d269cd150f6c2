import DossierCore

/// How a byline's typed authors are kept in the `byline_authors` column of
/// both backends: one author a line, its kind, a tab, its name ("person\tJane
/// Doe\norganisation\tReuters"); NULL when there are none. A name never holds
/// a tab or a line break (`BylineReader` collapses white space; they are
/// replaced by spaces here all the same), so the text reads back exactly.
public enum StoredAuthors {
    public static func text(_ authors: [BylineAuthor]) -> String? {
        guard !authors.isEmpty else { return nil }
        return authors.map { author in
            let name = author.name.map { $0 == "\t" || $0.isNewline ? " " : $0 }
            return author.kind.rawValue + "\t" + String(name)
        }.joined(separator: "\n")
    }

    /// The authors of a stored column, or an error saying which line is not
    /// "kind<tab>name" with a known kind (a row edited by hand).
    public static func authors(_ text: String?) throws(StoredAuthorsError) -> [BylineAuthor] {
        guard let text, !text.isEmpty else { return [] }
        var authors: [BylineAuthor] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let tab = line.firstIndex(of: "\t"), let kind = BylineAuthor.Kind(rawValue: String(line[..<tab])),
                  line.index(after: tab) < line.endIndex else {
                throw StoredAuthorsError(message: "byline_authors line \(index + 1) is not 'kind<tab>name' with a kind of "
                    + BylineAuthor.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ": '\(line.prefix(60))'")
            }
            authors.append(BylineAuthor(name: String(line[line.index(after: tab)...]), kind: kind))
        }
        return authors
    }

    /// The SQL condition for "a byline credits an author of this kind",
    /// given the placeholder of the kind's name and the dialect's function
    /// from code to character (`char` in SQLite, `chr` in PostgreSQL): the
    /// column with a line break before it holds "\n<kind>\t". A scan of the
    /// rows the other conditions leave, which is cheap beside the text search.
    public static func kindCondition(column: String, placeholder: String, character: String) -> String {
        "(\(character)(10) || \(column)) LIKE ('%' || \(character)(10) || \(placeholder) || \(character)(9) || '%')"
    }
}

public struct StoredAuthorsError: Error, Hashable, Sendable {
    public var message: String
}
