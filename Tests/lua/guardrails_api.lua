-- Issue 14, finding 8: API guard-rails. Run by LuaScriptTests with a fresh
-- store: dossier --store TMP run Tests/lua/guardrails_api.lua SEEDS_DIR OUT_DIR
local seeds = assert(arg[1], "usage: guardrails_api.lua SEEDS_DIR OUT_DIR")

local report = store:ingest(seeds)
assert(report.added == 2, inspect(report))

local function fails(pattern, f, ...)
  local ok, message = pcall(f, ...)
  assert(not ok, "expected an error matching " .. pattern)
  assert(message:find(pattern), message)
end

-- Unknown option keys are errors, with a suggestion.
fails("unknown option 'limit' %(did you mean 'n'%?%)", entities.top, entities, {limit = 60})
fails("unknown option 'entty' %(did you mean 'entity'%?%)", timeline, {entty = "China"})
fails("unknown option 'lmit' %(did you mean 'limit'%?%)", store.search, store, "ISI", {lmit = 5})
fails("unknown option 'ancor'", dates.parse, "March 2024", {ancor = "2025-01-01"})
fails("unknown option %[1%]", entities.graph, entities, {"json"})
fails("options: window, type, n", entities.cooccur, entities, "ISI", {windw = "article"})

-- Invalid limits are rejected alike everywhere.
fails("field 'limit': expected a whole number of at least 1, got %-1", store.search, store, "ISI", {limit = -1})
fails("field 'offset': expected a whole number of at least 0", store.search, store, "ISI", {offset = -3})
fails("field 'n': expected a whole number of at least 1, got 0", entities.top, entities, {n = 0})
local isi = assert(entities:get("ISI"))
assert(not pcall(function() return isi:mentions(-1) end))
fails("expected a whole number of at least 1, got %-1", isi.mentions, isi, -1)
fails("field 'limit'", timeline, {limit = -5})

-- Analyst searches with punctuation.
assert(#store:search("U.S. tariffs") == 0)
assert(type(store:count("co-founder")) == "number")
assert(#store:search("Inter-Services") == 1)

-- Entities are accepted wherever names are.
local pakistan = assert(entities:get("Pakistan"))
assert(#entities:cooccur(pakistan) > 0)
assert(#entities:cooccur(pakistan) == #entities:cooccur("Pakistan"))
assert(entities:get(isi).id == isi.id)
assert(#entities:articles(isi) == #entities:articles("ISI"))
assert(#entities:articles(isi, pakistan) == #entities:articles("ISI", "Pakistan"))
assert(#store:search("", {mentions = {isi}}) == #store:search("", {mentions = {"ISI"}}))
assert(#timeline{entity = isi} == #timeline{entity = "ISI"})

-- Lists print readably.
local top = tostring(entities:top{n = 3})
assert(not top:find("table: 0x"), top)
assert(select(2, top:gsub("\n", "")) == 2, top)
assert(top:find("mentions? in %d+ articles?"), top)
local listing = tostring(store:search("ISI"))
assert(listing:find("^#%d+  %S+%s+%S"), listing)
assert(tostring(entities:cooccur("ISI", {n = 2})):find('name = "'), tostring(entities:cooccur("ISI", {n = 2})))
assert(tostring(store:search("zzzzunmatched")) == "{}")

-- Listings keep their columns when a field is missing.
local id = store:add{body = "An undated note about the ISI with no outlet and no title at all."}
local line = tostring(store:get(id))
assert(line:find("^#%d+  undated     %-  An undated note"), line)

print("guardrails_api.lua: all checks passed")
