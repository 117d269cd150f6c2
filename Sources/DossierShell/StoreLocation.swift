import Foundation

/// Where the default store lives: `$DOSSIER_STORE` when set (a path or a
/// `postgres://` URL, so a team points every command at its shared store once),
/// else `$XDG_DATA_HOME/dossier/store.sqlite`, else
/// `~/.local/share/dossier/store.sqlite` (the XDG base directory rules).
public enum StoreLocation {
    public static var defaultPath: String {
        let environment = ProcessInfo.processInfo.environment
        if let store = environment["DOSSIER_STORE"], !store.isEmpty {
            return store
        }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return data + "/dossier/store.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/dossier/store.sqlite"
    }
}
