import ArticleStore
import LuaKit

/// A count option (`limit=`, `n=`): a whole number of at least `minimum`
/// (1 for limits, 0 for offsets). A negative or zero limit is an error in
/// every function alike, never "no results" in one and "everything" in another.
func countOption(_ call: LuaCall, _ number: Int, _ key: String, default defaultValue: Int, minimum: Int = 1) throws(LuaArgumentError) -> Int {
    guard let value: Int = try call.option(number, key) else { return defaultValue }
    guard value >= minimum else {
        throw call.badArgument(number, "field '\(key)': expected a whole number of at least \(minimum), got \(value)")
    }
    return value
}

/// A count given as a positional argument (`entity:mentions(50)`).
func countArgument(_ call: LuaCall, _ number: Int, default defaultValue: Int) throws(LuaArgumentError) -> Int {
    let value = try call.argument(number, default: defaultValue)
    guard value >= 1 else { throw call.badArgument(number, "expected a whole number of at least 1, got \(value)") }
    return value
}

/// An entity argument: an Entity (as entities:get returns) or a name or alias.
/// Nil when a name finds no entity.
func entityArgument(_ call: LuaCall, _ number: Int, store: any Store) throws -> StoredEntity? {
    if call.type(of: number) == .userdata, let handle = try? call.argument(number, as: EntityHandle.self) {
        return handle.entity
    }
    guard call.type(of: number) == .string else {
        throw LuaArgumentError(position: call.index(of: number), problem: .type(expected: "string or Entity"))
    }
    return try store.entity(named: try call.argument(number, as: String.self))
}

/// An entity's name from an argument that may be an Entity or a name.
func entityName(_ call: LuaCall, _ number: Int) throws(LuaArgumentError) -> String {
    if call.type(of: number) == .userdata, let handle = try? call.argument(number, as: EntityHandle.self) {
        return handle.entity.name
    }
    guard call.type(of: number) == .string else {
        throw LuaArgumentError(position: call.index(of: number), problem: .type(expected: "string or Entity"))
    }
    return try call.argument(number)
}

/// Whether argument `number` names an entity (a string or an Entity).
func isEntityArgument(_ call: LuaCall, _ number: Int) -> Bool {
    call.type(of: number) == .string || (call.type(of: number) == .userdata && (try? call.argument(number, as: EntityHandle.self)) != nil)
}
