/// The query an analyst types, made into one FTS5 accepts.
///
/// FTS5 takes bare words of letters, digits and `_` only: `U.S. tariffs` is a
/// syntax error near "." and `co-founder` reads as the column `co` minus...
/// nothing (`no such column: founder`). Such terms are quoted, which makes them
/// phrases of their tokens ("U.S." matches "u s", "co-founder" matches
/// "co founder" as adjacent words), while FTS5's own syntax keeps working:
/// `AND`, `OR`, `NOT`, `"phrases"`, `NEAR(a b, 10)`, `prefix*`, `^first`,
/// `title:word` and parentheses. Terms with no letter or digit at all ("&",
/// "-") are dropped: FTS5 would index nothing for them.
enum FullTextQuery {
    static let columns: Set<String> = ["title", "subtitle", "body"]

    /// Queries past these sizes are refused: FTS5's snippet cost grows with
    /// the square of the terms (3,000 terms took over a minute), and no
    /// analyst types a query of 100 words.
    static let maximumTerms = 100
    static let maximumBytes = 4096

    /// Why `query` is too long to run, or nil.
    static func sizeProblem(_ query: String) -> String? {
        if query.utf8.count > maximumBytes { return "the query is \(query.utf8.count) bytes long; at most \(maximumBytes) are searched" }
        let terms = query.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
        if terms > maximumTerms { return "the query has \(terms) terms; at most \(maximumTerms) are searched" }
        return nil
    }

    static func translate(_ query: String) -> String {
        var output: [String] = []
        let bytes = Array(query.utf8)
        var index = 0
        // For each open parenthesis: whether it is NEAR's, where a comma is syntax.
        var groups: [Bool] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            // Control bytes separate terms like spaces: FTS5 reads the query
            // as a C string, so a NUL inside a quoted term left the quote open.
            case 0x00...0x20, 0x7F:
                index += 1
            case 0x28:
                groups.append(output.last == "NEAR")
                output.append("(")
                index += 1
            case 0x29:
                _ = groups.popLast()
                output.append(")")
                index += 1
            case 0x2C:  // NEAR's distance follows a comma; elsewhere a comma is punctuation
                if groups.last == true { output.append(",") }
                index += 1
            case 0x22:  // a phrase, copied through its closing quote (FTS5 reports a missing one)
                var end = index + 1
                while end < bytes.count && bytes[end] != 0x22 { end += 1 }
                var phrase = String(decoding: bytes[index..<min(end + 1, bytes.count)], as: UTF8.self)
                index = min(end + 1, bytes.count)
                // A `*` right after the phrase makes it a prefix phrase.
                if index < bytes.count && bytes[index] == 0x2A {
                    phrase += " *"
                    index += 1
                }
                output.append(phrase)
            default:
                var end = index
                while end < bytes.count && !isSeparator(bytes[end]) { end += 1 }
                let word = Array(bytes[index..<end])
                index = end
                if let term = translateWord(word, beforeParenthesis: index < bytes.count && bytes[index] == 0x28) {
                    output.append(term)
                }
            }
        }
        return output.joined(separator: " ")
            .replacingOccurrences(of: "( ", with: "(")
            .replacingOccurrences(of: " )", with: ")")
            .replacingOccurrences(of: " ,", with: ",")
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, 0x7F, 0x28, 0x29, 0x2C, 0x22: return true
        default: return false
        }
    }

    /// A bare-word byte as FTS5 defines it: ASCII letters, digits, `_`, or any
    /// byte of a non-ASCII character.
    private static func isBareword(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
            || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func hasWordCharacter(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains { $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    private static func translateWord(_ word: [UInt8], beforeParenthesis: Bool) -> String? {
        let text = String(decoding: word, as: UTF8.self)
        if ["AND", "OR", "NOT"].contains(text) || (text == "NEAR" && beforeParenthesis) { return text }
        var body = word[...]
        var prefix = ""
        // title:word, a column filter
        if let colon = body.firstIndex(of: 0x3A) {
            let column = String(decoding: body[..<colon], as: UTF8.self)
            if columns.contains(column.lowercased()) {
                prefix = column.lowercased() + ":"
                body = body[(colon + 1)...]
            }
        }
        if body.first == 0x5E {  // ^first-token
            prefix += "^"
            body = body.dropFirst()
        }
        if body.isEmpty && !prefix.isEmpty { return prefix }  // title:"a phrase", title:(a OR b)
        var star = ""
        if body.last == 0x2A {
            star = "*"
            while body.last == 0x2A { body = body.dropLast() }
        }
        guard hasWordCharacter(body) else { return nil }
        if body.allSatisfy(isBareword) { return prefix + String(decoding: body, as: UTF8.self) + star }
        return prefix + "\"" + String(decoding: body, as: UTF8.self) + "\"" + (star.isEmpty ? "" : " *")
    }
}
