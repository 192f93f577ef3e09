/**
 * An evidence lock as plain data: what both sides signed for a quarter (its table totals) and
 * the content hash of every record behind that table. Building a lock and comparing a table
 * with one are pure functions; reading and writing lock files is in ./file.
 */
import type { Clock } from '../calendar/time';
import type { Rec } from '../core/records';
import type { Kind } from '../core/kinds';
import type { QuarterlyTable } from '../reports/quarterly';
import type { Evaluation } from '../rules/engine';
import type { Provenance } from '../util/git';
import { recordHash } from './hash';

/** The top folder of a records folder that holds locks; discovery never reads it as records. */
export const LOCKS_DIR = 'locks';
/** The format of a lock file; a reader refuses versions it does not know. */
export const LOCK_VERSION = 1;

export interface LockedRecord {
  readonly id: string;
  readonly kind: Kind;
  /** where the record was when locked (information: the record may move without breaking the lock) */
  readonly file: string;
  readonly sha256: string;
}

export interface LockedCategory {
  readonly id: string;
  readonly deductions: number;
  readonly bonus: number;
  readonly score: number | null;
  readonly count: number;
}

export interface LockedTotal {
  readonly deductions: number;
  readonly bonus: number;
  readonly count: number;
}

export interface Lock {
  readonly svc_sla_lock: typeof LOCK_VERSION;
  readonly quarter: string;
  /** the as-of instant the table was computed at, ISO with offset (milliseconds when not whole seconds) */
  readonly as_of: string;
  readonly policy: string;
  /** when the lock was written (information) */
  readonly locked_at: string;
  /** the records' git commit when locked (information); null outside a git repository */
  readonly provenance: Provenance | null;
  readonly categories: readonly LockedCategory[];
  readonly total: LockedTotal;
  /** sorted by id */
  readonly records: readonly LockedRecord[];
}

/** `lock.yaml`'s path for a quarter, relative to the records folder. */
export function lockFileOf(quarter: string): string {
  return `${LOCKS_DIR}/${quarter}.yaml`;
}

/**
 * An instant as ISO 8601 with the zone's offset; with milliseconds when it has some, so that a
 * bare-date --as-of (23:59:59.999) reads back as exactly the same instant.
 */
export function formatInstant(clock: Clock, ms: number): string {
  const s = clock.format(ms);
  const frac = ((ms % 1000) + 1000) % 1000;
  return frac === 0 ? s : `${s.slice(0, 19)}.${String(frac).padStart(3, '0')}${s.slice(19)}`;
}

/** Is the quarter over at `asOf`? Its last millisecond must have passed (or be `asOf` itself). */
export function quarterIsOver(clock: Clock, quarter: string, asOf: number): boolean {
  const p = clock.parseQuarter(quarter);
  return p !== null && asOf >= p.end - 1;
}

/**
 * The records behind a quarter: every record behind an evaluation whose quarter it is — met,
 * late, missed, open or noted; tickets, assessments and the evidence records of recurring
 * clauses alike — sorted by id. Records the engine names but the list does not hold are skipped.
 */
export function contributors(evaluations: readonly Evaluation[], records: readonly Rec[], quarter: string): Rec[] {
  const byId = new Map<string, Rec>();
  for (const r of records) if (!byId.has(r.id)) byId.set(r.id, r);
  const out = new Map<string, Rec>();
  for (const e of evaluations) {
    if (e.quarter !== quarter || e.record === null || out.has(e.record)) continue;
    const r = byId.get(e.record);
    if (r) out.set(r.id, r);
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface LockInput {
  readonly quarter: string;
  readonly asOf: number;
  readonly lockedAt: number;
  readonly clock: Clock;
  readonly policyId: string;
  readonly provenance: Provenance | null;
  readonly table: QuarterlyTable;
  readonly evaluations: readonly Evaluation[];
  readonly records: readonly Rec[];
}

export function buildLock(input: LockInput): Lock {
  const { table } = input;
  return {
    svc_sla_lock: LOCK_VERSION,
    quarter: input.quarter,
    as_of: formatInstant(input.clock, input.asOf),
    policy: input.policyId,
    locked_at: input.clock.format(input.lockedAt),
    provenance: input.provenance === null ? null : { commit: input.provenance.commit, dirty: input.provenance.dirty },
    categories: table.rows.map((r) => ({ id: r.id, deductions: r.deductions, bonus: r.bonus, score: r.score, count: r.count })),
    total: { deductions: table.total.deductions, bonus: table.total.bonus, count: table.total.count },
    records: contributors(input.evaluations, input.records, input.quarter).map((r) => ({ id: r.id, kind: r.kind, file: r.source.file, sha256: recordHash(r) })),
  };
}

export interface FieldChange {
  readonly field: 'deductions' | 'bonus' | 'score' | 'count';
  readonly was: number | null;
  readonly now: number | null;
}

export interface CategoryChange {
  readonly id: string;
  /** index in the lock's `categories`, or null for a category the lock does not list */
  readonly index: number | null;
  readonly changes: readonly FieldChange[];
}

export interface TableDiff {
  readonly categories: readonly CategoryChange[];
  readonly total: readonly FieldChange[];
}

const FIELDS = ['deductions', 'bonus', 'score', 'count'] as const;

function changesOf(was: Partial<LockedCategory> | undefined, now: Partial<LockedCategory> | undefined, fields: readonly FieldChange['field'][]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of fields) {
    // a category one side does not list counts as empty there (a score of none)
    const a = was?.[f] ?? (f === 'score' ? null : 0);
    const b = now?.[f] ?? (f === 'score' ? null : 0);
    if (a !== b) out.push({ field: f, was: a, now: b });
  }
  return out;
}

/** Per category (deductions, bonus, score, findings) and the total: what differs from the lock. */
export function diffTable(lock: Pick<Lock, 'categories' | 'total'>, table: QuarterlyTable): TableDiff {
  const categories: CategoryChange[] = [];
  const now = new Map(table.rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  lock.categories.forEach((c, index) => {
    seen.add(c.id);
    const row = now.get(c.id);
    // a category dropped from the policy matters only if it held something
    const changes = row ? changesOf(c, row, FIELDS) : changesOf(c, undefined, ['deductions', 'bonus', 'count']);
    if (changes.length > 0) categories.push({ id: c.id, index, changes });
  });
  for (const row of table.rows) {
    if (seen.has(row.id)) continue;
    const changes = changesOf(undefined, row, ['deductions', 'bonus', 'count']);
    if (changes.length > 0) categories.push({ id: row.id, index: null, changes });
  }
  const total = changesOf(lock.total, table.total, ['deductions', 'bonus', 'count']);
  return { categories, total };
}

export function isUnchanged(d: TableDiff): boolean {
  return d.categories.length === 0 && d.total.length === 0;
}

/** `deductions 14 → 17, findings 6 → 7` */
export function describeChanges(changes: readonly FieldChange[]): string {
  const name = (f: FieldChange['field']): string => (f === 'count' ? 'findings' : f);
  const show = (v: number | null): string => (v === null ? 'none' : String(v));
  return changes.map((c) => `${name(c.field)} ${show(c.was)} → ${show(c.now)}`).join(', ');
}
