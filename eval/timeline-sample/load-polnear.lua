-- Adds the PolNeAR articles (train and dev) to the store with their title,
-- outlet and publication date from metadata.tsv, for draw.lua (README.md).
-- Usage: dossier --store STORE run eval/timeline-sample/load-polnear.lua ../shared/eval/polnear
local root = arg[1] or "../shared/eval/polnear"
local meta = assert(io.open(root .. "/metadata.tsv"))
meta:read("l")  -- header
local added = 0
for line in meta:lines() do
  local f = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do f[#f + 1] = field end
  local compartment, name, publisher, date, title = f[1], f[2], f[5], f[6], f[8]
  local file = io.open(("%s/%s/text/%s.txt"):format(root, compartment, name))
  if file then
    local body = file:read("a")
    file:close()
    store:add{title = title, body = body, published = date, outlet = publisher, url = "polnear:" .. compartment .. "/" .. name}
    added = added + 1
  end
end
meta:close()
print(("added %d PolNeAR articles"):format(added))
