#!/usr/bin/env node
// The server through the official TypeScript MCP SDK client (the one inside Claude Desktop, Claude Code and the MCP
// Inspector): lists and calls every tool with the examples of plugins/*/tool-examples.json and prompts/*/tool-examples.json,
// gets every prompt, lists and reads the resources. Any protocol error, any structuredContent the SDK rejects, any result
// that contradicts its example's "expect" is a failure. Prints a JSON report (--report FILE) and one summary line last.
// Exit status: 0 when nothing failed, 1 on a failure, 2 when the server could not be reached.
//   node matrix.mjs --stdio -- dotnet path/to/mcp-openai.dll        node matrix.mjs --http http://127.0.0.1:3001/mcp
import fs from 'node:fs';
import { connect, describeError } from './lib/connect.mjs';
import { loadExamples } from './lib/examples.mjs';
import { parseOptions } from './lib/options.mjs';
import { checkPrompts, checkResources } from './lib/promptsAndResources.mjs';
import { Report } from './lib/report.mjs';
import { checkTools } from './lib/toolCalls.mjs';

const sdk = JSON.parse(fs.readFileSync(new URL('./node_modules/@modelcontextprotocol/sdk/package.json', import.meta.url), 'utf8'));

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const report = new Report('ts-sdk', sdk.version, options.transport);
  const examples = loadExamples(options.repo);
  if (examples.files.length === 0) report.problem(`no tool-examples.json under ${options.repo}/plugins or ${options.repo}/prompts`);
  examples.problems.forEach((p) => report.problem(p));

  let client;
  try {
    client = await connect(options, { name: 'mcp-openai-client-matrix', version: '1.0.0' });
  } catch (error) {
    console.error(`clients: could not connect over ${options.transport}: ${error.message}`);
    return 2;
  }
  try {
    report.server = client.getServerVersion();
    try {
      await checkTools(client, report, examples, options.timeoutMs);
    } catch (error) {
      report.problem(`tools/list: ${describeError(error)}`);
    }
    await checkPrompts(client, report, examples, options.timeoutMs);
    await checkResources(client, report, options.timeoutMs);
  } finally {
    await client.close();
  }
  return report.finish(options.report) ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (error) => {
  console.error(`clients: ${error.stack ?? error}`);
  process.exitCode = 2;
});
