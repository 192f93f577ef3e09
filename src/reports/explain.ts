/**
 * `explain`: one record under every clause of the policy that could apply to it, step by step.
 * Nothing here decides a verdict: which clauses apply, the due moments, the statuses and the
 * points are the engine's own evaluations (src/rules/engine.ts), and each clause's shape says
 * through `describe()` which fields start and stop its clock and where its limit comes from.
 * This model only reads them back — the field values and their `file:line`, each day of a
 * working-day count with the reason it was counted or skipped, and for a clause that does not
 * apply, which of its conditions the record fails. So explain agrees with breaches by
 * construction (test/reports/explain.test.ts checks it on every record of the sample).
 */
import type { Clock, When } from '../calendar/time';
import { UnknownCalendarYearError, type DayInfo, type DayKind, type HolidayName, type WorkCalendar } from '../calendar/workdays';
import { ASSESSMENT, fieldValue, type Kind } from '../core/kinds';
import type { Text } from '../core/lang';
import type { Clause, Condition, Duration, FieldTest, Policy } from '../core/policy';
import type { SourcePos } from '../core/problems';
import type { Rec } from '../core/records';
import { passes, regionOf } from '../rules/conditions';
import { asOfView } from '../rules/context';
import { isFinding, type CalendarGap, type Evaluation } from '../rules/engine';
import { SHAPES, type ClauseDescription, type Shapes } from '../rules/shapes';

/** A field of the record as the clause read it: its name, its value as written, where it is. */
export interface FieldRef {
  readonly field: string;
  readonly value: string;
  readonly pos: SourcePos;
}

/** One test of a clause's conditions that the record fails. */
export interface FailedTest {
  readonly field: string;
  readonly test: FieldTest;
  /** the record's value (its kind's default when absent), undefined when absent */
  readonly value: unknown;
  /** `when` (must pass), `unless` (excludes when all pass), `any` (one alternative must pass) */
  readonly part: 'when' | 'unless' | 'any';
}

/** Why a clause does not apply to the record, or applies but has no clock. */
export type Reason =
  /** a condition of the clause is not met */
  /** a condition of the clause is not met; `by`: a clause of the same category that judges the record instead */
  | { readonly type: 'condition'; readonly failed: readonly FailedTest[]; readonly by: string | null }
  /** the clause excludes such records; `by`: the clause that judges the record instead */
  | { readonly type: 'excluded'; readonly failed: readonly FailedTest[]; readonly by: string | null }
  /** the field that starts the clock is absent */
  | { readonly type: 'not-started'; readonly field: string }
  /** the field is there, dated after --as-of: as at that moment it has not happened */
  | { readonly type: 'after-as-of'; readonly field: FieldRef }
  /** a limit by region, and the record names no region the table knows */
  | { readonly type: 'no-region'; readonly city: string | null }
  /** a limit from a linked record that is absent or has no limit */
  | { readonly type: 'no-linked'; readonly field: string; readonly value: string | null }
  /** none of the fields that give the due date (or its fallback's start) is there */
  | { readonly type: 'no-due'; readonly fields: readonly string[] }
  /** a manual clause: no assessment names this record */
  | { readonly type: 'no-assessment' }
  /** a recurring obligation (per month, year, trunk): judged on its period, not on this record */
  | { readonly type: 'recurring'; readonly subject: string | null }
  /** its due moment needs a calendar year nobody provided */
  | { readonly type: 'calendar-gap'; readonly year: number }
  /** a clause on the items of a list field: no item of the record's list is one it counts */
  | { readonly type: 'no-items'; readonly list: string }
  /** the shape found nothing to judge (no date) */
  | { readonly type: 'nothing' };

/** Where the limit a clock was held to came from. */
export type LimitSource =
  | { readonly type: 'clause'; readonly duration: Duration }
  | { readonly type: 'region'; readonly duration: Duration; readonly region: string; readonly title: Text; readonly stage: string; readonly city: FieldRef | null; readonly named: FieldRef | null }
  | { readonly type: 'linked'; readonly duration: Duration; readonly field: FieldRef; readonly record: string; readonly clause: string | null }
  | { readonly type: 'agreed'; readonly field: FieldRef }
  | { readonly type: 'fallback'; readonly duration: Duration; readonly from: string }
  | { readonly type: 'window'; readonly start: FieldRef | null; readonly end: FieldRef | null }
  | { readonly type: 'before'; readonly duration: Duration; readonly date: FieldRef }
  | { readonly type: 'recurring'; readonly description: ClauseDescription['limit'] }
  | { readonly type: 'none' };

