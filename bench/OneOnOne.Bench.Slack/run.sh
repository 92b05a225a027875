#!/usr/bin/env bash
# Slack adapter benchmark (issue 4, "Benchmark"): signed `/one-on-one help` slash commands over HTTP with
# wrk against the real bot, and Socket Mode envelope throughput against a fake Slack. Everything listens
# on 127.0.0.1 only, and every step has a time limit: the run ends by itself in about 2 minutes
# (plus the build the first time).
#
#   bench/OneOnOne.Bench.Slack/run.sh                  # all three: bare, http, socket
#   MODE=http bench/OneOnOne.Bench.Slack/run.sh        # or MODE=bare, MODE=socket, MODE="bare http"
#
#   bare    the yardstick: a bare ASP.NET Core endpoint that checks the signature and answers a fixed JSON
#   http    the real bot in Slack HTTP mode, signed /one-on-one help commands with wrk
#   socket  the real bot in Socket Mode, /one-on-one help envelopes from the fake
#
# Settings (environment): DURATION=20 CONNECTIONS=32 THREADS=2 WARMUP=5 USERS=64 (people the commands
# come from) WINDOW=32 (Socket Mode: envelopes in flight) NO_BUILD=1 (reuse the newest build under /tmp)
# BOT_ENV="Slack__Workers=1 DOTNET_gcServer=0 ..." (extra environment for the bot only)
# TRACE=1 (dotnet-trace the bot during the HTTP run) OUT=dir (logs; default /tmp/oneonone-slack-bench-*).
# Needs: the .NET 10 SDK, wrk (Debian: apt-get install wrk), curl.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
MODE="${MODE:-all}"
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-5}"
USERS="${USERS:-64}"
WINDOW="${WINDOW:-32}"
BOT_ENV="${BOT_ENV:-}"
OUT="${OUT:-/tmp/oneonone-slack-bench-$(date +%Y%m%d-%H%M%S)}"
BUILD="$OUT/build"
SECRET="8f742231b10e8888abcd99yyyzzz85a5"   # Slack's documented example secret: nothing real.
BOT_TOKEN="xoxb-bench-0000000000-0000000000000-benchbenchbenchbenchbench"
APP_TOKEN="xapp-1-ABENCH-0000000000000-benchbenchbenchbenchbenchbenchbenchbenchbenchbenchbenchbench00"

mkdir -p "$OUT"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  sleep 1
  for pid in "${PIDS[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

