import LuaKit

/// A Lua loop that calls one native function per iteration.
struct CallBenchmark {
    /// The letter the issue uses for this measurement, e.g. "b".
    let id: String
    let label: String
    /// Binds the callee (and its argument) to locals before the loop, so that
    /// the loop times the call itself and not a global lookup.
    let setup: String
    /// The statement each iteration runs; `i` is the loop counter.
    let call: String

    var source: String {
        """
        local iterations = ...
        \(setup)
        for i = 1, iterations do \(call) end
        """
    }

    /// What every other loop's time is reduced by: the loop without a call.
    static let emptyLoop = CallBenchmark(id: "empty", label: "empty loop", setup: "", call: "")
}

/// A Swift binding beside the C binding that does the same work.
struct Comparison {
    let c: CallBenchmark
    let swift: CallBenchmark
    /// The highest acceptable Swift/C ratio set by the issue, if it sets one.
    let goal: Double?

    static let all: [Comparison] = [
        Comparison(
            c: CallBenchmark(id: "a", label: "C function, integer + 1", setup: "local f = c_increment", call: "f(i)"),
            swift: CallBenchmark(id: "b", label: "Swift function, integer + 1", setup: "local f = swift_increment", call: "f(i)"),
            goal: 2
        ),
        Comparison(
            c: CallBenchmark(id: "c0", label: "C userdata method, add integer", setup: "local counter = c_counter", call: "counter:add(i)"),
            swift: CallBenchmark(id: "c", label: "Swift userdata method, add integer", setup: "local counter = swift_counter", call: "counter:add(i)"),
            goal: 1.5
        ),
        Comparison(
            c: CallBenchmark(id: "d-C", label: "C function, length of \(BenchmarkText.short.utf8.count)-byte string", setup: "local f, text = c_length, short_text", call: "f(text)"),
            swift: CallBenchmark(id: "d", label: "Swift function, length of \(BenchmarkText.short.utf8.count)-byte string", setup: "local f, text = swift_length, short_text", call: "f(text)"),
            goal: nil
        ),
        Comparison(
            c: CallBenchmark(id: "d-C", label: "C function, length of \(BenchmarkText.long.utf8.count)-byte string", setup: "local f, text = c_length, long_text", call: "f(text)"),
            swift: CallBenchmark(id: "d", label: "Swift function, length of \(BenchmarkText.long.utf8.count)-byte string", setup: "local f, text = swift_length, long_text", call: "f(text)"),
            goal: nil
        ),
    ]
}

/// Nanoseconds per call of each comparison's C and Swift side.
struct ComparisonResult {
    let comparison: Comparison
    let cNanoseconds: Double
    let swiftNanoseconds: Double

    var ratio: Double { swiftNanoseconds / cNanoseconds }

    /// "(b)/(a)": the ratio named as the issue names it.
    var ratioName: String { "(\(comparison.swift.id))/(\(comparison.c.id))" }
}

struct BenchmarkResults {
    let emptyLoopNanoseconds: Double
    let comparisons: [ComparisonResult]
}

/// Times every loop `rounds` times, the loops interleaved within a round so that
/// a change of CPU frequency or load falls on all of them alike. Each round
/// subtracts its own empty-loop time; the result is the median over rounds.
func runBenchmarks(in state: LuaState, comparisons: [Comparison], iterations: Int, rounds: Int) throws(LuaError) -> BenchmarkResults {
    let benchmarks = comparisons.flatMap { [$0.c, $0.swift] }
    var loops: [LuaFunction] = []
    for benchmark in benchmarks {
        loops.append(try state.load(benchmark.source, chunkName: "=\(benchmark.id)"))
    }
    let emptyLoop = try state.load(CallBenchmark.emptyLoop.source, chunkName: "=\(CallBenchmark.emptyLoop.id)")

    func nanosecondsPerIteration(_ loop: LuaFunction) throws(LuaError) -> Double {
        let start = ContinuousClock.now
        _ = try state.call(loop, arguments: [iterations])
        return (ContinuousClock.now - start).nanoseconds / Double(iterations)
    }

    var emptyLoopSamples: [Double] = []
    var callSamples = Array(repeating: [Double](), count: loops.count)
    // Round 0 only warms up caches and branch predictors.
    for round in 0...rounds {
        let emptyLoopCost = try nanosecondsPerIteration(emptyLoop)
        for (position, loop) in loops.enumerated() {
            let cost = try nanosecondsPerIteration(loop) - emptyLoopCost
            if round > 0 { callSamples[position].append(cost) }
        }
        if round > 0 { emptyLoopSamples.append(emptyLoopCost) }
    }

    let medians = callSamples.map(median)
    return BenchmarkResults(
        emptyLoopNanoseconds: median(emptyLoopSamples),
        comparisons: comparisons.enumerated().map { position, comparison in
            ComparisonResult(comparison: comparison, cNanoseconds: medians[2 * position], swiftNanoseconds: medians[2 * position + 1])
        }
    )
}

private func median(_ samples: [Double]) -> Double {
    let sorted = samples.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

extension Duration {
    var nanoseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }
}
