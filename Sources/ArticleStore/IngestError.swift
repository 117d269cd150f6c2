/// Why one input could not be ingested. The other inputs of the batch go on.
public struct IngestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (with `#n` for the n-th item of a feed or JSON Lines file).
    public var path: String
    /// 1-based line of the problem, when known.
    public var line: Int?
    public var reason: String

    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(path):\(line): \(reason)" }
        return "\(path): \(reason)"
    }
}
