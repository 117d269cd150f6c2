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
}
