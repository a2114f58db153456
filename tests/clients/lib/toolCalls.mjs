// Calls every tool the server lists through the SDK's callTool, which validates structuredContent against the tool's
// outputSchema (Ajv, compiled by listTools) exactly as Claude Desktop, Claude Code and the Inspector do.
import { describeError, listAll } from './connect.mjs';
import { placeholderArguments } from './placeholders.mjs';

const maxResultBytes = 1024 * 1024; // Claude Desktop refuses a larger result

/** Lists the tools (caching the SDK's validators), then runs every planned call and records it in the report. */
export async function checkTools(client, report, examples, timeoutMs) {
  let pages = 0;
  const tools = await listAll((params) => (pages++, client.listTools(params, { timeout: timeoutMs })), 'tools');
  if (pages > 1) report.problem(`tools/list came in ${pages} pages: the SDK keeps only the last page's output schemas, so tools of earlier pages go unvalidated`);
  for (const { tool, source, call } of plan(tools, examples, report)) {
    const { outcome, failure } = await callOnce(client, tool.name, call, timeoutMs);
    report.toolCall(tool.name, source, { ...call, outcome }, failure);
  }
  return tools;
}

// Tools with examples first, in the tables' order (so create_ticket runs before get_ticket), then the rest as listed.
// Every tool that requires arguments also gets one call without them, which must be an isError result.
function plan(tools, examples, report) {
  const listed = new Map(tools.map((tool) => [tool.name, tool]));
  for (const name of examples.byTool.keys()) {
    if (!listed.has(name)) report.problem(`${examples.byTool.get(name)[0]?.file ?? 'tool-examples.json'}: ${name} has examples but the server does not list it`);
  }
  const ordered = [...[...examples.byTool.keys()].filter((name) => listed.has(name)), ...[...listed.keys()].filter((name) => !examples.byTool.has(name))];
  return ordered.flatMap((name) => {
    const tool = listed.get(name);
    const given = examples.byTool.get(name);
    const source = given ? given[0]?.file ?? 'tool-examples.json' : 'synthesized from inputSchema';
    const calls = given
      ? given.map((e) => ({ arguments: e.arguments, expect: e.expect }))
      : [{ arguments: placeholderArguments(tool.inputSchema), expect: 'result or error' }];
    if ((tool.inputSchema?.required ?? []).length > 0) calls.push({ arguments: {}, expect: 'error', why: 'required arguments missing' });
    return calls.map((call) => ({ tool, source, call }));
  });
}

/** One call: what came back (outcome, for the report) and what went wrong (failure: null when it passed). */
async function callOnce(client, name, call, timeoutMs) {
  let result;
  try {
    result = await client.callTool({ name, arguments: call.arguments }, undefined, { timeout: timeoutMs, resetTimeoutOnProgress: true, onprogress: () => {} });
  } catch (error) {
    // Whatever was expected: a thrown McpError is what the user's client shows as a broken tool.
    return { outcome: 'protocol error', failure: describeError(error) };
  }
  const text = (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
  const outcome = result.isError ? `isError: ${clip(text, 160)}` : 'result';
  const bytes = Buffer.byteLength(JSON.stringify(result));
  let failure = null;
  if (result.isError && call.expect === 'result') failure = `expected a result, got an isError result: ${clip(text, 400)}`;
  else if (!result.isError && call.expect === 'error') failure = `expected an isError result, got a result: ${clip(text, 400)}`;
  else if (result.isError && !text.trim()) failure = 'an isError result with no text saying what was wrong';
  else if (bytes > maxResultBytes) failure = `the result is ${bytes} bytes, over the 1 MiB Claude Desktop accepts`;
  return { outcome, failure };
}

function clip(text, length) {
  return text.length > length ? text.slice(0, length) + '…' : text;
}