/** One day of a working-day count. */
export interface Step {
  /** `due`: counting to the due day; `overrun`: from the due day to the day it was done; `left`: from the as-of day to the due day */
  readonly phase: 'due' | 'overrun' | 'left';
  readonly date: string;
  /** ISO weekday, 1 = Monday */
  readonly weekday: number;
  readonly day: DayKind;
  readonly counted: boolean;
  /** the working days counted so far in this phase, on a counted day */
  readonly count: number | null;
  readonly holiday: HolidayName | null;
  /** the calendar file that lists this day, when one does (it added or corrected it) */
  readonly file: { readonly file: string; readonly line: number } | null;
}

export interface ExplainedClock {
  readonly clause: Clause;
  readonly applies: boolean;
  readonly reason: Reason | null;
  /** the engine's evaluation (null when the clause does not apply) */
  readonly evaluation: Evaluation | null;
  /** the assessment that names this record, for a manual clause */
  readonly via: string | null;
  readonly from: FieldRef | null;
  readonly to: FieldRef | null;
  /** the `to` field is there but does not count (an unsigned sheet): the condition it fails */
  readonly toIgnored: { readonly field: FieldRef; readonly failed: readonly FailedTest[] } | null;
  readonly limit: LimitSource | null;
  readonly steps: readonly Step[];
  /** days of a long overrun or wait not listed one by one */
  readonly stepsOmitted: number;
  /** an open clock: the time left (working days for a working-day limit) */
  readonly left: { readonly ms: number; readonly workdays: number | null } | null;
  /** a missed clock: how long overdue at the as-of time */
  readonly overdue: { readonly ms: number; readonly workdays: number | null } | null;
  /** the points it counts (0 unless a finding) */
  readonly points: number;
}

export interface Explanation {
  readonly rec: Rec;
  readonly asOf: number;
  readonly clocks: readonly ExplainedClock[];
}

export interface ExplainInput {
  readonly rec: Rec;
  /** the position of a field of the record */
  readonly locate: (field: string) => SourcePos;
  readonly policy: Policy;
  readonly clock: Clock;
  readonly calendar: WorkCalendar;
  /** days listed in the folder's calendar files, by date */
  readonly calendarDays: ReadonlyMap<string, { readonly file: string; readonly line: number }>;
  /** the engine's evaluations of the whole folder, and its gaps */
  readonly evaluations: readonly Evaluation[];
  readonly gaps: readonly CalendarGap[];
  readonly asOf: number;
  readonly shapes?: Shapes;
}

/** Days of an overrun or of a wait listed one by one; beyond, only counted. */
const MAX_LISTED_DAYS = 31;

export function explainRecord(input: ExplainInput): Explanation {
  const { rec, policy, clock, evaluations } = input;
  const shapes = input.shapes ?? SHAPES;
  const view = asOfView(rec, clock, input.asOf);
  const own = evaluations.filter((e) => e.record === rec.id);
  const named = evaluations.filter((e) => e.kind === ASSESSMENT.kind && e.record !== rec.id && e.subject === rec.id);
  const clocks: ExplainedClock[] = [];
  const field = (name: string): FieldRef | null => fieldRef(rec, name, input.locate, clock);

  // first, which clauses apply: their evaluations (needed to say what supersedes what)
  const applying = new Set([...own, ...named].map((e) => e.clause));
  for (const c of policy.clauses) {
    const shape = shapes.get(c.shape);
    if (!shape) continue;
    const d = shape.describe(c, policy);
    const mine = own.filter((e) => e.clause === c.id);
    const viaAssessments = named.filter((e) => e.clause === c.id);
    for (const e of mine) clocks.push(explainEvaluation(input, c, d, e, null, view, field));
    for (const e of viaAssessments) clocks.push(explainEvaluation(input, c, d, e, e.record, view, field));
    if (mine.length > 0 || viaAssessments.length > 0) continue;
    const reason = whyNot(input, c, d, view, field, applying);
    if (reason !== null) clocks.push(notApplying(c, reason));
  }
  return { rec, asOf: input.asOf, clocks };
}

function notApplying(c: Clause, reason: Reason): ExplainedClock {
  return { clause: c, applies: false, reason, evaluation: null, via: null, from: null, to: null, toIgnored: null, limit: null, steps: [], stepsOmitted: 0, left: null, overdue: null, points: 0 };
}

/** The value of a field as written (a time as the record has it), with its position; null when absent. */
function fieldRef(rec: Rec, name: string, locate: (field: string) => SourcePos, clock: Clock): FieldRef | null {
  const raw = rec.data[name];
  if (raw === undefined) return null;
  const t = rec.times[name];
  const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : t ? clock.format(t.ms) : JSON.stringify(raw);
  return { field: name, value, pos: locate(name) };
}

