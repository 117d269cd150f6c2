import ArticleStore
import DossierCore
import Foundation
import StoreBackends
import Testing

/// The entity index on hand-made mentions, on both backends: merging across
/// articles, the queries analysts run, and the analyst's corrections.
@Suite struct EntityConformanceTests {
    /// A mention of the first occurrence of `text` in `body`.
    func mention(_ text: String, in body: String, _ type: EntityType, entity: String? = nil, entityType: EntityType? = nil,
                 sentence: Int = 1, source: MentionSource = .model) throws -> Mention {
        let found = try #require(body.range(of: text))
        let start = body.utf8.distance(from: body.startIndex, to: found.lowerBound) + 1
        return Mention(text: text, type: type, entity: entity ?? text, entityType: entityType, start: start,
                       stop: start + text.utf8.count - 1, sentence: sentence, source: source)
    }

    func draft(_ body: String, published: (Int, Int, Int)) -> ArticleDraft {
        ArticleDraft(title: String(body.prefix(20)), published: PublicationDate(year: published.0, month: published.1, day: published.2), body: body)
    }

    let defining = "Pakistan's Inter-Services Intelligence (ISI) met the DGFI in Dhaka. NEW DELHI is watching."
    let bare = "The ISI and the DGFI now talk. Officials in New Delhi say little."

    func definingMentions() throws -> [Mention] {
        [
            try mention("Pakistan", in: defining, .geopolitical, source: .gazetteer),
            try mention("Inter-Services Intelligence", in: defining, .organization, source: .model),
            try mention("ISI", in: defining, .organization, entity: "Inter-Services Intelligence", source: .rule),
            try mention("DGFI", in: defining, .organization),
            try mention("Dhaka", in: defining, .geopolitical, source: .gazetteer),
            try mention("NEW DELHI", in: defining, .geopolitical, sentence: 2, source: .gazetteer),
        ]
    }

    func bareMentions() throws -> [Mention] {
        [
            try mention("ISI", in: bare, .organization),
            try mention("DGFI", in: bare, .organization),
            try mention("New Delhi", in: bare, .geopolitical, sentence: 2, source: .gazetteer),
        ]
    }

    func store(_ backend: StoreBackend, definingFirst: Bool = true, oneBatch: Bool = false) throws -> any Store {
        let store = try backend.makeStore()
        let first = (draft(defining, published: (2025, 4, 10)), try definingMentions())
        let second = (draft(bare, published: (2025, 12, 28)), try bareMentions())
        let ordered = definingFirst ? [first, second] : [second, first]
        if oneBatch {
            _ = try store.add(ordered.map(\.0), mentions: ordered.map(\.1), extractorVersion: "test-1")
        } else {
            for (draft, mentions) in ordered {
                _ = try store.add([draft], mentions: [mentions], extractorVersion: "test-1")
            }
        }
        return store
    }

    @Test(arguments: StoreBackend.allCases, [(true, false), (false, false), (true, true), (false, true)])
    func anAcronymDefinedInOneArticleMergesItsBareUsesInAnyOther(_ backend: StoreBackend, order: (definingFirst: Bool, oneBatch: Bool)) throws {
        let store = try store(backend, definingFirst: order.definingFirst, oneBatch: order.oneBatch)
        let isi = try #require(try store.entity(named: "isi"))
        #expect(isi.name == "Inter-Services Intelligence")
        #expect(isi.type == .organization)
        #expect(isi.aliases.first == "ISI")
        #expect(isi.mentionCount == 3)
        #expect(isi.articleCount == 2)
        #expect(try store.entity(named: "Inter-Services Intelligence")?.id == isi.id)
        #expect(try store.entity(id: isi.id) == isi)
        let delhi = try #require(try store.entity(named: "NEW DELHI"))
        #expect(delhi.name == "New Delhi")
        #expect(delhi.articleCount == 2)
        #expect(try store.entity(named: "Nobody") == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func mentionsKeepTheirOffsetsAndTheStoreWideName(_ backend: StoreBackend) throws {
        let store = try store(backend, definingFirst: false)
        let id = try #require(try store.search(SearchQuery(text: "watching")).first?.article.id)
        let mentions = try store.mentions(inArticle: id)
        #expect(mentions.map(\.mention.text) == ["Pakistan", "Inter-Services Intelligence", "ISI", "DGFI", "Dhaka", "NEW DELHI"])
        #expect(mentions.map(\.mention.source) == [.gazetteer, .model, .rule, .model, .gazetteer, .gazetteer])
        let bytes = Array(defining.utf8)
        for stored in mentions {
            #expect(String(decoding: bytes[stored.mention.byteRange], as: UTF8.self) == stored.mention.text)
        }
        #expect(mentions[5].mention.entity == "New Delhi")
        let dgfi = try #require(try store.entity(named: "DGFI"))
        let ofDGFI = try store.mentions(ofEntity: dgfi.id, limit: 10)
        #expect(ofDGFI.map(\.articleID).count == 2)
        #expect(try store.article(id: ofDGFI[0].articleID)?.draft.body == bare)  // newest first
    }

