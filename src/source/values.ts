/**
 * The values people type, made canonical once per record, before the schema check, whatever
 * the file: YAML, CSV or a workbook. Driven by the kind's fields (core/kinds: `fieldsOf`, read
 * from the JSON Schemas) and the vocabularies of src/sheets/value-aliases.ts, it applies the
 * normalisers of src/sheets/values.ts to each field:
 *
 *   timestamp / date fields   `2026/7/3 9:05`, `2026年7月3日`, full-width digits → `2026-07-03 09:05`
 *   booleans                  是/否, yes/no, y/n, 1/0, √/× → true/false
 *   enums                     the zh-CN labels svc-sla prints (业务问题, 现场, 一级 …) → the value
 *   whole numbers, numbers    `"1"`, `１` → 1
 *   lists of strings          a text `a;b`, `a；b`, `a，b`, `a、b` → [a, b]
 *
 * The schema then sees canonical values, and positions stay those of the original value. A
 * value that cannot be read is left as written and refused with a message that says how to fix
 * it (a suggestion where the reading is certain enough to offer, never applied): the schema's
 * own problem for that field is replaced by it. Nothing here guesses: `3/7/2026` is refused.
 */
import { fieldsOf, type FieldInfo, type Kind } from '../core/kinds';
import { didYouMean } from '../util/suggest';
import type { CheckName } from '../core/problems';
import { vocabularyOf, type EnumVocabulary } from '../sheets/value-aliases';
import {
  normaliseBoolean,
  normaliseDate,
  normaliseEnum,
  normaliseInteger,
  normaliseNumber,
  normaliseTimestamp,
  type Hint,
  type Normalised,
} from '../sheets/values';

/** A value that was not read: the problem to report at the field instead of the schema's. */
export interface Refusal {
  readonly field: string;
  readonly rule: CheckName;
  readonly message: string;
}

type Outcome = { readonly value: unknown } | { readonly refusal: Refusal } | null;
/** null: the value stands as it is (already canonical, or for the schema to judge) */
type Fix = (value: unknown) => Outcome;

/** The schema's own forms, which the normalisers would pass through unchanged: skipped cheaply. */
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
/** What splits a list of strings written as one text: `;` and the Chinese `；` `，` `、`. */
export const LIST_SEPARATORS = /[;；，、]/;

function shown(v: unknown): string {
  const s = typeof v === 'string' ? v : String(v);
  return `'${s.length > 60 ? `${s.slice(0, 57)}...` : s}'`;
}

const en = (h: Hint | undefined): string => (h === undefined ? '' : h.en);

const WORDS = {
  timestamp: 'write it as 2026-07-03 09:05, 2026/7/3 9:05 or 2026年7月3日 9:05',
  date: 'write it as 2026-07-03, 2026/7/3 or 2026年7月3日',
};

