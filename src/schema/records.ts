/**
 * Checks a record file: read, parse, schema, parsed times. Pure apart from reading the
 * files; returns plain data, which the cache (cache.ts) can keep.
 */
import type { Clock, When } from '../calendar/time';
import type { Rec } from '../core/model';
import type { Kind, Problem } from '../core/types';
import type { FoundFile } from '../records/discover';
import { readRecordFile, type ParsedFile, type RawRecord, type ReadOptions } from '../records/load';
import { schemaProblems, timeFieldsOf, validatorFor } from './ajv';

export interface CheckedItem {
  readonly rec: Rec;
  /** no schema errors: the record takes part in the logic checks and the reports */
  readonly ok: boolean;
  /** the record's place among its file's records, to find its fields again later */
  readonly index: number;
}

/** What one record file gave: its checked records and its problems (plain, cloneable, cacheable). */
export interface FileResult {
  readonly rel: string;
  readonly items: CheckedItem[];
  readonly problems: Problem[];
  /** records read, valid or not */
  readonly recordCount: number;
}

const timeFieldCache = new Map<Kind, readonly string[]>();
function timeFields(kind: Kind): readonly string[] {
  let f = timeFieldCache.get(kind);
  if (!f) timeFieldCache.set(kind, (f = timeFieldsOf(kind).map((t) => t.name)));
  return f;
}

/** Every timestamp/date field of a record, parsed in the clock's zone. */
export function timesOf(kind: Kind, data: Readonly<Record<string, unknown>>, clock: Clock): Record<string, When> {
  const times: Record<string, When> = {};
  for (const name of timeFields(kind)) {
    const v = data[name];
    if (typeof v === 'string') {
      const w = clock.parse(v);
      if (w) times[name] = w;
    }
  }
  return times;
}

function toRec(raw: RawRecord, id: string, clock: Clock): Rec {
  return { kind: raw.kind, id, source: raw.pos, data: raw.data, times: timesOf(raw.kind, raw.data, clock) };
}

/**
 * The checked result of a parsed file; field positions serve its schema problems and are then
 * let go. `trusted`: the same text already passed the schema check without a problem (in the
 * worker of parallel.ts), so it is not checked again.
 */
export function resultOf(f: FoundFile, read: ParsedFile, clock: Clock, trusted = false): FileResult {
  const items: CheckedItem[] = [];
  const problems: Problem[] = [];
  for (const p of read.problems) problems.push(p);
  read.records.forEach((raw, index) => {
    const id = raw.data.id;
    const idText = typeof id === 'string' || typeof id === 'number' ? String(id) : null;
    let ok = true;
    if (!trusted) {
      const v = validatorFor(raw.kind);
      if (!v(raw.data)) {
        const found = schemaProblems(raw.kind, v.errors ?? [], raw.data, raw.locate, { kind: raw.kind, record: idText });
        for (const p of found) problems.push(p);
        // unknown fields are warnings: the record is still used, without them
        ok = !found.some((p) => p.severity === 'error');
      }
    }
    if (idText === null) return;
    items.push({ rec: toRec(raw, idText, clock), ok, index });
  });
  return { rel: f.rel, items, problems, recordCount: read.records.length };
}

/** Reads and checks one file. */
export function checkFile(f: FoundFile, opts: ReadOptions, clock: Clock): FileResult {
  return resultOf(f, readRecordFile(f, opts), clock);
}
