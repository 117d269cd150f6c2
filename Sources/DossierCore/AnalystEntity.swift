/// An entity an analyst added or corrected: its name, type and other names.
///
/// Analysts know things no model does ("NSI" is Bangladesh's National Security
/// Intelligence, "Chatters" is not a person). Their entries are matched before
/// the model and gazetteers and win over both.
public struct AnalystEntity: Hashable, Sendable, Codable {
    public var name: String
    public var type: EntityType
    public var aliases: [String]

    public init(name: String, type: EntityType, aliases: [String] = []) {
        self.name = name
        self.type = type
        self.aliases = aliases
    }
}
