-- Prints every stored article as one JSON line: source path and body, as
-- `dossier ingest` stored them (used by make-set to read html-dev pages).
local function quote(s)
  s = s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == '\\' then return '\\\\' end
    return string.format('\\u%04x', c:byte())
  end)
  return '"' .. s .. '"'
end
for article in store:articles() do
  print('{"source":' .. quote(article.source or '') .. ',"language":' .. quote(article.language or '') ..
        ',"body":' .. quote(article.body) .. '}')
end
