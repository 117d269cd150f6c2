import Foundation
import PostgresTestSupport
import Testing

/// `dossier run --jobs N`: a batch job's map and reduce through the real
/// binary, on SQLite in threads and on PostgreSQL in several worker processes,
/// one of them killed mid-job.
@Suite struct BatchJobCommandTests {
    /// map keeps each article's words and title; reduce returns the count, the
    /// total of words and "id=title" in the order reduce received them. map
    /// fails on the article titled arg[1]; the process dies (as a crash would)
    /// on the article whose id is $BATCH_CRASH_AT.
    static let script = """
        function map(article)
          if article.title == arg[1] then error("cannot map " .. article.title) end
          if os.getenv("BATCH_CRASH_AT") == tostring(article.id) then os.exit(3) end
          return {words = article.words, title = article.title, half = article.words / 2, odd = article.id % 2 == 1,
                  kept = {[-article.id] = true, "x\0y", 2.0, {deeper = {-0.5}}}}
        end
        function reduce(results, ids)
          local words, seen = 0, {}
          for i, result in ipairs(results) do
            assert(result.half == result.words / 2 and result.odd == (ids[i] % 2 == 1))
            -- Values cross from the worker's state to this one exactly: integers
            -- and floats apart, any keys, bytes, nesting.
            assert(math.type(result.words) == "integer" and math.type(result.kept[2]) == "float")
            assert(result.kept[-ids[i]] == true and result.kept[1] == "x\0y" and result.kept[3].deeper[1] == -0.5)
            words = words + result.words
            seen[#seen + 1] = ids[i] .. "=" .. result.title
          end
          return #results, words, table.concat(seen, ",")
        end
        """

    /// A SQLite store of `count` articles and the job script beside it.
    func makeStore(count: Int = 30) throws -> (store: String, script: String) {
        let directory = try DossierExecutable.temporaryDirectory()
        let store = directory.appendingPathComponent("store.sqlite").path
        let fill = try DossierExecutable.run(["--store", store, "-e", """
            for i = 1, \(count) do
              store:add{title = "Story " .. i, body = string.rep("Story number " .. i .. " is " .. (i % 2 == 0 and "even" or "odd") .. ". ", i % 4 + 1)}
            end
            """])
        #expect(fill.status == 0, "\(fill.stderr)")
        let script = directory.appendingPathComponent("words.lua").path
        try Self.script.write(toFile: script, atomically: true, encoding: .utf8)
        return (store, script)
    }

