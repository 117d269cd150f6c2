import CLua
import CLuaShim

/// A Lua value kept alive from Swift through a slot in the Lua registry.
///
/// The slot is freed when the reference is released. A reference does not keep
/// its state open: once the state is closed, the reference is dead and pushing
/// it is a programming error.
public class LuaReference {
    public private(set) weak var state: LuaState?
    let slot: Int32

    /// Takes the value on top of `stack` (popping it) into the registry.
    init(takingTopOf stack: LuaStack) {
        self.state = stack.state
        self.slot = luaL_ref(stack.L, luakit_registry_index())
    }

    deinit {
        if let state, !state.isClosed {
            luaL_unref(state.L, luakit_registry_index(), slot)
        }
    }

    /// Pushes the referenced value.
    public func push(to stack: LuaStack) {
        precondition(state?.isClosed == false, "a Lua reference was used after its state was closed")
        lua_rawgeti(stack.L, luakit_registry_index(), lua_Integer(slot))
    }
}

/// A Lua table held from Swift. Access is raw: no metamethod runs, so reading
/// a table can never run script code or raise from Swift.
public final class LuaTable: LuaReference, LuaConvertible {
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> LuaTable {
        guard stack.type(at: index) == .table else { throw LuaConversionError(expected: luaTypeName) }
        lua_pushvalue(stack.L, index)
        return LuaTable(takingTopOf: stack)
    }
    public static var luaTypeName: String { "table" }

    /// Creates a new, empty table in `state`.
    public convenience init(in state: LuaState) {
        let stack = state.stack
        stack.pushTable()
        self.init(takingTopOf: stack)
    }

    /// Reads `t[key]` (raw) as `Value`; nil when absent.
    public func get<Value: LuaReadable>(_ key: String, as type: Value.Type = Value.self) throws(LuaConversionError) -> Value? {
        guard let state else { return nil }
        let stack = state.stack
        push(to: stack)
        defer { stack.pop(2) }
        if stack.getField(-1, key) == .nil { return nil }
        return try Value.read(from: stack, at: -1)
    }

    /// Sets `t[key] = value` (raw).
    public func set<Value: LuaPushable>(_ key: String, _ value: Value) {
        guard let state else { return }
        let stack = state.stack
        push(to: stack)
        stack.setField(-1, key, value)
        stack.pop()
    }

    /// The raw length `#t` without __len.
    public var count: Int {
        guard let state else { return 0 }
        let stack = state.stack
        push(to: stack)
        defer { stack.pop() }
        return Int(lua_rawlen(stack.L, -1))
    }

    /// Every string key of the table, sorted.
    public var stringKeys: [String] {
        guard let state else { return [] }
        let stack = state.stack
        push(to: stack)
        defer { stack.pop() }
        var keys: [String] = []
        stack.forEachPair(-1) {
            if stack.type(at: -2) == .string, let bytes = stack.bytes(at: -2) {
                keys.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return keys.sorted()
    }
}

/// A Lua function held from Swift; calling it runs in protected mode.
public final class LuaFunction: LuaReference, LuaConvertible {
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> LuaFunction {
        guard stack.type(at: index) == .function else { throw LuaConversionError(expected: luaTypeName) }
        lua_pushvalue(stack.L, index)
        return LuaFunction(takingTopOf: stack)
    }
    public static var luaTypeName: String { "function" }

    /// Calls the function with `arguments` under the state's limits and returns
    /// its results. Errors come back as `LuaError`, never as a longjmp.
    @discardableResult
    public func call(_ arguments: [any LuaPushable] = []) throws(LuaError) -> [LuaValue] {
        guard let state else { throw LuaError.runtime(message: "the Lua state is closed", traceback: nil) }
        return try state.call(self, arguments: arguments)
    }
}
