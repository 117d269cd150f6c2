import DossierCore
import EntityExtractor
import Foundation

/// Options of `dossier-bench ner`.
struct NERBenchOptions {
    var markdown = false
    /// Input size of the last checkpoint; the first is a quarter of it.
    var megabytes = 40

    init(arguments: [String]) throws(UsageError) {
        let parsed = try parseBenchArguments(arguments, countOptions: ["--megabytes"])
        markdown = parsed.markdown
        megabytes = parsed.counts["--megabytes"] ?? megabytes
    }
}

/// Throughput and memory at one point of the run.
struct NERCheckpoint {
    let bytes: Int
    let words: Int
    let entities: Int
    /// The whole `extract` (tokenizing, tagging, rules, resolution), not
    /// generating the text: CPU time of the thread (what one core delivers,
    /// whatever else the machine runs) and wall time.
    let seconds: Double
    let wallSeconds: Double
    let peakResidentBytes: Int
}

struct NERBenchResults {
    let loadSeconds: Double
    let modelFeatures: Int
    let articleBytes: Int
    let checkpoints: [NERCheckpoint]
}

/// Runs the whole extractor (tokenizer, tagger, gazetteers, rules, alias
/// resolution) over generated news articles one at a time, as ingest does, on
/// one core, and notes the peak resident memory at a quarter of the input and
/// at the end: with article-sized work it must not grow with the input.
func runNERBenchmark(megabytes: Int) throws -> NERBenchResults {
    let loadStart = ContinuousClock.now
    let model = try NERModel.bundled()
    let extractor = EntityExtractor(model: model, gazetteer: try Gazetteer.bundled())
    let loadSeconds = seconds(since: loadStart)
    let targets = [max(megabytes / 4, 1), megabytes].map { $0 * 1_000_000 }
    var generator = NewsGenerator(seed: 42)
    var bytes = 0, words = 0, entities = 0, articles = 0
    var tagging = Duration.zero
    var cpu = 0.0
    var checkpoints: [NERCheckpoint] = []
    for target in targets {
        while bytes < target {
            let article = generator.article()
            let start = ContinuousClock.now
            let cpuStart = benchThreadCPUSeconds()
            let text = TokenizedText(text: article)
            let mentions = extractor.extract(text)
            cpu += benchThreadCPUSeconds() - cpuStart
            tagging += ContinuousClock.now - start
            bytes += text.bytes.count
            words += text.tokens.count { TextBytesProbe.isWord(text.bytes[$0.range.lowerBound]) }
            entities += mentions.count
            articles += 1
        }
        let elapsed = Double(tagging.components.seconds) + Double(tagging.components.attoseconds) / 1e18
        checkpoints.append(NERCheckpoint(bytes: bytes, words: words, entities: entities, seconds: cpu, wallSeconds: elapsed,
                                         peakResidentBytes: peakResidentBytes()))
        FileHandle.standardError.write(Data("ner: \(bytes / 1_000_000) MB tagged\n".utf8))
    }
    return NERBenchResults(loadSeconds: loadSeconds, modelFeatures: model.featureCount,
                           articleBytes: bytes / max(articles, 1), checkpoints: checkpoints)
}

private enum TextBytesProbe {
    /// Words are tokens starting with a letter or digit (any non-ASCII lead byte counts).
    static func isWord(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}

private func seconds(since start: ContinuousClock.Instant) -> Double {
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}


/// The high-water mark of resident memory (Linux reports kilobytes, Darwin bytes).
private func peakResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss)
    #endif
}

func nerReport(_ results: NERBenchResults, markdown: Bool) -> String {
    func format(_ value: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", value) }
    var lines: [String] = []
    lines.append("NER: the whole extractor (tokenize, tag, gazetteers, rules, aliases) on generated news articles (~\(results.articleBytes / 1000) KB each), one core, release build")
    lines.append("model: \(results.modelFeatures) features, loaded in \(format(results.loadSeconds * 1000, 0)) ms")
    let header = ["input MB", "CPU s", "wall s", "MB/s", "words/s", "entities", "peak RSS MB"]
    let rows = results.checkpoints.map { point in
        [format(Double(point.bytes) / 1e6), format(point.seconds, 2), format(point.wallSeconds, 2), format(Double(point.bytes) / 1e6 / point.seconds),
         String(Int(Double(point.words) / point.seconds)), String(point.entities), format(Double(point.peakResidentBytes) / 1e6)]
    }
    if markdown {
        lines.append("")
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + header.map { _ in "---:" }.joined(separator: "|") + "|")
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
    } else {
        lines.append(header.map { $0.padding(toLength: 12, withPad: " ", startingAt: 0) }.joined())
        for row in rows { lines.append(row.map { $0.padding(toLength: 12, withPad: " ", startingAt: 0) }.joined()) }
    }
    if let last = results.checkpoints.last {
        let rate = Double(last.bytes) / 1e6 / last.seconds
        lines.append("MB/s and words/s per CPU second of the extracting thread; goal >= 5 MB/s: \(rate >= 5 ? "met" : "NOT met") (\(format(rate)) MB/s)")
    }
    return lines.joined(separator: "\n")
}

