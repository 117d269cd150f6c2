/// An error that came out of Lua, or that a Swift function raises into Lua.
///
/// The cases follow what a user needs to act on: a syntax error (and whether it
/// only ran out of input, which a REPL answers by reading another line), a runtime
/// error with its Lua traceback, running out of the memory cap, or being stopped.
public enum LuaError: Error, Equatable, Sendable {
    /// The chunk does not parse. `incompleteInput` is true when the parser hit
    /// the end of the text (`<eof>`), i.e. more input could complete it.
    case syntax(message: String, incompleteInput: Bool)
    /// A runtime error: the message (usually `chunk:line: text`) and the
    /// traceback produced where it was raised, if any.
    case runtime(message: String, traceback: String?)
    /// An allocation would have exceeded the memory cap (or the system is out).
    case memory(limit: Int?)
    /// The time budget ran out before the code finished.
    case timeout(seconds: Double)
    /// The code was interrupted (Ctrl-C).
    case interrupted
    /// A file could not be read.
    case file(path: String, reason: String)

    /// The one-line message, as `lua.c` would print it.
    public var message: String {
        switch self {
        case .syntax(let message, _): return message
        case .runtime(let message, _): return message
        case .memory(let limit):
            if let limit { return "not enough memory (limit \(limit) bytes)" }
            return "not enough memory"
        case .timeout(let seconds): return "timeout: time budget of \(formatSeconds(seconds)) s exceeded"
        case .interrupted: return "interrupted!"
        case .file(let path, let reason): return "cannot open \(path): \(reason)"
        }
    }

    /// The message followed by the traceback, as `lua.c` reports an error.
    public var messageWithTraceback: String {
        guard let traceback else { return message }
        return message + "\n" + traceback
    }

    /// The Lua traceback, for runtime errors that have one.
    public var traceback: String? {
        if case .runtime(_, let traceback) = self { return traceback }
        return nil
    }
}

extension LuaError: CustomStringConvertible {
    public var description: String { message }
}

private func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}

/// Thrown by a Swift function called from Lua when an argument is wrong. The
/// trampoline turns it into Lua's own message, e.g.
/// `bad argument #2 to 'search' (table expected, got string)`, with the function
/// name and method-call numbering worked out by Lua itself.
public struct LuaArgumentError: Error, Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        /// A value of another type was given; `expected` is a type name ("table").
        case type(expected: String)
        /// The value has the right type but is unacceptable; the text says why.
        case value(String)
    }
    /// The stack position of the argument (self is 1 in a method call).
    public var position: Int32
    public var problem: Problem

    public init(position: Int32, problem: Problem) {
        self.position = position
        self.problem = problem
    }
}

/// A conversion from a Lua value failed; the reader knows which argument it was.
public struct LuaConversionError: Error, Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        case type(expected: String)
        case value(String)
    }
    public var problem: Problem
    public init(expected: String) { problem = .type(expected: expected) }
    public init(invalid reason: String) { problem = .value(reason) }
}
