import DossierCore
import Foundation

/// A gold file of mentions in running text (the project's own
/// `eval/seeds-entities.tsv`): one row per occurrence, in reading order,
/// `file<TAB>mention<TAB>type<TAB>entity`, plus `#negative<TAB>text` lines
/// naming what must never be a mention. Matched by text, type and canonical
/// entity as multisets per file, so offsets need not be annotated by hand.
public struct MentionGold: Sendable {
    public struct Item: Hashable, Sendable {
        public var text: String
        public var type: EntityType
        public var entity: String
    }

    /// Gold mentions per file name.
    public var files: [String: [Item]]
    public var negatives: [String]

    public init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        files = [:]
        negatives = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if columns.first == "#negative", columns.count == 2 {
                negatives.append(columns[1])
                continue
            }
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard columns.count == 4, let type = EntityType(rawValue: columns[2]) else {
                throw GoldFileError(path: url.path, line: number + 1, reason: "expected file, mention, type (PERSON ORG GPE LOC NORP), entity separated by tabs")
            }
            files[columns[0], default: []].append(Item(text: columns[1], type: type, entity: columns[3]))
        }
    }

    /// What an extractor found against the gold of one or more files.
    public struct Score: Sendable {
        public var found = 0
        public var missed: [Item] = []
        public var spurious: [Item] = []
        /// Negatives that came out as mentions.
        public var negativesFound: [String] = []

        public init() {}

        public var precision: Double { found + spurious.count == 0 ? 0 : Double(found) / Double(found + spurious.count) }
        public var recall: Double { found + missed.count == 0 ? 0 : Double(found) / Double(found + missed.count) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// Scores `predicted`, the mentions of the story body of `file`, and
    /// `everywhere`, the mentions of the whole page (chrome and headlines
    /// included), checked against the negatives.
    public func score(file: String, predicted: [Mention], everywhere: [Mention], into score: inout Score) {
        var remaining = predicted.map { Item(text: $0.text, type: $0.type, entity: $0.entity) }
        for item in files[file] ?? [] {
            if let index = remaining.firstIndex(of: item) {
                remaining.remove(at: index)
                score.found += 1
            } else {
                score.missed.append(item)
            }
        }
        score.spurious += remaining
        let negativeSet = Set(negatives)
        score.negativesFound += everywhere.map(\.text).filter { negativeSet.contains($0) }
    }
}

/// A line of a gold file that cannot be read, named by file and line.
public struct GoldFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var line: Int
    public var reason: String

    public var description: String { "\(path):\(line): \(reason)" }
}
