import Dispatch

extension Array where Element: Sendable {
    /// `map` on all cores, a task per element, results in order: the batch
    /// work of ingest (mentions, claims) takes the time of its share.
    /// `transform` must be safe to call from several threads at once.
    public func concurrentMap<Result>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { results in
            // Each task writes only its own element.
            nonisolated(unsafe) let results = results
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results[index] = transform(self[index])
            }
        }
        return results.map { $0! }  // every index was written above
    }
}
