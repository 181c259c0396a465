#!/usr/bin/env node
// Writes the generated corpus again in other styles, so throughput is measured on more than one
// way of writing YAML (issue 17): each style goes through different parse paths.
//
//   node bench/restyle.mjs [--from DIR]   (default: $TMPDIR/ballast-bench/x1; writes x1-<style> beside it)
//
// flow:      mappings and sequences of scalars written in flow style ({app: web}, [a, b]), as
//            hand-written and Helm-rendered manifests often are
// json:      one .json file per application (a List when it holds several objects)
// anchors:   labels anchored once and aliased in selectors and templates, a comment line before
//            every object; the full parser reads these
// tabs:      comments after values, some set off by a tab (`image: x\t# pinned`); the full parser
//            reads these, as Kubernetes would
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { Document, isMap, isScalar, parseAllDocuments, visit } from 'yaml';

const { values } = parseArgs({ options: { from: { type: 'string' } } });
const from = values.from ?? join(tmpdir(), 'ballast-bench', 'x1');
const files = readdirSync(from, { recursive: true })
  .filter((name) => String(name).endsWith('.yaml'))
  .map(String);

const styles = {
  flow(text) {
    return documentsOf(text)
      .map((value) => {
        const doc = new Document(value);
        visit(doc, {
          Map(_, node) {
            if (node.items.length > 0 && node.items.every((pair) => isShortScalar(pair.value))) node.flow = true;
          },
          Seq(_, node) {
            if (node.items.length > 0 && node.items.every((item) => isShortScalar(item))) node.flow = true;
          },
        });
        return doc.toString({ lineWidth: 0 });
      })
      .join('---\n');
  },
  json(text) {
    const docs = documentsOf(text);
    return `${JSON.stringify(docs.length === 1 ? docs[0] : { apiVersion: 'v1', kind: 'List', items: docs }, null, 2)}\n`;
  },
  anchors(text) {
    return documentsOf(text)
      .map((value) => {
        const doc = new Document(value);
        const labels = doc.getIn(['metadata', 'labels'], true);
        if (isMap(labels)) {
          const same = JSON.stringify(labels.toJSON());
          for (const path of [
            ['spec', 'selector', 'matchLabels'],
            ['spec', 'template', 'metadata', 'labels'],
          ]) {
            const node = doc.getIn(path, true);
            if (node && JSON.stringify(node.toJSON()) === same) doc.setIn(path, doc.createAlias(labels, 'labels'));
          }
        }
        return `# ${value?.kind ?? 'object'} ${value?.metadata?.name ?? ''}\n${doc.toString({ lineWidth: 0 })}`;
      })
      .join('---\n');
  },
  tabs(text) {
    let line = 0;
    return text.replace(/^( *[\w.-]+: [^\s{[|>&*!#'"][^\n#]*)$/gm, (whole) => {
      line++;
      if (line % 9 === 0) return `${whole}\t# pinned`;
      if (line % 4 === 0) return `${whole}  # reviewed`;
      return whole;
    });
  },
};

/** People write short maps in flow style; multi-line text stays in block style. */
function isShortScalar(node) {
  return isScalar(node) && !String(node.value).includes('\n');
}

function documentsOf(text) {
  return parseAllDocuments(text, { version: '1.1' }).map((doc) => doc.toJS());
}

for (const [style, write] of Object.entries(styles)) {
  const out = `${from}-${style}`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const name of files) {
    const text = readFileSync(join(from, name), 'utf8');
    const target = join(out, style === 'json' ? join(dirname(name), `${basename(name, '.yaml')}.json`) : name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, write(text));
  }
  console.log(`${style}: ${files.length} files in ${out}`);
}
