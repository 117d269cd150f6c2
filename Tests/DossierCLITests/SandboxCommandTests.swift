import Foundation
import Testing

/// Issue 14, finding 1: what a sandboxed script cannot change, run through the
/// real binary against a store ingested outside the sandbox.
@Suite struct SandboxCommandTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds").path

    /// A fresh directory holding a store with the two seed articles.
    static func seededStore() throws -> (directory: URL, store: String) {
        let directory = try DossierExecutable.temporaryDirectory()
        let store = directory.appendingPathComponent("store.sqlite").path
        let ingest = try DossierExecutable.run(["ingest", "--store", store, seeds])
        #expect(ingest.status == 0)
        return (directory, store)
    }

    static func storeFingerprint(_ store: String) throws -> String {
        try DossierExecutable.run(["--store", store, "-e", """
            local ids = {}
            for a in store:articles() do ids[#ids + 1] = a.id end
            local e = entities:get('ISI')
            print(table.concat(ids, ','), e and e.name, e and #e.aliases, #entities:top{n = 100})
            """]).stdout
    }

    @Test func exportsAndGraphsAreNotWrittenOutsideAllowedDirectories() throws {
        let (directory, store) = try SandboxCommandTests.seededStore()
        let victim = directory.appendingPathComponent("victim.json")
        try "precious".write(to: victim, atomically: true, encoding: .utf8)
        let export = try DossierExecutable.run(["--store", store, "--sandbox", "-e", "timeline{}:export('\(victim.path)')"])
        #expect(export.status == 1)
        #expect(export.stderr.contains("tl:export: not allowed in the sandbox"))
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")

        let graph = try DossierExecutable.run(["--store", store, "--sandbox", "-e",
                                               "entities:graph{path = '\(directory.path)/a/b/c/g.json'}"])
        #expect(graph.status == 1)
        #expect(graph.stderr.contains("entities:graph: not allowed in the sandbox"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("a").path))

        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let allowed = try DossierExecutable.run(["--store", store, "--sandbox", "--allow-write", out.path, "-e",
                                                 "print(entities:graph{path = '\(out.path)/g/net.json'})"])
        #expect(allowed.stderr == "")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("g/net.json").path))
    }

    @Test func theStoreIsReadOnlyUnlessWritesAreAllowed() throws {
        let (_, store) = try SandboxCommandTests.seededStore()
        let before = try SandboxCommandTests.storeFingerprint(store)
        let attempts = [
            "store:delete(1)",
            "store:add{title = 'x', body = 'Planted text about the ISI.'}",
            "store:ingest('/etc/passwd')",
            "entities:add{name = 'Planted', type = 'ORG'}",
            "entities:remove('ISI')",
            "entities:alias('ISI', 'Planted Alias')",
        ]
        for attempt in attempts {
            let result = try DossierExecutable.run(["--store", store, "--sandbox", "-e", attempt])
            #expect(result.status == 1, "\(attempt)")
            #expect(result.stderr.contains("not allowed in the sandbox (the store is read-only"), "\(attempt): \(result.stderr)")
        }
        // Reading still works.
        let read = try DossierExecutable.run(["--store", store, "--sandbox", "-e", "print(store:count(), #store:search('ISI'))"])
        #expect(read.stdout == "2\t1\n")
        #expect(try SandboxCommandTests.storeFingerprint(store) == before)
        // Allowed: the change goes through.
        let allowed = try DossierExecutable.run(["--store", store, "--sandbox", "--allow-store-writes", "-e", "print(store:delete(1))"])
        #expect(allowed.stdout == "true\n")
    }

    @Test func ingestReadsOnlyUnderTheAllowedDirectories() throws {
        let (directory, store) = try SandboxCommandTests.seededStore()
        let result = try DossierExecutable.run(["--store", store, "--sandbox", "--allow-store-writes", "--allow-read", directory.path, "-e",
                                                "local r = store:ingest('/etc/passwd'); print(r.added, r.failed[1])"])
        #expect(result.stdout == "0\t/etc/passwd: outside the directories ingest may read (--allow-read)\n")
        let none = try DossierExecutable.run(["--store", store, "--sandbox", "--allow-store-writes", "-e",
                                              "local r = store:ingest('\(SandboxCommandTests.seeds)'); print(r.added, #r.failed)"])
        #expect(none.stdout == "0\t1\n")
    }

    @Test func dossierOpenNeverCreatesOrConvertsFiles() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let empty = directory.appendingPathComponent("empty.db")
        FileManager.default.createFile(atPath: empty.path, contents: Data())
        let notes = directory.appendingPathComponent("notes.txt")
        try "my notes".write(to: notes, atomically: true, encoding: .utf8)
        for sandbox in [["--sandbox"], ["--sandbox", "--allow-store-writes"], []] {
            for path in [empty.path, notes.path] {
                let result = try DossierExecutable.run(sandbox + ["-e", "local s = dossier.open('\(path)'); print(s:count())"])
                #expect(result.status == 1, "\(sandbox) \(path)")
                #expect(result.stderr.contains("not a Dossier store"), "\(result.stderr)")
            }
            let missing = directory.appendingPathComponent("new-\(sandbox.count).sqlite")
            let created = try DossierExecutable.run(sandbox + ["-e", "print(dossier.open('\(missing.path)'):count())"])
            #expect(FileManager.default.fileExists(atPath: missing.path) == sandbox.isEmpty)
            #expect(created.status == (sandbox.isEmpty ? 0 : 1))
        }
        #expect(try Data(contentsOf: empty).isEmpty)
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes")
    }

    @Test func allowOptionsNeedTheSandbox() throws {
        let result = try DossierExecutable.run(["--allow-store-writes", "-e", "print(1)"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("only apply with --sandbox"))
        let missing = try DossierExecutable.run(["--sandbox", "--allow-write", "/nonexistent/dossier-out", "-e", "print(1)"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("invalid --allow-write '/nonexistent/dossier-out': no such directory"))
        // The options may sit on either side of `run`, as the others do.
        let script = try DossierExecutable.temporaryDirectory()
        try "print(pcall(io.open, '\(script.path)/x.txt', 'w'))".write(to: script.appendingPathComponent("s.lua"), atomically: true, encoding: .utf8)
        let split = try DossierExecutable.run(["--sandbox", "run", "--allow-write", script.path, script.appendingPathComponent("s.lua").path])
        #expect(split.status == 0, "\(split.stderr)")
        #expect(split.stdout.hasPrefix("true\tfile ("))
    }
}
