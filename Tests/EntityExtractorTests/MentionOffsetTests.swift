import DossierCore
@testable import EntityExtractor
import Testing

@Suite struct MentionOffsetTests {
    private func expectRoundTrip(_ text: String, _ extractor: EntityExtractor = Fixtures.listsOnly) {
        let bytes = Array(text.utf8)
        for mention in extractor.extract(text) {
            #expect(mention.start >= 1 && mention.stop <= bytes.count && mention.start <= mention.stop)
            #expect(String(decoding: bytes[mention.byteRange], as: UTF8.self) == mention.text)
            #expect(mention.sentence >= 1)
        }
    }

    @Test func seedOffsetsRoundTrip() {
        for file in SeedArticleTests.bodies.keys {
            expectRoundTrip(Fixtures.seed(file))
            if let bundled = Fixtures.bundled { expectRoundTrip(Fixtures.seed(file), bundled) }
        }
    }

    @Test func mentionsAreSortedAndNeverOverlap() {
        let mentions = Fixtures.listsOnly.extract(Fixtures.seed("003_cef261d7efc6bb5d.txt"))
        for (a, b) in zip(mentions, mentions.dropFirst()) {
            #expect(a.stop < b.start)
        }
    }

    @Test func sentencesAreCounted() {
        let mentions = Fixtures.listsOnly.extract("Dhaka is quiet. Islamabad is not. Delhi watches.")
        #expect(mentions.map(\.sentence) == [1, 2, 3])
    }

    @Test func offsetsCountBytesNotCharacters() {
        let text = "Über Kraków — “Dhaka” 🇧🇩 and Pakistan’s ISI"
        expectRoundTrip(text)
        let mentions = Fixtures.listsOnly.extract(text)
        #expect(mentions.texts() .contains("Dhaka"))
        #expect(mentions.texts().contains("ISI"))
    }

    @Test func nonEnglishAndGarbageInputNeverCrash() {
        let inputs = [
            "", " ", "\n\n\n", "(((", ")))", "()", "(ISI)", "ISI (", "---", "-Pakistan-", "Pakistan-", "-", "'s", "’s",
            "Москва и Пекин подписали соглашение.", "باكستان وبنغلاديش", "巴基斯坦和孟加拉国", "🙂🙃 Dhaka 🙂",
            String(repeating: "A", count: 10_000), String(repeating: "Pakistan-", count: 500),
            String(decoding: (0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 37) }, as: UTF8.self),
            "A (B) C (DE) (FG) Directorate (D)", "U.S.-Pakistan-India-Bangladesh-China talks",
        ]
        let tagged = Fixtures.scripted([("Pakistan", .location), ("A", .person)])
        for input in inputs {
            expectRoundTrip(input)
            expectRoundTrip(input, tagged)
            if let bundled = Fixtures.bundled { expectRoundTrip(input, bundled) }
        }
    }

    @Test func conllSpansAreWholeTokens() {
        let text = TokenizedText(words: ["Pakistan-Bangladesh", "ties", "and", "the", "ISI", "in", "South", "Asia"])
        let spans = Fixtures.scripted([("Pakistan-Bangladesh", .miscellaneous)]).conllSpans(text)
        #expect(spans.map(\.tokens) == [0..<1, 4..<5, 6..<8])
        #expect(spans.map(\.label) == [.miscellaneous, .organization, .location])
    }
}
