import ArticleStore
import DossierCore

/// Runs fuzzed search text through `SQLiteStore.search`, the path
/// `store:search` takes, against a small in-memory store.
enum QuerySearch {
    private static let store: SQLiteStore = {
        do {
            let store = try SQLiteStore(path: ":memory:")
            _ = try store.add([
                ArticleDraft(title: "U.S. tariffs on steel", body: "The co-founder of AT&T said tariffs hurt Pakistan and Bangladesh."),
                ArticleDraft(title: "Élections à Paris", body: "Le maire a déclaré jeudi que les élections auront lieu en mai."),
            ], mentions: nil, extractorVersion: nil)
            return store
        } catch {
            fatalError("the fuzz store cannot be made: \(error)")
        }
    }()

    /// FTS5 query syntax an analyst may type on purpose (and get wrong).
    private static let syntaxBytes: Set<UInt8> = Set("\"()*^:,".utf8)
    private static let operators: Set<Substring> = ["AND", "OR", "NOT", "NEAR"]

    /// Any text may be refused as a bad query, but a query that uses no FTS5
    /// syntax is the analyst's plain words and punctuation: the translation
    /// promises FTS5 takes it, so a refusal there is a defect. A database
    /// error is always one.
    static func check(_ text: String) {
        do {
            _ = try store.search(SearchQuery(text: text))
        } catch .badQuery(let query, let message) {
            if usesSyntax(text) || FullTextQueryLimits.tooLong(text) { return }
            fatalError("plain query refused: \(String(reflecting: text)) -> '\(query)': \(message)")
        } catch {
            fatalError("search failed outside the query: \(error)")
        }
    }

    private static func usesSyntax(_ text: String) -> Bool {
        if text.utf8.contains(where: syntaxBytes.contains) { return true }
        // Terms are separated as FullTextQuery separates them: by spaces and control bytes.
        let words = text.utf8.split(whereSeparator: { $0 <= 0x20 || $0 == 0x7F })
        return words.contains { operators.contains(Substring(decoding: $0, as: UTF8.self)) }
    }
}

/// The size limits `search` applies before translating (100 terms, 4 KB);
/// longer queries are refused by design.
enum FullTextQueryLimits {
    static func tooLong(_ text: String) -> Bool {
        text.utf8.count > 4096 || text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count > 100
    }
}
