import DossierCore
import Foundation
import Testing
@testable import ArticleStore

@Suite struct SQLiteStoreTests {
    func draft(_ title: String, _ body: String, outlet: String? = nil, published: String? = nil) -> ArticleDraft {
        let date = published.map { text -> PublicationDate in
            let parts = text.split(separator: "-").map { Int($0)! }
            return PublicationDate(year: parts[0], month: parts[1], day: parts[2])!
        }
        return ArticleDraft(title: title, outlet: outlet, published: date, body: body)
    }

    func corpus() throws -> SQLiteStore {
        let store = try SQLiteStore(path: ":memory:")
        _ = try store.add([
            draft("Pakistan and Bangladesh sign defence pact",
                  "Pakistan said it has signed a defence cooperation pact with Bangladesh. Officials described training exchanges.",
                  outlet: "Wire", published: "2025-12-20"),
            draft("ISI and DGFI rebuild intelligence links",
                  "Closer coordination between the ISI and the DGFI was reported. Intelligence sharing is not formally announced.",
                  outlet: "The Sunday Guardian", published: "2025-12-28"),
            draft("Monsoon floods in Sylhet",
                  "Floods displaced thousands in Sylhet. The army joined relief work alongside civilian agencies.",
                  outlet: "Wire", published: "2024-06-20"),
        ])
        return store
    }

    @Test func exactDuplicatesAreRecognisedAcrossWhitespaceAndCase() throws {
        let store = try SQLiteStore(path: ":memory:")
        let first = try store.add([draft("Title", "Some body text here.")])
        guard case .added(let id, _) = first[0] else { Issue.record("not added"); return }
        let again = try store.add([draft("TITLE", "Some   body\ntext here."), draft("Other", "Different text.")])
        #expect(again[0] == .duplicate(existingID: id))
        guard case .added = again[1] else { Issue.record("distinct article not added"); return }
        #expect(try store.count(matching: nil) == 2)
    }

    @Test func duplicatesWithinOneBatchAreStoredOnce() throws {
        let store = try SQLiteStore(path: ":memory:")
        let outcomes = try store.add([draft("A", "Same text."), draft("A", "Same text.")])
        guard case .added(let id, _) = outcomes[0] else { Issue.record("not added"); return }
        #expect(outcomes[1] == .duplicate(existingID: id))
    }

    @Test func searchSemantics() throws {
        let store = try corpus()
        func titles(_ text: String, _ configure: (inout SearchQuery) -> Void = { _ in }) throws -> [String] {
            var query = SearchQuery(text: text)
            configure(&query)
            return try store.search(query).compactMap(\.article.draft.title)
        }
        #expect(try titles("ISI AND DGFI") == ["ISI and DGFI rebuild intelligence links"])
        #expect(try titles("\"defence cooperation pact\"") == ["Pakistan and Bangladesh sign defence pact"])
        #expect(try titles("floods OR pact").count == 2)
        #expect(try titles("intelligence NOT ISI") == [])
        #expect(try titles("coordinat*") == ["ISI and DGFI rebuild intelligence links"])
        #expect(try titles("NEAR(army relief, 3)") == ["Monsoon floods in Sylhet"])
        #expect(try titles("title:Sylhet") == ["Monsoon floods in Sylhet"])
        #expect(try titles("") .count == 3)
    }

    @Test func titleMatchesRankAboveBodyMatches() throws {
        let store = try SQLiteStore(path: ":memory:")
        _ = try store.add([
            draft("Budget talks", "Intelligence services were mentioned once in passing in this long piece about budgets and planning."),
            draft("Intelligence chiefs meet", "The meeting covered budgets."),
        ])
        let hits = try store.search(SearchQuery(text: "intelligence"))
        #expect(hits.map(\.article.draft.title) == ["Intelligence chiefs meet", "Budget talks"])
        #expect(hits[0].rank > hits[1].rank)
    }

