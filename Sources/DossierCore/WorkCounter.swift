import Foundation

/// Counts the steps of the loops whose cost must stay linear in their input
/// (a join of wrapped lines, the scans of claim finding), so that a test can
/// run a path at two sizes and see its work double, not quadruple, whatever
/// the machine's speed or load. Nothing is counted unless a test binds a
/// counter for the work it runs (`WorkCounter.counting`); the engines then
/// read `current` once per call and add their steps when the call ends.
public final class WorkCounter: @unchecked Sendable {
    /// The counter bound for the work running in this task (or thread).
    @TaskLocal public static var current: WorkCounter?

    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    public init() {}

    /// Adds `count` steps of the loop named `name` ("claims: pronoun antecedents").
    public func add(_ count: Int, _ name: String) {
        lock.lock()
        counts[name, default: 0] += count
        lock.unlock()
    }

    /// The steps counted for the loop `name` so far.
    public func steps(_ name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return counts[name] ?? 0
    }

    /// Every loop's steps.
    public var all: [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    /// Runs `work` with a fresh counter bound, and returns what it counted.
    public static func counting<Result>(_ work: () throws -> Result) rethrows -> (result: Result, counter: WorkCounter) {
        let counter = WorkCounter()
        let result = try $current.withValue(counter) { try work() }
        return (result, counter)
    }
}
