import ArticleStore
import DossierCore
import Foundation
import Testing

/// The entity counts are written once per batch (summed in memory, one
/// upsert per distinct row, many rows per statement). Whatever the batching,
/// they must equal the figures recomputed from the stored mentions: many
/// articles naming the same entities and pairs in one batch (more pair rows
/// than one statement carries), batches of one, a re-extraction of many
/// articles at once, deletions, and mentions written in two forms.
@Suite struct EntityCountBatchConformanceTests {
    let counts = EntityCountConformanceTests()

    static let pool: [(name: String, type: EntityType)] = (0..<24).map { index in
        let types: [EntityType] = [.person, .organization, .geopolitical]
        return ("Name\(UnicodeScalar(UInt8(65 + index))) Example", types[index % 3])
    }

    /// `count` articles, each naming three to seven entities of the pool in one
    /// to five body sentences, a third also in the title; a few write a name
    /// in capitals (a second written form of the same entity). Seeded.
    func corpus(count: Int, seed: UInt64) -> [(ArticleDraft, [Mention])] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { number in
            let cast = Array(Self.pool.shuffled(using: &rng).prefix(Int.random(in: 3...7, using: &rng)))
            var body = ""
            var mentions: [Mention] = []
            for sentence in 1...Int.random(in: 1...5, using: &rng) {
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    guard let named = cast.randomElement(using: &rng) else { continue }
                    let text = Int.random(in: 0..<8, using: &rng) == 0 ? named.name.uppercased() : named.name
                    let start = body.utf8.count + 1
                    body += text + " spoke "
                    mentions.append(Mention(text: text, type: named.type, entity: named.name, entityType: named.type,
                                            start: start, stop: start + text.utf8.count - 1, sentence: sentence, source: .model))
                }
                body += "today. "
            }
            var title = "Report \(number)"
            if number % 3 == 0, let named = cast.first {
                title = named.name + " in the news"
                var inTitle = Mention(text: named.name, type: named.type, entity: named.name, entityType: named.type,
                                      start: 1, stop: named.name.utf8.count, sentence: 1, source: .model)
                inTitle.field = .title
                mentions.append(inTitle)
            }
            let draft = ArticleDraft(title: title, published: PublicationDate(year: 2024, month: 1 + number % 12, day: 1 + number % 28),
                                     body: body + "Article \(number) seed \(seed).")
            return (draft, mentions)
        }
    }

    /// Every entity's totals and both windows of co-occurrence, by name.
    func summary(_ store: any Store) throws -> String {
        var lines: [String] = []
        for entity in try store.topEntities(EntityQuery(limit: 1000)).sorted(by: { $0.name < $1.name }) {
            lines.append("\(entity.name): \(entity.mentionCount) in \(entity.articleCount)")
            for window in [CooccurrenceWindow.sentence, .article] {
                for together in try store.cooccurrences(of: entity.id, window: window, type: nil, limit: 1000)
                    .sorted(by: { $0.entity.name < $1.entity.name }) {
                    lines.append("  \(window) \(together.entity.name): \(together.count) in \(together.articleCount)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: StoreBackend.allCases)
    func batchedCountsEqualTheMentionsAndTheCountsOfSingleArticleWrites(_ backend: StoreBackend) throws {
        let articles = corpus(count: 120, seed: 7)
        let batched = try backend.makeStore()
        var ids: [Int64] = []
        for range in [0..<50, 50..<51, 51..<120] {
            let slice = Array(articles[range])
            for case .added(let id, _) in try batched.add(slice.map(\.0), mentions: slice.map(\.1), extractorVersion: "test-1") {
                ids.append(id)
            }
        }
        #expect(ids.count == 120)
        try counts.expectConsistent(batched, "after ingest in batches of 50, 1 and 69")

        let single = try backend.makeStore()
        for (draft, mentions) in articles { _ = try single.add([draft], mentions: [mentions], extractorVersion: "test-1") }
        let summary = try summary(batched)
        #expect(summary == (try self.summary(single)))
        // Many pairs: more rows than one multi-row statement holds.
        #expect(summary.split(separator: "\n").count > 300)

        // Forty articles re-extracted at once, with other mentions.
        let replacements = corpus(count: 40, seed: 8)
        var replaced: [Int64: [Mention]] = [:]
        for (index, id) in ids.prefix(80).enumerated() where index % 2 == 0 {
            // The new mentions' offsets need not match the text for the counts.
            replaced[id] = replacements[index / 2].1
        }
        try batched.replaceMentions(replaced, extractorVersion: "test-2")
        try counts.expectConsistent(batched, "after re-extracting 40 articles in one call")

        for id in ids.suffix(30) { #expect(try batched.delete(id: id)) }
        try counts.expectConsistent(batched, "after deleting 30 articles")
        try batched.replaceMentions(Dictionary(uniqueKeysWithValues: ids.prefix(90).map { ($0, [Mention]()) }), extractorVersion: "test-3")
        #expect(try batched.topEntities(EntityQuery(limit: 100)).isEmpty)
        try counts.expectConsistent(batched, "after re-extracting every article to nothing", empty: true)
    }

    /// A name written in capitals and in mixed case is one entity; looked up by
    /// either written form, it is found (through the written forms).
    @Test(arguments: StoreBackend.allCases)
    func anEntityIsFoundByEveryWayItWasWritten(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let body = "NAMEA EXAMPLE spoke. NameA Example spoke again."
        let mentions = [
            Mention(text: "NAMEA EXAMPLE", type: .person, entity: "NameA Example", entityType: .person, start: 1, stop: 13, sentence: 1, source: .model),
            Mention(text: "NameA Example", type: .person, entity: "NameA Example", entityType: .person, start: 22, stop: 34, sentence: 2, source: .model),
        ]
        _ = try store.add([ArticleDraft(title: "T", body: body)], mentions: [mentions], extractorVersion: "test-1")
        let found = try #require(try store.entity(named: "namea example"))
        #expect(found.name == "NameA Example")
        #expect(found.mentionCount == 2)
        #expect(try store.entities(named: "NAMEA EXAMPLE", limit: 5).map(\.id) == [found.id])
    }
}