/** The failing tests of a condition (all must pass). */
function failing(data: Readonly<Record<string, unknown>>, kind: Kind, cond: Condition | undefined, part: FailedTest['part']): FailedTest[] {
  if (!cond) return [];
  const out: FailedTest[] = [];
  for (const [f, test] of Object.entries(cond)) {
    const value = fieldValue(data, kind, f);
    if (!passes(value, test)) out.push({ field: f, test, value, part });
  }
  return out;
}

/** A test that keeps records out (`{not: …}`, `{present: false}`) rather than picking them. */
function isExclusion(t: FailedTest): boolean {
  if (t.part === 'unless') return true;
  const test = t.test;
  return test !== null && typeof test === 'object' && !Array.isArray(test) && (('not' in test) || ('present' in test && test.present === false));
}

/** Fields a clause picks records by (positive tests of `when` and `any`). */
function pickedBy(c: Clause): Set<string> {
  const out = new Set<string>();
  const a = c.applies;
  if (!a) return out;
  for (const cond of [a.when ?? {}, ...(a.any ?? [])]) {
    for (const [f, test] of Object.entries(cond)) {
      const negative = test !== null && typeof test === 'object' && !Array.isArray(test) && ('not' in test || ('present' in test && test.present === false));
      if (!negative) out.add(f);
    }
  }
  return out;
}

function whyNot(
  input: ExplainInput,
  c: Clause,
  d: ClauseDescription,
  view: Rec,
  field: (name: string) => FieldRef | null,
  applying: ReadonlySet<string>,
): Reason | null {
  const { rec, policy } = input;
  const gap = input.gaps.find((g) => g.clause === c.id && g.record === rec.id);
  if (gap) return { type: 'calendar-gap', year: gap.year };
  // a manual clause on records of this kind: judged only when an assessment names the record
  if (d.reads.assessments) {
    if (d.reads.refKind === rec.kind) return { type: 'no-assessment' };
    if (rec.kind === ASSESSMENT.kind && rec.data[ASSESSMENT.clause] === c.id) return { type: 'nothing' };
    return null;
  }
  const a = c.applies;
  if (!a) {
    const reads = d.reads;
    const kinds = [reads.needs?.kind, reads.evidence?.kind, reads.subjectsFrom?.kind];
    if (!kinds.includes(rec.kind)) return null;
    let subject: string | null = null;
    if (reads.needs?.kind === rec.kind) {
      const t = view.times[reads.needs.date];
      if (t) subject = input.clock.monthOf(input.clock.asEvent(t));
    }
    return { type: 'recurring', subject };
  }
  if (a.kind !== rec.kind) return null;
  const data = rec.data;
  const when = failing(data, rec.kind, a.when, 'when');
  const unlessTests = a.unless ? failing(data, rec.kind, a.unless, 'unless') : null;
  // `unless` excludes when every one of its tests passes
  const unless: FailedTest[] = a.unless && unlessTests!.length === 0 ? Object.entries(a.unless).map(([f, test]) => ({ field: f, test, value: fieldValue(data, rec.kind, f), part: 'unless' as const })) : [];
  const anyFailed = a.any && a.any.length > 0 && a.any.every((cond) => failing(data, rec.kind, cond, 'any').length > 0) ? a.any.flatMap((cond) => failing(data, rec.kind, cond, 'any')) : [];
  const failed = [...when, ...unless, ...anyFailed];
  if (failed.length > 0) {
    // the clause that judges the record instead: one that applies and picks records by a field this one fails on
    const fields = new Set(failed.map((t) => t.field));
    const instead = (sameCategory: boolean): string | null =>
      policy.clauses.find((o) => o.id !== c.id && applying.has(o.id) && (!sameCategory || o.category === c.category) && [...pickedBy(o)].some((f) => fields.has(f)))?.id ?? null;
    if (failed.every(isExclusion)) return { type: 'excluded', failed, by: instead(false) };
    return { type: 'condition', failed: failed.filter((t) => !isExclusion(t)).concat(failed.filter(isExclusion)), by: instead(true) };
  }
  // the clause applies, yet the engine judged nothing: what was missing
  const span = d.span;
  const started = (f: string): Reason | null => {
    if (view.times[f]) return null;
    const there = field(f);
    return there && rec.times[f] ? { type: 'after-as-of', field: there } : { type: 'not-started', field: f };
  };
  switch (span.type) {
    case 'elapsed': {
      const r = started(span.from);
      if (r) return r;
      if (d.limit.type === 'region') {
        const city = rec.data.city;
        return { type: 'no-region', city: typeof city === 'string' ? city : null };
      }
      if (d.limit.type === 'linked') {
        const v = rec.data[d.limit.field];
        return { type: 'no-linked', field: d.limit.field, value: v === undefined ? null : String(v) };
      }
      return { type: 'nothing' };
    }
    case 'deadline': {
      const fields = span.due.split(' | ');
      const fb = d.limit.type === 'agreed' ? d.limit.fallback : undefined;
      return { type: 'no-due', fields: fb ? [...fields, fb.from] : fields };
    }
    case 'before':
      return started(span.date) ?? { type: 'nothing' };
    case 'window': {
      const missing = [span.windowStart, span.windowEnd].filter((f) => !view.times[f]);
      return { type: 'no-due', fields: missing.length > 0 ? missing : [span.windowStart, span.windowEnd] };
    }
    default:
      return d.reads.items ? { type: 'no-items', list: d.reads.items.list } : { type: 'nothing' };
  }
}

