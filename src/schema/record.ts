/**
 * The per-record check: a parsed record against its kind's JSON Schema, with every problem at
 * the field's position, and the record's times parsed. Config and calendar files are checked
 * the same way. Pure apart from the schemas it compiles.
 */
import { YEAR_RANGE_TEXT, yearOutOfRange, type Clock, type When } from '../calendar/time';
import { timeFieldsOf, type Kind } from '../core/kinds';
import { problemAt, type CheckName, type Problem } from '../core/problems';
import type { Rec } from '../core/records';
import { translateSchemaErrors, type SchemaIssue } from '../source/schema-errors';
import type { FieldPath, Locator } from '../source/yaml';
import { normaliseRecord, type Refusal } from '../source/values';
import { validatorFor, type SchemaName } from './ajv';
import { schemaDocument } from '../util/paths';

const TIMESTAMP_HINT = 'use 2026-07-03 01:00, 2026/7/3 1:00, 2026-07-03T01:00:00+08:00, or a date 2026-07-03';

function hint(field: string, keyword: 'format' | 'pattern', format: string | null, value: unknown): string | null {
  const shown = typeof value === 'string' ? `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'` : String(value);
  const periodYear = field.endsWith('period') && (typeof value === 'string' || typeof value === 'number') ? yearOutOfRange(String(value)) : null;
  if (periodYear !== null) return `period ${shown}: the year ${periodYear} is outside ${YEAR_RANGE_TEXT} (a typo in the year?)`;
  if (field.endsWith('period')) return `period ${shown} has the wrong form for this type (2026-09 for a monthly report, 2026 for an inspection plan)`;
  const year = (format === 'timestamp' || format === 'date') && typeof value === 'string' ? yearOutOfRange(value) : null;
  if (keyword === 'format' && year !== null)
    return `${field}: ${shown} is not a valid ${format}: the year ${year} is outside ${YEAR_RANGE_TEXT} (a typo in the year?)`;
  if (keyword === 'format' && format === 'timestamp') return `${field}: ${shown} is not a valid timestamp or date (${TIMESTAMP_HINT})`;
  if (keyword === 'format' && format === 'date') return `${field}: ${shown} is not a valid date (YYYY-MM-DD)`;
  return null;
}

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

function known(name: SchemaName): (path: FieldPath) => readonly string[] {
  return (path) => {
    let s: JsonSchema | undefined = schemaDocument(name) as JsonSchema;
    for (const seg of path) s = typeof seg === 'number' || /^\d+$/.test(String(seg)) ? s?.items : s?.properties?.[seg];
    return Object.keys(s?.properties ?? {});
  };
}

/** A period is an integer or a text of a form: every way it can be wrong gets the one hint. */
function periodHint(issue: SchemaIssue, data: unknown): SchemaIssue {
  const last = issue.path[issue.path.length - 1];
  if (last !== 'period' || (issue.rule !== 'type' && issue.rule !== 'range')) return issue;
  const value = (data as Record<string, unknown>).period;
  return { ...issue, rule: 'format', message: hint('period', 'pattern', null, value)! };
}

/**
 * One problem per meaningful schema error, at the field's position (the key's for unknown
 * fields, the record's for a missing one). `as`: the check name for settings files (`config`,
 * `calendar`), whose unknown fields stay `unknown-field`.
 */
export function schemaProblems(
  name: SchemaName,
  data: unknown,
  locate: Locator,
  ctx: { kind: Kind | null; record: string | null; as?: CheckName; skip?: ReadonlySet<string> },
): Problem[] | null {
  const v = validatorFor(name);
  if (v(data)) return null;
  let issues = translateSchemaErrors(v.errors ?? [], data, { knownFields: known(name), hint, whole: 'the record' });
  const skip = ctx.skip;
  // a field the value normaliser refused has its own, more precise problem
  if (skip !== undefined && skip.size > 0) issues = issues.filter((i) => !(i.path.length > 0 && skip.has(String(i.path[0]))));
  if (issues.length === 0) return null;
  return issues.map((raw) => {
    const i = periodHint(raw, data);
    const unknown = i.rule === 'unknown-field';
    const pos = locate(i.path, i.at);
    if (!unknown) return problemAt(pos, ctx.as ?? i.rule, i.message, { kind: ctx.kind, record: ctx.record });
    // a near miss of a known field is a typo whose value would be lost (`restore_at` for
    // `restored_at` would make a restored ticket "not restored"): refused; anything else is ignored
    return i.suggestion !== undefined
      ? problemAt(pos, 'unknown-field', `${i.message}: its value would be lost; correct the name`, { kind: ctx.kind, record: ctx.record })
      : problemAt(pos, 'unknown-field', `${i.message}: it is ignored`, { severity: 'warning', kind: ctx.kind, record: ctx.record });
  });
}

/** Every timestamp/date field of a record, parsed in the clock's zone. */
export function timesOf(kind: Kind, data: Readonly<Record<string, unknown>>, clock: Clock): Record<string, When> {
  const times: Record<string, When> = {};
  for (const name of timeFieldsOf(kind)) {
    const v = data[name];
    if (typeof v === 'string') {
      const w = clock.parse(v);
      if (w) times[name] = w;
    }
  }
  return times;
}

/** A record as the rules see it. */
export function toRec(kind: Kind, id: string, source: Rec['source'], data: Readonly<Record<string, unknown>>, clock: Clock): Rec {
  return { kind, id, source, data, times: timesOf(kind, data, clock) };
}

export interface CheckedRecord {
  readonly rec: Rec;
  /** no schema errors: the record takes part in the logic checks and the reports */
  readonly ok: boolean;
}

/**
 * Checks one parsed record: its values are first made canonical (source/values.ts: the forms
 * people type, in every file format), then checked against the kind's schema. `trusted`: the
 * same text already passed this check without a problem (in the worker thread), so it is not
 * checked again. `refused`: values the file's reader could not take (a workbook's error cell),
 * reported as they are. A record without a usable id gives problems and no record.
 */
export function checkRecord(
  kind: Kind,
  data: Record<string, unknown>,
  pos: Rec['source'],
  locate: Locator,
  clock: Clock,
  problems: Problem[],
  trusted = false,
  refused: readonly Refusal[] = [],
): CheckedRecord | null {
  const normalised = normaliseRecord(kind, data);
  const id = data.id;
  const idText = typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  let ok = true;
  if (!trusted) {
    const all = refused.length === 0 ? normalised : normalised.length === 0 ? refused : [...refused, ...normalised];
    const skip = all.length === 0 ? undefined : new Set(all.map((r) => r.field));
    for (const r of all) {
      // a reader's refusal comes first; the normaliser then sees the placeholder it left
      if (r !== all.find((x) => x.field === r.field)) continue;
      problems.push(problemAt(locate([r.field]), r.rule, r.message, { kind, record: idText }));
      ok = false;
    }
    const found = schemaProblems(kind, data, locate, { kind, record: idText, skip });
    if (found) {
      for (const p of found) problems.push(p);
      // unknown fields are warnings: the record is still used, without them
      if (found.some((p) => p.severity === 'error')) ok = false;
    }
  }
  if (idText === null) return null;
  return { rec: toRec(kind, idText, pos, data, clock), ok };
}
