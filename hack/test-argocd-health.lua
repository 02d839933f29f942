-- Runs an Argo CD health script (deploy/argocd/health.lua) over the status snapshots the way Argo CD
-- does, and checks each result against expected.json. Run it through hack/test-argocd-health.sh.
--
--   lua5.1 hack/test-argocd-health.lua <health.lua> <snapshots dir>
--
-- How Argo CD runs a health script from argocd-cm (util/lua/lua.go): gopher-lua (Lua 5.1) with only
-- the base, package and table libraries and a reduced os library (no string, io, math or debug),
-- the resource in the global `obj` (JSON null becomes nil), the chunk's return value read as
-- {status, message}, and a status outside Healthy/Progressing/Degraded/Suspended/Missing/Unknown
-- turned into Unknown. The sandbox below gives the script the same globals and also hides string
-- methods ("x"):lower(), so a script that passes here does not rely on anything Argo CD lacks.
local json = require("dkjson")

local script_path, dir = arg[1], arg[2]
if script_path == nil or dir == nil then
  io.stderr:write("usage: lua5.1 test-argocd-health.lua <health.lua> <snapshots dir>\n")
  os.exit(2)
end

local function read(path)
  local f, err = io.open(path, "rb")
  if f == nil then
    error("cannot read " .. path .. ": " .. tostring(err), 0)
  end
  local s = f:read("*a")
  f:close()
  return s
end

-- Plain tables, as Argo CD builds them from the Go object: no dkjson metatables, null -> nil.
local function plain(v)
  if type(v) ~= "table" then
    return v
  end
  local t = {}
  for k, x in pairs(v) do
    t[k] = plain(x)
  end
  return t
end

local function decode(path)
  local v, _, err = json.decode(read(path), 1, nil)
  if err ~= nil then
    error(path .. ": invalid JSON: " .. err, 0)
  end
  return plain(v)
end

local function deepcopy(v)
  return plain(v)
end

local VALID = { Healthy = true, Progressing = true, Degraded = true, Suspended = true, Missing = true, Unknown = true }

local source = read(script_path)

-- Returns status, message (or nil, error).
local function run_health(object)
  local chunk, cerr = loadstring(source, "=" .. script_path)
  if chunk == nil then
    return nil, "does not compile: " .. tostring(cerr)
  end
  local env = {
    obj = object,
    -- gopher-lua's base library
    assert = assert, error = error, getmetatable = getmetatable, ipairs = ipairs, next = next,
    pairs = pairs, pcall = pcall, print = print, rawequal = rawequal, rawget = rawget,
    rawset = rawset, select = select, setmetatable = setmetatable, tonumber = tonumber,
    tostring = tostring, type = type, unpack = unpack, xpcall = xpcall, _VERSION = _VERSION,
    table = table,
    -- Argo CD's "safe" os: time and date only
    os = { time = os.time, date = os.date, clock = os.clock, difftime = os.difftime },
  }
  env._G = env
  setfenv(chunk, env)
  local string_mt = getmetatable("")
  local saved_index = string_mt.__index
  string_mt.__index = nil
  local ok, hs = pcall(chunk)
  string_mt.__index = saved_index
  if not ok then
    return nil, "error: " .. tostring(hs)
  end
  if type(hs) ~= "table" then
    return nil, "expect table output from Lua script, not " .. type(hs)
  end
  local status = hs.status
  if not VALID[status] then
    -- what Argo CD does with an invalid status
    return "Unknown", "Lua returned an invalid health status"
  end
  if hs.message ~= nil and type(hs.message) ~= "string" then
    return nil, "message is a " .. type(hs.message) .. ", not a string"
  end
  return status, hs.message or ""
end

local passed, failed = 0, 0

local function check(name, object, want_status, want_message)
  local status, message = run_health(object)
  if status == nil then
    failed = failed + 1
    print("FAIL " .. name .. ": " .. message)
  elseif status ~= want_status or message ~= want_message then
    failed = failed + 1
    print("FAIL " .. name .. ":")
    print("       got  " .. status .. ": " .. message)
    print("       want " .. want_status .. ": " .. want_message)
  else
    passed = passed + 1
    print("ok   " .. name .. ": " .. status .. ": " .. message)
  end
end

local expected = decode(dir .. "/expected.json")
local snapshots = {}
-- The first snapshot Argo CD calls Degraded (Stalled=True), for the synthetic cases below.
local stalled_file = nil
for _, e in ipairs(expected.snapshots or {}) do
  local object = decode(dir .. "/" .. e.file)
  snapshots[e.file] = object
  if stalled_file == nil and e.argocd.status == "Degraded" then
    stalled_file = e.file
  end
  check(e.file, object, e.argocd.status, e.argocd.message)
end
if passed + failed == 0 then
  print("FAIL no snapshots listed in " .. dir .. "/expected.json")
  failed = 1
end

-- A few shapes the capture cannot produce on purpose, derived from captured snapshots.
local function condition(object, t)
  for _, c in ipairs(object.status.conditions) do
    if c.type == t then
      return c
    end
  end
end

local ready = snapshots["ready.json"]
local stalled = stalled_file and snapshots[stalled_file]
if ready ~= nil and stalled then
  -- Ready=True, but the spec changed since: the old Ready says nothing about the new spec.
  local o = deepcopy(ready)
  o.metadata.generation = o.status.observedGeneration + 1
  check("synthetic: Ready=True with generation ahead", o, "Progressing",
    "waiting for the operator to observe generation " .. tostring(o.metadata.generation))

  -- A status written by something else, without observedGeneration.
  o = deepcopy(ready)
  o.status.observedGeneration = nil
  check("synthetic: status without observedGeneration", o, "Progressing",
    "waiting for the operator to observe generation " .. tostring(o.metadata.generation))

  -- Observed, but no conditions yet.
  o = deepcopy(ready)
  o.status.conditions = nil
  check("synthetic: observed, no conditions", o, "Progressing",
    "waiting for the operator to report a Ready, Reconciling or Stalled condition")

  -- Never both in practice; if it happens, the person-needed signal wins.
  o = deepcopy(stalled)
  condition(o, "Ready").status = "True"
  check("synthetic: Stalled=True and Ready=True (" .. stalled_file .. ")", o, "Degraded",
    condition(o, "Stalled").message)
else
  print("FAIL ready.json and a Degraded snapshot are needed for the synthetic cases")
  failed = failed + 1
end

print(passed .. " passed, " .. failed .. " failed")
if failed > 0 then
  os.exit(1)
end
