import CLua
import CLuaShim

/// A non-owning view of a Lua stack: what conversions and callbacks work with.
///
/// Every operation here is one that cannot raise a Lua error from a Swift frame:
/// table access is raw (no metamethods run), and allocations never fail while
/// Swift code runs (see the capped allocator in CLuaShim).
public struct LuaStack {
    public let L: OpaquePointer

    @inlinable
    public init(_ L: OpaquePointer) { self.L = L }

    /// The LuaState that owns this stack.
    public var state: LuaState {
        let control = luakit_control(L)!
        return Unmanaged<LuaState>.fromOpaque(control.pointee.host).takeUnretainedValue()
    }

    @inlinable public var top: Int32 {
        get { lua_gettop(L) }
        nonmutating set { lua_settop(L, newValue) }
    }

    @inlinable public func type(at index: Int32) -> LuaType {
        LuaType(rawValue: lua_type(L, index)) ?? .none
    }

    /// The type name a user sees in messages: `__name` of a userdata's metatable
    /// when it has one (as luaL_typeerror does), else the basic type name.
    public func typeName(at index: Int32) -> String {
        let type = type(at: index)
        if type == .userdata, lua_getmetatable(L, index) != 0 {
            defer { lua_settop(L, -2) }
            lua_pushstring(L, "__name")
            if lua_rawget(L, -2) == LUA_TSTRING, let name = lua_tolstring(L, -1, nil) {
                let result = String(cString: name)
                lua_settop(L, -2)
                return result
            }
            lua_settop(L, -2)
        }
        return type.name
    }

    @inlinable public func absolute(_ index: Int32) -> Int32 {
        lua_absindex(L, index)
    }

    @inlinable public func pop(_ count: Int32 = 1) { lua_settop(L, -count - 1) }

    /// Ensures room for `count` more values; false when Lua cannot grow the stack.
    @inlinable public func reserve(_ count: Int32) -> Bool { lua_checkstack(L, count) != 0 }

    @inlinable public func push<Value: LuaPushable>(_ value: Value) { value.push(to: self) }

    @inlinable public func pushNil() { lua_pushnil(L) }

    /// Reads the value at `index` as `Value`.
    @inlinable public func read<Value: LuaReadable>(_ index: Int32, as type: Value.Type = Value.self) throws(LuaConversionError) -> Value {
        try Value.read(from: self, at: index)
    }

    /// Pushes a new table sized for the given array and hash parts.
    @inlinable public func pushTable(arrayCount: Int = 0, recordCount: Int = 0) {
        lua_createtable(L, Int32(clamping: arrayCount), Int32(clamping: recordCount))
    }

    /// t[key] = value for the table at `table`, raw; the value is pushed by `push`.
    public func setField(_ table: Int32, _ key: String, _ push: () -> Void) {
        let table = absolute(table)
        key.push(to: self)
        push()
        lua_rawset(L, table)
    }

    public func setField<Value: LuaPushable>(_ table: Int32, _ key: String, _ value: Value) {
        setField(table, key) { value.push(to: self) }
    }

    /// Pushes t[key] for the table at `table` (raw) and returns its type.
    @discardableResult
    public func getField(_ table: Int32, _ key: String) -> LuaType {
        let table = absolute(table)
        key.push(to: self)
        return LuaType(rawValue: lua_rawget(L, table)) ?? .nil
    }

    /// The string at `index` without conversion of numbers, or nil.
    public func bytes(at index: Int32) -> UnsafeRawBufferPointer? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let pointer = lua_tolstring(L, index, &length) else { return nil }
        return UnsafeRawBufferPointer(start: pointer, count: length)
    }

    /// Iterates the raw key/value pairs of the table at `index`. The key is at
    /// -2 and the value at -1 during `body`; the stack is restored afterwards.
    public func forEachPair(_ index: Int32, _ body: () throws -> Void) rethrows {
        let table = absolute(index)
        let base = top
        lua_pushnil(L)
        defer { top = base }
        while lua_next(L, table) != 0 {
            let keep = top - 1
            try body()
            top = keep
        }
    }
}
