/**
 * Checks a chunk of record files: read, parse, schema, parsed times. Pure apart from reading the
 * files; runs on the main thread and, for large folders, in a worker over the other core
 * (src/schema/worker.ts), so it returns plain, cloneable data.
 */
import type { Clock, When } from '../calendar/time';
import type { Rec } from '../core/model';
import type { Kind, Problem } from '../core/types';
import type { FoundFile } from '../records/discover';
import { readRecordFile, type RawRecord, type ReadOptions } from '../records/load';
import type { Locator } from '../records/yaml';
import { schemaProblems, timeFieldsOf, validatorFor } from './ajv';

export interface CheckedItem {
  readonly rec: Rec;
  /** no schema errors: the record takes part in the logic checks and the reports */
  readonly ok: boolean;
  /** the record's place among its file's records, to find its fields again later */
  readonly index: number;
}

export interface ChunkResult {
  readonly items: CheckedItem[];
  readonly problems: Problem[];
  readonly recordCount: number;
  readonly fileCount: number;
}

const timeFieldCache = new Map<Kind, readonly string[]>();
function timeFields(kind: Kind): readonly string[] {
  let f = timeFieldCache.get(kind);
  if (!f) timeFieldCache.set(kind, (f = timeFieldsOf(kind).map((t) => t.name)));
  return f;
}

function toRec(raw: RawRecord, id: string, clock: Clock): Rec {
  const times: Record<string, When> = {};
  for (const name of timeFields(raw.kind)) {
    const v = raw.data[name];
    if (typeof v === 'string') {
      const w = clock.parse(v);
      if (w) times[name] = w;
    }
  }
  return { kind: raw.kind, id, source: raw.pos, data: raw.data, times };
}

/**
 * `locators`, when given, receives each item's field locator (main thread only: a worker's
 * records are located again from their file when a later check needs a field).
 */
export function checkChunk(files: readonly FoundFile[], opts: ReadOptions, clock: Clock, locators?: Locator[], onFile?: (done: number) => void): ChunkResult {
  const items: CheckedItem[] = [];
  const problems: Problem[] = [];
  let recordCount = 0;
  let done = 0;
  for (const f of files) {
    if (onFile && (++done & 255) === 0) onFile(done);
    const read = readRecordFile(f, opts);
    for (const p of read.problems) problems.push(p);
    read.records.forEach((raw, index) => {
      recordCount++;
      const v = validatorFor(raw.kind);
      const id = raw.data.id;
      const idText = typeof id === 'string' || typeof id === 'number' ? String(id) : null;
      let ok = true;
      if (!v(raw.data)) {
        const found = schemaProblems(raw.kind, v.errors ?? [], raw.data, raw.locate, { kind: raw.kind, record: idText });
        for (const p of found) problems.push(p);
        // unknown fields are warnings: the record is still used, without them
        ok = !found.some((p) => p.severity === 'error');
      }
      if (idText === null) return;
      items.push({ rec: toRec(raw, idText, clock), ok, index });
      locators?.push(raw.locate);
    });
  }
  return { items, problems, recordCount, fileCount: files.length };
}
