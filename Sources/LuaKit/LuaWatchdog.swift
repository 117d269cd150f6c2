import CLua
import CLuaShim
import Dispatch
import Foundation

/// Enforces a time budget without a permanent hook: a count hook on every
/// instruction doubles the cost of tight loops in Lua 5.4, so nothing watches
/// the code until the deadline passes. Then the stop hook is armed from this
/// timer's thread, as `lua.c` arms it from its SIGINT handler.
final class LuaWatchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var isArmed = true
    private let L: OpaquePointer
    private let timer: DispatchSourceTimer

    init(state: LuaState, seconds: Double) {
        L = state.L
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + seconds)
        timer.setEventHandler { [self] in
            lock.lock()
            defer { lock.unlock() }
            if isArmed { luakit_request_stop(L, LUAKIT_STOP_TIMEOUT) }
        }
        timer.resume()
    }

    /// After this returns the timer will not touch the state again.
    func disarm() {
        lock.lock()
        isArmed = false
        lock.unlock()
        timer.cancel()
    }
}
