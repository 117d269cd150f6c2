import DossierCore
import Foundation
import LuaKit

/// Engine work for a script under its time budget (`--timeout`). The Lua
/// stop hook cannot reach a long call in Swift, so the call's deadline is
/// bound for the engines' loops (`WorkDeadline`), which stop at it; their
/// partial answer is dropped and the script stops as at any timeout.
enum ScriptTime {
    static func run<Result>(_ call: LuaCall, _ function: String, _ work: () throws -> Result) throws -> Result {
        guard let end = call.deadline else { return try work() }
        let deadline = WorkDeadline(uptimeNanoseconds: end.uptimeNanoseconds)
        let result = try WorkDeadline.run(by: deadline) { try work() }
        guard !deadline.hasPassed else {
            call.stopAtDeadline()
            throw ScriptTimeError(function: function)
        }
        return result
    }
}

struct ScriptTimeError: Error, CustomStringConvertible {
    var function: String
    var description: String { "\(function): stopped at the time budget; its partial result was dropped" }
}
