-- wrk script: every request is a fresh, correctly signed `/one-on-one help` slash command, as Slack
-- sends it (application/x-www-form-urlencoded, X-Slack-Request-Timestamp, X-Slack-Signature v0).
-- Each body has its own trigger_id (so the engine's de-duplication sees a new delivery each time) and
-- its own response URL on the fake; users rotate over BENCH_USERS people so all the bot's lanes work.
--
-- The signature is HMAC-SHA256 over "v0:{timestamp}:{body}", computed here in LuaJIT. To keep wrk's
-- own CPU small on a 2-core machine, the key pads and the body's constant prefix are hashed once per
-- thread; each request hashes only its last block or two. The timestamp is taken when the thread
-- starts (a run lasts well under Slack's 5-minute window).
--
-- Environment: SLACK_SIGNING_SECRET, FAKE_PORT (where response URLs point), BENCH_USERS (default 64),
-- BENCH_TEXT (default "help").

local bit = require("bit")
local band, bor, bxor, bnot = bit.band, bit.bor, bit.bxor, bit.bnot
local rshift, lshift, ror, tobit, tohex = bit.rshift, bit.lshift, bit.ror, bit.tobit, bit.tohex
local byte, char, rep, sub, format, find = string.byte, string.char, string.rep, string.sub, string.format, string.find

local K = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}
for i = 1, 64 do K[i] = tobit(K[i]) end

local H0 = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 }
for i = 1, 8 do H0[i] = tobit(H0[i]) end

local W = {}

-- SHA-256's compression of the block in W[1..16] into the state a..h; returns the new state.
local function compress(h1, h2, h3, h4, h5, h6, h7, h8)
  for i = 17, 64 do
    local w15, w2 = W[i - 15], W[i - 2]
    local s0 = bxor(ror(w15, 7), ror(w15, 18), rshift(w15, 3))
    local s1 = bxor(ror(w2, 17), ror(w2, 19), rshift(w2, 10))
    W[i] = tobit(W[i - 16] + s0 + W[i - 7] + s1)
  end
  local a, b, c, d, e, f, g, h = h1, h2, h3, h4, h5, h6, h7, h8
  for i = 1, 64 do
    local S1 = bxor(ror(e, 6), ror(e, 11), ror(e, 25))
    local ch = bxor(band(e, f), band(bnot(e), g))
    local t1 = tobit(h + S1 + ch + K[i] + W[i])
    local S0 = bxor(ror(a, 2), ror(a, 13), ror(a, 22))
    local maj = bxor(band(a, b), band(a, c), band(b, c))
    h, g, f, e, d, c, b, a = g, f, e, tobit(d + t1), c, b, a, tobit(t1 + S0 + maj)
  end
  return tobit(h1 + a), tobit(h2 + b), tobit(h3 + c), tobit(h4 + d), tobit(h5 + e), tobit(h6 + f), tobit(h7 + g), tobit(h8 + h)
end

-- Loads the 64 bytes of s from 1-based position pos into W[1..16].
local function load(s, pos)
  for j = 0, 15 do
    local p = pos + j * 4
    local b1, b2, b3, b4 = byte(s, p, p + 3)
    W[j + 1] = bor(lshift(b1, 24), lshift(b2, 16), lshift(b3, 8), b4)
  end
end

-- Hashes every whole 64-byte block of s into the state H (a table); returns where the rest starts.
local function blocks(H, s)
  local pos = 1
  while pos + 63 <= #s do
    load(s, pos)
    H[1], H[2], H[3], H[4], H[5], H[6], H[7], H[8] = compress(H[1], H[2], H[3], H[4], H[5], H[6], H[7], H[8])
    pos = pos + 64
  end
  return pos
end

local function copy(H) return { H[1], H[2], H[3], H[4], H[5], H[6], H[7], H[8] } end

-- SHA-256 padding for a message of `total` bytes whose last `tailLength` bytes are still to be hashed.
local function padding(tailLength, total)
  local bits = total * 8
  local pad = 64 - ((tailLength + 9) % 64)
  if pad == 64 then pad = 0 end
  return "\128" .. rep("\0", pad) .. char(0, 0, 0, 0,
    band(rshift(bits, 24), 255), band(rshift(bits, 16), 255), band(rshift(bits, 8), 255), band(bits, 255))
end

