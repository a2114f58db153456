#!/usr/bin/env bash
# Benchmarks that print figures (never timed tests). Builds the server (Release) and the bench tool, then:
#   tests/bench/run.sh startup [runs] [extra LABEL=COMMAND targets...]
#     time to the initialize answer and to the first tools/list answer, with every plugin, prompt and agent loaded,
#     for the built server (dotnet mcp-openai.dll) and any other stdio server named, interleaved.
#   tests/bench/run.sh startup-installed [runs]
#     the same, for the command `dotnet tool install` makes of the packed tool (on linux-x64 the native package), against
#     the TypeScript reference server @modelcontextprotocol/server-everything (pinned in tests/bench/everything) on the Node
#     that tests/node/ensure-node.sh installs, and the JIT-compiled build; medians, ratios to the TypeScript server, idle RSS.
#   tests/bench/run.sh calls [calls] [extra LABEL=COMMAND targets...]
#     per-call latency of a cheap tool (text_stats) over stdio, p50/p90/p99, the targets called in turn.
#   tests/bench/run.sh cache [runs]
#     the response cache (hit against miss), the moderation pre-check and a per-model rate limit on the chat pipeline,
#     against an in-process fake OpenAI: p50/p99, ratio to a miss, upstream requests.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
artifacts="${BENCH_ARTIFACTS:-/tmp/mcp-openai-bench}"
what="${1:-startup}"; shift || true
dotnet build "$root/src/McpOpenAI.Server" -c Release --artifacts-path "$artifacts" -v q -nologo >/dev/null
dotnet build "$root/tests/bench/McpOpenAI.Bench" -c Release --artifacts-path "$artifacts" -v q -nologo >/dev/null
bench="$artifacts/bin/McpOpenAI.Bench/release/McpOpenAI.Bench.dll"
server="$artifacts/bin/McpOpenAI.Server/release/mcp-openai.dll"
home="$(mktemp -d)"; trap 'rm -rf "$home"' EXIT
case "$what" in
  startup)
    runs="${1:-10}"; shift || true
    dotnet "$bench" startup --runs "$runs" --rss --env "HOME=$home" --env "XDG_CONFIG_HOME=$home/config" --env "XDG_DATA_HOME=$home/data" \
      --env "OPENAI_API_KEY=" "mcp-openai=dotnet $server" "$@" ;;
  startup-installed)
    runs="${1:-10}"; shift || true
    # Pack into a folder of its own and install from it alone, with a private NuGet cache, as a user would from nuget.org.
    dotnet pack "$root/src/McpOpenAI.Server" -c Release -o "$home/feed" -v q -nologo >/dev/null
    printf '<configuration><packageSources><clear /><add key="feed" value="%s" /></packageSources></configuration>\n' "$home/feed" >"$home/nuget.config"
    NUGET_PACKAGES="$home/packages" dotnet tool install McpOpenAI --tool-path "$home/tools" --configfile "$home/nuget.config" >&2
    node_bin="$("$root/tests/node/ensure-node.sh" "$root/tests/bench/everything")"
    everything="$root/tests/bench/everything/node_modules/@modelcontextprotocol/server-everything/dist/index.js"
    dotnet "$bench" startup --runs "$runs" --rss --env "HOME=$home" --env "XDG_CONFIG_HOME=$home/config" --env "XDG_DATA_HOME=$home/data" \
      --env "OPENAI_API_KEY=" "server-everything=$node_bin/node $everything stdio" "mcp-openai=$home/tools/mcp-openai" \
      "mcp-openai-jit=dotnet $server" "$@" ;;
  calls)
    calls="${1:-2000}"; shift || true
    dotnet "$bench" calls --calls "$calls" --env "HOME=$home" --env "XDG_CONFIG_HOME=$home/config" --env "XDG_DATA_HOME=$home/data" \
      --env "OPENAI_API_KEY=" "mcp-openai=dotnet $server" "$@" ;;
  cache)
    HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" OPENAI_API_KEY= dotnet "$bench" cache --runs "${1:-300}" ;;
  *) echo "usage: $0 startup [runs] | startup-installed [runs] | calls [calls] [LABEL=COMMAND ...] | cache [runs]" >&2; exit 2 ;;
esac
