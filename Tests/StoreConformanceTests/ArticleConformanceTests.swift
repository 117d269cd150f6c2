import ArticleStore
import DossierCore
import Foundation
import PostgresStore
import PostgresTestSupport
import StoreBackends
import Testing

/// Article storage, search and near-duplicates: what both backends must do alike.
@Suite struct ArticleConformanceTests {
    func draft(_ title: String, _ body: String, outlet: String? = nil, published: (Int, Int, Int)? = nil) -> ArticleDraft {
        ArticleDraft(title: title, outlet: outlet, published: published.flatMap { PublicationDate(year: $0.0, month: $0.1, day: $0.2) }, body: body)
    }

    func corpus(_ backend: StoreBackend) throws -> any Store {
        let store = try backend.makeStore()
        _ = try store.add([
            draft("Pakistan and Bangladesh sign defence pact",
                  "Pakistan said it has signed a defence cooperation pact with Bangladesh. Officials described training exchanges.",
                  outlet: "Wire", published: (2025, 12, 20)),
            draft("ISI and DGFI rebuild intelligence links",
                  "Closer coordination between the ISI and the DGFI was reported. Intelligence sharing is not formally announced.",
                  outlet: "The Sunday Guardian", published: (2025, 12, 28)),
            draft("Monsoon floods in Sylhet",
                  "Floods displaced thousands in Sylhet. The army joined relief work alongside civilian agencies.",
                  outlet: "Wire", published: (2024, 6, 20)),
        ])
        return store
    }

    @Test(arguments: StoreBackend.allCases)
    func exactDuplicatesAreRecognisedInAndAcrossBatches(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let first = try store.add([draft("Title", "Some body text here."), draft("TITLE", "Some   body\ntext here.")])
        guard case .added(let id, _) = first[0] else { Issue.record("not added"); return }
        #expect(first[1] == .duplicate(existingID: id))
        let again = try store.add([draft("title", "Some body text here."), draft("Other", "Different text.")])
        #expect(again[0] == .duplicate(existingID: id))
        guard case .added = again[1] else { Issue.record("distinct article not added"); return }
        #expect(try store.count(matching: nil) == 2)
    }

    @Test(arguments: StoreBackend.allCases)
    func everyFieldComesBackAsStored(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let published = PublicationDate(instant: Date(timeIntervalSince1970: 1_766_900_000.5), utcOffsetSeconds: 19_800, precision: .second)
        let full = ArticleDraft(title: "T", subtitle: "S", byline: "By A. Writer", outlet: "O", url: "https://example.com/a",
                                published: published, dateline: "DHAKA", language: "en", breadcrumbs: ["Home", "World"],
                                body: "Body of the article, with Côte d’Ivoire in it.", sourcePath: "/tmp/a.txt#2")
        let sparse = ArticleDraft(body: "Only a body.")
        let outcomes = try store.add([full, sparse])
        let ids = outcomes.compactMap { outcome -> Int64? in if case .added(let id, _) = outcome { return id } else { return nil } }
        #expect(ids.count == 2)
        let stored = try #require(try store.article(id: ids[0]))
        #expect(stored.draft == full)
        #expect(stored.wordCount == full.wordCount)
        #expect(stored.contentHash == articleContentHash(title: full.title, body: full.body))
        #expect(try store.article(id: ids[1])?.draft == sparse)
        #expect(try store.article(id: 999_999) == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func searchSyntaxMeansTheSameOnBothBackends(_ backend: StoreBackend) throws {
        let store = try corpus(backend)
        func titles(_ text: String) throws -> [String] {
            try store.search(SearchQuery(text: text, order: .oldest)).compactMap(\.article.draft.title)
        }
        #expect(try titles("ISI AND DGFI") == ["ISI and DGFI rebuild intelligence links"])
        #expect(try titles("isi dgfi") == ["ISI and DGFI rebuild intelligence links"])
        #expect(try titles("\"defence cooperation pact\"") == ["Pakistan and Bangladesh sign defence pact"])
        #expect(try titles("\"pact cooperation defence\"").isEmpty)
        #expect(try titles("floods OR pact") == ["Monsoon floods in Sylhet", "Pakistan and Bangladesh sign defence pact"])
        #expect(try titles("intelligence NOT ISI").isEmpty)
        #expect(try titles("(floods OR pact) NOT army") == ["Pakistan and Bangladesh sign defence pact"])
        #expect(try titles("coordinat*") == ["ISI and DGFI rebuild intelligence links"])
        #expect(try titles("NEAR(army relief, 3)") == ["Monsoon floods in Sylhet"])
        #expect(try titles("NEAR(relief army, 3)") == ["Monsoon floods in Sylhet"])
        #expect(try titles("NEAR(army agencies, 2)").isEmpty)
        #expect(try titles("title:Sylhet") == ["Monsoon floods in Sylhet"])
        #expect(try titles("title:officials").isEmpty)
        #expect(try titles("").count == 3)
        #expect(try store.count(matching: "wire OR floods") == 1)
        #expect(try store.count(matching: "pact") == 1)
        #expect(try store.count(matching: "  ") == 3)
    }