-- HMAC-SHA256 with the key pads and a constant message prefix hashed once. The returned function
-- signs prefix .. suffix; suffixes of one length share their padding.
local function signer(secret, prefix)
  if #secret > 64 then
    error("signing secrets longer than 64 bytes are not supported here (Slack's are 32)")
  end
  local key = secret .. rep("\0", 64 - #secret)
  local ipad, opad = {}, {}
  for i = 1, 64 do
    local k = byte(key, i)
    ipad[i] = char(bxor(k, 0x36))
    opad[i] = char(bxor(k, 0x5c))
  end
  local inner = copy(H0)
  blocks(inner, table.concat(ipad))
  local outer = copy(H0)
  blocks(outer, table.concat(opad))
  local rest = blocks(inner, prefix)
  local prefixTail = sub(prefix, rest)
  local absorbed = 64 + rest - 1
  local i1, i2, i3, i4, i5, i6, i7, i8 = inner[1], inner[2], inner[3], inner[4], inner[5], inner[6], inner[7], inner[8]
  local o1, o2, o3, o4, o5, o6, o7, o8 = outer[1], outer[2], outer[3], outer[4], outer[5], outer[6], outer[7], outer[8]
  local paddings = {}
  local outerLength = tobit(0x80000000)

  return function(suffix)
    local tailLength = #prefixTail + #suffix
    local pad = paddings[tailLength]
    if not pad then
      pad = padding(tailLength, absorbed + tailLength)
      paddings[tailLength] = pad
    end
    local last = prefixTail .. suffix .. pad
    local a, b, c, d, e, f, g, h = i1, i2, i3, i4, i5, i6, i7, i8
    for pos = 1, #last, 64 do
      load(last, pos)
      a, b, c, d, e, f, g, h = compress(a, b, c, d, e, f, g, h)
    end
    W[1], W[2], W[3], W[4], W[5], W[6], W[7], W[8] = a, b, c, d, e, f, g, h
    W[9] = outerLength
    for j = 10, 15 do W[j] = 0 end
    W[16] = (64 + 32) * 8
    a, b, c, d, e, f, g, h = compress(o1, o2, o3, o4, o5, o6, o7, o8)
    return "v0=" .. tohex(a, 8) .. tohex(b, 8) .. tohex(c, 8) .. tohex(d, 8)
      .. tohex(e, 8) .. tohex(f, 8) .. tohex(g, 8) .. tohex(h, 8)
  end
end

-- Slack's documented example (platform notes A1): refuse to run with a broken signer.
do
  local body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
    .. "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
    .. "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
  local sign = signer("8f742231b10e8888abcd99yyyzzz85a5", "v0:1531420618:" .. sub(body, 1, 100))
  local got = sign(sub(body, 101))
  if got ~= "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503" then
    io.stderr:write("slash-command.lua: the HMAC-SHA256 self-test failed: " .. got .. "\n")
    os.exit(1)
  end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

local secret = os.getenv("SLACK_SIGNING_SECRET") or error("SLACK_SIGNING_SECRET is not set")
local fakePort = os.getenv("FAKE_PORT") or error("FAKE_PORT is not set")
local users = tonumber(os.getenv("BENCH_USERS") or "64")
local text = os.getenv("BENCH_TEXT") or "help"
local debug = os.getenv("BENCH_DEBUG") ~= nil

local sign, timestamp, counter, nonce, prefix, head

function init(args)
  timestamp = tostring(os.time())
  counter = 0
  nonce = format("%d%04d", os.time() % 100000, (thread_number or 1))
  -- Everything up to user_id is the same for every request of this thread; the varying fields come last.
  prefix = "token=legacy-token-ignored&team_id=TBENCH&team_domain=bench&channel_id=C0BENCH&channel_name=general"
    .. "&command=%2Fone-on-one&text=" .. text .. "&api_app_id=ABENCH&is_enterprise_install=false"
    .. "&response_url=http%3A%2F%2F127.0.0.1%3A" .. fakePort .. "%2Fhooks%2F" .. nonce .. "-"
  sign = signer(secret, "v0:" .. timestamp .. ":" .. prefix)
  -- The request is written out by hand (cheaper than wrk.format for every request).
  head = "POST /slack/commands HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port .. "\r\n"
    .. "User-Agent: Slackbot 1.0 (+https://api.slack.com/robots)\r\n"
    .. "Content-Type: application/x-www-form-urlencoded\r\n"
    .. "X-Slack-Request-Timestamp: " .. timestamp .. "\r\n"
end

function request()
  counter = counter + 1
  local user = format("UB%04d", counter % users)
  local suffix = counter .. "&user_id=" .. user .. "&user_name=" .. user
    .. "&trigger_id=" .. counter .. "." .. nonce .. ".benchtrigger"
  local signature = sign(suffix)
  if debug and counter <= 2 then
    io.stderr:write("DEBUG ts=" .. timestamp .. " sig=" .. signature .. " body=" .. prefix .. suffix .. "\n")
  end
  return head .. "X-Slack-Signature: " .. signature .. "\r\nContent-Length: " .. (#prefix + #suffix) .. "\r\n\r\n"
    .. prefix .. suffix
end

-- Help answered in the acknowledgement itself (the bot does that when the engine is quick). A global,
-- so that done() can read each thread's count.
inline_count = 0

function response(status, headers, body)
  if status == 200 and body and find(body, "What I can do", 1, true) then
    inline_count = inline_count + 1
  end
end

function done(summary, latency, requests)
  local inline = 0
  for _, thread in ipairs(threads) do
    inline = inline + (thread:get("inline_count") or 0)
  end

  local s = summary
  local function p(q) return latency:percentile(q) / 1000.0 end
  io.write(format(
    "RESULT {\"requests\":%d,\"seconds\":%.3f,\"rps\":%.0f,\"non2xx\":%d,\"socketErrors\":%d,"
      .. "\"p50Ms\":%.3f,\"p90Ms\":%.3f,\"p99Ms\":%.3f,\"p999Ms\":%.3f,\"maxMs\":%.3f,\"meanMs\":%.3f,\"inline\":%d}\n",
    s.requests, s.duration / 1e6, s.requests / (s.duration / 1e6),
    s.errors.status, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout,
    p(50), p(90), p(99), p(99.9), latency.max / 1000.0, latency.mean / 1000.0, inline))
end
