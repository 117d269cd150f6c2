import ArticleStore
import DossierCore
import Foundation
import GRDB

/// Options of `dossier-bench store`.
struct StoreBenchOptions {
    var markdown = false
    var articles = 100_000
    /// Timed rounds over the query set; each query's latency is its median.
    var searchRounds = 3

    init(arguments: [String]) throws(UsageError) {
        let parsed = try parseBenchArguments(arguments, countOptions: ["--articles", "--search-rounds"])
        markdown = parsed.markdown
        articles = parsed.counts["--articles"] ?? articles
        searchRounds = parsed.counts["--search-rounds"] ?? searchRounds
    }
}

/// One timed pass of writing the corpus somewhere.
struct IngestTiming {
    let label: String
    let seconds: Double
    let articles: Int
    let bodyBytes: Int
    let fileBytes: Int

    var articlesPerSecond: Double { Double(articles) / seconds }
    var megabytesPerSecond: Double { Double(bodyBytes) / 1e6 / seconds }
}

struct LatencySummary {
    let label: String
    let milliseconds: [Double]
    let meanHits: Double

    func percentile(_ fraction: Double) -> Double {
        let sorted = milliseconds.sorted()
        let rank = max(1, Int((fraction * Double(sorted.count)).rounded(.up)))
        return sorted[min(rank, sorted.count) - 1]
    }
}

struct StoreBenchResults {
    let articles: Int
    let bodyBytes: Int
    let meanWords: Double
    let generationSeconds: Double
    let bare: IngestTiming
    let store: IngestTiming
    let added: Int
    let linked: Int
    /// Per-article work of `SQLiteStore.add` timed alone over the corpus.
    let contentHashSeconds: Double
    let wordCountSeconds: Double
    let minHashSeconds: Double
    let searches: [LatencySummary]
    let searchRounds: Int
}

/// A query of the fixed search set, with the kind it stands for.
struct BenchQuery {
    let kind: String
    let query: SearchQuery
}

private func seconds(since start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start).nanoseconds / 1e9
}

private func progress(_ message: String) {
    FileHandle.standardError.write(Data("dossier-bench: \(message)\n".utf8))
}

private func fileSize(_ path: String) -> Int {
    ["", "-wal", "-shm"].reduce(0) { total, suffix in
        total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? NSNumber)?.intValue ?? 0)
    }
}

