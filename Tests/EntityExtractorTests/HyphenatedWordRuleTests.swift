import DossierCore
@testable import EntityExtractor
import Testing

/// Possessives and hyphenated words, with exact byte offsets (1-based, inclusive).
@Suite struct HyphenatedWordRuleTests {
    @Test func twoCountriesInsideOneToken() {
        let text = "The Pakistan-Bangladesh channel"
        let mentions = Fixtures.listsOnly.extract(text)
        #expect(mentions.map(\.text) == ["Pakistan", "Bangladesh"])
        #expect(mentions.map(\.start) == [5, 14])
        #expect(mentions.map(\.stop) == [12, 23])
        #expect(mentions.allSatisfy { $0.type == .geopolitical && $0.source == .rule })
    }

    @Test func prefixesAndSuffixesAreNotNames() {
        let text = "Bangladesh-based groups, anti-India activity and Pakistan-origin networks"
        let mentions = Fixtures.listsOnly.extract(text)
        #expect(mentions.map(\.text) == ["Bangladesh", "India", "Pakistan"])
        #expect(mentions.map(\.start) == [1, 31, 50])
        #expect(mentions.map(\.stop) == [10, 35, 57])
    }

    @Test func possessiveStaysOutsideTheMention() {
        let text = "Pakistan’s Inter-Services Intelligence and Bangladesh's army"
        let mentions = Fixtures.listsOnly.extract(text)
        #expect(mentions.first("Pakistan")?.stop == 8)
        #expect(mentions.first("Inter-Services Intelligence")?.start == 14)  // ’ is three bytes
        #expect(mentions.first("Bangladesh")?.start == 46)
        #expect(mentions.first("Bangladesh")?.stop == 55)
        #expect(!mentions.contains { $0.text.contains("'s") || $0.text.contains("’") })
    }

    @Test func hyphenatedNamesStayWhole() {
        let mentions = Fixtures.listsOnly.extract("Gilgit-Baltistan and Khyber Pakhtunkhwa border the Hindu Kush.")
        #expect(mentions.map(\.text) == ["Gilgit-Baltistan", "Khyber Pakhtunkhwa", "Hindu Kush"])
    }

    @Test func taggerSpanOverAHyphenatedWordYieldsToTheParts() {
        let extractor = Fixtures.scripted([("Pakistan-Bangladesh", .miscellaneous)])
        let mentions = extractor.extract("A Pakistan-Bangladesh security alignment.")
        #expect(mentions.map(\.text) == ["Pakistan", "Bangladesh"])
    }

    @Test func partsOfAToken() {
        let bytes = Array("Pakistan-Bangladesh".utf8)
        #expect(HyphenatedWordRule.parts(of: 0..<bytes.count, in: bytes) == [0..<8, 9..<19])
        #expect(HyphenatedWordRule.parts(of: 0..<8, in: bytes).isEmpty)
    }
}
