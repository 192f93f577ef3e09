/**
 * The editor's copy of a record schema (`.svc-sla/schemas/`, written by `init`): the same
 * schema, saying in what editors understand what `validate` reads. `validate` checks a value
 * after reading the forms people type (`2026/7/3 9:05`, `一级`, `是`) as their canonical one,
 * against the exact schema with svc-sla's own formats; an editor knows neither, so here:
 *
 * - a timestamp or date field gets a `pattern` of the year-first forms svc-sla reads, with the
 *   month, day, hour and minute in range, so `2026-07-32` and `25:00` are flagged as you type
 *   (February 30 is left to `validate`; a value in full-width digits is left to it too);
 * - an enum field lists the zh-CN words svc-sla reads beside its values (`业务问题`, `现场`), and
 *   its description says which word means which value;
 * - a level also takes `一级` … `四级`, a boolean also `是`/`否`, `yes`/`no`, `√`/`×`.
 *
 * Unknown fields stay flagged (`additionalProperties: false`): `validate` refuses a near miss of
 * a field's name and only warns about other unknown fields, a difference no schema can express.
 */
import { isKind } from '../core/kinds';
import { vocabularyOf } from '../sheets/value-aliases';
import { booleanWords } from '../sheets/values';

const Y = '(?:19|2[0-9])[0-9]{2}';
const M = '(?:0?[1-9]|1[0-2])';
const D = '(?:0?[1-9]|[12][0-9]|3[01])';
const DATE = `(?:${Y}-${M}-${D}|${Y}/${M}/${D}|${Y}\\.${M}\\.${D}|${Y}年${M}月${D}日?)`;
const TIME = '(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?|(?:[01]?[0-9]|2[0-3])[时点](?:[0-5]?[0-9]分)?)';
const OFFSET = '(?:Z|[+-][0-9]{2}:?[0-9]{2})?';
/** a value with full-width digits: its reading is left to `validate` */
const WIDE = '.*[０-９].*';

export const EDITOR_DATE_PATTERN = `^(?:${DATE}|${WIDE})$`;
export const EDITOR_TIMESTAMP_PATTERN = `^(?:${DATE}(?:(?:T|\\s*)${TIME}${OFFSET})?|${WIDE})$`;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every case of an ASCII word people write (`yes`, `Yes`, `YES`); other words as they are. */
function cases(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const w of words) {
    out.add(w);
    if (/^[a-z]+$/.test(w)) {
      out.add(w.toUpperCase());
      out.add(w[0]!.toUpperCase() + w.slice(1));
    }
  }
  return [...out];
}

function note(description: unknown, extra: string): string {
  return typeof description === 'string' && description !== '' ? `${description} ${extra}` : extra;
}

function editorProperty(kind: string, field: string, p: Json): Json {
  if (p.format === 'timestamp' || p.format === 'date') {
    const { format, ...rest } = p;
    return format === 'timestamp'
      ? { ...rest, pattern: EDITOR_TIMESTAMP_PATTERN, description: note(p.description, 'A time, year first: 2026-07-03 09:05, 2026/7/3 9:05, 2026年7月3日 9:05, or ISO 8601 with offset.') }
      : { ...rest, pattern: EDITOR_DATE_PATTERN, description: note(p.description, 'A date, year first: 2026-07-03, 2026/7/3, 2026年7月3日.') };
  }
  if (p.type === 'boolean') {
    const { type, ...rest } = p;
    return { ...rest, anyOf: [{ type }, { type: 'string', enum: cases(booleanWords()) }], description: note(p.description, 'true/false, 是/否, yes/no, 1/0, √/×.') };
  }
  const vocabulary = vocabularyOf(kind, field);
  if (vocabulary === undefined) return p;
  // the words that mean one value for certain (a word that only suggests one is not read as it)
  const words = Object.entries(vocabulary.aliases).filter((e): e is [string, string] => typeof e[1] === 'string');
  const first = new Map<string, string>();
  for (const [w, v] of words) if (!first.has(v)) first.set(v, w);
  const legend = vocabulary.allowed.map((v) => (first.has(v) ? `${v} (${first.get(v)})` : v)).join(', ');
  if (p.type === 'integer') {
    const { type, minimum, maximum, ...rest } = p;
    const numeric: Json = { type, ...(minimum === undefined ? {} : { minimum }), ...(maximum === undefined ? {} : { maximum }) };
    return { ...rest, anyOf: [numeric, { type: 'string', enum: [...vocabulary.allowed, ...words.map(([w]) => w)] }], description: note(p.description, `Also as written: ${legend}.`) };
  }
  if (Array.isArray(p.enum)) {
    return { ...p, enum: [...(p.enum as unknown[]), ...cases(words.map(([w]) => w)).filter((w) => !(p.enum as unknown[]).includes(w))], description: note(p.description, `Values: ${legend}.`) };
  }
  return p;
}

/** The editor's copy of schema `name` (a kind's record schema is changed; any other is as it is). */
export function editorSchemaText(name: string, text: string): string {
  const schema = JSON.parse(text) as Json;
  const props = schema.properties;
  if (!isKind(name) || !isObject(props)) return text;
  const out: Json = {};
  for (const [field, p] of Object.entries(props)) out[field] = isObject(p) ? editorProperty(name, field, p) : p;
  return `${JSON.stringify({ ...schema, properties: out }, null, 2)}\n`;
}
