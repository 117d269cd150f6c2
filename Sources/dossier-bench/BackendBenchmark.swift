import ArticleStore
import DossierCore
import EntityExtractor
import Foundation
import PostgresStore

/// Options of `dossier-bench backends`.
struct BackendBenchOptions {
    var markdown = false
    var articles = 20_000
    var searchRounds = 3
    /// An empty PostgreSQL database to fill (postgres://...).
    var postgres = ""

    init(arguments: [String]) throws(UsageError) {
        var rest: [String] = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--postgres" {
                guard let url = remaining.popFirst(), PostgresLocation.isPostgresURL(url) else {
                    throw UsageError(message: "--postgres needs a postgres:// URL of an empty database")
                }
                postgres = url
            } else {
                rest.append(argument)
            }
        }
        guard !postgres.isEmpty else { throw UsageError(message: "backends: --postgres URL is required") }
        let parsed = try parseBenchArguments(rest, countOptions: ["--articles", "--search-rounds"])
        markdown = parsed.markdown
        articles = parsed.counts["--articles"] ?? articles
        searchRounds = parsed.counts["--search-rounds"] ?? searchRounds
    }
}

/// One backend's figures on the shared corpus.
struct BackendBenchResult {
    let name: String
    let ingestSeconds: Double
    let searches: [LatencySummary]
    /// Medians over the rounds, milliseconds.
    let topEntities: Double
    let cooccurrences: Double
    let entityTimeline: Double
    let entityTimelineHits: Int
}

