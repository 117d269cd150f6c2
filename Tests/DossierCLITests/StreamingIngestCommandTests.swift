import Foundation
import Testing

/// Issue 13, part 4: one large compressed dump streamed in batches, a killed
/// ingest resumed, and a summary whose length does not grow with the dump.
@Suite struct StreamingIngestCommandTests {
    /// Distinct article texts from a generator seeded per article.
    static func dumpLines(_ numbers: Range<Int>) -> String {
        let vocabulary = ["officials", "talks", "Karachi", "Dhaka", "cooperation", "defence", "ministry", "said",
                          "security", "agreement", "military", "visit", "channel", "regional", "intelligence", "border",
                          "trade", "sources", "week", "government", "analysts", "framework", "exchange", "navy"]
        return numbers.map { n in
            var state = UInt64(n) &* 0x9E3779B97F4A7C15 | 1
            let words = (0..<120).map { _ -> String in
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                return vocabulary[Int(state % UInt64(vocabulary.count))]
            }
            return "{\"title\": \"Dispatch \(n)\", \"body\": \"Dispatch \(n). \(words.joined(separator: " ")).\"}\n"
        }.joined()
    }

    @Test func aKilledIngestOfOneCompressedDumpResumesWithoutDuplicates() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let total = 12_000
        let plain = directory.appendingPathComponent("dump.jsonl")
        try Self.dumpLines(0..<total).write(to: plain, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-1", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        let dump = directory.appendingPathComponent("dump.jsonl.gz").path
        #expect(FileManager.default.fileExists(atPath: dump))
        let store = directory.appendingPathComponent("store.sqlite").path

        let process = Process()
        process.executableURL = DossierExecutable.url
        process.arguments = ["ingest", "--no-entities", "--store", store, dump]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Killed once a batch of the dump is stored, before the end.
        let deadline = Date(timeIntervalSinceNow: 120)
        var stored = 0
        while Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.02)
            let probe = try DossierExecutable.run(["--store", store, "-e", "print(store:count())"])
            stored = Int(probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            if stored > 0 { break }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let killed = try DossierExecutable.run(["--store", store, "-e", "print(store:count())"])
        let afterKill = Int(killed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect(afterKill > 0 && afterKill < total, "the kill landed mid-dump (\(afterKill) of \(total))")
        #expect(afterKill % 500 == 0, "whole batches only")

        let rerun = try DossierExecutable.run(["ingest", "--no-entities", "--store", store, dump])
        #expect(rerun.status == 0)
        #expect(rerun.stdout.hasPrefix("added \(total - afterKill), duplicates 0,"), "\(rerun.stdout)")
        let check = try DossierExecutable.run(["--store", store, "-e", """
            local seen, twice = {}, 0
            for article in store:articles() do
              if seen[article.title] then twice = twice + 1 end
              seen[article.title] = true
            end
            print(store:count(), twice, store:check())
            """])
        #expect(check.stdout == "\(total)\t0\tok\n")
        // Taken in whole now: a third run does not read it.
        let third = try DossierExecutable.run(["ingest", "--no-entities", "--store", store, dump])
        #expect(third.stdout.hasPrefix("added 0, duplicates 0, near-duplicates 0, failed 0, unchanged 1"), "\(third.stdout)")
    }

    @Test func theSummaryListsTheFirstTenOfEachKindAndTheReportHasAll() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let dump = directory.appendingPathComponent("dump.jsonl")
        let bad = (0..<25).map { "{\"title\": \"no body \($0)\"}\n" }.joined()
        try (Self.dumpLines(0..<40) + bad + Self.dumpLines(0..<15)).write(to: dump, atomically: true, encoding: .utf8)
        let store = directory.appendingPathComponent("store.sqlite").path
        let reportPath = directory.appendingPathComponent("report.jsonl").path
        let result = try DossierExecutable.run(["ingest", "--no-entities", "--store", store, "--report", reportPath, dump.path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("added 40, duplicates 15, near-duplicates "), "\(result.stdout)")
        #expect(result.stdout.contains(", failed 25 "))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("  failed: ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("  duplicate: ") }.count == 10)
        #expect(result.stdout.contains("  ... and 15 more (all of them are in \(reportPath))"))
        #expect(result.stdout.contains("  ... and 5 more (all of them are in \(reportPath))"))
        let report = try String(contentsOfFile: reportPath, encoding: .utf8).split(separator: "\n")
        #expect(report.count == 80)
        #expect(report.filter { $0.contains("\"status\":\"failed\"") }.count == 25)
        #expect(report.filter { $0.contains("\"status\":\"added\"") }.count == 40)
    }

    @Test func theDocumentLimitIsAnOption() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let page = directory.appendingPathComponent("page.txt")
        try ("Title: Big\n\n" + String(repeating: "The talks went on. ", count: 120_000)).write(to: page, atomically: true, encoding: .utf8)
        let store = directory.appendingPathComponent("store.sqlite").path
        let refused = try DossierExecutable.run(["ingest", "--no-entities", "--max-document-size", "1", "--store", store, page.path])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("page.txt: file too large (2 MiB; the limit is 1 MiB)"), "\(refused.stdout)")
        let taken = try DossierExecutable.run(["ingest", "--no-entities", "--store", store, page.path])
        #expect(taken.stdout.hasPrefix("added 1,"), "\(taken.stdout)")
        let invalid = try DossierExecutable.run(["ingest", "--max-document-size", "0", "--store", store, page.path])
        #expect(invalid.status != 0 && invalid.stderr.contains("--max-document-size"))
    }
}
