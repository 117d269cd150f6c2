import Claims
import Foundation
import Testing

@Suite struct PolNeARCorpusTests {
    @Test func codePointOffsetsBecomeByteOffsets() throws {
        let text = "“Yes,” Müller said. Officials said: fine; ok"
        let annotation = """
            T1\tContent 0 6\t“Yes,”
            T2\tSource 7 13\tMüller
            T3\tCue 14 18\tsaid
            T4\tAttribution 14 18\tsaid
            E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2
            T5\tCue 30 34\tsaid
            T6\tContent 36 40;42 44\tfine ok
            E2\tAttribution-no-source:T5 Cue:T5 Content:T6
            """
        let gold = try PolNeARCorpus.parse(annotation, text: text, file: "x.ann")
        let bytes = Array(text.utf8)
        func words(_ span: Range<Int>) -> String { String(decoding: bytes[span], as: UTF8.self) }
        #expect(gold.count == 2)
        #expect(gold[0].content.map(words) == ["“Yes,”"])
        #expect(gold[0].source.map(words) == ["Müller"])
        #expect(gold[0].cue.map(words) == ["said"])
        #expect(gold[1].source.isEmpty)
        #expect(gold[1].content.map(words) == ["fine", "ok"])
    }

    @Test func anUndefinedSpanIsAnErrorWithItsLine() {
        #expect(throws: (any Error).self) {
            try PolNeARCorpus.parse("T1\tCue 0 1\ta\nE1\tAttribution:T1 Cue:T1 Content:T9\n", text: "a b", file: "bad.ann")
        }
        #expect(throws: (any Error).self) {
            try PolNeARCorpus.parse("T1\tCue 0 99\ta\n", text: "a b", file: "bad.ann")
        }
    }

    @Test func aFolderWithoutAnnotationsIsAnError() {
        #expect(throws: (any Error).self) { try PolNeARCorpus.load(directory: "/nonexistent-polnear") }
    }
}
