// Connects the TypeScript SDK's own Client, as Claude Desktop, Claude Code and the MCP Inspector do: over stdio
// (spawning the server command with this process's environment) or over Streamable HTTP.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export async function connect(options, clientInfo) {
  const transport = options.transport === 'http'
    ? new StreamableHTTPClientTransport(new URL(options.url))
    : new StdioClientTransport({ command: options.command, args: options.args, env: stringEnvironment(), stderr: 'inherit' });
  const client = new Client(clientInfo, { capabilities: {} });
  await client.connect(transport, { timeout: options.timeoutMs });
  return client;
}

/** Every item of a paginated list request (tools/list, prompts/list, ...). */
export async function listAll(request, key) {
  const items = [];
  let cursor;
  do {
    const page = await request(cursor ? { cursor } : undefined);
    items.push(...(page[key] ?? []));
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

function stringEnvironment() {
  return Object.fromEntries(Object.entries(process.env).filter(([, value]) => typeof value === 'string'));
}

/** A thrown error as the report shows it; an McpError's message already names its code ("MCP error -32602: ..."). */
export function describeError(error) {
  return `protocol error: ${error?.message ?? error}`;
}
