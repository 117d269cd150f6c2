import Dispatch

/// What the article store asks of an attribution engine at ingest: the claims
/// in an article's body, given its entity mentions. A protocol here, so the
/// store depends on the shape of the work, not on the engine.
public protocol ClaimFinder: Sendable {
    /// Changes whenever the cue lexicon or the rules change.
    var version: String { get }
    func claims(in text: String, mentions: [Mention]) -> [Claim]
}

extension ClaimFinder {
    /// The claims of each text, found on all cores (a text per task).
    public func claims(inEach texts: [String], mentions: [[Mention]]?) -> [[Claim]] {
        var results = [[Claim]](repeating: [], count: texts.count)
        results.withUnsafeMutableBufferPointer { results in
            // Each task writes only its own element.
            nonisolated(unsafe) let results = results
            DispatchQueue.concurrentPerform(iterations: texts.count) { index in
                results[index] = claims(in: texts[index], mentions: mentions?[index] ?? [])
            }
        }
        return results
    }
}
