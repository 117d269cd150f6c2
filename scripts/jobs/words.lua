-- Light map: words and articles per outlet (reads each article, little work).
function map(article)
  return {outlet = article.outlet or "-", words = article.words}
end
function reduce(results)
  local per = {}
  for _, r in ipairs(results) do
    local o = per[r.outlet] or {articles = 0, words = 0}
    o.articles, o.words = o.articles + 1, o.words + r.words
    per[r.outlet] = o
  end
  return per
end
