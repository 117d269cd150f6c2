import ArticleStore
import DossierCore
import EntityExtractor
import Foundation
import Timeline

/// One parser or engine entry point fed with arbitrary bytes. A fuzz target
/// only has to survive: errors are values and count as success; a trap, an
/// address-sanitizer report, a hang or an out-of-memory is the finding.
/// Where an engine promises more than survival (the search-query translation
/// promises FTS5 accepts every plain query), the target checks that promise
/// and traps when it is broken, so the fuzzer reports it.
enum FuzzTarget: String, CaseIterable, Sendable {
    case html, feed, json, capture, temporal, extract, query

    /// Inputs beyond this are skipped: the fuzzer looks for crashes, not for
    /// the slowness of big inputs (docs/benchmarks.md measures that).
    static let maximumInputBytes = 64 * 1024

    func run(_ bytes: [UInt8]) {
        guard bytes.count <= Self.maximumInputBytes else { return }
        switch self {
        case .html:
            _ = try? HTMLArticleExtractor.extract(bytes, path: "fuzz.html")
        case .feed:
            _ = try? FeedParser.parse(bytes, path: "fuzz.xml")
        case .json:
            _ = try? JSONArticleParser.parse(bytes, path: "fuzz.json")
        case .capture:
            // The path `dossier ingest` takes for a .txt file: decode, then parse.
            guard let text = try? decodeArticleText(bytes, path: "fuzz.txt") else { return }
            _ = PlainTextCaptureParser.looksLikeCapture(text)
            _ = PlainTextCaptureParser.parse(text, sourcePath: "fuzz.txt")
        case .temporal:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = TemporalTagger().find(in: text, anchor: Self.anchor)
            _ = TemporalTagger().find(in: text, anchor: nil)
        case .extract:
            guard let extractor = try? EntityExtractor.shared() else { fatalError("the bundled extractor does not load") }
            _ = extractor.extract(String(decoding: bytes, as: UTF8.self))
        case .query:
            QuerySearch.check(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Does the target's one-time setup (the extractor's model, the search
    /// store) before the fuzzer starts, so the setup is not charged to the
    /// first input: under AddressSanitizer on a loaded machine, loading the
    /// model takes longer than the per-input timeout and libFuzzer would
    /// report that first input as a hang.
    func prepare() {
        switch self {
        case .extract:
            guard (try? EntityExtractor.shared()) != nil else { fatalError("the bundled extractor does not load") }
        case .query:
            QuerySearch.check("")
        case .html, .feed, .json, .capture, .temporal:
            run([])
        }
    }

    /// A publication date for relative expressions ("yesterday", "next May").
    static let anchor = PublicationDate(year: 2024, month: 3, day: 15, hour: 9, minute: 30, utcOffsetSeconds: 3600)
}
