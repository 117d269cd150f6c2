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
///
/// Some code never meets the hook: C pattern matching, an `xpcall` message
/// handler and `__gc` finalizers (Lua turns hooks off there), a blocking read,
/// a long engine call in Swift. With `hardStop`, when the stop has not taken
/// effect `grace` seconds after the deadline, the watchdog calls it (the CLI
/// ends the process: a process-wide backstop, since such code cannot be
/// interrupted from outside without one).
final class LuaWatchdog: @unchecked Sendable {
    private let condition = NSCondition()
    private var deadline: Date?
    /// When the hook was armed and the code has not returned: the hard-stop time.
    private var hardDeadline: Date?
    /// Arming only the hard stop (while the state closes, when the hook must
    /// not touch it).
    private var onlyHardStop = false
    private var isShutDown = false
    private let L: OpaquePointer
    private let hardStop: (@Sendable () -> Void)?
    private let grace: Double

    init(L: OpaquePointer, hardStop: (@Sendable () -> Void)? = nil, grace: Double = 1) {
        self.L = L
        self.hardStop = hardStop
        self.grace = grace
        let thread = Thread { [self] in watch() }
        thread.name = "LuaKit watchdog"
        thread.start()
    }

    /// Stops the running code `seconds` from now unless disarmed first.
    func arm(seconds: Double) {
        condition.lock()
        deadline = Date(timeIntervalSinceNow: seconds)
        hardDeadline = nil
        onlyHardStop = false
        condition.signal()
        condition.unlock()
    }

    /// Arms the hard stop alone, `seconds` from now: for closing the state,
    /// where `__gc` finalizers run with hooks off and `L` is being freed.
    func armHardStopOnly(seconds: Double) {
        guard hardStop != nil else { return }
        condition.lock()
        deadline = Date(timeIntervalSinceNow: seconds)
        hardDeadline = nil
        onlyHardStop = true
        condition.signal()
        condition.unlock()
    }

    /// After this returns the watchdog will not touch the state again until
    /// it is armed anew.
    func disarm() {
        condition.lock()
        deadline = nil
        hardDeadline = nil
        condition.signal()
        condition.unlock()
    }

    /// Ends the thread; called before the state is closed.
    func shutDown() {
        condition.lock()
        isShutDown = true
        deadline = nil
        hardDeadline = nil
        condition.signal()
        condition.unlock()
    }

    private func watch() {
        condition.lock()
        defer { condition.unlock() }
        while !isShutDown {
            if let hardDeadline {
                if Date() >= hardDeadline {
                    self.hardDeadline = nil
                    hardStop?()
                } else {
                    _ = condition.wait(until: hardDeadline)
                }
                continue
            }
            guard let deadline else {
                condition.wait()
                continue
            }
            if Date() >= deadline {
                if !onlyHardStop { luakit_request_stop(L, LUAKIT_STOP_TIMEOUT) }
                self.deadline = nil
                if hardStop != nil { hardDeadline = Date(timeIntervalSinceNow: onlyHardStop ? 0 : grace) }
            } else {
                _ = condition.wait(until: deadline)
            }
        }
    }
}
