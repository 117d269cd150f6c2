#ifndef CLUASHIM_H
#define CLUASHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <signal.h>
#include <stddef.h>
#include <pthread.h>

// Everything LuaKit needs that Swift must not do itself.
//
// Lua reports errors by longjmp. A longjmp across a Swift frame skips that frame's
// releases and deferred blocks, so Swift code never calls a raising Lua API
// function. Instead a Swift function called from Lua *returns* a status, and the
// trampoline below raises the error after the Swift frame is gone.

// Per-state bookkeeping: the allocator's userdata, and also stored in the
// state's extra space so that every thread (coroutine) reaches it cheaply.
typedef struct LuaKitControl {
    size_t used;             // bytes Lua has allocated
    size_t hostHeld;         // bytes of Swift objects Lua holds as userdata (counted against `limit`)
    size_t peak;             // highest `used` seen
    size_t limit;            // 0 = no cap
    int inHost;              // 1 while host (Swift) code runs: allocations never fail then
    volatile sig_atomic_t stopReason;  // LUAKIT_STOP_*; read by the hook
    int errorArgument;       // argument position for LUAKIT_RAISE_ARGUMENT/TYPE
    void *host;              // the Swift LuaState that owns this state (unretained)
    lua_State *mainThread;
    lua_State *runningCoroutine;  // innermost coroutine being resumed, or NULL
    pthread_mutex_t coroutineLock; // guards runningCoroutine against the watchdog
    int sandboxed;           // 1: writes only under writableDirectories (luakit_may_write)
    char **writableDirectories;  // resolved absolute paths, owned (malloc'd)
    int writableCount;
} LuaKitControl;

#define LUAKIT_STOP_NONE 0
#define LUAKIT_STOP_INTERRUPT 1
#define LUAKIT_STOP_TIMEOUT 2

// What a Swift callback returns instead of raising.
#define LUAKIT_RAISE_VALUE (-1)     // raise the value on top of the stack as it is
#define LUAKIT_RAISE_MESSAGE (-2)   // raise "chunk:line: " .. message (message on top)
#define LUAKIT_RAISE_ARGUMENT (-3)  // luaL_argerror(errorArgument, message on top)
#define LUAKIT_RAISE_TYPE (-4)      // luaL_typeerror(errorArgument, expected type name on top)

// Swift's side of the trampoline: runs the callback boxed at `box` with the Lua
// arguments on the stack, returns the number of results or a LUAKIT_RAISE_* code.
typedef int (*luakit_dispatch_fn)(lua_State *L, void *box);
// Releases a Swift object whose retained pointer was stored in Lua (by __gc).
typedef void (*luakit_release_fn)(void *object);

void luakit_set_callbacks(luakit_dispatch_fn dispatch, luakit_release_fn release);

// A new state whose allocator enforces `control->limit` (0 = none). NULL when
// out of memory.
lua_State *luakit_newstate(LuaKitControl *control);
LuaKitControl *luakit_control(lua_State *L);

// lua_pcall with the cap enforced while Lua runs and relaxed again for the host.
int luakit_pcall(lua_State *L, int nargs, int nresults, int msgh);

// A message handler for luakit_pcall: appends luaL_traceback to the message.
int luakit_traceback_handler(lua_State *L);

// Pushes a C closure that calls back into Swift. `box` is a retained pointer;
// it is released (through the release callback) when Lua collects the closure.
void luakit_push_swift_function(lua_State *L, void *box);
// The box behind a value pushed by luakit_push_swift_function, or NULL.
void *luakit_swift_function_box(lua_State *L, int index);

// Userdata carrying a retained Swift object. The metatable must come from
// luakit_new_type_metatable; its tag identifies the Swift type. `hostBytes` is
// what the object holds in Swift memory: it counts against the memory cap
// (`hostHeld`) until Lua collects the userdata.
void luakit_push_object(lua_State *L, void *object, const void *typeTag, size_t hostBytes);
// A full garbage collection, finalizers included (lua_gc is variadic: Swift
// cannot call it).
void luakit_collect_garbage(lua_State *L);
// The heap bytes of the allocation at `pointer` (a Swift object's instance).
size_t luakit_allocation_size(const void *pointer);
// The object at `index` if it is userdata of the type tagged `typeTag`, else NULL.
void *luakit_to_object(lua_State *L, int index, const void *typeTag);
// Creates (or fetches) the metatable registered as `name` for objects tagged
// `typeTag`, leaving it on the stack. Sets __gc and a hidden __metatable.
void luakit_new_type_metatable(lua_State *L, const char *name, const void *typeTag);
// An __index that looks in the methods table (upvalue 1) first and then calls
// the field getter (upvalue 2).
void luakit_push_index_with_fields(lua_State *L);

// Interrupts and time budgets: arm the hook that raises in the running code.
// Safe from a signal handler or another thread. The hook stays armed until
// luakit_clear_stop, so a pcall inside the script cannot swallow the stop.
void luakit_request_stop(lua_State *L, int reason);
void luakit_clear_stop(lua_State *L);
// SIGINT handling: while installed, Ctrl-C stops code running in `L` and
// counts the interrupts for a line editor that waits at a prompt.
void luakit_install_sigint(lua_State *L);
void luakit_uninstall_sigint(void);
int luakit_take_sigint_count(void);

// Replaces coroutine.resume / coroutine.wrap with versions that carry a pending
// stop into the coroutine they resume, so a stop also ends a loop inside one.
void luakit_patch_coroutines(lua_State *L);

// MARK: Sandbox file policy
//
// Written in C so that nothing a script can reach (string metatables, globals)
// takes part in the decision: the original io.open/io.output are kept as
// upvalues of C closures, and paths are compared after realpath().

// Marks the state sandboxed and sets the directories under which files may be
// written (copied). Directories should already be resolved (realpath).
void luakit_set_writable_directories(lua_State *L, const char *const *directories, int count);
// 1 when `path` may be opened for writing: the state is not sandboxed, or the
// path resolves (through every existing symbolic link) under a writable
// directory and does not end in a dangling symbolic link.
int luakit_may_write(lua_State *L, const char *path);
// Replaces io.open and io.output with closures that refuse writes outside the
// writable directories.
void luakit_install_sandbox_io(lua_State *L);
// Frees what luakit_set_writable_directories copied.
void luakit_free_policy(LuaKitControl *control);

// Macros of lua.h that Swift does not import.
static inline int luakit_registry_index(void) { return LUA_REGISTRYINDEX; }
static inline int luakit_upvalue_index(int i) { return lua_upvalueindex(i); }
static inline void luakit_pop(lua_State *L, int n) { lua_settop(L, -(n)-1); }
static inline const char *luakit_tostring(lua_State *L, int i, size_t *len) {
    return lua_tolstring(L, i, len);
}
static inline void luakit_insert(lua_State *L, int i) { lua_rotate(L, i, 1); }
static inline void luakit_remove(lua_State *L, int i) {
    lua_rotate(L, i, -1);
    lua_settop(L, -2);
}
static inline int luakit_is_trampoline_closure(lua_State *L, int i) {
    return luakit_swift_function_box(L, i) != NULL;
}

#endif
