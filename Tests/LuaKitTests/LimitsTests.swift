import CLua
import Foundation
import Testing
@testable import LuaKit

@Suite struct MemoryLimitTests {
    @Test func theCapStopsAllocationAndTheStateStaysUsable() throws {
        let state = try LuaState(.init(memoryLimit: 4 << 20))
        #expect(throws: LuaError.memory(limit: 4 << 20)) {
            try state.execute("local t = {} for i = 1, 1e8 do t[i] = {} end", chunkName: "=test")
        }
        #expect(state.memoryUsed < 4 << 20)
        #expect(try evaluate(state, "return 1 + 1") == .integer(2))
        // Inside pcall the script sees Lua's own memory error and carries on.
        let result = try evaluate(state, """
            local ok, message = pcall(function() local s = {} for i = 1, 1e8 do s[i] = ("x"):rep(64) .. i end end)
            return tostring(ok) .. " " .. message
            """)
        #expect(result == "false not enough memory")
    }

    @Test func aSwiftCallbackUnderTheCapIsNeverInterruptedMidway() throws {
        let state = try LuaState(.init(memoryLimit: 2 << 20))
        // The callback allocates 3 MB of Lua strings: over the cap, yet it must
        // finish (the cap is relaxed for Swift frames) and Lua fails afterwards.
        state.register("bulk") { call in
            call.stack.pushTable(arrayCount: 3000)
            for i in 1...3000 {
                call.push(String(repeating: "a", count: 1000) + String(i))
                lua_rawseti(call.stack.L, -2, lua_Integer(i))
            }
            return 1
        }
        #expect(throws: LuaError.memory(limit: 2 << 20)) {
            try state.execute("local t = bulk(); local more = {} for i = 1, 1e6 do more[i] = {} end", chunkName: "=test")
        }
        try state.execute("collectgarbage()", chunkName: "=test")
        #expect(try evaluate(state, "return #bulk()") == .integer(3000))
    }
}

@Suite struct TimeLimitTests {
    @Test func aTimeoutCannotBeSwallowedByPcall() throws {
        let state = try LuaState(.init(timeLimit: 0.2))
        let started = Date()
        #expect(throws: LuaError.timeout(seconds: 0.2)) {
            try state.execute("""
                while true do
                  pcall(function() while true do end end)
                end
                """, chunkName: "=test")
        }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try evaluate(state, "return 'still usable'") == "still usable")
    }

    @Test func aTimeoutAlsoStopsALoopInsideACoroutine() throws {
        let state = try LuaState(.init(timeLimit: 0.2))
        #expect(throws: LuaError.timeout(seconds: 0.2)) {
            try state.execute("coroutine.wrap(function() while true do end end)()", chunkName: "=test")
        }
        #expect(throws: LuaError.timeout(seconds: 0.2)) {
            try state.execute("""
                local co = coroutine.create(function() while true do end end)
                while true do coroutine.resume(co) end
                """, chunkName: "=test")
        }
    }

    @Test func workUnderTheBudgetIsNotDisturbed() throws {
        let state = try LuaState(.init(timeLimit: 10))
        #expect(try evaluate(state, "local s = 0 for i = 1, 1e6 do s = s + i end return s") == .integer(500000500000))
    }

    @Test func interruptFromAnotherThread() throws {
        let state = try LuaState()
        let box = UncheckedBox(state)
        // A thread of its own: the test's pool threads may all be running Lua.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.2)
            box.value.interrupt()
        }
        #expect(throws: LuaError.interrupted) {
            try state.execute("while true do pcall(function() while true do end end) end", chunkName: "=test")
        }
        #expect(try evaluate(state, "return 3") == .integer(3))
    }
}

/// Hands the state to the interrupting thread; `interrupt()` is the one call
/// documented as safe from another thread.
final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
