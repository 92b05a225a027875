#!/usr/bin/env bash
# Issue 13, "Speed and memory": the bot and its Node peers side by side, in one run, under the same load.
#
#   bench/compare.sh                          # builds Release, installs the peers (npm ci), ROUNDS=2 rounds, then start-up
#   NO_BUILD=1 ROUNDS=1 TARGETS="slack-bot slack-bolt" STARTUP=0 bench/compare.sh
#   BOT_ENV="DOTNET_GCgen0size=0x1000000" TARGETS="slack-bot discord-bot" bench/compare.sh   # try a lever
#
# Targets, each a fresh process on 127.0.0.1 with a free port, each measured with the same wrk load:
#   slack-bare    the yardstick: a bare ASP.NET Core endpoint checking Slack's signature (OneOnOne.Bench.Slack bare)
#   slack-bot     the bot in Slack HTTP mode (fake Slack Web API and response URLs: OneOnOne.Bench.Slack fake)
#   slack-bolt    Bolt for JS 5.1, HTTP receiver, fixed reply (bench/peers/slack-bolt)
#   discord-bot   the bot's Discord HTTP endpoint (stub Discord REST: OneOnOne.Bench.Discord stub)
#   discord-peer  discord-interactions' verifyKeyMiddleware on express, fixed reply (bench/peers/discord-interactions)
# Slack: slash-command.lua signs every request (HMAC-SHA256, Slack's example secret). Discord: interactions.lua
# replays interactions pre-signed with RFC 8032's first Ed25519 test key (OneOnOne.Bench.Discord sign).
# Per target: ready time (exec to the first HTTP answer), resident memory 2 s after ready (before any request),
# WARMUP seconds of load, then wrk -cCONNECTIONS -tTHREADS -dDURATION --latency: requests/s, p50, p99, peak
# memory (VmHWM, whole life), CPU, and the load average before the run. Then, unless STARTUP=0, the
# scheduling bench's start-up scenario with FOLLOWUPS pending follow-ups.
#
# Settings: ROUNDS=2 DURATION=20 WARMUP=5 CONNECTIONS=32 THREADS=2 USERS=64 REQUESTS=300000 (signed Discord
# interactions per set) FOLLOWUPS=100000 BOT_ENV="..." (extra environment for the bot only) OUT=dir NO_BUILD=1
# SIGNED=dir (reuse the signed interactions of an earlier run's OUT).
# Needs: the .NET 10 SDK, wrk (Debian: apt-get install wrk), node 20 and npm, curl. Everything ends by itself.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
ROUNDS="${ROUNDS:-2}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-5}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
USERS="${USERS:-64}"
REQUESTS="${REQUESTS:-300000}"
FOLLOWUPS="${FOLLOWUPS:-100000}"
STARTUP="${STARTUP:-1}"
TARGETS="${TARGETS:-slack-bare slack-bot slack-bolt discord-bot discord-peer}"
BOT_ENV="${BOT_ENV:-}"
OUT="${OUT:-/tmp/oneonone-compare-$(date +%Y%m%d-%H%M%S)}"
SLACK_SECRET="8f742231b10e8888abcd99yyyzzz85a5"   # Slack's documented example secret: nothing real.
DISCORD_KEY="d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"   # RFC 8032's first test key.
DISCORD_APP="1100000000000000002"                 # StubDiscord.ApplicationId
SLACK_DLL="$HERE/OneOnOne.Bench.Slack/bin/Release/net10.0/OneOnOne.Bench.Slack.dll"
DISCORD_DLL="$HERE/OneOnOne.Bench.Discord/bin/Release/net10.0/OneOnOne.Bench.Discord.dll"
BOT_DLL="$ROOT/src/OneOnOne.Bot/bin/Release/net10.0/OneOnOne.Bot.dll"

mkdir -p "$OUT"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

