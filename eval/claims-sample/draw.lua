-- Draws the hand-judged claims sample (see README.md in this folder).
-- Usage: dossier --store STORE run eval/claims-sample/draw.lua COUNT
-- The pool is every stored claim, in article order then text order; every
-- k-th claim is taken (k = pool size / COUNT): deterministic, spread over
-- all pages, no choosing by hand. DRAW_PHASE (environment, 0 < phase <= 1,
-- default 1) places the first pick at phase * k, for a second draw with no
-- claim in common with the first.
local count = tonumber(arg[1])
assert(count and count > 0, "COUNT must be a positive number")
local phase = tonumber(os.getenv("DRAW_PHASE") or "1")
assert(phase and phase > 0 and phase <= 1, "DRAW_PHASE must be a number in (0, 1]")

local pool = {}
for _, c in ipairs(store:claims{limit = 1000000}) do pool[#pool + 1] = c end

local function clean(s) return ((s or ""):gsub("[\t\r]", " "):gsub("\n", " ⏎ ")) end
local function span(s) return s and s.text or "" end
-- The text around the claim: from 300 bytes before its first byte to 300 after
-- its last, widened to whole words, so the judge sees the sentence and its neighbours.
local function context(body, first, last)
  local from, to = math.max(1, first - 300), math.min(#body, last + 300)
  while from > 1 and not body:sub(from - 1, from - 1):match("%s") do from = from - 1 end
  while to < #body and not body:sub(to + 1, to + 1):match("%s") do to = to + 1 end
  return body:sub(from, to)
end

local step = math.max(1, #pool // count)
local taken = 0
for i = math.max(1, math.floor(step * phase)), #pool, step do
  if taken == count then break end
  local c = pool[i]
  local a = store:get(c.article)
  local parts, hedges = {}, {}
  local first, last = c.cue.start, c.cue.stop
  -- One span, or a list of spans when a quotation is cut by its cue.
  for _, s in ipairs(c.content.text and { c.content } or c.content) do
    parts[#parts + 1] = s.text
    first, last = math.min(first, s.start), math.max(last, s.stop)
  end
  if c.source then first, last = math.min(first, c.source.start), math.max(last, c.source.stop) end
  for _, h in ipairs(c.hedges) do hedges[#hedges + 1] = h.text end
  print(table.concat({ a.outlet or "", clean(a.url or a.title), c.kind, c.role or "", c.entity or "", clean(span(c.source)),
    clean(c.cue.text), clean(table.concat(parts, " | ")), clean(table.concat(hedges, "; ")),
    clean(context(a.body, first, last)) }, "\t"))
  taken = taken + 1
end
