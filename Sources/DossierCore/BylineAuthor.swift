/// One name a byline credits, with what kind of author it is, so an analyst
/// can tell a reporter's story from agency copy or an unsigned desk item:
/// "By Jane Doe and John Roe" credits two people, "Reuters" or "Dawn.com" an
/// organisation, "Staff Reporter" or "Web Desk" a desk.
public struct BylineAuthor: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// A named person: "Jane Doe".
        case person
        /// A named organisation: a news agency, an outlet, a company
        /// ("Reuters", "AP", "Dawn.com").
        case organisation
        /// A credit to a newsroom's staff that names nobody: a desk, a
        /// bureau, a role ("Web Desk", "Staff Reporter", "Our Correspondent").
        case desk
        /// A name without cues either way (a single unlisted word, a handle).
        case unknown
    }

    /// The name as the byline writes it, spaces collapsed.
    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
