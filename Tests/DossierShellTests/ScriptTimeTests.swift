import DossierCore
import Foundation
import LuaKit
import Testing
@testable import DossierLua

/// Issue 14, finding 3: `--timeout` did not reach engine work in Swift (the
/// stop hook runs only between Lua instructions; the CLI's backstop then
/// ended the process). `ScriptTime` binds the script's deadline for the
/// engines' loops; the work here honours it as they do, by waiting for it.
@Suite struct ScriptTimeTests {
    final class Seen: @unchecked Sendable {
        var deadline: WorkDeadline?
        var returned = false
    }

    @Test func engineWorkSeesTheScriptsDeadlineAndItsEndStopsTheScript() throws {
        let state = try LuaState(LuaState.Options(timeLimit: 0.2))
        let seen = Seen()
        state.register("work") { call in
            let value = try ScriptTime.run(call, "work") { () -> Int in
                seen.deadline = WorkDeadline.current
                while !(WorkDeadline.current?.hasPassed ?? true) { Thread.sleep(forTimeInterval: 0.005) }
                return 1
            }
            seen.returned = true
            call.push(value)
            return 1
        }
        // pcall cannot keep the script going past its budget.
        #expect(throws: LuaError.timeout(seconds: 0.2)) {
            try state.execute("local ok = pcall(work) while true do end")
        }
        #expect(seen.deadline != nil)
        #expect(!seen.returned)
    }

    @Test func withoutATimeLimitNothingIsBound() throws {
        let state = try LuaState()
        let seen = Seen()
        state.register("work") { call in
            call.push(try ScriptTime.run(call, "work") { () -> Int in
                seen.deadline = WorkDeadline.current
                return 7
            })
            return 1
        }
        #expect(try state.execute("return work()") == [.integer(7)])
        #expect(seen.deadline == nil)
    }
}
