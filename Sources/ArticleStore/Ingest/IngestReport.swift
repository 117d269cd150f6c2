/// How many outcomes of one kind an ingest had, with the first few kept as
/// examples: the report of a dump of millions of articles stays small (the
/// full list goes to `Ingestor.events`, e.g. `dossier ingest --report`).
public struct CountedSample<Element: Sendable>: Sendable, Sequence {
    public private(set) var count = 0
    public private(set) var examples: [Element] = []
    public let limit: Int

    public init(limit: Int) {
        self.limit = Swift.max(0, limit)
    }

    public mutating func append(_ element: Element) {
        count += 1
        if examples.count < limit { examples.append(element) }
    }

    public var isEmpty: Bool { count == 0 }
    public var first: Element? { examples.first }
    /// How many were counted but not kept.
    public var omitted: Int { count - examples.count }

    public func makeIterator() -> IndexingIterator<[Element]> { examples.makeIterator() }
}

public struct IngestReport: Sendable {
    public struct Duplicate: Hashable, Sendable {
        public var path: String
        public var existingID: Int64
    }
    public struct NearDuplicate: Hashable, Sendable {
        public var path: String
        public var id: Int64
        public var similarTo: [Int64]
    }
    public struct Warning: Hashable, Sendable {
        public var path: String
        public var id: Int64
        public var notes: [String]
    }
    /// Ids of the stored articles.
    public var added: CountedSample<Int64>
    /// Added articles linked to stored near-duplicates (they are stored too).
    public var nearDuplicates: CountedSample<NearDuplicate>
    public var duplicates: CountedSample<Duplicate>
    public var failed: CountedSample<IngestError>
    /// Added articles whose extracted text may not be the whole article.
    public var warnings: CountedSample<Warning>
    /// Files skipped because the store already took them in, unchanged
    /// (`Ingestor.skipsUnchangedFiles`).
    public var unchanged: CountedSample<String>
    /// Files stored with a caveat: decoded lossily (bad bytes replaced).
    public var notes: CountedSample<IngestError>
    public var filesRead = 0

    /// Keeps the first `examplesKept` outcomes of each kind.
    public init(examplesKept: Int = 10) {
        added = CountedSample(limit: examplesKept)
        nearDuplicates = CountedSample(limit: examplesKept)
        duplicates = CountedSample(limit: examplesKept)
        failed = CountedSample(limit: examplesKept)
        warnings = CountedSample(limit: examplesKept)
        unchanged = CountedSample(limit: examplesKept)
        notes = CountedSample(limit: examplesKept)
    }
}

/// What happened to one input, reported as it happens (`Ingestor.events`):
/// a killed run has already said which files failed, and `--report` keeps it.
public enum IngestEvent: Sendable {
    /// Stored (when its batch committed), with the notes on its extraction.
    case added(path: String, id: Int64, nearDuplicates: [Int64], warnings: [String])
    case duplicate(path: String, existingID: Int64)
    case failed(IngestError)
    case unchanged(path: String)
    /// The file went in with a caveat (a lossy decode).
    case note(IngestError)
}

public struct IngestProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var added: Int
}
