import Foundation
import Testing

/// The Lua API tests: scripts in Tests/lua, run by the real binary against a
/// fresh store, readable as examples of the API.
@Suite struct LuaScriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func storeAPI() throws {
        let store = try DossierExecutable.temporaryDirectory().appendingPathComponent("store.sqlite").path
        let result = try DossierExecutable.run([
            "--store", store, "run",
            LuaScriptTests.root.appendingPathComponent("Tests/lua/store_api.lua").path,
            LuaScriptTests.root.appendingPathComponent("seeds").path,
        ])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("store_api.lua: all checks passed\n"))
    }

    @Test(arguments: ["entities_api.lua", "timeline_api.lua", "guardrails_api.lua", "claims_api.lua"])
    func engineAPI(script: String) throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let result = try DossierExecutable.run([
            "--store", directory.appendingPathComponent("store.sqlite").path, "run",
            LuaScriptTests.root.appendingPathComponent("Tests/lua/\(script)").path,
            LuaScriptTests.root.appendingPathComponent("seeds").path,
            directory.path,
        ])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("\(script): all checks passed\n"))
    }
}
