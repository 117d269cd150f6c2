import CLua
import CLuaShim

extension LuaCall {
    /// Rejects a key of the options table in argument `number` that is not
    /// one of `known`, so that a misspelt option is an error rather than
    /// silently ignored (`entities:top{limit=60}` returning 10):
    /// `bad argument #1 to 'top' (unknown option 'limit' (did you mean 'n'?); options: type, n, since, to)`.
    /// Nothing happens when the argument is absent or not a table (`option`
    /// reports that).
    public func rejectUnknownOptions(_ number: Int, known: [String]) throws(LuaArgumentError) {
        let position = index(of: number)
        guard lua_type(stack.L, position) == LUA_TTABLE else { return }
        let L = stack.L
        guard stack.reserve(3) else { return }
        var unknown: String?
        lua_pushnil(L)
        // lua_next does not raise for keys it returned itself, and the table
        // is not changed during the walk.
        while lua_next(L, position) != 0 {
            if lua_type(L, -2) == LUA_TSTRING {
                let key = stack.bytes(at: -2).map { String(decoding: $0, as: UTF8.self) } ?? ""
                if !known.contains(key) { unknown = "'\(key)'" }
            } else {
                // A positional entry: options are named.
                var isInteger: Int32 = 0
                let integer = lua_tointegerx(L, -2, &isInteger)
                unknown = isInteger != 0 ? "[\(integer)]" : "of type \(stack.typeName(at: -2))"
            }
            stack.pop()
            if unknown != nil {
                stack.pop()
                break
            }
        }
        guard let unknown else { return }
        var reason = "unknown option \(unknown)"
        if let suggestion = OptionSuggestion.nearest(to: unknown.trimmingCharacters(in: ["'"]), among: known) {
            reason += " (did you mean '\(suggestion)'?)"
        }
        reason += "; options: " + known.joined(separator: ", ")
        throw LuaArgumentError(position: position, problem: .value(reason))
    }
}

/// The option a misspelt or mistaken key most likely meant.
enum OptionSuggestion {
    /// Words analysts reach for that an API names otherwise.
    static let synonyms: [String: [String]] = [
        "limit": ["n", "max"], "n": ["limit"], "count": ["n", "limit"], "max": ["limit", "n"], "top": ["n", "limit"],
        "from": ["since"], "start": ["since"], "after": ["since"], "end": ["to", "until"], "before": ["to", "until"],
        "date": ["published", "anchor"], "text": ["body", "query"], "kind": ["type"], "file": ["path"], "filename": ["path"],
    ]

    static func nearest(to key: String, among known: [String]) -> String? {
        if let candidates = synonyms[key.lowercased()], let match = candidates.first(where: known.contains) { return match }
        if let match = known.first(where: { $0.lowercased() == key.lowercased() }) { return match }
        let scored = known.map { ($0, editDistance(key.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(1, min(2, best.count / 2)) else { return nil }
        return best
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
