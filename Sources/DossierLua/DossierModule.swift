import LuaKit

/// The `dossier` Lua module: what `require "dossier"` returns, and the globals
/// that scripts and the REPL get from it.
public enum DossierModule {
    public static let version = "0.1.0"

    /// Names of the module's parts that are also installed as globals.
    static let globalNames = ["inspect"]

    /// Help for the parts written in Lua (Swift functions carry their own).
    public static let luaDocumentation: [String: String] = [
        "inspect": """
            inspect(value [, {depth=n, width=n, indent=s}]) -> string
              A readable rendering of any value: nested tables with sorted keys,
              cycles and shared tables marked <1>{...} / <table 1>.
            """,
        "dates": """
            dates: temporal expressions, normalised TimeML-style.
              dates.parse(text [, {anchor=}])   see :help dates.parse
              dates.find(text_or_article)       see :help dates.find
            """,
        "dossier": """
            dossier: the Dossier module (also require "dossier").
              dossier.version   the version string
              dossier.inspect   see :help inspect
              dossier.open      see :help dossier.open
            """,
    ]

    /// Installs the module in `state`: `package.loaded.dossier`, the global
    /// `dossier`, the globals listed in `globalNames`, and `store`, the store at
    /// `storePath` (opened on first use).
    /// `permissions` say what scripts may change (see `ScriptPermissions`).
    public static func install(in state: LuaState, storePath: String, permissions: ScriptPermissions = .unrestricted) throws(LuaError) {
        let inspect = try state.execute(inspectSource, chunkName: "=inspect").first ?? .nil
        let module = LuaTable(in: state)
        module.set("version", version)
        module.set("inspect", inspect)
        try ListMetatable.install(in: state, inspect: inspect)
        module.set("open", StoreBindings.open(permissions: permissions))
        StoreBindings.install(in: state, defaultStorePath: storePath, permissions: permissions)
        try state.execute("""
            local module, names = ...
            package.loaded.dossier = module
            dossier = module
            for _, name in ipairs(names) do _G[name] = module[name] end
            """, chunkName: "=(dossier)", arguments: [module, globalNames])
    }
}
