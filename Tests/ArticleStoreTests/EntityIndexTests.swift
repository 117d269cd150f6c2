import DossierCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ArticleStore

/// The entity index on hand-made mentions: merging across articles, the
/// queries analysts run, and the analyst's corrections.
@Suite struct EntityIndexTests {
    /// A mention of the first occurrence of `text` in `body`.
    func mention(_ text: String, in body: String, _ type: EntityType, entity: String? = nil, entityType: EntityType? = nil,
                 sentence: Int = 1, source: MentionSource = .model, occurrence: Int = 1) -> Mention {
        var searchStart = body.startIndex
        var found = body.range(of: text)!
        for _ in 1..<occurrence {
            searchStart = found.upperBound
            found = body.range(of: text, range: searchStart..<body.endIndex)!
        }
        let start = body.utf8.distance(from: body.startIndex, to: found.lowerBound) + 1
        return Mention(text: text, type: type, entity: entity ?? text, entityType: entityType, start: start,
                       stop: start + text.utf8.count - 1, sentence: sentence, source: source)
    }

    func draft(_ body: String, published: (Int, Int, Int)) -> ArticleDraft {
        ArticleDraft(title: String(body.prefix(20)), published: PublicationDate(year: published.0, month: published.1, day: published.2), body: body)
    }

    let defining = "Pakistan's Inter-Services Intelligence (ISI) met the DGFI in Dhaka. NEW DELHI is watching."
    let bare = "The ISI and the DGFI now talk. Officials in New Delhi say little."

    func definingMentions() -> [Mention] {
        [
            mention("Pakistan", in: defining, .geopolitical, source: .gazetteer),
            mention("Inter-Services Intelligence", in: defining, .organization, source: .model),
            mention("ISI", in: defining, .organization, entity: "Inter-Services Intelligence", source: .rule),
            mention("DGFI", in: defining, .organization),
            mention("Dhaka", in: defining, .geopolitical, source: .gazetteer),
            mention("NEW DELHI", in: defining, .geopolitical, sentence: 2, source: .gazetteer),
        ]
    }

    func bareMentions() -> [Mention] {
        [
            mention("ISI", in: bare, .organization),
            mention("DGFI", in: bare, .organization),
            mention("New Delhi", in: bare, .geopolitical, sentence: 2, source: .gazetteer),
        ]
    }

    func store(definingFirst: Bool) throws -> SQLiteStore {
        let store = try SQLiteStore(path: ":memory:")
        let first = (draft(defining, published: (2025, 4, 10)), definingMentions())
        let second = (draft(bare, published: (2025, 12, 28)), bareMentions())
        let ordered = definingFirst ? [first, second] : [second, first]
        for (draft, mentions) in ordered {
            _ = try store.add([draft], mentions: [mentions], extractorVersion: "test-1")
        }
        return store
    }

    @Test(arguments: [true, false])
    func anAcronymDefinedInOneArticleMergesItsBareUsesInAnyOther(definingFirst: Bool) throws {
        let store = try store(definingFirst: definingFirst)
        let isi = try #require(try store.entity(named: "isi"))
        #expect(isi.name == "Inter-Services Intelligence")
        #expect(isi.type == .organization)
        #expect(isi.aliases.contains("ISI"))
        #expect(isi.mentionCount == 3)
        #expect(isi.articleCount == 2)
        #expect(try store.entity(named: "Inter-Services Intelligence")?.id == isi.id)
    }

    @Test func caseVariantsAreOneEntityShownInMixedCase() throws {
        let store = try store(definingFirst: true)
        let delhi = try #require(try store.entity(named: "NEW DELHI"))
        #expect(delhi.name == "New Delhi")
        #expect(delhi.articleCount == 2)
    }

