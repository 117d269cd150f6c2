import ArticleStore

/// Translates the analyst's query syntax (FTS5's, which the SQLite store reads
/// natively) into PostgreSQL `to_tsquery` text for the `dossier` text search
/// configuration.
///
/// - words must all match (implicit AND; `AND` may be written);
/// - `OR`, `NOT` (binary: `a NOT b` is a and not b), parentheses; NOT binds
///   tightest, then AND, then OR, as in FTS5;
/// - `"exact phrase"` becomes a `<->` phrase; `prefix*` becomes `prefix:*`;
/// - `title:word`, `subtitle:word`, `body:word` restrict the term to that
///   field's weight (title A, body B, subtitle C);
/// - `NEAR(a b, 10)`: two terms within 10 words of each other in either order,
///   as the disjunction of `a <k> b` and `b <k> a` for k = 1...11. With more than
///   two terms PostgreSQL has no exact equivalent: every pair must be near (a
///   stricter reading than FTS5's one window around all of them).
///
/// Each term is handed to `to_tsquery` quoted, so the configuration folds case
/// and accents exactly as it did for the stored text.
enum TextSearchQuery {
    struct SyntaxError: Error { var message: String }

    static func translate(_ query: String) throws(SyntaxError) -> String {
        var parser = Parser(tokens: try tokenize(query))
        let expression = try parser.parseOr()
        if let extra = parser.peek { throw SyntaxError(message: "unexpected \(extra.display)") }
        return expression
    }

    enum Token: Equatable {
        case word(String, prefix: Bool)
        case phrase(String, prefix: Bool)
        case column(String)
        case open, close, comma
        case and, or, not, near

        var display: String {
            switch self {
            case .word(let word, _): return "'\(word)'"
            case .phrase(let phrase, _): return "\"\(phrase)\""
            case .column(let column): return "'\(column):'"
            case .open: return "'('"
            case .close: return "')'"
            case .comma: return "','"
            case .and: return "AND"
            case .or: return "OR"
            case .not: return "NOT"
            case .near: return "NEAR"
            }
        }
    }

