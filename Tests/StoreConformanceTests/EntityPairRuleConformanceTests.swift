import ArticleStore
import DossierCore
import Foundation
import Testing

/// Which pairs an article adds to the article window of co-occurrence: its
/// leading entities (`CooccurrenceWindow.leadingEntitiesPerArticle`, those it
/// names most, ties to the one named first in reading order) with one
/// another, and any two entities sharing a sentence. Checked on both backends
/// with a list-like article longer than the cap, through ingest, a
/// re-extraction that changes the ranking, an alias merge that changes it
/// again, and a delete.
@Suite struct EntityPairRuleConformanceTests {
    let counts = EntityCountConformanceTests()
    static let cap = CooccurrenceWindow.leadingEntitiesPerArticle

    static func member(_ number: Int) -> String { "Member \(number) Example" }

    /// Sentences of one field, each naming its entities; mentions at their
    /// byte offsets.
    struct Writer {
        var text = ""
        var mentions: [Mention] = []
        var sentence = 0
        let field: ArticleField

        init(field: ArticleField = .body) { self.field = field }

        mutating func sentence(_ names: [String], _ type: EntityType = .person) {
            sentence += 1
            for (index, name) in names.enumerated() {
                if index > 0 { text += " and " }
                let start = text.utf8.count + 1
                text += name
                var found = Mention(text: name, type: type, entity: name, entityType: type, start: start,
                                    stop: start + name.utf8.count - 1, sentence: sentence, source: .model)
                found.field = field
                mentions.append(found)
            }
            text += " spoke. "
        }
    }

    /// A list naming `cap` + 4 members once each: members 1 to `cap` + 1 one
    /// a sentence, the last two in one sentence, and member `cap` + 2 only
    /// at the end, beside "Star Example", named twice; a title naming one
    /// person once.
    /// `extra`: members named once more in sentences of their own at the end.
    func listArticle(extra: [Int] = []) -> (ArticleDraft, [Mention]) {
        var title = Writer(field: .title)
        title.sentence(["Title Person Example"])
        var body = Writer()
        for number in 1...(Self.cap + 1) { body.sentence([Self.member(number)]) }
        body.sentence([Self.member(Self.cap + 3), Self.member(Self.cap + 4)])
        body.sentence(["Star Example"])
        body.sentence(["Star Example", Self.member(Self.cap + 2)])
        for number in extra { body.sentence([Self.member(number)]) }
        let draft = ArticleDraft(title: title.text, published: PublicationDate(year: 2025, month: 4, day: 1), body: body.text)
        return (draft, title.mentions + body.mentions)
    }

    /// A short article: member `cap` - 1 and member 1, in two sentences.
    func shortArticle() -> (ArticleDraft, [Mention]) {
        var body = Writer()
        body.sentence([Self.member(Self.cap - 1)])
        body.sentence([Self.member(1)])
        return (ArticleDraft(title: "Short", published: PublicationDate(year: 2025, month: 4, day: 2), body: body.text), body.mentions)
    }

    /// Names of the entities co-occurring with `name` in the window, with counts.
    func partners(_ store: any Store, _ name: String, _ window: CooccurrenceWindow) throws -> [String: Int] {
        let entity = try #require(try store.entity(named: name))
        var found: [String: Int] = [:]
        for together in try store.cooccurrences(of: entity.id, window: window, type: nil, limit: 1000) {
            found[together.entity.name] = together.count
        }
        return found
    }

