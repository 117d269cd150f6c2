import Foundation

/// How the figures were obtained, in one sentence for the reader of either table.
func methodNote(_ results: BenchmarkResults, iterations: Int, rounds: Int) -> String {
    "Nanoseconds per call made from a Lua loop of \(iterations) calls, minus the empty loop "
        + "(\(format(results.emptyLoopNanoseconds)) ns per iteration); median of \(rounds) rounds."
}

func plainTable(_ results: BenchmarkResults, iterations: Int, rounds: Int) -> String {
    let rows = tableRows(results)
    let labelWidth = rows.map(\.label.count).max() ?? 0
    var lines = [methodNote(results, iterations: iterations, rounds: rounds), ""]
    lines.append(pad("benchmark", labelWidth) + "   ns/call   ratio to C")
    for row in rows {
        lines.append(pad(row.label, labelWidth) + "  " + padLeft(row.nanoseconds, 8) + "  " + padLeft(row.ratio, 11))
    }
    lines.append("")
    lines.append(contentsOf: goalLines(results))
    return lines.joined(separator: "\n")
}

func markdownTable(_ results: BenchmarkResults, iterations: Int, rounds: Int) -> String {
    var lines = [methodNote(results, iterations: iterations, rounds: rounds), ""]
    lines.append("| Benchmark | ns/call | Ratio to C |")
    lines.append("|:--|--:|--:|")
    for row in tableRows(results) {
        lines.append("| \(row.label) | \(row.nanoseconds) | \(row.ratio) |")
    }
    lines.append("")
    lines.append(contentsOf: goalLines(results).map { "- " + $0 })
    return lines.joined(separator: "\n")
}

private struct Row {
    let label: String
    let nanoseconds: String
    let ratio: String
}

private func tableRows(_ results: BenchmarkResults) -> [Row] {
    results.comparisons.flatMap { result in
        [
            Row(label: "(\(result.comparison.c.id)) \(result.comparison.c.label)", nanoseconds: format(result.cNanoseconds), ratio: "1.00"),
            Row(label: "(\(result.comparison.swift.id)) \(result.comparison.swift.label)", nanoseconds: format(result.swiftNanoseconds), ratio: format(result.ratio, decimals: 2)),
        ]
    }
}

private func goalLines(_ results: BenchmarkResults) -> [String] {
    results.comparisons.compactMap { result in
        guard let goal = result.comparison.goal else { return nil }
        let verdict = result.ratio <= goal ? "met" : "not met"
        return "goal \(result.ratioName) <= \(format(goal, decimals: 1)): \(format(result.ratio, decimals: 2)), \(verdict)"
    }
}

private func format(_ value: Double, decimals: Int = 1) -> String {
    String(format: "%.\(decimals)f", value)
}

private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
}

private func padLeft(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}
