import { builtinRules } from '../../rules/index.js';
import type { AnyRule } from '../engine/rule.js';
import { ruleDocsUrl } from '../project.js';

/** The terminal form of a rule's documentation (`ballast --explain <id>`): the sections of docs/rules/<id>.md, without the examples. */
export function explainRule(rule: AnyRule): string {
  const { meta } = rule;
  const lines = [
    `${meta.id} (${meta.category}, default ${meta.severity}${meta.recommended === false ? ', not in recommended' : ''})`,
    '',
    meta.summary,
    '',
    'Why:',
    wrap(meta.rationale),
    '',
    'Fix:',
    wrap(meta.fix),
    '',
    `Applies to: ${meta.appliesTo.join(', ')}`,
  ];
  const options = meta.options;
  if (options && Object.keys(options.schema).length > 0) {
    lines.push('', 'Options:');
    for (const [name, schema] of Object.entries(options.schema)) {
      const type = typeof schema['type'] === 'string' ? schema['type'] : 'value';
      lines.push(`  ${name} (${type}, default ${JSON.stringify(options.defaults[name])})`);
    }
  }
  const docs = rule.meta.docs ?? (builtinRules.includes(rule) ? ruleDocsUrl(meta.id) : undefined);
  if (docs) lines.push('', `Docs and examples: ${docs}`);
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width = 88): string {
  const out: string[] = [];
  let line = ' ';
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > width && line.trim()) {
      out.push(line);
      line = ' ';
    }
    line += ` ${word}`;
  }
  if (line.trim()) out.push(line);
  return out.join('\n');
}