say() { printf '%s\n' "$*" | tee -a "$OUT/summary.md"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
proc_kb() { sed -nE "s/^$2:[[:space:]]+([0-9]+) kB/\1/p" "/proc/$1/status" 2>/dev/null || echo 0; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
now_ms() { date +%s%3N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json() { sed -nE "s/.*\"$2\":([^,}]*).*/\1/p" <<<"$1" | head -1; }           # Slack's RESULT line
kv() { sed -nE "s/.* $2=([0-9.]+).*/\1/p" <<<"$1" | head -1; }              # Discord's RESULT/LATENCY lines

# Waits until something answers HTTP on the port (any status: Bolt has no health route), or the process dies.
wait_ready() { # pid port seconds
  local until=$((SECONDS + $3))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/health" 2>/dev/null)" != 000 ]]; do
    kill -0 "$1" 2>/dev/null || { echo "process $1 exited during start-up; see $OUT" >&2; return 1; }
    (( SECONDS < until )) || { echo "timed out waiting for port $2" >&2; return 1; }
    sleep 0.05
  done
}

stop() { # pid: TERM, then KILL after 10 s (a graceful stop of the bot may drain its queue; nothing waits for that)
  kill -TERM "$1" 2>/dev/null || return 0
  timeout 10 tail --pid="$1" -f /dev/null 2>/dev/null || kill -KILL "$1" 2>/dev/null || true
}

# Starts a helper that prints its port (or URL) on the first line of its output; sets HELPER_PID and HELPER_LINE.
start_helper() { # log command...
  local log="$1"; shift
  "$@" >"$log" 2>&1 &
  HELPER_PID=$!
  PIDS+=("$HELPER_PID")
  local until=$((SECONDS + 60))
  until [[ -s "$log" ]]; do
    (( SECONDS < until )) && kill -0 "$HELPER_PID" 2>/dev/null || { echo "helper failed: $*" >&2; cat "$log" >&2; return 1; }
    sleep 0.1
  done
  HELPER_LINE="$(head -1 "$log")"
}

# Waits until a counter read from a URL stops moving (the engine has finished what the warm-up queued), bounded.
wait_quiet() { # url field
  local before="" now=""
  for _ in $(seq 1 60); do
    now="$(curl -fsS "$1" | sed -nE "s/.*\"$2\":([0-9]+).*/\1/p")"
    [[ "$now" == "$before" ]] && return 0
    before="$now"; sleep 1
  done
}

# ---- Build --------------------------------------------------------------------------------------
if [[ "${NO_BUILD:-}" != 1 ]]; then
  echo "Building Release (bot, Slack and Discord helpers, scheduling bench) ..."
  for project in OneOnOne.Bench.Slack OneOnOne.Bench.Discord OneOnOne.Bench.Scheduling; do
    timeout 900 dotnet build "$HERE/$project" -c Release -nologo -v q >>"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
  done
  for peer in slack-bolt discord-interactions; do
    (cd "$HERE/peers/$peer" && timeout 300 npm ci --no-audit --no-fund --loglevel=error >>"$OUT/build.log" 2>&1) || { tail -20 "$OUT/build.log"; exit 1; }
  done
fi

SIGNED="${SIGNED:-$OUT}"
if [[ ! -s "$SIGNED/discord-run/requests-0.tsv" ]]; then
  echo "Signing ${REQUESTS} Discord interactions twice (warm-up set, measured set) ..."
  mkdir -p "$SIGNED/discord-warmup" "$SIGNED/discord-run"
  dotnet "$DISCORD_DLL" sign --dir "$SIGNED/discord-warmup" --requests "$REQUESTS" --files "$THREADS" --seed 1
  dotnet "$DISCORD_DLL" sign --dir "$SIGNED/discord-run" --requests "$REQUESTS" --files "$THREADS" --seed 2
fi

# ---- Targets ------------------------------------------------------------------------------------
# Each sets TARGET_PID and TARGET_PORT, and optionally QUIET_URL/QUIET_FIELD (the engine's finished work).
start_bot() { # name env...
  local work="$OUT/$ROUND/$1"; shift
  mkdir -p "$work"
  (cd "$work" && exec env $BOT_ENV "$@" DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production \
      Database__ConnectionString="Data Source=$work/bench.db" Urls="http://127.0.0.1:$TARGET_PORT" \
      dotnet "$BOT_DLL" >"$work/out.log" 2>&1) &
  TARGET_PID=$!
}

