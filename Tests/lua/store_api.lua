-- The store's Lua API, as an analyst would use it. Run by LuaScriptTests with
-- a fresh store: dossier --store TMP run Tests/lua/store_api.lua SEEDS_DIR
local seeds = assert(arg[1], "usage: store_api.lua SEEDS_DIR")

local report = store:ingest(seeds)
assert(report.added == 2, inspect(report))
assert(report.duplicates == 0 and #report.failed == 0, inspect(report))
assert(store:ingest(seeds).duplicates == 2, "re-ingest must find duplicates")

-- get, fields, tostring
local id = report.ids[2]
local article = assert(store:get(id))
assert(article.id == id)
assert(article.title == "Pakistan and Bangladesh Quietly Rebuild Intelligence and Defence Links", article.title)
assert(article.byline == "Abhinandan Mishra", tostring(article.byline))
assert(article.published == "2025-12-28T02:22:58+05:30", tostring(article.published))
assert(article.dateline == "NEW DELHI", tostring(article.dateline))
assert(article.words > 600, article.words)
assert(#article == article.words)
assert(#article.hash == 64)
assert(tostring(article):find("^#" .. id .. "  2025%-12%-28  "), tostring(article))
-- the byline's names, typed: a person here; agency copy and desks below
assert(#article.authors == 1, inspect(article.authors))
assert(article.authors[1].name == "Abhinandan Mishra" and article.authors[1].kind == "person", inspect(article.authors))
assert(#store:get(report.ids[1]).authors == 0, "an article without a byline credits nobody")
local wire_id = store:add{title = "Wire copy", body = "Talks in Geneva ended without a deal.", byline = "By Reuters and Web Desk"}
local wire = store:get(wire_id)
assert(#wire.authors == 2, inspect(wire.authors))
assert(wire.authors[1].name == "Reuters" and wire.authors[1].kind == "organisation", inspect(wire.authors))
assert(wire.authors[2].name == "Web Desk" and wire.authors[2].kind == "desk", inspect(wire.authors))
local signed = store:search("", {author_kind = "person"})
assert(#signed == 1 and signed[1].id == id, inspect(signed))
local agency = store:search("", {author_kind = "organisation"})
assert(#agency == 1 and agency[1].id == wire_id, inspect(agency))
local ok_kind, kind_error = pcall(store.search, store, "", {author_kind = "robot"})
assert(not ok_kind and kind_error:find("author_kind", 1, true) and kind_error:find('"desk"', 1, true), kind_error)
assert(store:delete(wire_id))
-- a body in another language is flagged with it (and gives no entities)
local german_id = store:add{title = "Küken", body = "Seit dem 1. Januar ist das Kükentöten in Deutschland verboten. "
  .. "Doch das heißt noch lange nicht, dass die männlichen Küken leben dürfen und auch nicht, dass sie in der "
  .. "Eierproduktion eine Rolle spielen. Die Verbände der Landwirtschaft in NRW fordern eine Prämie, die auch gilt."}
local german = store:get(german_id)
assert(german.language == "de", tostring(german.language))
assert(#german:entities() == 0, inspect(german:entities()))
assert(store:delete(german_id))
local missing, message = store:get(9999)
assert(missing == nil and message == "no article with id 9999", message)

-- search with filters and snippets
local hits = store:search('ISI AND "defence cooperation"', {since = "2025-01-01", limit = 5})
assert(#hits == 1 and hits[1].id == id, inspect(hits))
assert(hits[1].rank > 0)
assert(hits[1]:snippet():find("%[ISI%]") or hits[1]:snippet():find("%[defence%]"), hits[1]:snippet())
assert(#store:search("Bangladesh") == 2)
assert(#store:search("Bangladesh", {to = "2025-12-26"}) == 0)
assert(#store:search("Bangladesh", {["until"] = "2025-12-28"}) == 1)
assert(#store:search("pact", {mark = {"<", ">"}}) >= 1)

-- add, duplicates, count, articles, delete
local new_id, duplicate = store:add{title = "Dhaka talks", body = "Talks in Dhaka went on.", published = "2026-01-05", outlet = "Wire"}
assert(type(new_id) == "number" and duplicate == false)
local same_id, again = store:add{title = "Dhaka talks", body = "Talks in  Dhaka went on."}
assert(same_id == new_id and again == true)
assert(store:count() == 3 and store:count("Dhaka") == 2)
local seen = 0
for a in store:articles() do seen = seen + 1 end
assert(seen == 3)
-- near-duplicates: a rewrite of a stored story is stored and linked
local original = store:get(id)
local rewrite_id = store:add{title = "Rewrite", body = "Reporting from the region: " .. original.body:gsub("officials", "sources")}
local similar = store:get(rewrite_id):similar()
assert(#similar == 1 and similar[1].article.id == id and similar[1].score >= 0.5, inspect(similar))
assert(store:delete(rewrite_id))
assert(#original:similar() == 0)

assert(store:delete(new_id) == true and store:count() == 2)
assert(store:check() == "ok")

-- misuse is an error with Lua's own message
local ok, err = pcall(function() return store:search("ISI", "recent") end)
assert(not ok and err:find("bad argument #2 to 'search' %(table expected, got string%)"), err)
ok, err = pcall(function() return store:search("ISI", {since = "someday"}) end)
assert(not ok and err:find("field 'since': unknown date 'someday'"), err)
ok, err = pcall(function() return store:search('"unbalanced') end)
assert(not ok and err:find("bad search query"), err)
ok, err = pcall(function() return store:add{title = "no body"} end)
assert(not ok and err:find("field 'body' is required"), err)

-- an article whose page looks cut off says so, in the report and on the article
assert(#article.warnings == 0, inspect(article.warnings))
local page = os.tmpname() .. ".html"
local file = assert(io.open(page, "w"))
file:write([[<html><body><article><h1>Council closes tram depot</h1>
<p>The city council voted on Tuesday to close the old Harbour Street depot by the end of next year.</p>
<p>To view the full story, please subscribe to The Harbour Times.</p></article></body></html>]])
file:close()
local paywalled = store:ingest(page)
assert(paywalled.added == 1 and #paywalled.warnings >= 1, inspect(paywalled))
assert(paywalled.warnings[1]:find(page, 1, true), paywalled.warnings[1])
local flagged = store:get(paywalled.ids[1])
local truncated = false
for _, note in ipairs(flagged.warnings) do truncated = truncated or note:find("^possibly truncated") ~= nil end
assert(truncated, inspect(flagged.warnings))
assert(not pcall(function() flagged.warnings = {} end), "warnings are read-only")
os.remove(page)

-- another store alongside
local other = dossier.open(os.tmpname() .. ".sqlite")
assert(other:count() == 0)

print("store_api.lua: all checks passed")
