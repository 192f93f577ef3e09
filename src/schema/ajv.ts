/**
 * The JSON Schemas of schemas/, compiled once per process, and the translation of ajv's errors
 * into located, readable problems.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { KINDS, type Kind, type Problem, type Severity } from '../core/types';
import { formats } from './formats';
import { ajvLib } from '../util/lazy';
import type { CellType } from '../records/csv';
import type { Locator } from '../records/yaml';
import { schemaPath } from '../util/paths';
import { didYouMean } from '../util/suggest';

export type SchemaName = Kind | 'config' | 'calendar';

interface JsonSchema {
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
}

/** Every schema a record or settings file is checked against. */
export const SCHEMA_NAMES: readonly SchemaName[] = [...KINDS, 'config', 'calendar'];
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, formats } as const;

let ajv: Ajv | null = null;
const compiled = new Map<SchemaName, ValidateFunction>();
const raw = new Map<SchemaName, JsonSchema>();

function instance(): Ajv {
  if (ajv) return ajv;
  // loaded only when a schema must be compiled here (see prebuilt): ajv itself takes a while to load
  ajv = new (ajvLib().default)(AJV_OPTIONS);
  return ajv;
}

/** A hash of the schema files: the validators compiled at build time are used only while it holds. */
export function schemasStamp(): string {
  const h = createHash('sha1');
  for (const name of SCHEMA_NAMES) h.update(name).update('\0').update(fs.readFileSync(schemaPath(name))).update('\0');
  return h.digest('hex');
}

/** Where `npm run build` puts the validators it compiles (ajv's standalone code). */
export const PREBUILT_FILE = path.join(__dirname, 'compiled', 'validators.js');

let prebuilt: Readonly<Record<string, ValidateFunction>> | null | undefined;

/**
 * The validators compiled at build time, or null: not built (ts-jest runs the sources), or the
 * schemas changed since. They are ajv's own code for the same schemas and options, so their
 * errors are the same; loading them skips loading ajv and compiling (about 0.15 s a run).
 */
function prebuiltValidators(): Readonly<Record<string, ValidateFunction>> | null {
  if (prebuilt !== undefined) return prebuilt;
  prebuilt = null;
  if (!__filename.endsWith('.js') || !fs.existsSync(PREBUILT_FILE)) return null;
  try {
    const m = require(PREBUILT_FILE) as Record<string, ValidateFunction> & { __stamp?: string };
    if (m.__stamp === schemasStamp()) prebuilt = m;
  } catch {
    // a broken build: compile here
  }
  return prebuilt;
}

export function schemaOf(name: SchemaName): JsonSchema {
  let s = raw.get(name);
  if (!s) {
    s = JSON.parse(fs.readFileSync(schemaPath(name), 'utf8')) as JsonSchema;
    raw.set(name, s);
  }
  return s;
}

export function validatorFor(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = prebuiltValidators()?.[name] ?? instance().compile(schemaOf(name));
    compiled.set(name, v);
  }
  return v;
}

/** Names of the fields a kind knows (for "did you mean"). */
export function fieldsOf(name: SchemaName): string[] {
  return Object.keys(schemaOf(name).properties ?? {});
}

/** Fields holding a timestamp or a date, per kind: the model parses exactly these. */
export function timeFieldsOf(kind: Kind): { name: string; dateOnly: boolean }[] {
  const props = schemaOf(kind).properties ?? {};
  return Object.entries(props)
    .filter(([, p]) => p.format === 'timestamp' || p.format === 'date')
    .map(([name, p]) => ({ name, dateOnly: p.format === 'date' }));
}

/** How a CSV cell of this kind's field is read. */
export function cellTypeOf(kind: Kind, field: string): CellType {
  const p = schemaOf(kind).properties?.[field];
  if (!p) return 'string';
  const t = p.type;
  if (t === 'integer') return 'integer';
  if (t === 'number') return 'number';
  if (t === 'boolean') return 'boolean';
  if (t === 'array') return p.items?.type === 'object' ? 'object-list' : 'string-list';
  return 'string';
}

export function allKindsCompiled(): void {
  for (const k of KINDS) validatorFor(k);
}

const TIMESTAMP_HINT = 'use 2026-07-03T01:00:00+08:00, 2026-07-03 01:00, or a date 2026-07-03';