func runStoreBenchmark(articles count: Int, searchRounds: Int) throws -> StoreBenchResults {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("dossier-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    // 1. The corpus, in memory before anything is timed.
    progress("generating \(count) articles")
    var start = ContinuousClock.now
    var generator = CorpusGenerator(seed: 0x0D05_513E)
    let corpus = generator.articles(count)
    let generationSeconds = seconds(since: start)
    let bodyBytes = corpus.reduce(0) { $0 + $1.body.utf8.count }

    // The per-article work the store does besides SQL, each step alone. The
    // hashes and word counts are kept: the bare loop inserts them as they are.
    progress("timing content hash, word count and MinHash alone")
    start = ContinuousClock.now
    let hashes = corpus.map { articleContentHash(title: $0.title, body: $0.body) }
    let contentHashSeconds = seconds(since: start)
    start = ContinuousClock.now
    let wordCounts = corpus.map(\.wordCount)
    let wordCountSeconds = seconds(since: start)
    start = ContinuousClock.now
    var checksum: UInt32 = 0
    for draft in corpus { checksum ^= MinHashSignature(text: draft.body).values[0] }
    let minHashSeconds = seconds(since: start)
    if checksum == 0x1234_5678 { progress("(checksum \(checksum))") }  // keeps the loop from being optimised away
    let meanWords = Double(wordCounts.reduce(0, +)) / Double(max(1, count))

    // 2. The bare GRDB/FTS5 loop: same table, same FTS5 triggers, one cached
    // statement, 500 rows per transaction; no hashing, no near-duplicate index.
    progress("bare GRDB/FTS5 insert loop")
    let barePath = directory.appendingPathComponent("bare.sqlite").path
    let bareSeconds: Double
    do {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: barePath, configuration: configuration)
        try pool.write { db in try StoreSchema.createArticleTables(db) }
        let now = Date().timeIntervalSince1970
        start = ContinuousClock.now
        for batchStart in stride(from: 0, to: count, by: 500) {
            let batch = batchStart..<min(batchStart + 500, count)
            try pool.write { db in
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO article (title, subtitle, byline, outlet, url, published_at, published_offset,
                      published_precision, dateline, language, breadcrumbs, body, word_count, content_hash,
                      source_path, ingested_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for index in batch {
                    let draft = corpus[index]
                    let breadcrumbs = draft.breadcrumbs.isEmpty ? nil : draft.breadcrumbs.joined(separator: " > ")
                    try insert.execute(arguments: [
                        draft.title, draft.subtitle, draft.byline, draft.outlet, draft.url,
                        draft.published?.instant.timeIntervalSince1970, draft.published?.utcOffsetSeconds,
                        draft.published?.precision.rawValue, draft.dateline, draft.language, breadcrumbs,
                        draft.body, wordCounts[index], hashes[index], draft.sourcePath, now,
                    ])
                }
            }
        }
        bareSeconds = seconds(since: start)
        try pool.close()
    }
    let bare = IngestTiming(label: "bare GRDB/FTS5 insert loop", seconds: bareSeconds, articles: count,
                            bodyBytes: bodyBytes, fileBytes: fileSize(barePath))
    try? FileManager.default.removeItem(atPath: barePath)

    // 3. The store, through the path the Ingestor takes after parsing.
    progress("SQLiteStore.add in batches of 500")
    let storePath = directory.appendingPathComponent("store.sqlite").path
    let store = try SQLiteStore(path: storePath)
    var added = 0
    var linked = 0
    start = ContinuousClock.now
    for batchStart in stride(from: 0, to: count, by: 500) {
        for outcome in try store.add(Array(corpus[batchStart..<min(batchStart + 500, count)])) {
            if case .added(_, let nearDuplicates) = outcome {
                added += 1
                if !nearDuplicates.isEmpty { linked += 1 }
            }
        }
    }
    let storeTiming = IngestTiming(label: "SQLiteStore.add, batches of 500", seconds: seconds(since: start),
                                   articles: count, bodyBytes: bodyBytes, fileBytes: fileSize(storePath))

    // 4. Search latency on the full store.
    let queries = benchQueries(corpus: corpus, vocabulary: generator.vocabulary)
    progress("\(queries.count) searches, 1 warm-up round and \(searchRounds) timed")
    var samples = Array(repeating: [Double](), count: queries.count)
    var hits = Array(repeating: 0, count: queries.count)
    for round in 0...searchRounds {
        for (index, query) in queries.enumerated() {
            let queryStart = ContinuousClock.now
            let found = try store.search(query.query)
            let elapsed = (ContinuousClock.now - queryStart).nanoseconds / 1e6
            if round > 0 { samples[index].append(elapsed) } else { hits[index] = found.count }
        }
    }
    let latencies = samples.map { $0.sorted()[$0.count / 2] }
    var searches: [LatencySummary] = []
    for kind in BenchQuery.kinds {
        let positions = queries.indices.filter { queries[$0].kind == kind }
        searches.append(LatencySummary(label: kind, milliseconds: positions.map { latencies[$0] },
                                       meanHits: Double(positions.map { hits[$0] }.reduce(0, +)) / Double(positions.count)))
    }
    for filter in ["no filter", "since filter", "outlet filter"] {
        let positions = queries.indices.filter { BenchQuery.filterName(of: queries[$0].query) == filter }
        searches.append(LatencySummary(label: "any kind, \(filter)", milliseconds: positions.map { latencies[$0] },
                                       meanHits: Double(positions.map { hits[$0] }.reduce(0, +)) / Double(positions.count)))
    }
    searches.append(LatencySummary(label: "all queries", milliseconds: latencies,
                                   meanHits: Double(hits.reduce(0, +)) / Double(hits.count)))

    return StoreBenchResults(
        articles: count, bodyBytes: bodyBytes, meanWords: meanWords, generationSeconds: generationSeconds,
        bare: bare, store: storeTiming, added: added, linked: linked,
        contentHashSeconds: contentHashSeconds, wordCountSeconds: wordCountSeconds, minHashSeconds: minHashSeconds,
        searches: searches, searchRounds: searchRounds
    )
}

extension BenchQuery {
    static let kinds = ["common word", "rare word", "two words (AND)", "\"phrase\"", "OR", "prefix*"]

    static func filterName(of query: SearchQuery) -> String {
        query.since != nil ? "since filter" : query.outlet != nil ? "outlet filter" : "no filter"
    }
}

/// 204 queries, the same on every run: 34 of each kind, a third of them with
/// no filter, a third published since a 1 January, a third from one outlet;
/// 20 results each, ranked.
func benchQueries(corpus: [ArticleDraft], vocabulary: Vocabulary) -> [BenchQuery] {
    var rng = SplitMix64(seed: 0x5EA2C4)
    func word(_ ranks: ClosedRange<Int>) -> String { vocabulary.words[rng.int(ranks)] }
    var queries: [BenchQuery] = []
    for index in 0..<204 {
        let kind = BenchQuery.kinds[index % BenchQuery.kinds.count]
        let text: String
        switch kind {
        case "common word": text = word(0...49)
        case "rare word": text = word(4000...(Vocabulary.size - 1))
        case "two words (AND)": text = "\(word(20...800)) \(word(20...800))"
        case "\"phrase\"":
            if rng.chance(0.5) {
                text = "\"\(rng.pick(CorpusNames.organisations + CorpusNames.countries.filter { $0.contains(" ") }))\""
            } else {
                // Two adjacent words of some article: a phrase that occurs.
                let words = rng.pick(corpus).body.split { !$0.isLetter }.map { $0.lowercased() }
                let position = rng.int(0...(words.count - 2))
                text = "\"\(words[position]) \(words[position + 1])\""
            }
        case "OR": text = "\(word(100...2000)) OR \(word(100...2000))"
        default:
            let stem = word(50...1500)
            text = String(stem.prefix(min(stem.count, rng.int(3...4)))) + "*"
        }
        var query = SearchQuery(text: text, limit: 20)
        switch (index / BenchQuery.kinds.count) % 3 {
        case 1:
            let year = rng.int(2016...2024)
            query.since = Date(timeIntervalSince1970: 1_420_070_400 + Double(year - 2015) * 365.25 * 86_400)
        case 2: query.outlet = rng.pick(CorpusNames.outlets)
        default: break
        }
        queries.append(BenchQuery(kind: kind, query: query))
    }
    return queries
}

// MARK: Report

func storeReport(_ results: StoreBenchResults, markdown: Bool) -> String {
    func format(_ value: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", value) }
    let ratio = results.store.articlesPerSecond / results.bare.articlesPerSecond
    let megabytes = Double(results.bodyBytes) / 1e6

    var lines: [String] = []
    lines.append("\(results.articles) generated articles, \(format(megabytes)) MB of body text "
        + "(\(format(results.meanWords, 0)) words per article on average; generated in \(format(results.generationSeconds)) s, not timed). "
        + "Each path writes a fresh file in a temporary directory.")
    lines.append("")
    let ingestRows = [results.bare, results.store].map { timing in
        [timing.label, format(timing.seconds), format(timing.articlesPerSecond, 0), format(timing.megabytesPerSecond),
         format(Double(timing.fileBytes) / 1e6, 0), format(timing.articlesPerSecond / results.bare.articlesPerSecond, 2)]
    }
    lines.append(contentsOf: table(["Ingest", "s", "articles/s", "MB/s body", "file MB", "ratio to bare"],
                                   ingestRows, markdown: markdown))
    lines.append("")

    let storeSeconds = results.store.seconds
    let remainder = storeSeconds - results.bare.seconds - results.contentHashSeconds - results.wordCountSeconds - results.minHashSeconds
    let stepRows: [[String]] = [
        ("bare insert (SQL, FTS5 triggers, indexes)", results.bare.seconds),
        ("content hash (articleContentHash)", results.contentHashSeconds),
        ("word count (ArticleDraft.wordCount)", results.wordCountSeconds),
        ("MinHash signature (MinHashSignature(text:))", results.minHashSeconds),
        ("rest: hash lookup, near-duplicate tables, GRDB", remainder),
    ].map { label, seconds in [label, format(seconds), format(100 * seconds / storeSeconds, 0) + "%"] }
    lines.append("Where the store's time goes: each per-article step timed alone over the corpus; the rest is store time minus the others.")
    lines.append("")
    lines.append(contentsOf: table(["Part of SQLiteStore.add", "s", "share"], stepRows, markdown: markdown))
    lines.append("")

    lines.append("Search latency: SQLiteStore.search, limit 20, ranked; each query's latency is its median over "
        + "\(results.searchRounds) timed rounds after a warm-up round.")
    lines.append("")
    let searchRows = results.searches.map { summary in
        [summary.label, "\(summary.milliseconds.count)", format(summary.percentile(0.5), 2), format(summary.percentile(0.9), 2),
         format(summary.percentile(0.99), 2), format(summary.milliseconds.max() ?? 0, 2), format(summary.meanHits)]
    }
    lines.append(contentsOf: table(["Queries", "n", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean hits"], searchRows, markdown: markdown))
    lines.append("")

    let withoutMinHash = Double(results.articles) / (storeSeconds - results.minHashSeconds) / results.bare.articlesPerSecond
    var notes = [
        "goal store/bare >= 0.50: \(format(ratio, 2)), \(ratio >= 0.5 ? "met" : "not met")",
        "store without the MinHash step (estimated, store time minus MinHash time): \(format(withoutMinHash, 2)) of bare",
        "stored \(results.added) of \(results.articles); \(results.linked) linked to near-duplicates (about 5% of the corpus are rewrites)",
    ]
    if results.added != results.articles { notes.append("warning: not every article was stored") }
    lines.append(contentsOf: notes.map { (markdown ? "- " : "") + $0 })
    return lines.joined(separator: "\n")
}

private func table(_ header: [String], _ rows: [[String]], markdown: Bool) -> [String] {
    if markdown {
        return ["| " + header.joined(separator: " | ") + " |",
                "|" + header.indices.map { $0 == 0 ? ":--" : "--:" }.joined(separator: "|") + "|"]
            + rows.map { "| " + $0.joined(separator: " | ") + " |" }
    }
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    return ([header] + rows).map { row in
        row.indices.map { column in
            let padding = String(repeating: " ", count: widths[column] - row[column].count)
            return column == 0 ? row[column] + padding : padding + row[column]
        }.joined(separator: "  ")
    }
}
