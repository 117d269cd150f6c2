/// The temporal-awareness score of SemEval-2015 Task 4 (UzZaman and Allen's
/// metric from TempEval-3), on timelines in the task's format.
///
/// A timeline is read as a graph: events on one line are SIMULTANEOUS with
/// each other and with the line's date (a node of its own when the date starts
/// with a year), and every line is BEFORE the next. The graph is reduced to
/// the relations that imply all others (a chain through each line, one BEFORE
/// from the first event of a line to the first event of the next), and
///
///   precision = reduced system relations implied by the gold closure / reduced system relations
///   recall    = reduced gold relations implied by the system closure / reduced gold relations
///
/// summed over all targets before dividing (micro-average). Event ids are
/// compared on "DOC-SENTENCE-FIRSTWORD", lower-cased: the gold writes some
/// multi-word events joined by "_" ("take_away"). Ordinal 0 (events the
/// annotators could not place) is an ordinary first line, as in the task's
/// scorer, which converts timelines to TimeML and scores them with
/// TempEval-3's tool.
public enum TemporalAwareness {
    public struct Counts: Hashable, Sendable {
        public var systemRelations = 0
        public var systemImplied = 0
        public var goldRelations = 0
        public var goldImplied = 0

        public init() {}

        public var precision: Double { systemRelations == 0 ? 0 : Double(systemImplied) / Double(systemRelations) }
        public var recall: Double { goldRelations == 0 ? 0 : Double(goldImplied) / Double(goldRelations) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        public static func + (a: Counts, b: Counts) -> Counts {
            var sum = a
            sum.systemRelations += b.systemRelations
            sum.systemImplied += b.systemImplied
            sum.goldRelations += b.goldRelations
            sum.goldImplied += b.goldImplied
            return sum
        }
    }

    enum Relation: Hashable {
        case simultaneous(String, String)
        case before(String, String)
    }

    /// A timeline as positions: node -> rank of its line.
    struct Graph {
        var rank: [String: Int] = [:]
        var reduced: [Relation] = []

        init(_ timeline: TaskTimeline) {
            // Lines sharing an ordinal are one position (the gold splits some).
            var positions: [(ordinal: Int, members: [String])] = []
            for line in timeline.lines.sorted(by: { $0.ordinal < $1.ordinal }) {
                if positions.last?.ordinal != line.ordinal { positions.append((line.ordinal, [])) }
                // "2005-01-XX" and "2005-01" are one month.
                var date = Substring(line.date)
                while date.hasSuffix("-XX") || date.hasSuffix("-xx") { date = date.dropLast(3) }
                let dateNode = "date:" + date
                if date.first?.isNumber == true, rank[dateNode] == nil, !positions[positions.count - 1].members.contains(dateNode) {
                    positions[positions.count - 1].members.append(dateNode)
                }
                for event in line.events {
                    let id = TemporalAwareness.key(event)
                    if rank[id] == nil, !positions[positions.count - 1].members.contains(id) { positions[positions.count - 1].members.append(id) }
                }
                // Register as we go, so an event listed twice keeps its first place.
                for member in positions[positions.count - 1].members { rank[member] = positions.count - 1 }
            }
            var firstEvents: [String] = []
            for (index, position) in positions.enumerated() {
                // A date node first, then the events: a chain of SIMULTANEOUS.
                let members = position.members.filter { $0.hasPrefix("date:") } + position.members.filter { !$0.hasPrefix("date:") }
                guard let first = members.first(where: { !$0.hasPrefix("date:") }) else {
                    for member in members { rank[member] = nil }
                    continue
                }
                for member in members { rank[member] = index }
                for pair in zip(members, members.dropFirst()) { reduced.append(.simultaneous(pair.0, pair.1)) }
                firstEvents.append(first)
            }
            for pair in zip(firstEvents, firstEvents.dropFirst()) { reduced.append(.before(pair.0, pair.1)) }
        }

        func implies(_ relation: Relation) -> Bool {
            switch relation {
            case .simultaneous(let a, let b):
                guard let x = rank[a], let y = rank[b] else { return false }
                return x == y
            case .before(let a, let b):
                guard let x = rank[a], let y = rank[b] else { return false }
                return x < y
            }
        }
    }

    public static func score(system: TaskTimeline?, gold: TaskTimeline) -> Counts {
        let goldGraph = Graph(gold)
        let systemGraph = system.map(Graph.init)
        var counts = Counts()
        counts.goldRelations = goldGraph.reduced.count
        if let systemGraph {
            counts.systemRelations = systemGraph.reduced.count
            counts.systemImplied = systemGraph.reduced.filter(goldGraph.implies).count
            counts.goldImplied = goldGraph.reduced.filter(systemGraph.implies).count
        }
        return counts
    }

    static func key(_ event: String) -> String {
        let parts = event.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return event.lowercased() }
        let word = parts[2].split(separator: "_", omittingEmptySubsequences: false).first ?? parts[2]
        return "\(parts[0])-\(parts[1])-\(word)".lowercased()
    }
}
