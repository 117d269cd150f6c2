import DossierCore
import Foundation

/// Scores main-text extraction the way trafilatura's evaluation does: for each
/// page, snippets the extracted text must contain and snippets (navigation,
/// comments, promos) it must not. A page passes when every wanted snippet is
/// found and no unwanted one leaked.
///
/// Beside page passes it reports trafilatura's benchmark figures, counted per
/// snippet: a wanted snippet found is a true positive, one missing a false
/// negative, an unwanted one that leaked a false positive.
public struct HTMLExtractionEvaluation: Sendable {
    public struct Page: Sendable {
        public var file: String
        public var wanted: [String]
        public var unwanted: [String]
    }

    public struct PageResult: Sendable {
        public var file: String
        public var wantedFound: Int
        public var wantedTotal: Int
        public var unwantedLeaked: Int
        public var unwantedTotal: Int
        public var error: String?
        /// The wanted snippets not found and the unwanted ones that leaked, for `--verbose`.
        public var missing: [String] = []
        public var leaked: [String] = []
        /// The publication date stored for the page, for `PageDateEvaluation`.
        public var published: PublicationDate?
        public var passed: Bool { error == nil && wantedFound == wantedTotal && unwantedLeaked == 0 }
    }

    public var results: [PageResult] = []
    public var pagesPassed: Int { results.filter(\.passed).count }
    public var wantedFound: Int { results.reduce(0) { $0 + $1.wantedFound } }
    public var wantedTotal: Int { results.reduce(0) { $0 + $1.wantedTotal } }
    public var unwantedLeaked: Int { results.reduce(0) { $0 + $1.unwantedLeaked } }
    public var unwantedTotal: Int { results.reduce(0) { $0 + $1.unwantedTotal } }

    /// Snippet-level precision: TP / (TP + FP).
    public var precision: Double {
        wantedFound + unwantedLeaked == 0 ? 0 : Double(wantedFound) / Double(wantedFound + unwantedLeaked)
    }
    /// Snippet-level recall: TP / (TP + FN).
    public var recall: Double { wantedTotal == 0 ? 0 : Double(wantedFound) / Double(wantedTotal) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    /// trafilatura's accuracy: (TP + TN) / all snippets.
    public var accuracy: Double {
        let total = wantedTotal + unwantedTotal
        return total == 0 ? 0 : Double(wantedFound + unwantedTotal - unwantedLeaked) / Double(total)
    }

    /// Reads `expected.json` of the evaluation folder: a list of
    /// `{"file": "pages/x.html", "with": [...], "without": [...]}`.
    public static func loadPages(from directory: String) throws -> [Page] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent("expected.json"))
        guard let entries = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw IngestError(path: directory + "/expected.json", reason: "expected a JSON list of pages")
        }
        return entries.compactMap { entry in
            guard let file = entry["file"] as? String else { return nil }
            return Page(file: file, wanted: entry["with"] as? [String] ?? [], unwanted: entry["without"] as? [String] ?? [])
        }
    }

    /// The two halves of an evaluation set, for developing rules on one and
    /// checking them on the other: a page belongs to half 1 or 2 by the
    /// FNV-1a hash of its file name (even or odd), which stays put when
    /// pages are added and needs no list kept beside the data.
    public enum Half: Int, Sendable, CaseIterable {
        case first = 1
        case second = 2

        public func contains(_ page: Page) -> Bool {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in page.file.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return (hash % 2 == 0) == (self == .first)
        }
    }

    /// Extracts every page (title and body, as stored) and scores it.
    public static func run(directory: String, pages: [Page]) -> HTMLExtractionEvaluation {
        var evaluation = HTMLExtractionEvaluation()
        for page in pages {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(page.file).path
            var result = PageResult(file: page.file, wantedFound: 0, wantedTotal: page.wanted.count,
                                    unwantedLeaked: 0, unwantedTotal: page.unwanted.count)
            do {
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                let draft = try HTMLArticleExtractor.extract(bytes, path: path)
                result.published = draft.published
                let text = normalize([draft.title, draft.subtitle, draft.body].compactMap { $0 }.joined(separator: "\n"))
                result.missing = page.wanted.filter { !text.contains(normalize($0)) }
                result.leaked = page.unwanted.filter { text.contains(normalize($0)) }
                result.wantedFound = page.wanted.count - result.missing.count
                result.unwantedLeaked = result.leaked.count
            } catch {
                result.error = String(describing: error)
            }
            evaluation.results.append(result)
        }
        return evaluation
    }

    /// White space runs as one space, so line wrapping does not decide a match.
    private static func normalize(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
