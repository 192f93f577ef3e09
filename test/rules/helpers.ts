/**
 * Test helpers for the rule engine: plain objects → a records folder (in memory) → checkFolder (so every
 * record is schema- and logic-checked exactly as a user's would be) → evaluate with a policy
 * loaded by loadPolicy. Tests then look at what a user sees: status, points, category, quarter
 * and the due / actual moments formatted with the Clock.
 */
import * as path from 'node:path';
import { Clock } from '../../src/calendar/time';
import { WorkCalendar, type CalendarFile } from '../../src/calendar/workdays';
import type { Rec } from '../../src/core/records';
import type { Kind } from '../../src/core/kinds';
import type { Problem } from '../../src/core/problems';
import { loadPolicy } from '../../src/policy/load';
import type { Policy } from '../../src/core/policy';
import { evaluate, isFinding, type Evaluation, type Status } from '../../src/rules/engine';
import { checkFolder as openFolder } from '../../src/checks';
import { memoryFiles } from '../../src/source/fs';
import { TEST_NOW_MS } from '../now';

/** Where the in-memory records folder of a test lives (nothing is written there). */
const MEMORY_ROOT = path.join(path.sep, 'records');

/** A record as a test writes it: its kind plus the fields of RECORDS.md. */
export type Plain = { readonly kind: Kind; readonly id: string } & Readonly<Record<string, unknown>>;

export interface FolderOptions {
  /** svc-sla.yaml `policy` (default gd-transmission): the assessments' clause ids are checked against it */
  readonly policy?: string;
  /** svc-sla.yaml `contract_start` (default 2026-01-01); null leaves it out */
  readonly contractStart?: string | null;
  /** calendars/<year>.yaml files */
  readonly calendars?: readonly CalendarFile[];
  /** extra files (relative path → text), e.g. a policy file the config names */
  readonly files?: Readonly<Record<string, string>>;
}

export interface Loaded {
  readonly records: readonly Rec[];
  readonly clock: Clock;
  readonly calendar: WorkCalendar;
  readonly contractStart: string | null;
  readonly policyName: string;
}

/**
 * Puts the records into a records folder held in memory (one YAML file per kind, as JSON flow
 * text so that no value is reinterpreted), reads and checks it as a user's folder is read, and
 * fails the test on any problem: the records a test uses are records a user could write.
 */
