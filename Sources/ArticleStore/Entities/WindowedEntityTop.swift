/// How both backends answer `entities:top` over a date window without
/// summing every article of the window.
///
/// An entity is named in a window's articles at most as often as in the whole
/// store, so the walk takes the `n` entities of largest total (the
/// `entity_count_rank` index), counts each one's articles in the window from
/// its date buckets (`DateWindowParts`), and ranks them. The answer is exact
/// once the `limit`-th of those has more window articles than the `n`-th
/// entity's total: no entity further down can reach it, not even on a tie
/// (the rank's later keys, mentions and name, only order equal article
/// counts). Otherwise `n` grows and the walk runs again.
///
/// The walk fits a window that holds a good part of the store's popular
/// entities (a year of a decade: about `limit * 10` candidates when names
/// follow a Zipf law). It does not fit a narrow window, whose `limit`-th
/// entity has a handful of articles: nearly every entity would be a
/// candidate. So a window of few rows (`Plan.directRowLimit` rows of
/// `entity_article` or fewer) is summed directly, as is any window the walk
/// has not settled by `Plan.maximumCandidates`. Both ways give the same
/// answer.
public enum WindowedEntityTop {
    /// When to sum directly and how far to walk. Tests use small figures to
    /// drive the walk through its rounds on a small store.
    public struct Plan: Hashable, Sendable {
        /// A window with at most this many `entity_article` rows is summed
        /// directly (a bounded count decides).
        public var directRowLimit: Int
        public var firstCandidates: Int
        /// The walk gives up (and the window is summed directly) when it has
        /// not settled with this many candidates.
        public var maximumCandidates: Int

        public init(directRowLimit: Int, firstCandidates: Int, maximumCandidates: Int) {
            self.directRowLimit = directRowLimit
            self.firstCandidates = firstCandidates
            self.maximumCandidates = maximumCandidates
        }

        /// 10,000 rows sum in about 10 ms on SQLite; 256 candidates settle a
        /// year of a decade's store for the top 20 in one round when names
        /// follow a Zipf law; each round takes four times as many.
        public static func standard(limit: Int) -> Plan {
            Plan(directRowLimit: 10_000, firstCandidates: min(8_192, max(256, limit * 16)), maximumCandidates: 8_192)
        }
    }

    /// `round(n)` ranks the window counts of the `n` entities of largest total
    /// and returns its best `limit` (in rank order; `windowArticles` reads a
    /// row's window article count) and the total article count of the `n`-th
    /// entity (nil when the store has fewer than `n`). Nil: the walk did not
    /// settle within the plan; sum the window directly.
    public static func walk<Row>(limit: Int, plan: Plan, windowArticles: (Row) -> Int64,
                                 round: (_ candidates: Int) throws -> (top: [Row], nthTotal: Int64?)) throws -> [Row]? {
        guard limit > 0 else { return [] }
        var candidates = max(1, plan.firstCandidates)
        while true {
            let (top, nthTotal) = try round(candidates)
            guard let nthTotal else { return top }
            if top.count >= limit, let last = top.last, windowArticles(last) > nthTotal { return top }
            guard candidates < plan.maximumCandidates else { return nil }
            candidates = min(plan.maximumCandidates, candidates * 4)
        }
    }
}
