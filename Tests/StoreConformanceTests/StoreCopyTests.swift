import ArticleStore
import DossierCore
import Foundation
import StoreBackends
import Testing

/// `StoreCopy` between the backends, both ways, and resumed.
@Suite struct StoreCopyTests {
    func filledStore(_ backend: StoreBackend) throws -> any Store {
        let store = try backend.makeStore()
        let body = "The ISI met the DGFI in Dhaka. Officials in New Delhi say little."
        func at(_ text: String) -> (Int, Int) {
            let range = body.range(of: text)!
            let start = body.utf8.distance(from: body.startIndex, to: range.lowerBound) + 1
            return (start, start + text.utf8.count - 1)
        }
        let mentions = [("ISI", EntityType.organization, 1), ("DGFI", .organization, 1), ("Dhaka", .geopolitical, 1), ("New Delhi", .geopolitical, 2)].map {
            Mention(text: $0.0, type: $0.1, entity: $0.0, start: at($0.0).0, stop: at($0.0).1, sentence: $0.2, source: .model)
        }
        _ = try store.add([ArticleDraft(title: "Met", outlet: "Wire", published: PublicationDate(year: 2025, month: 3, day: 2), body: body)],
                          mentions: [mentions], extractorVersion: "v-a")
        _ = try store.add((1...7).map { ArticleDraft(title: "Plain \($0)", body: "Plain article number \($0).") })
        _ = try store.add([ArticleDraft(title: "Later", body: "Later the DGFI denied it.")],
                          mentions: [[Mention(text: "DGFI", type: .organization, entity: "DGFI", start: 11, stop: 14, sentence: 1, source: .model)]],
                          extractorVersion: "v-b")
        // Claims on the first article (by one claim finder) and an empty list on the last (by another).
        let claimStore = try #require(store as? any ClaimStore)
        let ids = try store.articles(after: 0, limit: 100).map(\.id)
        let claim = Claim(source: 0..<7, cue: 8..<11, content: [12..<29], kind: .named, role: .official, entity: "ISI",
                          hedges: [Hedge(span: 0..<3, kind: .hedge)], sentence: 1)
        try claimStore.saveClaims([(ids[0], [claim, Claim(source: nil, cue: 30..<40, content: [41..<50], sentence: 2)])], version: "claims-a")
        try claimStore.saveClaims([(ids[8], [])], version: "claims-b")
        try store.saveAnalystEntity(AnalystEntity(name: "Directorate General of Forces Intelligence", type: .organization, aliases: ["DGFI"]))
        try store.rejectName("Officials")
        return store
    }

    @Test(arguments: [(StoreBackend.sqlite, StoreBackend.postgres), (.postgres, .sqlite)])
    func aCopyHoldsTheSameArticlesMentionsAndLexicon(_ backends: (from: StoreBackend, to: StoreBackend)) throws {
        let source = try filledStore(backends.from)
        let destination = try backends.to.makeStore()
        var copy = StoreCopy(from: source, to: destination)
        copy.batchSize = 4
        var reports: [StoreCopy.Progress] = []
        let result = try copy.run { reports.append($0) }
        #expect(result.copied == 9)
        #expect(result.alreadyThere == 0)
        #expect(reports.map(\.read) == [4, 8, 9])
        let copied = try destination.articles(after: 0, limit: 100)
        let original = try source.articles(after: 0, limit: 100)
        #expect(copied.map(\.draft) == original.map(\.draft))
        #expect(copied.map(\.contentHash) == original.map(\.contentHash))
        for (from, to) in zip(original, copied) {
            #expect(try destination.mentions(inArticle: to.id).map(\.mention) == source.mentions(inArticle: from.id).map(\.mention))
            #expect(try destination.extractorVersion(ofArticle: to.id) == source.extractorVersion(ofArticle: from.id))
            let claimsFrom = try #require(source as? any ClaimStore), claimsTo = try #require(destination as? any ClaimStore)
            #expect(try claimsTo.claims(inArticle: to.id) == claimsFrom.claims(inArticle: from.id))
            #expect(try claimsTo.claimVersion(ofArticle: to.id) == claimsFrom.claimVersion(ofArticle: from.id))
        }
        let claimsTo = try #require(destination as? any ClaimStore)
        #expect(try claimsTo.claims(inArticle: copied[0].id)?.count == 2)
        #expect(try claimsTo.claimVersion(ofArticle: copied[8].id) == "claims-b")
        #expect(try claimsTo.claims(inArticle: copied[1].id) == nil)
        #expect(try destination.analystEntities() == source.analystEntities())
        #expect(try destination.rejectedNames() == ["Officials"])
        #expect(try destination.entity(named: "DGFI")?.mentionCount == 2)
        #expect(try destination.topEntities(EntityQuery(limit: 5)).map(\.name) == source.topEntities(EntityQuery(limit: 5)).map(\.name))
    }

    @Test(arguments: StoreBackend.allCases)
    func aSecondRunStoresOnlyWhatTheFirstDidNot(_ backend: StoreBackend) throws {
        let source = try filledStore(backend == .sqlite ? .postgres : .sqlite)
        let destination = try backend.makeStore()
        // A first run that stopped early: only the first three articles arrived.
        _ = try destination.add(try source.articles(after: 0, limit: 3).map(\.draft))
        let result = try StoreCopy(from: source, to: destination).run()
        #expect(result.copied == 6)
        #expect(result.alreadyThere == 3)
        #expect(try destination.count(matching: nil) == 9)
        let again = try StoreCopy(from: source, to: destination).run()
        #expect(again.copied == 0)
        #expect(again.alreadyThere == 9)
    }
}