/// The same generated corpus, with the same extracted mentions, through
/// `SQLiteStore` and `PostgresStore` in one run: store-side ingest with
/// entities (batches of 500, as the Ingestor writes), the store benchmark's 204
/// searches, the entity queries behind `entities:top{}`, `:cooccur()` and
/// `timeline{entity=}` (all articles mentioning one entity).
func runBackendBenchmark(_ options: BackendBenchOptions) throws -> (articles: Int, extractionSeconds: Double, results: [BackendBenchResult]) {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("dossier-bench-backends-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    backendProgress("generating \(options.articles) articles")
    var generator = CorpusGenerator(seed: 0x0D05_513E)
    let corpus = generator.articles(options.articles)
    backendProgress("extracting entities (once, shared by both backends)")
    let extractor = EntityExtractor(model: try NERModel.bundled(), gazetteer: try Gazetteer.bundled())
    var start = ContinuousClock.now
    let mentions = extractor.mentions(inEach: corpus.map(\.body))
    let extractionSeconds = elapsedSeconds(since: start)
    let queries = benchQueries(corpus: corpus, vocabulary: generator.vocabulary)

    var results: [BackendBenchResult] = []
    let backends: [(String, () throws -> any Store)] = [
        ("SQLite", { try SQLiteStore(path: directory.appendingPathComponent("store.sqlite").path) }),
        ("PostgreSQL", { try PostgresStore(url: options.postgres) }),
    ]
    for (name, open) in backends {
        let store = try open()
        guard try store.count(matching: nil) == 0 else { throw UsageError(message: "\(name): the store is not empty") }
        backendProgress("\(name): ingest with entities")
        start = ContinuousClock.now
        for batchStart in stride(from: 0, to: corpus.count, by: 500) {
            let range = batchStart..<min(batchStart + 500, corpus.count)
            _ = try store.add(Array(corpus[range]), mentions: Array(mentions[range]), extractorVersion: extractor.version)
        }
        let ingestSeconds = elapsedSeconds(since: start)

        backendProgress("\(name): \(queries.count) searches x \(options.searchRounds) rounds")
        let (latencies, hits) = try timedSearches(store, queries.map(\.query), rounds: options.searchRounds)
        var searches: [LatencySummary] = []
        for kind in BenchQuery.kinds {
            let positions = queries.indices.filter { queries[$0].kind == kind }
            searches.append(LatencySummary(label: kind, milliseconds: positions.map { latencies[$0] },
                                           meanHits: Double(positions.map { hits[$0] }.reduce(0, +)) / Double(positions.count)))
        }
        searches.append(LatencySummary(label: "all queries", milliseconds: latencies,
                                       meanHits: Double(hits.reduce(0, +)) / Double(hits.count)))

        backendProgress("\(name): entity queries")
        func median(_ body: () throws -> Void) rethrows -> Double {
            var times: [Double] = []
            for _ in 0..<max(3, options.searchRounds) {
                let queryStart = ContinuousClock.now
                try body()
                times.append(elapsedSeconds(since: queryStart) * 1000)
            }
            return times.sorted()[times.count / 2]
        }
        var top: StoredEntity?
        let topEntities = try median { top = try store.topEntities(EntityQuery(limit: 20)).first }
        guard let top else { throw UsageError(message: "\(name): no entities were stored") }
        let cooccurrences = try median { _ = try store.cooccurrences(of: top.id, window: .sentence, type: nil, limit: 20) }
        var timelineHits = 0
        let entityTimeline = try median {
            timelineHits = try store.search(SearchQuery(text: "", mentioningEntities: [top.id], limit: 100_000, order: .oldest)).count
        }
        results.append(BackendBenchResult(name: name, ingestSeconds: ingestSeconds, searches: searches, topEntities: topEntities,
                                          cooccurrences: cooccurrences, entityTimeline: entityTimeline, entityTimelineHits: timelineHits))
    }
    return (corpus.count, extractionSeconds, results)
}

func backendReport(_ run: (articles: Int, extractionSeconds: Double, results: [BackendBenchResult])) -> String {
    func format(_ value: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", value) }
    var lines = [
        "\(run.articles) generated articles; entity extraction (shared, all cores) \(format(run.extractionSeconds)) s",
        "",
        "| | " + run.results.map(\.name).joined(separator: " | ") + " |",
        "|---|" + run.results.map { _ in "---:|" }.joined(),
        "| store ingest with entities, articles/s | " + run.results.map { format(Double(run.articles) / $0.ingestSeconds, 0) }.joined(separator: " | ") + " |",
    ]
    for (index, search) in (run.results.first?.searches ?? []).enumerated() {
        lines.append("| search \(search.label), p50 / p99 ms (mean hits \(format(search.meanHits))) | "
                     + run.results.map { "\(format($0.searches[index].percentile(0.5))) / \(format($0.searches[index].percentile(0.99)))" }.joined(separator: " | ") + " |")
    }
    lines.append("| topEntities (limit 20), ms | " + run.results.map { format($0.topEntities) }.joined(separator: " | ") + " |")
    lines.append("| cooccurrences of the top entity (sentence, 20), ms | " + run.results.map { format($0.cooccurrences) }.joined(separator: " | ") + " |")
    lines.append("| articles mentioning the top entity (timeline{entity=} selection), ms | "
                 + run.results.map { "\(format($0.entityTimeline)) (\($0.entityTimelineHits))" }.joined(separator: " | ") + " |")
    return lines.joined(separator: "\n")
}

func elapsedSeconds(since start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start).nanoseconds / 1e9
}

func backendProgress(_ message: String) {
    FileHandle.standardError.write(Data("dossier-bench: \(message)\n".utf8))
}

/// Each query's median latency in milliseconds over `rounds` timed rounds,
/// after one untimed round that warms the caches and counts its hits.
func timedSearches(_ store: any Store, _ queries: [SearchQuery], rounds: Int) throws -> (medians: [Double], hits: [Int]) {
    var samples = Array(repeating: [Double](), count: queries.count)
    var hits = Array(repeating: 0, count: queries.count)
    for round in 0...rounds {
        for (index, query) in queries.enumerated() {
            let start = ContinuousClock.now
            let found = try store.search(query)
            if round > 0 { samples[index].append(elapsedSeconds(since: start) * 1000) } else { hits[index] = found.count }
        }
    }
    return (samples.map { $0.isEmpty ? 0 : $0.sorted()[$0.count / 2] }, hits)
}
