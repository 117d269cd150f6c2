/// What the article store asks of an attribution engine at ingest: the claims
/// in an article's body, given its entity mentions. A protocol here, so the
/// store depends on the shape of the work, not on the engine.
public protocol ClaimFinder: Sendable {
    /// Changes whenever the cue lexicon or the rules change.
    var version: String { get }
    func claims(in text: String, mentions: [Mention]) -> [Claim]
}