    @Test(arguments: StoreBackend.allCases)
    func topEntitiesCountArticlesWithinTheDateWindow(_ backend: StoreBackend) throws {
        let store = try store(backend)
        let all = try store.topEntities(EntityQuery(limit: 3))
        #expect(all.map(\.name) == ["Inter-Services Intelligence", "DGFI", "New Delhi"])
        let organisations = try store.topEntities(EntityQuery(type: .organization, limit: 10))
        #expect(organisations.map(\.name) == ["Inter-Services Intelligence", "DGFI"])
        #expect(organisations.map(\.mentionCount) == [3, 2])
        let since = PublicationDate(year: 2025, month: 6)!.instant
        let recent = try store.topEntities(EntityQuery(type: .geopolitical, since: since, limit: 10))
        #expect(recent.map(\.name) == ["New Delhi"])
        #expect(recent.first?.articleCount == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func searchCanRequireEntitiesByNameAliasOrId(_ backend: StoreBackend) throws {
        let store = try store(backend)
        #expect(try store.search(SearchQuery(text: "", mentioning: ["ISI", "dgfi"])).count == 2)
        let since = PublicationDate(year: 2025, month: 6)!.instant
        #expect(try store.search(SearchQuery(text: "", since: since, mentioning: ["Inter-Services Intelligence", "DGFI"])).count == 1)
        #expect(try store.search(SearchQuery(text: "", mentioning: ["ISI", "Dhaka"])).count == 1)
        #expect(try store.search(SearchQuery(text: "", mentioning: ["Nobody"])).isEmpty)
        let dhaka = try #require(try store.entity(named: "Dhaka"))
        #expect(try store.search(SearchQuery(text: "talk OR watching", mentioningEntities: [dhaka.id])).map(\.article.draft.body) == [defining])
        #expect(try store.search(SearchQuery(text: "", mentioningEntities: [dhaka.id, -1])).isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func cooccurrenceCountsSharedSentencesOrArticles(_ backend: StoreBackend) throws {
        let store = try store(backend)
        let isi = try #require(try store.entity(named: "ISI"))
        let sentence = try store.cooccurrences(of: isi.id, window: .sentence, type: nil, limit: 10)
        #expect(sentence.first?.entity.name == "DGFI")
        #expect(sentence.first?.count == 2)
        #expect(!sentence.contains { $0.entity.name == "New Delhi" })
        let article = try store.cooccurrences(of: isi.id, window: .article, type: .geopolitical, limit: 10)
        #expect(article.map(\.entity.name) == ["New Delhi", "Dhaka", "Pakistan"])
        #expect(article.map(\.count) == [2, 1, 1])
    }