function timeFix(field: string, format: 'timestamp' | 'date'): Fix {
  const normalise = format === 'date' ? normaliseDate : normaliseTimestamp;
  return (v) => {
    if (typeof v === 'string') {
      if (format === 'timestamp' ? CANONICAL_TIME.test(v) : /^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
      return from(field, normalise(v), (r) => `${field}: ${shown(v)} is not a valid ${format}${r ? `: ${r}` : ` (${WORDS[format]})`}`, 'format');
    }
    // a number where a time goes (20260703 in YAML): never read as one, but the normaliser may see what was meant
    if (typeof v === 'number') {
      const r = normalise(String(v));
      const hint = !r.ok && r.suggestion !== undefined ? `: did you mean ${String(r.suggestion)}? (write it as text)` : ` (${WORDS[format]})`;
      return { refusal: { field, rule: 'format', message: `${field}: the number ${v} is not a ${format}${hint}` } };
    }
    return null;
  };
}

/** The outcome of a normaliser: the value when read, else a refusal worded by `say(hint)`. */
function from<T>(field: string, r: Normalised<T>, say: (hint: string) => string, rule: CheckName): Outcome {
  if (r.ok) return r.changed ? { value: r.value } : null;
  return { refusal: { field, rule, message: say(en(r.hint)) } };
}

function booleanFix(field: string): Fix {
  return (v) => {
    if (typeof v === 'boolean') return null;
    if (v === 1 || v === 0) return { value: v === 1 };
    if (typeof v !== 'string') return null;
    // a text `true` (a CSV cell) is the boolean, even though it is written as the canonical word
    const r = normaliseBoolean(v);
    if (r.ok) return { value: r.value };
    return from(field, r, () => `${field} must be true or false (got ${shown(v)}): write 是 or 否, yes or no, true or false, 1 or 0`, 'type');
  };
}

/** One zh-CN label per value, for messages: the first alias the vocabulary lists for it. */
function labelsOf(vocab: EnumVocabulary): string[] {
  const out: string[] = [];
  for (const value of vocab.allowed) {
    const label = Object.entries(vocab.aliases).find(([, t]) => t === value)?.[0];
    if (label !== undefined) out.push(label);
  }
  return out;
}

function enumRefusal(field: string, v: string, allowed: readonly string[], vocab: EnumVocabulary | undefined, r: Normalised<string>): Refusal {
  if (!r.ok && r.suggestion !== undefined) {
    const s = r.suggestion;
    return { field, rule: 'enum', message: `${field}: ${shown(v)} does not name one value for certain and is not read as any: did you mean ${s}? Write ${s} if so` };
  }
  if (!r.ok && r.hint !== undefined && !/^one of: /.test(r.hint.en)) {
    return { field, rule: 'enum', message: `${field}: ${en(r.hint)}` };
  }
  const labels = vocab ? labelsOf(vocab) : [];
  return {
    field,
    rule: 'enum',
    message: `${field} must be one of ${allowed.join(', ')}${labels.length > 0 ? ` (or ${labels.join(', ')})` : ''} (got ${shown(v)})${didYouMean(v.trim(), allowed)}`,
  };
}

function enumFix(field: string, allowed: readonly string[], vocab: EnumVocabulary | undefined): Fix {
  const aliases = vocab?.aliases ?? {};
  return (v) => {
    if (typeof v !== 'string' || allowed.includes(v)) return null;
    const r = normaliseEnum(v, allowed, aliases);
    if (r.ok) return { value: r.value };
    return { refusal: enumRefusal(field, v, allowed, vocab, r) };
  };
}

function integerFix(field: string, vocab: EnumVocabulary | undefined): Fix {
  return (v) => {
    if (typeof v !== 'string') return null;
    const n = normaliseInteger(v);
    if (n.ok) return { value: n.value };
    if (vocab) {
      const r = normaliseEnum(v, vocab.allowed, vocab.aliases);
      if (r.ok) return { value: Number(r.value) };
      return { refusal: enumRefusal(field, v, vocab.allowed, vocab, r) };
    }
    return { refusal: { field, rule: 'type', message: `${field} must be a whole number (got ${shown(v)}): ${en(n.hint)}` } };
  };
}

function numberFix(field: string): Fix {
  return (v) => {
    if (typeof v !== 'string') return null;
    const n = normaliseNumber(v);
    if (n.ok) return { value: n.value };
    const fix = n.suggestion !== undefined ? `: did you mean ${n.suggestion}?` : '';
    return { refusal: { field, rule: 'type', message: `${field} must be a number (got ${shown(v)}): ${en(n.hint)}${fix}` } };
  };
}

/** A list of strings given as one text (a CSV or sheet cell, or YAML written on one line). */
export function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const listFix: Fix = (v) => (typeof v === 'string' ? { value: splitList(v) } : null);

function fixFor(kind: Kind, f: FieldInfo): Fix | null {
  const vocab = vocabularyOf(kind, f.name);
  if (f.format !== null) return timeFix(f.name, f.format);
  switch (f.cell) {
    case 'boolean':
      return booleanFix(f.name);
    case 'integer':
      return integerFix(f.name, vocab);
    case 'number':
      return numberFix(f.name);
    case 'string-list':
      return listFix;
    case 'string':
      if (f.enum !== null && f.enum.every((e) => typeof e === 'string')) return enumFix(f.name, f.enum as string[], vocab);
      return null;
    default:
      return null;
  }
}

const plans = new Map<Kind, ReadonlyMap<string, Fix>>();

function planOf(kind: Kind): ReadonlyMap<string, Fix> {
  let plan = plans.get(kind);
  if (!plan) {
    const m = new Map<string, Fix>();
    for (const f of fieldsOf(kind).values()) {
      const fix = fixFor(kind, f);
      if (fix) m.set(f.name, fix);
    }
    plans.set(kind, (plan = m));
  }
  return plan;
}

const NONE: readonly Refusal[] = Object.freeze([]);

/**
 * Makes the top-level fields of one record canonical, in place; returns the values it could
 * not read (left as written).
 */
export function normaliseRecord(kind: Kind, data: Record<string, unknown>): readonly Refusal[] {
  const plan = planOf(kind);
  let refusals: Refusal[] | null = null;
  for (const key of Object.keys(data)) {
    const fix = plan.get(key);
    if (fix === undefined) continue;
    const out = fix(data[key]);
    if (out === null) continue;
    if ('value' in out) data[key] = out.value;
    else (refusals ??= []).push(out.refusal);
  }
  return refusals ?? NONE;
}
