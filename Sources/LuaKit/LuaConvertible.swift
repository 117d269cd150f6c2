import CLua
import CLuaShim
import Foundation

/// A Swift value that can be pushed onto a Lua stack.
///
/// Conversions come in two halves like GRDB's `DatabaseValueConvertible`:
/// `LuaPushable` (Swift -> Lua) and `LuaReadable` (Lua -> Swift), implemented
/// once per type so that bindings read as lists of registrations.
public protocol LuaPushable {
    func push(to stack: LuaStack)
}

/// A Swift value that can be read from a Lua stack slot.
public protocol LuaReadable {
    /// Reads the value at `index`, or throws naming the type that was expected.
    static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Self
    /// The name used in "X expected, got Y" messages.
    static var luaTypeName: String { get }
}

public typealias LuaConvertible = LuaPushable & LuaReadable

extension Bool: LuaConvertible {
    @inlinable public func push(to stack: LuaStack) { lua_pushboolean(stack.L, self ? 1 : 0) }
    @inlinable public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Bool {
        guard lua_type(stack.L, index) == LUA_TBOOLEAN else { throw LuaConversionError(expected: luaTypeName) }
        return lua_toboolean(stack.L, index) != 0
    }
    public static var luaTypeName: String { "boolean" }
}

extension Int: LuaConvertible {
    @inlinable public func push(to stack: LuaStack) { lua_pushinteger(stack.L, lua_Integer(self)) }
    /// Accepts integers and floats with an exact integer value, like luaL_checkinteger.
    @inlinable public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Int {
        var isInteger: Int32 = 0
        let value = lua_tointegerx(stack.L, index, &isInteger)
        if isInteger != 0 { return Int(value) }
        if lua_type(stack.L, index) == LUA_TNUMBER || lua_isnumber(stack.L, index) != 0 {
            throw LuaConversionError(invalid: "number has no integer representation")
        }
        throw LuaConversionError(expected: luaTypeName)
    }
    public static var luaTypeName: String { "number" }
}

extension Double: LuaConvertible {
    @inlinable public func push(to stack: LuaStack) { lua_pushnumber(stack.L, self) }
    @inlinable public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Double {
        var isNumber: Int32 = 0
        let value = lua_tonumberx(stack.L, index, &isNumber)
        guard isNumber != 0 else { throw LuaConversionError(expected: luaTypeName) }
        return value
    }
    public static var luaTypeName: String { "number" }
}

extension String: LuaConvertible {
    @inlinable public func push(to stack: LuaStack) {
        var copy = self
        copy.withUTF8 { buffer in
            _ = lua_pushlstring(stack.L, buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, buffer.count)
        }
    }
    /// Accepts strings and numbers (as Lua's string functions do). A Lua string is
    /// bytes; one that is not valid UTF-8 is refused rather than silently mended.
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> String {
        let type = lua_type(stack.L, index)
        if type == LUA_TNUMBER {
            // Format a copy so the stack slot (maybe a table key) is left alone.
            lua_pushvalue(stack.L, index)
            defer { lua_settop(stack.L, -2) }
            var length = 0
            let pointer = lua_tolstring(stack.L, -1, &length)!
            return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
        guard let bytes = stack.bytes(at: index) else { throw LuaConversionError(expected: luaTypeName) }
        // Decoding repairs invalid UTF-8, so the bytes change exactly when the
        // input was invalid. (String(validating:) is not specialised here and
        // costs several times more per call.)
        var string = String(decoding: bytes, as: UTF8.self)
        let isUnchanged = string.withUTF8 { decoded in
            decoded.count == bytes.count && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        guard isUnchanged else { throw LuaConversionError(invalid: "invalid UTF-8 in string") }
        return string
    }
    public static var luaTypeName: String { "string" }
}

extension Optional: LuaPushable where Wrapped: LuaPushable {
    @inlinable public func push(to stack: LuaStack) {
        switch self {
        case .some(let value): value.push(to: stack)
        case .none: lua_pushnil(stack.L)
        }
    }
}

extension Optional: LuaReadable where Wrapped: LuaReadable {
    /// nil and an absent argument read as `nil`; anything else must be `Wrapped`.
    @inlinable public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Wrapped? {
        if lua_type(stack.L, index) <= LUA_TNIL { return nil }
        return try Wrapped.read(from: stack, at: index)
    }
    public static var luaTypeName: String { Wrapped.luaTypeName }
}

extension Array: LuaPushable where Element: LuaPushable {
    /// A sequence table `{v1, v2, ...}`.
    public func push(to stack: LuaStack) {
        _ = stack.reserve(3)
        stack.pushTable(arrayCount: count)
        for (offset, element) in enumerated() {
            element.push(to: stack)
            lua_rawseti(stack.L, -2, lua_Integer(offset + 1))
        }
    }
}

extension Array: LuaReadable where Element: LuaReadable {
    /// Reads the sequence 1..#t (raw length, no __len).
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> [Element] {
        guard lua_type(stack.L, index) == LUA_TTABLE else { throw LuaConversionError(expected: luaTypeName) }
        let table = stack.absolute(index)
        let count = Int(lua_rawlen(stack.L, table))
        var result: [Element] = []
        result.reserveCapacity(count)
        for position in 0..<count {
            lua_rawgeti(stack.L, table, lua_Integer(position + 1))
            defer { lua_settop(stack.L, -2) }
            do {
                result.append(try Element.read(from: stack, at: -1))
            } catch {
                throw LuaConversionError(invalid: "element \(position + 1): \(error.reason)")
            }
        }
        return result
    }
    public static var luaTypeName: String { "table" }
}

extension Dictionary: LuaPushable where Key: LuaPushable, Value: LuaPushable {
    public func push(to stack: LuaStack) {
        _ = stack.reserve(3)
        stack.pushTable(recordCount: count)
        for (key, value) in self {
            key.push(to: stack)
            value.push(to: stack)
            lua_rawset(stack.L, -3)
        }
    }
}

extension Dictionary: LuaReadable where Key: LuaReadable, Value: LuaReadable {
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> [Key: Value] {
        guard lua_type(stack.L, index) == LUA_TTABLE else { throw LuaConversionError(expected: luaTypeName) }
        var result: [Key: Value] = [:]
        var failure: LuaConversionError?
        stack.forEachPair(index) {
            guard failure == nil else { return }
            do throws(LuaConversionError) {
                let key = try Key.read(from: stack, at: -2)
                result[key] = try Value.read(from: stack, at: -1)
            } catch {
                failure = LuaConversionError(invalid: "field \(stack.describeKey(at: -2)): \(error.reason)")
            }
        }
        if let failure { throw failure }
        return result
    }
    public static var luaTypeName: String { "table" }
}

extension LuaConversionError {
    /// The reason as it reads inside a message: "string expected" or the text.
    public var reason: String {
        switch problem {
        case .type(let expected): return "\(expected) expected"
        case .value(let text): return text
        }
    }
}

extension LuaStack {
    /// A key for messages: `name` or `[3]`, read without disturbing the slot.
    func describeKey(at index: Int32) -> String {
        switch type(at: index) {
        case .string:
            return bytes(at: index).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        case .number:
            var isInteger: Int32 = 0
            let value = lua_tointegerx(L, index, &isInteger)
            return isInteger != 0 ? "[\(value)]" : "[\(lua_tonumberx(L, index, nil))]"
        default:
            return "[\(type(at: index).name)]"
        }
    }
}
