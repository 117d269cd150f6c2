-- The claims (sourcing and hedging) API, as an analyst would use it. Run by
-- LuaScriptTests with a fresh store: dossier --store TMP run Tests/lua/claims_api.lua SEEDS_DIR OUT_DIR
local seeds = assert(arg[1], "usage: claims_api.lua SEEDS_DIR OUT_DIR")
store:ingest(seeds)

local guardian
for article in store:articles() do
  if article.outlet == "The Sunday Guardian" then guardian = article end
end
assert(guardian, "seed 003 (The Sunday Guardian)")
local body = guardian.body

-- Every span is a byte range of the body (1-based, inclusive), as mentions are.
local found = guardian:claims()
assert(#found >= 10, "claims of seed 003: " .. #found)
local function check_span(span, where)
  assert(body:sub(span.start, span.stop) == span.text, where .. ": " .. inspect(span))
end
for _, claim in ipairs(found) do
  check_span(claim.cue, "cue")
  if claim.source then check_span(claim.source, "source") else assert(claim.kind == "none", tostring(claim)) end
  if claim.content.text then check_span(claim.content, "content")
  else for _, part in ipairs(claim.content) do check_span(part, "content part") end end
  for _, hedge in ipairs(claim.hedges) do check_span(hedge, "hedge") end
  assert(tostring(claim):find(claim.kind, 1, true), tostring(claim))
end

local function claim_with(source_words, cue_words)
  for _, claim in ipairs(found) do
    if claim.source and claim.source.text:find(source_words, 1, true) and claim.cue.text:find(cue_words, 1, true) then
      return claim
    end
  end
  error("no claim with source '" .. source_words .. "' and cue '" .. cue_words .. "'")
end

-- The anonymous sources of the story.
assert(claim_with("sources", "said").kind == "anonymous")
assert(claim_with("officials familiar with regional security processes", "note").kind == "anonymous")
local warn = claim_with("Officials", "warn")
assert(warn.kind == "anonymous" and warn.role == "official", tostring(warn))
assert(claim_with("Analysts", "stress").kind == "anonymous")
assert(claim_with("Analysts", "stress").role == "expert")

-- The one named institution, with its entity.
local ministry = claim_with("Ministry of Foreign Affairs", "acknowledged")
assert(ministry.kind == "named" and ministry.entity and ministry.entity:find("Foreign Affairs"), tostring(ministry))

-- The "could" claims are hedged.
local function hedged_by(claim, word)
  for _, hedge in ipairs(claim.hedges) do if hedge.text == word then return true end end
  return false
end
assert(hedged_by(warn, "could") and warn.hedged, tostring(warn))
assert(hedged_by(claim_with("these assessments", "According to"), "could"))

-- Negative evidence, in claims or not.
local negative = 0
for _, hedge in ipairs(hedges(guardian)) do
  check_span(hedge, "hedges()")
  if hedge.kind == "negative-evidence" then negative = negative + 1 end
end
assert(negative >= 1, "the 'no public evidence' statement")

-- The sourcing profile.
local profile = guardian:sourcing()
assert(profile.claims == #found, inspect(profile))
assert(profile.anonymous > profile.named, inspect(profile))
assert(profile.negative_evidence == negative, inspect(profile))
assert(profile.hedged >= 2 and profile.hedged_share > 0 and profile.hedged_share < 1, inspect(profile))
assert(profile.summary:find("anonymous"), profile.summary)

-- Across the store.
for _, claim in ipairs(store:claims{kind = "anonymous"}) do assert(claim.kind == "anonymous") end
local named = store:claims{kind = "named", source = "Pakistan"}
assert(#named >= 2, "Pakistan said (seed 000) and the Ministry (seed 003)")
for _, claim in ipairs(store:claims{about = "ISI"}) do
  local text = claim.content.text or claim.content[1].text
  assert(claim.article, tostring(claim))
end
assert(#store:claims{about = "ISI"} >= 1)
assert(#store:claims{since = "2030-01-01"} == 0)
local from_guardian = store:claims{outlet = "the sunday guardian"}
assert(#from_guardian == #guardian:claims(), #from_guardian)
for _, claim in ipairs(from_guardian) do assert(claim.article == guardian.id, tostring(claim)) end
assert(#store:claims{outlet = "No Such Outlet"} == 0)
assert(#store:claims{kind = "anonymous", limit = 2} == 2)
local ok, message = pcall(store.claims, store, {kind = "secret"})
assert(not ok and message:find("field 'kind': 'secret' is not named, anonymous or none"), message)

-- claims() on plain text: a split quotation and a source-less claim.
local text = "“We will not retreat,” the minister said, “not one step.” It is understood that talks resume soon."
local split = claims(text)
assert(#split == 2, inspect(split))
assert(split[1].source.text == "the minister" and #split[1].content == 2, tostring(split[1]))
assert(split[2].kind == "none" and split[2].source == nil, tostring(split[2]))
-- A claim list prints one claim a line, as other lists do (not "table: 0x...").
local printed = tostring(split)
assert(printed == tostring(split[1]) .. "\n" .. tostring(split[2]), printed)
assert(tostring(guardian:claims()):find("anonymous", 1, true) and not tostring(store:claims{}):find("table: ", 1, true))
assert(tostring(hedges("Talks could fail.")):find("could", 1, true))
local bad_ok, bad = pcall(claims, 42)
assert(not bad_ok and bad:find("string or Article"), bad)

print("claims_api.lua: all checks passed")