start_target() { # target
  TARGET_PORT="$(free_port)"
  QUIET_URL=""
  case "$1" in
    slack-bare)
      dotnet "$SLACK_DLL" bare --port "$TARGET_PORT" --secret "$SLACK_SECRET" --max-seconds 300 >"$OUT/$ROUND/$1.log" 2>&1 &
      TARGET_PID=$! ;;
    slack-bot)
      start_helper "$OUT/$ROUND/slack-fake.log" dotnet "$SLACK_DLL" fake --max-seconds 300
      FAKE_PID=$HELPER_PID
      FAKE_PORT="$(sed -nE 's#.*127\.0\.0\.1:([0-9]+)/.*#\1#p' <<<"$HELPER_LINE")"
      QUIET_URL="http://127.0.0.1:$FAKE_PORT/stats" QUIET_FIELD=helpReplies
      start_bot slack-bot Slack__BotToken="xoxb-bench-0000000000-0000000000000-benchbenchbenchbenchbench" \
        Slack__SigningSecret="$SLACK_SECRET" Slack__ApiBaseUrl="http://127.0.0.1:$FAKE_PORT/api/" ;;
    slack-bolt)
      (cd "$HERE/peers/slack-bolt" && PORT="$TARGET_PORT" SLACK_SIGNING_SECRET="$SLACK_SECRET" exec node app.js >"$OUT/$ROUND/$1.log" 2>&1) &
      TARGET_PID=$! ;;
    discord-bot)
      start_helper "$OUT/$ROUND/discord-stub.log" dotnet "$DISCORD_DLL" stub --max-seconds 300
      FAKE_PID=$HELPER_PID
      QUIET_URL="${HELPER_LINE%/api/v10/}/stats" QUIET_FIELD=edits
      start_bot discord-bot Discord__BotToken="MTEwMDAwMDAwMDAwMDAwMDAwMw.bench.token-for-the-stub-only" \
        Discord__ApplicationId="$DISCORD_APP" Discord__PublicKey="$DISCORD_KEY" Discord__UseGateway=false \
        Discord__ApiBaseUrl="$HELPER_LINE" Bot__DefaultTimeZone=UTC ;;
    discord-peer)
      (cd "$HERE/peers/discord-interactions" && PORT="$TARGET_PORT" DISCORD_PUBLIC_KEY="$DISCORD_KEY" exec node app.js >"$OUT/$ROUND/$1.log" 2>&1) &
      TARGET_PID=$! ;;
    *) echo "unknown target $1" >&2; exit 64 ;;
  esac
  PIDS+=("$TARGET_PID")
}

wrk_run() { # target seconds set(warmup|run) output
  local base="http://127.0.0.1:$TARGET_PORT"
  if [[ "$1" == slack-* ]]; then
    SLACK_SIGNING_SECRET="$SLACK_SECRET" FAKE_PORT="${FAKE_PORT:-9}" BENCH_USERS="$USERS" \
      timeout $(($2 + 60)) wrk -c"$CONNECTIONS" -t"$THREADS" -d"${2}s" --latency -s "$HERE/OneOnOne.Bench.Slack/slash-command.lua" "$base" >"$4" 2>&1
  else
    timeout $(($2 + 60)) wrk -c"$CONNECTIONS" -t"$THREADS" -d"${2}s" --latency -s "$HERE/OneOnOne.Bench.Discord/interactions.lua" \
      "$base/discord/interactions" -- "$SIGNED/discord-$3" >"$4" 2>&1
  fi
}

