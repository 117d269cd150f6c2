#ifndef CBENCHBASELINE_H
#define CBENCHBASELINE_H

#include <lua.h>

// Hand-written C bindings, as a C programmer would write them against the plain
// Lua API: the reference that LuaKit's Swift bindings are measured against.

// increment(n) -> n + 1
int bench_c_increment(lua_State *L);

// length(s) -> #s
int bench_c_length(lua_State *L);

// Registers the metatable of the C counter userdata: methods in an __index
// table, the receiver checked with luaL_checkudata.
void bench_c_register_counter_type(lua_State *L);

// Pushes a new C counter (0); counter:add(n) adds n and returns the new total.
void bench_c_push_counter(lua_State *L);

#endif
