/**
 * The JSON Schemas of schemas/ that records and settings are checked against, compiled once
 * per process, or taken ready-made from the build (ajv's standalone code for the same schemas
 * and options, so their errors are the same; loading them skips loading ajv and compiling,
 * about 0.15 s a run).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { KINDS, type Kind } from '../core/kinds';
import { formats } from './formats';
import { ajvLib } from '../util/lazy';
import { schemaDocument, schemaPath } from '../util/paths';

export type SchemaName = Kind | 'config' | 'calendar';

/** Every schema a record or settings file is checked against. */
export const SCHEMA_NAMES: readonly SchemaName[] = [...KINDS, 'config', 'calendar'];
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, formats } as const;

let ajv: Ajv | null = null;
const compiled = new Map<SchemaName, ValidateFunction>();

function instance(): Ajv {
  // loaded only when a schema must be compiled here (see prebuilt): ajv itself takes a while to load
  return (ajv ??= new (ajvLib().default)(AJV_OPTIONS));
}

/** A hash of the schema files: the validators compiled at build time are used only while it holds. */
export function schemasStamp(): string {
  const h = createHash('sha1');
  for (const name of SCHEMA_NAMES) h.update(name).update('\0').update(fs.readFileSync(schemaPath(name))).update('\0');
  return h.digest('hex');
}

/** Where `npm run build` puts the validators it compiles. */
export const PREBUILT_FILE = path.join(__dirname, 'compiled', 'validators.js');

let prebuilt: Readonly<Record<string, ValidateFunction>> | null | undefined;

/** The validators compiled at build time, or null: not built (ts-jest runs the sources), or the schemas changed since. */
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

export function validatorFor(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = prebuiltValidators()?.[name] ?? instance().compile(schemaDocument(name) as object);
    compiled.set(name, v);
  }
  return v;
}
