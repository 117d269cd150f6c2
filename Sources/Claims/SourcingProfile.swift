import DossierCore
import Foundation

/// How a text's claims are sourced: counts by source kind and role, how many
/// are hedged, and how many statements of absent evidence it makes.
public struct SourcingProfile: Sendable, Equatable {
    public var claims = 0
    public var byKind: [SourceKind: Int] = [:]
    public var byRole: [SourceRole: Int] = [:]
    public var hedged = 0
    /// Negative-evidence statements anywhere in the text, in claims or not.
    public var negativeEvidence = 0

    public init(claims: [Claim], hedges: [Hedge]) {
        self.claims = claims.count
        for claim in claims {
            byKind[claim.kind, default: 0] += 1
            if let role = claim.role { byRole[role, default: 0] += 1 }
            if claim.isHedged { hedged += 1 }
        }
        negativeEvidence = hedges.filter { $0.kind == .negativeEvidence }.count
    }

    public var hedgedShare: Double { claims == 0 ? 0 : Double(hedged) / Double(claims) }

    /// `12 claims: 3 named, 8 anonymous, 1 none; roles official 6, expert 2; hedged 4 (33%); negative evidence 1`
    public var summary: String {
        var parts = ["\(claims) claim\(claims == 1 ? "" : "s")"]
        let kinds = SourceKind.allCases.compactMap { kind in byKind[kind].map { "\($0) \(kind.rawValue)" } }
        if !kinds.isEmpty { parts[0] += ": " + kinds.joined(separator: ", ") }
        let roles = SourceRole.allCases.compactMap { role in byRole[role].map { "\(role.rawValue) \($0)" } }
        if !roles.isEmpty { parts.append("roles " + roles.joined(separator: ", ")) }
        parts.append("hedged \(hedged) (\(Int((hedgedShare * 100).rounded()))%)")
        parts.append("negative evidence \(negativeEvidence)")
        return parts.joined(separator: "; ")
    }
}

/// A filter over claims, as `store:claims{source=, kind=, role=, about=, hedged=}` asks.
public struct ClaimFilter: Sendable {
    /// Matches the source's words or its entity, case-insensitively ("ISI", "officials").
    public var source: String?
    public var kind: SourceKind?
    public var role: SourceRole?
    /// An entity or words the content mentions ("DGFI").
    public var about: String?
    public var hedged: Bool?

    public init(source: String? = nil, kind: SourceKind? = nil, role: SourceRole? = nil, about: String? = nil, hedged: Bool? = nil) {
        self.source = source
        self.kind = kind
        self.role = role
        self.about = about
        self.hedged = hedged
    }

    /// Whether `claim` of `text` passes; `entitiesInContent` are the canonical
    /// names of the entities mentioned inside its content.
    public func matches(_ claim: Claim, text: [UInt8], entitiesInContent: [String]) -> Bool {
        if let kind, claim.kind != kind { return false }
        if let role, claim.role != role { return false }
        if let hedged, claim.isHedged != hedged { return false }
        if let source {
            let written = claim.source.map { String(decoding: text[clamped($0, text.count)], as: UTF8.self) } ?? ""
            guard Self.contains(written, source) || (claim.entity.map { Self.contains($0, source) } ?? false) else { return false }
        }
        if let about {
            let inContent = claim.content.contains { Self.contains(String(decoding: text[clamped($0, text.count)], as: UTF8.self), about) }
            guard inContent || entitiesInContent.contains(where: { Self.contains($0, about) }) else { return false }
        }
        return true
    }

    /// Whether `needle` occurs in `haystack` as whole words ("ISI" is not in "visits").
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var searchRange = haystack.startIndex..<haystack.endIndex
        while let found = haystack.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive], range: searchRange) {
            let before = found.lowerBound > haystack.startIndex ? haystack[haystack.index(before: found.lowerBound)] : " "
            let after = found.upperBound < haystack.endIndex ? haystack[found.upperBound] : " "
            if !before.isLetter, !before.isNumber, !after.isLetter, !after.isNumber { return true }
            searchRange = haystack.index(after: found.lowerBound)..<haystack.endIndex
        }
        return false
    }
}

/// A span cut to a buffer of `count` bytes (stored spans are checked, not trusted).
func clamped(_ span: ByteSpan, _ count: Int) -> ByteSpan {
    let lower = min(max(0, span.lowerBound), count)
    return lower..<min(max(lower, span.upperBound), count)
}
