import CLuaShim
import Foundation

/// Untrusted-script mode.
///
/// Removed: `os.execute`, `os.exit`, `os.remove`, `os.rename`, `os.tmpname`,
/// `io.popen`, `io.tmpfile`, the `debug` library, `package.loadlib` and the C
/// module searchers. `io.open` and `io.output` refuse to open files for writing
/// except under the writable directories (`Options.writableDirectories`).
/// `load`, `loadfile`, `dofile` and `require` take text chunks only, because a
/// crafted binary chunk can crash the interpreter.
///
/// The file policy is in C (`luakit_install_sandbox_io`): it decides on the
/// resolved path with no Lua value a script can replace taking part (a check
/// written in Lua would call `mode:match` through the string metatable, which a
/// script controls). The rest runs in Lua before any script, holding the real
/// functions in upvalues no script can reach (the `debug` library is gone) and
/// calling nothing through a metatable.
enum LuaSandbox {
    static func install(in state: LuaState, writableDirectories: [String]) throws(LuaError) {
        var resolved: [String] = []
        for directory in writableDirectories {
            guard let real = realpath(directory, nil) else {
                throw LuaError.file(path: directory, reason: "cannot allow writing here: no such directory")
            }
            resolved.append(String(cString: real))
            free(real)
        }
        withCStringArray(resolved) { pointers in
            luakit_set_writable_directories(state.L, pointers.baseAddress, Int32(pointers.count))
        }
        luakit_install_sandbox_io(state.L)
        try state.execute(policy, chunkName: "=(sandbox)")
    }

    static let policy = #"""
    local real_load, real_loadfile = load, loadfile
    local select, error, assert, format = select, error, assert, string.format

    for _, name in ipairs{"execute", "exit", "remove", "rename", "tmpname"} do os[name] = nil end
    io.popen, io.tmpfile = nil, nil
    debug, package.loaded.debug = nil, nil
    package.loadlib, package.cpath = nil, ""
    package.searchers[3], package.searchers[4] = nil, nil

    -- load(chunk, name, mode, env): `env` given as nil differs from no `env`.
    function load(chunk, name, _, ...)
      if select("#", ...) > 0 then return real_load(chunk, name, "t", (...)) end
      return real_load(chunk, name, "t")
    end

    function loadfile(path, _, ...)
      if select("#", ...) > 0 then return real_loadfile(path, "t", (...)) end
      return real_loadfile(path, "t")
    end

    function dofile(path)
      local chunk = assert(real_loadfile(path, "t"))
      return chunk()
    end

    -- The Lua-file searcher, text chunks only.
    package.searchers[2] = function(name)
      local path, message = package.searchpath(name, package.path)
      if not path then return "\n\t" .. message end
      local chunk, reason = real_loadfile(path, "t")
      if not chunk then
        error(format("error loading module '%s' from file '%s':\n\t%s", name, path, reason), 2)
      end
      return chunk, path
    end
    """#
}

/// Calls `body` with NUL-terminated copies of `strings`, valid during the call.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) }
    return pointers.withUnsafeBufferPointer(body)
}