measure() { # target
  local target="$1" t0 ready rss_start
  FAKE_PID="" FAKE_PORT=""
  t0="$(now_ms)"
  start_target "$target"
  wait_ready "$TARGET_PID" "$TARGET_PORT" 90
  ready=$(( $(now_ms) - t0 ))
  sleep 2
  rss_start="$(proc_kb "$TARGET_PID" VmRSS)"
  local split; split="start: heaps $(mib "$(proc_kb "$TARGET_PID" RssAnon)") + files $(mib "$(proc_kb "$TARGET_PID" RssFile)") + shared $(mib "$(proc_kb "$TARGET_PID" RssShmem)") MiB"

  wrk_run "$target" "$WARMUP" warmup "$OUT/$ROUND/$target-warmup.txt"
  [[ -n "$QUIET_URL" ]] && wait_quiet "$QUIET_URL" "$QUIET_FIELD"

  local before cpu0 cpu1 out="$OUT/$ROUND/$target-wrk.txt"
  before="$(load)"
  cpu0="$(cpu_ticks "$TARGET_PID")"
  wrk_run "$target" "$DURATION" run "$out"
  cpu1="$(cpu_ticks "$TARGET_PID")"
  local peak; peak="$(proc_kb "$TARGET_PID" VmHWM)"
  local cpu; cpu="$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$(getconf CLK_TCK)" -v s="$DURATION" 'BEGIN { printf "%.0f", (b - a) / hz / s * 100 }')"

  local result rps p50 p99 note
  result="$(grep '^RESULT' "$out" || true)"
  if [[ -z "$result" ]]; then
    note="no result: see $out"; rps=0; p50=-; p99=-
  elif [[ "$target" == slack-* ]]; then
    rps="$(json "$result" rps)"; p50="$(json "$result" p50Ms)"; p99="$(json "$result" p99Ms)"
    note="$(json "$result" inline) answered in the 200, non-2xx $(json "$result" non2xx), socket errors $(json "$result" socketErrors)"
  else
    local requests seconds
    requests="$(kv "$result" requests)"; seconds="$(kv "$result" seconds)"
    rps="$(awk -v r="$requests" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')"
    p50="$(kv "$(grep '^LATENCY p50=' "$out")" p50)"; p99="$(kv "$(grep '^LATENCY p99=' "$out")" p99)"
    note="answered $(kv "$result" answered), deferred $(kv "$result" deferred), busy $(kv "$result" busy), other $(kv "$result" other), errors $(kv "$result" errors), wraps $(kv "$result" wrapped)"
  fi
  # CPU per request moves much less with the machine's other load than requests/s do.
  local per_request; per_request="$(awk -v c="$cpu" -v r="$rps" 'BEGIN { if (r > 0) printf "%.0f", c / 100 / r * 1e6; else print "-" }')"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$ROUND" "$target" "$rps" "$p50" "$p99" \
    "$(mib "$peak")" "$(mib "$rss_start")" "$ready" "$cpu" "$per_request" "$before" "$note; $split" | tee -a "$OUT/summary.md" "$OUT/rows.md"

  stop "$TARGET_PID"
  [[ -n "$FAKE_PID" ]] && stop "$FAKE_PID"
  return 0
}

# ---- Run ----------------------------------------------------------------------------------------
say "# Side by side: the bot and its Node peers, $(date -u '+%Y-%m-%d %H:%M UTC')"
say ""
say "- machine: $(nproc) cores, $(sed -nE 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo); .NET SDK $(dotnet --version), node $(node --version), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
say "- commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ' (src modified)')"
say "- load: wrk -c$CONNECTIONS -t$THREADS -d${DURATION}s --latency after ${WARMUP}s of warm-up; Slack /one-on-one help signed, $USERS people; Discord /one-on-one help pre-signed"
[[ -n "$BOT_ENV" ]] && say "- bot environment: $BOT_ENV"
say ""
say "| round | target | requests/s | p50 ms | p99 ms | peak MiB | after start MiB | ready ms | CPU % | CPU µs/request | load before (1/5/15) | notes |"
say "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
for ROUND in $(seq 1 "$ROUNDS"); do
  mkdir -p "$OUT/$ROUND"
  for target in $TARGETS; do
    measure "$target"
  done
done

if [[ "$STARTUP" == 1 ]]; then
  say ""
  say "## Start-up with $FOLLOWUPS pending follow-ups (OneOnOne.Bench.Scheduling startup --runs 3), load before: $(load)"
  timeout 900 dotnet "$HERE/OneOnOne.Bench.Scheduling/bin/Release/net10.0/OneOnOne.Bench.Scheduling.dll" startup \
    --followups "$FOLLOWUPS" --runs 3 >"$OUT/startup.md" 2>&1 || say "(the start-up bench failed: see $OUT/startup.md)"
  grep -E '^\| |^Median|^Check' "$OUT/startup.md" | tee -a "$OUT/summary.md" || true
fi

say ""
say "load after: $(load); logs: $OUT"
