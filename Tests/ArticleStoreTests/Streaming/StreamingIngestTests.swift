@testable import ArticleStore
import DossierCore
import Foundation
import Testing

@Suite struct StreamingIngestTests {
    private func write(_ bytes: [UInt8], _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func jsonLinesGoInBatchesAndTheFileIsRecordedWhole() throws {
        let directory = try scratchDirectory()
        let path = try write(Array(articleLines(0..<23).utf8), "dump.jsonl", in: directory)
        let store = try SQLiteStore(path: ":memory:")
        var ingestor = Ingestor(store: store)
        ingestor.batchSize = 5
        ingestor.skipsUnchangedFiles = true
        let report = ingestor.ingest(paths: [path])
        #expect(report.added.count == 23 && report.failed.isEmpty && report.filesRead == 1)
        #expect(try store.count(matching: nil) == 23)
        let stamp = try #require(FileStamp(path: path))
        #expect(try store.hasIngested(stamp))
        #expect(try store.resumePosition(of: stamp) == nil)
        #expect(try store.article(id: 23)?.draft.sourcePath == path + "#23")
        // Unchanged: not read again.
        #expect(ingestor.ingest(paths: [path]).unchanged.count == 1)
    }

    @Test func aRerunResumesAfterTheLastStoredBatch() throws {
        let directory = try scratchDirectory()
        let text = articleLines(0..<12)
        for (name, bytes) in [("dump.jsonl", Array(text.utf8)), ("dump.jsonl.gz", gzipped(Array(text.utf8))),
                              ("array.json.gz", gzipped(Array(("[" + text.split(separator: "\n").joined(separator: ",\n") + "]").utf8)))] {
            let path = try write(bytes, name, in: directory)
            let store = try SQLiteStore(path: ":memory:")
            var ingestor = Ingestor(store: store)
            ingestor.skipsUnchangedFiles = true
            // What a run killed after its first batch of 4 left: those articles
            // and, in the same transaction, the position after them.
            let format = try #require(try StreamedFormat.detect(file: IngestPath(path), resumingAt: .start, limit: 1 << 20))
            var reader = try format.reader(file: IngestPath(path), resumingAt: .start, limit: 1 << 20)
            var drafts: [ArticleDraft] = []
            for _ in 0..<4 {
                let record = try #require(try reader.next())
                drafts.append(try JSONArticleParser.item(record.bytes, itemPath: "\(path)#\(record.item)", line: record.line).draft.get())
            }
            let stamp = try #require(FileStamp(path: path))
            _ = try store.add(drafts, mentions: nil, extractorVersion: nil, marking: [.reached(stamp, reader.position)])
            #expect(try store.resumePosition(of: stamp) == reader.position)

            let report = ingestor.ingest(paths: [path])
            #expect(report.added.count == 8, "\(name)")
            #expect(report.duplicates.count == 0, "\(name): the stored batch is not read again")
            #expect(try store.count(matching: nil) == 12)
            #expect(try store.article(id: 5)?.draft.sourcePath == path + "#5")
            #expect(try store.hasIngested(stamp) && store.resumePosition(of: stamp) == nil)
        }
    }

    @Test func aChangedFileStartsOverAndBadRecordsMakeTheFileReadAgain() throws {
        let directory = try scratchDirectory()
        let path = try write(Array((articleLines(0..<3) + "{not json\n").utf8), "dump.jsonl", in: directory)
        let store = try SQLiteStore(path: ":memory:")
        var ingestor = Ingestor(store: store)
        ingestor.skipsUnchangedFiles = true
        let first = ingestor.ingest(paths: [path])
        #expect(first.added.count == 3 && first.failed.count == 1)
        #expect(first.failed.first?.description.hasPrefix(path + "#4:4: malformed JSON") == true)
        // Not recorded as taken in: the failure is reported again.
        let second = ingestor.ingest(paths: [path])
        #expect(second.duplicates.count == 3 && second.failed.count == 1 && second.unchanged.isEmpty)
        // A stale position of an older version of the file is ignored.
        let stamp = try #require(FileStamp(path: path))
        var older = stamp
        older.size += 1
        _ = try store.add([], mentions: nil, extractorVersion: nil, marking: [.reached(older, ReadPosition(items: 2, lines: 2, offset: 50))])
        #expect(try store.resumePosition(of: stamp) == nil)
    }

    @Test func theReportCountsEverythingAndKeepsTheFirstTen() throws {
        let directory = try scratchDirectory()
        let lines = (0..<25).map { "{\"title\": \"no body \($0)\"}\n" }.joined() + articleLines(0..<30)
        let path = try write(Array(lines.utf8), "dump.jsonl", in: directory)
        var collected = 0
        let counter = NSLock()
        nonisolated(unsafe) var events = 0
        var ingestor = Ingestor(store: try SQLiteStore(path: ":memory:"))
        ingestor.batchSize = 7
        ingestor.events = { _ in counter.lock(); events += 1; counter.unlock() }
        let report = ingestor.ingest(paths: [path])
        collected = events
        #expect(report.failed.count == 25 && report.failed.examples.count == 10 && report.failed.omitted == 15)
        #expect(report.failed.first?.reason == "no body text")
        #expect(report.added.count == 30 && report.added.examples.count == 10)
        #expect(collected == 55)
    }

    @Test func compressedSingleDocumentsAndTheDocumentLimit() throws {
        let directory = try scratchDirectory()
        let capture = "Title: Talks resume\n\nDHAKA: Officials met on Monday to discuss the border.\n"
        let gz = try write(gzipped(Array(capture.utf8)), "capture.txt.gz", in: directory)
        let json = try write(gzipped(Array("{\"title\": \"One\", \"body\": \"One article in a compressed object.\"}".utf8)), "one.json.gz", in: directory)
        var ingestor = Ingestor(store: try SQLiteStore(path: ":memory:"))
        let report = ingestor.ingest(paths: [gz, json])
        #expect(report.added.count == 2 && report.failed.isEmpty)

        let big = try write(Array(("{\"body\": \"" + String(repeating: "word ", count: 300_000) + "\"}").utf8), "big.json", in: directory)
        let bigLine = try write(Array(("{\"body\": \"" + String(repeating: "word ", count: 300_000) + "\"}\n" + articleLines(0..<2)).utf8), "big.jsonl", in: directory)
        ingestor.maximumDocumentBytes = 1 << 20
        let limited = ingestor.ingest(paths: [big, bigLine])
        // A lone object over the limit is read as JSON Lines, whose one line is too large.
        #expect(limited.failed.map(\.description) == [big + "#1:1: item too large (1 MiB; the limit is 1 MiB)",
                                                        bigLine + "#1:1: item too large (1 MiB; the limit is 1 MiB)"])
        #expect(limited.added.count == 2)
    }

    /// A feed item over `--max-document-size` is reported and skipped; the
    /// other items go in, and the file is read again next time (it had a
    /// record that was not stored).
    @Test func aFeedItemOverTheLimitIsReportedAndTheOthersGoIn() throws {
        let directory = try scratchDirectory()
        let big = String(repeating: "Long story text. ", count: 80_000)
        let feed = """
            <rss version="2.0"><channel><title>Desk</title>
            <item><title>One</title><description>First story text.</description></item>
            <item><title>Two</title><description>\(big)</description></item>
            <item><title>Three</title><description>Third story text.</description></item>
            </channel></rss>
            """
        let path = try write(Array(feed.utf8), "feed.xml", in: directory)
        var ingestor = Ingestor(store: try SQLiteStore(path: ":memory:"))
        ingestor.maximumDocumentBytes = 1 << 20
        let report = ingestor.ingest(paths: [path])
        #expect(report.added.count == 2)
        #expect(report.failed.map(\.description) == [path + "#2: item too large (1 MiB; the limit is 1 MiB)"], "\(report.failed)")
    }

    @Test func aLossyLineIsNotedOnceAndStored() throws {
        let directory = try scratchDirectory()
        var bytes = Array(articleLines(0..<2).utf8)
        bytes += Array("{\"title\": \"S\u{E3}o Paulo\", \"body\": \"Bad byte: ".utf8) + [0xFF] + Array(" here.\"}\n".utf8)
        let path = try write(bytes, "dump.jsonl", in: directory)
        let report = Ingestor(store: try SQLiteStore(path: ":memory:")).ingest(paths: [path])
        #expect(report.added.count == 3)
        #expect(report.notes.count == 1)
        #expect(report.notes.first?.path == path + "#3")
    }
}
