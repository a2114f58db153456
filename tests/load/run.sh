#!/usr/bin/env bash
# Load figures (never a timed test): builds the server, the bare MCP SDK server (the baseline) and the load client in
# Release, then
#   tests/load/run.sh load [clients=64] [calls-per-client=100] [rounds=5]
#     the same rounds against McpOpenAI and the bare server, interleaved, stateful and stateless: calls/s, p50, p99, RSS;
#   tests/load/run.sh soak [minutes=10] [clients=64]
#     McpOpenAI (stateful, resumable streams on) under steady load: calls/s, p99 and RSS per minute, and RSS after idling;
#   tests/load/run.sh custom ARGS...   passes ARGS to the load client (its usage: run it with no ARGS).
# Every run warms each server up past tiered JIT first (20,000 calls unless --warmup says otherwise).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
artifacts="${LOAD_ARTIFACTS:-/tmp/mcp-openai-load}"
for project in src/McpOpenAI.Server tests/bench/McpOpenAI.BareServer tests/load/McpOpenAI.LoadTest; do
  dotnet build "$root/$project" -c Release --artifacts-path "$artifacts" -v q -nologo >/dev/null
done
load="$artifacts/bin/McpOpenAI.LoadTest/release/McpOpenAI.LoadTest.dll"
server="dotnet $artifacts/bin/McpOpenAI.Server/release/mcp-openai.dll --http {url} --log-level Warning --Http:MaxSessions=5000"
bare="dotnet $artifacts/bin/McpOpenAI.BareServer/release/McpOpenAI.BareServer.dll --http {url}"
what="${1:-load}"; shift || true
case "$what" in
  load)
    opts=(--clients "${1:-64}" --calls "${2:-100}" --rounds "${3:-5}")
    dotnet "$load" load "${opts[@]}" "mcp-openai=$server" "bare-sdk=$bare"
    dotnet "$load" load "${opts[@]}" "mcp-openai-stateless=$server --stateless" "bare-sdk-stateless=$bare --stateless" ;;
  soak)
    dotnet "$load" soak --minutes "${1:-10}" --clients "${2:-64}" "mcp-openai=$server" ;;
  custom)
    dotnet "$load" "$@" ;;
  *) echo "usage: $0 load [clients] [calls] [rounds] | soak [minutes] [clients] | custom ARGS..." >&2; exit 2 ;;
esac
