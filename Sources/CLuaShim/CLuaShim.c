#include "CLuaShim.h"

#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static luakit_dispatch_fn dispatchToSwift;
static luakit_release_fn releaseSwiftObject;

void luakit_set_callbacks(luakit_dispatch_fn dispatch, luakit_release_fn release) {
    dispatchToSwift = dispatch;
    releaseSwiftObject = release;
}

// MARK: - Allocation under a cap

// The cap applies only while Lua code runs. When Swift code runs (the host, or a
// Swift callback), an allocation that fails would make Lua longjmp through the
// Swift frame, so the cap is relaxed there: the host's own values are bounded by
// what Swift already holds, and the next allocation by Lua code fails instead
// (a Swift function's results are also checked when it returns: see
// `dispatchToSwift`). Swift objects held as userdata count with their
// `hostHeld` bytes.
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    LuaKitControl *control = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        control->used -= old;
        free(ptr);
        return NULL;
    }
    if (control->limit != 0 && !control->inHost && nsize > old &&
        control->used + control->hostHeld - old + nsize > control->limit) {
        return NULL;
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    control->used = control->used - old + nsize;
    if (control->used > control->peak) control->peak = control->used;
    return block;
}

static void warn_to_stderr(void *ud, const char *message, int tocont) {
    (void)ud;
    // Lua's own warnings (e.g. an error inside __gc) are diagnostics for the user.
    fputs(message, stderr);
    if (!tocont) fputc('\n', stderr);
}

lua_State *luakit_newstate(LuaKitControl *control) {
    control->used = 0;
    control->hostHeld = 0;
    control->peak = 0;
    control->inHost = 1;
    control->stopReason = LUAKIT_STOP_NONE;
    control->errorArgument = 0;
    control->runningCoroutine = NULL;
    control->sandboxed = 0;
    control->writableDirectories = NULL;
    control->writableCount = 0;
    pthread_mutex_init(&control->coroutineLock, NULL);
    lua_State *L = lua_newstate(capped_alloc, control);
    control->mainThread = L;
    if (L != NULL) {
        *(LuaKitControl **)lua_getextraspace(L) = control;
        lua_setwarnf(L, warn_to_stderr, NULL);
    }
    return L;
}

// Kept in the state's extra space, which Lua copies into every new thread: a
// load instead of a call on every Swift function call.
LuaKitControl *luakit_control(lua_State *L) {
    return *(LuaKitControl **)lua_getextraspace(L);
}

int luakit_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    LuaKitControl *control = luakit_control(L);
    int savedInHost = control->inHost;
    control->inHost = 0;
    int status = lua_pcallk(L, nargs, nresults, msgh, 0, NULL);
    control->inHost = savedInHost;
    return status;
}

int luakit_traceback_handler(lua_State *L) {
    const char *message = lua_tostring(L, 1);
    if (message == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) {
            return 1;
        }
        message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, message, 1);
    return 1;
}

// MARK: - Swift functions

static const char *const SWIFT_FUNCTION_BOX = "luakit.SwiftFunction";

static int release_box(lua_State *L) {
    void **slot = lua_touserdata(L, 1);
    if (slot != NULL && *slot != NULL) {
        void *object = *slot;
        *slot = NULL;  // a resurrected box must not release twice
        releaseSwiftObject(object);
    }
    return 0;
}

// `argumentCount` is the number of arguments the call received: the status
// values pushed by Swift sit above them.
static int raise_status(lua_State *L, int status, int argumentCount) {
    LuaKitControl *control = luakit_control(L);
    switch (status) {
    case LUAKIT_RAISE_MESSAGE:
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    case LUAKIT_RAISE_ARGUMENT:
        return luaL_argerror(L, control->errorArgument, lua_tostring(L, -1));
    case LUAKIT_RAISE_TYPE:
        if (control->errorArgument > argumentCount) {
            // The slot now holds what Swift pushed, not the missing argument.
            return luaL_argerror(L, control->errorArgument,
                                 lua_pushfstring(L, "%s expected, got no value", lua_tostring(L, -1)));
        }
        return luaL_typeerror(L, control->errorArgument, lua_tostring(L, -1));
    default:
        return lua_error(L);
    }
}

static int swift_function_trampoline(lua_State *L) {
    void **slot = lua_touserdata(L, lua_upvalueindex(1));
    LuaKitControl *control = luakit_control(L);
    int savedInHost = control->inHost;
    int argumentCount = lua_gettop(L);
    control->inHost = 1;
    int results = dispatchToSwift(L, *slot);
    control->inHost = savedInHost;
    // The Swift frame has returned: raising is safe from here on.
    if (results >= 0) return results;
    return raise_status(L, results, argumentCount);
}

