import Testing
@testable import LuaKit

@Suite struct ChunkTests {
    @Test func syntaxErrorsAtTheEndOfInputAreIncomplete() throws {
        let state = try LuaState()
        for source in ["for i = 1, 3 do", "function f(", "x = {", "s = [[long", "if x then print(x)"] {
            do {
                _ = try state.load(source, chunkName: "=stdin")
                Issue.record("\(source) compiled")
            } catch {
                guard case .syntax(_, let incomplete) = error else { Issue.record("\(error)"); continue }
                #expect(incomplete, "\(source)")
            }
        }
        do {
            _ = try state.load("x = = 1", chunkName: "=stdin")
            Issue.record("compiled")
        } catch {
            #expect(error == .syntax(message: "stdin:1: unexpected symbol near '='", incompleteInput: false))
        }
    }

    @Test func runtimeErrorsCarryFileLineAndTraceback() throws {
        let state = try LuaState()
        do {
            try state.execute("local function inner() error('deep') end\nlocal function outer() inner() end\nouter()", chunkName: "@report.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "report.lua:1: deep")
            let traceback = try #require(error.traceback)
            #expect(traceback.hasPrefix("stack traceback:"))
            #expect(traceback.contains("report.lua:2: in local 'outer'") || traceback.contains("report.lua:2: in upvalue 'outer'") || traceback.contains("report.lua:2:"))
            #expect(traceback.contains("report.lua:3: in main chunk"))
        }
    }

    @Test func nonStringErrorObjectsAreDescribed() throws {
        let state = try LuaState()
        do {
            try state.execute("error({})", chunkName: "=test")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "(error object is a table value)")
            #expect(error.traceback?.contains("test:1: in main chunk") == true)
        }
    }

    @Test func binaryChunksAreRefusedByTheHost() throws {
        let state = try LuaState()
        let dumped = try evaluate(state, "return string.dump(function() return 1 end)")
        guard case .string(let bytes) = dumped else { Issue.record("no dump"); return }
        #expect(throws: LuaError.self) { try state.load(bytes: bytes, chunkName: "=dump") }
    }

    @Test func missingFilesNameTheFile() throws {
        let state = try LuaState()
        #expect(throws: LuaError.file(path: "/nonexistent/brief.lua", reason: "No such file or directory")) {
            try state.load(file: "/nonexistent/brief.lua")
        }
    }
}

@Suite struct IntrospectionTests {
    @Test func completesGlobalsTableKeysAndMethods() throws {
        let state = try LuaState()
        state.register(Dossier.luaType)
        state.setGlobal("case", Dossier(title: "t", pages: 1, counter: LifeCounter()))
        #expect(state.completions(path: [], prefix: "pri") == ["print"])
        #expect(state.completions(path: ["string"], prefix: "fo") == ["format"])
        #expect(state.completions(path: ["case"], prefix: "") == ["grow", "pages", "search", "title"])
        try state.execute("s = 'text'", chunkName: "=test")
        #expect(state.completions(path: ["s"], prefix: "up") == ["upper"])  // via the string metatable
    }

    @Test func completionNeverRunsIndexFunctions() throws {
        let state = try LuaState()
        try state.execute("""
            calls = 0
            lazy = setmetatable({known = 1}, {__index = function(t, k) calls = calls + 1 return k end})
            """, chunkName: "=test")
        #expect(state.completions(path: ["lazy"], prefix: "") == ["known"])
        #expect(state.completions(path: ["lazy", "missing"], prefix: "") == [])
        #expect(try evaluate(state, "return calls") == .integer(0))
    }

    @Test func documentationOfFunctionsAndMethods() throws {
        let state = try LuaState()
        state.register("brief", documentation: "brief(topic): a one-page summary") { _ in 0 }
        state.register(Dossier.luaType)
        state.setGlobal("case", Dossier(title: "t", pages: 1, counter: LifeCounter()))
        #expect(state.documentation(path: ["brief"])?.text == "brief(topic): a one-page summary")
        #expect(state.documentation(path: ["case", "grow"])?.text == "grow(n): add n pages, return the new count")
        #expect(state.documentation(path: ["case", "title"])?.text == "The dossier's title.")
        #expect(state.documentation(path: ["nothing"]) == nil)
    }
}