export function loadRecords(records: readonly Plain[], opts: FolderOptions = {}): Loaded {
  const policyName = opts.policy ?? 'gd-transmission';
  const contractStart = opts.contractStart === undefined ? '2026-01-01' : opts.contractStart;
  const config: Record<string, string> = { contract: 'rules test', policy: policyName, timezone: 'Asia/Shanghai' };
  if (contractStart !== null) config.contract_start = contractStart;
  const files: Record<string, string> = { 'svc-sla.yaml': JSON.stringify(config, null, 2) + '\n' };
  const byKind = new Map<Kind, Record<string, unknown>[]>();
  for (const { kind, ...data } of records) {
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(data);
  }
  for (const [kind, list] of byKind) files[`${kind}/records.yaml`] = JSON.stringify(list, null, 2) + '\n';
  for (const cal of opts.calendars ?? []) files[`calendars/${cal.year}.yaml`] = JSON.stringify(cal, null, 2) + '\n';
  Object.assign(files, opts.files ?? {});
  // the folder lives in memory: the same reading and checks as on disk, without a temp folder
  const ws = openFolder(MEMORY_ROOT, { files: memoryFiles(MEMORY_ROOT, files), now: TEST_NOW_MS });
  // warnings (a trunk the plan does not list) are allowed; errors would make the records unusable
  expect(ws.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(ws.records).toHaveLength(records.length);
  return { records: ws.records, clock: ws.clock, calendar: ws.calendar, contractStart: ws.config.contract_start, policyName };
}

const policyCache = new Map<string, Policy>();

/** A built-in policy, loaded the way a records folder loads it. */
export function builtinPolicy(name: string): Policy {
  let p = policyCache.get(name);
  if (!p) {
    const r = loadPolicy(name, process.cwd());
    expect(r.problems).toEqual([]);
    if (!r.policy) throw new Error(`policy ${name} did not load`);
    expect(r.policy.source).toBe(`builtin:${name}`);
    p = r.policy;
    policyCache.set(name, p);
  }
  return p;
}

export interface RunOptions extends FolderOptions {
  /** the report's as-of time (default 2026-12-31 12:00, read in Asia/Shanghai) */
  readonly asOf?: string;
  /** evaluate with this policy instead of the built-in one the config names */
  readonly withPolicy?: Policy;
  /** evaluate with this calendar instead of the folder's */
  readonly calendar?: WorkCalendar;
}

/** What a user sees of one evaluation. */
export interface View {
  readonly status: Status;
  readonly finding: boolean;
  readonly points: number;
  readonly category: string;
  readonly quarter: string;
  readonly due: string | null;
  readonly actual: string | null;
}

export class Outcome {
  constructor(
    readonly evaluations: readonly Evaluation[],
    readonly problems: readonly Problem[],
    readonly clock: Clock,
  ) {}

  /** Evaluations of a clause, optionally only those of one record (or subject). */
  of(clause: string, recordOrSubject?: string): Evaluation[] {
    return this.evaluations.filter(
      (e) => e.clause === clause && (recordOrSubject === undefined || e.record === recordOrSubject || e.subject === recordOrSubject),
    );
  }

  /** The single evaluation of a clause for a record (or subject); fails if there is not exactly one. */
  one(clause: string, recordOrSubject?: string): Evaluation {
    const found = this.of(clause, recordOrSubject);
    if (found.length !== 1) {
      throw new Error(
        `expected exactly one evaluation of ${clause}${recordOrSubject ? ` for ${recordOrSubject}` : ''}, got ${found.length}: ` +
          JSON.stringify(found.map((e) => ({ record: e.record, subject: e.subject, status: e.status }))),
      );
    }
    return found[0]!;
  }

  /** The user-visible fields of the single evaluation of a clause for a record. */
  view(clause: string, recordOrSubject?: string): View {
    return this.show(this.one(clause, recordOrSubject));
  }

  show(e: Evaluation): View {
    return {
      status: e.status,
      finding: isFinding(e),
      points: e.points,
      category: e.category,
      quarter: e.quarter,
      due: e.due === null ? null : this.clock.format(e.due),
      actual: e.actual === null ? null : this.clock.format(e.actual),
    };
  }

  findings(): Evaluation[] {
    return this.evaluations.filter(isFinding);
  }

  /** Clause ids that evaluated a record. */
  clausesOf(record: string): string[] {
    return [...new Set(this.evaluations.filter((e) => e.record === record).map((e) => e.clause))].sort();
  }
}

/** Loads the records through a real folder and evaluates them. */
export function run(records: readonly Plain[], opts: RunOptions = {}): Outcome {
  const loaded = loadRecords(records, opts);
  const policy = opts.withPolicy ?? builtinPolicy(loaded.policyName);
  const asOf = loaded.clock.parse(opts.asOf ?? '2026-12-31 12:00');
  if (!asOf) throw new Error(`bad asOf ${opts.asOf}`);
  const result = evaluate({
    records: loaded.records,
    policy,
    clock: loaded.clock,
    calendar: opts.calendar ?? loaded.calendar,
    asOf: loaded.clock.asEvent(asOf),
    contractStart: loaded.contractStart,
  });
  return new Outcome(result.evaluations, result.problems, loaded.clock);
}

/** `2026-07-03 13:00` → `2026-07-03T13:00:00+08:00`, the form Clock.format prints. */
export function iso(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!m) throw new Error(`iso(): write YYYY-MM-DD HH:MM[:SS], got ${local}`);
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00`;
}

/** The formatted end of a day (`23:59:59.999`, shown with seconds precision). */
export function endOfDay(date: string): string {
  return `${date}T23:59:59+08:00`;
}

/** A timestamp text at the very last millisecond of a day: exactly at a day-granular limit. */
export function lastMs(date: string): string {
  return `${date}T23:59:59.999+08:00`;
}

/** Expectation for an evaluation that is on time. */
export function onTime(due: string | null, actual: string | null, points: number, category: string, quarter: string): View {
  return { status: 'met', finding: false, points, category, quarter, due, actual };
}

/** Expectation for a late evaluation (a finding). */
export function late(due: string | null, actual: string | null, points: number, category: string, quarter: string): View {
  return { status: 'late', finding: true, points, category, quarter, due, actual };
}

/**
 * How Clock.format shows a value written in a record: `2026-07-03 13:01` →
 * `2026-07-03T13:01:00+08:00`; `2026-09-28T23:59:59.999+08:00` → `2026-09-28T23:59:59+08:00`;
 * a bare date as an event → that day's start.
 */
export function shown(text: string): string {
  let m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?\+08:00$/.exec(text);
  if (m) return `${m[1]}T${m[2]}+08:00`;
  m = /^(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (m) return `${m[1]}T00:00:00+08:00`;
  return iso(text);
}

/** A ticket with the required `category` filled in. */
export function ticket(id: string, fields: Readonly<Record<string, unknown>>): Plain {
  return { kind: 'tickets', id, category: 'service', ...fields };
}

/** Any record. */
export function rec(kind: Kind, id: string, fields: Readonly<Record<string, unknown>> = {}): Plain {
  return { kind, id, ...fields };
}

/** An assessment of a manual clause. */
export function assessment(id: string, clause: string, date: string, fields: Readonly<Record<string, unknown>> = {}): Plain {
  return { kind: 'assessments', id, clause, date, ...fields };
}
