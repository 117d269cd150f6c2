import CLua
import CLuaShim
import Foundation

/// An owning Lua 5.4 state with the standard libraries, LuaKit's error handling
/// and optional limits. Closed exactly once: by `close()` or when released.
///
/// A state is single-threaded: use it from one thread at a time. Only `interrupt()`
/// may be called from elsewhere (a signal handler or a watchdog).
public final class LuaState {
    /// The raw state, for code that needs the C API directly.
    public let L: OpaquePointer
    let control: UnsafeMutablePointer<LuaKitControl>
    public private(set) var isClosed = false
    /// Whether the sandbox was installed when the state was made.
    public let isSandboxed: Bool
    /// The time budget for each top-level `execute`/`call`, or nil for none.
    public var timeLimit: Double?
    /// When the running top-level call's time budget ends, or nil (no budget,
    /// or nothing running): what Swift functions doing long work for the
    /// script stop by, since the stop hook cannot reach code in Swift.
    public private(set) var deadline: DispatchTime?
    private let hardStop: (@Sendable () -> Void)?
    /// Started on the first run with a time limit.
    private var watchdogIfStarted: LuaWatchdog?
    private var watchdog: LuaWatchdog {
        if let watchdogIfStarted { return watchdogIfStarted }
        let started = LuaWatchdog(L: L, hardStop: hardStop, grace: 1)
        watchdogIfStarted = started
        return started
    }
    /// Userdata types registered in this state, by their tag.
    var userdataTypes: [UnsafeRawPointer: AnyUserdataType] = [:]

    public struct Options: Sendable {
        /// Maximum bytes Lua may allocate, or nil for no cap.
        public var memoryLimit: Int?
        /// Seconds each top-level execution may take, or nil for no limit.
        public var timeLimit: Double?
        /// Untrusted-script mode: see `LuaSandbox`.
        public var sandboxed: Bool
        /// In the sandbox, the directories under which files may be written
        /// (each must exist); none by default.
        public var writableDirectories: [String]
        /// Called on the watchdog's thread when code over its time budget has
        /// not stopped a second after being told to (C pattern matching, a
        /// message handler, a `__gc` loop, a blocking read, a long engine
        /// call), and when closing the state takes longer than the budget.
        /// The CLI ends the process; nil (the default) waits forever.
        public var hardStop: (@Sendable () -> Void)?

        public init(memoryLimit: Int? = nil, timeLimit: Double? = nil, sandboxed: Bool = false, writableDirectories: [String] = [],
                    hardStop: (@Sendable () -> Void)? = nil) {
            self.memoryLimit = memoryLimit
            self.timeLimit = timeLimit
            self.sandboxed = sandboxed
            self.writableDirectories = writableDirectories
            self.hardStop = hardStop
        }
    }

    public init(_ options: Options = Options()) throws(LuaError) {
        LuaState.installCallbacks
        control = .allocate(capacity: 1)
        control.initialize(to: LuaKitControl())
        guard let L = luakit_newstate(control) else {
            control.deallocate()
            throw LuaError.memory(limit: nil)
        }
        self.L = L
        self.isSandboxed = options.sandboxed
        self.timeLimit = options.timeLimit
        self.hardStop = options.hardStop
        control.pointee.host = Unmanaged.passUnretained(self).toOpaque()
        luaL_openlibs(L)
        luakit_patch_coroutines(L)
        if options.sandboxed {
            try LuaSandbox.install(in: self, writableDirectories: options.writableDirectories)
        }
        // The cap applies from here on, so that opening libraries never fails.
        control.pointee.limit = options.memoryLimit ?? 0
    }

    private static let installCallbacks: Void = {
        luakit_set_callbacks(dispatchToSwift, releaseSwiftObject)
    }()

    deinit { close() }

    /// Closes the state: runs every pending `__gc` (releasing the Swift objects
    /// Lua held) and frees its memory. Later calls do nothing.
    public func close() {
        guard !isClosed else { return }
        // Closing runs every pending `__gc`, with hooks off: only the hard
        // stop can end one that loops.
        if let timeLimit, hardStop != nil { watchdog.armHardStopOnly(seconds: timeLimit) }
        lua_close(L)
        watchdogIfStarted?.shutDown()
        isClosed = true
        luakit_free_policy(control)
        control.deinitialize(count: 1)
        control.deallocate()
    }