void luakit_push_swift_function(lua_State *L, void *box) {
    void **slot = lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = box;
    if (luaL_newmetatable(L, SWIFT_FUNCTION_BOX)) {
        lua_pushcfunction(L, release_box);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
    lua_pushcclosure(L, swift_function_trampoline, 1);
}

void *luakit_swift_function_box(lua_State *L, int index) {
    if (lua_tocfunction(L, index) != swift_function_trampoline) return NULL;
    // lua_getupvalue does not raise; the upvalue is our box userdata.
    if (lua_getupvalue(L, index, 1) == NULL) return NULL;
    void **slot = lua_touserdata(L, -1);
    lua_settop(L, -2);
    return slot ? *slot : NULL;
}

// MARK: - Swift objects as userdata

// The metatable field holding the type tag; a light userdata key cannot collide
// with any string key a script might see.
static const char TYPE_TAG_KEY = 0;

typedef struct ObjectSlot {
    void *object;
    size_t hostBytes;  // charged to the control's hostHeld while the slot holds the object
} ObjectSlot;

static int release_object(lua_State *L) {
    ObjectSlot *slot = lua_touserdata(L, 1);
    if (slot != NULL && slot->object != NULL) {
        void *object = slot->object;
        slot->object = NULL;
        LuaKitControl *control = luakit_control(L);
        control->hostHeld -= slot->hostBytes;
        slot->hostBytes = 0;
        releaseSwiftObject(object);
    }
    return 0;
}

void luakit_new_type_metatable(lua_State *L, const char *name, const void *typeTag) {
    if (luaL_newmetatable(L, name)) {
        lua_pushlightuserdata(L, (void *)typeTag);
        lua_rawsetp(L, -2, &TYPE_TAG_KEY);
        lua_pushcfunction(L, release_object);
        lua_setfield(L, -2, "__gc");
        lua_pushstring(L, name);
        lua_setfield(L, -2, "__metatable");
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, typeTag);
    }
}

void luakit_push_object(lua_State *L, void *object, const void *typeTag, size_t hostBytes) {
    ObjectSlot *slot = lua_newuserdatauv(L, sizeof(ObjectSlot), 0);
    slot->object = object;
    slot->hostBytes = hostBytes;
    luakit_control(L)->hostHeld += hostBytes;
    // The metatable is found by tag through the registry (set by the type's
    // registration), keyed by the tag pointer to avoid a string lookup.
    lua_rawgetp(L, LUA_REGISTRYINDEX, typeTag);
    lua_setmetatable(L, -2);
}

void luakit_collect_garbage(lua_State *L) {
    lua_gc(L, LUA_GCCOLLECT);
}

size_t luakit_allocation_size(const void *pointer) {
    return malloc_usable_size((void *)pointer);
}

void *luakit_to_object(lua_State *L, int index, const void *typeTag) {
    ObjectSlot *slot = lua_touserdata(L, index);
    if (slot == NULL || lua_type(L, index) != LUA_TUSERDATA) return NULL;
    if (!lua_getmetatable(L, index)) return NULL;
    lua_rawgetp(L, -1, &TYPE_TAG_KEY);
    const void *tag = lua_touserdata(L, -1);
    lua_settop(L, -3);
    return tag == typeTag ? slot->object : NULL;
}

static int index_with_fields(lua_State *L) {
    // upvalue 1: methods table; upvalue 2: field getter (a Swift function).
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

void luakit_push_index_with_fields(lua_State *L) {
    lua_pushcclosure(L, index_with_fields, 2);
}

// MARK: - Stopping running code

static void stop_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    LuaKitControl *control = luakit_control(L);
    switch (control->stopReason) {
    case LUAKIT_STOP_INTERRUPT:
        luaL_error(L, "interrupted!");
        break;
    case LUAKIT_STOP_TIMEOUT:
        luaL_error(L, "timeout: time budget exceeded");
        break;
    default:
        break;
    }
}

