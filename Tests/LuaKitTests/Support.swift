import LuaKit

/// Counts live instances of `Tracked` for one test, so tests can show that
/// every Swift object Lua held was released.
final class LifeCounter {
    var created = 0
    var destroyed = 0
    var live: Int { created - destroyed }
}

final class Tracked {
    let counter: LifeCounter
    let value: Int
    init(_ counter: LifeCounter, value: Int = 0) {
        self.counter = counter
        self.value = value
        counter.created += 1
    }
    deinit { counter.destroyed += 1 }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs `source` and returns its first result.
func evaluate(_ state: LuaState, _ source: String) throws -> LuaValue {
    try state.execute(source, chunkName: "=test").first ?? .nil
}

/// The message of the error `source` raises, caught in Lua with pcall.
func errorMessage(_ state: LuaState, _ source: String) throws -> String {
    let result = try state.execute("""
        local ok, message = pcall(function()
          \(source)
        end)
        assert(not ok, "expected an error")
        return tostring(message)
        """, chunkName: "=test")
    return result.first?.stringValue ?? ""
}