    /// The stack of the main thread.
    public var stack: LuaStack { LuaStack(L) }

    // MARK: Sandbox

    /// Whether the sandbox lets code running here write the file at `path`:
    /// always outside the sandbox; inside, only when the path resolves (through
    /// symbolic links) under one of `Options.writableDirectories`. Bindings that
    /// write files on a script's behalf ask this first.
    public func mayWrite(_ path: String) -> Bool {
        luakit_may_write(L, path) != 0
    }

    // MARK: Memory

    /// The memory cap in bytes, or nil for none. Can be changed at any time.
    public var memoryLimit: Int? {
        get { control.pointee.limit == 0 ? nil : control.pointee.limit }
        set { control.pointee.limit = newValue ?? 0 }
    }

    /// Bytes counted against the memory cap: what Lua holds, and the Swift
    /// objects it holds as userdata (`LuaUserdata.heldBytes`).
    public var memoryUsed: Int { control.pointee.used + control.pointee.hostHeld }

    // MARK: Globals

    /// Sets the global `name` (raw).
    public func setGlobal<Value: LuaPushable>(_ name: String, _ value: Value) {
        lua_rawgeti(L, luakit_registry_index(), lua_Integer(LUA_RIDX_GLOBALS))
        stack.setField(-1, name, value)
        stack.pop()
    }

    /// Reads the global `name` (raw) as `Value`.
    public func global<Value: LuaReadable>(_ name: String, as type: Value.Type = Value.self) throws(LuaConversionError) -> Value {
        lua_rawgeti(L, luakit_registry_index(), lua_Integer(LUA_RIDX_GLOBALS))
        stack.getField(-1, name)
        defer { stack.pop(2) }
        return try Value.read(from: stack, at: -1)
    }

    /// The global table.
    public var globals: LuaTable {
        lua_rawgeti(L, luakit_registry_index(), lua_Integer(LUA_RIDX_GLOBALS))
        return LuaTable(takingTopOf: stack)
    }

    // MARK: Loading and running

    /// Compiles `source` as a text chunk named `chunkName` (`=name` or `@file`,
    /// as in `lua_load`). Binary chunks are always refused: they can crash Lua.
    public func load(_ source: String, chunkName: String) throws(LuaError) -> LuaFunction {
        try load(bytes: Array(source.utf8), chunkName: chunkName)
    }

