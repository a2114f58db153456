#!/usr/bin/env bash
# Load test: builds the server and the load client, starts the server on 127.0.0.1 and runs
# [sessions=50] [calls-per-session=100] [seconds=60] concurrently; prints calls/s, p50, p99, errors, memory.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
artifacts="${LOAD_ARTIFACTS:-/tmp/mcp-openai-load}"
dotnet build "$root/src/McpOpenAI.Server" -c Release --artifacts-path "$artifacts" -v q -nologo >/dev/null
dotnet build "$root/tests/load/McpOpenAI.LoadTest" -c Release --artifacts-path "$artifacts" -v q -nologo >/dev/null
dotnet "$artifacts/bin/McpOpenAI.LoadTest/release/McpOpenAI.LoadTest.dll" "$artifacts/bin/McpOpenAI.Server/release/mcp-openai.dll" "$@"
