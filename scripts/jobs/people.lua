-- Heavy map: entity extraction afresh on each article's text (extract), people counted.
function map(article)
  local people = {}
  for _, m in ipairs(extract(article)) do
    if m.type == "PERSON" then people[m.entity] = (people[m.entity] or 0) + 1 end
  end
  return people
end
function reduce(results)
  local total = {}
  for _, people in ipairs(results) do
    for name, n in pairs(people) do total[name] = (total[name] or 0) + n end
  end
  local names = {}
  for name in pairs(total) do names[#names + 1] = name end
  table.sort(names, function(a, b) return total[a] > total[b] or (total[a] == total[b] and a < b) end)
  local top = {}
  for i = 1, math.min(5, #names) do top[i] = names[i] .. " " .. total[names[i]] end
  return #results, table.concat(top, ", ")
end
