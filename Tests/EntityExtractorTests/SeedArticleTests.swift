import DossierCore
@testable import EntityExtractor
import Foundation
import Testing

/// The extractor on the two seed captures, scored against `eval/seeds-entities.tsv`.
@Suite struct SeedArticleTests {
    /// Where each seed's story body starts and ends (as the capture parser cuts it).
    static let bodies: [String: (first: String, last: String)] = [
        "000_018e89bbf2e85b3f.txt": ("Pakistan said it has signed", "political cycles and headlines."),
        "003_cef261d7efc6bb5d.txt": ("Pakistan and Bangladesh have, over", "largely dismantled for years."),
    ]

    static func gold() throws -> MentionGold {
        try MentionGold(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("eval/seeds-entities.tsv"))
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
    static func score(_ extractor: EntityExtractor) throws -> MentionGold.Score {
        let gold = try gold()
        var score = MentionGold.Score()
        for file in gold.files.keys.sorted() {
            let (all, body) = bodyMentions(file, extractor: extractor)
            gold.score(file: file, predicted: body, everywhere: all, into: &score)
        }
        return score
    }

    @Test func goldFileCoversBothSeeds() throws {
        let gold = try Self.gold()
        #expect(gold.files.count == 2)
        #expect(gold.files.values.map(\.count).reduce(0, +) == 50)
        #expect(gold.negatives.contains("Officials") && gold.negatives.contains("Defense Cooperation Pact"))
    }

    @Test func listsAndRulesAloneFindEveryGoldMention() throws {
        let result = try Self.score(Fixtures.listsOnly)
        print("seeds, lists and rules only: found \(result.found), missed \(result.missed.count), spurious \(result.spurious.count)")
        #expect(result.missed.isEmpty, "missed: \(result.missed)")
        #expect(result.spurious.isEmpty, "spurious: \(result.spurious)")
        #expect(result.negativesFound.isEmpty, "negatives: \(result.negativesFound)")
    }

    @Test func bundledExtractorFindsEveryGoldMentionAndNoNegative() throws {
        let extractor = try #require(Fixtures.bundled)
        let result = try Self.score(extractor)
        print("seeds, bundled model: found \(result.found), missed \(result.missed.count) \(result.missed.map(\.text)), spurious \(result.spurious.count) \(result.spurious.map { "\($0.text)/\($0.type.rawValue)" })")
        #expect(result.missed.isEmpty, "missed: \(result.missed)")
        #expect(result.negativesFound.isEmpty, "negatives: \(result.negativesFound)")
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
