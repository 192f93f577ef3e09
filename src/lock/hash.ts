/**
 * The content hash of a locked record: sha256 of a canonical JSON of its kind, id and data.
 * Canonical means object keys sorted at every level, so the hash follows the values, not the
 * file: reordering keys, re-quoting, moving the record to another file or from YAML to CSV
 * (where the cells read as the same values) leave it unchanged.
 */
import { createHash } from 'node:crypto';
import type { Rec } from '../core/records';

/** JSON with object keys in code-unit order at every depth; `undefined` members left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // numbers, strings, booleans; NaN/Infinity become null as in JSON
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function recordHash(rec: Pick<Rec, 'kind' | 'id' | 'data'>): string {
  return createHash('sha256').update(canonicalJson({ kind: rec.kind, id: rec.id, data: rec.data }), 'utf8').digest('hex');
}
