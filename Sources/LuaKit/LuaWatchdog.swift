import CLua
import CLuaShim
import Foundation

/// Enforces a time budget without a permanent hook: a count hook on every
/// instruction doubles the cost of tight loops in Lua 5.4, so nothing watches
/// the code until the deadline passes. Then the stop hook is armed from this
/// watchdog's thread, as `lua.c` arms it from its SIGINT handler.
///
/// The watchdog has a thread of its own rather than a Dispatch timer: code
/// that runs Lua on every thread of a small pool (tests, servers) would
/// otherwise starve the timer that is meant to stop it.
final class LuaWatchdog: @unchecked Sendable {
    private let condition = NSCondition()
    private var deadline: Date?
    private var isShutDown = false
    private let L: OpaquePointer

    init(L: OpaquePointer) {
        self.L = L
        let thread = Thread { [self] in watch() }
        thread.name = "LuaKit watchdog"
        thread.start()
    }

    /// Stops the running code `seconds` from now unless disarmed first.
    func arm(seconds: Double) {
        condition.lock()
        deadline = Date(timeIntervalSinceNow: seconds)
        condition.signal()
        condition.unlock()
    }

    /// After this returns the watchdog will not touch the state again until
    /// it is armed anew.
    func disarm() {
        condition.lock()
        deadline = nil
        condition.signal()
        condition.unlock()
    }

    /// Ends the thread; called before the state is closed.
    func shutDown() {
        condition.lock()
        isShutDown = true
        deadline = nil
        condition.signal()
        condition.unlock()
    }

    private func watch() {
        condition.lock()
        defer { condition.unlock() }
        while !isShutDown {
            guard let deadline else {
                condition.wait()
                continue
            }
            if Date() >= deadline {
                luakit_request_stop(L, LUAKIT_STOP_TIMEOUT)
                self.deadline = nil
            } else {
                _ = condition.wait(until: deadline)
            }
        }
    }
}
