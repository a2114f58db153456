// prompts/list + prompts/get for every prompt, resources/list + resources/read and resources/templates/list.
import { describeError, listAll } from './connect.mjs';

const readsPerKind = 5; // of each resource template (and of the resources no template matches)

/** Gets every prompt with its declared arguments, taken from the examples of the tool of the same name or made up. */
export async function checkPrompts(client, report, examples, timeoutMs) {
  if (!client.getServerCapabilities()?.prompts) return;
  const prompts = await listed(report, 'prompts/list', () => listAll((p) => client.listPrompts(p, { timeout: timeoutMs }), 'prompts'));
  for (const prompt of prompts) {
    const args = promptArguments(prompt, examples.byTool.get(prompt.name));
    let failure = null;
    try {
      const result = await client.getPrompt({ name: prompt.name, arguments: args }, { timeout: timeoutMs });
      if (!result.messages?.length) failure = 'prompts/get returned no messages';
    } catch (error) {
      failure = describeError(error);
    }
    report.prompt(prompt.name, { arguments: args }, failure);
  }
}

/** Lists the resources and templates and reads the first few resources of each template and of the others. */
export async function checkResources(client, report, timeoutMs) {
  if (!client.getServerCapabilities()?.resources) return;
  const resources = await listed(report, 'resources/list', () => listAll((p) => client.listResources(p, { timeout: timeoutMs }), 'resources'));
  const templates = await listed(report, 'resources/templates/list', () => listAll((p) => client.listResourceTemplates(p, { timeout: timeoutMs }), 'resourceTemplates'));
  report.resourceTemplates = templates.map((t) => t.uriTemplate);
  report.resourcesListed = resources.length;
  for (const resource of sampleByTemplate(resources, templates)) {
    let failure = null;
    try {
      const result = await client.readResource({ uri: resource.uri }, { timeout: timeoutMs });
      if (!result.contents?.length) failure = 'resources/read returned no contents';
      else if (result.contents.some((c) => typeof c.text !== 'string' && typeof c.blob !== 'string')) failure = 'a content has neither text nor blob';
    } catch (error) {
      failure = describeError(error);
    }
    report.resource(resource.uri, { arguments: { uri: resource.uri } }, failure);
  }
}

async function listed(report, what, list) {
  try {
    return await list();
  } catch (error) {
    report.problem(`${what}: ${describeError(error)}`);
    return [];
  }
}

function promptArguments(prompt, examples) {
  const example = examples?.find((e) => e.expect === 'result')?.arguments ?? {};
  const args = {};
  for (const declared of prompt.arguments ?? []) {
    const value = example[declared.name];
    if (value !== undefined) args[declared.name] = typeof value === 'string' ? value : JSON.stringify(value);
    else if (declared.required) args[declared.name] = 'example';
  }
  return args;
}

function sampleByTemplate(resources, templates) {
  const patterns = templates.map((t) => new RegExp('^' + t.uriTemplate.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$'));
  const kinds = new Map();
  for (const resource of resources) {
    const kind = patterns.findIndex((p) => p.test(resource.uri));
    const list = kinds.get(kind) ?? kinds.set(kind, []).get(kind);
    if (list.length < readsPerKind) list.push(resource);
  }
  return [...kinds.values()].flat();
}
