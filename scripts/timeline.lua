-- What happened when: the timeline of the stories in the store (by default the
-- Pakistan-Bangladesh seeds), in date order with the sources of every event,
-- exported as a self-contained HTML page.
-- Usage: dossier run scripts/timeline.lua [ENTITY [OUTPUT.html]]
--   ENTITY   keep the events involving it (default: Bangladesh)
--   OUTPUT   where the HTML page goes (default: out/timeline.html)

local entity = arg[1] or "Bangladesh"
local output = arg[2] or "out/timeline.html"

if store:count() == 0 then store:ingest("seeds") end

local tl = timeline{entity = entity}
tl:show()

tl:export(output)
print(("\nHTML timeline: %s (%d events)"):format(output, #tl))
