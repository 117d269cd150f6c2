-- A first briefing: ingest a folder of articles into the store (the default:
-- seeds/), then list what the store holds and what it says on the questions
-- the seed stories raise.
-- Usage: dossier run scripts/briefing.lua [FOLDER [QUERY...]]

local folder = arg[1] or "seeds"
local queries = {table.unpack(arg, 2)}
if #queries == 0 then
  queries = {
    'ISI OR DGFI OR "Inter-Services Intelligence"',
    '"defence cooperation" OR "defense cooperation"',
    'NEAR(intelligence agencies, 5) OR "intelligence-sharing"',
  }
end

local report = store:ingest(folder)
print(("Ingested %s: %d added, %d already in the store, %d failed"):format(
  folder, report.added, report.duplicates, #report.failed))
for _, failure in ipairs(report.failed) do print("  failed: " .. failure) end

print(("\nThe store (%s) holds %d article(s):"):format(store.path, store:count()))
for article in store:articles() do
  print("\n" .. tostring(article))
  local facts = {}
  if article.byline then facts[#facts + 1] = "by " .. article.byline end
  if article.published then facts[#facts + 1] = "published " .. article.published end
  if article.dateline then facts[#facts + 1] = "dateline " .. article.dateline end
  facts[#facts + 1] = article.words .. " words"
  print("  " .. table.concat(facts, ", "))
  if article.subtitle then print("  " .. article.subtitle) end
end

for _, query in ipairs(queries) do
  local hits = store:search(query, {limit = 5})
  print(("\nSearch %s: %d hit(s)"):format(query, #hits))
  for _, hit in ipairs(hits) do
    print(("  #%d (rank %.3g) %s"):format(hit.id, hit.rank, hit:snippet()))
  end
end

-- Who is in these stories, and who appears with whom.
print("\nMost mentioned entities:")
for _, entity in ipairs(entities:top{n = 12}) do print("  " .. tostring(entity)) end
for _, name in ipairs{"ISI", "DGFI"} do
  local entity = entities:get(name)
  if entity then
    local partners = {}
    for _, c in ipairs(entities:cooccur(name, {window = "sentence", n = 5})) do
      partners[#partners + 1] = ("%s (%d)"):format(c.name, c.count)
    end
    print(("\n%s is named in the same sentence as: %s"):format(entity.name, table.concat(partners, ", ")))
  end
end

-- What happened when.
print("")
timeline{}:show()

-- Says who: how each story is sourced, and its anonymous and hedged claims.
print("\nSourcing:")
for article in store:articles() do
  local profile = article:sourcing()
  print(("\n#%d %s\n  %s"):format(article.id, article.title or "", profile.summary))
  for _, claim in ipairs(article:claims()) do
    if claim.kind ~= "named" or claim.hedged then print("  " .. tostring(claim)) end
  end
end
local named = store:claims{kind = "named"}
if #named > 0 then
  print("\nClaims on named sources:")
  for _, claim in ipairs(named) do print("  " .. tostring(claim)) end
end
