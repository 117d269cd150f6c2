import DossierCore
import Foundation
@testable import PostgresStore
import StoreBackends
import Testing
@testable import ArticleStore

/// `entities:top` over a date window on both backends: from the date buckets
/// (the walk over the entities of largest total), from the window's rows
/// (summed directly), and recomputed from every stored mention, the same
/// ranking, through ingest, delete, re-extraction and an alias merge.
@Suite struct EntityDateWindowConformanceTests {
    static let names: [(String, EntityType)] = [
        ("Amman", .geopolitical), ("Berlin", .geopolitical), ("Cairo", .geopolitical), ("Dhaka", .geopolitical),
        ("Essen", .geopolitical), ("Fiona Gray", .person), ("Hana Ito", .person), ("Ivan Jung", .person),
        ("Kai Lund", .person), ("Mona Nash", .person), ("Oslo", .geopolitical), ("Paris", .geopolitical),
        ("Quito", .geopolitical), ("Rome", .geopolitical), ("Sofia", .geopolitical), ("Tunis", .geopolitical),
    ]

    static func seconds(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0) -> Double {
        PublicationDate(year: year, month: month, day: day, hour: hour, minute: 0)!.instant.timeIntervalSince1970
    }

    /// Sixty articles from December 2024 to April 2025 at all hours, each
    /// naming a few entities (the first ones far more often, as names are),
    /// some twice.
    static func corpus() -> [(ArticleDraft, [Mention])] {
        var random = SplitMix64(seed: 2025)
        return (0..<60).map { index in
            let day = Int.random(in: 0..<150, using: &random), hour = Int.random(in: 0..<24, using: &random)
            let date = Date(timeIntervalSince1970: seconds(2024, 12, 1) + Double(day * 86_400 + hour * 3_600))
            var chosen: [Int] = []
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                // Skewed: the square of a uniform number favours small indexes.
                let pick = Int(Double(names.count) * pow(Double.random(in: 0..<1, using: &random), 2))
                chosen.append(pick)
            }
            var body = "Report \(index)."
            var mentions: [Mention] = []
            for (sentence, pick) in chosen.enumerated() {
                let (name, type) = names[pick]
                body += " "
                let start = body.utf8.count + 1
                body += "\(name) spoke."
                mentions.append(Mention(text: name, type: type, entity: name, start: start, stop: start + name.utf8.count - 1,
                                        sentence: sentence + 2, source: .model))
            }
            let published = PublicationDate(instant: date, utcOffsetSeconds: 0, precision: .minute)
            return (ArticleDraft(title: "Report \(index)", published: published, body: body), mentions)
        }
    }

    /// The windows asked: a whole month, months with partial days at both
    /// ends, open on either side, within one day, empty.
    static let windows: [(since: Double?, until: Double?)] = [
        (seconds(2025, 2, 1), seconds(2025, 3, 1)),
        (seconds(2024, 12, 15, 6), seconds(2025, 3, 20, 18)),
        (nil, seconds(2025, 2, 10, 12)),
        (seconds(2025, 1, 3, 3), nil),
        (seconds(2025, 1, 10, 0), seconds(2025, 1, 31, 13)),
        (seconds(2025, 3, 5, 1), seconds(2025, 3, 5, 23)),
        (seconds(2025, 3, 5), seconds(2025, 3, 5)),
    ]

    struct Ranked: Equatable, CustomStringConvertible {
        let id: Int64, name: String, articles: Int, mentions: Int
        var description: String { "\(name) (\(articles) articles, \(mentions) mentions)" }
    }

    /// The window's top recomputed from every stored mention.
    func recount(_ store: any Store, since: Double?, until: Double?, type: EntityType?, limit: Int) throws -> [Ranked] {
        var counts: [Int64: (name: String, articles: Int, mentions: Int)] = [:]
        for article in try store.articles(after: 0, limit: 1000) {
            guard let published = article.draft.published?.instant.timeIntervalSince1970,
                  since.map({ published >= $0 }) ?? true, until.map({ published < $0 }) ?? true else { continue }
            var named: [Int64: (name: String, mentions: Int)] = [:]
            for stored in try store.mentions(inArticle: article.id) {
                let entity = try #require(try store.entity(id: stored.entityID))
                guard type == nil || entity.type == type else { continue }
                named[stored.entityID, default: (entity.name, 0)].mentions += 1
            }
            for (id, entry) in named {
                counts[id, default: (entry.name, 0, 0)].articles += 1
                counts[id, default: (entry.name, 0, 0)].mentions += entry.mentions
            }
        }
        let ranked = counts.map { Ranked(id: $0.key, name: $0.value.name, articles: $0.value.articles, mentions: $0.value.mentions) }
            .sorted { a, b in
                if a.articles != b.articles { return a.articles > b.articles }
                if a.mentions != b.mentions { return a.mentions > b.mentions }
                return Array(a.name.utf8).lexicographicallyPrecedes(Array(b.name.utf8))
            }
        return Array(ranked.prefix(limit))
    }

    func top(_ store: any Store, _ query: EntityQuery, _ plan: WindowedEntityTop.Plan) throws -> [Ranked] {
        let found: [StoredEntity]
        switch store {
        case let sqlite as SQLiteStore: found = try sqlite.topEntities(query, plan: plan)
        case let postgres as PostgresStore: found = try postgres.topEntities(query, plan: plan)
        default:
            Issue.record("not a store of this suite: \(type(of: store))")
            return []
        }
        return found.map { Ranked(id: $0.id, name: $0.name, articles: $0.articleCount, mentions: $0.mentionCount) }
    }

    static let plans: [(String, WindowedEntityTop.Plan)] = [
        ("direct", WindowedEntityTop.Plan(directRowLimit: Int.max - 1, firstCandidates: 1, maximumCandidates: 1)),
        ("walk from one candidate", WindowedEntityTop.Plan(directRowLimit: -1, firstCandidates: 1, maximumCandidates: 1_000_000)),
        ("walk that gives up at once", WindowedEntityTop.Plan(directRowLimit: -1, firstCandidates: 2, maximumCandidates: 2)),
        ("standard", .standard(limit: 3)),
    ]

    func expectWindowsRankAsTheRecount(_ store: any Store, _ stage: String) throws {
        for window in Self.windows {
            for (type, limit) in [(nil, 3), (nil, 100), (EntityType.person, 2), (nil, 1)] as [(EntityType?, Int)] {
                let query = EntityQuery(type: type, since: window.since.map { Date(timeIntervalSince1970: $0) },
                                        until: window.until.map { Date(timeIntervalSince1970: $0) }, limit: limit)
                let expected = try recount(store, since: window.since, until: window.until, type: type, limit: limit)
                for (name, plan) in Self.plans {
                    #expect(try top(store, query, plan) == expected, "\(stage): \(name), window \(window), type \(String(describing: type)), limit \(limit)")
                }
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func windowedTopRanksAsTheMentionsSayThroughEveryChange(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let corpus = Self.corpus()
        var ids: [Int64] = []
        for batch in stride(from: 0, to: corpus.count, by: 20) {
            let part = corpus[batch..<min(corpus.count, batch + 20)]
            for case .added(let id, _) in try store.add(part.map(\.0), mentions: part.map(\.1), extractorVersion: "test-1") { ids.append(id) }
        }
        #expect(ids.count == corpus.count)
        let whole = try store.topEntities(EntityQuery(since: Date(timeIntervalSince1970: 0), limit: 3))
        #expect(whole.count == 3)
        try expectWindowsRankAsTheRecount(store, "after ingest")

        for id in ids.prefix(12) { #expect(try store.delete(id: id)) }
        try expectWindowsRankAsTheRecount(store, "after deleting twelve articles")

        // Two articles re-extracted: one to other entities, one to none.
        let first = try #require(try store.article(id: ids[20])).draft.body
        let berlin = try #require(first.range(of: "Report")).lowerBound
        let start = first.utf8.distance(from: first.startIndex, to: berlin) + 1
        try store.replaceMentions([
            ids[20]: [Mention(text: "Report", type: .geopolitical, entity: "Sofia", start: start, stop: start + 5, sentence: 1, source: .model)],
            ids[21]: [],
        ], extractorVersion: "test-2")
        try expectWindowsRankAsTheRecount(store, "after re-extraction")

        // Rome merged into Amman by an analyst: Rome's articles move over.
        try store.saveAnalystEntity(AnalystEntity(name: "Amman", type: .geopolitical, aliases: ["Rome"]))
        try expectWindowsRankAsTheRecount(store, "after an alias merge")
    }
}

/// A PostgreSQL store from before the date buckets gets them from its
/// `entity_article` rows when the migration runs.
@Suite struct PostgresDateBucketMigrationTests {
    @Test func theMigrationFillsTheBucketsFromTheStoredArticles() throws {
        // 2025-01-31 23:00, 2025-02-01 01:00 and 2025-03-15 12:00 UTC.
        guard let url = try olderPostgresStore(before: "entity date buckets: articles and mentions per entity and UTC month and day, for entities:top over a date window", { session in
            try session.execute("""
                INSERT INTO article (id, title, body, word_count, content_hash, ingested_at, published_at) VALUES
                  (1, 'A', 'Dhaka.', 1, 'h1', 0, 1738364400), (2, 'B', 'Dhaka, Lahore.', 2, 'h2', 0, 1738371600),
                  (3, 'C', 'Lahore. Lahore.', 2, 'h3', 0, 1742040000)
                """)
            try session.execute("INSERT INTO entity (id, name, key, type) VALUES (1, 'Dhaka', 'dhaka', 'GPE'), (2, 'Lahore', 'lahore', 'GPE')")
            try session.execute("""
                INSERT INTO entity_count (entity_id, mentions, articles) VALUES (1, 2, 2), (2, 3, 2)
                """)
            try session.execute("""
                INSERT INTO entity_article (entity_id, article_id, published_at, mentions) VALUES
                  (1, 1, 1738364400, 1), (1, 2, 1738371600, 1), (2, 2, 1738371600, 1), (2, 3, 1742040000, 2)
                """)
        }) else { return }
        let store = try PostgresStore(url: url)
        let walk = WindowedEntityTop.Plan(directRowLimit: -1, firstCandidates: 1, maximumCandidates: 100)
        let spring = EntityQuery(since: Date(timeIntervalSince1970: 1738368000), until: Date(timeIntervalSince1970: 1743465600), limit: 5)
        let top = try store.topEntities(spring, plan: walk)
        #expect(top.map(\.name) == ["Lahore", "Dhaka"])
        #expect(top.map(\.articleCount) == [2, 1])
        #expect(top.map(\.mentionCount) == [3, 1])
    }
}
