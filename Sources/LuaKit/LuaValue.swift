import CLua
import CLuaShim

/// Any Lua value, for results and arguments whose type is not known in advance.
public enum LuaValue: LuaConvertible, CustomStringConvertible {
    case `nil`
    case boolean(Bool)
    case integer(Int)
    case number(Double)
    /// A string; Lua strings are bytes, kept exactly as they were.
    case string([UInt8])
    case table(LuaTable)
    case function(LuaFunction)
    /// A userdata, thread or light userdata, kept by reference.
    case other(LuaReference, LuaType)

    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> LuaValue {
        let L = stack.L
        switch stack.type(at: index) {
        case .none, .nil: return .nil
        case .boolean: return .boolean(lua_toboolean(L, index) != 0)
        case .number:
            var isInteger: Int32 = 0
            let integer = lua_tointegerx(L, index, &isInteger)
            if lua_isinteger(L, index) != 0, isInteger != 0 { return .integer(Int(integer)) }
            return .number(lua_tonumberx(L, index, nil))
        case .string:
            return .string(Array(stack.bytes(at: index)!.bindMemory(to: UInt8.self)))
        case .table: return .table(try LuaTable.read(from: stack, at: index))
        case .function: return .function(try LuaFunction.read(from: stack, at: index))
        case let type:
            lua_pushvalue(L, index)
            return .other(LuaReference(takingTopOf: stack), type)
        }
    }
    public static var luaTypeName: String { "value" }

    public func push(to stack: LuaStack) {
        switch self {
        case .nil: lua_pushnil(stack.L)
        case .boolean(let value): value.push(to: stack)
        case .integer(let value): value.push(to: stack)
        case .number(let value): value.push(to: stack)
        case .string(let bytes):
            bytes.withUnsafeBytes { buffer in
                _ = lua_pushlstring(stack.L, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count)
            }
        case .table(let table): table.push(to: stack)
        case .function(let function): function.push(to: stack)
        case .other(let reference, _): reference.push(to: stack)
        }
    }

    /// The string's text if this is a string (invalid UTF-8 repaired for display).
    public var stringValue: String? {
        if case .string(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    public var description: String {
        switch self {
        case .nil: return "nil"
        case .boolean(let value): return String(value)
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .string(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .table: return "table"
        case .function: return "function"
        case .other(_, let type): return type.name
        }
    }
}

extension LuaValue: Equatable {
    /// Equal when both are the same primitive value, or the same referenced object.
    public static func == (lhs: LuaValue, rhs: LuaValue) -> Bool {
        switch (lhs, rhs) {
        case (.nil, .nil): return true
        case let (.boolean(a), .boolean(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)): return Double(a) == b
        case let (.string(a), .string(b)): return a == b
        case let (.table(a), .table(b)): return a === b || sameReferent(a, b)
        case let (.function(a), .function(b)): return a === b || sameReferent(a, b)
        case let (.other(a, _), .other(b, _)): return a === b || sameReferent(a, b)
        default: return false
        }
    }
}

private func sameReferent(_ a: LuaReference, _ b: LuaReference) -> Bool {
    guard let state = a.state, !state.isClosed else { return false }
    let stack = state.stack
    a.push(to: stack)
    b.push(to: stack)
    defer { stack.pop(2) }
    return lua_rawequal(stack.L, -1, -2) != 0
}

extension LuaValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(Array(value.utf8)) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(nilLiteral: ()) { self = .nil }
}
