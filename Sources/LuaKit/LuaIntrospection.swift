import CLua
import CLuaShim

/// Looks at values the way a REPL needs to (completion, `:help`) without running
/// any script code: every access is raw, `__index` is followed only when it is a
/// table or a LuaKit userdata type, never called.
extension LuaState {
    /// Pushes the value at `path` (e.g. ["string", "format"]) from the globals,
    /// raw; returns false (pushing nothing) when a step is not there.
    func pushRaw(path: [String]) -> Bool {
        let base = stack.top
        lua_rawgeti(L, luakit_registry_index(), lua_Integer(LUA_RIDX_GLOBALS))
        for name in path {
            guard pushRawMember(of: -1, name) else {
                stack.top = base
                return false
            }
            luakit_remove(L, -2)
        }
        return true
    }

    /// Pushes `value[name]` found without side effects; false (nothing pushed)
    /// when it is not there or only a function `__index` could say.
    private func pushRawMember(of index: Int32, _ name: String) -> Bool {
        let stack = self.stack
        let base = stack.top
        var current = stack.absolute(index)
        for _ in 0..<8 {
            if stack.type(at: current) == .table {
                if stack.getField(current, name) != .nil {
                    lua_copy(L, -1, base + 1)
                    stack.top = base + 1
                    return true
                }
                stack.pop()
            }
            // Follow __index when it is a table (strings, LuaKit types without
            // fields) or LuaKit's methods-then-fields closure (its methods table).
            guard lua_getmetatable(L, current) != 0 else { break }
            let indexType = stack.getField(-1, "__index")
            if indexType == .table {
                current = stack.absolute(-1)
            } else if indexType == .function, lua_getupvalue(L, -1, 1) != nil, stack.type(at: -1) == .table {
                current = stack.absolute(-1)
            } else {
                break
            }
        }
        stack.top = base
        return false
    }

    /// The names that complete `prefix` after `path` (globals when `path` is
    /// empty): table keys that are identifiers, plus methods and fields of LuaKit
    /// userdata and keys of `__index` tables.
    public func completions(path: [String], prefix: String) -> [String] {
        guard pushRaw(path: path) else { return [] }
        defer { stack.pop() }
        var names = Set<String>()
        collectMembers(of: -1, into: &names, depth: 0)
        return names.filter { $0.hasPrefix(prefix) && isIdentifier($0) }.sorted()
    }

    private func collectMembers(of index: Int32, into names: inout Set<String>, depth: Int) {
        guard depth < 8 else { return }
        let stack = self.stack
        let value = stack.absolute(index)
        if stack.type(at: value) == .table {
            stack.forEachPair(value) {
                if stack.type(at: -2) == .string, let bytes = stack.bytes(at: -2) {
                    names.insert(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        if let type = userdataType(at: value) {
            names.formUnion(type.memberNames)
            return
        }
        guard lua_getmetatable(L, value) != 0 else { return }
        defer { stack.pop(2) }
        if stack.getField(-1, "__index") == .table {
            collectMembers(of: -1, into: &names, depth: depth + 1)
        }
    }

    /// The documentation of the function or member at `path`: the text
    /// registered with a Swift function, or a userdata type's member docs.
    public func documentation(path: [String]) -> (name: String, text: String?)? {
        guard !path.isEmpty else { return nil }
        if pushRaw(path: path) {
            defer { stack.pop() }
            if let documentation = stack.documentation(ofFunctionAt: -1) { return documentation }
        }
        // A method of a userdata: look it up on the type of the receiver.
        guard pushRaw(path: Array(path.dropLast())) else { return nil }
        defer { stack.pop() }
        if let type = userdataType(at: -1) {
            let member = path.last!
            guard type.memberNames.contains(member) else { return nil }
            return ("\(type.name):\(member)", type.documentation(of: member))
        }
        return nil
    }
}

private func isIdentifier(_ name: String) -> Bool {
    guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
    return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || ($0 >= 48 && $0 <= 57) }
}

private func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
}
