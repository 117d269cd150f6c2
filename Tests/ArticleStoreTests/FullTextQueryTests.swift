import ArticleStore
import DossierCore
import Foundation
import Testing
@testable import ArticleStore

/// Issue 14, finding 8: analyst searches with punctuation failed with raw
/// SQLite errors ("fts5: syntax error near \".\"", "no such column: founder").
@Suite struct FullTextQueryTests {
    func store() throws -> SQLiteStore {
        let store = try SQLiteStore(path: ":memory:")
        _ = try store.add([
            ArticleDraft(title: "Tariffs", body: "New U.S. tariffs on steel took effect on Monday, officials said."),
            ArticleDraft(title: "Founders", body: "The co-founder of the firm resigned after the board met in Karachi."),
            ArticleDraft(title: "Talks", body: "Pakistan and Bangladesh held talks; trade and security were discussed."),
        ])
        return store
    }

    @Test(arguments: [("U.S. tariffs", 1), ("co-founder", 1), ("\"U.S.\" steel", 1), ("board's", 0), ("AT&T", 0),
                      ("tariffs, steel", 1), ("O'Brien", 0), ("e-mail OR co-founder", 1), ("&", 0), ("U.S.*", 1)])
    func punctuatedSearchesWork(_ query: String, _ expected: Int) throws {
        let store = try store()
        #expect(try store.search(SearchQuery(text: query)).count == expected, "\(query)")
        #expect(try store.count(matching: query) == expected, "\(query)")
    }

    @Test(arguments: [("Pakistan AND Bangladesh", 1), ("Pakistan OR tariffs", 2), ("Pakistan NOT Bangladesh", 0),
                      ("\"held talks\"", 1), ("NEAR(Pakistan security, 10)", 1), ("Kara*", 1), ("title:talks", 1),
                      ("title:steel", 0), ("(steel OR board) AND resigned", 1), ("^new", 1), ("title:\"talks\"", 1)])
    func fts5SyntaxStillWorks(_ query: String, _ expected: Int) throws {
        #expect(try store().search(SearchQuery(text: query)).count == expected, "\(query)")
    }

    @Test func translation() {
        #expect(FullTextQuery.translate("U.S. tariffs") == "\"U.S.\" tariffs")
        #expect(FullTextQuery.translate("co-founder*") == "\"co-founder\" *")
        #expect(FullTextQuery.translate("NEAR(a b, 10)") == "NEAR (a b, 10)")
        #expect(FullTextQuery.translate("title:U.S.") == "title:\"U.S.\"")
    }

    // Found by scripts/fuzz query: a NUL inside a term ended FTS5's reading
    // of the query inside the quotes the translation added ("unterminated
    // string"); control bytes now separate terms like spaces.
    @Test func controlBytesSeparateTerms() throws {
        let store = try store()
        #expect(FullTextQuery.translate("d_at\u{0}\u{0}é sIntte") == "d_at é sIntte")
        #expect(try store.search(SearchQuery(text: "tariffs\u{0}steel")).count == 1)
        #expect(try store.search(SearchQuery(text: "co-founder\u{7F}\u{1}board")).count == 1)
    }

    // Issue 14, finding 3: 1k/2k/4k-term queries took 4/16/69 s (snippets).
    @Test func overlongQueriesAreRefusedNotRun() throws {
        let store = try store()
        for query in [String(repeating: "pakistan ", count: 3000), String(repeating: "x", count: 5000)] {
            #expect(throws: StoreError.self) { try store.search(SearchQuery(text: query)) }
            #expect(throws: StoreError.self) { try store.count(matching: query) }
        }
        #expect(try store.search(SearchQuery(text: Array(repeating: "steel", count: 100).joined(separator: " "))).count == 1)
    }
}
