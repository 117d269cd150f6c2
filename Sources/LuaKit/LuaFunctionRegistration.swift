import CLua
import CLuaShim

extension LuaStack {
    /// Pushes a Lua function that runs `body`. `name` and `documentation` are
    /// kept for `:help`; Lua itself names the function in error messages after
    /// the global or field it is called through.
    public func pushFunction(name: String, documentation: String? = nil, _ body: @escaping LuaFunctionBody) {
        let box = LuaFunctionBox(name: name, base: 0, documentation: documentation, body: body)
        luakit_push_swift_function(L, Unmanaged.passRetained(box).toOpaque())
    }

    /// Pushes a method: like a function, but argument 1 is the one after `self`.
    func pushMethod(name: String, documentation: String?, _ body: @escaping LuaFunctionBody) {
        let box = LuaFunctionBox(name: name, base: 1, documentation: documentation, body: body)
        luakit_push_swift_function(L, Unmanaged.passRetained(box).toOpaque())
    }

    /// The documentation registered with the Swift function at `index`, if any.
    public func documentation(ofFunctionAt index: Int32) -> (name: String, text: String?)? {
        guard let pointer = luakit_swift_function_box(L, index) else { return nil }
        let box = Unmanaged<LuaFunctionBox>.fromOpaque(pointer).takeUnretainedValue()
        return (box.name, box.documentation)
    }
}

extension LuaState {
    /// Registers `body` as the global function `name`.
    public func register(_ name: String, documentation: String? = nil, _ body: @escaping LuaFunctionBody) {
        setGlobal(name, LuaNativeFunction(name: name, documentation: documentation, body: body))
    }
}

/// A Swift closure to be pushed as a Lua function, e.g. into a module table:
/// `stack.setField(-1, "parse", LuaNativeFunction(name: "dates.parse") { ... })`.
public struct LuaNativeFunction: LuaPushable {
    public let name: String
    public let documentation: String?
    public let body: LuaFunctionBody

    public init(name: String, documentation: String? = nil, body: @escaping LuaFunctionBody) {
        self.name = name
        self.documentation = documentation
        self.body = body
    }

    /// A function of one argument and one result, with conversions checked.
    public init<A: LuaReadable, R: LuaPushable>(name: String, documentation: String? = nil, _ function: @escaping (A) throws -> R) {
        self.init(name: name, documentation: documentation) { call in
            call.push(try function(call.argument(1)))
            return 1
        }
    }

    /// A function of two arguments and one result, with conversions checked.
    public init<A: LuaReadable, B: LuaReadable, R: LuaPushable>(name: String, documentation: String? = nil, _ function: @escaping (A, B) throws -> R) {
        self.init(name: name, documentation: documentation) { call in
            call.push(try function(call.argument(1), call.argument(2)))
            return 1
        }
    }

    public func push(to stack: LuaStack) {
        stack.pushFunction(name: name, documentation: documentation, body)
    }
}
