-- The dates and timeline API, as an analyst would use it. Run by LuaScriptTests
-- with a fresh store: dossier --store TMP run Tests/lua/timeline_api.lua SEEDS_DIR OUT_DIR
local seeds = assert(arg[1], "usage: timeline_api.lua SEEDS_DIR OUT_DIR")
local out = assert(arg[2], "usage: timeline_api.lua SEEDS_DIR OUT_DIR")
store:ingest(seeds)

-- dates.parse: TimeML values, intervals and precision
local april = assert(dates.parse("April 2025"))
assert(april.type == "DATE" and april.value == "2025-04" and april.precision == "month", inspect(april))
assert(april.from == "2025-04-01" and april.to == "2025-05-01", inspect(april))
local early = assert(dates.parse("the early 2010s", {anchor = "2025-12-28"}))
assert(early.value == "201", inspect(early))
assert(early.modifier == "START" and early.from:sub(1, 4) == "2010", inspect(early))
local gap = assert(dates.parse("nearly 15 years"))
assert(gap.type == "DURATION" and gap.value == "P15Y" and gap.modifier == "APPROX", inspect(gap))
assert(gap.duration.amount == 15 and gap.duration.unit == "year" and gap.duration.approximate, inspect(gap))
local ago = assert(dates.parse("two years ago", {anchor = "2025-12-28"}))
assert(ago.value == "2023", inspect(ago))
local nothing, why = dates.parse("The Sunday Guardian")
assert(nothing == nil and why:find("not a date"), why)
local anchor_ok, anchor_message = pcall(dates.parse, "yesterday", {anchor = "someday"})
assert(not anchor_ok and anchor_message:find("field 'anchor': unknown date 'someday'"), anchor_message)

-- dates.find on an article: anchored to its publication date, offsets for string.sub
local guardian
for article in store:articles() do
  if article.published then guardian = article end
end
assert(guardian, "the seed with a publication date")
local found = dates.find(guardian)
local values = {}
for _, t in ipairs(found) do
  assert(guardian.body:sub(t.start, t.stop) == t.text, inspect(t))
  values[t.text] = t.value
end
assert(values["April 2025"] == "2025-04", inspect(values))
for text in pairs(values) do assert(not text:find("Sunday Guardian"), text) end

-- article:timeline(): ordered, with the arithmetic event around 2010
local tl = guardian:timeline()
assert(#tl >= 3, tostring(tl))
local events = tl:events()
for i = 2, #events do assert(events[i - 1].from <= events[i].from, inspect(events)) end
local saw_april, saw_gap = false, false
for _, e in ipairs(events) do
  if e.label == "2025-04" and e.trigger == "resumed" then saw_april = true end
  if e.dating == "arithmetic" and e.from:sub(1, 4) == "2010" then saw_gap = true end
  assert(#e.sources >= 1 and e.sources[1].article == guardian.id)
end
assert(saw_april and saw_gap, tostring(tl))
assert(tostring(tl):find("2025%-04 +resumed"), tostring(tl))

-- timeline{}: by entity, by query, by dates; filter and merge
local bangladesh = timeline{entity = "Bangladesh"}
assert(#bangladesh >= 1, tostring(bangladesh))
for _, e in ipairs(bangladesh:events()) do
  -- the seed story is about Pakistan and Bangladesh: all its events belong
  assert(e.sources[1].article == guardian.id, inspect(e))
end
local dhaka = timeline{entity = "Dhaka"}  -- not a protagonist: only events naming it
for _, e in ipairs(dhaka:events()) do
  local names = table.concat(e.entities, ",")
  assert(names:find("Dhaka"), inspect(e))
end
assert(#dhaka < #bangladesh, tostring(dhaka))
assert(#timeline{query = "dormant", since = "2025-01-01"} >= 1)
assert(#timeline{to = "2009-12-31"} == 0)
local recent = tl:filter(function(e) return e.from >= "2025-01-01" end)
assert(#recent < #tl and #recent >= 1)
assert(#recent:merge(tl) == #tl, "merging a timeline with a part of itself adds nothing")
local entity_ok, entity_message = pcall(timeline, {entity = "Nobody At All"})
assert(not entity_ok and entity_message:find("no entity named 'Nobody At All'"), entity_message)

-- exports
for _, name in ipairs{"timeline.json", "timeline.csv", "timeline.md", "timeline.html"} do
  local path = tl:export(out .. "/" .. name)
  local file = assert(io.open(path))
  local content = file:read("a")
  file:close()
  assert(#content > 100, name)
end
local export_ok, export_message = pcall(tl.export, tl, out .. "/timeline.txt")
assert(not export_ok and export_message:find("cannot tell the format"), export_message)

print("timeline_api.lua: all checks passed")
