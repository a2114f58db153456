#!/usr/bin/env node
// The server through the MCP Inspector's CLI (mcp-inspector-cli --cli), as a user of the Inspector drives it: tools/list,
// prompts/list, and tools/call for a few tools with the first "result" example of their tool-examples.json. The
// Inspector's own SDK client validates structuredContent, and it exits 1 with the message on any error. Each call must
// exit 0 with JSON on stdout. Prints a JSON report (--report FILE) and one summary line last; exit status 1 on a failure.
//   node inspector.mjs --stdio -- dotnet path/to/mcp-openai.dll        node inspector.mjs --http http://127.0.0.1:3001/mcp
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadExamples } from './lib/examples.mjs';
import { parseOptions } from './lib/options.mjs';

const tools = ['get_current_time', 'text_stats', 'describe_table', 'get_customer', 'embed'];
const here = new URL('.', import.meta.url);
const bin = new URL('node_modules/.bin/mcp-inspector-cli', here).pathname;
const version = JSON.parse(fs.readFileSync(new URL('node_modules/@modelcontextprotocol/inspector-cli/package.json', here), 'utf8')).version;

function inspect(options, method, extra = []) {
  // inspector-cli 1.0.3 finds its package.json through ../package.json of the working folder (a bug), so it runs in
  // lib/ (whose parent has one), and the server command's relative paths are made absolute first.
  const absolute = (arg) => (fs.existsSync(arg) ? path.resolve(arg) : arg);
  const target = options.transport === 'http' ? [options.url] : [options.command, ...options.args.map(absolute)];
  const cwd = new URL('lib/', here).pathname;
  return new Promise((resolve) => {
    execFile(bin, ['--cli', ...target, '--method', method, ...extra], { cwd, timeout: options.timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const message = stderr.split('\n').filter((l) => l.trim() && !/deprecated|Upgrade:|security fixes|Failed with exit code/.test(l)).join(' ').trim();
      if (error) return resolve({ failure: message || error.message });
      try {
        resolve({ json: JSON.parse(stdout) });
      } catch {
        resolve({ failure: `stdout is not JSON: ${stdout.slice(0, 300)}` });
      }
    });
  });
}

function toolArguments(args) {
  // The CLI parses each value as JSON first, so JSON text carries strings, numbers and lists exactly.
  return Object.entries(args).flatMap(([key, value]) => ['--tool-arg', `${key}=${JSON.stringify(value)}`]);
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const examples = loadExamples(options.repo);
  const calls = [];
  const record = (call, outcome, check) => {
    const failure = outcome.failure ?? check(outcome.json);
    calls.push({ ...call, ok: !failure, ...(failure ? { message: failure } : {}) });
    return outcome.json;
  };

  const listed = record({ method: 'tools/list' }, await inspect(options, 'tools/list'), (json) =>
    Array.isArray(json?.tools) && tools.every((name) => json.tools.some((t) => t.name === name)) ? null : `tools/list lacks some of ${tools.join(', ')}`);
  record({ method: 'prompts/list' }, await inspect(options, 'prompts/list'), (json) => (Array.isArray(json?.prompts) ? null : 'no prompts array'));
  for (const name of tools) {
    const args = examples.byTool.get(name)?.find((e) => e.expect === 'result')?.arguments ?? {};
    const outputSchema = listed?.tools?.find((t) => t.name === name)?.outputSchema;
    record({ method: 'tools/call', tool: name, arguments: args }, await inspect(options, 'tools/call', ['--tool-name', name, ...toolArguments(args)]), (json) => {
      if (json?.isError) return `isError: ${JSON.stringify(json.content).slice(0, 300)}`;
      if (outputSchema && !json?.structuredContent) return 'no structuredContent although the tool has an outputSchema';
      return Array.isArray(json?.content) ? null : 'no content array';
    });
  }

  const failed = calls.filter((c) => !c.ok);
  const toolCalls = calls.filter((c) => c.method === 'tools/call');
  const summary = `clients: mcp-inspector-cli ${version} over ${options.transport}: tools/list ${listed?.tools?.length ?? 0} tools; ` +
    `${toolCalls.length} tools/call, ${toolCalls.filter((c) => !c.ok).length} failed; ${failed.length} failed in all`;
  const failures = failed.map((c) => `${c.method}${c.tool ? ` ${c.tool} ${JSON.stringify(c.arguments)}` : ''}: ${c.message}`);
  if (options.report) fs.writeFileSync(options.report, JSON.stringify({ client: 'mcp-inspector-cli', version, transport: options.transport, calls, summary, failures }, null, 2) + '\n');
  console.log(summary);
  return failed.length === 0 ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (error) => {
  console.error(`clients: ${error.stack ?? error}`);
  process.exitCode = 2;
});
