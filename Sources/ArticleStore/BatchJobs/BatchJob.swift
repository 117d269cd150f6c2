import Foundation

/// What a batch job is: a name that workers join by, the articles it covers
/// (every article, or those a search selects) and a digest of the code that maps
/// them, so that a worker running other code cannot join and mix its results in.
public struct BatchJobDefinition: Hashable, Sendable {
    /// Workers that give the same name (on any machine) work on one job.
    public var name: String
    /// SHA-256 (hex) of what produces the results: the script and its arguments.
    public var codeDigest: String
    /// The articles mapped: nil for every article.
    public var selection: BatchSelection?
    /// How many article ids one range spans (ids, not articles: deleted ids
    /// leave ranges lighter). A range is the unit a worker claims and commits.
    public var rangeSize: Int

    public init(name: String, code: [UInt8], selection: BatchSelection?, rangeSize: Int = 100) {
        self.name = name
        self.codeDigest = SHA256.hex(code)
        self.selection = selection
        self.rangeSize = max(1, rangeSize)
    }

    /// What differs from a stored job of the same name, said for a message;
    /// nil when this worker may join it.
    public func difference(from stored: BatchJobDefinition) -> String? {
        if stored.codeDigest != codeDigest { return "another script or other script arguments" }
        if stored.selection != selection { return "another selection of articles" }
        if stored.rangeSize != rangeSize { return "another range size (\(stored.rangeSize))" }
        return nil
    }
}

/// The search that selects a job's articles: the text and filters of
/// `store:search` (no ranking, order or paging: a job maps every match).
public struct BatchSelection: Hashable, Sendable, Codable {
    public var text: String
    public var since: Date?
    public var until: Date?
    public var outlet: String?
    public var mentioning: [String]

    public init(text: String, since: Date? = nil, until: Date? = nil, outlet: String? = nil, mentioning: [String] = []) {
        self.text = text
        self.since = since
        self.until = until
        self.outlet = outlet
        self.mentioning = mentioning
    }

    /// The search a backend filters a range with.
    public var searchQuery: SearchQuery {
        SearchQuery(text: text, since: since, until: until, outlet: outlet, mentioning: mentioning)
    }

    /// A stable text form for the job table (compared when a worker joins).
    public var encoded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        // Encoding strings, dates and arrays of strings cannot fail.
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}

/// A job as stored: its definition, the id span its ranges cover and how it stands.
public struct BatchJob: Hashable, Sendable {
    public var id: Int64
    public var definition: BatchJobDefinition
    /// The highest article id when the job was made: articles stored later are not in it.
    public var lastArticleID: Int64
    public var rangeCount: Int
    /// Set when a map failed: the message names the article.
    public var failure: String?

    public init(id: Int64, definition: BatchJobDefinition, lastArticleID: Int64, rangeCount: Int, failure: String?) {
        self.id = id
        self.definition = definition
        self.lastArticleID = lastArticleID
        self.rangeCount = rangeCount
        self.failure = failure
    }
}

/// How `openJob` found the job.
public enum BatchJobOpening: Hashable, Sendable {
    /// Made now, every range pending.
    case created(BatchJob)
    /// Already there with the same definition: this worker joins (or resumes) it.
    case joined(BatchJob, rangesDone: Int)
}

/// A range of article ids claimed by one worker under a lease.
public struct BatchRange: Hashable, Sendable {
    public var jobID: Int64
    public var index: Int
    public var firstArticleID: Int64
    public var lastArticleID: Int64
    /// How many times the range has been claimed; a commit must carry the
    /// attempt it claimed, so a worker whose lease was taken over cannot commit.
    public var attempt: Int
    /// The worker that held it before, when this claim took over an expired lease.
    public var reclaimedFrom: String?

    public init(jobID: Int64, index: Int, firstArticleID: Int64, lastArticleID: Int64, attempt: Int, reclaimedFrom: String?) {
        self.jobID = jobID
        self.index = index
        self.firstArticleID = firstArticleID
        self.lastArticleID = lastArticleID
        self.attempt = attempt
        self.reclaimedFrom = reclaimedFrom
    }
}

/// What a worker gets when it asks for work.
public enum BatchClaim: Hashable, Sendable {
    case range(BatchRange)
    /// Nothing claimable now, but ranges are still held by live workers.
    case wait
    /// Every range is done.
    case finished
    /// A worker recorded a failure; nobody takes more work.
    case failed(String)
}

/// One article's map result: opaque bytes (the Lua layer's encoding of a value).
public struct BatchResult: Hashable, Sendable {
    public var articleID: Int64
    public var value: [UInt8]

    public init(articleID: Int64, value: [UInt8]) {
        self.articleID = articleID
        self.value = value
    }
}

public struct BatchJobProgress: Hashable, Sendable {
    public var ranges: Int
    public var rangesDone: Int
    public var articlesMapped: Int
    public var results: Int
    public var failure: String?

    public init(ranges: Int, rangesDone: Int, articlesMapped: Int, results: Int, failure: String?) {
        self.ranges = ranges
        self.rangesDone = rangesDone
        self.articlesMapped = articlesMapped
        self.results = results
        self.failure = failure
    }
}

public enum BatchJobError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A job of that name exists with other code or another selection.
    case definitionMismatch(name: String, what: String)
    /// map failed on an article: the job stops, completed ranges are kept.
    case mapFailed(articleID: Int64, message: String)
    case jobFailed(name: String, message: String)
    case store(StoreError)

    public var description: String {
        switch self {
        case .definitionMismatch(let name, let what):
            return "batch job '\(name)' exists with \(what); run with --restart to start it afresh (its results are dropped), or name another job with --job"
        case .mapFailed(let id, let message): return "map(#\(id)): \(message)"
        case .jobFailed(let name, let message): return "batch job '\(name)' failed: \(message)"
        case .store(let error): return error.description
        }
    }
}

extension BatchSelection {
    /// Reads the job table's text form back.
    public static func decode(_ text: String) throws -> BatchSelection {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(BatchSelection.self, from: Data(text.utf8))
    }
}
