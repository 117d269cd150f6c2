/// `inspect(value [, {depth=, width=, indent=}])`: a readable rendering of any Lua value.
///
/// Written in Lua because it walks arbitrary script values: it reads tables with
/// `next` (raw, no `__pairs`/`__index`), marks tables seen twice (`<1>{...}` then
/// `<table 1>`) so cycles and shared tables are visible, sorts keys (sequence
/// first, then numbers, strings, the rest) and puts a table on one line when it
/// fits in the width.
let inspectSource = #"""
local type, next, tostring, rawlen, sort, concat = type, next, tostring, rawlen, table.sort, table.concat
local format, math_type = string.format, math.type

local function quote(s)
  s = s:gsub('[\\"%c\128-\255]', function(c)
    if c == "\\" then return "\\\\" end
    if c == '"' then return '\\"' end
    if c == "\n" then return "\\n" end
    if c == "\t" then return "\\t" end
    if c == "\r" then return "\\r" end
    if c:byte() >= 128 then return c end
    return format("\\%03d", c:byte())
  end)
  return '"' .. s .. '"'
end

local function is_identifier(k)
  return type(k) == "string" and k:match("^[%a_][%w_]*$") ~= nil
    and not ({["and"]=1, ["break"]=1, ["do"]=1, ["else"]=1, ["elseif"]=1, ["end"]=1,
      ["false"]=1, ["for"]=1, ["function"]=1, ["goto"]=1, ["if"]=1, ["in"]=1, ["local"]=1,
      ["nil"]=1, ["not"]=1, ["or"]=1, ["repeat"]=1, ["return"]=1, ["then"]=1, ["true"]=1,
      ["until"]=1, ["while"]=1})[k]
end

local type_order = {number = 1, string = 2, boolean = 3, table = 4, ["function"] = 5, userdata = 6, thread = 7}

local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return type_order[ta] < type_order[tb] end
  if ta == "number" or ta == "string" then return a < b end
  if ta == "boolean" then return (not a) and b end
  return tostring(a) < tostring(b)
end

local function scalar(v)
  local t = type(v)
  if t == "string" then return quote(v) end
  if t == "number" then
    if math_type(v) == "float" and v == math.floor(v) and v > -1e15 and v < 1e15 then
      return format("%.1f", v)
    end
    return tostring(v)
  end
  if t == "nil" or t == "boolean" then return tostring(v) end
  if t == "function" then return "<function>" end
  if t == "thread" then return "<thread>" end
  return tostring(v) -- userdata: its __tostring
end

local function count_references(v, counts)
  if type(v) ~= "table" then return end
  counts[v] = (counts[v] or 0) + 1
  if counts[v] > 1 then return end
  for k, x in next, v do
    count_references(k, counts)
    count_references(x, counts)
  end
end

return function(value, options)
  options = options or {}
  local max_depth = options.depth or math.huge
  local width = options.width or 80
  local indent_unit = options.indent or "  "
  local counts, ids, next_id = {}, {}, 0
  count_references(value, counts)

  local render
  local function render_table(t, depth, indent)
    local label = ""
    if counts[t] > 1 then
      if ids[t] then return format("<table %d>", ids[t]) end
      next_id = next_id + 1
      ids[t] = next_id
      label = format("<%d>", next_id)
    end
    if next(t) == nil then return label .. "{}" end
    if depth >= max_depth then return label .. "{...}" end
    local keys, n = {}, rawlen(t)
    for k in next, t do
      if not (math_type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
    end
    sort(keys, key_less)
    local items = {}
    local inner = indent .. indent_unit
    for i = 1, n do items[#items + 1] = render(t[i], depth + 1, inner) end
    for _, k in ipairs(keys) do
      local key = is_identifier(k) and k or ("[" .. render(k, depth + 1, inner) .. "]")
      items[#items + 1] = key .. " = " .. render(t[k], depth + 1, inner)
    end
    local one_line = label .. "{ " .. concat(items, ", ") .. " }"
    if #one_line + #indent <= width and not one_line:find("\n", 1, true) then return one_line end
    return label .. "{\n" .. inner .. concat(items, ",\n" .. inner) .. "\n" .. indent .. "}"
  end

  render = function(v, depth, indent)
    if type(v) == "table" then return render_table(v, depth, indent) end
    return scalar(v)
  end
  return render(value, 0, "")
end
"""#
