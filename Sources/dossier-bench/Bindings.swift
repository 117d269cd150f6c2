import CBenchBaseline
import CLua
import LuaKit

/// A C function pushed as a plain `lua_pushcfunction` closure, with nothing of
/// LuaKit in between.
struct PlainCFunction: LuaPushable {
    let function: lua_CFunction

    func push(to stack: LuaStack) { lua_pushcclosure(stack.L, function, 0) }
}

/// The C counter userdata of CBenchBaseline.
struct PlainCCounter: LuaPushable {
    func push(to stack: LuaStack) { bench_c_push_counter(stack.L) }
}

/// The Swift twin of CBenchBaseline's counter.
final class SwiftCounter: LuaUserdata {
    var total = 0

    static var luaType: LuaUserdataType<SwiftCounter> {
        let type = LuaUserdataType<SwiftCounter>(name: "SwiftCounter")
        type.method("add") { counter, call in
            counter.total += try call.argument(1, as: Int.self)
            call.push(counter.total)
            return 1
        }
        return type
    }
}

/// Strings handed to the length functions. Swift keeps up to 15 UTF-8 bytes
/// inline, so the short one converts without a heap allocation and the long one
/// shows the cost of one.
enum BenchmarkText {
    static let short = "hello world"
    static let long = String(repeating: "abcdefgh", count: 8)
}

/// Defines the globals the benchmark loops call: each C binding and its Swift
/// twin doing the same work.
func installBindings(in state: LuaState) {
    state.setGlobal("c_increment", PlainCFunction(function: bench_c_increment))
    state.register("swift_increment") { call in
        call.push(try call.argument(1, as: Int.self) + 1)
        return 1
    }

    bench_c_register_counter_type(state.L)
    state.setGlobal("c_counter", PlainCCounter())
    state.register(SwiftCounter.luaType)
    state.setGlobal("swift_counter", SwiftCounter())

    state.setGlobal("c_length", PlainCFunction(function: bench_c_length))
    state.register("swift_length") { call in
        call.push(try call.argument(1, as: String.self).utf8.count)
        return 1
    }
    state.setGlobal("short_text", BenchmarkText.short)
    state.setGlobal("long_text", BenchmarkText.long)
}