    @Test func mentionsKeepTheirOffsetsAndTheStoreWideName() throws {
        let store = try store(definingFirst: false)
        let id = try #require(try store.search(SearchQuery(text: "watching")).first?.article.id)
        let mentions = try store.mentions(inArticle: id)
        #expect(mentions.map(\.mention.text) == ["Pakistan", "Inter-Services Intelligence", "ISI", "DGFI", "Dhaka", "NEW DELHI"])
        let bytes = Array(defining.utf8)
        for stored in mentions {
            #expect(String(decoding: bytes[stored.mention.byteRange], as: UTF8.self) == stored.mention.text)
        }
        #expect(mentions[5].mention.entity == "New Delhi")
    }

    @Test func topEntitiesCountArticlesWithinTheDateWindow() throws {
        let store = try store(definingFirst: true)
        let all = try store.topEntities(EntityQuery(limit: 3))
        #expect(Set(all.prefix(3).map(\.name)) == ["Inter-Services Intelligence", "DGFI", "New Delhi"])
        let organisations = try store.topEntities(EntityQuery(type: .organization, limit: 10))
        #expect(organisations.map(\.name) == ["Inter-Services Intelligence", "DGFI"])
        let since = PublicationDate(year: 2025, month: 6)!.instant
        let recent = try store.topEntities(EntityQuery(type: .geopolitical, since: since, limit: 10))
        #expect(recent.map(\.name) == ["New Delhi"])
        #expect(recent.first?.articleCount == 1)
    }

    @Test func searchCanRequireEntitiesByNameOrAlias() throws {
        let store = try store(definingFirst: true)
        let both = try store.search(SearchQuery(text: "", mentioning: ["ISI", "dgfi"]))
        #expect(both.count == 2)
        let since = PublicationDate(year: 2025, month: 6)!.instant
        #expect(try store.search(SearchQuery(text: "", since: since, mentioning: ["Inter-Services Intelligence", "DGFI"])).count == 1)
        #expect(try store.search(SearchQuery(text: "", mentioning: ["ISI", "Dhaka"])).count == 1)
        #expect(try store.search(SearchQuery(text: "", mentioning: ["Nobody"])).isEmpty)
    }

    @Test func searchCanRequireOneEntityByIdNotItsNamesakes() throws {
        let store = try SQLiteStore(path: ":memory:")
        let person = "Georgia spoke first. Georgia said little."
        let state = "Storms hit Georgia on Monday."
        _ = try store.add([draft(person, published: (2025, 4, 10)), draft(state, published: (2025, 4, 11))],
                          mentions: [[mention("Georgia", in: person, .person)],
                                     [mention("Georgia", in: state, .geopolitical, source: .gazetteer)]],
                          extractorVersion: "test-1")
        let place = try #require(try store.topEntities(EntityQuery(type: .geopolitical, limit: 5)).first)
        #expect(place.name == "Georgia")
        // By name, both namesakes; by id, the one asked for.
        #expect(try store.search(SearchQuery(text: "", mentioning: ["Georgia"])).count == 2)
        #expect(try store.search(SearchQuery(text: "", mentioningEntities: [place.id])).map(\.article.draft.body) == [state])
        #expect(try store.search(SearchQuery(text: "", mentioningEntities: [place.id, -1])).isEmpty)
    }

    /// The ASCII fast path of the entity key folds exactly as the Unicode path.
    @Test func asciiEntityKeysFoldAsTheUnicodePathDoes() {
        let every = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        let names = ["NEW DELHI", "  New   Delhi ", "Inter-Services\tIntelligence\n", "U.S.", "AT&T", "", " ", every,
                     String(every.reversed()), "O'Brien", "x\u{0B}y\u{0C}z\r"]
        for name in names {
            #expect(asciiEntityKey(name) == unicodeEntityKey(name), "\(name.debugDescription)")
        }
        #expect(asciiEntityKey("Côte d’Ivoire") == nil)
        #expect(entityKey("CÔTE D’IVOIRE") == "côte d'ivoire")
    }