    @Test(arguments: StoreBackend.allCases)
    func theGraphHasTheSameNodesAndEdges(_ backend: StoreBackend) throws {
        let store = try store(backend)
        let graph = try store.entityGraph(EntityQuery(limit: 10), window: .sentence, minimumWeight: 1)
        #expect(graph.nodes.count == 5)
        let isi = try #require(graph.nodes.first { $0.name == "Inter-Services Intelligence" })
        let dgfi = try #require(graph.nodes.first { $0.name == "DGFI" })
        #expect(graph.edges.first.map { Set([$0.source, $0.target]) } == [isi.id, dgfi.id])
        #expect(graph.edges.first?.weight == 2)
        let heavy = try store.entityGraph(EntityQuery(limit: 10), window: .sentence, minimumWeight: 2)
        #expect(heavy.edges.count == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func replacingMentionsDropsEntitiesNothingMentionsAnyMore(_ backend: StoreBackend) throws {
        let store = try store(backend)
        let id = try #require(try store.search(SearchQuery(text: "watching")).first?.article.id)
        #expect(try store.articlesNeedingExtraction(version: "test-1", after: 0, limit: 10).isEmpty)
        #expect(try store.articlesNeedingExtraction(version: "test-2", after: 0, limit: 10).count == 2)
        #expect(try store.extractorVersion(ofArticle: id) == "test-1")
        try store.replaceMentions([id: [try mention("Pakistan", in: defining, .geopolitical)]], extractorVersion: "test-2")
        #expect(try store.entity(named: "Dhaka") == nil)
        #expect(try store.mentions(inArticle: id).count == 1)
        #expect(try store.articlesNeedingExtraction(version: "test-2", after: 0, limit: 10).count == 1)
        #expect(try store.extractorVersion(ofArticle: id) == "test-2")
        let unextracted = try store.add([ArticleDraft(body: "Nothing extracted here.")])
        guard case .added(let plain, _) = unextracted[0] else { Issue.record("not added"); return }
        #expect(try store.extractorVersion(ofArticle: plain) == nil)
        #expect(try store.articlesNeedingExtraction(version: "test-2", after: 0, limit: 10).contains(plain))
    }

    @Test(arguments: StoreBackend.allCases)
    func anAnalystAliasMergesStoredEntitiesAndSurvivesReopening(_ backend: StoreBackend) throws {
        let location = try backend.makeLocation()
        defer { if backend == .sqlite { try? FileManager.default.removeItem(atPath: location) } }
        do {
            let store = try StoreOpener.open(location)
            _ = try store.add([draft(bare, published: (2025, 12, 28))], mentions: [try bareMentions()], extractorVersion: "test-1")
            try store.saveAnalystEntity(AnalystEntity(name: "Directorate General of Forces Intelligence", type: .organization, aliases: ["DGFI"]))
        }
        let store = try StoreOpener.open(location)
        let dgfi = try #require(try store.entity(named: "DGFI"))
        #expect(dgfi.name == "Directorate General of Forces Intelligence")
        #expect(dgfi.fromAnalyst)
        #expect(dgfi.mentionCount == 1)
        #expect(try store.analystEntities() == [AnalystEntity(name: "Directorate General of Forces Intelligence", type: .organization, aliases: ["DGFI"])])
    }

    @Test(arguments: StoreBackend.allCases)
    func rejectionsReplaceAnalystEntriesAndKeepTheirOrder(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        try store.saveAnalystEntity(AnalystEntity(name: "Chatters", type: .person))
        try store.saveAnalystEntity(AnalystEntity(name: "NSI", type: .organization, aliases: ["National Security Intelligence"]))
        try store.rejectName("Chatters")
        try store.rejectName("Mr Nobody")
        #expect(try store.analystEntities().map(\.name) == ["NSI"])
        #expect(try store.rejectedNames() == ["Chatters", "Mr Nobody"])
        try store.rejectName("CHATTERS")  // rejected again: moves to the end, under the new spelling
        #expect(try store.rejectedNames() == ["Mr Nobody", "CHATTERS"])
        try store.saveAnalystEntity(AnalystEntity(name: "Mr Nobody", type: .person))
        #expect(try store.rejectedNames() == ["CHATTERS"])
        #expect(try store.entity(named: "National Security Intelligence")?.name == "NSI")
    }

    @Test(arguments: StoreBackend.allCases)
    func deletingAnArticleDeletesItsMentions(_ backend: StoreBackend) throws {
        let store = try store(backend)
        let id = try #require(try store.search(SearchQuery(text: "watching")).first?.article.id)
        #expect(try store.delete(id: id))
        #expect(try store.mentions(inArticle: id).isEmpty)
        #expect(try store.entity(named: "ISI")?.mentionCount == 1)
        #expect(try store.entity(named: "Dhaka") == nil)
    }
}
