import ArticleStore
import DossierCore
import Foundation
import Testing

/// The ingest ledger (files taken in whole, positions of streamed files) and
/// streamed ingest, alike on both backends.
@Suite struct IngestLedgerConformanceTests {
    private func ledger(_ backend: StoreBackend) throws -> any IngestLedger {
        let store = try backend.makeStore()
        return try #require(store as? any IngestLedger)
    }

    private func stampedFile(_ text: String, name: String = "dump.jsonl") throws -> (path: String, stamp: FileStamp) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return (url.path, try #require(FileStamp(path: url.path)))
    }

    private func lines(_ numbers: Range<Int>) -> String {
        numbers.map { "{\"title\": \"Item \($0)\", \"body\": \"Body of item \($0), about stage \($0 * 31 % 97).\"}\n" }.joined()
    }

    @Test(arguments: StoreBackend.allCases)
    func marksAreWrittenWithTheBatch(_ backend: StoreBackend) throws {
        let store = try ledger(backend)
        let file = try stampedFile(lines(0..<3))
        #expect(try store.resumePosition(of: file.stamp) == nil)
        #expect(try !store.hasIngested(file.stamp))
        let position = ReadPosition(items: 2, lines: 3, offset: 120)
        let outcomes = try store.add([ArticleDraft(title: "A", body: "First article body.")], mentions: nil, extractorVersion: nil,
                                     marking: [.reached(file.stamp, position)])
        #expect(outcomes.count == 1)
        #expect(try store.count(matching: nil) == 1)
        #expect(try store.resumePosition(of: file.stamp) == position)
        // A later batch moves the position on; a batch of marks alone is allowed.
        let later = ReadPosition(items: 3, lines: 4, offset: 180)
        #expect(try store.add([], mentions: nil, extractorVersion: nil, marking: [.reached(file.stamp, later)]).isEmpty)
        #expect(try store.resumePosition(of: file.stamp) == later)
        // Another file's stamp under the same path (it changed) has no position.
        var changed = file.stamp
        changed.modified += 1
        #expect(try store.resumePosition(of: changed) == nil)

        _ = try store.add([], mentions: nil, extractorVersion: nil, marking: [.finished(file.stamp)])
        #expect(try store.hasIngested(file.stamp))
        #expect(try store.resumePosition(of: file.stamp) == nil)

        let other = try stampedFile(lines(0..<1), name: "other.jsonl")
        _ = try store.add([], mentions: nil, extractorVersion: nil, marking: [.reached(other.stamp, position)])
        _ = try store.add([], mentions: nil, extractorVersion: nil, marking: [.forgotten(other.stamp)])
        #expect(try store.resumePosition(of: other.stamp) == nil)
        #expect(try !store.hasIngested(other.stamp))
    }

    @Test(arguments: StoreBackend.allCases)
    func aStreamedIngestResumesWithoutDuplicates(_ backend: StoreBackend) throws {
        let store = try ledger(backend)
        let file = try stampedFile(lines(0..<11))
        // A run that stopped after storing items 1 to 6.
        var partial = Ingestor(store: store)
        partial.batchSize = 3
        let firstSix = try stampedFile(lines(0..<6), name: "dump.jsonl")
        _ = partial.ingest(paths: [firstSix.path])
        let head = lines(0..<6).utf8.count
        _ = try store.add([], mentions: nil, extractorVersion: nil,
                          marking: [.reached(file.stamp, ReadPosition(items: 6, lines: 6, offset: Int64(head)))])

        var ingestor = Ingestor(store: store)
        ingestor.batchSize = 3
        ingestor.skipsUnchangedFiles = true
        let report = ingestor.ingest(paths: [file.path])
        #expect(report.added.count == 5)
        #expect(report.duplicates.count == 0)
        #expect(try store.count(matching: nil) == 11)
        #expect(try store.hasIngested(file.stamp))
        #expect(ingestor.ingest(paths: [file.path]).unchanged.count == 1)
    }
}