    public func load(bytes: [UInt8], chunkName: String) throws(LuaError) -> LuaFunction {
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                luaL_loadbufferx(L, chars.baseAddress, chars.count, chunkName, "t")
            }
        }
        guard status == LUA_OK else { throw popLoadError(status) }
        return LuaFunction(takingTopOf: stack)
    }

    /// Compiles the file at `path` (`-` reads standard input), skipping a first
    /// line that starts with `#` as `lua` does.
    public func load(file path: String) throws(LuaError) -> LuaFunction {
        let data: Data
        let chunkName: String
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
            chunkName = "=stdin"
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw LuaError.file(path: path, reason: describeFileError(path))
            }
            chunkName = "@" + path
        }
        var bytes = [UInt8](data)
        if bytes.first == UInt8(ascii: "#") {
            // Keep the newline so that line numbers stay right.
            let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            bytes.removeSubrange(0..<end)
        }
        return try load(bytes: bytes, chunkName: chunkName)
    }

    /// Compiles and runs `source`, returning its results.
    @discardableResult
    public func execute(_ source: String, chunkName: String = "=(dossier)", arguments: [any LuaPushable] = []) throws(LuaError) -> [LuaValue] {
        let function = try load(source, chunkName: chunkName)
        return try call(function, arguments: arguments)
    }

    /// Calls `function` in protected mode with the traceback handler, under the
    /// time budget; Ctrl-C (when installed) and `interrupt()` stop it.
    public func call(_ function: LuaFunction, arguments: [any LuaPushable]) throws(LuaError) -> [LuaValue] {
        let stack = self.stack
        let base = stack.top
        defer { stack.top = base }
        guard stack.reserve(Int32(arguments.count) + 3) else {
            throw LuaError.runtime(message: "too many arguments", traceback: nil)
        }
        lua_pushcclosure(L, luakit_traceback_handler, 0)
        function.push(to: stack)
        for argument in arguments { argument.push(to: stack) }

        let isOutermost = !isRunning
        if isOutermost { luakit_clear_stop(L) }
        let timeLimit = isOutermost ? self.timeLimit : nil
        if let timeLimit {
            deadline = DispatchTime.now() + timeLimit
            watchdog.arm(seconds: timeLimit)
        }
        isRunning = true
        let status = luakit_pcall(L, Int32(arguments.count), LUA_MULTRET, base + 1)
        if timeLimit != nil { watchdog.disarm() }
        if isOutermost {
            isRunning = false
            deadline = nil
        }
        let stopReason = control.pointee.stopReason
        if isOutermost { luakit_clear_stop(L) }

        guard status == LUA_OK else {
            switch (stopReason, status) {
            case (LUAKIT_STOP_TIMEOUT, _): throw LuaError.timeout(seconds: timeLimit ?? 0)
            case (LUAKIT_STOP_INTERRUPT, _): throw LuaError.interrupted
            case (_, LUA_ERRMEM): throw LuaError.memory(limit: memoryLimit)
            default: throw runtimeError(at: -1)
            }
        }
        var results: [LuaValue] = []
        let count = stack.top - base - 1
        results.reserveCapacity(Int(count))
        for index in 0..<count {
            results.append((try? LuaValue.read(from: stack, at: base + 2 + index)) ?? .nil)
        }
        return results
    }

    /// True while a top-level call runs (nested calls from Swift callbacks
    /// share its budget and stop state).
    private(set) var isRunning = false

    /// Stops the running code at its next instruction with `LuaError.interrupted`.
    /// Safe from another thread.
    public func interrupt() {
        luakit_request_stop(L, LUAKIT_STOP_INTERRUPT)
    }

    /// Installs a SIGINT handler that interrupts code running in this state and
    /// counts presses for a prompt (see `takeInterruptCount`).
    public func interruptOnControlC() { luakit_install_sigint(L) }

    public func stopInterruptingOnControlC() { luakit_uninstall_sigint() }

    /// How many Ctrl-C presses arrived since the last call.
    public func takeInterruptCount() -> Int { Int(luakit_take_sigint_count()) }

    // MARK: Errors

    private func popLoadError(_ status: Int32) -> LuaError {
        defer { stack.pop() }
        if status == LUA_ERRMEM { return .memory(limit: memoryLimit) }
        let message = stack.bytes(at: -1).map { String(decoding: $0, as: UTF8.self) } ?? "syntax error"
        // lua.c's `incomplete`: a syntax error at the end of input means more
        // input could complete the chunk.
        return .syntax(message: message, incompleteInput: status == LUA_ERRSYNTAX && message.hasSuffix("<eof>"))
    }

    private func runtimeError(at index: Int32) -> LuaError {
        let text = stack.bytes(at: index).map { String(decoding: $0, as: UTF8.self) }
            ?? "(error object is a \(stack.typeName(at: index)) value)"
        if let range = text.range(of: "\nstack traceback:\n") {
            return .runtime(message: String(text[..<range.lowerBound]), traceback: String(text[range.lowerBound...].dropFirst()))
        }
        return .runtime(message: text, traceback: nil)
    }
}

private func describeFileError(_ path: String) -> String {
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "No such file or directory" }
    if isDirectory.boolValue { return "Is a directory" }
    return "Permission denied"
}

extension LuaCall {
    /// When the script's time budget ends (`LuaState.deadline`), or nil for
    /// none: a Swift function doing long work polls it and gives up after.
    public var deadline: DispatchTime? { stack.state.deadline }

    /// Stops the script as its time budget does (an error `pcall` cannot
    /// keep), for a Swift function that saw the deadline pass before the
    /// watchdog did.
    public func stopAtDeadline() {
        luakit_request_stop(stack.L, LUAKIT_STOP_TIMEOUT)
    }
}