say() { printf '%s\n' "$*" | tee -a "$OUT/summary.txt"; }
field() { sed -nE "s/.*\"$2\":([^,}]*).*/\1/p" <<<"$1" | tr -d '"' | head -1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }
kib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
proc_kb() { sed -nE "s/^$2:[[:space:]]+([0-9]+) kB/\1/p" "/proc/$1/status" 2>/dev/null || echo 0; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

wait_for_file() { # file seconds
  local until=$((SECONDS + $2))
  while [[ ! -s "$1" ]]; do
    (( SECONDS < until )) || { echo "timed out waiting for $1" >&2; return 1; }
    sleep 0.1
  done
}

wait_for_url() { # url seconds pid
  local until=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || { echo "the bot exited during start-up; see $OUT" >&2; return 1; }
    (( SECONDS < until )) || { echo "timed out waiting for $1" >&2; return 1; }
    sleep 0.2
  done
}

stop_bot() { # pid: a graceful stop drains the bot's queue (up to 30 s); the benchmark doesn't wait for that
  kill -TERM "$1" 2>/dev/null || return 0
  timeout 10 tail --pid="$1" -f /dev/null 2>/dev/null || kill -KILL "$1" 2>/dev/null || true
}

start_bot() { # name extra-env...
  local name="$1"; shift
  local work="$OUT/$name"
  mkdir -p "$work"
  (cd "$work" && exec env $BOT_ENV "$@" \
      DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production \
      Database__ConnectionString="Data Source=$work/bench.db" \
      Slack__BotToken="$BOT_TOKEN" \
      dotnet "$BUILD/bot/OneOnOne.Bot.dll" >"$work/bot.out" 2>"$work/bot.err") &
  BOT_PID=$!
  PIDS+=("$BOT_PID")
}

# ---- Build ------------------------------------------------------------------------------------
if [[ "${NO_BUILD:-}" == 1 && -n "${BUILD_DIR:-}" ]]; then
  BUILD="$BUILD_DIR"
else
  if [[ "${NO_BUILD:-}" == 1 ]]; then
    BUILD="$(ls -1dt /tmp/oneonone-slack-bench-*/build 2>/dev/null | head -1)"
  else
    echo "Building Release into $BUILD ..."
    timeout 600 dotnet build "$ROOT/src/OneOnOne.Bot/OneOnOne.Bot.csproj" -c Release -nologo -v q -o "$BUILD/bot" >"$OUT/build.log" 2>&1 \
      || { tail -20 "$OUT/build.log"; exit 1; }
    timeout 600 dotnet build "$HERE/OneOnOne.Bench.Slack.csproj" -c Release -nologo -v q -o "$BUILD/bench" >>"$OUT/build.log" 2>&1 \
      || { tail -20 "$OUT/build.log"; exit 1; }
  fi
fi
BENCH="$BUILD/bench/OneOnOne.Bench.Slack.dll"

say "# Slack adapter benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: $(nproc) cores, $(sed -nE 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo); $(dotnet --version | sed 's/^/.NET SDK /'); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
say "load before: $(uptime | sed 's/.*load average: //')"
[[ -n "$BOT_ENV" ]] && say "bot environment: $BOT_ENV"

# ---- Bare endpoint: the yardstick --------------------------------------------------------------
run_bare() {
  local ready="$OUT/bare.port"
  say ""
  say "## Bare ASP.NET Core endpoint (signature check + fixed JSON): wrk -c$CONNECTIONS -t$THREADS -d${DURATION}s --latency"
  say "load before run: $(uptime | sed 's/.*load average: //')"
  DOTNET_gcServer=1 dotnet "$BENCH" bare --secret "$SECRET" --ready-file "$ready" --max-seconds 200 >"$OUT/bare.log" 2>&1 &
  local bare_pid=$!
  PIDS+=("$bare_pid")
  wait_for_file "$ready" 30
  local base="http://127.0.0.1:$(cat "$ready")"
  wait_for_url "$base/health" 30 "$bare_pid"
  export SLACK_SIGNING_SECRET="$SECRET" FAKE_PORT=9 BENCH_USERS="$USERS"
  timeout $((WARMUP + 30)) wrk -c"$CONNECTIONS" -t"$THREADS" -d"${WARMUP}s" -s "$HERE/slash-command.lua" "$base" >"$OUT/wrk-bare-warmup.txt" 2>&1
  timeout $((DURATION + 60)) wrk -c"$CONNECTIONS" -t"$THREADS" -d"${DURATION}s" --latency -s "$HERE/slash-command.lua" "$base" >"$OUT/wrk-bare.txt" 2>&1
  local result; result="$(grep '^RESULT' "$OUT/wrk-bare.txt" | sed 's/^RESULT //')"
  say "requests/s: $(field "$result" rps)   ($(field "$result" requests) requests, non-2xx: $(field "$result" non2xx))"
  say "latency: p50 $(field "$result" p50Ms) ms, p99 $(field "$result" p99Ms) ms, p99.9 $(field "$result" p999Ms) ms"
  say "peak memory (VmHWM): $(kib "$(proc_kb "$bare_pid" VmHWM)") MiB"
  stop_bot "$bare_pid"
}

# ---- HTTP: signed slash commands with wrk -----------------------------------------------------
run_http() {
  local ready="$OUT/fake.port"
  dotnet "$BENCH" fake --ready-file "$ready" --max-seconds 280 >"$OUT/fake.log" 2>&1 &
  local fake_pid=$!
  PIDS+=("$fake_pid")
  wait_for_file "$ready" 30
  local fake_port; fake_port="$(cat "$ready")"
  local bot_port; bot_port="$(free_port)"
  local base="http://127.0.0.1:$bot_port"

  start_bot http Urls="$base" Slack__SigningSecret="$SECRET" Slack__ApiBaseUrl="http://127.0.0.1:$fake_port/api/"
  local bot_pid=$BOT_PID
  wait_for_url "$base/health" 60 "$bot_pid"
  local hwm_start; hwm_start="$(proc_kb "$bot_pid" VmHWM)"

  export SLACK_SIGNING_SECRET="$SECRET" FAKE_PORT="$fake_port" BENCH_USERS="$USERS"
  local script="$HERE/slash-command.lua"
  echo "warm-up: ${WARMUP}s ..."
  timeout $((WARMUP + 30)) wrk -c"$CONNECTIONS" -t"$THREADS" -d"${WARMUP}s" -s "$script" "$base" >"$OUT/wrk-warmup.txt" 2>&1
  # Let the engine finish the warm-up's queue before measuring (bounded: a slow engine may not).
  local before="" now=""
  for _ in $(seq 1 60); do
    now="$(curl -fsS "http://127.0.0.1:$fake_port/stats" | sed -nE 's/.*"helpReplies":([0-9]+).*/\1/p')"
    [[ "$now" == "$before" ]] && break
    before="$now"; sleep 0.5
  done
  local replies0="$now"
  local hwm_warm; hwm_warm="$(proc_kb "$bot_pid" VmHWM)"

  say ""
  say "## HTTP: wrk -c$CONNECTIONS -t$THREADS -d${DURATION}s --latency, POST /slack/commands (/one-on-one help, signed, $USERS people)"
  say "load before run: $(uptime | sed 's/.*load average: //')"
  : >"$OUT/rss-http.txt"
  ( while kill -0 "$bot_pid" 2>/dev/null; do echo "$(date +%s.%N) $(proc_kb "$bot_pid" VmRSS)" >>"$OUT/rss-http.txt"; sleep 0.25; done ) &
  local sampler=$!
  local cpu0; cpu0="$(cpu_ticks "$bot_pid")"
  local tracer=""
  if [[ "${TRACE:-}" == 1 ]]; then
    local dt; dt="$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")"
    "$dt" collect -p "$bot_pid" --profile dotnet-sampled-thread-time --duration "00:00:$(printf '%02d' "$DURATION")" \
      -o "$OUT/http.nettrace" >"$OUT/trace.log" 2>&1 &
    tracer=$!
  fi
  local t0; t0="$(date +%s.%N)"
  local replies_start; replies_start="$(curl -fsS "http://127.0.0.1:$fake_port/stats" | sed -nE 's/.*"helpReplies":([0-9]+).*/\1/p')"
  timeout $((DURATION + 60)) wrk -c"$CONNECTIONS" -t"$THREADS" -d"${DURATION}s" --latency -s "$script" "$base" >"$OUT/wrk.txt" 2>&1
  local cpu1; cpu1="$(cpu_ticks "$bot_pid")"
  local hwm_run; hwm_run="$(proc_kb "$bot_pid" VmHWM)"
  local replies_end; replies_end="$(curl -fsS "http://127.0.0.1:$fake_port/stats" | sed -nE 's/.*"helpReplies":([0-9]+).*/\1/p')"
  [[ -n "$tracer" ]] && { timeout 120 tail --pid="$tracer" -f /dev/null || true; }

  # The replies keep coming after wrk stops if the engine is behind: wait (bounded) for the queue to drain.
  before=""
  for _ in $(seq 1 60); do
    now="$(curl -fsS "http://127.0.0.1:$fake_port/stats" | sed -nE 's/.*"helpReplies":([0-9]+).*/\1/p')"
    [[ "$now" == "$before" ]] && break
    before="$now"; sleep 0.5
  done
  local stats; stats="$(curl -fsS "http://127.0.0.1:$fake_port/stats")"
  kill "$sampler" 2>/dev/null || true
  local hwm_end; hwm_end="$(proc_kb "$bot_pid" VmHWM)"
  local rss_max; rss_max="$(awk '$2 > m { m = $2 } END { print m + 0 }' "$OUT/rss-http.txt")"

  local result; result="$(grep '^RESULT' "$OUT/wrk.txt" | sed 's/^RESULT //')"
  local requests non2xx rps p50 p99 p999 errors seconds
  requests="$(field "$result" requests)"; non2xx="$(field "$result" non2xx)"; rps="$(field "$result" rps)"
  p50="$(field "$result" p50Ms)"; p99="$(field "$result" p99Ms)"; p999="$(field "$result" p999Ms)"
  errors="$(field "$result" socketErrors)"; seconds="$(field "$result" seconds)"
  local replies=$(( $(field "$stats" helpReplies) - replies0 ))
  local last_ms first_ms now_ms; last_ms="$(field "$stats" lastHookMs)"; now_ms="$(field "$stats" nowMs)"
  local drain; [[ "$replies" -gt 0 ]] || last_ms="$now_ms"
  drain="$(awk -v now="$(date +%s.%N)" -v t0="$t0" -v age="$(( now_ms - last_ms ))" 'BEGIN { printf "%.1f", now - t0 - age / 1000 }')"
  local hz; hz="$(getconf CLK_TCK)"
  local cpu; cpu="$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$hz" -v s="$seconds" 'BEGIN { printf "%.0f", (b - a) / hz / s * 100 }')"

  say "requests/s: $rps   ($requests requests in ${seconds}s, non-2xx: $non2xx, socket errors: $errors)"
  say "latency: p50 $p50 ms, p99 $p99 ms, p99.9 $p999 ms"
  say "bot peak memory (VmHWM): $(kib "$hwm_end") MiB   (after start $(kib "$hwm_start") MiB, after warm-up $(kib "$hwm_warm") MiB, at the end of wrk $(kib "$hwm_run") MiB; highest VmRSS sampled during the run $(kib "$rss_max") MiB)"
  say "bot CPU during the run: ${cpu}% of one core"
  say "acknowledged with 200: $((requests - non2xx)) = $(awk -v a="$((requests - non2xx))" -v s="$seconds" 'BEGIN { printf "%.0f", a / s }')/s$( [[ "$non2xx" -gt 0 ]] && echo "; non-2xx: $non2xx (503: the work queue was full)")"
  say "answered in the acknowledgement: $(field "$result" inline) = $(awk -v r="$(field "$result" inline)" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')/s"
  say "engine: $((replies_end - replies_start)) help replies reached the response URLs during the run = $(awk -v r="$((replies_end - replies_start))" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')/s end to end; all $replies answered ${drain}s after wrk started"
  say "fake Web API calls: $(sed -nE 's/.*"calls":\{([^}]*)\}.*/\1/p' <<<"$stats" | tr -d '"')"
  say "bot log lines at warning or above: $(grep -cE '^(warn|fail|crit)' "$OUT/http/bot.out" || true)"
  cat "$OUT/wrk.txt" >>"$OUT/summary.txt"

  stop_bot "$bot_pid"
  kill -TERM "$fake_pid" 2>/dev/null || true
}