    @Test(arguments: StoreBackend.allCases)
    func accentsAndCaseAreFolded(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.add([draft("Abidjan", "Talks in Côte d’Ivoire and São Paulo ended.")])
        #expect(try store.count(matching: "cote") == 1)
        #expect(try store.count(matching: "SAO paulo") == 1)
        #expect(try store.count(matching: "Côte") == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func titleMatchesRankAboveBodyMatches(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.add([
            draft("Budget talks", "Intelligence services were mentioned once in passing in this long piece about budgets and planning."),
            draft("Intelligence chiefs meet", "The meeting covered budgets."),
        ])
        let hits = try store.search(SearchQuery(text: "intelligence"))
        #expect(hits.map(\.article.draft.title) == ["Intelligence chiefs meet", "Budget talks"])
        #expect(hits[0].rank > hits[1].rank)
        #expect(hits[1].rank > 0)
    }

    @Test(arguments: StoreBackend.allCases)
    func filtersOrderAndPaging(_ backend: StoreBackend) throws {
        let store = try corpus(backend)
        _ = try store.add([draft("Undated", "No date was given for this wire item.", outlet: "WIRE")])
        let since = PublicationDate(year: 2025, month: 1, day: 1)!.instant
        #expect(try store.search(SearchQuery(text: "", since: since)).count == 2)
        #expect(try store.search(SearchQuery(text: "", until: since)).map(\.article.draft.title) == ["Monsoon floods in Sylhet"])
        #expect(try store.search(SearchQuery(text: "", outlet: "wire")).count == 3)  // outlet matching ignores case
        // Undated articles come last newest-first and first oldest-first, as SQLite orders NULLs.
        let newest = try store.search(SearchQuery(text: "", order: .newest)).map(\.article.draft.title)
        #expect(newest == ["ISI and DGFI rebuild intelligence links", "Pakistan and Bangladesh sign defence pact", "Monsoon floods in Sylhet", "Undated"])
        let oldest = try store.search(SearchQuery(text: "", order: .oldest)).map(\.article.draft.title)
        #expect(oldest == ["Undated", "Monsoon floods in Sylhet", "Pakistan and Bangladesh sign defence pact", "ISI and DGFI rebuild intelligence links"])
        let page = try store.search(SearchQuery(text: "", limit: 1, offset: 2, order: .oldest))
        #expect(page.map(\.article.draft.title) == ["Pakistan and Bangladesh sign defence pact"])
        #expect(try store.search(SearchQuery(text: "wire OR pact OR floods", outlet: "Wire", order: .newest)).map(\.article.draft.title)
                == ["Pakistan and Bangladesh sign defence pact", "Monsoon floods in Sylhet", "Undated"])
    }

    @Test(arguments: StoreBackend.allCases)
    func snippetsMarkMatchedTerms(_ backend: StoreBackend) throws {
        let store = try corpus(backend)
        let hit = try #require(try store.search(SearchQuery(text: "DGFI", markStart: "<b>", markEnd: "</b>")).first)
        #expect(hit.snippet.contains("<b>DGFI</b>"))
        #expect(!hit.snippet.contains("\u{1}"))
        let plain = try #require(try store.search(SearchQuery(text: "")).first)
        #expect(plain.snippet == plain.article.draft.lead())
    }

    @Test(arguments: StoreBackend.allCases)
    func punctuationAnAnalystTypesIsText(_ backend: StoreBackend) throws {
        let store = try corpus(backend)
        for text in ["nosuchcolumn:word", "U.S. tariffs", "co-founder"] {
            #expect(try store.count(matching: text) == 0, "\(text)")
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func badQueriesAreErrorsNamingTheQuery(_ backend: StoreBackend) throws {
        let store = try corpus(backend)
        for text in ["\"unterminated", "AND OR", "(floods"] {
            do {
                _ = try store.search(SearchQuery(text: text))
                Issue.record("expected an error for \(text)")
            } catch {
                guard case .badQuery(let query, _) = error else { Issue.record("\(error)"); continue }
                #expect(query == text)
            }
            #expect(throws: StoreError.self) { try store.count(matching: text) }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func pagingThroughTheStoreAndDeleting(_ backend: StoreBackend) throws {
        let store = try corpus(backend)
        let all = try store.articles(after: 0, limit: 2) + store.articles(after: 2, limit: 2)
        #expect(all.map(\.id) == [1, 2, 3])
        let article = try #require(try store.article(id: 2))
        #expect(article.draft.outlet == "The Sunday Guardian")
        #expect(article.wordCount == 16)
        #expect(try store.delete(id: 2))
        #expect(try store.delete(id: 2) == false)
        #expect(try store.article(id: 2) == nil)
        #expect(try store.count(matching: "DGFI") == 0)  // the index follows deletions
        #expect(try store.integrityCheck() == "ok")
    }

    @Test(arguments: StoreBackend.allCases)
    func storesSurviveReopening(_ backend: StoreBackend) throws {
        let location = try backend.makeLocation()
        defer { if backend == .sqlite { try? FileManager.default.removeItem(atPath: location) } }
        do {
            let store = try StoreOpener.open(location)
            _ = try store.add([draft("Kept", "Durable text.")])
        }
        let reopened = try StoreOpener.open(location)
        #expect(try reopened.count(matching: "durable") == 1)
        #expect(try reopened.integrityCheck() == "ok")
    }

    /// More rows in one batch than one statement could bind row by row (16
    /// columns x 4,200 rows > 65,535 parameters).
    @Test(arguments: StoreBackend.allCases)
    func aBatchBeyondTheParameterLimitIsOneTransaction(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let drafts = (0..<4_200).map { draft("Item \($0)", "Report number \($0) of the batch.", outlet: $0.isMultiple(of: 2) ? "Even" : nil) }
        let outcomes = try store.add(drafts)
        #expect(outcomes.filter { if case .added = $0 { return true } else { return false } }.count == 4_200)
        #expect(try store.count(matching: nil) == 4_200)
        #expect(try store.search(SearchQuery(text: "\"number 4199\"")).first?.article.draft.title == "Item 4199")
        #expect(try store.search(SearchQuery(text: "", outlet: "even", limit: 10_000)).count == 2_100)
    }

    let wire = """
        Pakistan and Bangladesh have quietly rebuilt defence and security engagement over the past few months, \
        reopening institutional channels that had remained largely dormant since the early 2010s. The reset has \
        been driven by foreign ministry consultations, senior military interactions and formal defence cooperation \
        language used by both sides, officials said on Sunday.
        """
    var rewrite: String {
        "In a shift watched closely in New Delhi, " + wire.replacingOccurrences(of: "officials said on Sunday", with: "diplomats told reporters")
    }
    let unrelated = """
        Heavy monsoon rain flooded low-lying districts of Sylhet on Tuesday, displacing thousands of families. \
        Relief agencies said boats were needed to reach villages cut off by the water, and schools were closed.
        """

    @Test(arguments: StoreBackend.allCases)
    func rewritesAreLinkedBothWaysAcrossAndWithinBatches(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let first = try store.add([draft("Wire", wire), draft("Floods", unrelated)])
        let second = try store.add([draft("Rewrite", rewrite)])
        guard case .added(let rewriteID, let near) = second[0], case .added(let wireID, let none) = first[0] else {
            Issue.record("not added: \(second)")
            return
        }
        #expect(none.isEmpty)
        #expect(near == [wireID])
        let fromWire = try store.similar(to: wireID, limit: 10)
        #expect(fromWire.map(\.article.id) == [rewriteID])
        #expect(fromWire[0].score >= 0.6)
        #expect(try store.similar(to: rewriteID, limit: 10).map(\.article.id) == [wireID])
        // In one batch, the later article is linked to the earlier one.
        let together = try store.add([draft("Wire again", wire + " More."), draft("Rewrite again", rewrite + " More.")])
        guard case .added(let againID, _) = together[0], case .added(_, let linked) = together[1] else {
            Issue.record("not added: \(together)")
            return
        }
        #expect(linked.contains(againID))
        #expect(try store.delete(id: rewriteID))
        #expect(try !store.similar(to: wireID, limit: 10).map(\.article.id).contains(rewriteID))  // links go with the article
    }
}

/// The ranking cut-off of both backends (`rankingWindow`): what it changes,
/// and what it leaves exact.
@Suite struct RankingWindowTests {
    @Test(arguments: StoreBackend.allCases)
    func onlyTheMostRecentMatchesAreRankedAndCountsStayExact(_ backend: StoreBackend) throws {
        let location = try backend.makeLocation()
        func open(window: Int) throws -> any Store {
            backend == .sqlite ? try SQLiteStore(path: location, rankingWindow: window) : try PostgresStore(url: location, rankingWindow: window)
        }
        let store = try open(window: 2)
        _ = try store.add([
            ArticleDraft(title: "Floods everywhere", body: "Floods, floods and more floods."),
            ArticleDraft(title: "Rain", body: "Some floods in the north."),
            ArticleDraft(title: "Harvest", body: "Late floods hurt the harvest."),
        ])
        // The best match (the title) is the oldest: outside a window of two.
        let windowed = try store.search(SearchQuery(text: "floods", limit: 2)).compactMap(\.article.draft.title)
        #expect(Set(windowed) == ["Rain", "Harvest"], "\(windowed)")
        #expect(try store.count(matching: "floods") == 3)
        #expect(try store.search(SearchQuery(text: "floods", order: .oldest)).count == 3)
        // A page past the window widens it (so does the default page of 20 here).
        #expect(try store.search(SearchQuery(text: "floods", limit: 1, offset: 2)).count == 1)
        let unlimited = try open(window: 10_000)
        #expect(try unlimited.search(SearchQuery(text: "floods", limit: 2)).first?.article.draft.title == "Floods everywhere")
        // A word with no more matches than the window ranks exactly as without one.
        let rare = try store.search(SearchQuery(text: "harvest")).map(\.article.id)
        #expect(rare == (try unlimited.search(SearchQuery(text: "harvest")).map(\.article.id)))
        #expect(rare.count == 1)
    }
}