static void arm_hook(lua_State *L) {
    lua_sethook(L, stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

void luakit_request_stop(lua_State *L, int reason) {
    LuaKitControl *control = luakit_control(L);
    control->stopReason = reason;
    arm_hook(control->mainThread);
    // From a signal handler the lock may be held by the interrupted code itself:
    // never wait for it. The resume wrapper arms the coroutine when it returns.
    if (pthread_mutex_trylock(&control->coroutineLock) == 0) {
        if (control->runningCoroutine != NULL) arm_hook(control->runningCoroutine);
        pthread_mutex_unlock(&control->coroutineLock);
    }
}

// Only our own hook is removed: a script's debug.sethook stays in place.
static void disarm_hook(lua_State *L) {
    if (lua_gethook(L) == stop_hook) lua_sethook(L, NULL, 0, 0);
}

void luakit_clear_stop(lua_State *L) {
    LuaKitControl *control = luakit_control(L);
    control->stopReason = LUAKIT_STOP_NONE;
    disarm_hook(control->mainThread);
}

static lua_State *volatile sigintTarget;
static volatile sig_atomic_t sigintCount;
static struct sigaction previousSigint;

static void on_sigint(int signal) {
    (void)signal;
    sigintCount++;
    lua_State *L = sigintTarget;
    if (L != NULL) luakit_request_stop(L, LUAKIT_STOP_INTERRUPT);
}

void luakit_install_sigint(lua_State *L) {
    sigintTarget = L;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a prompt waiting in select() must wake up
    sigaction(SIGINT, &action, &previousSigint);
    // A parent may have started us with SIGINT blocked; Ctrl-C must get through.
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &interrupt, NULL);
}

void luakit_uninstall_sigint(void) {
    sigintTarget = NULL;
    sigaction(SIGINT, &previousSigint, NULL);
}

int luakit_take_sigint_count(void) {
    int count = sigintCount;
    sigintCount = 0;
    return count;
}

// MARK: - Coroutines that can be stopped

// lua_sethook is per thread. A stop armed on the main thread alone would let an
// endless loop inside a coroutine run on, so resume records the coroutine it runs
// (for luakit_request_stop) and hands a pending stop on in both directions.
static int resume_tracked(lua_State *L, lua_State *co, int nargs) {
    LuaKitControl *control = luakit_control(L);
    if (!lua_checkstack(co, nargs)) {
        lua_pushliteral(L, "too many arguments to resume");
        return -1;
    }
    lua_xmove(L, co, nargs);
    pthread_mutex_lock(&control->coroutineLock);
    lua_State *previous = control->runningCoroutine;
    control->runningCoroutine = co;
    if (control->stopReason != LUAKIT_STOP_NONE) arm_hook(co);
    else disarm_hook(co);
    pthread_mutex_unlock(&control->coroutineLock);

    int nresults = 0;
    int status = lua_resume(co, L, nargs, &nresults);

    pthread_mutex_lock(&control->coroutineLock);
    control->runningCoroutine = previous;
    if (control->stopReason != LUAKIT_STOP_NONE) arm_hook(L);
    else disarm_hook(co);
    pthread_mutex_unlock(&control->coroutineLock);

    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nresults + 1)) {
            lua_settop(co, -nresults - 1);
            lua_pushliteral(L, "too many results to resume");
            return -1;
        }
        lua_xmove(co, L, nresults);
        return nresults;
    }
    lua_xmove(co, L, 1);
    return -1;
}

static int tracked_resume(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co, 1, "coroutine");
    int r = resume_tracked(L, co, lua_gettop(L) - 1);
    if (r < 0) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushboolean(L, 1);
    lua_insert(L, -(r + 1));
    return r + 1;
}

static int tracked_wrap_call(lua_State *L) {
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int r = resume_tracked(L, co, lua_gettop(L));
    if (r < 0) {
        int status = lua_status(co);
        if (status != LUA_OK && status != LUA_YIELD) {
            status = lua_resetthread(co);  // close its to-be-closed variables
            lua_xmove(co, L, 1);
        }
        if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    return r;
}

static int tracked_wrap(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, tracked_wrap_call, 1);
    return 1;
}

void luakit_patch_coroutines(lua_State *L) {
    if (lua_getglobal(L, "coroutine") == LUA_TTABLE) {
        lua_pushcfunction(L, tracked_resume);
        lua_setfield(L, -2, "resume");
        lua_pushcfunction(L, tracked_wrap);
        lua_setfield(L, -2, "wrap");
    }
    lua_settop(L, -2);
}

// MARK: - Sandbox file policy

void luakit_free_policy(LuaKitControl *control) {
    for (int i = 0; i < control->writableCount; i++) free(control->writableDirectories[i]);
    free(control->writableDirectories);
    control->writableDirectories = NULL;
    control->writableCount = 0;
}

void luakit_set_writable_directories(lua_State *L, const char *const *directories, int count) {
    LuaKitControl *control = luakit_control(L);
    luakit_free_policy(control);
    control->sandboxed = 1;
    if (count <= 0) return;
    control->writableDirectories = calloc((size_t)count, sizeof(char *));
    if (control->writableDirectories == NULL) return;
    for (int i = 0; i < count; i++) {
        char *copy = strdup(directories[i]);
        if (copy == NULL) break;
        control->writableDirectories[control->writableCount++] = copy;
    }
}

