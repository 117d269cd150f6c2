import DossierCore
import EntityExtractor
import Foundation

/// SemEval-2015 Task 4, Track A: per-target timelines from raw text, scored
/// with the task's temporal-awareness metric (`TemporalAwareness`).
///
/// A set is a folder of CAT documents, a list of targets and a folder of gold
/// timelines. The Dossier system reads each document as an article (the text
/// rebuilt from its tokens, its creation time as publication date, entity
/// mentions from the extractor), takes the events `EntityEvents` selects for
/// the target (what `timeline{entity=}` shows), and writes them in the task's
/// format: one line per date, dates ordered as the timeline orders them.
public struct TimelineTaskEvaluation: Sendable {
    public struct Set: Sendable {
        public var name: String
        public var documents: [TimelineTaskDocument]
        public var targets: [String]
        public var gold: [String: TaskTimeline]

        public init(name: String, documents: [TimelineTaskDocument], targets: [String], gold: [String: TaskTimeline]) {
            self.name = name
            self.documents = documents
            self.targets = targets
            self.gold = gold
        }

        /// corpus_N/ (corpus_trackA_CAT, list_target_entities_*.txt,
        /// TimeLines_Gold_Standard) and the trial data
        /// (Corpus-trial-data_task4, TimeLines_trial_data_task4_v1.2), as
        /// the task distributes them, under `directory`.
        public static func load(directory: String) throws -> [Set] {
            let root = URL(fileURLWithPath: directory)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            var sets: [Set] = []
            for name in names where name.hasPrefix("corpus_") {
                let folder = root.appendingPathComponent(name)
                let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                guard let cat = entries.first(where: { $0.lowercased() == "corpus_tracka_cat" }) else { continue }
                let targets = try entries.first(where: { $0.hasPrefix("list_target_entities") }).map {
                    try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
                        .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                }
                let gold = try loadGold(folder.appendingPathComponent("TimeLines_Gold_Standard").path)
                sets.append(Set(name: name, documents: try TimelineTaskDocument.load(directory: folder.appendingPathComponent(cat).path),
                                targets: targets ?? gold.keys.sorted(), gold: gold))
            }
            if names.contains("Corpus-trial-data_task4"), let goldName = names.first(where: { $0.hasPrefix("TimeLines_trial_data") }) {
                let gold = try loadGold(root.appendingPathComponent(goldName).path)
                sets.append(Set(name: "trial", documents: try TimelineTaskDocument.load(directory: root.appendingPathComponent("Corpus-trial-data_task4").path),
                                targets: gold.values.map(\.target).sorted(), gold: gold))
            }
            guard !sets.isEmpty else {
                throw TimelineTaskError.missing("\(directory): no corpus_N/corpus_trackA_CAT or Corpus-trial-data_task4 folder (SemEval-2015 Task 4 layout)")
            }
            return sets
        }

