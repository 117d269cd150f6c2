import DossierCore
import Foundation

/// The filters of `store:claims{}` a store answers itself, on its stored
/// columns: source kind, role, hedged, and the article's publication instant
/// in [since, until) and outlet (case-insensitive in ASCII, as search's). Matching words of the source or content (which need the
/// text) is the caller's.
public struct ClaimQuery: Sendable, Equatable {
    public var kind: SourceKind?
    public var role: SourceRole?
    public var hedged: Bool?
    public var since: Date?
    public var until: Date?
    public var outlet: String?

    public init(kind: SourceKind? = nil, role: SourceRole? = nil, hedged: Bool? = nil, since: Date? = nil, until: Date? = nil,
                outlet: String? = nil) {
        self.kind = kind
        self.role = role
        self.hedged = hedged
        self.since = since
        self.until = until
        self.outlet = outlet
    }

    /// Whether an article published at `published` by `outlet` can hold passing claims.
    public func admits(published: Date?, outlet articleOutlet: String?) -> Bool {
        if since != nil || until != nil {
            guard let published else { return false }
            if let since, published < since { return false }
            if let until, published >= until { return false }
        }
        if let outlet {
            guard let articleOutlet, Self.asciiLowercased(articleOutlet) == Self.asciiLowercased(outlet) else { return false }
        }
        return true
    }

    /// Whether `claim` of an article published at `published` by `outlet` passes:
    /// the definition the store's SQL must agree with.
    public func matches(_ claim: Claim, published: Date?, outlet: String?) -> Bool {
        if let kind, claim.kind != kind { return false }
        if let role, claim.role != role { return false }
        if let hedged, claim.isHedged != hedged { return false }
        return admits(published: published, outlet: outlet)
    }

    /// SQLite's NOCASE folds A-Z only.
    static func asciiLowercased(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }
}

/// Stored claims of a range of articles that pass a `ClaimQuery`.
public struct ClaimQueryResult: Sendable, Equatable {
    /// The passing claims, by article, in text order.
    public var claims: [Int64: [Claim]]
    /// Every article in the range a claim finder analysed (passing claims or not):
    /// the others have no stored claims to filter.
    public var analysed: Set<Int64>

    public init(claims: [Int64: [Claim]] = [:], analysed: Set<Int64> = []) {
        self.claims = claims
        self.analysed = analysed
    }
}
