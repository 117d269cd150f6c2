#include "CBenchBaseline.h"

#include <lauxlib.h>

int bench_c_increment(lua_State *L) {
    lua_pushinteger(L, luaL_checkinteger(L, 1) + 1);
    return 1;
}

int bench_c_length(lua_State *L) {
    size_t length;
    luaL_checklstring(L, 1, &length);
    lua_pushinteger(L, (lua_Integer)length);
    return 1;
}

static const char *const COUNTER_TYPE = "BenchCCounter";

typedef struct Counter {
    lua_Integer total;
} Counter;

static int counter_add(lua_State *L) {
    Counter *counter = luaL_checkudata(L, 1, COUNTER_TYPE);
    counter->total += luaL_checkinteger(L, 2);
    lua_pushinteger(L, counter->total);
    return 1;
}

void bench_c_register_counter_type(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"add", counter_add},
        {NULL, NULL},
    };
    luaL_newmetatable(L, COUNTER_TYPE);
    luaL_newlib(L, methods);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);
}

void bench_c_push_counter(lua_State *L) {
    Counter *counter = lua_newuserdatauv(L, sizeof(Counter), 0);
    counter->total = 0;
    luaL_setmetatable(L, COUNTER_TYPE);
}
