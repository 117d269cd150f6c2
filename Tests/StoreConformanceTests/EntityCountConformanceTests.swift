import ArticleStore
import DossierCore
import Foundation
import StoreBackends
import Testing

/// The materialised entity counts (per-entity totals, co-occurring pairs, an
/// entity's articles by date) on both backends, checked against the same
/// figures recomputed from every stored mention after each kind of change:
/// ingest (with an acronym merging entities across articles), delete, an
/// analyst's alias merge, and re-extraction.
@Suite struct EntityCountConformanceTests {
    func mention(_ text: String, in body: String, _ type: EntityType, entity: String? = nil, sentence: Int) throws -> Mention {
        let found = try #require(body.range(of: text))
        let start = body.utf8.distance(from: body.startIndex, to: found.lowerBound) + 1
        return Mention(text: text, type: type, entity: entity ?? text, start: start,
                       stop: start + text.utf8.count - 1, sentence: sentence, source: .model)
    }

    func draft(_ body: String, day: Int) -> ArticleDraft {
        ArticleDraft(title: "Report \(day)", published: PublicationDate(year: 2025, month: 3, day: day), body: body)
    }

    /// Four articles: the bare acronym "ISI" before and after its definition,
    /// entities sharing sentences and articles in several combinations.
    func corpus() throws -> [(ArticleDraft, [Mention])] {
        let first = "The ISI met Karim Khan in Dhaka. Karim Khan left Dhaka."
        let second = "Pakistan's Inter-Services Intelligence (ISI) met the DGFI in Dhaka. Karim Khan said nothing."
        let third = "The DGFI and the ISI spoke. Karim Khan was in Lahore with the ISI."
        let fourth = "Lahore and Dhaka traded. The Directorate General of Forces Intelligence stayed quiet."
        return [
            (draft(first, day: 1), [
                try mention("ISI", in: first, .organization, sentence: 1),
                try mention("Karim Khan", in: first, .person, sentence: 1),
                try mention("Dhaka", in: first, .geopolitical, sentence: 1),
                try mention("Karim Khan left", in: first, .person, entity: "Karim Khan", sentence: 2),
            ]),
            (draft(second, day: 2), [
                try mention("Pakistan", in: second, .geopolitical, sentence: 1),
                try mention("Inter-Services Intelligence", in: second, .organization, sentence: 1),
                try mention("ISI", in: second, .organization, entity: "Inter-Services Intelligence", sentence: 1),
                try mention("DGFI", in: second, .organization, sentence: 1),
                try mention("Dhaka", in: second, .geopolitical, sentence: 1),
                try mention("Karim Khan", in: second, .person, sentence: 2),
            ]),
            (draft(third, day: 3), [
                try mention("DGFI", in: third, .organization, sentence: 1),
                try mention("ISI", in: third, .organization, sentence: 1),
                try mention("Karim Khan", in: third, .person, sentence: 2),
                try mention("Lahore", in: third, .geopolitical, sentence: 2),
            ]),
            (draft(fourth, day: 4), [
                try mention("Lahore", in: fourth, .geopolitical, sentence: 1),
                try mention("Dhaka", in: fourth, .geopolitical, sentence: 1),
                try mention("Directorate General of Forces Intelligence", in: fourth, .organization, sentence: 2),
            ]),
        ]
    }

    /// What the counts must be: recomputed from every mention in the store.
    struct Recount: Equatable, CustomStringConvertible {
        var totals: [Int64: (mentions: Int, articles: Int)] = [:]
        /// entity -> other -> (shared articles, shared sentences, articles sharing a sentence)
        var pairs: [Int64: [Int64: (articles: Int, sentences: Int, sentenceArticles: Int)]] = [:]
        /// entity -> its articles, newest first
        var articles: [Int64: [Int64]] = [:]

        static func == (a: Recount, b: Recount) -> Bool { a.description == b.description }

