-- The entity API, as an analyst would use it. Run by LuaScriptTests with a
-- fresh store: dossier --store TMP run Tests/lua/entities_api.lua SEEDS_DIR OUT_DIR
local seeds = assert(arg[1], "usage: entities_api.lua SEEDS_DIR OUT_DIR")
local out = assert(arg[2], "usage: entities_api.lua SEEDS_DIR OUT_DIR")

local report = store:ingest(seeds)
assert(report.added == 2, inspect(report))
local guardian = assert(store:get(report.ids[2]))

-- extract: offsets work with string.sub, types and canonical names
local text = "Pakistan's Inter-Services Intelligence (ISI) met Bangladeshi officials in NEW DELHI. The ISI said little."
local mentions = extract(text)
assert(#mentions > 0)
for _, m in ipairs(mentions) do
  assert(text:sub(m.start, m.stop) == m.text, tostring(m))
end
local by_text = {}
for _, m in ipairs(mentions) do by_text[m.text] = by_text[m.text] or m end
assert(by_text["Pakistan"] and by_text["Pakistan"].type == "GPE", inspect(by_text))
assert(by_text["Bangladeshi"].type == "NORP" and by_text["Bangladeshi"].entity == "Bangladesh", tostring(by_text["Bangladeshi"]))
assert(by_text["ISI"].entity == "Inter-Services Intelligence", tostring(by_text["ISI"]))
assert(tostring(by_text["ISI"]):find("ISI  ORG  %-> Inter%-Services Intelligence"), tostring(by_text["ISI"]))
local bad_ok, bad_message = pcall(extract, 42)
assert(not bad_ok and bad_message:find("bad argument #1 to 'extract' %(string or Article expected"), bad_message)

-- article:entities(): stored at ingest, named store-wide
-- (title, subtitle, byline and dateline too: offsets into m.field)
local stored = guardian:entities()
assert(#stored > 10, #stored)
local fields = {}
for _, m in ipairs(stored) do
  assert(guardian[m.field]:sub(m.start, m.stop) == m.text, tostring(m))
  assert(m.article == guardian.id)
  fields[m.field] = (fields[m.field] or 0) + 1
end
assert(fields.body > 10 and fields.subtitle, tostring(fields.subtitle))
assert(stored[1].field ~= "body", tostring(stored[1]))

-- get: by name or alias, case-insensitively
local isi = assert(entities:get("isi"))
assert(isi.name == "Inter-Services Intelligence" and isi.type == "ORG", tostring(isi))
assert(isi.articles == 1 and isi.count >= 2, tostring(isi))
local dgfi = assert(entities:get("Directorate General of Forces Intelligence"))
assert(entities:get("DGFI").id == dgfi.id)
local none, message = entities:get("Nobody At All")
assert(none == nil and message == "no entity named 'Nobody At All'")
assert(#isi:mentions() == isi.count)
-- get and find also go by how an article wrote a name ("Bangladeshi" for Bangladesh)
assert(entities:get("bangladeshi").name == "Bangladesh")
local found = entities:find("ISI")
assert(#found >= 1 and found[1].id == isi.id, #found)
assert(#entities:find("Nobody At All") == 0)

-- top: Pakistan and Bangladesh lead; type and date filters
local top = entities:top{n = 3}
local names = {}
for _, e in ipairs(top) do names[e.name] = true end
assert(names["Pakistan"] and names["Bangladesh"], inspect(names))
for _, e in ipairs(entities:top{type = "ORG", n = 20}) do
  assert(e.type == "ORG")
  assert(e.name ~= "Officials" and e.name ~= "Analysts" and e.name ~= "Unlock" and e.name ~= "Home", e.name)
end
assert(#entities:top{since = "2026-01-01"} == 0)
local type_ok, type_message = pcall(entities.top, entities, {type = "THING"})
assert(not type_ok and type_message:find("field 'type': expected PERSON, ORG, GPE, LOC or NORP"), type_message)

-- co-occurrence and articles mentioning both
local with_isi = entities:cooccur("ISI", {window = "sentence"})
local partners = {}
for _, c in ipairs(with_isi) do partners[c.name] = c.count end
assert(partners["Pakistan"] and partners["Pakistan"] >= 1, inspect(partners))
local both = entities:articles("ISI", "DGFI", {since = "2025-04-01"})
assert(#both == 1 and both[1].id == guardian.id)
assert(#store:search("", {mentions = {"Pakistan", "Bangladesh"}}) == 2)

-- the graph in three formats
local graphml = entities:graph{format = "graphml", n = 10}
assert(graphml:find("<graphml") and graphml:find("<edge"), graphml:sub(1, 200))
assert(entities:graph{format = "dot"}:find("^graph entities {"))
local path = entities:graph{path = out .. "/entities.json"}
local file = assert(io.open(path))
assert(file:read("a"):find('"links"'))
file:close()

-- analyst additions win and apply to stored articles at once
local added = entities:add{name = "Chatters", type = "PERSON"}
assert(added.type == "PERSON" and added.analyst == true and added.count >= 1, tostring(added))
local nsi = entities:alias("National Security Intelligence", "NSI Bangladesh")
assert(nsi.analyst == true)
local found_alias = false
for _, alias in ipairs(nsi.aliases) do found_alias = found_alias or alias == "NSI Bangladesh" end
assert(found_alias, inspect(nsi.aliases))
assert(entities:get("nsi bangladesh").id == nsi.id)
local corrected = entities:add{name = "ITV Network Ltd", type = "ORG", aliases = {"ITV Network"}}
assert(corrected.type == "ORG")
local after = extract("Chatters within the army spoke.")
assert(after[1] and after[1].text == "Chatters" and after[1].type == "PERSON" and after[1].source == "analyst", inspect(after))

-- and their removals: a false positive goes from the store and from extract()
assert(entities:remove("Chatters") == 1)
assert(entities:get("Chatters") == nil)
for _, m in ipairs(extract("Chatters within the army spoke.")) do assert(m.text ~= "Chatters", tostring(m)) end

-- re-extraction after a model change is one call
assert(entities:reextract() == 0)
assert(entities:reextract{all = true} == 2)
assert(entities:get("ISI").id)

print("entities_api.lua: all checks passed")
