-- Draws the hand-checked timeline sample (see README.md in this folder).
-- Usage: dossier --store STORE run eval/timeline-sample/draw.lua CORPUS COUNT [ENTITY ...]
-- COUNT "all" writes the whole pool (every event, in timeline order), to
-- compare two builds' pools: which events a rule removes or changes.
-- With entities: events of timeline{entity=E} for each, COUNT shared evenly;
-- without: events of timeline{} that name at least one entity.
-- Every k-th event in timeline order (k = pool size / count): deterministic,
-- spread over the whole range, no choosing by hand.
-- DRAW_PHASE (environment, 0 < phase <= 1, default 1) places the first pick
-- at phase * k instead of k: a second draw of the same pool with no event in
-- common with the default one (0.5 takes the events halfway between).
local corpus, everything = arg[1], arg[2] == "all"
local count = everything and math.huge or tonumber(arg[2])
assert(count, "COUNT must be a number or \"all\"")
local pools = {}
if arg[3] then
  for i = 3, #arg do pools[#pools + 1] = { name = arg[i], events = timeline{entity = arg[i], limit = 5000}:events() } end
else
  local named = {}
  for _, e in ipairs(timeline{limit = 5000}:events()) do if #e.entities > 0 then named[#named + 1] = e end end
  pools[1] = { name = "", events = named }
end
local function clean(s) return ((s or ""):gsub("[\t\n]", " ")) end
local per = everything and math.huge or count // #pools
local phase = tonumber(os.getenv("DRAW_PHASE") or "1")
assert(phase and phase > 0 and phase <= 1, "DRAW_PHASE must be a number in (0, 1]")
for _, pool in ipairs(pools) do
  local step = everything and 1 or math.max(1, #pool.events // per)
  local taken = 0
  local first = everything and 1 or math.max(1, math.floor(step * phase))
  for i = first, #pool.events, step do
    if taken == per then break end
    local e = pool.events[i]
    local s = e.sources[1]
    local word = s.trigger_start and string.sub(s.text, s.trigger_start - s.start + 1, s.trigger_stop - s.start + 1) or ""
    print(table.concat({ corpus, pool.name, clean(s.url or s.title), s.published or "", e.label, e.dating, clean(e.trigger), word,
      table.concat(e.entities, "; "), clean(s.text) }, "\t"))
    taken = taken + 1
  end
end
