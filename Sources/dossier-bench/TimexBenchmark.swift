import DossierCore
import Foundation
import Timeline

/// Options of `dossier-bench timex`.
struct TimexBenchOptions {
    var markdown = false
    /// Megabytes of generated news text tagged in the timed run.
    var megabytes = 32

    init(arguments: [String]) throws(UsageError) {
        let parsed = try parseBenchArguments(arguments, countOptions: ["--megabytes"])
        markdown = parsed.markdown
        megabytes = parsed.counts["--megabytes"] ?? megabytes
    }
}

struct TimexBenchResults {
    let bytes: Int
    let articles: Int
    let expressions: Int
    /// CPU seconds of the tagging thread for `TemporalTagger.find` over every article.
    let taggerSeconds: Double
    /// CPU seconds of a bare word scan (`TextBytes.forEachWord`) over the same
    /// articles: the floor any byte-level tagger pays to read the text.
    let scanSeconds: Double
}

/// Tags generated news articles (dense in dates, durations and relative
/// expressions) one at a time with `TemporalTagger.find`, anchored to a
/// publication date, on one core.
func runTimexBenchmark(megabytes: Int) -> TimexBenchResults {
    var generator = TimexNewsGenerator(seed: 7)
    var articles: [String] = []
    var bytes = 0
    while bytes < megabytes * 1_000_000 {
        let article = generator.article()
        bytes += article.utf8.count
        articles.append(article)
    }
    let tagger = TemporalTagger()
    let anchor = PublicationDate(year: 2025, month: 12, day: 28, hour: 2, minute: 22, second: 58, utcOffsetSeconds: 19_800)
    // Warm-up: vocabulary tables and caches.
    for article in articles.prefix(20) { _ = tagger.find(in: article, anchor: anchor) }
    var expressions = 0
    let taggerStart = benchThreadCPUSeconds()
    for article in articles { expressions += tagger.find(in: article, anchor: anchor).count }
    let taggerSeconds = benchThreadCPUSeconds() - taggerStart
    var words = 0
    let scanStart = benchThreadCPUSeconds()
    for article in articles {
        TextBytes.withBytes(of: article) { buffer in TextBytes.forEachWord(in: buffer) { _ in words += 1 } }
    }
    let scanSeconds = benchThreadCPUSeconds() - scanStart
    precondition(words > 0)
    return TimexBenchResults(bytes: bytes, articles: articles.count, expressions: expressions,
                             taggerSeconds: taggerSeconds, scanSeconds: scanSeconds)
}


func timexReport(_ results: TimexBenchResults, markdown: Bool) -> String {
    func format(_ value: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", value) }
    let megabytes = Double(results.bytes) / 1e6
    let header = ["pass", "MB", "CPU s", "MB/s", "expressions"]
    let rows = [
        ["TemporalTagger.find", format(megabytes), format(results.taggerSeconds, 2), format(megabytes / results.taggerSeconds), String(results.expressions)],
        ["word scan (baseline)", format(megabytes), format(results.scanSeconds, 2), format(megabytes / results.scanSeconds), "-"],
    ]
    var lines = ["timex: TemporalTagger.find on \(results.articles) generated news articles (~\(results.bytes / max(results.articles, 1) / 1000) KB each), one core, anchored"]
    lines += figureTable(header: header, rows: rows, labelWidth: 24, markdown: markdown)
    lines.append("CPU seconds of the tagging thread; the baseline only splits the same text into words (TextBytes.forEachWord).")
    lines.append("expressions per MB: \(format(Double(results.expressions) / megabytes, 0))")
    return lines.joined(separator: "\n")
}

/// News-like English with the temporal expressions wire copy is full of:
/// absolute dates, times with zones, relative days, durations, sets, decades.
struct TimexNewsGenerator {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let places = ["Pakistan", "Bangladesh", "India", "Dhaka", "Islamabad", "New Delhi", "Karachi", "Beijing", "Kabul", "Myanmar"]
    static let subjects = ["The foreign ministry", "Officials", "The army chief", "Analysts", "The prime minister", "Diplomats",
                           "Security officials", "The central bank", "Negotiators", "The commission"]
    static let verbs = ["said", "announced", "confirmed", "denied", "reported", "warned", "noted", "signalled"]
    static let nouns = ["defence cooperation", "intelligence links", "trade talks", "the border agreement", "military exercises",
                        "the visa regime", "investment flows", "the water treaty", "joint patrols", "port access"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                         "November", "December"]
    static let relatives = ["yesterday", "on Tuesday", "last week", "earlier this month", "in recent months", "this year",
                            "two years ago", "over the past few months", "since the early 2010s", "in the coming weeks",
                            "for years", "now", "recently", "next month", "a year earlier", "in the third quarter",
                            "every year", "after a gap of nearly 15 years", "in decades", "over time", "the next day"]

    private mutating func date() -> String {
        switch random.int(0...5) {
        case 0: return "\(random.pick(Self.months)) \(random.int(1...28)), \(random.int(1990...2025))"
        case 1: return "\(random.int(1...28)) \(random.pick(["Jan", "Feb", "Mar", "Apr", "Dec"])) \(random.int(2000...2025))"
        case 2: return "\(random.pick(Self.months)) \(random.int(2005...2025))"
        case 3: return "\(random.int(2000...2025))-\(String(format: "%02d", random.int(1...12)))-\(String(format: "%02d", random.int(1...28)))"
        case 4: return "\(random.int(1...12)):\(String(format: "%02d", random.int(0...59))) \(random.pick(["a.m.", "p.m."])) \(random.pick(["IST", "PKT", "GMT", "local time"]))"
        default: return "\(random.pick(["Dec.", "Sept.", "Aug."])) \(random.int(1...28))"
        }
    }

    mutating func sentence() -> String {
        switch random.int(0...5) {
        case 0: return "\(random.pick(Self.subjects)) \(random.pick(Self.verbs)) on \(date()) that \(random.pick(Self.nouns)) with \(random.pick(Self.places)) had resumed \(random.pick(Self.relatives))."
        case 1: return "\(random.pick(Self.places)) and \(random.pick(Self.places)) have, \(random.pick(Self.relatives)), expanded \(random.pick(Self.nouns)) at a level not seen since \(random.int(1971...2015))."
        case 2: return "“We will review \(random.pick(Self.nouns)) \(random.pick(Self.relatives)),” a spokesman said, adding that \(random.int(2...900)) officers and \(random.int(1000...9999)) troops were involved."
        case 3: return "\(random.pick(Self.subjects)) met for \(random.int(2...12)) hours in \(random.pick(Self.places)), the first such meeting \(random.pick(Self.relatives))."
        case 4: return "According to the report released \(date()), \(random.pick(Self.nouns)) had been largely dormant \(random.pick(Self.relatives)), though Section \(random.int(1000...2999)) of the act applies."
        default: return "The Sunday Guardian reported that \(random.pick(Self.nouns)) may change, but the march in \(random.pick(Self.places)) went ahead \(random.pick(Self.relatives))."
        }
    }

    mutating func article() -> String {
        var text = "\(random.pick(Self.places)) and \(random.pick(Self.places)) Rebuild Links\nLast Updated: \(date())\n\n"
        for paragraph in 0..<random.int(6...12) {
            if paragraph > 0 { text += "\n\n" }
            text += (0..<random.int(2...5)).map { _ in sentence() }.joined(separator: " ")
        }
        return text + "\n"
    }
}
