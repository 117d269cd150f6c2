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

    @Test func aSwiftCallbackUnderTheCapIsNeverInterruptedMidwayButItsOversizedResultIsRefused() throws {
        let state = try LuaState(.init(memoryLimit: 2 << 20))
        // The callback builds 3 MB of Lua strings: over the cap, yet it must
        // finish (a failure would longjmp through its frame); the result is
        // then weighed and refused, and the state stays usable.
        let finished = LifeCounter()
        state.register("bulk") { call in
            let count = try call.argument(1, default: 3000)
            call.stack.pushTable(arrayCount: count)
            for i in 1...count {
                call.push(String(repeating: "a", count: 1000) + String(i))
                lua_rawseti(call.stack.L, -2, lua_Integer(i))
            }
            finished.created += 1
            return 1
        }
        let message = try errorMessage(state, "local t = bulk()")
        #expect(finished.created == 1)
        #expect(message.contains("not enough memory: the result of 'bulk' needs about "), "\(message)")
        #expect(message.contains("over the memory limit of 2.0 MiB"), "\(message)")
        try state.execute("collectgarbage()", chunkName: "=test")
        #expect(state.memoryUsed < 2 << 20)
        #expect(try evaluate(state, "return #bulk(100)") == .integer(100))
    }

    @Test func swiftObjectsHeldByLuaCountWithTheMemoryTheyKeep() throws {
        let state = try LuaState(.init(memoryLimit: 4 << 20))
        state.register(HeavyObject.luaType)
        state.register("heavy") { call in
            call.push(HeavyObject(bytes: 1 << 20))
            return 1
        }
        let before = state.memoryUsed
        // The table has its slots before the loop: Lua code allocates nothing
        // while it fills them, so only the results' weighing can stop it.
        try state.execute("held = {heavy(), false, false, false, false}", chunkName: "=test")
        #expect(state.memoryUsed - before >= 1 << 20)
        // With three MiB held in Swift, a fourth does not fit a 4 MiB cap.
        let message = try errorMessage(state, "for i = 2, 5 do held[i] = heavy() end")
        #expect(message.contains("not enough memory: the result of 'heavy' needs about 1.0 MiB"), "\(message)")
        #expect(try evaluate(state, "return held[3] ~= false and held[4] == false") == .boolean(true))
        // Collected objects give their memory back.
        try state.execute("held = nil collectgarbage() collectgarbage()", chunkName: "=test")
        #expect(state.memoryUsed - before < 64 << 10)
        #expect(try evaluate(state, "local h = heavy() return h.size") == .integer(1 << 20))
    }

    @Test func workSizedBeforeItStartsIsRefusedWithItsName() throws {
        let state = try LuaState(.init(memoryLimit: 4 << 20))
        let started = LifeCounter()
        state.register("analyse") { call in
            let text: String = try call.argument(1)
            try call.ensureRoom(forBytes: text.utf8.count * 10, "analyse on a text of \(text.utf8.count) bytes")
            started.created += 1
            call.push(text.utf8.count)
            return 1
        }
        #expect(try evaluate(state, "return analyse(string.rep('x', 1000))") == .integer(1000))
        let message = try errorMessage(state, "analyse(string.rep('x', 1000000))")
        #expect(message.contains("not enough memory: analyse on a text of 1000000 bytes needs about 9.5 MiB, over the memory limit of 4.0 MiB"),
                "\(message)")
        #expect(started.created == 1)
        // Without a cap nothing is refused.
        state.memoryLimit = nil
        #expect(try evaluate(state, "return analyse(string.rep('x', 1000000))") == .integer(1000000))
    }

    @Test func budgetSizesReadAsAPersonWritesThem() {
        #expect(LuaMemoryBudgetError.format(812) == "812 bytes")
        #expect(LuaMemoryBudgetError.format(3 << 20) == "3.0 MiB")
        #expect(LuaMemoryBudgetError.format(1536) == "1.5 KiB")
        #expect(LuaMemoryBudgetError.format(300 << 30) == "300 GiB")
    }
}

/// A Swift object that keeps `bytes` of memory, as an article keeps its body.
final class HeavyObject: LuaUserdata {
    let storage: [UInt8]
    init(bytes: Int) { storage = [UInt8](repeating: 1, count: bytes) }
    var heldBytes: Int { storage.count }
    static var luaType: LuaUserdataType<HeavyObject> {
        let type = LuaUserdataType<HeavyObject>(name: "Heavy")
        type.field("size") { $0.storage.count }
        return type
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
