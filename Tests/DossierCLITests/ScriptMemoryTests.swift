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
