import Testing
@testable import LuaKit

struct Boom: Error, CustomStringConvertible {
    var description: String { "the archive is closed" }
}

@Suite struct FunctionTests {
    /// A `search(query, options)` shaped like the store's.
    func stateWithSearch() throws -> LuaState {
        let state = try LuaState()
        state.register("search") { call in
            let query: String = try call.argument(1)
            let options: LuaTable? = try call.argument(2)
            let limit: Int? = try call.option(2, "limit")
            call.push("\(query):\(options == nil ? "-" : "opts"):\(limit ?? -1)")
            return 1
        }
        return state
    }

    @Test func typedArgumentsAndResults() throws {
        let state = try stateWithSearch()
        #expect(try evaluate(state, "return search('ISI', {limit = 5})").stringValue == "ISI:opts:5")
        #expect(try evaluate(state, "return search('ISI')").stringValue == "ISI:-:-1")
        state.setGlobal("add", LuaNativeFunction(name: "add") { (a: Int, b: Int) in a + b })
        #expect(try evaluate(state, "return add(40, 2)") == .integer(42))
    }

    @Test func badArgumentMessagesAreLuasOwn() throws {
        let state = try stateWithSearch()
        #expect(try errorMessage(state, "search('ISI', 'recent')")
            == "test:2: bad argument #2 to 'search' (table expected, got string)")
        #expect(try errorMessage(state, "search()")
            == "test:2: bad argument #1 to 'search' (string expected, got no value)")
        #expect(try errorMessage(state, "search('ISI', {limit = 'ten'})")
            == "test:2: bad argument #2 to 'search' (field 'limit': number expected, got string)")
        // Called as a field of a table, Lua names it by the field.
        try state.execute("api = {find = search}", chunkName: "=test")
        #expect(try errorMessage(state, "api.find(1, 2)")
            == "test:2: bad argument #2 to 'find' (table expected, got number)")
    }

    @Test func swiftErrorsBecomeLuaErrorsWithPosition() throws {
        let state = try LuaState()
        state.register("archive") { _ in throw Boom() }
        do {
            try state.execute("local x = 1\narchive()", chunkName: "@brief.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "brief.lua:2: the archive is closed")
            #expect(error.traceback?.contains("in main chunk") == true)
        }
        // pcall sees an ordinary Lua error.
        #expect(try errorMessage(state, "archive()") == "test:2: the archive is closed")
    }

    @Test func errorsRaisedFromSwiftReleaseEverySwiftObject() throws {
        let counter = LifeCounter()
        let state = try LuaState()
        state.register("fail") { call in
            let scratch = Tracked(counter)  // must be released although the call fails
            _ = scratch
            throw LuaArgumentError(position: 1, problem: .value("refused"))
        }
        try state.execute("for i = 1, 1000 do pcall(fail, i) end", chunkName: "=test")
        #expect(counter.created == 1000)
        #expect(counter.live == 0)
    }

    @Test func luaErrorsInsideSwiftCallbacksComeBackAsValues() throws {
        let state = try LuaState()
        state.register("apply") { call in
            let function: LuaFunction = try call.argument(1)
            let results = try function.call([call.argument(2, as: Int.self)])
            call.push(results.first ?? .nil)
            return 1
        }
        #expect(try evaluate(state, "return apply(function(x) return x + 1 end, 1)") == .integer(2))
        let message = try errorMessage(state, "apply(function(x) error('inner failure') end, 1)")
        #expect(message == "test:2: inner failure")
    }

    @Test func closuresAreReleasedWithTheirState() throws {
        let counter = LifeCounter()
        var state: LuaState? = try LuaState()
        do {
            let captured = Tracked(counter, value: 7)
            state!.register("peek") { [captured] call in
                call.push(captured.value)
                return 1
            }
        }
        #expect(try evaluate(state!, "return peek()") == .integer(7))
        #expect(counter.live == 1)  // held by the closure Lua holds
        state = nil
        #expect(counter.live == 0)
    }
}
