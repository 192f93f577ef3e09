/**
 * A fast path for the most common record file: one flat mapping of `key: plain scalar` lines,
 * as a coordinator writes a ticket. Anything outside that subset (lists, nesting, quotes,
 * anchors, flow collections, document markers, duplicate keys, unusual numbers) returns null
 * and the file goes to the full `yaml` parser, which also owns every error message. For the
 * subset, the values are exactly what `yaml`'s YAML 1.2 core schema gives, and the positions are
 * exact, so nothing is lost by taking this path (test/records/fast-yaml.test.ts compares the two).
 */
import { ID_FIELDS } from '../core/kinds';
import type { SourcePos } from '../core/problems';
import type { FieldPath, Locator, ParsedYaml } from './yaml';

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*))?$/;
// YAML 1.2 core schema, as the `yaml` package resolves plain scalars
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Plain scalars that would need more of YAML than this subset resolves: leave them to `yaml`. */
const UNUSUAL = /^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$)/;
/** A plain scalar may not start with an indicator; such values go to the full parser. */
const INDICATOR = /^[[\]{}&*!|>'"%@`,?]|^-(?:[ \t]|$)|^:(?:[ \t]|$)/;

/** `positions`: false when nobody will ask where a field is (a file already checked clean). */
export function parseFlatYaml(text: string, file: string, positions = true): ParsedYaml | null {
  const data: Record<string, unknown> = {};
  // positions as parallel arrays: cheap to fill for every record, searched only when one is reported
  const keys: string[] = [];
  const lines: number[] = [];
  const valueCols: number[] = [];
  let firstLine = 0;
  let lineNo = 0;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    lineNo++;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '' || line[0] === '#') {
      if (end === n) break;
      continue;
    }
    const c0 = line[0]!;
    if (c0 === ' ' || c0 === '\t') {
      // an indented comment or blank line is harmless; anything else is nesting
      const t = line.trim();
      if (t === '' || t[0] === '#') continue;
      return null;
    }
    const m = KEY.exec(line);
    if (!m) return null;
    const key = m[1]!;
    if (key === '__proto__') return null; // would set the object's prototype: the full parser builds it safely
    if (Object.prototype.hasOwnProperty.call(data, key)) return null; // a duplicate key: the full parser reports both places
    let raw = m[2] ?? '';
    // a comment starts at ` #`
    const hash = raw.indexOf(' #');
    const tabHash = raw.indexOf('\t#');
    const cut = hash === -1 ? tabHash : tabHash === -1 ? hash : Math.min(hash, tabHash);
    if (cut !== -1) raw = raw.slice(0, cut);
    const value = raw.trim();
    if (value.includes('\t') || value.includes(': ') || value.endsWith(':') || INDICATOR.test(value) || value.startsWith('#')) return null;
    const keyCol = 1;
    const valueCol = line.length - (m[2] ?? '').length + 1 + (raw.length - raw.trimStart().length);
    let v: unknown;
    if (value === '' || NULL.test(value)) v = null;
    else if (TRUE.test(value)) v = true;
    else if (FALSE.test(value)) v = false;
    else if (UNUSUAL.test(value)) return null;
    else if (INT.test(value)) v = ID_FIELDS.has(key) ? value : Number(value);
    else if (FLOAT.test(value)) v = ID_FIELDS.has(key) ? value : Number(value);
    else v = value;
    data[key] = v;
    if (positions) {
      keys.push(key);
      lines.push(lineNo);
      valueCols.push(value === '' ? keyCol : valueCol);
    }
    if (firstLine === 0) firstLine = lineNo;
    if (end === n) break;
  }
  if (firstLine === 0) return null; // only comments: the full parser decides what that is
  const pos: SourcePos = { file, line: firstLine, column: 1 };
  const locate: Locator = !positions ? () => pos : (path: FieldPath, at = 'value') => {
    const i = path.length > 0 ? keys.indexOf(String(path[0])) : -1;
    if (i === -1) return pos;
    return { file, line: lines[i]!, column: path.length === 1 && at === 'key' ? 1 : valueCols[i]! };
  };
  return { items: [{ data, pos, locate }], problems: [] };
}
