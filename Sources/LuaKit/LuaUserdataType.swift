import CLua
import CLuaShim

/// What completion and `:help` need to know of a userdata type without running
/// its `__index`.
protocol AnyUserdataType: AnyObject {
    var name: String { get }
    var memberNames: [String] { get }
    func documentation(of member: String) -> String?
}

/// Describes how objects of a Swift class look in Lua: methods, read-only
/// fields and metamethods. Register it once per state with `LuaState.register`,
/// then push objects with `stack.push(object:)` (or conform to `LuaUserdata`).
///
/// The object is retained while Lua holds it; `__gc` releases it.
public final class LuaUserdataType<Object: AnyObject>: AnyUserdataType {
    public let name: String
    private var methods: [(name: String, documentation: String?, body: (Object, LuaCall) throws -> Int32)] = []
    private var fields: [String: (Object, LuaStack) -> Void] = [:]
    private var fieldDocumentation: [String: String] = [:]
    private var describe: ((Object) -> String)?
    private var equal: ((Object, Object) -> Bool)?
    private var count: ((Object) -> Int)?

    /// `name` is shown by `tostring` fallbacks and in type errors ("Article expected").
    public init(name: String) { self.name = name }

    /// Adds `obj:name(...)`. In `body`, `call.argument(1)` is the first
    /// argument after the receiver.
    public func method(_ name: String, documentation: String? = nil, _ body: @escaping (Object, LuaCall) throws -> Int32) {
        methods.append((name, documentation, body))
    }

    /// Adds the read-only field `obj.name`.
    public func field<Value: LuaPushable>(_ name: String, documentation: String? = nil, _ get: @escaping (Object) -> Value) {
        fields[name] = { object, stack in get(object).push(to: stack) }
        if let documentation { fieldDocumentation[name] = documentation }
    }

    /// `tostring(obj)`.
    public func toString(_ describe: @escaping (Object) -> String) { self.describe = describe }
    /// `a == b` between two objects of this type.
    public func equality(_ equal: @escaping (Object, Object) -> Bool) { self.equal = equal }
    /// `#obj`.
    public func length(_ count: @escaping (Object) -> Int) { self.count = count }

    var memberNames: [String] { (methods.map(\.name) + fields.keys).sorted() }

    func documentation(of member: String) -> String? {
        methods.first { $0.name == member }?.documentation ?? fieldDocumentation[member]
    }

    /// Builds the metatable in `stack`'s state.
    func install(in stack: LuaStack) {
        let L = stack.L
        let tag = Self.typeTag
        let typeName = name
        func receiver(_ call: LuaCall, position: Int32 = 1) throws(LuaArgumentError) -> Object {
            guard let pointer = luakit_to_object(call.stack.L, position, tag) else {
                throw LuaArgumentError(position: position, problem: .type(expected: typeName))
            }
            return Unmanaged<Object>.fromOpaque(pointer).takeUnretainedValue()
        }

        luakit_new_type_metatable(L, name, tag)
        stack.pushTable(recordCount: methods.count)
        for method in methods {
            let body = method.body
            stack.setField(-1, method.name) {
                stack.pushMethod(name: "\(typeName):\(method.name)", documentation: method.documentation) { call in
                    try body(receiver(call), call)
                }
            }
        }
        if fields.isEmpty {
            lua_setfield(L, -2, "__index")
        } else {
            let fields = self.fields
            stack.pushFunction(name: "\(typeName).__index") { call in
                let object = try receiver(call)
                guard call.stack.type(at: 2) == .string, let bytes = call.stack.bytes(at: 2),
                      let getter = fields[String(decoding: bytes, as: UTF8.self)] else {
                    lua_pushnil(call.stack.L)
                    return 1
                }
                getter(object, call.stack)
                return 1
            }
            luakit_push_index_with_fields(L)
            lua_setfield(L, -2, "__index")
        }
        if let describe {
            stack.setField(-1, "__tostring", LuaNativeFunction(name: "\(typeName).__tostring") { call in
                call.push(describe(try receiver(call)))
                return 1
            })
        }
        if let equal {
            stack.setField(-1, "__eq", LuaNativeFunction(name: "\(typeName).__eq") { call in
                guard let a = luakit_to_object(call.stack.L, 1, tag), let b = luakit_to_object(call.stack.L, 2, tag) else {
                    call.push(false)
                    return 1
                }
                call.push(equal(Unmanaged<Object>.fromOpaque(a).takeUnretainedValue(), Unmanaged<Object>.fromOpaque(b).takeUnretainedValue()))
                return 1
            })
        }
        if let count {
            stack.setField(-1, "__len", LuaNativeFunction(name: "\(typeName).__len") { call in
                call.push(count(try receiver(call)))
                return 1
            })
        }
        stack.pop()
    }

    /// A unique address per Swift class: its metadata pointer.
    static var typeTag: UnsafeRawPointer {
        unsafeBitCast(Object.self as AnyClass, to: UnsafeRawPointer.self)
    }
}

extension LuaState {
    /// Makes objects of `type`'s class usable in this state.
    public func register<Object: AnyObject>(_ type: LuaUserdataType<Object>) {
        type.install(in: stack)
        userdataTypes[LuaUserdataType<Object>.typeTag] = type
    }

    /// The type registered under the metatable of the userdata at `index`.
    func userdataType(at index: Int32) -> AnyUserdataType? {
        guard lua_type(L, index) == LUA_TUSERDATA else { return nil }
        return userdataTypes.first { luakit_to_object(L, index, $0.key) != nil }?.value
    }
}

extension LuaStack {
    /// Pushes `object` as userdata of its registered type. Pushing an object
    /// whose type was never registered is a programming error. The object's
    /// instance and `heldBytes` more (the strings and arrays it keeps) count
    /// against the memory cap until Lua collects the userdata.
    public func push<Object: AnyObject>(object: Object, heldBytes: Int = 0) {
        let tag = LuaUserdataType<Object>.typeTag
        precondition(state.userdataTypes[tag] != nil, "\(Object.self) was pushed to Lua before its LuaUserdataType was registered")
        let bytes = instanceBytes(object) + max(heldBytes, 0)
        luakit_push_object(L, Unmanaged.passRetained(object).toOpaque(), tag, bytes)
    }

    /// The object at `index` if it is userdata of `Object`'s registered type.
    public func object<Object: AnyObject>(at index: Int32, as type: Object.Type = Object.self) -> Object? {
        guard let pointer = luakit_to_object(L, index, LuaUserdataType<Object>.typeTag) else { return nil }
        return Unmanaged<Object>.fromOpaque(pointer).takeUnretainedValue()
    }
}

/// A class whose objects go to Lua as userdata of a registered type, so that
/// they convert like any other value (`call.argument(1, as: Article.self)`).
public protocol LuaUserdata: AnyObject, LuaPushable, LuaReadable {
    /// Swift memory the object keeps beyond its own instance (the bytes of
    /// its strings and arrays): it counts against the state's memory cap
    /// while Lua holds the object. 0 by default.
    var heldBytes: Int { get }
}

extension LuaUserdata {
    public var heldBytes: Int { 0 }

    public func push(to stack: LuaStack) { stack.push(object: self, heldBytes: heldBytes) }

    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Self {
        guard let object = stack.object(at: index, as: Self.self) else { throw LuaConversionError(expected: luaTypeName) }
        return object
    }

    public static var luaTypeName: String { String(describing: Self.self) }
}