        /// Gold timelines keyed by target.
        static func loadGold(_ directory: String) throws -> [String: TaskTimeline] {
            var gold: [String: TaskTimeline] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".txt") {
                let timeline = try TaskTimeline(contents: String(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name), encoding: .utf8), file: name)
                // Keyed by file name: a gold title may be misspelt ("United States Air Froce").
                gold[String(name.dropLast(4))] = timeline
            }
            return gold
        }
    }

    public enum System: String, CaseIterable, Sendable {
        /// Events as `timeline{entity=}` gives them.
        case dossier
        /// Every sentence naming the target, its first event word after the
        /// name, dated by the article's date.
        case trivial
    }

    public struct TargetResult: Sendable {
        public var target: String
        public var system: TaskTimeline
        public var counts: TemporalAwareness.Counts
    }

    public let extractor: EventExtractor
    public var scope: EntityEvents.Scope = .participant
    /// Entity mentions of a text (the entity extractor, in the command).
    public let mentions: @Sendable (String) -> [Mention]

    public init(extractor: EventExtractor = EventExtractor(), mentions: @escaping @Sendable (String) -> [Mention]) {
        self.extractor = extractor
        self.mentions = mentions
    }

    public func run(_ set: Set, system: System) -> [TargetResult] {
        let timelines: [TaskTimeline]
        switch system {
        case .dossier: timelines = dossierTimelines(set)
        case .trivial: timelines = set.targets.map { trivialTimeline(set, target: $0) }
        }
        return timelines.map { timeline in
            TargetResult(target: timeline.target, system: timeline,
                         counts: set.gold[String(TaskTimeline.fileName(for: timeline.target).dropLast(4))].map { TemporalAwareness.score(system: timeline, gold: $0) } ?? TemporalAwareness.Counts())
        }
    }

    func dossierTimelines(_ set: Set) -> [TaskTimeline] {
        var documents: [Int64: TimelineTaskDocument] = [:]
        var perTarget: [String: [Event]] = [:]
        var storyDays: [Int64: DateInterval] = [:]
        for (index, document) in set.documents.enumerated() {
            let id = Int64(document.id) ?? Int64(index)
            documents[id] = document
            let tokenized = TokenizedText(text: document.text)
            let found = TimelineArticle(id: id, title: document.title, published: document.published,
                                        body: document.text, mentions: mentions(document.text))
            storyDays[id] = extractor.storyDay(of: found, tokenized: tokenized)
            // One target at a time, as `timeline{entity=}` prepares the article:
            // the names found for one target do not replace another's mentions.
            for target in set.targets.map({ TimelineTarget(name: $0) }) {
                let article = EntityEvents.prepare(found, for: [target], tokenized: tokenized)
                let names = target.entityNames(in: article)
                guard article.mentions.contains(where: { names.contains($0.entity) }) else { continue }
                let events = extractor.events(in: article, tokenized: tokenized)
                perTarget[target.name, default: []] += EntityEvents.select(events, of: target, in: article, extractor: extractor, scope: scope, names: names)
            }
        }
        return set.targets.map { target in
            taskTimeline(target: target, timeline: EventTimeline(events: perTarget[target] ?? []), documents: documents, storyDays: storyDays)
        }
    }

    /// The timeline's events as the task writes them: a line per date label,
    /// in the timeline's order from 1, and the events `taskDate` cannot place
    /// at 0 (XXXX-XX-XX); hypothetical events left out. `storyDays`: the day
    /// each article's lead names for its news (`EventExtractor.storyDay`).
    func taskTimeline(target: String, timeline: EventTimeline, documents: [Int64: TimelineTaskDocument],
                      storyDays: [Int64: DateInterval] = [:]) -> TaskTimeline {
        var lines: [TaskTimeline.Line] = []
        // Per date, the events' ids, surest first: dated by their own words,
        // then verbs, then nouns. The first event of a line is what the
        // line's BEFORE relations hang on.
        var ranked: [String: [(rank: Int, ids: [String])]] = [:]
        var order: [String] = []
        // Where each line starts: an event written at its story's day moves
        // its line before the days between that day and the publication.
        var starts: [String: Date] = [:]
        for event in timeline.events where !event.isHypothetical {
            // A future event with no date of its own stays at the report's date
            // (measured: better than ordinal 0, again in session 12, or leaving it out).
            let storyDay = event.sources.first?.articleID.flatMap { storyDays[$0] }
            let date = Self.taskDate(event, storyDay: storyDay)
            let start = storyDay.flatMap { day in date == String(EventTimeline.isoDate(day.start).prefix(10)) ? day.start : nil }
                ?? event.interval.start
            var ids: [String] = []
            for source in event.sources {
                guard let article = source.articleID, let document = documents[article], source.triggerStart > 0,
                      let token = document.token(at: source.triggerStart - 1) else { continue }
                ids.append("\(document.id)-\(token.sentence)-\(token.text)")
            }
            guard !ids.isEmpty else { continue }
            if ranked[date] == nil { order.append(date) }
            starts[date] = min(starts[date] ?? start, start)
            let rank = event.dating == .expression ? 0 : event.tense != nil ? 1 : 2
            ranked[date, default: []].append((rank, ids))
        }
        order = order.enumerated().sorted { a, b in
            let (x, y) = (starts[a.element]!, starts[b.element]!)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        for date in order {
            var ids: [String] = []
            for entry in (0...2).flatMap({ rank in ranked[date, default: []].filter { $0.rank == rank } }) {
                for id in entry.ids where !ids.contains(id) { ids.append(id) }
            }
            lines.append(TaskTimeline.Line(ordinal: 0, date: date, events: ids))
        }
        for index in lines.indices { lines[index].ordinal = index + 1 }
        if let undated = lines.firstIndex(where: { $0.date == Self.undated }) {
            var line = lines.remove(at: undated)
            line.ordinal = 0
            lines.insert(line, at: 0)
            for index in lines.indices.dropFirst() { lines[index].ordinal = index }
        }
        return TaskTimeline(target: target, lines: lines)
    }

    /// The task's date of an event. A past event its text does not date is
    /// "before <publication>" on a timeline; the task's format has no BEFORE,
    /// and the publication day it was written at contradicts the label. In a
    /// story whose lead names the day of its news ("Apple announced Friday")
    /// it is written at that day, the story's reference time, which the
    /// task's annotators give a story's undated reports; a past perfect ("had
    /// offered", "had previously hired"), told as earlier than the story's
    /// time, at XXXX-XX-XX, where the task puts what it cannot place. Measured
    /// on SemEval (docs/quality.md, "Timeline, session 12 ... second round");
    /// every "before" event at XXXX cost 5 points, the present perfects there
    /// 1.8. What `timeline{}` shows is unchanged.
    static func taskDate(_ event: Event, storyDay: DateInterval?) -> String {
        guard event.modifier == .before, event.dating == .publication else { return taskDate(event) }
        if event.tense == .past, event.trigger.lowercased().hasPrefix("had ") { return Self.undated }
        if let storyDay { return String(EventTimeline.isoDate(storyDay.start).prefix(10)) }
        return taskDate(event)
    }

    /// The task's date of an event that cannot be placed (ordinal 0).
    static let undated = "XXXX-XX-XX"

    static func taskDate(_ event: Event) -> String {
        let label = EventTimeline.isoDate(event.interval.start)
        switch event.precision {
        case .second, .minute, .hour, .partOfDay, .day: return String(label.prefix(10))
        case .week, .month: return String(label.prefix(7))
        default: return String(label.prefix(4))
        }
    }

    func trivialTimeline(_ set: Set, target: String) -> TaskTimeline {
        let name = Array(target.lowercased().split(separator: " ").map(String.init))
        var byDate: [(date: String, events: [String])] = []
        for document in set.documents {
            guard let date = document.creationTime.map({ String($0.prefix(10)) }) else { continue }
            var sentenceStart = 0
            while sentenceStart < document.tokens.count {
                let sentence = document.tokens[sentenceStart].sentence
                var end = sentenceStart
                while end < document.tokens.count, document.tokens[end].sentence == sentence { end += 1 }
                let words = document.tokens[sentenceStart..<end].map { $0.text.lowercased() }
                if let at = words.indices.first(where: { Array(words[$0...].prefix(name.count)) == name }) {
                    let after = words.indices.filter { $0 >= at + name.count } + words.indices.filter { $0 < at }.reversed()
                    if let trigger = after.first(where: { extractor.lexicon.isEvent(words[$0]) }) {
                        let id = "\(document.id)-\(sentence)-\(document.tokens[sentenceStart + trigger].text)"
                        if let index = byDate.firstIndex(where: { $0.date == date }) { byDate[index].events.append(id) } else { byDate.append((date, [id])) }
                    }
                }
                sentenceStart = end
            }
        }
        byDate.sort { $0.date < $1.date }
        return TaskTimeline(target: target, lines: byDate.enumerated().map { TaskTimeline.Line(ordinal: $0.offset + 1, date: $0.element.date, events: $0.element.events) })
    }
}