    static func tokenize(_ query: String) throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(query.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace { index += 1; continue }
            switch scalar {
            case "(": tokens.append(.open); index += 1; continue
            case ")": tokens.append(.close); index += 1; continue
            case ",": tokens.append(.comma); index += 1; continue
            case "\"":
                var phrase = String.UnicodeScalarView()
                index += 1
                var closed = false
                while index < scalars.count {
                    if scalars[index] == "\"" {
                        // "" inside a phrase is a literal quote, as in FTS5.
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            phrase.append("\""); index += 2; continue
                        }
                        closed = true; index += 1; break
                    }
                    phrase.append(scalars[index]); index += 1
                }
                guard closed else { throw SyntaxError(message: "unterminated string") }
                let prefix = index < scalars.count && scalars[index] == "*"
                if prefix { index += 1 }
                tokens.append(.phrase(String(phrase), prefix: prefix))
                continue
            default: break
            }
            var word = String.UnicodeScalarView()
            while index < scalars.count {
                let next = scalars[index]
                if next.properties.isWhitespace || next == "(" || next == ")" || next == "\"" || next == "," { break }
                if next == ":" { break }
                word.append(next); index += 1
            }
            if index < scalars.count, scalars[index] == ":" {
                index += 1
                let column = String(word).lowercased()
                // A colon after anything but a column is text ("Update: floods"),
                // as the SQLite store reads it (FullTextQuery).
                if ["title", "subtitle", "body"].contains(column) {
                    tokens.append(.column(column))
                    continue
                }
            }
            var text = String(word)
            switch text {
            case "AND": tokens.append(.and); continue
            case "OR": tokens.append(.or); continue
            case "NOT": tokens.append(.not); continue
            case "NEAR" where index < scalars.count && scalars[index] == "(": tokens.append(.near); continue
            default: break
            }
            let prefix = text.hasSuffix("*")
            if prefix { text.removeLast() }
            guard !text.isEmpty else { throw SyntaxError(message: "syntax error near \"*\"") }
            tokens.append(.word(text, prefix: prefix))
        }
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var position = 0

        var peek: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func next() -> Token? {
            defer { position += 1 }
            return peek
        }

        mutating func parseOr() throws(SyntaxError) -> String {
            var terms = [try parseAnd()]
            while peek == .or {
                position += 1
                terms.append(try parseAnd())
            }
            return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " | ") + ")"
        }

        mutating func parseAnd() throws(SyntaxError) -> String {
            var terms = [try parseNot()]
            while let token = peek, token != .or, token != .close {
                if token == .and { position += 1 }
                terms.append(try parseNot())
            }
            return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " & ") + ")"
        }

        mutating func parseNot() throws(SyntaxError) -> String {
            var expression = try parsePrimary()
            while peek == .not {
                position += 1
                expression = "(\(expression) & !\(try parsePrimary()))"
            }
            return expression
        }

        mutating func parsePrimary(column: String? = nil) throws(SyntaxError) -> String {
            guard let token = next() else { throw SyntaxError(message: "syntax error: the query ends too early") }
            switch token {
            case .open:
                let inner = try parseOr()
                guard next() == .close else { throw SyntaxError(message: "syntax error: missing ')'") }
                return inner
            case .word(let text, let prefix), .phrase(let text, let prefix):
                return TextSearchQuery.term(text, prefix: prefix, column: column)
            case .column(let name):
                guard column == nil else { throw SyntaxError(message: "syntax error near '\(name):'") }
                return try parsePrimary(column: name)
            case .near:
                return try parseNear()
            case .and, .or, .not, .close, .comma:
                throw SyntaxError(message: "syntax error near \(token.display)")
            }
        }

        mutating func parseNear() throws(SyntaxError) -> String {
            guard next() == .open else { throw SyntaxError(message: "syntax error: NEAR needs '('") }
            var terms: [String] = []
            var distance = 10
            var closed = false
            loop: while let token = next() {
                switch token {
                case .word(let text, let prefix), .phrase(let text, let prefix):
                    terms.append(TextSearchQuery.term(text, prefix: prefix, column: nil))
                case .comma:
                    guard case .word(let number, false)? = next(), let value = Int(number), value >= 0 else {
                        throw SyntaxError(message: "syntax error: NEAR distance must be a number")
                    }
                    distance = value
                    guard next() == .close else { throw SyntaxError(message: "syntax error: missing ')' after NEAR distance") }
                    closed = true
                    break loop
                case .close:
                    closed = true
                    break loop
                default: throw SyntaxError(message: "syntax error near \(token.display) in NEAR")
                }
            }
            guard closed else { throw SyntaxError(message: "syntax error: missing ')' after NEAR") }
            guard !terms.isEmpty else { throw SyntaxError(message: "syntax error: empty NEAR") }
            guard terms.count > 1 else { return terms[0] }
            var pairs: [String] = []
            for first in 0..<terms.count {
                for second in (first + 1)..<terms.count {
                    var ways: [String] = []
                    // FTS5's distance counts the words between; <k> counts positions apart.
                    for apart in 1...(distance + 1) {
                        ways.append("\(terms[first]) <\(apart)> \(terms[second])")
                        ways.append("\(terms[second]) <\(apart)> \(terms[first])")
                    }
                    pairs.append("(" + ways.joined(separator: " | ") + ")")
                }
            }
            return pairs.count == 1 ? pairs[0] : "(" + pairs.joined(separator: " & ") + ")"
        }
    }

    /// A word or phrase quoted for to_tsquery, with prefix and weight marks.
    static func term(_ text: String, prefix: Bool, column: String?) -> String {
        var quoted = "'"
        for character in text {
            switch character {
            case "'": quoted += "''"
            case "\\": quoted += "\\\\"
            default: quoted.append(character)
            }
        }
        quoted += "'"
        var marks = ""
        if prefix { marks += "*" }
        switch column {
        case "title": marks += "A"
        case "subtitle": marks += "C"
        case "body": marks += "B"
        default: break
        }
        return marks.isEmpty ? quoted : quoted + ":" + marks
    }
}
