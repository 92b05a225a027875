-- wrk script: replays pre-signed /one-on-one help interactions, one unique interaction id per request,
-- and counts how the bot answered: with the engine's answer itself (when it is quick and fits one
-- message), deferred for the engine, or "busy" when its queue was full.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  for line in io.lines(args[1] .. "/requests-" .. id .. ".tsv") do
    local timestamp, signature, body = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
    requests[#requests + 1] = wrk.format("POST", "/discord/interactions", {
      ["Content-Type"] = "application/json",
      ["X-Signature-Ed25519"] = signature,
      ["X-Signature-Timestamp"] = timestamp,
    }, body)
  end
  position, answered, deferred, busy, other, wrapped = 0, 0, 0, 0, 0, 0
end

function request()
  position = position + 1
  if position > #requests then
    position, wrapped = 1, wrapped + 1
  end
  return requests[position]
end

function response(status, headers, body)
  if status ~= 200 then
    other = other + 1
  elseif body:find('"type":5', 1, true) then
    deferred = deferred + 1
  elseif body:find("swamped", 1, true) then
    busy = busy + 1
  else
    answered = answered + 1
  end
end

function done(summary, latency, requests)
  local a, d, b, o, w = 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    a, d, b, o, w = a + thread:get("answered"), d + thread:get("deferred"), b + thread:get("busy"), o + thread:get("other"), w + thread:get("wrapped")
  end
  io.write(string.format("RESULT requests=%d seconds=%.3f answered=%d deferred=%d busy=%d other=%d wrapped=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, a, d, b, o, w,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("LATENCY p%g=%.3f\n", p, latency:percentile(p) / 1000))
  end
end
