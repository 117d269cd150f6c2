import CLua
import CLuaShim

/// What a Swift function called from Lua sees: its arguments and a place for
/// its results.
///
/// Argument numbers are those of the Lua call; in a method, `self` is argument
/// 0 and `argument(1)` is the first one after it, matching how Lua numbers
/// arguments in messages for `obj:method(...)` calls.
public struct LuaCall {
    public let stack: LuaStack
    /// Stack slots before argument 1 (1 in methods: the receiver).
    @usableFromInline let base: Int32

    @inlinable init(_ L: OpaquePointer, base: Int32) {
        self.stack = LuaStack(L)
        self.base = base
    }

    /// How many arguments were passed (not counting a method's receiver).
    @inlinable public var argumentCount: Int { Int(lua_gettop(stack.L) - base) }

    /// The stack index of argument `number`.
    @inlinable public func index(of number: Int) -> Int32 { Int32(number) + base }

    /// The type of argument `number` (`.none` when absent).
    @inlinable public func type(of number: Int) -> LuaType { stack.type(at: index(of: number)) }

    /// Argument `number` as `Value`, or a `bad argument` error naming the type
    /// expected and the one given.
    @inlinable
    public func argument<Value: LuaReadable>(_ number: Int, as type: Value.Type = Value.self) throws(LuaArgumentError) -> Value {
        let position = index(of: number)
        do {
            return try Value.read(from: stack, at: position)
        } catch {
            throw LuaArgumentError(position: position, problem: error.argumentProblem)
        }
    }

    /// Argument `number`, or `defaultValue` when it is nil or absent.
    @inlinable
    public func argument<Value: LuaReadable>(_ number: Int, default defaultValue: Value) throws(LuaArgumentError) -> Value {
        if lua_type(stack.L, index(of: number)) <= LUA_TNIL { return defaultValue }
        return try argument(number)
    }

    /// An error about argument `number`'s value: `bad argument #n to 'f' (reason)`.
    public func badArgument(_ number: Int, _ reason: String) -> LuaArgumentError {
        LuaArgumentError(position: index(of: number), problem: .value(reason))
    }

    /// Reads the field `key` of the options table in argument `number`, raw.
    /// An absent or nil options argument and absent fields give nil; an
    /// options argument that is not a table is a type error; a field of the wrong type is an error
    /// naming the field: `bad argument #2 to 'search' (field 'limit': number expected, got string)`.
    public func option<Value: LuaReadable>(_ number: Int, _ key: String, as type: Value.Type = Value.self) throws(LuaArgumentError) -> Value? {
        let position = index(of: number)
        let type = lua_type(stack.L, position)
        if type <= LUA_TNIL { return nil }  // no options given
        guard type == LUA_TTABLE else { throw LuaArgumentError(position: position, problem: .type(expected: "table")) }
        stack.getField(position, key)
        defer { stack.pop() }
        if lua_type(stack.L, -1) == LUA_TNIL { return nil }
        do {
            return try Value.read(from: stack, at: -1)
        } catch {
            let given = stack.typeName(at: -1)
            let reason: String
            switch error.problem {
            case .type(let expected): reason = "field '\(key)': \(expected) expected, got \(given)"
            case .value(let text): reason = "field '\(key)': \(text)"
            }
            throw LuaArgumentError(position: position, problem: .value(reason))
        }
    }

    /// Pushes one result.
    @inlinable public func push<Value: LuaPushable>(_ value: Value) { value.push(to: stack) }
}

extension LuaConversionError {
    @usableFromInline var argumentProblem: LuaArgumentError.Problem {
        switch problem {
        case .type(let expected): return .type(expected: expected)
        case .value(let text): return .value(text)
        }
    }
}

/// The body of a Swift function callable from Lua: reads its arguments from the
/// call, pushes its results and returns how many it pushed. A thrown error
/// becomes a Lua error raised after this Swift frame has returned.
public typealias LuaFunctionBody = (LuaCall) throws -> Int32

/// The Swift side of a Lua closure made by `luakit_push_swift_function`.
final class LuaFunctionBox {
    let body: LuaFunctionBody
    let base: Int32
    let name: String
    let documentation: String?

    init(name: String, base: Int32, documentation: String?, body: @escaping LuaFunctionBody) {
        self.name = name
        self.base = base
        self.documentation = documentation
        self.body = body
    }
}

/// Called by the C trampoline for every Lua call of a Swift function. Never
/// raises: failure is returned as a LUAKIT_RAISE_* status, and the trampoline
/// raises once this frame is gone.
let dispatchToSwift: luakit_dispatch_fn = { L, boxPointer in
    let L = L!
    // The running closure sits in its callee slot and holds the box as an
    // upvalue, so the box outlives this call: borrowing it without a
    // retain/release pair halves the cost of a call (docs/benchmarks.md).
    return Unmanaged<LuaFunctionBox>.fromOpaque(boxPointer!)._withUnsafeGuaranteedRef { box in
        let control = luakit_control(L)!
        let inUseBefore = control.pointee.used + control.pointee.hostHeld
        do {
            let results = try box.body(LuaCall(L, base: box.base))
            // Results are built while the allocator lets Swift exceed the
            // cap: a result that took the state over it is dropped here.
            let limit = control.pointee.limit
            let inUse = control.pointee.used + control.pointee.hostHeld
            guard limit != 0, inUse > limit, inUse > inUseBefore, results >= 0 else { return results }
            lua_settop(L, -results - 1)
            // Collected now, finalizers included, so that the Swift objects
            // among them give their charge back and the error message fits:
            // Lua's emergency collection runs no finalizers.
            luakit_collect_garbage(L)
            return pushFailure(LuaMemoryBudgetError(what: "the result of '\(box.name)'", bytes: inUse - inUseBefore,
                                                    limit: limit, inUse: inUseBefore), L)
        } catch {
            return pushFailure(error, L)
        }
    }
}

/// Pushes what the trampoline needs to raise `error` and returns the status.
func pushFailure(_ error: any Error, _ L: OpaquePointer) -> Int32 {
    let stack = LuaStack(L)
    _ = stack.reserve(2)
    switch error {
    case let argumentError as LuaArgumentError:
        luakit_control(L)!.pointee.errorArgument = argumentError.position
        switch argumentError.problem {
        case .type(let expected):
            expected.push(to: stack)
            return LUAKIT_RAISE_TYPE
        case .value(let reason):
            reason.push(to: stack)
            return LUAKIT_RAISE_ARGUMENT
        }
    case let luaError as LuaError:
        // Already positioned by Lua (e.g. an error from a callback Lua function).
        luaError.message.push(to: stack)
        return LUAKIT_RAISE_VALUE
    case let described as CustomStringConvertible:
        described.description.push(to: stack)
        return LUAKIT_RAISE_MESSAGE
    default:
        String(describing: error).push(to: stack)
        return LUAKIT_RAISE_MESSAGE
    }
}

let releaseSwiftObject: luakit_release_fn = { pointer in
    Unmanaged<AnyObject>.fromOpaque(pointer!).release()
}
