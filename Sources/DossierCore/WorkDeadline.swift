import Dispatch

/// The instant by which long engine work (entity extraction, claim finding,
/// temporal tagging, event and timeline building) must give up: a script's
/// `--timeout`, a file's `--file-time-limit` at ingest.
///
/// Whoever runs the work binds the deadline (`run(by:)`); the engines read it
/// once per call and their long loops poll it every few hundred steps
/// (`DeadlineCheck`), stopping early with what they have. The engines' answers
/// then are partial: the caller asks `hasPassed` when the work returns and
/// throws its result away (a timeout for the script, an over-budget file
/// reported and skipped at ingest), so a partial answer is never shown nor
/// stored as a whole one.
public struct WorkDeadline: Sendable, Hashable, Comparable {
    /// `DispatchTime`'s clock: monotonic, unaffected by changes of the wall clock.
    public let uptimeNanoseconds: UInt64

    public init(uptimeNanoseconds: UInt64) {
        self.uptimeNanoseconds = uptimeNanoseconds
    }

    /// `seconds` from now (a negative or NaN time has passed already; one too
    /// far to represent never comes).
    public init(secondsFromNow seconds: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        let nanoseconds = seconds * 1e9
        if !(nanoseconds > 0) {
            uptimeNanoseconds = now
        } else if nanoseconds >= Double(UInt64.max - now) {
            uptimeNanoseconds = .max
        } else {
            uptimeNanoseconds = now + UInt64(nanoseconds)
        }
    }

    public var hasPassed: Bool { DispatchTime.now().uptimeNanoseconds >= uptimeNanoseconds }

    public static func < (left: WorkDeadline, right: WorkDeadline) -> Bool {
        left.uptimeNanoseconds < right.uptimeNanoseconds
    }

    /// The deadline bound for the work running in this task (or thread).
    @TaskLocal public static var current: WorkDeadline?

    /// Runs `work` by `deadline` (or by the one bound already, if earlier).
    public static func run<Result>(by deadline: WorkDeadline?, _ work: () throws -> Result) rethrows -> Result {
        guard let deadline else { return try work() }
        let earliest = current.map { min($0, deadline) } ?? deadline
        return try $current.withValue(earliest) { try work() }
    }
}

/// How a long loop polls the bound `WorkDeadline`: the clock is read once in
/// `interval` calls (a few nanoseconds per step otherwise), and once the
/// deadline has passed every later call says so, so that nested loops and
/// the stages after them all stop.
///
///     var deadline = DeadlineCheck()
///     for token in tokens {
///         if deadline.hasPassed() { break }
///         ...
///     }
public struct DeadlineCheck {
    private let deadline: UInt64
    private let interval: Int
    private var countdown: Int
    private var passed = false

    /// Reads `WorkDeadline.current`: without one bound, never passes.
    public init(every interval: Int = 256) {
        self.deadline = WorkDeadline.current?.uptimeNanoseconds ?? .max
        self.interval = max(1, interval)
        self.countdown = 1
    }

    /// Whether the deadline has passed, as of the last reading of the clock.
    @inline(__always)
    public mutating func hasPassed() -> Bool {
        if passed { return true }
        guard deadline != .max else { return false }
        countdown -= 1
        guard countdown <= 0 else { return false }
        countdown = interval
        passed = DispatchTime.now().uptimeNanoseconds >= deadline
        return passed
    }

    /// Whether the deadline has passed, reading the clock now: between stages.
    public mutating func hasPassedNow() -> Bool {
        countdown = 1
        return hasPassed()
    }
}
