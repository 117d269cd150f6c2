import DossierCore
import Foundation

/// Scores publication dates against a hand-judged list of the dates pages
/// show (eval/html-dev-dates/shown-dates.tsv): a page's date is usable when
/// its calendar day, in the page's own zone, is one the page shows.
public struct PageDateEvaluation: Sendable {
    public struct Mismatch: Sendable {
        public var file: String
        public var shown: [String]
        /// The stored date, ISO 8601; nil when none was found.
        public var stored: String?
    }

    /// Pages judged to show a date.
    public var pagesShowingADate = 0
    /// Of those, pages stored with one of the days shown.
    public var usable = 0
    /// Of those, pages stored with another date, or without one.
    public var mismatches: [Mismatch] = []
    /// Pages judged to show no date but stored with one (from metadata or the URL).
    public var datedWithoutShownDate = 0

    public var usableShare: Double { pagesShowingADate == 0 ? 0 : Double(usable) / Double(pagesShowingADate) }

    /// Reads the judged list: `file<TAB>date[|date…]` or `file<TAB>-`, `#` comments.
    public static func loadShownDates(from path: String) throws -> [String: [String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var shown: [String: [String]] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let fields = trimmed.split(separator: "\t")
            guard fields.count == 2 else {
                throw IngestError(path: path, line: index + 1, reason: "expected 'file<TAB>date' or 'file<TAB>-'")
            }
            shown[String(fields[0])] = fields[1] == "-" ? [] : fields[1].split(separator: "|").map(String.init)
        }
        return shown
    }

    /// Compares each judged page's stored date with the days it shows;
    /// pages are matched by file name.
    public static func score(_ results: [HTMLExtractionEvaluation.PageResult], shown: [String: [String]]) -> PageDateEvaluation {
        var evaluation = PageDateEvaluation()
        for result in results {
            let name = URL(fileURLWithPath: result.file).lastPathComponent
            guard let days = shown[name] else { continue }
            let stored = result.published
            guard !days.isEmpty else {
                if stored != nil { evaluation.datedWithoutShownDate += 1 }
                continue
            }
            evaluation.pagesShowingADate += 1
            if let stored, stored.precision >= .day, days.contains(String(stored.iso8601.prefix(10))) {
                evaluation.usable += 1
            } else {
                evaluation.mismatches.append(Mismatch(file: name, shown: days, stored: stored?.iso8601))
            }
        }
        return evaluation
    }
}