    /// A script that makes reading an undefined global an error (a strict
    /// module) and defines no `query`: the runner reads `query` raw, so the
    /// script's `__index` never runs from the runner's Swift frame.
    @Test func aStrictGlobalsScriptRunsWithoutAQuery() throws {
        let (store, _) = try makeStore(count: 5)
        let script = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("strict.lua").path
        try """
            function map(article) return article.words end
            function reduce(results) local n = 0 for _, w in ipairs(results) do n = n + w end return #results, n end
            setmetatable(_G, {__index = function(_, name) error("undefined global " .. tostring(name), 2) end})
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let result = try DossierExecutable.run(["--store", store, "run", "--jobs", "1", "--job", "strict", script])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").first == "5")
    }

    @Test func oneWorkerAndTwoWorkersReduceTheSameResults() throws {
        let (store, script) = try makeStore()
        let one = try DossierExecutable.run(["--store", store, "run", "--jobs", "1", "--job", "one", "--range-size", "7", script])
        let two = try DossierExecutable.run(["--store", store, "run", "--jobs", "2", "--job", "two", "--range-size", "7", script])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(two.status == 0, "\(two.stderr)")
        let lines = one.stdout.split(separator: "\n")
        #expect(lines.first == "30")
        #expect(lines.last == Substring((1...30).map { "\($0)=Story \($0)" }.joined(separator: ",")))
        #expect(two.stdout == one.stdout)
        #expect(two.stderr.contains("30 articles mapped here"))
        let even = try DossierExecutable.run(["--store", store, "run", "--jobs", "2", "--query", "even", script])
        #expect(even.status == 0, "\(even.stderr)")
        #expect(even.stdout.split(separator: "\n").last == Substring(stride(from: 2, through: 30, by: 2).map { "\($0)=Story \($0)" }.joined(separator: ",")))
    }

    @Test func aFailingMapNamesTheArticleAndTheJobResumesAfterACrash() throws {
        let (store, script) = try makeStore(count: 20)
        let failed = try DossierExecutable.run(["--store", store, "run", "--jobs", "2", "--range-size", "4", script, "Story 7"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("map(#7):"), "\(failed.stderr)")
        #expect(failed.stderr.contains("cannot map Story 7"))
        #expect(failed.stdout == "")
        // Other arguments are another job: refused while the first is unfinished.
        let other = try DossierExecutable.run(["--store", store, "run", "--jobs", "1", "--range-size", "4", script])
        #expect(other.status == 1)
        #expect(other.stderr.contains("--restart"))
        // A crash (the process exits mid-range, holding range 3 under a
        // 1-second lease); the re-run takes that range over once the lease has
        // ended, resumes and maps the rest once.
        let crashed = try DossierExecutable.run(["--store", store, "run", "--jobs", "1", "--restart", "--range-size", "4", "--lease", "1", script],
                                                environment: ["BATCH_CRASH_AT": "14"])
        #expect(crashed.status == 3)
        let resumed = try DossierExecutable.run(["--store", store, "run", "--jobs", "2", "--range-size", "4", script])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("joined, 3 of 5 ranges already done"), "\(resumed.stderr)")
        #expect(resumed.stderr.contains("reclaimed range 3 (#13-#16)"), "\(resumed.stderr)")
        #expect(resumed.stderr.contains("8 articles mapped here"))
        #expect(resumed.stdout.split(separator: "\n").last == Substring((1...20).map { "\($0)=Story \($0)" }.joined(separator: ",")))
    }

    @Test func aMapOnlyWorkerLeavesTheReduceToALaterRun() throws {
        let (store, script) = try makeStore(count: 12)
        let helper = try DossierExecutable.run(["--store", store, "run", "--jobs", "2", "--map-only", "--range-size", "5", script])
        #expect(helper.status == 0, "\(helper.stderr)")
        #expect(helper.stdout == "")
        #expect(helper.stderr.contains("12 articles mapped here"))
        let reducer = try DossierExecutable.run(["--store", store, "run", "--jobs", "1", "--range-size", "5", script])
        #expect(reducer.status == 0, "\(reducer.stderr)")
        #expect(reducer.stderr.contains("joined, 3 of 3 ranges already done"))
        #expect(reducer.stderr.contains("0 articles mapped here"))
        #expect(reducer.stdout.split(separator: "\n").first == "12")
    }

    @Test func scriptsWithoutMapOrReduceAndStandardInputAreRefused() throws {
        let (store, _) = try makeStore(count: 2)
        let directory = try DossierExecutable.temporaryDirectory()
        let partial = directory.appendingPathComponent("partial.lua").path
        try "function map(a) return 1 end".write(toFile: partial, atomically: true, encoding: .utf8)
        let missing = try DossierExecutable.run(["--store", store, "run", "--jobs", "2", partial])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("must define function reduce(results, ids)"))
        let unkept = directory.appendingPathComponent("unkept.lua").path
        try "function map(a) return {a} end function reduce(r) return #r end".write(toFile: unkept, atomically: true, encoding: .utf8)
        let userdata = try DossierExecutable.run(["--store", store, "run", "--jobs", "1", unkept])
        #expect(userdata.status == 1)
        #expect(userdata.stderr.contains("map(#1): map returned what cannot be kept: result[1] is of type Article"), "\(userdata.stderr)")
        // One table referred to twice at each of 40 levels: within the depth
        // limit, 2^40 copies when encoded; stopped at the size limit.
        let shared = directory.appendingPathComponent("shared.lua").path
        try "function map(a) local t = {1} for i = 1, 40 do t = {t, t} end return t end function reduce(r) return #r end"
            .write(toFile: shared, atomically: true, encoding: .utf8)
        let huge = try DossierExecutable.run(["--store", store, "run", "--jobs", "1", shared])
        #expect(huge.status == 1)
        #expect(huge.stderr.contains("map(#1): map returned what cannot be kept: result[1]"), "\(huge.stderr)")
        #expect(huge.stderr.contains(": larger than 16 MiB encoded"), "\(huge.stderr)")
        let stdin = try DossierExecutable.run(["--store", store, "run", "--jobs", "2", "-"], input: Self.script)
        #expect(stdin.status == 1)
        #expect(stdin.stderr.contains("give a file"))
    }

    /// Three worker processes on one PostgreSQL job; the first is killed
    /// (SIGKILL) while it holds a range. The other two take the range over once
    /// its lease expires, finish the job, and both reduce every article once.
    @Test func workerProcessesOnPostgreSQLSurviveAKilledWorker() throws {
        let url = try PostgresTestCluster.shared.get().createDatabase()
        let directory = try DossierExecutable.temporaryDirectory()
        let fill = try DossierExecutable.run(["--store", url, "-e", """
            for i = 1, 24 do store:add{title = "Story " .. i, body = "Story number " .. i .. " of the night desk."} end
            """])
        #expect(fill.status == 0, "\(fill.stderr)")
        let script = directory.appendingPathComponent("slow.lua").path
        // Each article takes a tenth of a second, and says when it starts.
        try """
            function map(article)
              io.write(article.id, "\\n") io.flush()
              os.execute("sleep 0.1")
              return article.title
            end
            function reduce(results, ids)
              local seen = {}
              for i, title in ipairs(results) do
                assert(title == "Story " .. ids[i] and not seen[ids[i]])
                seen[ids[i]] = true
              end
              return "reduced " .. #results .. ": " .. table.concat(ids, ",")
            end
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let arguments = ["--store", url, "run", "--jobs", "1", "--job", "night", "--lease", "2", "--range-size", "4", script]
        let doomed = try Child(arguments)
        // Killed as soon as it maps its first article: it holds that range.
        _ = doomed.waitForOutputLine()
        doomed.kill()
        let survivors = try [Child(arguments), Child(arguments)]
        let results = survivors.map { $0.finish() }
        let expected = "reduced 24: " + (1...24).map(String.init).joined(separator: ",")
        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.split(separator: "\n").last == Substring(expected), "\(result.stdout)")
        }
        #expect(results.contains { $0.stderr.contains("reclaimed range 0 (#1-#4)") && $0.stderr.contains("whose lease expired") },
                "\(results.map(\.stderr))")
    }

    /// A `dossier` process whose output is read as it comes.
    final class Child: @unchecked Sendable {
        let process = Process()
        private let stdout = Pipe(), stderr = Pipe()
        private var output = Data()

        init(_ arguments: [String]) throws {
            process.executableURL = DossierExecutable.url
            process.arguments = arguments
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
        }

        /// Blocks until the child has written a whole line to standard output.
        func waitForOutputLine() -> String {
            while !output.contains(UInt8(ascii: "\n")) {
                let chunk = stdout.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                output += chunk
            }
            return String(decoding: output, as: UTF8.self)
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func finish() -> DossierExecutable.Result {
            nonisolated(unsafe) var errorData = Data()
            let group = DispatchGroup()
            group.enter()
            Thread.detachNewThread { [stderr] in
                errorData = stderr.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
            let rest = stdout.fileHandleForReading.readDataToEndOfFile()
            group.wait()
            process.waitUntilExit()
            return DossierExecutable.Result(status: process.terminationStatus, stdout: String(decoding: output + rest, as: UTF8.self),
                                            stderr: String(decoding: errorData, as: UTF8.self))
        }
    }
}