function explainEvaluation(
  input: ExplainInput,
  c: Clause,
  d: ClauseDescription,
  e: Evaluation,
  via: string | null,
  view: Rec,
  field: (name: string) => FieldRef | null,
): ExplainedClock {
  const { clock, asOf } = input;
  const eventOf = (f: string): number | null => {
    const t = view.times[f];
    return t ? clock.asEvent(t) : null;
  };
  let from: FieldRef | null = null;
  let to: FieldRef | null = null;
  let toIgnored: ExplainedClock['toIgnored'] = null;
  let limit: LimitSource | null = null;
  const lim = e.limit;
  const span = d.span;
  const toOf = (fields: readonly string[]): void => {
    if (e.actual !== null) {
      const f = fields.find((x) => eventOf(x) === e.actual);
      to = f === undefined ? null : field(f);
    } else if (d.validIf) {
      const f = fields.find((x) => view.times[x] !== undefined);
      const ref = f === undefined ? null : field(f);
      if (ref) toIgnored = { field: ref, failed: failing(view.data, view.kind, d.validIf, 'when') };
    }
  };
  if (via !== null) {
    // a manual clause: the assessment judged it; its date is the moment
    return base(c, e, via, { from: null, to: null, toIgnored: null, limit: { type: 'none' }, steps: [], omitted: 0 }, input);
  }
  switch (span.type) {
    case 'elapsed': {
      from = field(span.from);
      toOf(span.to);
      const dl = d.limit;
      if (lim?.duration) {
        if (dl.type === 'region' && lim.region !== null) {
          const region = input.policy.regions.find((r) => r.id === lim.region)!;
          const namedRegion = typeof view.data.region === 'string' ? field('region') : null;
          limit = { type: 'region', duration: lim.duration, region: region.id, title: region.title, stage: dl.stage, city: namedRegion ? null : field('city'), named: namedRegion };
        } else if (dl.type === 'linked') {
          const linked = String(view.data[dl.field] ?? '');
          const source = input.evaluations.find((x) => x.record === linked && dl.clauses.includes(x.clause));
          limit = { type: 'linked', duration: lim.duration, field: field(dl.field)!, record: linked, clause: source?.clause ?? null };
        } else limit = { type: 'clause', duration: lim.duration };
      }
      break;
    }
    case 'deadline': {
      toOf([span.to]);
      if (lim?.agreed) limit = { type: 'agreed', field: field(lim.agreed)! };
      else if (lim?.duration && d.limit.type === 'agreed' && d.limit.fallback) {
        from = field(d.limit.fallback.from);
        limit = { type: 'fallback', duration: lim.duration, from: d.limit.fallback.from };
      }
      break;
    }
    case 'before': {
      from = field(span.date);
      toOf([span.to]);
      limit = { type: 'before', duration: span.duration, date: field(span.date)! };
      break;
    }
    case 'window': {
      from = field(span.windowStart);
      toOf(e.detail.early ? [span.start] : [span.end]);
      limit = { type: 'window', start: field(span.windowStart), end: field(span.windowEnd) };
      break;
    }
    case 'field':
      toOf([span.field]);
      limit = { type: 'recurring', description: d.limit };
      break;
    case 'none':
      limit = d.limit.type === 'none' ? { type: 'none' } : { type: 'recurring', description: d.limit };
      break;
  }

  // the working days, each one, for a limit in working days
  const steps: Step[] = [];
  let omitted = 0;
  const duration = limit && 'duration' in limit ? limit.duration : null;
  if (duration?.unit === 'wd' && e.due !== null) {
    try {
      const dueDate = clock.localDate(e.due);
      if (limit!.type === 'before') steps.push(...walkBack(input, clock.localDate(clock.asEvent(view.times[(span as { date: string }).date]!)), dueDate));
      else if (from) steps.push(...walk(input, 'due', clock.localDate(clock.asEvent(view.times[from.field] as When)), dueDate, Infinity).steps);
      if (e.status === 'late' && e.actual !== null && e.actual > e.due) {
        const w = walk(input, 'overrun', dueDate, clock.localDate(e.actual), MAX_LISTED_DAYS);
        steps.push(...w.steps);
        omitted += w.omitted;
      } else if (e.status === 'open' && limit!.type === 'before') {
        // counting forward, the days left are the last days of the count; counting back, they are not listed yet
        const w = walk(input, 'left', clock.localDate(asOf), dueDate, MAX_LISTED_DAYS);
        steps.push(...w.steps);
        omitted += w.omitted;
      }
    } catch (err) {
      if (!(err instanceof UnknownCalendarYearError)) throw err;
    }
  }
  return base(c, e, null, { from, to, toIgnored, limit, steps, omitted }, input);
}

