@testable import ArticleStore
import DossierCore
import Foundation
import Testing

/// The streamed readers, fed in tiny chunks so records straddle them.
@Suite struct RecordReaderTests {
    private func file(_ bytes: [UInt8], name: String) throws -> String {
        let url = try scratchDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func records(_ reader: inout some RecordReader) throws -> [StreamedRecord] {
        var all: [StreamedRecord] = []
        while let record = try reader.next() { all.append(record) }
        return all
    }

    @Test func jsonLinesAcrossChunksWithBlankLinesAndNoFinalNewline() throws {
        let text = "\u{FEFF}{\"a\": 1}\n\n  \r\n{\"b\": \"x\\ny\"}\r\n{\"c\": 3}"
        let path = try file(Array(text.utf8), name: "x.jsonl")
        var reader = try JSONLinesReader(source: InputBytes(path: path, chunkSize: 3), resumingAt: .start, limit: 1000)
        let all = try records(&reader)
        #expect(all.map(\.item) == [1, 2, 3])
        #expect(all.map(\.line) == [1, 4, 5])
        #expect(all.map { String(decoding: $0.bytes, as: UTF8.self) } == ["{\"a\": 1}", "{\"b\": \"x\\ny\"}\r", "{\"c\": 3}"])
        #expect(reader.position == ReadPosition(items: 3, lines: 5, offset: Int64(text.utf8.count)))
    }

    @Test func jsonLinesResumeAtAPositionInPlainAndCompressedFiles() throws {
        let text = articleLines(0..<20)
        for (name, bytes) in [("a.jsonl", Array(text.utf8)), ("a.jsonl.gz", gzipped(Array(text.utf8)))] {
            let path = try file(bytes, name: name)
            var first = try JSONLinesReader(source: InputBytes(path: path, chunkSize: 5), resumingAt: .start, limit: 1000)
            for _ in 0..<7 { _ = try first.next() }
            let position = first.position
            var resumed = try JSONLinesReader(source: InputBytes(path: path, chunkSize: 64), resumingAt: position, limit: 1000)
            let rest = try records(&resumed)
            #expect(rest.map(\.item) == Array(8...20), "\(name)")
            #expect(rest.first.map { String(decoding: $0.bytes, as: UTF8.self).contains("Report 7\"") } == true, "\(name)")
            #expect(rest.last?.line == 20)
        }
    }

    @Test func aLineOverTheLimitIsDroppedWithItsSize() throws {
        let long = "{\"body\": \"" + String(repeating: "x", count: 5000) + "\"}"
        let path = try file(Array(("{\"a\": 1}\n" + long + "\n{\"c\": 3}\n").utf8), name: "x.jsonl")
        var reader = try JSONLinesReader(source: InputBytes(path: path, chunkSize: 100), resumingAt: .start, limit: 1000)
        let all = try records(&reader)
        #expect(all.count == 3)
        #expect(all[1].bytes.isEmpty)
        #expect(all[1].droppedSize == Int64(long.utf8.count))
        #expect(all[2].droppedSize == nil && all[2].bytes == Array("{\"c\": 3}".utf8))
    }

    @Test func arrayElementsWithBracketsCommasAndEscapesInStrings() throws {
        let json = " [ {\"t\": \"a, ]} [\\\"\", \"n\": [1, {\"x\": 2}]} ,\n\"scalar\", 42 ,{\"z\": \"\\\\\"}]  \n"
        let path = try file(Array(json.utf8), name: "x.json")
        var reader = try JSONArrayReader(source: InputBytes(path: path, chunkSize: 2), resumingAt: .start, limit: 1000)
        let all = try records(&reader)
        #expect(all.map { String(decoding: $0.bytes, as: UTF8.self) }
                == ["{\"t\": \"a, ]} [\\\"\", \"n\": [1, {\"x\": 2}]}", "\"scalar\"", "42 ", "{\"z\": \"\\\\\"}"])
        // Resumed after the second element: the third comes next.
        var again = try JSONArrayReader(source: InputBytes(path: path, chunkSize: 2), resumingAt: .start, limit: 1000)
        _ = try again.next()
        _ = try again.next()
        var resumed = try JSONArrayReader(source: InputBytes(path: path), resumingAt: again.position, limit: 1000)
        #expect(try records(&resumed).map(\.item) == [3, 4])
    }

    @Test func malformedArraysSayWhere() throws {
        let cases: [(String, String)] = [
            ("[]", "no articles (an empty JSON array)"),
            ("[{\"a\": 1} {\"b\": 2}]", "expected ',' or ']' after item 1"),
            ("[{\"a\": 1}] x", "content after the closing ']'"),
            ("[{\"a\": 1}, {\"b\": ", "the file ends inside the array, after item 1"),
        ]
        for (json, message) in cases {
            let path = try file(Array(json.utf8), name: "x.json")
            var reader = try JSONArrayReader(source: InputBytes(path: path, chunkSize: 4), resumingAt: .start, limit: 1000)
            var thrown: IngestError?
            do { _ = try records(&reader) } catch { thrown = error as? IngestError }
            #expect(thrown?.reason.contains(message) == true, "\(json): \(String(describing: thrown))")
        }
    }

    @Test func gzipMembersConcatenatedAreOneStreamAndATruncatedOneIsAnError() throws {
        let one = Array(articleLines(0..<50).utf8), two = Array(articleLines(50..<60).utf8)
        let path = try file(gzipped(one) + gzipped(two), name: "x.jsonl.gz")
        let source = try InputBytes(path: path, chunkSize: 1000)
        #expect(source.isCompressed)
        #expect(try source.readAll(limit: 1 << 20) == one + two)

        let compressed = gzipped(one)
        let cut = try file(Array(compressed.prefix(compressed.count / 2)), name: "cut.jsonl.gz")
        var thrown: IngestError?
        do { _ = try InputBytes(path: cut).readAll(limit: 1 << 20) } catch { thrown = error }
        #expect(thrown?.reason.contains("truncated gzip data") == true)

        var corrupt = compressed
        corrupt[20] ^= 0xFF
        corrupt[21] ^= 0xFF
        let bad = try file(corrupt, name: "bad.jsonl.gz")
        thrown = nil
        do { _ = try InputBytes(path: bad).readAll(limit: 1 << 20) } catch { thrown = error }
        #expect(thrown?.reason.contains("gzip") == true)
    }
}
