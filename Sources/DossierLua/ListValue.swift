import CLua
import CLuaShim
import LuaKit

/// A list returned to a script (search results, entities, mentions, events):
/// a plain Lua sequence with a metatable whose `__tostring` prints one
/// element per line, so `print(entities:top{})` shows the entities rather
/// than `table: 0x...`. Elements print with their own `__tostring` (Articles,
/// Entities, Mentions) or through `inspect` (plain tables such as events).
struct ListValue<Element: LuaPushable>: LuaPushable {
    let elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }

    func push(to stack: LuaStack) {
        elements.push(to: stack)
        // A plain table in the registry: no metamethod runs, and allocation
        // cannot fail while Swift runs (see CLuaShim's allocator).
        if lua_getfield(stack.L, luakit_registry_index(), ListValue.metatableKey) == LUA_TTABLE {
            lua_setmetatable(stack.L, -2)
        } else {
            stack.pop()
        }
    }

    static var metatableKey: String { "dossier.List" }
}

/// Gives the table on top of the stack the list metatable (for lists built
/// field by field, such as co-occurrences).
func markAsList(_ stack: LuaStack) {
    if lua_getfield(stack.L, luakit_registry_index(), ListValue<Int>.metatableKey) == LUA_TTABLE {
        lua_setmetatable(stack.L, -2)
    } else {
        stack.pop()
    }
}

enum ListMetatable {
    /// Makes the metatable and keeps it in the registry. `inspect` renders
    /// table elements; captured here so a script replacing the global does
    /// not change how lists print.
    static func install(in state: LuaState, inspect: LuaValue) throws(LuaError) {
        // Runs before any script: the globals captured here are the originals.
        let made = try state.execute(#"""
            local inspect = ...
            local tostring, rawlen, rawget, type, concat = tostring, rawlen, rawget, type, table.concat
            return {
              __tostring = function(list)
                local n = rawlen(list)
                if n == 0 then return "{}" end
                local lines = {}
                for i = 1, n do
                  local item = rawget(list, i)
                  if type(item) == "table" then
                    lines[i] = inspect(item, {width = 160})
                  else
                    lines[i] = tostring(item)
                  end
                end
                return concat(lines, "\n")
              end,
            }
            """#, chunkName: "=(list)", arguments: [inspect])
        guard let metatable = made.first else { return }
        metatable.push(to: state.stack)
        lua_setfield(state.L, luakit_registry_index(), ListValue<Int>.metatableKey)
    }
}