function base(
  c: Clause,
  e: Evaluation,
  via: string | null,
  parts: { from: FieldRef | null; to: FieldRef | null; toIgnored: ExplainedClock['toIgnored']; limit: LimitSource | null; steps: Step[]; omitted: number },
  input: ExplainInput,
): ExplainedClock {
  const { clock, calendar, asOf } = input;
  const wd = e.limit?.duration?.unit === 'wd';
  const workdays = (a: number, b: number): number | null => {
    if (!wd) return null;
    try {
      return calendar.workdaysBetween(clock.localDate(a), clock.localDate(b));
    } catch (err) {
      if (err instanceof UnknownCalendarYearError) return null;
      throw err;
    }
  };
  const left = e.status === 'open' && e.due !== null ? { ms: e.due - asOf, workdays: workdays(asOf, e.due) } : null;
  const overdue = e.status === 'missed' && e.due !== null ? { ms: asOf - e.due, workdays: workdays(e.due, asOf) } : null;
  return {
    clause: c,
    applies: true,
    reason: null,
    evaluation: e,
    via,
    from: parts.from,
    to: parts.to,
    toIgnored: parts.toIgnored,
    limit: parts.limit,
    steps: parts.steps,
    stepsOmitted: parts.omitted,
    left,
    overdue,
    points: isFinding(e) ? e.points : 0,
  };
}

function stepOf(input: ExplainInput, phase: Step['phase'], info: DayInfo, count: number | null): Step {
  return {
    phase,
    date: info.date,
    weekday: info.weekday,
    day: info.kind,
    counted: info.workday,
    count,
    holiday: info.name ?? null,
    file: input.calendarDays.get(info.date) ?? null,
  };
}

/** The days in (start, end], each with whether it counts; beyond `max` days only counted. */
function walk(input: ExplainInput, phase: Step['phase'], start: string, end: string, max: number): { steps: Step[]; omitted: number } {
  const { clock, calendar } = input;
  const steps: Step[] = [];
  let omitted = 0;
  let count = 0;
  for (let day = clock.addDaysToDate(start, 1); day <= end; day = clock.addDaysToDate(day, 1)) {
    const info = calendar.dayInfo(day);
    if (info.workday) count++;
    if (steps.length < max) steps.push(stepOf(input, phase, info, info.workday ? count : null));
    else omitted++;
  }
  return { steps, omitted };
}

/** "≥ N wd before D": the days before D, latest first, down to the due day. */
function walkBack(input: ExplainInput, date: string, dueDate: string): Step[] {
  const { clock, calendar } = input;
  const steps: Step[] = [];
  let count = 0;
  for (let day = clock.addDaysToDate(date, -1); day >= dueDate; day = clock.addDaysToDate(day, -1)) {
    const info = calendar.dayInfo(day);
    if (info.workday) count++;
    steps.push(stepOf(input, 'due', info, info.workday ? count : null));
  }
  return steps;
}

/** The findings of a record as breaches counts them: clause, status, points (for the agreement test). */
export function clockVerdicts(x: Explanation): { clause: string; status: string; points: number; due: number | null }[] {
  return x.clocks
    .filter((c) => c.applies && c.via === null && c.evaluation !== null && isFinding(c.evaluation))
    .map((c) => ({ clause: c.clause.id, status: c.evaluation!.status, points: c.points, due: c.evaluation!.due }));
}
