#!/usr/bin/env bash
# Load figures (never a timed test): builds the server, the bare MCP SDK server (the baseline) and the load client in
# Release, then
#   tests/load/run.sh load [clients=64] [calls-per-client=100] [rounds=5]
#     the same rounds against McpOpenAI and the bare server, interleaved, stateful and stateless: calls/s, p50, p99, RSS;
#   tests/load/run.sh soak [minutes=10] [clients=64]
#     McpOpenAI (stateful, resumable streams on) under steady load: calls/s, p99 and RSS per minute, and RSS after idling;
#   tests/load/run.sh team [clients=64] [calls-per-client=100] [rounds=5]
#     two McpOpenAI instances behind haproxy (sticky on Mcp-Session-Id; Debian's haproxy), one instance, and the bare server;
#   tests/load/run.sh custom ARGS...   passes ARGS to the load client (its usage: run it with no ARGS).
# Every run warms each server up past tiered JIT first (20,000 calls unless --warmup says otherwise).
# load and soak also measure the native server, the one the linux-x64 tool package ships: it is published (NativeAOT, a few
# minutes the first time) into the artifacts folder, or taken from LOAD_NATIVE=<path to mcp-openai>; LOAD_NATIVE=none leaves
# it out.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
artifacts="${LOAD_ARTIFACTS:-/tmp/mcp-openai-load}"
for project in src/McpOpenAI.Server tests/bench/McpOpenAI.BareServer tests/load/McpOpenAI.LoadTest; do
  dotnet build "$root/$project" -c Release --artifacts-path "$artifacts" -v q -nologo >/dev/null
done
load="$artifacts/bin/McpOpenAI.LoadTest/release/McpOpenAI.LoadTest.dll"
flags="--http {url} --log-level Warning --Http:MaxSessions=5000"
server="dotnet $artifacts/bin/McpOpenAI.Server/release/mcp-openai.dll $flags"
bare="dotnet $artifacts/bin/McpOpenAI.BareServer/release/McpOpenAI.BareServer.dll --http {url}"
what="${1:-load}"; shift || true
native_targets=()
if [ "$what" = load ] || [ "$what" = soak ]; then
  native="${LOAD_NATIVE:-}"
  if [ -z "$native" ]; then
    dotnet publish "$root/src/McpOpenAI.Server" -c Release -r linux-x64 --artifacts-path "$artifacts" -o "$artifacts/native" -v q -nologo >/dev/null
    native="$artifacts/native/mcp-openai"
  fi
  [ "$native" = none ] || native_targets=("mcp-openai-native=$native $flags")
fi
case "$what" in
  load)
    opts=(--clients "${1:-64}" --calls "${2:-100}" --rounds "${3:-5}")
    dotnet "$load" load "${opts[@]}" "mcp-openai=$server" "${native_targets[@]}" "bare-sdk=$bare"
    dotnet "$load" load "${opts[@]}" "mcp-openai-stateless=$server --stateless" \
      "${native_targets[@]/%/ --stateless}" "bare-sdk-stateless=$bare --stateless" ;;
  soak)
    dotnet "$load" soak --minutes "${1:-10}" --clients "${2:-64}" "mcp-openai=$server"
    [ ${#native_targets[@]} -eq 0 ] || dotnet "$load" soak --minutes "${1:-10}" --clients "${2:-64}" "${native_targets[@]}" ;;
  team)
    command -v haproxy >/dev/null || { echo "team: needs haproxy (apt-get install haproxy)" >&2; exit 2; }
    work="$(mktemp -d)"; pids=()
    trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
    port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
    a=$(port); b=$(port); front=$(port)
    for p in "$a" "$b"; do
      HOME="$work/$p" XDG_CONFIG_HOME="$work/$p/config" OPENAI_API_KEY= ${server//\{url\}/http://127.0.0.1:$p/mcp} >/dev/null 2>&1 &
      pids+=($!)
    done
    printf '%s\n' global "  maxconn 4096" defaults "  mode http" "  timeout connect 2s" "  timeout client 120s" "  timeout server 120s" \
      frontend\ mcp "  bind 127.0.0.1:$front" "  default_backend team" backend\ team "  balance roundrobin" \
      "  stick-table type string len 128 size 100k expire 30m" "  stick on req.hdr(mcp-session-id)" "  stick store-response res.hdr(mcp-session-id)" \
      "  server a 127.0.0.1:$a" "  server b 127.0.0.1:$b" > "$work/haproxy.cfg"
    haproxy -f "$work/haproxy.cfg" -db >/dev/null 2>&1 &
    pids+=($!)
    dotnet "$load" load --clients "${1:-64}" --calls "${2:-100}" --rounds "${3:-5}" \
      "two-behind-haproxy=http://127.0.0.1:$front/mcp pid:${pids[0]},${pids[1]}" "one-instance=$server" "bare-sdk=$bare" ;;
  custom)
    dotnet "$load" "$@" ;;
  *) echo "usage: $0 load [clients] [calls] [rounds] | soak [minutes] [clients] | team [clients] [calls] [rounds] | custom ARGS..." >&2; exit 2 ;;
esac
