import Foundation
import Testing

/// Issue 14, finding 3: memory Swift uses for a script counts against
/// `--memory-limit`. Each script pre-sizes its table so that Lua code itself
/// allocates nothing while it holds results: before, the results went past
/// the cap unchecked (the allocator never fails while Swift runs) and these
/// scripts ran to the end.
@Suite struct ScriptMemoryTests {
    @Test func heldDateResultsStopAtTheCap() throws {
        let result = try DossierExecutable.run(["--memory-limit", "16M", "-e", """
            local text = string.rep("On 3 March 2024 the talks resumed in Dhaka. ", 2000)
            local held = {}
            for i = 1, 300 do held[i] = false end
            for i = 1, 300 do held[i] = dates.find(text) end
            print("held", #held)
            """])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("held"))
        // Stopped either by the weighing of a result or by the sizing of the
        // next call's work, whichever meets the cap first.
        #expect(result.stderr.contains("not enough memory: "), "\(result.stderr)")
        #expect(result.stderr.contains("dates.find"), "\(result.stderr)")
        #expect(result.stderr.contains("over the memory limit of 16.0 MiB"), "\(result.stderr)")
    }

    @Test func heldMentionsStopAtTheCap() throws {
        let result = try DossierExecutable.run(["--memory-limit", "16M", "-e", """
            local text = string.rep("Imran Khan met Sheikh Hasina in Dhaka. ", 1000)
            local held = {}
            for i = 1, 400 do held[i] = false end
            for i = 1, 400 do held[i] = extract(text) end
            print("held", #held)
            """], environment: ["DOSSIER_STORE": try DossierExecutable.temporaryDirectory().appendingPathComponent("s.sqlite").path])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("held"))
        #expect(result.stderr.contains("not enough memory: "), "\(result.stderr)")
        #expect(result.stderr.contains("extract"), "\(result.stderr)")
    }

    @Test func aHugeBodyIsRefusedBeforeExtractionStarts() throws {
        let store = try DossierExecutable.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let result = try DossierExecutable.run(["--store", store, "--memory-limit", "32M", "-e", """
            local body = string.rep("The minister spoke in Dhaka on Monday. ", 50000)
            local ok, message = pcall(store.add, store, {title = "Huge", body = body})
            print(ok, message)
            print(store:count())
            """])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("false"))
        #expect(result.stdout.contains("not enough memory: store:add on a text of 1.8 MiB needs about"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("\n0\n"), "\(result.stdout)")
    }

    @Test func claimsOnAHugeTextAreRefusedBeforeTheyStart() throws {
        let store = try DossierExecutable.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let result = try DossierExecutable.run(["--store", store, "--memory-limit", "32M", "-e", """
            local body = string.rep("Officials said the minister spoke in Dhaka on Monday. ", 40000)
            print(pcall(claims, body))
            """])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("false"), "\(result.stdout)")
        #expect(result.stdout.contains("not enough memory: claims on a text of 2.0 MiB needs about"), "\(result.stdout)")
    }

    /// `store:ingest` gets what is left of the cap as its per-file memory
    /// budget: the file too big for it is reported and skipped, the small
    /// one goes in.
    @Test func ingestSkipsAFileThatWouldNotFitTheCap() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let inputs = directory.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try IngestReportingTests.goodText.write(to: inputs.appendingPathComponent("small.txt"), atomically: true, encoding: .utf8)
        try ("Huge capture\n\n" + String(repeating: "The minister spoke in Dhaka on Monday. ", count: 30000) + "\n")
            .write(to: inputs.appendingPathComponent("huge.txt"), atomically: true, encoding: .utf8)
        let store = directory.appendingPathComponent("s.sqlite").path
        let result = try DossierExecutable.run(["--store", store, "--memory-limit", "32M", "-e", """
            local report = store:ingest("\(inputs.path)")
            print(report.added, #report.failed, report.failed[1])
            """])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("1\t1\t"), "\(result.stdout)")
        #expect(result.stdout.contains("huge.txt: over the per-file memory budget: a file of 1.1 MiB needs about"), "\(result.stdout)")
    }

    @Test func ordinaryWorkUnderTheCapIsUntouched() throws {
        let store = try DossierExecutable.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let result = try DossierExecutable.run(["--store", store, "--memory-limit", "64M", "-e", """
            local id = store:add{title = "Talks", body = "Imran Khan met Sheikh Hasina in Dhaka on 3 March 2024."}
            print(id, #extract(store:get(id)), #dates.find(store:get(id)))
            """])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1\t3\t1\n", "\(result.stdout)")
    }
}
