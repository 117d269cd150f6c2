import Dispatch

/// What the article store asks of an entity extractor at ingest: the mentions
/// in an article's body. A protocol here, so the store depends on the shape of
/// the work, not on the extractor engine.
public protocol MentionExtractor: Sendable {
    /// Changes whenever the model or the gazetteers change, so the store knows
    /// which articles were extracted with an older one and can re-extract them.
    var version: String { get }
    /// Mentions in `text`, offsets into its UTF-8 bytes (see `Mention`).
    func mentions(in text: String) -> [Mention]
}

extension MentionExtractor {
    /// The mentions of each text, in order, found on all cores (a text per
    /// task): extractors are `Sendable` and texts independent, so a batch of
    /// articles at ingest or re-extraction takes the time of its share.
    public func mentions(inEach texts: [String]) -> [[Mention]] {
        var results = [[Mention]](repeating: [], count: texts.count)
        results.withUnsafeMutableBufferPointer { results in
            // Each task writes only its own element.
            nonisolated(unsafe) let results = results
            DispatchQueue.concurrentPerform(iterations: texts.count) { index in
                results[index] = mentions(in: texts[index])
            }
        }
        return results
    }
}
