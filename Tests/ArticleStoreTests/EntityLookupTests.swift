import DossierCore
import Foundation
import Testing
@testable import ArticleStore

/// `entities(named:)` and `entity(named:)`: every way an entity is written
/// finds it, and an ambiguous name gives the likeliest entity and the others.
@Suite struct EntityLookupTests {
    func mention(_ text: String, in body: String, _ type: EntityType, entity: String, occurrence: Int = 1) -> Mention {
        var found = body.range(of: text)!
        for _ in 1..<occurrence { found = body.range(of: text, range: found.upperBound..<body.endIndex)! }
        let start = body.utf8.distance(from: body.startIndex, to: found.lowerBound) + 1
        return Mention(text: text, type: type, entity: entity, start: start, stop: start + text.utf8.count - 1,
                       sentence: 1, source: .gazetteer)
    }

    func store() throws -> SQLiteStore {
        let store = try SQLiteStore(path: ":memory:")
        let first = "Britain and the US met. Donald Trump spoke; Trump said Britain agreed. Trump Tower stood."
        let second = "Ivanka Trump visited Britain. The Trump Organization said so."
        _ = try store.add([ArticleDraft(title: "a", body: first), ArticleDraft(title: "b", body: second)], mentions: [
            [mention("Britain", in: first, .geopolitical, entity: "United Kingdom"),
             mention("US", in: first, .geopolitical, entity: "United States"),
             mention("Donald Trump", in: first, .person, entity: "Donald Trump"),
             mention("Trump", in: first, .person, entity: "Donald Trump", occurrence: 2),
             mention("Britain", in: first, .geopolitical, entity: "United Kingdom", occurrence: 2)],
            [mention("Ivanka Trump", in: second, .person, entity: "Ivanka Trump"),
             mention("Britain", in: second, .geopolitical, entity: "United Kingdom"),
             mention("Trump", in: second, .organization, entity: "Trump", occurrence: 2)],
        ], extractorVersion: "test-1")
        return store
    }

    @Test func everyWrittenFormFindsItsEntity() throws {
        let store = try store()
        #expect(try store.entity(named: "Britain")?.name == "United Kingdom")
        #expect(try store.entity(named: "britain")?.name == "United Kingdom")
        #expect(try store.entity(named: "US")?.name == "United States")
        #expect(try store.entity(named: "Ivanka Trump")?.name == "Ivanka Trump")
        #expect(try store.entity(named: "Mordor") == nil)
    }

    @Test func anAmbiguousNameGivesTheMostMentionedFirstAndTheOthers() throws {
        let found = try store().entities(named: "Trump")
        #expect(found.first?.name == "Donald Trump")
        #expect(Set(found.dropFirst().map { "\($0.name) \($0.type.rawValue)" }) == ["Ivanka Trump PERSON", "Trump ORG"])
    }
}
