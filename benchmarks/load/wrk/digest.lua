-- wrk script of benchmarks/load/side-by-side.sh: every request carries a valid HTTP Digest answer (RFC 7616 §3.4.1,
-- qop=auth) with a unique nonce-count, and every answer is checked; anything but the expected answer is an error.
--
--   wrk -t1 -c64 -d15s --latency -s digest.lua URL -- MODE NONCES-FILE
--
-- MODE:
--   verify        POST /v1/verify (authd's JSON API); the answer must be 200 with "outcome":"allow", "reason":"ok"
--   forward-auth  GET /v1/forward-auth with Authorization, X-Forwarded-Method and X-Forwarded-Uri (authd); the
--                 answer must be 200 with an X-Authd-User header
--   echo          the verify body, built the same way (hashing included), POSTed to the JSON echo server (the
--                 ceiling); the answer must be 200 with the body's length
--   apache        GET of the digest uri itself with Authorization (Apache httpd, mod_auth_digest); must be 200
--
-- NONCES-FILE, written by the script before each wrk run: a first line "ALGORITHM REALM URI" (URI is the digest
-- uri, the target of the request being authenticated), then one line per user "USER HA1 NONCE OPAQUE" (OPAQUE "-"
-- when the challenge had none). Each wrk thread takes its own share of the users (user i goes to thread
-- i mod threads), so a nonce's counts come from one Lua state and increase strictly; its cnonce is its own.
--
-- Hashing goes through OpenSSL's libcrypto via LuaJIT's FFI: hashing in Lua would make the generator the bottleneck.
-- done() prints one JSON line (starting with {"wrk":) with requests, rps, latency percentiles and errors summed over
-- the threads, and the first bad answer; the calling script fails the run when errors > 0.

local ffi = require("ffi")
ffi.cdef [[
unsigned char *MD5(const unsigned char *d, size_t n, unsigned char *md);
unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md);
]]
local ok, crypto = pcall(ffi.load, "crypto")
if not ok then crypto = ffi.load("libcrypto.so.3") end

local HEX = {}
for b = 0, 255 do HEX[b] = string.format("%02x", b) end

local hashes = {
  ["MD5"] = { fn = crypto.MD5, size = 16 },
  ["SHA-256"] = { fn = crypto.SHA256, size = 32 },
}

-- Set per thread by setup() before init(): the thread's index, and the thread count.
id = 0
threads_total = 1
-- Counters read by done() through thread:get().
bad = 0
first_bad = ""

local threads = {}
local mode, users, n, cursor, digest_buf, hash, alg, realm, uri, cnonce, ha2
local expected_len = 0
local request_fn

local function hex(buf, size)
  local parts = {}
  for i = 0, size - 1 do parts[i + 1] = HEX[buf[i]] end
  return table.concat(parts)
end

local function h(s)
  hash.fn(s, #s, digest_buf)
  return hex(digest_buf, hash.size)
end

local function json_escape(s)
  return (s:gsub('[\\"]', "\\%0"))
end

-- The next user of this thread (round-robin) and a fresh Authorization value for it (RFC 7616 §3.4: response =
-- H(HA1:nonce:nc:cnonce:qop:HA2), HA2 = H(method:uri), computed once).
local function authorization()
  local u = users[cursor]
  cursor = cursor == n and 1 or cursor + 1
  u.nc = u.nc + 1
  local nc = string.format("%08x", u.nc)
  local response = h(u.ha1 .. ":" .. u.nonce .. ":" .. nc .. ":" .. cnonce .. ":auth:" .. ha2)
  local value = 'Digest username="' .. u.name .. '", realm="' .. realm .. '", nonce="' .. u.nonce .. '", uri="'
      .. uri .. '", algorithm=' .. alg .. ', response="' .. response .. '", qop=auth, nc=' .. nc .. ', cnonce="'
      .. cnonce .. '"'
  if u.opaque ~= "-" then value = value .. ', opaque="' .. u.opaque .. '"' end
  return value
end

-- The body of a real /v1/verify call: the request being authenticated, its Authorization and its client.
local function verify_body()
  return '{"protocol":"http","method":"GET","uri":"' .. uri .. '","realm":"' .. realm .. '","authorization":"'
      .. json_escape(authorization()) .. '","clientAddress":"192.0.2.10"}'
end

local function load_nonces(path)
  local f = assert(io.open(path, "r"), "cannot read " .. path)
  alg, realm, uri = f:read("*l"):match("^(%S+) (%S+) (%S+)$")
  assert(alg and hashes[alg], "first line of " .. path .. " must be 'ALGORITHM REALM URI' with MD5 or SHA-256")
  local list, i = {}, 0
  for line in f:lines() do
    local name, ha1, nonce, opaque = line:match("^(%S+) (%S+) (%S+) (%S+)$")
    assert(name, "bad line in " .. path .. ": " .. line)
    if i % threads_total == id then
      list[#list + 1] = { name = name, ha1 = ha1, nonce = nonce, opaque = opaque, nc = 0 }
    end
    i = i + 1
  end
  f:close()
  assert(#list > 0, "thread " .. id .. " has no user: give wrk fewer threads than users")
  return list
end

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

local builders = {
  ["verify"] = function()
    return wrk.format("POST", "/v1/verify", nil, verify_body())
  end,
  ["echo"] = function()
    local body = verify_body()
    expected_len = #body
    return wrk.format("POST", "/v1/verify", nil, body)
  end,
  ["forward-auth"] = function()
    return wrk.format("GET", "/v1/forward-auth", {
      ["Authorization"] = authorization(), ["X-Forwarded-Method"] = "GET", ["X-Forwarded-Uri"] = uri })
  end,
  ["apache"] = function()
    return wrk.format("GET", uri, { ["Authorization"] = authorization() })
  end,
}

local checks = {
  ["verify"] = function(status, _, body)
    return status == 200 and body:find('{"outcome":"allow","status":200,"reason":"ok"', 1, true) ~= nil
  end,
  -- Every body has the same length: the fields that vary (nonce, nc, cnonce, response) have fixed widths.
  ["echo"] = function(status, _, body)
    return status == 200 and #body == expected_len
  end,
  ["forward-auth"] = function(status, headers)
    return status == 200 and (headers["X-Authd-User"] or headers["x-authd-user"]) ~= nil
  end,
  ["apache"] = function(status)
    return status == 200
  end,
}
local check

function init(args)
  mode = args[1]
  assert(builders[mode], "MODE must be verify, forward-auth, echo or apache; got " .. tostring(mode))
  users = load_nonces(assert(args[2], "usage: wrk ... -s digest.lua URL -- MODE NONCES-FILE"))
  n, cursor = #users, 1
  hash = hashes[alg]
  digest_buf = ffi.new("unsigned char[?]", hash.size)
  -- Unique per thread and per run.
  cnonce = string.format("%08x%08x%04x", os.time(), math.random(0, 0x7fffffff), id)
  ha2 = h("GET:" .. uri)
  if mode == "verify" or mode == "echo" then wrk.headers["Content-Type"] = "application/json" end
  request_fn, check = builders[mode], checks[mode]
end

function request()
  return request_fn()
end

function response(status, headers, body)
  if not check(status, headers, body) then
    bad = bad + 1
    if first_bad == "" then
      first_bad = "HTTP " .. status .. " " .. string.sub(body or "", 1, 400)
    end
  end
end

function done(summary, latency, _)
  local bad_total, first = 0, ""
  for _, t in ipairs(threads) do
    bad_total = bad_total + t:get("bad")
    if first == "" then first = t:get("first_bad") end
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format('{"wrk":true,"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_us":%d,"p99_us":%d,'
      .. '"p999_us":%d,"max_us":%d,"mean_us":%.1f,"errors":%d,"bad_answers":%d,"socket_errors":%d,'
      .. '"status_errors":%d,"first_error":"%s"}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean, bad_total + socket_errors, bad_total, socket_errors,
    e.status, (json_escape(first):gsub("%c", " "))))
end
