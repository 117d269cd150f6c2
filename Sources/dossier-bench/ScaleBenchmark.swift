import ArticleStore
import DossierCore
import EntityExtractor
import Foundation
import PostgresStore

/// Options of `dossier-bench scale`.
struct ScaleBenchOptions {
    var articles = 100_000
    var searchRounds = 3
    /// An empty PostgreSQL database (postgres://...); without it, SQLite only.
    var postgres: String?
    /// CoNLL-formatted text the sentence model learns from.
    var text = ["../shared/eval/conll2003pp/train.txt"]
    /// Where to write the SQLite store and leave it after the run (for
    /// EXPLAIN and timing single queries); nil: a temporary file, removed.
    var keptStore: String?
    /// SQLite: pending pair rows at which a batch folds them (`SQLiteStore.pairFoldRows`).
    var pairFoldRows = SQLiteStore.defaultPairFoldRows

    init(arguments: [String]) throws(UsageError) {
        var rest: [String] = []
        var texts: [String] = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--postgres":
                guard let url = remaining.popFirst(), PostgresLocation.isPostgresURL(url) else {
                    throw UsageError(message: "--postgres needs a postgres:// URL of an empty database")
                }
                postgres = url
            case "--keep-store":
                guard let path = remaining.popFirst(), !FileManager.default.fileExists(atPath: path) else {
                    throw UsageError(message: "--keep-store needs the path of a SQLite file that does not exist yet")
                }
                keptStore = path
            case "--text":
                guard let path = remaining.popFirst() else { throw UsageError(message: "--text needs a CoNLL-formatted file") }
                texts.append(path)
            default:
                rest.append(argument)
            }
        }
        if !texts.isEmpty { text = texts }
        let parsed = try parseBenchArguments(rest, countOptions: ["--articles", "--search-rounds", "--pair-fold-rows"])
        articles = parsed.counts["--articles"] ?? articles
        searchRounds = parsed.counts["--search-rounds"] ?? searchRounds
        pairFoldRows = parsed.counts["--pair-fold-rows"] ?? pairFoldRows
    }
}

/// One backend's figures.
struct ScaleBackendResult {
    let name: String
    var storeSeconds = 0.0
    var searches: [LatencySummary] = []
    /// name -> milliseconds (median over the rounds) and a note.
    var entityQueries: [(label: String, milliseconds: Double, note: String)] = []
}

struct ScaleBenchRun {
    let articles: Int
    let bodyBytes: Int
    let mentions: Int
    let sentencesLearned: Int
    let generationSeconds: Double
    let extractionSeconds: Double
    let results: [ScaleBackendResult]
}

