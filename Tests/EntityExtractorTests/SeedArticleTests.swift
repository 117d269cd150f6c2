import DossierCore
@testable import EntityExtractor
import Foundation
import Testing

/// The extractor on the two seed captures, scored against `eval/seeds-entities.tsv`.
@Suite struct SeedArticleTests {
    struct Gold: Hashable {
        var text: String
        var type: EntityType
        var entity: String
    }

    /// Where each seed's story body starts and ends (as the capture parser cuts it).
    static let bodies: [String: (first: String, last: String)] = [
        "000_018e89bbf2e85b3f.txt": ("Pakistan said it has signed", "political cycles and headlines."),
        "003_cef261d7efc6bb5d.txt": ("Pakistan and Bangladesh have, over", "largely dismantled for years."),
    ]

    static let negatives = ["Officials", "Analysts", "Security officials", "Chatters", "Unlock", "Home", "Defense", "Training",
                            "Regional observers", "Sign New Defense Cooperation Pact", "New Defense Cooperation Pact",
                            "Defense Cooperation Pact", "Quietly Rebuild Intelligence", "Defence Links", "Most Popular"]

    static func gold() -> [String: [Gold]] {
        let url = Fixtures.repositoryRoot.appendingPathComponent("eval/seeds-entities.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var gold: [String: [Gold]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t").map(String.init)
            guard columns.count == 4, let type = EntityType(rawValue: columns[2]) else { continue }
            gold[columns[0], default: []].append(Gold(text: columns[1], type: type, entity: columns[3]))
        }
        return gold
    }

    /// Mentions of the body of `file`, in order.
    static func bodyMentions(_ file: String, extractor: EntityExtractor) -> (all: [Mention], body: [Mention]) {
        let text = Fixtures.seed(file)
        let bytes = Array(text.utf8)
        let (first, last) = bodies[file]!
        let start = text.range(of: first).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
        let end = text.range(of: last).map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) } ?? bytes.count
        let all = extractor.extract(text)
        return (all, all.filter { $0.start - 1 >= start && $0.stop <= end })
    }

    /// Found, missed and spurious mentions by (text, type, entity), as multisets.
    static func score(_ extractor: EntityExtractor) -> (found: Int, missed: [Gold], spurious: [Gold], negatives: [String]) {
        var found = 0
        var missed: [Gold] = []
        var spurious: [Gold] = []
        var negatives: [String] = []
        for (file, gold) in gold().sorted(by: { $0.key < $1.key }) {
            let (all, body) = bodyMentions(file, extractor: extractor)
            var predicted = body.map { Gold(text: $0.text, type: $0.type, entity: $0.entity) }
            for item in gold {
                if let index = predicted.firstIndex(of: item) {
                    predicted.remove(at: index)
                    found += 1
                } else {
                    missed.append(item)
                }
            }
            spurious += predicted
            negatives += all.map(\.text).filter { negatives.contains($0) || Self.negatives.contains($0) }
        }
        return (found, missed, spurious, negatives)
    }

    @Test func goldFileCoversBothSeeds() {
        let gold = Self.gold()
        #expect(gold.count == 2)
        #expect(gold.values.map(\.count).reduce(0, +) == 50)
    }

    @Test func listsAndRulesAloneFindEveryGoldMention() {
        let result = Self.score(Fixtures.listsOnly)
        print("seeds, lists and rules only: found \(result.found), missed \(result.missed.count), spurious \(result.spurious.count)")
        #expect(result.missed.isEmpty, "missed: \(result.missed)")
        #expect(result.spurious.isEmpty, "spurious: \(result.spurious)")
        #expect(result.negatives.isEmpty, "negatives: \(result.negatives)")
    }

    @Test(.enabled(if: Fixtures.bundled != nil, "no ner-model.bin bundled yet"))
    func bundledExtractorFindsEveryGoldMentionAndNoNegative() throws {
        let extractor = try #require(Fixtures.bundled)
        let result = Self.score(extractor)
        print("seeds, bundled model: found \(result.found), missed \(result.missed.count) \(result.missed.map(\.text)), spurious \(result.spurious.count) \(result.spurious.map { "\($0.text)/\($0.type.rawValue)" })")
        #expect(result.missed.isEmpty, "missed: \(result.missed)")
        #expect(result.negatives.isEmpty, "negatives: \(result.negatives)")
        #expect(result.spurious.count <= 2, "spurious: \(result.spurious)")
    }

    @Test func pageFurnitureAroundTheStory() {
        let mentions = Fixtures.listsOnly.extract(Fixtures.seed("003_cef261d7efc6bb5d.txt"))
        let dateline = mentions.first("NEW DELHI")
        #expect(dateline?.entity == "New Delhi")
        #expect(dateline?.type == .geopolitical)
        #expect(mentions.first("The Sunday Guardian")?.type == .organization)
        #expect(mentions.first("Indians")?.entity == "India")
    }
}
