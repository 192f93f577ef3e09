/**
 * ajv's errors → located, readable problems. The one translator for everything svc-sla checks
 * against a JSON Schema: record files, svc-sla.yaml, calendar files, policies and locks. Each
 * caller says which check name its problems carry and adds context (a clause id, a hint for a
 * field), the wording is the same everywhere.
 */
import type { ErrorObject } from 'ajv';
import { closest, didYouMean } from '../util/suggest';
import type { FieldPath } from './yaml';

export type SchemaRule = 'required-field' | 'unknown-field' | 'type' | 'enum' | 'format' | 'range' | 'duplicate-item' | 'schema';

export interface SchemaIssue {
  /** where the problem is in the data checked */
  readonly path: FieldPath;
  /** point at the key (an unknown field) rather than its value */
  readonly at: 'key' | 'value';
  readonly rule: SchemaRule;
  readonly message: string;
  /** for an unknown field or a wrong enum value: the known one it is closest to */
  readonly suggestion?: string;
}

export interface TranslateOptions {
  /** the fields the mapping at `path` knows, for "did you mean" after an unknown field */
  readonly knownFields?: (path: FieldPath) => readonly string[];
  /**
   * Say "must be <the schema's description>" for type, pattern and anyOf errors (needs ajv's
   * `verbose`, which hands over the failing schema). Policy and lock schemas are written so.
   */
  readonly useDescriptions?: boolean;
  /** the message for a value that breaks a `format` or `pattern` of this field, where a hint helps more */
  readonly hint?: (field: string, keyword: 'format' | 'pattern', format: string | null, value: unknown) => string | null;
  /** what the whole checked object is called when the error is about it (`the record`) */
  readonly whole?: string;
  /**
   * How a path is named in a message: a head before the message (`clause "fault.l1.x": `) and
   * the field below it (`limit.total`). Default: no head, the whole path.
   */
  readonly place?: (path: FieldPath) => { readonly head: string; readonly field: string };
}

/** `a.b[2].c` */
export function fieldName(path: FieldPath): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' || /^\d+$/.test(String(seg)) ? `[${seg}]` : s ? `.${seg}` : String(seg);
  return s;
}

/** A value as messages quote it. */
export function show(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 60 ? `${v.slice(0, 57)}...` : v}'`;
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

/** A JSON pointer (`/clauses/3/limit`) as path segments; array indexes become numbers. */
export function pointerPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[String(seg)];
  }
  return v;
}

/** ajv's `type` names in words. */
function typeWords(t: string | string[]): string {
  return (Array.isArray(t) ? t : String(t).split(','))
    .map((x) => (x === 'boolean' ? 'true or false' : x === 'integer' ? 'a whole number' : x === 'array' ? 'a list' : x === 'object' ? 'a mapping' : `a ${x}`))
    .join(' or ');
}

/** Drops ajv's bookkeeping (`if`) and the branch errors of an `anyOf` that failed as a whole. */
function usefulErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let list = errors.filter((e) => e.keyword !== 'if');
  const anyOfs = list.filter((e) => e.keyword === 'anyOf').sort((a, b) => a.instancePath.length - b.instancePath.length);
  for (const a of anyOfs) {
    if (!list.includes(a)) continue;
    list = list.filter((e) => e === a || !(e.instancePath === a.instancePath || e.instancePath.startsWith(`${a.instancePath}/`)));
  }
  return list;
}

function description(e: ErrorObject): string | null {
  const p = e.parentSchema as { description?: unknown } | undefined;
  return p && typeof p.description === 'string' ? p.description : null;
}

export function translateSchemaErrors(errors: readonly ErrorObject[], data: unknown, opts: TranslateOptions = {}): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  const whole = opts.whole ?? 'the value';
  for (const e of usefulErrors(errors)) {
    const path = pointerPath(e.instancePath);
    const value = valueAt(data, path);
    const { head, field } = opts.place?.(path) ?? { head: '', field: fieldName(path) };
    const subject = field || whole;
    const params = e.params as Record<string, unknown>;
    const desc = opts.useDescriptions ? description(e) : null;
    let issue: SchemaIssue;
    switch (e.keyword) {
      case 'required': {
        const missing = String(params.missingProperty);
        const shape = isShaped(e.data) ? ` (needed by shape ${(e.data as { shape: string }).shape})` : '';
        issue = { path, at: 'value', rule: 'required-field', message: `missing required field '${field ? `${field}.` : ''}${missing}'${shape}` };
        break;
      }
      case 'additionalProperties': {
        const extra = String(params.additionalProperty);
        const known = opts.knownFields?.(path) ?? [];
        const near = closest(extra, known);
        issue = {
          path: [...path, extra],
          at: 'key',
          rule: 'unknown-field',
          message: `unknown field '${field ? `${field}.` : ''}${extra}'${near ? ` (did you mean '${near}'?)` : ''}`,
          ...(near ? { suggestion: near } : {}),
        };
        break;
      }
      case 'type':
        issue = { path, at: 'value', rule: 'type', message: `${subject} must be ${desc ?? typeWords(params.type as string | string[])} (got ${show(value)})` };
        break;
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]).map(String);
        issue = { path, at: 'value', rule: 'enum', message: `${subject} must be one of ${allowed.join(', ')} (got ${show(value)})${typeof value === 'string' ? didYouMean(value, allowed) : ''}` };
        break;
      }
      case 'const':
        issue = { path, at: 'value', rule: 'enum', message: `${subject} must be ${JSON.stringify(params.allowedValue)} (got ${show(value)})` };
        break;
      case 'format': {
        const format = String(params.format);
        issue = { path, at: 'value', rule: 'format', message: opts.hint?.(field, 'format', format, value) ?? `${subject}: ${show(value)} is not a valid ${format}` };
        break;
      }
      case 'pattern':
        issue = {
          path,
          at: 'value',
          rule: 'format',
          message: opts.hint?.(field, 'pattern', null, value) ?? (desc ? `${subject} must be ${desc} (got ${show(value)})` : `${subject} ${show(value)} has the wrong form`),
        };
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        issue = { path, at: 'value', rule: 'range', message: `${subject} must be ${String(params.comparison)} ${String(params.limit)} (got ${show(value)})` };
        break;
      case 'minLength':
        issue = { path, at: 'value', rule: 'type', message: `${subject} must not be empty` };
        break;
      case 'minItems':
        issue = { path, at: 'value', rule: 'type', message: `${subject} must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
        break;
      case 'uniqueItems':
        issue = { path, at: 'value', rule: 'duplicate-item', message: `${subject} lists the same value twice` };
        break;
      case 'anyOf':
        issue = { path, at: 'value', rule: 'type', message: `${subject} must be ${desc ?? 'of another form'} (got ${show(value)})` };
        break;
      default:
        issue = { path, at: 'value', rule: 'schema', message: `${subject} ${e.message ?? 'is invalid'}` };
    }
    if (head !== '') issue = { ...issue, message: head + issue.message };
    const key = `${fieldName(issue.path)}\0${issue.at}\0${issue.rule}\0${issue.message}`;
    if (seen.has(key)) continue; // a union type reports one failure per branch
    seen.add(key);
    out.push(issue);
  }
  return out;
}

function isShaped(d: unknown): boolean {
  return d !== null && typeof d === 'object' && typeof (d as { shape?: unknown }).shape === 'string';
}