function fieldName(path: readonly (string | number)[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' || /^\d+$/.test(String(seg)) ? `[${seg}]` : s ? `.${seg}` : String(seg);
  return s;
}

function show(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 60 ? `${v.slice(0, 57)}...` : v}'`;
  if (v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

function splitPointer(p: string): string[] {
  if (p === '') return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/**
 * One problem per meaningful ajv error, at the field's position (or the key's, for unknown
 * fields; or the record's, for a missing field).
 */
export function schemaProblems(
  name: SchemaName,
  errors: readonly ErrorObject[],
  data: unknown,
  locate: Locator,
  ctx: { kind: Kind | null; record: string | null },
): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue; // the `then` branch's own error says what is wrong
    const path = splitPointer(e.instancePath);
    const value = valueAt(data, path);
    const field = fieldName(path);
    let severity: Severity = 'error';
    let rule = 'schema';
    let message: string;
    let at: 'key' | 'value' = 'value';
    let locPath: string[] = path;
    const keyword = path[path.length - 1] === 'period' && (e.keyword === 'type' || e.keyword === 'minimum' || e.keyword === 'maximum') ? 'pattern' : e.keyword;
    switch (keyword) {
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        rule = 'required-field';
        message = `missing required field '${field ? `${field}.` : ''}${missing}'`;
        break;
      }
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        const known = Object.keys(subSchema(schemaOf(name), path)?.properties ?? {});
        severity = 'warning';
        rule = 'unknown-field';
        message = `unknown field '${field ? `${field}.` : ''}${extra}'${didYouMean(extra, known)}: it is ignored`;
        locPath = [...path, extra];
        at = 'key';
        break;
      }
      case 'type': {
        rule = 'type';
        const t = (e.params as { type: string | string[] }).type;
        const want = (Array.isArray(t) ? t : String(t).split(','))
          .map((x) => (x === 'boolean' ? 'true or false' : x === 'integer' ? 'a whole number' : x === 'array' ? 'a list' : x === 'object' ? 'a mapping' : `a ${x}`))
          .join(' or ');
        message = `${field || 'the record'} must be ${want} (got ${show(value)})`;
        break;
      }
      case 'enum': {
        rule = 'enum';
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        message = `${field} must be one of ${allowed.join(', ')} (got ${show(value)})${typeof value === 'string' ? didYouMean(value, allowed) : ''}`;
        break;
      }
      case 'format': {
        rule = 'format';
        const f = (e.params as { format: string }).format;
        message =
          f === 'timestamp'
            ? `${field}: ${show(value)} is not a valid timestamp or date (${TIMESTAMP_HINT})`
            : `${field}: ${show(value)} is not a valid date (YYYY-MM-DD)`;
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        rule = 'range';
        const p = e.params as { comparison: string; limit: number };
        message = `${field} must be ${p.comparison} ${p.limit} (got ${show(value)})`;
        break;
      }
      case 'minLength':
        rule = 'type';
        message = `${field} must not be empty`;
        break;
      case 'pattern':
        rule = 'format';
        message =
          path[path.length - 1] === 'period'
            ? `period ${show(value)} has the wrong form for this type (2026-09 for a monthly report, 2026 for an inspection plan)`
            : `${field} ${show(value)} has the wrong form`;
        break;
      case 'uniqueItems':
        rule = 'duplicate-item';
        message = `${field} lists the same value twice`;
        break;
      default:
        message = `${field || 'the record'} ${e.message ?? 'is invalid'}`;
    }
    const pos = locate(locPath, at);
    const key = `${pos.line}:${pos.column}:${rule}:${message}`;
    if (seen.has(key)) continue; // a union type reports one failure per branch
    seen.add(key);
    out.push({ severity, file: pos.file, line: pos.line, column: pos.column, kind: ctx.kind, record: ctx.record, rule, message });
  }
  return out;
}

function subSchema(schema: JsonSchema, path: readonly string[]): JsonSchema | undefined {
  let s: JsonSchema | undefined = schema;
  for (const seg of path) {
    if (!s) return undefined;
    s = /^\d+$/.test(seg) ? s.items : s.properties?.[seg];
  }
  return s;
}