/// News-like English: headlines, datelines, bylines and paragraphs of
/// sentences built from templates, with names of people, organisations and
/// places, numbers, dates, quotes and possessives, the mix the tagger meets.
struct NewsGenerator {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let firstNames = ["Shehbaz", "Muhammad", "Sheikh", "Asim", "Narendra", "Ishaq", "Tariq", "Olga", "Maria", "John",
                             "Fatima", "Rahul", "Khaleda", "Imran", "Jaishankar", "Ayesha", "Chen", "Vladimir", "Antonio", "Amina"]
    static let lastNames = ["Sharif", "Yunus", "Hasina", "Munir", "Modi", "Dar", "Rahman", "Petrova", "Garcia", "Smith",
                            "Khan", "Gandhi", "Zia", "Ahmed", "Singh", "Siddiqui", "Wei", "Ivanov", "Guterres", "Mohammed"]
    static let titles = ["Prime Minister", "Foreign Minister", "Gen.", "Lt. Gen.", "Dr.", "Mr.", "Chief Adviser", "President", "Ms."]
    static let organisations = ["Inter-Services Intelligence", "the United Nations", "the World Bank", "Reuters", "the Awami League",
                                "the Pakistan Army", "the International Monetary Fund", "the Ministry of Foreign Affairs", "NATO",
                                "the Bangladesh Nationalist Party", "Jamaat-e-Islami", "the Asian Development Bank", "ISI", "DGFI"]
    static let places = ["Pakistan", "Bangladesh", "India", "Dhaka", "Islamabad", "New Delhi", "Karachi", "Chittagong", "Beijing",
                         "Washington", "Kabul", "the Bay of Bengal", "Rawalpindi", "Sylhet", "the U.S.", "China", "Myanmar"]
    static let verbs = ["met", "criticised", "praised", "warned", "visited", "called on", "rejected", "welcomed", "signed a deal with"]
    static let nouns = ["defence cooperation", "intelligence links", "trade talks", "the border", "a new agreement", "the elections",
                        "security concerns", "the visa regime", "military exercises", "investment", "the 1971 war", "the treaty"]
    static let fillers = ["according to officials", "in a statement on Monday", "after weeks of talks", "despite objections",
                          "for the first time since 1971", "amid rising tension", "on Tuesday", "earlier this month"]

    private mutating func person() -> String {
        let name = random.pick(Self.firstNames) + " " + random.pick(Self.lastNames)
        return random.chance(0.4) ? random.pick(Self.titles) + " " + name : name
    }

    private mutating func sentence() -> String {
        switch random.int(0...7) {
        case 0: return "\(person()) \(random.pick(Self.verbs)) \(person()) in \(random.pick(Self.places)) \(random.pick(Self.fillers))."
        case 1: return "\(random.pick(Self.places))'s \(random.pick(Self.nouns)) with \(random.pick(Self.places)) is \(random.chance(0.5) ? "growing" : "under strain"), \(random.pick(Self.fillers))."
        case 2: return "“We will not accept \(random.pick(Self.nouns)),” \(person()) said, adding that \(random.pick(Self.organisations)) had been informed."
        case 3: return "\(random.pick(Self.organisations).capitalisedFirst) said \(random.int(2...900)) people and \(random.int(1...99)).\(random.int(0...9)) per cent of \(random.pick(Self.nouns)) were affected."
        case 4: return "The \(random.pick(Self.places))-based group, backed by \(random.pick(Self.organisations)), \(random.pick(Self.verbs)) \(random.pick(Self.organisations)) on Jan. \(random.int(1...28))."
        case 5: return "Officials in \(random.pick(Self.places)) said the talks on \(random.pick(Self.nouns)) would resume next week, but gave no details."
        case 6: return "\(person()), who heads \(random.pick(Self.organisations)), told reporters in \(random.pick(Self.places)) that \(random.pick(Self.nouns)) would cost $\(random.int(1...999)) million."
        default: return "It was not clear whether \(random.pick(Self.places)) and \(random.pick(Self.places)) would agree to \(random.pick(Self.nouns)) before \(random.int(2026...2030))."
        }
    }

    mutating func article() -> String {
        var text = "\(random.pick(Self.places).capitalisedFirst) and \(random.pick(Self.places).capitalisedFirst) Rebuild \(random.pick(["Defence", "Trade", "Intelligence"])) Links\n"
        text += "By \(random.pick(Self.firstNames)) \(random.pick(Self.lastNames))\n\n"
        text += random.pick(["NEW DELHI", "DHAKA", "ISLAMABAD", "KARACHI"]) + ": "
        for paragraph in 0..<random.int(6...12) {
            if paragraph > 0 { text += "\n\n" }
            text += (0..<random.int(2...5)).map { _ in sentence() }.joined(separator: " ")
        }
        return text + "\n"
    }
}

private extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
