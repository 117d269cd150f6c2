import ArticleStore
import DossierCore
import Foundation
import Testing

/// Byline authors (person, organisation, desk) stored with an article, read
/// back, filtered on and re-read by re-extraction: the same on both backends.
@Suite struct BylineAuthorConformanceTests {
    let signed = ArticleDraft(title: "Flood relief reaches Sylhet", byline: "Jane Doe and Reuters",
                              body: "Relief convoys reached Sylhet on Monday.",
                              authors: [BylineAuthor(name: "Jane Doe", kind: .person), BylineAuthor(name: "Reuters", kind: .organisation)])
    let deskCopy = ArticleDraft(title: "Markets close higher", byline: "Web Desk",
                                body: "Shares rose on the Karachi exchange.", authors: [BylineAuthor(name: "Web Desk", kind: .desk)])
    let unsigned = ArticleDraft(title: "Weather", body: "Rain is expected in Lahore.")

    func ids(_ outcomes: [AddOutcome]) -> [Int64] {
        outcomes.compactMap { if case .added(let id, _) = $0 { id } else { nil } }
    }

    @Test(arguments: StoreBackend.allCases)
    func authorsAreStoredInBylineOrderWithTheirKinds(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let stored = ids(try store.add([signed, deskCopy, unsigned]))
        try #require(stored.count == 3)
        #expect(try store.article(id: stored[0])?.draft.authors == signed.authors)
        #expect(try store.article(id: stored[1])?.draft.authors == deskCopy.authors)
        #expect(try store.article(id: stored[2])?.draft.authors == [])
        // Every read path carries them: listings and search results too.
        #expect(try store.articles(after: 0, limit: 10).map(\.draft.authors) == [signed.authors, deskCopy.authors, []])
        #expect(try store.search(SearchQuery(text: "Sylhet")).first?.article.draft.authors == signed.authors)
    }

    @Test(arguments: StoreBackend.allCases)
    func searchKeepsOnlyArticlesCreditingAnAuthorOfTheKindAsked(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let stored = ids(try store.add([signed, deskCopy, unsigned]))
        func found(_ kind: BylineAuthor.Kind, text: String = "") throws -> [Int64] {
            try store.search(SearchQuery(text: text, authorKind: kind, order: .oldest)).map(\.article.id)
        }
        #expect(try found(.person) == [stored[0]])
        #expect(try found(.organisation) == [stored[0]])
        #expect(try found(.desk) == [stored[1]])
        #expect(try found(.unknown) == [])
        // With a text query as well as without one.
        #expect(try found(.desk, text: "shares") == [stored[1]])
        #expect(try found(.person, text: "shares") == [])
    }

    @Test(arguments: StoreBackend.allCases)
    func aNameThatContainsAKindsWordDoesNotMatchThatKind(_ backend: StoreBackend) throws {
        // "desk" inside a person's name is no desk credit: the filter matches the kind column, not the text.
        let store = try backend.makeStore()
        let stored = ids(try store.add([ArticleDraft(title: "Profile", byline: "Desk Person", body: "A profile of a person.",
                                                     authors: [BylineAuthor(name: "desk person", kind: .person)])]))
        #expect(try store.search(SearchQuery(text: "", authorKind: .desk)).isEmpty)
        #expect(try store.search(SearchQuery(text: "", authorKind: .person)).map(\.article.id) == stored)
    }

    @Test(arguments: StoreBackend.allCases)
    func reextractionReplacesTheAuthorsWithTheMentions(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let stored = ids(try store.add([ArticleDraft(title: "Old", byline: "AP", body: "Text of an old article.")],
                                       mentions: [[]], extractorVersion: "test-1"))
        let id = try #require(stored.first)
        #expect(try store.article(id: id)?.draft.authors == [])
        try store.replaceMentions([id: []], authors: [id: [BylineAuthor(name: "AP", kind: .organisation)]], extractorVersion: "test-2")
        #expect(try store.article(id: id)?.draft.authors == [BylineAuthor(name: "AP", kind: .organisation)])
        #expect(try store.extractorVersion(ofArticle: id) == "test-2")
        // Without authors, the stored ones stay.
        try store.replaceMentions([id: []], extractorVersion: "test-3")
        #expect(try store.article(id: id)?.draft.authors == [BylineAuthor(name: "AP", kind: .organisation)])
    }

    @Test(arguments: StoreBackend.allCases)
    func aCopiedStoreKeepsTheAuthors(_ backend: StoreBackend) throws {
        let source = try backend.makeStore()
        _ = try source.add([signed, deskCopy])
        let target = try SQLiteStore(path: ":memory:")
        _ = try StoreCopy(from: source, to: target).run()
        #expect(try target.articles(after: 0, limit: 10).map(\.draft.authors) == [signed.authors, deskCopy.authors])
    }
}
