// `dossier-bench`: what a call from Lua into Swift through LuaKit costs, set
// against the same functions written in C on the plain Lua API (`calls`, the
// default), and how fast the article store ingests and searches (`store`).

import Foundation
import LuaKit

struct BenchOptions {
    var markdown = false
    var rounds = 9
    /// Enough calls per loop that timer resolution and the cost of starting the
    /// loop vanish, few enough that a full run stays well under 30 s on 2 cores.
    var iterations = 2_000_000

    init(arguments: [String]) throws(UsageError) {
        let parsed = try parseBenchArguments(arguments, countOptions: ["--rounds", "--iterations"])
        markdown = parsed.markdown
        rounds = parsed.counts["--rounds"] ?? rounds
        iterations = parsed.counts["--iterations"] ?? iterations
    }
}

/// The options both benchmarks share the shape of: `--markdown`, `--help`, and
/// the named options taking a positive whole number (returned by name).
func parseBenchArguments(_ arguments: [String], countOptions: Set<String>) throws(UsageError) -> (markdown: Bool, counts: [String: Int]) {
    var remaining = arguments[...]
    var markdown = false
    var counts: [String: Int] = [:]
    while let argument = remaining.popFirst() {
        if argument == "--markdown" {
            markdown = true
        } else if argument == "-h" || argument == "--help" {
            print(benchUsage)
            exit(0)
        } else if countOptions.contains(argument) {
            guard let text = remaining.popFirst(), let value = Int(text), value > 0 else {
                throw UsageError(message: "\(argument) needs a positive whole number")
            }
            counts[argument] = value
        } else {
            throw UsageError(message: "unknown argument '\(argument)'")
        }
    }
    return (markdown, counts)
}

let benchUsage = """
    usage: dossier-bench [calls] [--markdown] [--rounds N] [--iterations N]
           dossier-bench store [--markdown] [--articles N] [--search-rounds N]
           dossier-bench backends --postgres URL [--articles N] [--search-rounds N]
           dossier-bench scale [--postgres URL] [--articles N] [--search-rounds N] [--text CONLL_FILE]... [--keep-store FILE]
                               [--pair-fold-rows N]
           dossier-bench ner [--markdown] [--megabytes N]
           dossier-bench timex [--markdown] [--megabytes N]
           dossier-bench timeline [--markdown] [--articles N]
           dossier-bench claims [--markdown] [--megabytes N] [--texts DIR]
      calls              Lua <-> Swift call overhead against C (the default)
      store              article store: ingest throughput against a bare GRDB/FTS5 loop, search latency
      backends           SQLite and PostgreSQL on one corpus: ingest with entities, search, entity queries
      scale              generated news from a trigram model of real sentences (--text, default
                         ../shared/eval/conll2003pp/train.txt), ingested with entities into SQLite (and
                         PostgreSQL with --postgres) batch by batch; search per query class, entity queries
      ner                the whole entity extractor: throughput and peak memory on generated news
      timex              temporal tagger: TemporalTagger.find throughput on generated news (default 32 MB)
      timeline           events from generated articles, one merged timeline, its export
      claims             attributions, kinds and hedges on real news text (seeds/ or --texts DIR), one core
      --markdown         print Markdown tables instead of plain text
      --rounds N         calls: timed rounds per benchmark, the median is reported (default 9)
      --iterations N     calls: calls per timed loop (default 2000000)
      --articles N       store, timeline: generated articles (default 100000)
      --search-rounds N  store: timed rounds over the queries, the median is reported (default 3)
      --megabytes N      ner: generated input, reported at N/4 and N (default 40); timex: generated input (default 32); claims: input (default 8)
      --texts DIR        claims: read the .txt files of DIR instead of seeds/
      --keep-store FILE  scale: write the SQLite store there and keep it after the run
      --pair-fold-rows N scale: SQLite folds its pending pair deltas at N rows (default 1000000)
    """

struct UsageError: Error {
    let message: String
}

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("dossier-bench: \(message)\n".utf8))
    exit(status)
}

var arguments = Array(CommandLine.arguments.dropFirst())
let subcommand = arguments.first.flatMap { ["calls", "store", "backends", "scale", "ner", "timex", "timeline", "claims"].contains($0) ? $0 : nil } ?? "calls"
if arguments.first == subcommand { arguments.removeFirst() }

if subcommand == "timeline" {
    do {
        let timelineOptions = try TimelineBenchOptions(arguments: arguments)
        print(timelineReport(runTimelineBenchmark(articles: timelineOptions.articles), markdown: timelineOptions.markdown))
    } catch {
        fail("\(error.message)\n\(benchUsage)", status: 2)
    }
    exit(0)
}

if subcommand == "claims" {
    do {
        let claimsOptions = try ClaimsBenchOptions(arguments: arguments)
        print(claimsReport(try runClaimsBenchmark(megabytes: claimsOptions.megabytes, directory: claimsOptions.directory),
                           markdown: claimsOptions.markdown))
    } catch let error as UsageError {
        fail("\(error.message)\n\(benchUsage)", status: 2)
    } catch {
        fail(String(describing: error), status: 1)
    }
    exit(0)
}

if subcommand == "timex" {
    do {
        let timexOptions = try TimexBenchOptions(arguments: arguments)
        print(timexReport(runTimexBenchmark(megabytes: timexOptions.megabytes), markdown: timexOptions.markdown))
    } catch {
        fail("\(error.message)\n\(benchUsage)", status: 2)
    }
    exit(0)
}

if subcommand == "ner" {
    do {
        let nerOptions = try NERBenchOptions(arguments: arguments)
        print(nerReport(try runNERBenchmark(megabytes: nerOptions.megabytes), markdown: nerOptions.markdown))
    } catch let error as UsageError {
        fail("\(error.message)\n\(benchUsage)", status: 2)
    } catch {
        fail(String(describing: error), status: 1)
    }
    exit(0)
}

if subcommand == "scale" {
    do {
        print(scaleReport(try runScaleBenchmark(try ScaleBenchOptions(arguments: arguments))))
    } catch let error as UsageError {
        fail("\(error.message)\n\(benchUsage)", status: 2)
    } catch {
        fail(String(describing: error), status: 1)
    }
    exit(0)
}

if subcommand == "backends" {
    do {
        print(backendReport(try runBackendBenchmark(try BackendBenchOptions(arguments: arguments))))
    } catch let error as UsageError {
        fail("\(error.message)\n\(benchUsage)", status: 2)
    } catch {
        fail(String(describing: error), status: 1)
    }
    exit(0)
}

if subcommand == "store" {
    let storeOptions: StoreBenchOptions
    do {
        storeOptions = try StoreBenchOptions(arguments: arguments)
    } catch {
        fail("\(error.message)\n\(benchUsage)", status: 2)
    }
    do {
        let results = try runStoreBenchmark(articles: storeOptions.articles, searchRounds: storeOptions.searchRounds)
        print(storeReport(results, markdown: storeOptions.markdown))
    } catch {
        fail(String(describing: error), status: 1)
    }
    exit(0)
}

let options: BenchOptions
do {
    options = try BenchOptions(arguments: arguments)
} catch {
    fail("\(error.message)\n\(benchUsage)", status: 2)
}

do {
    let state = try LuaState()
    installBindings(in: state)
    let results = try runBenchmarks(in: state, comparisons: Comparison.all, iterations: options.iterations, rounds: options.rounds)
    print(options.markdown
        ? markdownTable(results, iterations: options.iterations, rounds: options.rounds)
        : plainTable(results, iterations: options.iterations, rounds: options.rounds))
} catch {
    fail(error.message, status: 1)
}