    @Test(arguments: StoreBackend.allCases)
    func aListPairsItsLeadingEntitiesAndEntitiesSharingASentence(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let cap = Self.cap, member = Self.member
        let (list, listMentions) = listArticle()
        let (short, shortMentions) = shortArticle()
        let outcomes = try store.add([list, short], mentions: [listMentions, shortMentions], extractorVersion: "test-1")
        let ids = outcomes.compactMap { outcome -> Int64? in if case .added(let id, _) = outcome { return id } else { return nil } }
        try #require(ids.count == 2)
        try counts.expectConsistent(store, "after ingesting a list")

        // Leading: Star (named twice), the title's person (named first),
        // members 1 to cap - 2. Star pairs with them and, by a shared
        // sentence, with member cap + 2; not with member cap - 1.
        let star = try partners(store, "Star Example", .article)
        #expect(star.count == cap)
        #expect(star["Title Person Example"] == 1)
        #expect(star[member(cap - 2)] == 1)
        #expect(star[member(cap + 2)] == 1)
        #expect(star[member(cap - 1)] == nil)
        #expect(try partners(store, "Star Example", .sentence) == [member(cap + 2): 1])
        #expect(try partners(store, "Title Person Example", .article)[member(cap - 1)] == nil)
        // Beyond the leading ones: only a shared sentence, or another article.
        #expect(try partners(store, member(cap + 3), .article) == [member(cap + 4): 1])
        #expect(try partners(store, member(cap + 1), .article) == [:])
        #expect(try partners(store, member(cap - 1), .article) == [member(1): 1])
        #expect(try partners(store, member(1), .article)[member(cap - 1)] == 1)
        // The entities' own counts keep every article.
        #expect(try store.entity(named: member(cap + 1))?.articleCount == 1)
        #expect(try store.entity(named: member(1))?.articleCount == 2)

        // Re-extracted with member cap - 1 named twice: first of the leading
        // (two mentions, named before Star), so member cap - 2 drops out.
        let (_, promoted) = listArticle(extra: [cap - 1])
        try store.replaceMentions([ids[0]: promoted], extractorVersion: "test-2")
        try counts.expectConsistent(store, "after a re-extraction changing the leading entities")
        let raised = try partners(store, member(cap - 1), .article)
        #expect(raised[member(1)] == 2)
        #expect(raised["Star Example"] == 1)
        #expect(try partners(store, "Star Example", .article)[member(cap - 2)] == nil)

        // Member cap + 3 merged into member cap: two mentions, leading, and
        // the sentence it shared with member cap + 4 comes along.
        try store.saveAnalystEntity(AnalystEntity(name: member(cap), type: .person, aliases: [member(cap + 3)]))
        try counts.expectConsistent(store, "after an alias merge changing the leading entities")
        let merged = try partners(store, member(cap), .article)
        #expect(merged[member(cap + 4)] == 1)
        #expect(merged["Star Example"] == 1)
        #expect(merged[member(1)] == 1)
        #expect(try partners(store, "Star Example", .article)[member(cap - 3)] == nil)

        try expectGraphsAgree(store)

        #expect(try store.delete(id: ids[0]))
        try counts.expectConsistent(store, "after deleting the list")
        #expect(try partners(store, member(cap - 1), .article) == [member(1): 1])
    }

    /// `entities:graph{}` over every article reads the materialised pairs;
    /// with a date window it pairs the window's mentions: the same edges when
    /// the window holds every article, in both windows.
    func expectGraphsAgree(_ store: any Store) throws {
        let everything = try #require(PublicationDate(year: 2000, month: 1, day: 1)).instant
        for window in [CooccurrenceWindow.article, .sentence] {
            let whole = try store.entityGraph(EntityQuery(limit: 1000), window: window, minimumWeight: 1)
            let dated = try store.entityGraph(EntityQuery(since: everything, limit: 1000), window: window, minimumWeight: 1)
            func edges(_ graph: EntityGraph) -> [String] {
                graph.edges.map { "\($0.source)-\($0.target) \($0.weight)" }.sorted()
            }
            #expect(!whole.edges.isEmpty)
            #expect(edges(whole) == edges(dated), "\(window)")
        }
        // The list's last-but-one member leads nothing: no edge to Star.
        let star = try #require(try store.entity(named: "Star Example"))
        let member = try #require(try store.entity(named: Self.member(Self.cap + 1)))
        let dated = try store.entityGraph(EntityQuery(since: everything, limit: 1000), window: .article, minimumWeight: 1)
        #expect(!dated.edges.contains { Set([$0.source, $0.target]) == [star.id, member.id] })
    }

    /// The rule gives the same pairs, by name, on both backends.
    @Test func bothBackendsPairAListAlike() throws {
        var summaries: [String] = []
        for backend in StoreBackend.allCases {
            let store = try backend.makeStore()
            let (list, mentions) = listArticle(extra: [Self.cap + 1])
            _ = try store.add([list], mentions: [mentions], extractorVersion: "test-1")
            var lines: [String] = []
            for entity in try store.topEntities(EntityQuery(limit: 1000)).sorted(by: { $0.name < $1.name }) {
                for window in [CooccurrenceWindow.sentence, .article] {
                    let together = try store.cooccurrences(of: entity.id, window: window, type: nil, limit: 1000)
                    lines.append("\(entity.name) \(window): " + together.map { "\($0.entity.name) \($0.count)" }.sorted().joined(separator: ", "))
                }
            }
            summaries.append(lines.joined(separator: "\n"))
        }
        #expect(summaries.count == 2)
        #expect(summaries.first == summaries.last)
    }
}
