-- Entity extraction throughput on real news: the articles of a CoNLL-2003
-- file (one token per line, -DOCSTART- between articles), each rebuilt as
-- text (words joined by spaces, one sentence per line) and passed to
-- extract() one at a time. Reports CPU seconds of extract() alone, after a
-- first call that loads the model.
--
--   dossier run scripts/ner-throughput.lua ../shared/eval/conll2003pp/train.txt
local path = assert(arg[1], "usage: ner-throughput.lua CONLL_FILE")
local file = assert(io.open(path))

local articles, sentence, lines = {}, {}, {}
local function end_sentence()
  if #sentence > 0 then lines[#lines + 1] = table.concat(sentence, " ") end
  sentence = {}
end
local function end_article()
  end_sentence()
  if #lines > 0 then articles[#articles + 1] = table.concat(lines, "\n") end
  lines = {}
end
for line in file:lines() do
  local word = line:match("^(%S+)")
  if word == "-DOCSTART-" then
    end_article()
  elseif word then
    sentence[#sentence + 1] = word
  else
    end_sentence()
  end
end
end_article()
file:close()

local bytes, words, mentions = 0, 0, 0
for _, text in ipairs(articles) do
  bytes = bytes + #text
  for _ in text:gmatch("%S+") do words = words + 1 end
end
-- The first call loads the model, gazetteers and word list (once per process).
extract("Warm-up in Dhaka.")
local started = os.clock()
for _, text in ipairs(articles) do mentions = mentions + #extract(text) end
local seconds = os.clock() - started
print(string.format("%d articles, %.2f MB, %d words, %d mentions: %.2f CPU s, %.1f MB/s, %d words/s",
  #articles, bytes / 1e6, words, mentions, seconds, bytes / 1e6 / seconds, math.floor(words / seconds)))