    @Test func cooccurrenceCountsSharedSentencesOrArticles() throws {
        let store = try store(definingFirst: true)
        let isi = try #require(try store.entity(named: "ISI"))
        let sentence = try store.cooccurrences(of: isi.id, window: .sentence, type: nil, limit: 10)
        #expect(sentence.first?.entity.name == "DGFI")
        #expect(sentence.first?.count == 2)
        #expect(!sentence.contains { $0.entity.name == "New Delhi" })
        let article = try store.cooccurrences(of: isi.id, window: .article, type: .geopolitical, limit: 10)
        #expect(article.first?.entity.name == "New Delhi")
        #expect(article.first?.count == 2)
    }

    @Test func theGraphExportsParseInEveryFormat() throws {
        let store = try store(definingFirst: true)
        let graph = try store.entityGraph(EntityQuery(limit: 10), window: .sentence, minimumWeight: 1)
        #expect(graph.nodes.count == 5)
        let isi = try #require(graph.nodes.first { $0.name == "Inter-Services Intelligence" })
        let dgfi = try #require(graph.nodes.first { $0.name == "DGFI" })
        #expect(graph.edges.contains { Set([$0.source, $0.target]) == [isi.id, dgfi.id] && $0.weight == 2 })

        let graphML = Data(graph.rendered(as: .graphml).utf8)
        let parser = XMLParser(data: graphML)
        #expect(parser.parse())
        let json = try JSONSerialization.jsonObject(with: Data(graph.rendered(as: .json).utf8)) as? [String: Any]
        #expect((json?["nodes"] as? [Any])?.count == 5)
        #expect((json?["links"] as? [Any])?.count == graph.edges.count)
        let dot = graph.rendered(as: .dot)
        #expect(dot.hasPrefix("graph entities {"))
        #expect(dot.contains("e\(min(isi.id, dgfi.id)) -- e\(max(isi.id, dgfi.id)) [weight=2"))
    }

    @Test func replacingMentionsDropsEntitiesNothingMentionsAnyMore() throws {
        let store = try store(definingFirst: true)
        let id = try #require(try store.search(SearchQuery(text: "watching")).first?.article.id)
        #expect(try store.articlesNeedingExtraction(version: "test-1", after: 0, limit: 10).isEmpty)
        #expect(try store.articlesNeedingExtraction(version: "test-2", after: 0, limit: 10).count == 2)
        try store.replaceMentions([id: [mention("Pakistan", in: defining, .geopolitical)]], extractorVersion: "test-2")
        #expect(try store.entity(named: "Dhaka") == nil)
        #expect(try store.mentions(inArticle: id).count == 1)
        #expect(try store.articlesNeedingExtraction(version: "test-2", after: 0, limit: 10).count == 1)
    }

    @Test func anAnalystAliasMergesStoredEntitiesAndSurvivesReopening() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entities-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try SQLiteStore(path: path)
            _ = try store.add([draft(bare, published: (2025, 12, 28))], mentions: [bareMentions()], extractorVersion: "test-1")
            try store.saveAnalystEntity(AnalystEntity(name: "Directorate General of Forces Intelligence", type: .organization, aliases: ["DGFI"]))
        }
        let store = try SQLiteStore(path: path)
        let dgfi = try #require(try store.entity(named: "DGFI"))
        #expect(dgfi.name == "Directorate General of Forces Intelligence")
        #expect(dgfi.fromAnalyst)
        #expect(dgfi.mentionCount == 1)
        #expect(try store.analystEntities() == [AnalystEntity(name: "Directorate General of Forces Intelligence", type: .organization, aliases: ["DGFI"])])
    }

    @Test func deletingAnArticleDeletesItsMentions() throws {
        let store = try store(definingFirst: true)
        let id = try #require(try store.search(SearchQuery(text: "watching")).first?.article.id)
        #expect(try store.delete(id: id))
        #expect(try store.mentions(inArticle: id).isEmpty)
        #expect(try store.entity(named: "ISI")?.mentionCount == 1)
    }
}
