import DossierCore
import Foundation
import Timeline

/// Options of `dossier-bench timeline`.
struct TimelineBenchOptions {
    var markdown = false
    /// Generated articles the timeline is built from.
    var articles = 100_000

    init(arguments: [String]) throws(UsageError) {
        let parsed = try parseBenchArguments(arguments, countOptions: ["--articles"])
        markdown = parsed.markdown
        articles = parsed.counts["--articles"] ?? articles
    }
}

struct TimelineBenchResults {
    let articles: Int
    let bytes: Int
    let events: Int
    let mergedEvents: Int
    /// CPU seconds: sentence splitting, temporal tagging and event building for every article.
    let eventSeconds: Double
    /// CPU seconds: ordering and merging every event into one timeline.
    let assemblySeconds: Double
    /// CPU seconds: rendering the timeline as JSON and as the HTML page.
    let exportSeconds: Double
}

/// Builds one timeline from `articles` generated news articles, as
/// `timeline{}` does from a store: events per article, then one ordered,
/// merged timeline.
///
/// An article is the store benchmark's (about 3 KB of news-like prose) with a
/// sentence from the timex benchmark's generator (dates, durations, relative
/// expressions) opening each paragraph: a few dated sentences per story, as in
/// wire copy. Each article's entity mentions are given as input, the way the
/// store holds them: the generator's place names, located by exact match (the
/// extractor's own cost is the `ner` benchmark's).
func runTimelineBenchmark(articles count: Int) -> TimelineBenchResults {
    var dated = TimexNewsGenerator(seed: 11)
    var prose = CorpusGenerator(seed: 11)
    var inputs: [TimelineArticle] = []
    inputs.reserveCapacity(count)
    var bytes = 0
    let published = PublicationDate(year: 2025, month: 12, day: 28, hour: 2, minute: 22, utcOffsetSeconds: 19_800)
    for index in 0..<count {
        let paragraphs = prose.articles(1)[0].body.components(separatedBy: "\n\n")
        let body = paragraphs.map { dated.sentence() + " " + $0 }.joined(separator: "\n\n")
        bytes += body.utf8.count
        inputs.append(TimelineArticle(id: Int64(index + 1), title: "Article \(index + 1)", outlet: "Generated",
                                      published: published, body: body, mentions: placeMentions(in: body)))
    }
    let extractor = EventExtractor()
    var events: [Event] = []
    let eventStart = benchThreadCPUSeconds()
    for input in inputs { events += extractor.events(in: input) }
    let eventSeconds = benchThreadCPUSeconds() - eventStart

    let assemblyStart = benchThreadCPUSeconds()
    let timeline = EventTimeline(events: events)
    let assemblySeconds = benchThreadCPUSeconds() - assemblyStart

    let exportStart = benchThreadCPUSeconds()
    let rendered = timeline.rendered(as: .json).utf8.count + timeline.rendered(as: .html).utf8.count
    let exportSeconds = benchThreadCPUSeconds() - exportStart
    precondition(rendered > 0)
    return TimelineBenchResults(articles: count, bytes: bytes, events: events.count, mergedEvents: timeline.events.count,
                                eventSeconds: eventSeconds, assemblySeconds: assemblySeconds, exportSeconds: exportSeconds)
}

/// Mentions of the generator's places, with the sentence numbers the event
/// extractor's splitter gives (sentences end at ". " or a line break here).
private func placeMentions(in body: String) -> [Mention] {
    var mentions: [Mention] = []
    let bytes = Array(body.utf8)
    var sentence = 1
    var index = 0
    let places = TimexNewsGenerator.places.map { Array($0.utf8) }
    while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: ".") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: " ")) {
            if index > 0, bytes[index - 1] != UInt8(ascii: "\n") { sentence += 1 }
        } else if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z"), index == 0 || bytes[index - 1] == UInt8(ascii: " ") {
            for place in places where bytes[index...].starts(with: place) {
                let text = String(decoding: place, as: UTF8.self)
                mentions.append(Mention(text: text, type: .geopolitical, entity: text, start: index + 1,
                                        stop: index + place.count, sentence: sentence, source: .gazetteer))
                break
            }
        }
        index += 1
    }
    return mentions
}

func timelineReport(_ results: TimelineBenchResults, markdown: Bool) -> String {
    func format(_ value: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", value) }
    let megabytes = Double(results.bytes) / 1e6
    let header = ["pass", "CPU s", "articles/s", "MB/s"]
    let rows = [
        ["events (split, tag, build)", format(results.eventSeconds, 2), format(Double(results.articles) / results.eventSeconds, 0), format(megabytes / results.eventSeconds)],
        ["assembly (order, merge)", format(results.assemblySeconds, 2), format(Double(results.articles) / results.assemblySeconds, 0), "-"],
        ["export (JSON + HTML)", format(results.exportSeconds, 2), "-", "-"],
    ]
    var lines = ["timeline: \(results.articles) generated articles (\(format(megabytes)) MB), \(results.events) events, \(results.mergedEvents) after merging; one core"]
    lines += figureTable(header: header, rows: rows, labelWidth: 30, markdown: markdown)
    lines.append("CPU seconds of the benchmark thread; the total for a timeline{} over the store adds reading the articles and mentions.")
    return lines.joined(separator: "\n")
}

func benchThreadCPUSeconds() -> Double {
    var usage = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &usage)
    return Double(usage.tv_sec) + Double(usage.tv_nsec) / 1e9
}
