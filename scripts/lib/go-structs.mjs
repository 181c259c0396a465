// Reads Go struct declarations (the stripped `*.structs.go` copies in scripts/vendor/) and turns
// them into the JSON-schema subset of src/model/schema.ts. Shared by the schema generators.

const SCALARS = {
  string: { type: 'string' },
  bool: { type: 'boolean' },
  int: { type: 'integer' },
  int32: { type: 'integer' },
  int64: { type: 'integer' },
  uint32: { type: 'integer' },
  float64: { type: 'number' },
};
const TYPE_META = { apiVersion: { type: 'string' }, kind: { type: 'string' } };

/** Parses `type X struct {...}`, `type X []Y` and `type X string` declarations. */
export function parseDeclarations(text) {
  const structs = new Map();
  const aliases = new Map();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const struct = /^type (\w+) struct \{$/.exec(line);
    if (struct) {
      const fields = [];
      for (i++; i < lines.length && lines[i].trim() !== '}'; i++) {
        const field = lines[i].trim();
        if (field === '' || field.startsWith('//')) continue;
        // An embedded struct without a json name is inlined by encoding/json.
        const embedded = /^([\w.]+) `json:"(,inline)?"`$/.exec(field);
        if (embedded) {
          fields.push({ embedded: embedded[1] });
          continue;
        }
        const match = /^(\w+) +(\S+) +`json:"([^,"]*)(,[^"]*)?"( [^`]*)?`$/.exec(field);
        if (!match) throw new Error(`cannot read field line ${i + 1}: ${field}`);
        fields.push({ goName: match[1], type: match[2], json: match[3] });
      }
      structs.set(struct[1], fields);
      continue;
    }
    const alias = /^type (\w+) (\S+)$/.exec(line);
    if (alias) aliases.set(alias[1], alias[2]);
  }
  return { structs, aliases };
}

/**
 * The schema of a Go type. `external` maps qualified type names whose JSON form is not their Go
 * shape (custom (Un)MarshalJSON) or that are not in the vendored file to their schema.
 */
export function schemaOf(type, decls, external) {
  if (type.startsWith('*')) return schemaOf(type.slice(1), decls, external);
  if (type.startsWith('[]')) return { type: 'array', items: schemaOf(type.slice(2), decls, external) };
  const map = /^map\[string\](.+)$/.exec(type);
  if (map) return { type: 'object', additionalProperties: schemaOf(map[1], decls, external) };
  if (Object.hasOwn(external, type)) return external[type];
  if (Object.hasOwn(SCALARS, type)) return SCALARS[type];
  const local = type.includes('.') ? type.slice(type.indexOf('.') + 1) : type;
  if (Object.hasOwn(external, local)) return external[local];
  if (decls.structs.has(local)) return structSchema(local, decls, external);
  if (decls.aliases.has(local)) return schemaOf(decls.aliases.get(local), decls, external);
  throw new Error(`unknown Go type ${type}`);
}

export function structSchema(name, decls, external) {
  const properties = {};
  for (const field of decls.structs.get(name)) {
    if (field.embedded) {
      if (field.embedded === 'metav1.TypeMeta') Object.assign(properties, TYPE_META);
      else Object.assign(properties, schemaOf(field.embedded, decls, external).properties);
      continue;
    }
    if (field.json === '-') continue;
    // encoding/json uses the Go field name when the tag gives none.
    properties[field.json === '' ? field.goName : field.json] = schemaOf(field.type, decls, external);
  }
  return { type: 'object', properties, additionalProperties: false };
}

/**
 * The Kubernetes release a vendored struct file was copied from, from its first line:
 * `// kubernetes/kubernetes <tag> <commit>` (e.g. `// kubernetes/kubernetes v1.34.1 a1b2c3…`, the
 * full 40-character commit). Generated modules name it in their header, so a schema can always
 * be traced to the exact source; a file without it is refused.
 */
export function sourcePin(text, file) {
  const match = /^\/\/ kubernetes\/kubernetes (v\d+\.\d+\.\d+\S*) ([0-9a-f]{40})\s*$/m.exec(text.split('\n', 1)[0] ?? '');
  if (!match) throw new Error(`${file}: the first line must pin the source: // kubernetes/kubernetes <tag> <40-hex commit>`);
  return `kubernetes/kubernetes ${match[1]}, commit ${match[2]}`;
}
