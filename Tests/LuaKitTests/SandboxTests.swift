import Foundation
import Testing
@testable import LuaKit

@Suite struct SandboxTests {
    let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("luakit-sandbox-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    @Test func dangerousFunctionsAreGone() throws {
        let state = try LuaState(.init(sandboxed: true))
        #expect(try evaluate(state, "return os.execute == nil and io.popen == nil and debug == nil and package.loadlib == nil and os.exit == nil and os.remove == nil") == .boolean(true))
    }

    @Test func requireCannotBringBackDebugOrCModules() throws {
        let state = try LuaState(.init(sandboxed: true))
        let message = try errorMessage(state, "require('debug')")
        #expect(message.contains("module 'debug' not found"))
    }

    @Test func filesOpenForReadingOnly() throws {
        let state = try LuaState(.init(sandboxed: true))
        let path = directory.appendingPathComponent("note.txt").path
        try "secret".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try evaluate(state, "local f = io.open('\(path)'); local s = f:read('a'); f:close(); return s") == "secret")
        #expect(try errorMessage(state, "io.open('\(path)', 'w')").contains("io.open for writing: not allowed in the sandbox"))
        #expect(try errorMessage(state, "io.open('\(path)', 'a+')").contains("not allowed in the sandbox"))
        #expect(try errorMessage(state, "io.output('\(path)')").contains("io.output: not allowed in the sandbox"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "secret")
    }

    @Test func binaryChunksAreRefusedEverywhere() throws {
        let state = try LuaState(.init(sandboxed: true))
        #expect(try evaluate(state, """
            local ok, message = load(string.dump(function() return 1 end))
            return message
            """).stringValue?.contains("attempt to load a binary chunk") == true)
        // Passing "b" as the mode does not help.
        #expect(try evaluate(state, "return select(2, load(string.dump(function() end), 'x', 'b'))")
            .stringValue?.contains("binary chunk") == true)
        let chunkPath = directory.appendingPathComponent("evil.luac").path
        let modulePath = directory.appendingPathComponent("evilmod.lua").path
        let unsandboxed = try LuaState()
        try unsandboxed.execute("""
            local bytes = string.dump(function() return 'ran' end)
            for _, path in ipairs{'\(chunkPath)', '\(modulePath)'} do
              local f = assert(io.open(path, 'wb')); f:write(bytes); f:close()
            end
            """, chunkName: "=setup")
        #expect(try evaluate(state, "return select(2, loadfile('\(chunkPath)'))").stringValue?.contains("binary chunk") == true)
        #expect(try errorMessage(state, "dofile('\(chunkPath)')").contains("binary chunk"))
        #expect(try errorMessage(state, "package.path = '\(directory.path)/?.lua'; require('evilmod')").contains("binary chunk"))
    }

    @Test func textChunksStillLoadWithTheirEnvironment() throws {
        let state = try LuaState(.init(sandboxed: true))
        #expect(try evaluate(state, "return load('return x', 'c', 't', {x = 5})()") == .integer(5))
        #expect(try evaluate(state, "return load('return 2 + 2')()") == .integer(4))
    }

    @Test func withoutTheSandboxEverythingIsThere() throws {
        let state = try LuaState()
        #expect(try evaluate(state, "return os.execute ~= nil and debug ~= nil and io.popen ~= nil") == .boolean(true))
    }

    // Issue 14, finding 1: the mode was checked with `mode:match`, through the
    // string metatable the script controls.
    @Test func replacingStringFunctionsDoesNotOpenFilesForWriting() throws {
        let state = try LuaState(.init(sandboxed: true))
        let path = directory.appendingPathComponent("created.txt").path
        let message = try errorMessage(state, """
            string.match = function() return true end
            getmetatable('').__index = { match = function() return true end }
            local f = io.open('\(path)', 'w'); f:write('owned'); f:close()
            """)
        #expect(message.contains("io.open for writing: not allowed in the sandbox"))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try errorMessage(state, "type = function() return 'string' end; io.output('\(path)')").contains("not allowed in the sandbox"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func writesGoOnlyUnderTheAllowedDirectories() throws {
        let allowed = directory.appendingPathComponent("out")
        let outside = directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: allowed, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        // A link inside the allowed directory to one outside it, and one dangling.
        try FileManager.default.createSymbolicLink(atPath: allowed.appendingPathComponent("exit").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: allowed.appendingPathComponent("dangling").path,
                                                   withDestinationPath: outside.appendingPathComponent("made.txt").path)
        let state = try LuaState(.init(sandboxed: true, writableDirectories: [allowed.path]))
        #expect(try evaluate(state, """
            local f = assert(io.open('\(allowed.path)/note.txt', 'w')); f:write('kept'); f:close()
            return io.open('\(allowed.path)/note.txt'):read('a')
            """) == "kept")
        for escape in ["\(outside.path)/a.txt", "\(allowed.path)/../elsewhere/b.txt", "\(allowed.path)/exit/c.txt",
                       "\(allowed.path)/dangling", "\(allowed.path)/missing/../../elsewhere/d.txt"] {
            #expect(try errorMessage(state, "io.open('\(escape)', 'a')").contains("outside every --allow-write directory"), "\(escape)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(state.mayWrite(allowed.appendingPathComponent("new/deeper/file.json").path))
        #expect(!state.mayWrite(outside.appendingPathComponent("file.json").path))
        #expect(try LuaState().mayWrite(outside.appendingPathComponent("file.json").path))
    }

    @Test func anAllowedDirectoryMustExist() throws {
        #expect(throws: LuaError.self) {
            try LuaState(.init(sandboxed: true, writableDirectories: [directory.appendingPathComponent("nowhere").path]))
        }
    }
}
