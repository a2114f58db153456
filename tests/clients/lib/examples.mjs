// The tables of example arguments kept beside each plugin: plugins/*/tool-examples.json and prompts/*/tool-examples.json.
// Each is { "$comment": "...", "tools": { "<tool>": [ { "arguments": {...}, "expect": "result" | "error" }, ... ] } }.
import fs from 'node:fs';
import path from 'node:path';

const patterns = ['plugins/*/tool-examples.json', 'prompts/*/tool-examples.json'];
const expectations = new Set(['result', 'error']);

/**
 * Reads every table under the repository. Returns the examples by tool name, in file order (files sorted by path),
 * and the problems found (a malformed file or entry, a tool listed twice): each problem is a failure of the run.
 */
export function loadExamples(repo) {
  const files = patterns.flatMap((pattern) => fs.globSync(pattern, { cwd: repo })).sort();
  const byTool = new Map();
  const problems = [];
  for (const file of files) {
    let tools;
    try {
      tools = JSON.parse(fs.readFileSync(path.join(repo, file), 'utf8')).tools;
    } catch (error) {
      problems.push(`${file}: ${error.message}`);
      continue;
    }
    if (!tools || typeof tools !== 'object' || Array.isArray(tools)) {
      problems.push(`${file}: "tools" must be an object from tool name to a list of examples`);
      continue;
    }
    for (const [tool, entries] of Object.entries(tools)) {
      if (byTool.has(tool)) {
        problems.push(`${file}: ${tool} already has examples in ${byTool.get(tool)[0].file}`);
        continue;
      }
      const examples = (Array.isArray(entries) ? entries : [entries]).map((entry, index) => check(file, tool, index, entry, problems));
      byTool.set(tool, examples.filter(Boolean));
    }
  }
  return { files, byTool, problems };
}

function check(file, tool, index, entry, problems) {
  const where = `${file}: ${tool}[${index}]`;
  if (!entry || typeof entry.arguments !== 'object' || entry.arguments === null || Array.isArray(entry.arguments)) {
    problems.push(`${where}: "arguments" must be an object`);
    return null;
  }
  const expect = entry.expect ?? 'result';
  if (!expectations.has(expect)) {
    problems.push(`${where}: "expect" must be "result" or "error", not ${JSON.stringify(entry.expect)}`);
    return null;
  }
  return { file, arguments: entry.arguments, expect };
}
