import CLua
import CLuaShim

/// Raised into a script when memory a Swift function would use or return on
/// its behalf would take the state past its memory cap (`--memory-limit`).
///
/// Lua's allocator sees only Lua's own memory, and it never fails while Swift
/// runs (a failure there would longjmp through the Swift frame). So the Swift
/// side keeps the cap itself: work is sized before it starts
/// (`LuaCall.ensureRoom`), a function's results are weighed when it returns
/// (`dispatchToSwift`), and Swift objects held as userdata count with the
/// memory they keep (`LuaUserdata.heldBytes`).
public struct LuaMemoryBudgetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What needs the memory, for the message ("the result of 'extract'").
    public var what: String
    public var bytes: Int
    public var limit: Int
    /// Counted against the cap when the check ran: Lua's memory and the Swift
    /// objects it holds.
    public var inUse: Int

    public init(what: String, bytes: Int, limit: Int, inUse: Int) {
        self.what = what
        self.bytes = bytes
        self.limit = limit
        self.inUse = inUse
    }

    public var description: String {
        "not enough memory: \(what) needs about \(Self.format(bytes)), over the memory limit of \(Self.format(limit))"
            + " (\(Self.format(inUse)) in use)"
    }

    /// Bytes as a person reads them: "812 bytes", "3.4 MiB".
    public static func format(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return value >= 100 ? "\(Int(value.rounded())) \(units[unit])" : "\(Double(Int(value * 10)) / 10) \(units[unit])"
    }
}

extension LuaStack {
    /// Bytes counted against the memory cap now: Lua's own and the Swift
    /// objects Lua holds.
    public var memoryInUse: Int {
        let control = luakit_control(L)!.pointee
        return control.used + control.hostHeld
    }

    /// The memory cap in bytes, or nil for none.
    public var memoryLimit: Int? {
        let limit = luakit_control(L)!.pointee.limit
        return limit == 0 ? nil : limit
    }
}

extension LuaCall {
    /// Throws when `bytes` more would take the state past its memory cap:
    /// call before work whose size is known from its input (a text to
    /// analyse, a result list to build), so that it is refused rather than
    /// done. `what` names it in the message ("extract on a text of 48 MiB").
    public func ensureRoom(forBytes bytes: Int, _ what: @autoclosure () -> String) throws(LuaMemoryBudgetError) {
        guard let limit = stack.memoryLimit else { return }
        let inUse = stack.memoryInUse
        let (total, overflow) = inUse.addingReportingOverflow(max(bytes, 0))
        guard overflow || total > limit else { return }
        throw LuaMemoryBudgetError(what: what(), bytes: bytes, limit: limit, inUse: inUse)
    }
}

/// The heap bytes of an object's own instance (not what its fields point to).
func instanceBytes(_ object: AnyObject) -> Int {
    luakit_allocation_size(Unmanaged.passUnretained(object).toOpaque())
}
