import ArticleStore
import LuaKit

/// What the Dossier API lets a script change, on top of the Lua sandbox's file
/// policy (`LuaState.mayWrite`). Outside the sandbox everything is allowed; in
/// it, the store is read-only unless the analyst allowed writes, ingest reads
/// only under the directories the analyst named, and `dossier.open` never
/// creates or converts a file. docs/security.md describes each mode.
public struct ScriptPermissions: Sendable {
    /// store:add/delete/ingest, entities:add/remove/alias/reextract.
    public var storeWrites: Bool
    /// Whether `dossier.open` may make a new store where no file exists.
    public var opensNewStores: Bool
    /// Directories `store:ingest` may read under; nil for anywhere.
    public var ingestRoots: [String]?

    public init(storeWrites: Bool, opensNewStores: Bool, ingestRoots: [String]?) {
        self.storeWrites = storeWrites
        self.opensNewStores = opensNewStores
        self.ingestRoots = ingestRoots
    }

    public static let unrestricted = ScriptPermissions(storeWrites: true, opensNewStores: true, ingestRoots: nil)

    /// The sandbox: writes to the store only when allowed, ingest only from
    /// `ingestRoots` (none: no ingest).
    public static func sandbox(storeWrites: Bool, ingestRoots: [String]) -> ScriptPermissions {
        ScriptPermissions(storeWrites: storeWrites, opensNewStores: false, ingestRoots: ingestRoots)
    }
}

/// A refusal by the sandbox, raised as a Lua error at the caller's line.
struct SandboxRefusal: Error, CustomStringConvertible {
    let description: String

    static func storeWrite(_ operation: String) -> SandboxRefusal {
        SandboxRefusal(description: "\(operation): not allowed in the sandbox (the store is read-only; allow writes with --allow-store-writes)")
    }

    static func fileWrite(_ operation: String, path: String) -> SandboxRefusal {
        SandboxRefusal(description: "\(operation): not allowed in the sandbox ('\(path)' is outside every --allow-write directory)")
    }
}

/// Writes an export for a script, creating the folders on its path
/// ("out/timeline.html"), if the sandbox allows writing there.
func writeExport(_ text: String, to path: String, operation: String, call: LuaCall) throws {
    guard call.stack.state.mayWrite(path) else { throw SandboxRefusal.fileWrite(operation, path: path) }
    try writeCreatingDirectories(text, to: path)
}