// Resolves `absolute` (an absolute path) as the file a write would reach: the
// deepest existing ancestor through realpath, then the components that do not
// exist yet, which may not be "." or "..". NULL when that cannot be decided
// safely. The result is malloc'd.
static char *resolve_for_write(const char *absolute, int depth) {
    if (depth > 256) return NULL;
    char *resolved = realpath(absolute, NULL);
    if (resolved != NULL) return resolved;
    if (errno != ENOENT) return NULL;
    struct stat info;
    // Something is there (a dangling symbolic link): writing would create its target.
    if (lstat(absolute, &info) == 0) return NULL;
    const char *slash = strrchr(absolute, '/');
    if (slash == NULL) return NULL;
    const char *name = slash + 1;
    if (*name == '\0' || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) return NULL;
    size_t parentLength = (size_t)(slash - absolute);
    char *parent = malloc(parentLength + 2);
    if (parent == NULL) return NULL;
    if (parentLength == 0) {
        strcpy(parent, "/");
    } else {
        memcpy(parent, absolute, parentLength);
        parent[parentLength] = '\0';
    }
    char *resolvedParent = resolve_for_write(parent, depth + 1);
    free(parent);
    if (resolvedParent == NULL) return NULL;
    size_t length = strlen(resolvedParent) + 1 + strlen(name) + 1;
    char *result = malloc(length);
    if (result != NULL) {
        int hasSlash = resolvedParent[strlen(resolvedParent) - 1] == '/';
        snprintf(result, length, hasSlash ? "%s%s" : "%s/%s", resolvedParent, name);
    }
    free(resolvedParent);
    return result;
}

static int is_within(const char *path, const char *directory) {
    size_t length = strlen(directory);
    if (length > 0 && directory[length - 1] == '/') length--;
    if (strncmp(path, directory, length) != 0) return 0;
    return path[length] == '\0' || path[length] == '/';
}

int luakit_may_write(lua_State *L, const char *path) {
    LuaKitControl *control = luakit_control(L);
    if (!control->sandboxed) return 1;
    if (path == NULL || *path == '\0' || control->writableCount == 0) return 0;
    char *absolute;
    if (path[0] == '/') {
        absolute = strdup(path);
    } else {
        char *cwd = getcwd(NULL, 0);
        if (cwd == NULL) return 0;
        size_t length = strlen(cwd) + 1 + strlen(path) + 1;
        absolute = malloc(length);
        if (absolute != NULL) snprintf(absolute, length, "%s/%s", cwd, path);
        free(cwd);
    }
    if (absolute == NULL) return 0;
    char *target = resolve_for_write(absolute, 0);
    free(absolute);
    if (target == NULL) return 0;
    int allowed = 0;
    for (int i = 0; i < control->writableCount && !allowed; i++) {
        allowed = is_within(target, control->writableDirectories[i]);
    }
    free(target);
    return allowed;
}

static int refuse_write(lua_State *L, const char *what, const char *path) {
    luaL_where(L, 1);
    lua_pushfstring(L, "%s: not allowed in the sandbox ('%s' is outside every --allow-write directory)", what, path);
    lua_concat(L, 2);
    return lua_error(L);
}

// Calls the original function (upvalue 1) with this call's arguments.
static int call_original(lua_State *L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static int sandboxed_open(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    const char *mode = luaL_optstring(L, 2, "r");
    int reading = strcmp(mode, "r") == 0 || strcmp(mode, "rb") == 0;
    if (!reading && !luakit_may_write(L, path)) return refuse_write(L, "io.open for writing", path);
    return call_original(L);
}

static int sandboxed_output(lua_State *L) {
    // A file handle was opened through io.open, which already applied the policy.
    if (lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER) {
        const char *path = lua_tostring(L, 1);
        if (!luakit_may_write(L, path)) return refuse_write(L, "io.output", path);
    }
    return call_original(L);
}

void luakit_install_sandbox_io(lua_State *L) {
    if (lua_getglobal(L, "io") == LUA_TTABLE) {
        lua_getfield(L, -1, "open");
        lua_pushcclosure(L, sandboxed_open, 1);
        lua_setfield(L, -2, "open");
        lua_getfield(L, -1, "output");
        lua_pushcclosure(L, sandboxed_output, 1);
        lua_setfield(L, -2, "output");
    }
    lua_settop(L, -2);
}
