/**
 * The per-record check: a parsed record against its kind's JSON Schema, with every problem at
 * the field's position, and the record's times parsed. Config and calendar files are checked
 * the same way. Pure apart from the schemas it compiles.
 */
import type { Clock, When } from '../calendar/time';
import { timeFieldsOf, type Kind } from '../core/kinds';
import { problemAt, type CheckName, type Problem } from '../core/problems';
import type { Rec } from '../core/records';
import { translateSchemaErrors, type SchemaIssue } from '../source/schema-errors';
import type { FieldPath, Locator } from '../source/yaml';
import { validatorFor, type SchemaName } from './ajv';
import { schemaDocument } from '../util/paths';

const TIMESTAMP_HINT = 'use 2026-07-03T01:00:00+08:00, 2026-07-03 01:00, or a date 2026-07-03';

function hint(field: string, keyword: 'format' | 'pattern', format: string | null, value: unknown): string | null {
  const shown = typeof value === 'string' ? `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'` : String(value);
  if (field.endsWith('period')) return `period ${shown} has the wrong form for this type (2026-09 for a monthly report, 2026 for an inspection plan)`;
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
  ctx: { kind: Kind | null; record: string | null; as?: CheckName },
): Problem[] | null {
  const v = validatorFor(name);
  if (v(data)) return null;
  const issues = translateSchemaErrors(v.errors ?? [], data, { knownFields: known(name), hint, whole: 'the record' });
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
 * Checks one parsed record. `trusted`: the same text already passed this check without a
 * problem (in the worker thread), so it is not checked again. A record without a usable id
 * gives problems and no record.
 */
export function checkRecord(
  kind: Kind,
  data: Record<string, unknown>,
  pos: Rec['source'],
  locate: Locator,
  clock: Clock,
  problems: Problem[],
  trusted = false,
): CheckedRecord | null {
  const id = data.id;
  const idText = typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  let ok = true;
  if (!trusted) {
    const found = schemaProblems(kind, data, locate, { kind, record: idText });
    if (found) {
      for (const p of found) problems.push(p);
      // unknown fields are warnings: the record is still used, without them
      ok = !found.some((p) => p.severity === 'error');
    }
  }
  if (idText === null) return null;
  return { rec: toRec(kind, idText, pos, data, clock), ok };
}
