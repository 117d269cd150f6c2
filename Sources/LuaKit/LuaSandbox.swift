/// Untrusted-script mode.
///
/// Removed: `os.execute`, `os.exit`, `os.remove`, `os.rename`, `os.tmpname`,
/// `io.popen`, `io.tmpfile`, the `debug` library, `package.loadlib` and the C
/// module searchers. `io.open` and `io.output` refuse to open files for writing.
/// `load`, `loadfile`, `dofile` and `require` take text chunks only, because a
/// crafted binary chunk can crash the interpreter.
///
/// The policy is written in Lua and runs before any script, holding the real
/// functions in upvalues no script can reach (the `debug` library is gone).
enum LuaSandbox {
    static func install(in state: LuaState) throws(LuaError) {
        try state.execute(policy, chunkName: "=(sandbox)")
    }

    static let policy = #"""
    local real_load, real_loadfile, real_open, real_output = load, loadfile, io.open, io.output
    local select, error, type, assert = select, error, type, assert

    for _, name in ipairs{"execute", "exit", "remove", "rename", "tmpname"} do os[name] = nil end
    io.popen, io.tmpfile = nil, nil
    debug, package.loaded.debug = nil, nil
    package.loadlib, package.cpath = nil, ""
    package.searchers[3], package.searchers[4] = nil, nil

    local function refuse(what)
      error(what .. ": not allowed in the sandbox", 3)
    end

    function io.open(path, mode)
      mode = mode or "r"
      if type(mode) ~= "string" or not mode:match("^rb?$") then
        refuse("io.open for writing")
      end
      return real_open(path, mode)
    end

    function io.output(file)
      if file ~= nil then refuse("io.output") end
      return real_output()
    end

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
        error(("error loading module '%s' from file '%s':\n\t%s"):format(name, path, reason), 2)
      end
      return chunk, path
    end
    """#
}
