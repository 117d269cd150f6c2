import Testing
@testable import DossierShell

@Suite struct LocalDeclarationTests {
    @Test(arguments: [
        ("local x = 1", "x = 1"),
        ("local a, b", "a, b = nil"),
        ("local function f() return 1 end", "function f() return 1 end"),
        ("local n <const> = 5", "n = 5"),
        ("local x = 1; local y = x + 1", "x = 1; y = x + 1"),
        ("  local s = 'local t = 2'", "  s = 'local t = 2'"),
    ])
    func topLevelLocalsBecomeGlobals(source: String, expected: String) {
        #expect(globalizeTopLevelLocals(source) == expected)
    }

    @Test(arguments: [
        "function f() local x = 1 return x end",
        "for i = 1, 3 do local y = i end",
        "if ok then local z = 1 end",
        "-- local x = 1",
        "s = [[local x = 1]]",
        "local f <close> = io.open('x')",
        "print('local x')",
    ])
    func everythingElseIsLeftAlone(source: String) {
        #expect(globalizeTopLevelLocals(source) == source)
    }

    @Test func nestedBlocksEndBeforeTheNextTopLevelLocal() {
        #expect(globalizeTopLevelLocals("do local a = 1 end local b = 2")
            == "do local a = 1 end b = 2")
        #expect(globalizeTopLevelLocals("repeat local a = 1 until a local b = 2")
            == "repeat local a = 1 until a b = 2")
    }
}
