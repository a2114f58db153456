// What one client run found: per tool its calls, passes and failures (with the arguments and the message), the same for
// prompts and resources, and failures that belong to no single call. Printed as JSON and as one summary line.
import fs from 'node:fs';
import path from 'node:path';

export class Report {
  constructor(client, version, transport) {
    Object.assign(this, { client, version, transport, server: null, tools: {}, prompts: {}, resources: {}, resourcesListed: 0, resourceTemplates: [], problems: [] });
  }

  /** Records one call of a tool: failure is null when it passed. */
  toolCall(name, source, call, failure) {
    const entry = (this.tools[name] ??= { source, calls: 0, passed: 0, failures: [] });
    record(entry, call, failure);
  }

  prompt(name, call, failure) {
    record((this.prompts[name] ??= { calls: 0, passed: 0, failures: [] }), call, failure);
  }

  resource(uri, call, failure) {
    record((this.resources[uri] ??= { calls: 0, passed: 0, failures: [] }), call, failure);
  }

  /** A failure outside any one call: a bad examples file, a list request that threw. */
  problem(message) {
    this.problems.push(message);
  }

  /** Every failure as "what: message", for an assertion message or a log. */
  get failures() {
    const of = (kind, entries) => Object.entries(entries).flatMap(([name, e]) => e.failures.map((f) => `${kind} ${name} ${JSON.stringify(f.arguments)}: ${f.message}`));
    return [...this.problems, ...of('tool', this.tools), ...of('prompt', this.prompts), ...of('resource', this.resources)];
  }

  summary() {
    const totals = (entries) => Object.values(entries).reduce((t, e) => ({ calls: t.calls + e.calls, failed: t.failed + e.failures.length }), { calls: 0, failed: 0 });
    const tools = totals(this.tools), prompts = totals(this.prompts), resources = totals(this.resources);
    const failedSuffix = (t) => (t.failed ? ` (${t.failed} failed)` : '');
    const problems = this.problems.length ? `; ${this.problems.length} other failures` : '';
    return `clients: ${this.client} ${this.version} over ${this.transport}: ${Object.keys(this.tools).length} tools, ${tools.calls} calls, ${tools.failed} failed; ` +
      `${Object.keys(this.prompts).length} prompts${failedSuffix(prompts)}; ${this.resourcesListed} resources, ${resources.calls} read${failedSuffix(resources)}${problems}`;
  }

  /** Writes the JSON report to file (when given) and prints the summary line last on stdout. */
  finish(file) {
    const json = JSON.stringify({ ...this, summary: this.summary(), failures: this.failures }, null, 2);
    if (file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, json + '\n');
    }
    console.log(this.summary());
    return this.failures.length === 0;
  }
}

function record(entry, call, failure) {
  entry.calls++;
  if (failure) entry.failures.push({ ...call, message: failure });
  else entry.passed++;
  if (call.outcome) (entry.outcomes ??= []).push({ arguments: call.arguments, expect: call.expect, outcome: call.outcome });
}
