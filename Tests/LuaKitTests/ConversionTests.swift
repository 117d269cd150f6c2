import Testing
@testable import LuaKit

@Suite struct ConversionTests {
    @Test func scalarsRoundTrip() throws {
        let state = try LuaState()
        state.register("echo") { call in
            return Int32(call.argumentCount)
        }
        let results = try state.execute("return echo(true, 42, 2.5, 'text', nil)", chunkName: "=test")
        #expect(results == [.boolean(true), .integer(42), .number(2.5), "text", .nil])
    }

    @Test func swiftValuesArriveAsLuaValues() throws {
        let state = try LuaState()
        state.setGlobal("flag", true)
        state.setGlobal("count", 7)
        state.setGlobal("ratio", 0.25)
        state.setGlobal("name", "Dhaka")
        state.setGlobal("list", ["a", "b", "c"])
        state.setGlobal("map", ["x": 1, "y": 2])
        state.setGlobal("missing", Optional<Int>.none)
        let result = try evaluate(state, """
            return string.format("%s %d %.2f %s %d %s %d %d %s", tostring(flag), count, ratio, name,
              #list, list[2], map.x, map.y, tostring(missing))
            """)
        #expect(result.stringValue == "true 7 0.25 Dhaka 3 b 1 2 nil")
        #expect(try evaluate(state, "return math.type(count)").stringValue == "integer")
    }

    @Test func luaValuesReadAsSwiftValues() throws {
        let state = try LuaState()
        try state.execute("t = {10, 20, 30}; m = {a = 'x', b = 'y'}; n = 3.0; s = 'ok'; b = false", chunkName: "=test")
        #expect(try state.global("t", as: [Int].self) == [10, 20, 30])
        #expect(try state.global("m", as: [String: String].self) == ["a": "x", "b": "y"])
        #expect(try state.global("n", as: Int.self) == 3)  // a float with an integer value
        #expect(try state.global("n", as: Double.self) == 3.0)
        #expect(try state.global("s", as: String.self) == "ok")
        #expect(try state.global("b", as: Bool.self) == false)
        #expect(try state.global("nothing", as: Int?.self) == nil)
    }

    @Test func wrongTypesAreReportedWithTheExpectedType() throws {
        let state = try LuaState()
        try state.execute("t = {1, 'two', 3}; x = 1.5; s = 'abc'", chunkName: "=test")
        #expect(throws: LuaConversionError(invalid: "element 2: number expected")) {
            try state.global("t", as: [Int].self)
        }
        #expect(throws: LuaConversionError(invalid: "number has no integer representation")) {
            try state.global("x", as: Int.self)
        }
        #expect(throws: LuaConversionError(expected: "table")) {
            try state.global("s", as: [String].self)
        }
    }

    @Test func invalidUTF8IsRefusedNotMended() throws {
        let state = try LuaState()
        try state.execute(#"bad = "abc\xff\xfe""#, chunkName: "=test")
        #expect(throws: LuaConversionError(invalid: "invalid UTF-8 in string")) {
            try state.global("bad", as: String.self)
        }
        // The bytes themselves are still reachable, exactly.
        #expect(try state.global("bad", as: LuaValue.self) == .string([97, 98, 99, 0xFF, 0xFE]))
    }

    @Test func tablesAndFunctionsAreHeldByReference() throws {
        let state = try LuaState()
        try state.execute("config = {depth = 2}; function double(x) return x * 2 end", chunkName: "=test")
        let config = try state.global("config", as: LuaTable.self)
        #expect(try config.get("depth", as: Int.self) == 2)
        config.set("width", 80)
        #expect(try evaluate(state, "return config.width") == .integer(80))
        let double = try state.global("double", as: LuaFunction.self)
        #expect(try double.call([21]) == [.integer(42)])
    }

    @Test func callingAFunctionThatFailsThrowsWithTraceback() throws {
        let state = try LuaState()
        try state.execute("function fail() error('nope') end", chunkName: "@analysis.lua")
        let fail = try state.global("fail", as: LuaFunction.self)
        do {
            try fail.call()
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "analysis.lua:1: nope")
            #expect(error.traceback?.contains("stack traceback:") == true)
            #expect(error.traceback?.contains("analysis.lua:1: in function 'fail'") == true)
        }
    }
}
