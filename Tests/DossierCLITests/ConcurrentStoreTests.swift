import Foundation
import Testing

/// Issue 14, finding 5: two to four processes opening a new store at once
/// failed in a third to half of trials ("table ... already exists", "database
/// is locked") and the failing process lost its whole ingest.
@Suite struct ConcurrentStoreTests {
    /// `count` distinct articles as one JSON file.
    static func feed(_ writer: Int, count: Int, in directory: URL) throws -> String {
        let items = (1...count).map { index in
            "{\"title\": \"Report \(writer)-\(index)\", \"body\": \"Writer \(writer) filed report \(index) from Dhaka about trade talks number \(writer * 1000 + index).\"}"
        }
        let url = directory.appendingPathComponent("feed-\(writer).json")
        try ("[" + items.joined(separator: ",\n") + "]").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func fourProcessesCreatingAndFillingOneStoreAllSucceed() throws {
        for round in 0..<2 {
            let directory = try DossierExecutable.temporaryDirectory()
            let store = directory.appendingPathComponent("new/store.sqlite").path
            let feeds = try (1...4).map { try ConcurrentStoreTests.feed($0, count: 25, in: directory) }
            nonisolated(unsafe) var results: [DossierExecutable.Result?] = Array(repeating: nil, count: feeds.count)
            let lock = NSLock()
            DispatchQueue.concurrentPerform(iterations: feeds.count) { index in
                let result = try? DossierExecutable.run(["ingest", "--store", store, feeds[index]])
                lock.lock()
                results[index] = result
                lock.unlock()
            }
            for (index, result) in results.enumerated() {
                let result = try #require(result)
                #expect(result.status == 0, "round \(round), writer \(index + 1): \(result.stdout) \(result.stderr)")
                #expect(result.stdout.hasPrefix("added 25, duplicates 0"), "round \(round), writer \(index + 1): \(result.stdout)")
            }
            let count = try DossierExecutable.run(["--store", store, "-e", "print(store:count(), store:check())"])
            #expect(count.stdout == "100\tok\n")
        }
    }
}
