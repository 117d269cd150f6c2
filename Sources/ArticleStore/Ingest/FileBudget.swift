import Foundation

/// What one file may cost at ingest: a file over either limit is reported
/// (as it happens, and in `--report`) and skipped; the other files go in.
///
/// Memory is judged on a single document's bytes once read (the read itself
/// is bounded by `Ingestor.maximumDocumentBytes`), before parsing: ingest's
/// peak memory grows with the document (the text, its tokens, features and
/// mentions), `bytesPerInputByte` times its size at most on the inputs measured
/// (docs/security.md, "Ingest budget"). Time is checked after each stage of
/// the file's work (reading and parsing, entity extraction, claim finding),
/// and extraction and claim finding run under the deadline of what is left
/// (`WorkDeadline`), which stops their loops: a file whose stages took
/// longer than the budget, or were stopped, is not stored. Reading and
/// parsing is not interrupted; it is linear in the size of the file
/// (docs/benchmarks.md, "Ingest scaling"), so it overruns the budget by at
/// most its own length.
public struct FileBudget: Sendable, Equatable {
    public var seconds: Double
    public var memoryBytes: Int

    public init(seconds: Double = FileBudget.standard.seconds, memoryBytes: Int = FileBudget.standard.memoryBytes) {
        self.seconds = seconds
        self.memoryBytes = memoryBytes
    }

    /// `dossier ingest`'s defaults: 300 s and 4 GiB per file, far above what
    /// a news article needs (milliseconds, a few MiB) and within what this
    /// machine class has.
    public static let standard = FileBudget(seconds: 300, memoryBytes: 4 << 30)

    /// Peak memory of ingesting a file, per byte of the file, rounded up
    /// from the largest ratio measured (`/usr/bin/time dossier ingest` on one
    /// capture of 1 MB and of 2.25 MB, entities and claims: 30 and 33).
    public static let bytesPerInputByte = 40

    /// Why a file of `bytes` does not fit, or nil when it does.
    func memoryProblem(fileBytes bytes: Int) -> String? {
        let (needed, overflow) = bytes.multipliedReportingOverflow(by: FileBudget.bytesPerInputByte)
        guard overflow || needed > memoryBytes else { return nil }
        return "over the per-file memory budget: a file of \(format(bytes)) needs about \(overflow ? "more than \(format(Int.max))" : format(needed))"
            + " to ingest, the budget is \(format(memoryBytes))"
    }

    /// Why a file whose work took `elapsed` seconds is refused, or nil.
    func timeProblem(elapsed: Double, stage: String) -> String? {
        guard elapsed > seconds else { return nil }
        return "over the per-file time budget: \(stage) took \(String(format: "%.1f", elapsed)) s, the budget is \(formatSeconds(seconds)) s"
    }

    /// Why a file whose `stage` was stopped at its deadline is refused.
    func stoppedProblem(stage: String) -> String {
        "over the per-file time budget: \(stage) was stopped when the budget of \(formatSeconds(seconds)) s ran out"
    }

    private func formatSeconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private func format(_ bytes: Int) -> String {
        if bytes >= 1 << 30 { return String(format: "%.1f GiB", Double(bytes) / Double(1 << 30)) }
        if bytes >= 1 << 20 { return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return String(format: "%.1f KiB", Double(bytes) / Double(1 << 10)) }
        return "\(bytes) bytes"
    }
}
