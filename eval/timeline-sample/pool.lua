-- Writes the whole event pool that draw.lua samples from, one event a line,
-- to compare two builds' pools (which events a rule removes or changes).
-- Usage: dossier --store STORE run eval/timeline-sample/pool.lua CORPUS [ENTITY ...]
-- Columns: corpus, timeline, source, label, trigger, entities, sentence.
local corpus = arg[1]
local pools = {}
if arg[2] then
  for i = 2, #arg do pools[#pools + 1] = { name = arg[i], events = timeline{entity = arg[i], limit = 5000}:events() } end
else
  local named = {}
  for _, e in ipairs(timeline{limit = 5000}:events()) do if #e.entities > 0 then named[#named + 1] = e end end
  pools[1] = { name = "", events = named }
end
local function clean(s) return ((s or ""):gsub("[\t\n]", " ")) end
for _, pool in ipairs(pools) do
  for _, e in ipairs(pool.events) do
    local s = e.sources[1]
    print(table.concat({ corpus, pool.name, clean(s.url or s.title), e.label, clean(e.trigger),
      table.concat(e.entities, "; "), clean(s.text) }, "\t"))
  end
end
