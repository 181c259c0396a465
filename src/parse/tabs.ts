import type { CST } from 'yaml';

/**
 * Where go-yaml refuses what `yaml` reads past (kubectl rejects the file), found on one
 * document's CST in source order. Returns the offending offset.
 *
 * Tabs: go-yaml's scanner skips a tab as white space only inside flow collections or where no
 * simple key may start (scannerc.go, `yaml_parser_scan_to_next_token`: "not at the beginning of
 * the line or after '-', '?', or ':' (complex value)"); a plain scalar eats the white space after
 * it, tabs included, but refuses a tab left of its indentation ("a tab character that violates
 * indentation"); a block scalar without an indentation indicator refuses a tab in front of its
 * first line's text ("where an indentation space is expected").
 * Flow: go-yaml reads a plain scalar through a `:` not followed by a blank, and refuses one
 * starting with `:`. Explicit keys: a `:` on its own line must stand under its `?`.
 */
export function goRejects(document: CST.Document, text: string): number | undefined {
  const marks: Mark[] = [];
  const add = (list: readonly CST.SourceToken[] | undefined, flow: boolean, complexValue = false): void => {
    for (const token of list ?? []) marks.push({ offset: token.offset, type: token.type, source: token.source, flow, complexValue, indent: 0 });
  };
  add(document.start, false);
  add(document.end, false);
  // Iterative: documents reach here before their depth is checked. `indent` is the column a
  // plain scalar's continuation must reach (go-yaml's parser.indent + 1).
  const stack: [CST.Token | null | undefined, boolean, number][] = [[document.value, false, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, flow, indent] = next;
    if (!token) continue;
    switch (token.type) {
      case 'block-map':
      case 'block-seq': {
        const inner = columnOf(text, token.offset) + 1;
        for (const item of token.items) {
          add(item.start, flow);
          // `? key` then `:` on a line of its own must stand in the `?`'s column.
          const indicator = 'explicitKey' in item && item.explicitKey ? item.sep?.find((part) => part.type === 'map-value-ind') : undefined;
          if (indicator && item.sep?.some((part) => part.type === 'newline' && part.offset < indicator.offset) && columnOf(text, indicator.offset) !== inner - 1) return indicator.offset;
          if ('key' in item) {
            stack.push([item.key, flow, inner]);
            add(item.sep, flow, 'explicitKey' in item && item.explicitKey === true);
          }
          stack.push([item.value, flow, inner]);
        }
        break;
      }
      case 'flow-collection':
        add([token.start], true);
        add(token.end, true);
        for (const item of token.items) {
          add(item.start, true);
          add(item.sep, true);
          // go-yaml reads `a:` + non-blank in flow as one plain scalar (`{a:}` is {"a:": null},
          // `{a:[]}` an error) where `yaml` reads a key and a value.
          const indicator = item.sep?.find((part) => part.type === 'map-value-ind');
          const after = indicator ? text.charAt(indicator.offset + 1) : ' ';
          if (indicator && item.key?.type === 'scalar' && item.key.offset + item.key.source.length === indicator.offset && !/^$|[ \t\r\n]/.test(after)) return indicator.offset;
          stack.push([item.key, true, indent], [item.value, true, indent]);
        }
        break;
      case 'block-scalar': {
        add(
          token.props.filter((prop): prop is CST.SourceToken => 'source' in prop && 'indent' in prop),
          flow,
        );
        marks.push({ offset: token.offset, type: 'content', source: '', flow, complexValue: false, indent: 0 });
        const header = token.props.find((prop) => prop.type === 'block-scalar-header');
        const first = /[^ \r\n]/.exec(token.source);
        if (header && 'source' in header && !/\d/.test(header.source) && first?.[0] === '\t') return text.indexOf(token.source, header.offset) + first.index;
        break;
      }
      case 'scalar':
        if (flow && token.source.startsWith(':')) return token.offset;
        marks.push({ offset: token.offset, type: 'plain', source: '', flow, complexValue: false, indent });
        add(token.end, flow);
        break;
      case 'alias':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        marks.push({ offset: token.offset, type: 'content', source: '', flow, complexValue: false, indent: 0 });
        add(token.end, flow);
        break;
      default:
        break;
    }
  }
  marks.sort((a, b) => a.offset - b.offset);
  let state: 'line-start' | 'indicator' | 'other' = 'line-start';
  // The indentation of a plain scalar still eating white space, if any.
  let plain: number | undefined;
  for (const mark of marks) {
    if (mark.type === 'space') {
      const tab = mark.source.indexOf('\t');
      if (tab === -1 || mark.flow || state === 'other') continue;
      const at = mark.offset + tab;
      if (state === 'indicator' || plain === undefined || columnOf(text, at) < plain) return at;
      continue;
    }
    if (mark.type === 'newline') {
      if (!mark.flow) state = 'line-start';
      continue;
    }
    plain = mark.type === 'plain' && !mark.flow ? mark.indent : undefined;
    const indicator = mark.type === 'seq-item-ind' || mark.type === 'explicit-key-ind' || (mark.type === 'map-value-ind' && mark.complexValue);
    state = !mark.flow && indicator ? 'indicator' : 'other';
  }
  return undefined;
}

interface Mark {
  offset: number;
  type: string;
  source: string;
  flow: boolean;
  complexValue: boolean;
  indent: number;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