    @Test func filtersOrderAndPaging() throws {
        let store = try corpus()
        let since = PublicationDate(year: 2025, month: 1, day: 1)!.instant
        #expect(try store.search(SearchQuery(text: "", since: since)).count == 2)
        #expect(try store.search(SearchQuery(text: "", until: since)).map(\.article.draft.title) == ["Monsoon floods in Sylhet"])
        #expect(try store.search(SearchQuery(text: "", outlet: "wire")).count == 2)  // outlet matching ignores case
        let newest = try store.search(SearchQuery(text: "", order: .newest)).compactMap(\.article.draft.published?.iso8601)
        #expect(newest == ["2025-12-28", "2025-12-20", "2024-06-20"])
        let page = try store.search(SearchQuery(text: "", limit: 1, offset: 1, order: .oldest))
        #expect(page.map(\.article.draft.published?.iso8601) == ["2025-12-20"])
    }

    @Test func snippetsMarkMatchedTerms() throws {
        let store = try corpus()
        let hit = try #require(try store.search(SearchQuery(text: "DGFI", markStart: "<b>", markEnd: "</b>")).first)
        #expect(hit.snippet.contains("<b>DGFI</b>"))
        let plain = try #require(try store.search(SearchQuery(text: "")).first)
        #expect(!plain.snippet.isEmpty)
    }

    @Test func badQueriesAreErrorsNotCrashes() throws {
        let store = try corpus()
        #expect(throws: StoreError.self) { try store.search(SearchQuery(text: "\"unterminated")) }
        do {
            _ = try store.search(SearchQuery(text: "AND OR"))
            Issue.record("expected an error")
        } catch {
            guard case .badQuery(let query, let message) = error else { Issue.record("\(error)"); return }
            #expect(query == "AND OR")
            #expect(message.contains("syntax error"))
        }
        #expect(try store.count(matching: "pact") == 1)
    }

    @Test func getPageAndDelete() throws {
        let store = try corpus()
        let all = try store.articles(after: 0, limit: 2) + store.articles(after: 2, limit: 2)
        #expect(all.map(\.id) == [1, 2, 3])
        let article = try #require(try store.article(id: 2))
        #expect(article.draft.outlet == "The Sunday Guardian")
        #expect(article.wordCount == 16)
        #expect(article.contentHash.count == 64)
        #expect(try store.delete(id: 2))
        #expect(try store.delete(id: 2) == false)
        #expect(try store.article(id: 2) == nil)
        #expect(try store.count(matching: "DGFI") == 0)  // the index follows deletions
    }

    @Test func storesSurviveReopeningAndPassIntegrityCheck() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("nested/store.sqlite").path
        do {
            let store = try SQLiteStore(path: path)
            _ = try store.add([draft("Kept", "Durable text.")])
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.count(matching: "durable") == 1)
        #expect(try reopened.integrityCheck() == "ok")
    }

    @Test func contentHashIsSHA256OfTheNormalisedText() {
        // SHA-256("") and SHA-256("abc") from FIPS 180-4's examples.
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(articleContentHash(title: "A  Title", body: "Body\n\ntext") == articleContentHash(title: "a title", body: "body text"))
        #expect(articleContentHash(title: "A", body: "x") != articleContentHash(title: "A", body: "y"))
    }
}

@Suite struct ExtractionWarningStorageTests {
    @Test func warningsAreStoredWithTheArticleAndReadBack() throws {
        let store = try SQLiteStore(path: ":memory:")
        let notes = ["possibly truncated: kept 120 of about 5000 characters of article-like text on the page", "little text: 20 words"]
        let outcomes = try store.add([
            ArticleDraft(title: "Cut", body: "A short teaser.", warnings: notes),
            ArticleDraft(title: "Whole", body: "A whole story."),
        ], mentions: nil, extractorVersion: nil)
        guard case .added(let flaggedID, _) = outcomes[0], case .added(let wholeID, _) = outcomes[1] else {
            Issue.record("not added"); return
        }
        #expect(try store.article(id: flaggedID)?.draft.warnings == notes)
        #expect(try store.article(id: wholeID)?.draft.warnings == [])
    }
}