# ---- Socket Mode: envelope throughput against the fake ------------------------------------------
run_socket() {
  local ready="$OUT/socket.port"
  say ""
  say "## Socket Mode: /one-on-one help envelopes for ${DURATION}s (after 1000 to warm up), at most $WINDOW unacknowledged, $USERS people"
  say "load before run: $(uptime | sed 's/.*load average: //')"
  dotnet "$BENCH" socket --ready-file "$ready" --duration "$DURATION" --window "$WINDOW" --users "$USERS" --max-seconds 130 \
    >"$OUT/socket.log" 2>&1 &
  local driver=$!
  PIDS+=("$driver")
  wait_for_file "$ready" 30
  local port; port="$(cat "$ready")"
  start_bot socket Urls="http://127.0.0.1:$(free_port)" Slack__AppToken="$APP_TOKEN" Slack__ApiBaseUrl="http://127.0.0.1:$port/api/"
  local bot_pid=$BOT_PID
  local status=0
  timeout 150 tail --pid="$driver" -f /dev/null || true
  wait "$driver" || status=$?
  local hwm; hwm="$(proc_kb "$bot_pid" VmHWM)"
  grep '^socket:' "$OUT/socket.log" | tee -a "$OUT/summary.txt"
  [[ $status -eq 0 ]] || say "(the socket benchmark ended with status $status; see $OUT/socket.log and $OUT/socket/bot.out)"
  say "bot peak memory (VmHWM): $(kib "$hwm") MiB"
  stop_bot "$bot_pid"
}

[[ "$MODE" == all ]] && MODE="bare http socket"
for mode in $MODE; do
  case "$mode" in
    bare) run_bare ;;
    http) run_http ;;
    socket) run_socket ;;
    *) echo "MODE must be bare, http, socket or all" >&2; exit 64 ;;
  esac
done

say ""
say "load after: $(uptime | sed 's/.*load average: //')"
say "logs: $OUT"
