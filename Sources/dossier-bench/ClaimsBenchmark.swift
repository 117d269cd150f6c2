import Claims
import DossierCore
import EntityExtractor
import Foundation

/// Options of `dossier-bench claims`.
struct ClaimsBenchOptions {
    var markdown = false
    /// Megabytes of text analysed in the timed run.
    var megabytes = 8
    /// A folder of .txt news files to read instead of the seed articles.
    var directory: String?

    init(arguments: [String]) throws(UsageError) {
        var rest: [String] = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--texts" {
                guard let value = remaining.popFirst() else { throw UsageError(message: "--texts needs a folder") }
                directory = value
            } else {
                rest.append(argument)
            }
        }
        let parsed = try parseBenchArguments(rest, countOptions: ["--megabytes"])
        markdown = parsed.markdown
        megabytes = parsed.counts["--megabytes"] ?? megabytes
    }
}

struct ClaimsBenchResults {
    let bytes: Int
    let texts: Int
    let distinctTexts: Int
    let claims: Int
    let source: String
    /// CPU seconds of one thread for each pass over every text.
    let tokenizeSeconds: Double
    let finderSeconds: Double
    let claimsSeconds: Double
}

/// Real news text (the seed articles, or every .txt under `--texts`, e.g.
/// PolNeAR's text/ folders) repeated to the asked size and analysed one text
/// at a time on one core: tokenizing alone (the floor), the attribution finder,
/// and the whole claim extractor (kinds, roles, entity links, hedges) given the
/// text's mentions as ingest gives them.
func runClaimsBenchmark(megabytes: Int, directory: String?) throws -> ClaimsBenchResults {
    let folder = directory ?? "seeds"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
    let distinct = try names.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    guard !distinct.isEmpty else { throw UsageError(message: "no .txt files in \(folder)") }
    let extractor = try ClaimExtractor.shared()
    let entities = try EntityExtractor.shared()
    // Mentions are found at ingest before claims; they are not part of the claims' cost.
    let mentions = distinct.map { entities.mentions(in: $0) }
    var texts: [(String, [Mention])] = []
    var bytes = 0
    while bytes < megabytes * 1_000_000 {
        let index = texts.count % distinct.count
        texts.append((distinct[index], mentions[index]))
        bytes += distinct[index].utf8.count
    }
    for (text, found) in texts.prefix(10) { _ = extractor.analyze(text, mentions: found) }
    var tokens = 0
    let tokenizeStart = benchThreadCPUSeconds()
    for (text, _) in texts { tokens += TokenizedText(text: text).tokens.count }
    let tokenizeSeconds = benchThreadCPUSeconds() - tokenizeStart
    precondition(tokens > 0)
    var found = 0
    let finderStart = benchThreadCPUSeconds()
    for (text, _) in texts { found += extractor.finder.attributions(in: TokenizedText(text: text)).count }
    let finderSeconds = benchThreadCPUSeconds() - finderStart
    var claims = 0
    let claimsStart = benchThreadCPUSeconds()
    for (text, mentions) in texts { claims += extractor.analyze(text, mentions: mentions).claims.count }
    let claimsSeconds = benchThreadCPUSeconds() - claimsStart
    // `analyze` drops claims a negative-evidence statement denies ("no public evidence that X has ..."), never adds one.
    precondition(claims <= found && claims > 0)
    return ClaimsBenchResults(bytes: bytes, texts: texts.count, distinctTexts: distinct.count, claims: claims,
                              source: folder, tokenizeSeconds: tokenizeSeconds, finderSeconds: finderSeconds,
                              claimsSeconds: claimsSeconds)
}

func claimsReport(_ results: ClaimsBenchResults, markdown: Bool) -> String {
    func format(_ value: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", value) }
    let megabytes = Double(results.bytes) / 1e6
    let header = ["pass", "MB", "CPU s", "MB/s"]
    let rows = [
        ["ClaimExtractor.analyze", format(megabytes), format(results.claimsSeconds, 2), format(megabytes / results.claimsSeconds)],
        ["AttributionFinder", format(megabytes), format(results.finderSeconds, 2), format(megabytes / results.finderSeconds)],
        ["tokenize (baseline)", format(megabytes), format(results.tokenizeSeconds, 2), format(megabytes / results.tokenizeSeconds)],
    ]
    var lines = ["claims: \(results.texts) texts (\(results.distinctTexts) distinct, from \(results.source)), one core"]
    lines += figureTable(header: header, rows: rows, labelWidth: 26, markdown: markdown)
    lines.append("CPU seconds of the one thread; the whole extractor gets each text's entity mentions as ingest has them.")
    lines.append("claims per MB: \(format(Double(results.claims) / megabytes, 0))")
    return lines.joined(separator: "\n")
}
