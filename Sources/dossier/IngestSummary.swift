import ArticleStore

/// What `dossier ingest` prints when it is done: the counts, then the first
/// few outcomes of each kind that needs a look (the report keeps the first
/// 10), and where the rest are. Its length does not grow with the dump.
struct IngestSummary {
    let report: IngestReport
    let storeName: String
    /// The `--report` file, which has every outcome.
    let reportPath: String?

    var text: String {
        var summary = "added \(report.added.count), duplicates \(report.duplicates.count), near-duplicates \(report.nearDuplicates.count), failed \(report.failed.count)"
        if !report.unchanged.isEmpty { summary += ", unchanged \(report.unchanged.count) (not read again; --reread reads them)" }
        var lines = [summary + " (store: \(storeName))"]
        section(report.nearDuplicates, into: &lines) { near in
            "  near-duplicate: \(near.path) (#\(near.id)) resembles " + near.similarTo.map { "#\($0)" }.joined(separator: ", ")
        }
        section(report.duplicates, into: &lines) { "  duplicate: \($0.path) (stored as #\($0.existingID))" }
        section(report.warnings, into: &lines) { warning in
            warning.notes.map { "  warning: \(warning.path) (#\(warning.id)): \($0)" }.joined(separator: "\n")
        }
        section(report.unchanged, into: &lines) { "  unchanged: \($0)" }
        section(report.failed, into: &lines) { "  failed: \($0)" }
        return lines.map { $0 + "\n" }.joined()
    }

    private func section<Element>(_ sample: CountedSample<Element>, into lines: inout [String], _ line: (Element) -> String) {
        lines += sample.examples.map(line)
        guard sample.omitted > 0 else { return }
        let rest = reportPath.map { "all of them are in \($0)" } ?? "--report FILE.jsonl lists them all"
        lines.append("  ... and \(sample.omitted) more (\(rest))")
    }
}