/// The scale benchmark: generated articles (`ScaleCorpus`) made, extracted
/// and written batch by batch into every backend in the same run (constant
/// memory at any size), then the analyst's queries on each.
func runScaleBenchmark(_ options: ScaleBenchOptions) throws -> ScaleBenchRun {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("dossier-bench-scale-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    backendProgress("learning sentences from \(options.text.joined(separator: ", "))")
    let model = try NewsTextModel(conllFiles: options.text)
    var corpus = ScaleCorpus(model: model, seed: 0x5CA1E)
    let extractor = EntityExtractor(model: try NERModel.bundled(), gazetteer: try Gazetteer.bundled())

    var stores: [(name: String, store: any Store)] = [
        ("SQLite", try SQLiteStore(path: options.keptStore ?? directory.appendingPathComponent("store.sqlite").path,
                                   pairFoldRows: options.pairFoldRows)),
    ]
    if let url = options.postgres { stores.append(("PostgreSQL", try PostgresStore(url: url))) }
    for (name, store) in stores where try store.count(matching: nil) != 0 {
        throw UsageError(message: "\(name): the store is not empty")
    }
    var results = stores.map { ScaleBackendResult(name: $0.name) }

    // Ingest, batch by batch: generation and extraction once, then each store.
    var generationSeconds = 0.0, extractionSeconds = 0.0
    var bodyBytes = 0, mentionCount = 0
    var phrases: [String] = []
    var phraseRNG = SplitMix64(seed: 0xF4A5E)
    var done = 0
    var lastReport = ContinuousClock.now
    while done < options.articles {
        var start = ContinuousClock.now
        let batch = corpus.next(min(500, options.articles - done))
        generationSeconds += elapsedSeconds(since: start)
        start = ContinuousClock.now
        let mentions = extractor.mentions(inEachArticle: batch)
        extractionSeconds += elapsedSeconds(since: start)
        for (index, entry) in stores.enumerated() {
            start = ContinuousClock.now
            _ = try entry.store.add(batch, mentions: mentions, extractorVersion: extractor.version)
            results[index].storeSeconds += elapsedSeconds(since: start)
        }
        for draft in batch { bodyBytes += draft.body.utf8.count }
        mentionCount += mentions.reduce(0) { $0 + $1.count }
        // Phrases that occur: two adjacent words of a few articles.
        if phrases.count < 200, let draft = batch.first {
            let words = draft.body.split { !$0.isLetter }.map { $0.lowercased() }
            if words.count > 2 {
                let position = phraseRNG.int(0...(words.count - 2))
                phrases.append("\"\(words[position]) \(words[position + 1])\"")
            }
        }
        done += batch.count
        if elapsedSeconds(since: lastReport) > 10 || done == options.articles {
            lastReport = ContinuousClock.now
            backendProgress("\(done) articles: generate \(Int(generationSeconds)) s, extract \(Int(extractionSeconds)) s, "
                          + results.map { "\($0.name) \(Int($0.storeSeconds)) s" }.joined(separator: ", "))
        }
    }

    let queries = try scaleQueries(stores[0].store, phrases: phrases)
    for (index, entry) in stores.enumerated() {
        let store = entry.store
        backendProgress("\(entry.name): \(queries.count) searches x \(options.searchRounds) rounds")
        let (latencies, hits) = try timedSearches(store, queries.map(\.query), rounds: options.searchRounds)
        // Which queries make the tail: the five slowest, with their filter.
        let slowest = queries.indices.sorted { latencies[$0] > latencies[$1] }.prefix(5).map { position -> String in
            let query = queries[position].query
            let filter = query.outlet.map { "outlet \($0)" }
                ?? query.since.map { "since \(ISO8601DateFormatter().string(from: $0).prefix(10))" } ?? "no filter"
            return "'\(query.text)' (\(filter), \(hits[position]) hits) \(String(format: "%.1f", latencies[position])) ms"
        }
        backendProgress("\(entry.name): slowest searches: " + slowest.joined(separator: "; "))
        func summary(_ label: String, _ positions: [Int]) -> LatencySummary {
            LatencySummary(label: label, milliseconds: positions.map { latencies[$0] },
                           meanHits: Double(positions.map { hits[$0] }.reduce(0, +)) / Double(max(1, positions.count)))
        }
        for kind in ["rare word", "common word", "\"phrase\""] {
            results[index].searches.append(summary(kind + ", no filter", queries.indices.filter { queries[$0].kind == kind && !queries[$0].filtered }))
        }
        results[index].searches.append(summary("any kind, with a filter", queries.indices.filter { queries[$0].filtered }))
        results[index].searches.append(summary("all queries", Array(queries.indices)))

        backendProgress("\(entry.name): entity queries")
        func median(_ body: () throws -> Void) rethrows -> Double {
            var times: [Double] = []
            for round in 0...max(3, options.searchRounds) {
                let start = ContinuousClock.now
                try body()
                if round > 0 { times.append(elapsedSeconds(since: start) * 1000) }
            }
            return times.sorted()[times.count / 2]
        }
        var top: [StoredEntity] = []
        let topMilliseconds = try median { top = try store.topEntities(EntityQuery(limit: 20)) }
        guard let first = top.first else { throw UsageError(message: "\(entry.name): no entities were stored") }
        results[index].entityQueries.append(("entities:top{} (20)", topMilliseconds, "first: \(first.name), \(first.articleCount) articles"))
        let year = Date(timeIntervalSince1970: 1_420_070_400 + 5 * 365.25 * 86_400)
        let yearEnd = Date(timeIntervalSince1970: 1_420_070_400 + 6 * 365.25 * 86_400)
        results[index].entityQueries.append(("entities:top{since=, to=} (one year)",
                                             try median { _ = try store.topEntities(EntityQuery(since: year, until: yearEnd, limit: 20)) }, ""))
        let tenth = top[min(9, top.count - 1)]
        for (label, entity) in [("top entity", first), ("10th entity", tenth)] {
            results[index].entityQueries.append(("entities:cooccur(\(label)) (sentence, 20)",
                                                 try median { _ = try store.cooccurrences(of: entity.id, window: .sentence, type: nil, limit: 20) }, entity.name))
        }
        var newest = 0
        let timeline = try median {
            newest = try store.search(SearchQuery(text: "", mentioningEntities: [first.id], limit: 500, order: .newest)).count
        }
        results[index].entityQueries.append(("timeline{entity=} selection: newest 500 of the top entity", timeline, "\(newest) articles"))
        var all = 0
        let whole = try median {
            all = try store.search(SearchQuery(text: "", mentioningEntities: [first.id], limit: 1_000_000, order: .newest)).count
        }
        results[index].entityQueries.append(("every article of the top entity (limit=1000000)", whole, "\(all) articles"))
    }
    return ScaleBenchRun(articles: options.articles, bodyBytes: bodyBytes, mentions: mentionCount, sentencesLearned: model.sentenceCount,
                         generationSeconds: generationSeconds, extractionSeconds: extractionSeconds, results: results)
}

struct ScaleQuery {
    let kind: String
    let filtered: Bool
    let query: SearchQuery
}

/// Query classes from the store's own word frequencies: common words are in
/// more than a third of the articles, rare ones the 12 least frequent of 300
/// words seen once in a sample, counted on the first store; phrases are
/// adjacent words of articles.
/// Each class is asked without a filter, with `since` a year, and with an outlet.
func scaleQueries(_ store: any Store, phrases: [String]) throws -> [ScaleQuery] {
    let total = try store.count(matching: nil)
    let sample = try store.articles(after: 0, limit: 400)
    var frequency: [String: Int] = [:]
    for article in sample {
        var words = Set<String>()
        for word in article.draft.body.split(whereSeparator: { !$0.isLetter }) where word.count > 3 && word.first?.isLowercase == true {
            words.insert(String(word))
        }
        for word in words { frequency[word, default: 0] += 1 }
    }
    // Candidates from the sample, checked against the whole store.
    var common: [String] = [], rare: [String] = []
    for (word, seen) in frequency.sorted(by: { ($0.value, $0.key) > ($1.value, $1.key) }) where seen * 5 > sample.count * 2 && common.count < 12 {
        if try store.count(matching: word) * 3 > total { common.append(word) }
    }
    // Rare: the 12 least frequent of up to 300 words seen once in the sample.
    var candidates: [(word: String, count: Int)] = []
    for (word, _) in frequency.filter({ $0.value == 1 }).sorted(by: { $0.key < $1.key }).prefix(300) {
        candidates.append((word, try store.count(matching: word)))
    }
    rare = candidates.sorted { ($0.count, $0.word) < ($1.count, $1.word) }.prefix(12).map(\.word)
    for word in ["said", "the"] where !common.contains(word) { common.append(word) }
    var queries: [ScaleQuery] = []
    var rng = SplitMix64(seed: 0x9E4)
    for (kind, texts) in [("rare word", rare), ("common word", common), ("\"phrase\"", Array(phrases.prefix(14)))] {
        for (index, text) in texts.enumerated() {
            var query = SearchQuery(text: text, limit: 20)
            switch index % 3 {
            case 1:
                query.since = Date(timeIntervalSince1970: 1_420_070_400 + Double(rng.int(1...9)) * 365.25 * 86_400)
            case 2: query.outlet = rng.pick(ScaleCorpus.outlets)
            default: break
            }
            queries.append(ScaleQuery(kind: kind, filtered: index % 3 != 0, query: query))
        }
    }
    return queries
}

func scaleReport(_ run: ScaleBenchRun) -> String {
    func format(_ value: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", value) }
    let names = run.results.map(\.name)
    let megabytes = format(Double(run.bodyBytes) / 1e6)
    var summary = "\(run.articles) generated articles (sentences of a trigram model of \(run.sentencesLearned) Reuters sentences), "
    summary += "\(megabytes) MB of body text, \(run.mentions) entity mentions; generated in \(format(run.generationSeconds)) s (not counted), "
    summary += "extracted in \(format(run.extractionSeconds)) s (all cores, shared by the backends)"
    let storeRates: [String] = run.results.map { format(Double(run.articles) / $0.storeSeconds, 0) }
    let ingestRates: [String] = run.results.map { format(Double(run.articles) / ($0.storeSeconds + run.extractionSeconds), 0) }
    var lines: [String] = [summary, ""]
    lines.append("| | " + names.joined(separator: " | ") + " |")
    lines.append("|---|" + names.map { _ in "---:|" }.joined())
    lines.append("| store ingest with entities, articles/s | " + storeRates.joined(separator: " | ") + " |")
    lines.append("| ingest with entities incl. extraction, articles/s | " + ingestRates.joined(separator: " | ") + " |")
    for (index, search) in (run.results.first?.searches ?? []).enumerated() {
        lines.append("| search \(search.label) (\(search.milliseconds.count) queries, mean hits \(format(search.meanHits))), p50 / p99 ms | "
                     + run.results.map { "\(format($0.searches[index].percentile(0.5))) / \(format($0.searches[index].percentile(0.99)))" }.joined(separator: " | ") + " |")
    }
    for (index, entry) in (run.results.first?.entityQueries ?? []).enumerated() {
        lines.append("| \(entry.label), ms | " + run.results.map { result in
            let figure = result.entityQueries[index]
            return format(figure.milliseconds) + (figure.note.isEmpty ? "" : " (\(figure.note))")
        }.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
}
