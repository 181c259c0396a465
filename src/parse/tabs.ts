import type { CST } from 'yaml';

/**
 * Where go-yaml refuses a tab that `yaml` reads past. Its scanner skips a tab as white space
 * only inside flow collections or where no simple key may start (scannerc.go,
 * `yaml_parser_scan_to_next_token`: "not at the beginning of the line or after '-', '?', or ':'
 * (complex value)"); anywhere else a tab is "a character that cannot start any token" and
 * kubectl rejects the file. Walks one document's CST in source order; returns the tab's offset.
 */
export function goRejectedTab(document: CST.Document): number | undefined {
  // Content (scalars, aliases) enters as a `content` mark: after it no simple key may start.
  const tokens: { offset: number; type: string; source: string; flow: boolean; complexValue: boolean }[] = [];
  const add = (list: readonly CST.SourceToken[] | undefined, flow: boolean, complexValue = false): void => {
    for (const token of list ?? []) tokens.push({ offset: token.offset, type: token.type, source: token.source, flow, complexValue });
  };
  const content = (offset: number, flow: boolean): void => {
    tokens.push({ offset, type: 'content', source: '', flow, complexValue: false });
  };
  // Iterative: documents reach here before their depth is checked.
  const stack: [CST.Token | null | undefined, boolean][] = [[document.value, false]];
  add(document.start, false);
  add(document.end, false);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, flow] = next;
    if (!token) continue;
    switch (token.type) {
      case 'block-map':
      case 'block-seq':
        for (const item of token.items) {
          add(item.start, flow);
          if ('key' in item) {
            stack.push([item.key, flow]);
            add(item.sep, flow, 'explicitKey' in item && item.explicitKey === true);
          }
          stack.push([item.value, flow]);
        }
        break;
      case 'flow-collection':
        add([token.start], true);
        add(token.end, true);
        for (const item of token.items) {
          add(item.start, true);
          add(item.sep, true);
          stack.push([item.key, true], [item.value, true]);
        }
        break;
      case 'block-scalar':
        add(token.props.filter((prop): prop is CST.SourceToken => 'source' in prop && 'indent' in prop), flow);
        content(token.offset, flow);
        break;
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        content(token.offset, flow);
        add(token.end, flow);
        break;
      default:
        break;
    }
  }
  tokens.sort((a, b) => a.offset - b.offset);
  let allowed = true; // a simple key may start here: the start of the document's first line
  for (const { offset, type, source, flow, complexValue } of tokens) {
    if (type === 'space') {
      if (allowed && !flow && source.includes('\t')) return offset + source.indexOf('\t');
      continue;
    }
    allowed = !flow && (type === 'newline' || type === 'seq-item-ind' || type === 'explicit-key-ind' || (type === 'map-value-ind' && complexValue));
  }
  return undefined;
}
