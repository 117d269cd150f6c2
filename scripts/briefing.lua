-- A first look at a folder of plain-text article captures (the default: seeds/).
-- Usage: dossier run scripts/briefing.lua [FOLDER]
--
-- For each capture: its headline (the first non-empty line that is not a
-- breadcrumb), byline and date lines when present, its length, and the
-- capitalised names it mentions most. The article store will take over the
-- reading; this script shows what a saved analysis looks like.

local folder = arg[1] or "seeds"

local function list_files(dir)
  -- Lua has no directory listing; the sorted names come from `ls`.
  local names = {}
  local pipe = assert(io.popen('ls -1 "' .. dir:gsub('"', '\\"') .. '"'))
  for name in pipe:lines() do
    if name:match("%.txt$") then names[#names + 1] = dir .. "/" .. name end
  end
  pipe:close()
  table.sort(names)
  return names
end

local function read_lines(path)
  local lines = {}
  for line in io.lines(path) do lines[#lines + 1] = line end
  return lines
end

local function headline(lines)
  for _, line in ipairs(lines) do
    local text = line:match("^%s*(.-)%s*$")
    if text ~= "" and not text:find(">", 1, true) then return text end
  end
  return "(untitled)"
end

local function field(lines, pattern)
  for _, line in ipairs(lines) do
    local value = line:match(pattern)
    if value then return value end
  end
end

-- Runs of capitalised words ("Inter-Services Intelligence", "Pakistan"),
-- without a sentence's first word when it is a common opener, and without
-- possessive endings ("Pakistan's" counts as "Pakistan").
local openers = {}
for word in ("The A An In On At For And But Or If While Though Also It Its This These That Such Over Officials Analysts Security Defense Defence Regional Training Another Even Most Home Are Unlock Last By"):gmatch("%S+") do
  openers[word] = true
end

local function names(text)
  local counts, run = {}, {}
  local function flush()
    if #run > 0 and openers[run[1]] then table.remove(run, 1) end
    if #run > 0 then
      local name = table.concat(run, " ")
      counts[name] = (counts[name] or 0) + 1
    end
    run = {}
  end
  for word, gap in text:gmatch("([%w'\226\128\153%-]+)([^%w'\226\128\153%-]*)") do
    word = word:gsub("'s$", ""):gsub("\226\128\153s$", "")
    if word:match("^%u") then run[#run + 1] = word else flush() end
    if gap ~= " " then flush() end
  end
  flush()
  local ranked = {}
  for name, count in pairs(counts) do ranked[#ranked + 1] = {name = name, count = count} end
  table.sort(ranked, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return a.name < b.name
  end)
  return ranked
end

local files = list_files(folder)
print(("Briefing: %d capture(s) in %s"):format(#files, folder))
for _, path in ipairs(files) do
  local lines = read_lines(path)
  local text = table.concat(lines, "\n")
  local words = select(2, text:gsub("%S+", ""))
  print()
  print("## " .. headline(lines))
  print(("   %s, %d words"):format(path, words))
  local byline = field(lines, "^By:%s*(.-)%s*$")
  local updated = field(lines, "^Last Updated:%s*(.-)%s*$")
  if byline then print("   by " .. byline) end
  if updated then print("   updated " .. updated) end
  local top = {}
  for i, entry in ipairs(names(text)) do
    if i > 8 then break end
    top[#top + 1] = ("%s (%d)"):format(entry.name, entry.count)
  end
  print("   most mentioned: " .. table.concat(top, ", "))
end
