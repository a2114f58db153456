// Arguments made up from a tool's inputSchema, for a tool that has no examples: each required property gets a value of
// its type (the first enum value or default where there is one). Such a call may end in a result or an isError result.

/** The arguments object for an input schema: its required properties filled with placeholders. */
export function placeholderArguments(schema) {
  return placeholderObject(schema ?? {}, 0);
}

function placeholderObject(schema, depth) {
  const result = {};
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) result[name] = placeholder(properties[name] ?? {}, depth + 1);
  return result;
}

function placeholder(schema, depth) {
  if (depth > 8) return null;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  const choice = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(choice) && choice.length > 0) return placeholder(choice.find((s) => s.type !== 'null') ?? choice[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') ?? 'null' : schema.type ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'object': return placeholderObject(schema, depth);
    case 'array': return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => placeholder(schema.items ?? {}, depth + 1));
    case 'integer': return Math.max(1, Math.ceil(schema.minimum ?? 1));
    case 'number': return schema.minimum ?? 1;
    case 'boolean': return false;
    case 'null': return null;
    default: return 'example';
  }
}
