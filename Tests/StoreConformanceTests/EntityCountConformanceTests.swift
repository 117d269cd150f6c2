import ArticleStore
import DossierCore
import Foundation
import StoreBackends
import Testing

/// The materialised entity counts (per-entity totals, co-occurring pairs, an
/// entity's articles by date) on both backends, checked against the same
/// figures recomputed from every stored mention after each kind of change:
/// ingest (with an acronym merging entities across articles), delete, an
/// analyst's alias merge, re-extraction, and mentions in titles and bylines.
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
            // A sentence is one of a field: the title's first is not the body's.
            var sentences: [Int64: Set<String>] = [:]
            var counts: [Int64: Int] = [:]
            for mention in mentions {
                counts[mention.entityID, default: 0] += 1
                sentences[mention.entityID, default: []].insert("\(mention.mention.field.rawValue) \(mention.mention.sentence)")
            }
            let leading = Self.leadingEntities(mentions)
            for (id, count) in counts {
                result.totals[id, default: (0, 0)].mentions += count
                result.totals[id, default: (0, 0)].articles += 1
                dated[id, default: []].append((article.draft.published?.instant ?? .distantPast, article.id))
                for (other, otherSentences) in sentences where other != id {
                    let shared = sentences[id, default: []].intersection(otherSentences).count
                    // In the article window only with a shared sentence, or both leading.
                    guard shared > 0 || (leading.contains(id) && leading.contains(other)) else { continue }
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

    /// An article's leading entities: the `leadingEntitiesPerArticle` it
    /// names most, ties to the one named first in reading order, then the
    /// lower id.
    static func leadingEntities(_ mentions: [StoredMention]) -> Set<Int64> {
        var counts: [Int64: Int] = [:]
        var first: [Int64: (Int, Int)] = [:]
        for found in mentions {
            counts[found.entityID, default: 0] += 1
            let place = (ArticleField.allCases.firstIndex(of: found.mention.field) ?? 0, found.mention.start)
            if first[found.entityID].map({ place < $0 }) ?? true { first[found.entityID] = place }
        }
        let ranked = counts.keys.sorted { a, b in
            if counts[a] != counts[b] { return counts[a, default: 0] > counts[b, default: 0] }
            let x = first[a] ?? (0, 0), y = first[b] ?? (0, 0)
            return x != y ? x < y : a < b
        }
        return Set(ranked.prefix(CooccurrenceWindow.leadingEntitiesPerArticle))
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

    /// A fifth article naming entities in its title, byline and body, at
    /// offsets and sentence numbers its fields share: the title's "Karim Khan"
    /// and the body's "Lahore" both start at byte 1 of sentence 1.
    func fieldArticle() throws -> (ArticleDraft, [Mention]) {
        let title = "Karim Khan meets the ISI"
        let byline = "By a Dhaka correspondent"
        let body = "Lahore was calm. Karim Khan stayed home."
        func mention(_ text: String, in fieldText: String, _ field: ArticleField, _ type: EntityType, sentence: Int) throws -> Mention {
            var found = try self.mention(text, in: fieldText, type, sentence: sentence)
            found.field = field
            return found
        }
        let draft = ArticleDraft(title: title, byline: byline, published: PublicationDate(year: 2025, month: 3, day: 5), body: body)
        return (draft, [
            try mention("Karim Khan", in: title, .title, .person, sentence: 1),
            try mention("ISI", in: title, .title, .organization, sentence: 1),
            try mention("Dhaka", in: byline, .byline, .geopolitical, sentence: 1),
            try mention("Lahore", in: body, .body, .geopolitical, sentence: 1),
            try mention("Karim Khan", in: body, .body, .person, sentence: 2),
        ])
    }

    @Test(arguments: StoreBackend.allCases)
    func titleAndBylineMentionsComeBackWithTheirFieldAndCount(_ backend: StoreBackend) throws {
        let (store, _) = try filled(backend, oneBatch: false)
        let (draft, mentions) = try fieldArticle()
        guard case .added(let id, _)? = try store.add([draft], mentions: [mentions], extractorVersion: "test-1").first else {
            Issue.record("the fifth article was not added")
            return
        }
        let stored = try store.mentions(inArticle: id)
        // In field order (title, byline, body), each with its own offsets.
        #expect(stored.map(\.mention.field) == [.title, .title, .byline, .body, .body])
        #expect(stored.map(\.mention.text) == ["Karim Khan", "ISI", "Dhaka", "Lahore", "Karim Khan"])
        #expect(stored.map(\.mention.start) == [1, 22, 6, 1, 18])
        #expect(stored.map(\.mention.sentence) == [1, 1, 1, 1, 2])
        for found in stored {
            let text = try #require(found.mention.field == .body ? draft.body : found.mention.field == .title ? draft.title : draft.byline)
            #expect(String(decoding: Array(text.utf8)[found.mention.byteRange], as: UTF8.self) == found.mention.text)
        }
        // The title's bare "ISI" resolved through the alias the corpus defined.
        #expect(stored[1].mention.entity == "Inter-Services Intelligence")
        let khan = try #require(try store.entity(named: "Karim Khan"))
        let ofKhan = try store.mentions(ofEntity: khan.id, limit: 2)  // the newest article first, title before body
        #expect(ofKhan.map(\.articleID) == [id, id])
        #expect(ofKhan.map(\.mention.field) == [.title, .body])

        try expectConsistent(store, "after adding mentions in a title and a byline")
        #expect(khan.mentionCount == 6)
        #expect(khan.articleCount == 4)
        let isi = try #require(try store.entity(named: "ISI"))
        #expect(isi.mentionCount == 5)
        #expect(isi.articleCount == 4)
        #expect(try store.entity(named: "Dhaka")?.articleCount == 4)
        // Karim Khan shares the title's sentence with the ISI, but not the
        // body's first sentence with Lahore: only the third article's counts.
        let withISI = try store.cooccurrences(of: khan.id, window: .sentence, type: .organization, limit: 5)
        #expect(withISI.first { $0.entity.id == isi.id }.map { [$0.count, $0.articleCount] } == [2, 2])
        let lahore = try #require(try store.entity(named: "Lahore"))
        let withLahore = try store.cooccurrences(of: khan.id, window: .sentence, type: .geopolitical, limit: 5)
        #expect(withLahore.first { $0.entity.id == lahore.id }.map { [$0.count, $0.articleCount] } == [1, 1])
        let byArticle = try store.cooccurrences(of: khan.id, window: .article, type: .geopolitical, limit: 5)
        #expect(byArticle.first { $0.entity.id == lahore.id }?.count == 2)
        let graph = try store.entityGraph(EntityQuery(limit: 10), window: .sentence, minimumWeight: 1)
        #expect(graph.edges.first { Set([$0.source, $0.target]) == [khan.id, lahore.id] }?.weight == 1)
        let third = try #require(PublicationDate(year: 2025, month: 3, day: 3)).instant
        let dated = try store.entityGraph(EntityQuery(since: third, limit: 10),
                                          window: .sentence, minimumWeight: 1)
        #expect(dated.edges.first { Set([$0.source, $0.target]) == [khan.id, lahore.id] }?.weight == 1)

        // Re-extracted without the title's mentions; then the article deleted.
        try store.replaceMentions([id: Array(mentions[2...])], extractorVersion: "test-2")
        try expectConsistent(store, "after re-extracting without the title's mentions")
        #expect(try store.mentions(inArticle: id).map(\.mention.field) == [.byline, .body, .body])
        #expect(try store.delete(id: id))
        try expectConsistent(store, "after deleting the article with field mentions")
    }

    /// The same corpus gives the same counts, by entity name, on both backends.
    @Test func bothBackendsCountFieldMentionsAlike() throws {
        var summaries: [String] = []
        for backend in StoreBackend.allCases {
            let (store, _) = try filled(backend, oneBatch: true)
            let (draft, mentions) = try fieldArticle()
            _ = try store.add([draft], mentions: [mentions], extractorVersion: "test-1")
            var lines: [String] = []
            for entity in try store.topEntities(EntityQuery(limit: 100)) {
                lines.append("\(entity.name): \(entity.mentionCount) in \(entity.articleCount)")
                for window in [CooccurrenceWindow.sentence, .article] {
                    for together in try store.cooccurrences(of: entity.id, window: window, type: nil, limit: 100) {
                        lines.append("  \(window) \(together.entity.name): \(together.count) in \(together.articleCount)")
                    }
                }
            }
            summaries.append(lines.joined(separator: "\n"))
        }
        #expect(summaries.count == 2)
        #expect(summaries.first == summaries.last)
        #expect(summaries.first?.contains("Karim Khan: 6 in 4") == true)
    }
}