        var description: String {
            var lines: [String] = []
            for (id, total) in totals.sorted(by: { $0.key < $1.key }) {
                lines.append("\(id): \(total.mentions) mentions in \(total.articles) articles \(articles[id] ?? [])")
                for (other, pair) in (pairs[id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    lines.append("  with \(other): \(pair.articles) articles, \(pair.sentences) sentences in \(pair.sentenceArticles)")
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    func recount(_ store: any Store) throws -> Recount {
        var result = Recount()
        let stored = try store.articles(after: 0, limit: 1000)
        var dated: [Int64: [(Date, Int64)]] = [:]
        for article in stored {
            let mentions = try store.mentions(inArticle: article.id)
            var sentences: [Int64: Set<Int>] = [:]
            var counts: [Int64: Int] = [:]
            for mention in mentions {
                counts[mention.entityID, default: 0] += 1
                sentences[mention.entityID, default: []].insert(mention.mention.sentence)
            }
            for (id, count) in counts {
                result.totals[id, default: (0, 0)].mentions += count
                result.totals[id, default: (0, 0)].articles += 1
                dated[id, default: []].append((article.draft.published?.instant ?? .distantPast, article.id))
                for (other, otherSentences) in sentences where other != id {
                    let shared = sentences[id, default: []].intersection(otherSentences).count
                    var pair = result.pairs[id, default: [:]][other] ?? (0, 0, 0)
                    pair.articles += 1
                    pair.sentences += shared
                    pair.sentenceArticles += shared > 0 ? 1 : 0
                    result.pairs[id, default: [:]][other] = pair
                }
            }
        }
        for (id, list) in dated { result.articles[id] = list.sorted { ($0.0, $0.1) > ($1.0, $1.1) }.map(\.1) }
        return result
    }

    /// The same figures as the store answers them through its queries.
    func answers(_ store: any Store) throws -> Recount {
        var result = Recount()
        for entity in try store.topEntities(EntityQuery(limit: 1000)) {
            result.totals[entity.id] = (entity.mentionCount, entity.articleCount)
            #expect(try store.entity(id: entity.id)?.mentionCount == entity.mentionCount)
            let byArticle = try store.cooccurrences(of: entity.id, window: .article, type: nil, limit: 1000)
            let bySentence = try store.cooccurrences(of: entity.id, window: .sentence, type: nil, limit: 1000)
            for together in byArticle {
                let sentence = bySentence.first { $0.entity.id == together.entity.id }
                #expect(together.count == together.articleCount)
                result.pairs[entity.id, default: [:]][together.entity.id] = (together.count, sentence?.count ?? 0, sentence?.articleCount ?? 0)
            }
            #expect(bySentence.allSatisfy { pair in byArticle.contains { $0.entity.id == pair.entity.id } })
            // timeline{entity=}'s selection: the entity's articles, newest first.
            let listed = try store.search(SearchQuery(text: "", mentioningEntities: [entity.id], limit: 1000, order: .newest))
            result.articles[entity.id] = listed.map(\.article.id)
            let newestTwo = try store.search(SearchQuery(text: "", mentioningEntities: [entity.id], limit: 2, order: .newest))
            #expect(newestTwo.map(\.article.id) == Array(listed.prefix(2).map(\.article.id)))
        }
        return result
    }

    func expectConsistent(_ store: any Store, _ comment: Comment, empty: Bool = false) throws {
        let expected = try recount(store)
        let answered = try answers(store)
        #expect(answered == expected, comment)
        #expect(expected.totals.isEmpty == empty)
    }

    func filled(_ backend: StoreBackend, oneBatch: Bool) throws -> (any Store, [Int64]) {
        let store = try backend.makeStore()
        var ids: [Int64] = []
        let articles = try corpus()
        if oneBatch {
            let outcomes = try store.add(articles.map(\.0), mentions: articles.map(\.1), extractorVersion: "test-1")
            for case .added(let id, _) in outcomes { ids.append(id) }
        } else {
            for (draft, mentions) in articles {
                for case .added(let id, _) in try store.add([draft], mentions: [mentions], extractorVersion: "test-1") { ids.append(id) }
            }
        }
        return (store, ids)
    }

    @Test(arguments: StoreBackend.allCases, [false, true])
    func countsMatchTheMentionsAfterIngestWithAnAcronymMerge(_ backend: StoreBackend, oneBatch: Bool) throws {
        let (store, _) = try filled(backend, oneBatch: oneBatch)
        try expectConsistent(store, "after ingest")
        // The bare "ISI" of the first article merged into the definition of
        // the second: one entity, named in three articles.
        let isi = try #require(try store.entity(named: "ISI"))
        #expect(isi.name == "Inter-Services Intelligence")
        #expect(isi.articleCount == 3)
        #expect(isi.mentionCount == 4)
        let top = try store.topEntities(EntityQuery(limit: 2))
        #expect(top.map(\.articleCount) == [3, 3])
        let withKhan = try store.cooccurrences(of: isi.id, window: .sentence, type: .person, limit: 5)
        #expect(withKhan.map(\.entity.name) == ["Karim Khan"])
        #expect(withKhan.first?.count == 1)  // only the first sentence of the first article names both
        #expect(withKhan.first?.articleCount == 1)
        let byArticle = try store.cooccurrences(of: isi.id, window: .article, type: .person, limit: 5)
        #expect(byArticle.first?.count == 3)
    }

    @Test(arguments: StoreBackend.allCases)
    func countsMatchTheMentionsAfterADelete(_ backend: StoreBackend) throws {
        let (store, ids) = try filled(backend, oneBatch: false)
        #expect(try store.delete(id: ids[1]))
        try expectConsistent(store, "after deleting the defining article")
        // Pakistan was named only there: gone from the counts and the entities.
        #expect(try store.topEntities(EntityQuery(limit: 100)).allSatisfy { $0.name != "Pakistan" })
        #expect(try store.delete(id: ids[0]))
        #expect(try store.delete(id: ids[2]))
        #expect(try store.delete(id: ids[3]))
        #expect(try store.topEntities(EntityQuery(limit: 100)).isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func countsMatchTheMentionsAfterAnAnalystAliasMerge(_ backend: StoreBackend) throws {
        let (store, _) = try filled(backend, oneBatch: false)
        let dgfi = try #require(try store.entity(named: "DGFI"))
        #expect(dgfi.articleCount == 2)
        try store.saveAnalystEntity(AnalystEntity(name: "Directorate General of Forces Intelligence", type: .organization, aliases: ["DGFI"]))
        try expectConsistent(store, "after merging DGFI into its full name")
        let merged = try #require(try store.entity(named: "DGFI"))
        #expect(merged.name == "Directorate General of Forces Intelligence")
        #expect(merged.articleCount == 3)
        let dhaka = try #require(try store.entity(named: "Dhaka"))
        let near = try store.cooccurrences(of: dhaka.id, window: .article, type: .organization, limit: 5)
        #expect(near.first { $0.entity.id == merged.id }?.count == 2)
    }

    @Test(arguments: StoreBackend.allCases)
    func countsMatchTheMentionsAfterReextraction(_ backend: StoreBackend) throws {
        let (store, ids) = try filled(backend, oneBatch: false)
        // The third article re-extracted: Lahore gone, a new person found in
        // the sentence of the DGFI and the ISI.
        let third = try #require(try store.article(id: ids[2])).draft.body
        try store.replaceMentions([ids[2]: [
            try mention("DGFI", in: third, .organization, sentence: 1),
            try mention("ISI", in: third, .organization, sentence: 1),
            try mention("Karim Khan", in: third, .person, sentence: 1),
        ]], extractorVersion: "test-2")
        try expectConsistent(store, "after re-extracting the third article")
        let lahore = try #require(try store.entity(named: "Lahore"))
        #expect(lahore.articleCount == 1)
        let khan = try #require(try store.entity(named: "Karim Khan"))
        let withDGFI = try store.cooccurrences(of: khan.id, window: .sentence, type: .organization, limit: 5)
        #expect(withDGFI.contains { $0.entity.name == "DGFI" && $0.count == 1 })
        // Everything re-extracted to nothing: no counts left.
        try store.replaceMentions(Dictionary(uniqueKeysWithValues: ids.map { ($0, [Mention]()) }), extractorVersion: "test-3")
        #expect(try store.topEntities(EntityQuery(limit: 100)).isEmpty)
        try expectConsistent(store, "after re-extracting to no mentions", empty: true)
    }
}
