/**
 * What a clause shape works with while it evaluates: the records (by kind, by id, the recent
 * ones), the clock and the working-day calendar, the as-of moment, and `push` to record one
 * evaluation. Also the types every later stage reads: an evaluation is one obligation instance
 * (a ticket under a clause, a month's report, a trunk's half-year) and how it went.
 */
import type { Clock, When } from '../calendar/time';
import { UnknownCalendarYearError, type WorkCalendar } from '../calendar/workdays';
import { KIND_FACTS, type Kind } from '../core/kinds';
import type { Clause, Condition, Duration, Policy } from '../core/policy';
import { problemAt, type Problem, type SourcePos } from '../core/problems';
import type { Rec } from '../core/records';
import { applies, matches, ticketCategory } from './conditions';

/**
 * met: done by its due moment; late: done after it; missed: not done and already due;
 * open: not done, not yet due; noted: a finding by its existence (flag, list item, assessment).
 */
export type Status = 'met' | 'late' | 'missed' | 'open' | 'noted';

/** The limit an evaluation was held to, for messages and "time left". */
export interface LimitInfo {
  readonly duration: Duration | null; // null for an agreed date or a window
  readonly region: string | null; // region id when the region table chose it
  readonly agreed: string | null; // the record field holding an agreed date
}

export interface Evaluation {
  readonly clause: string;
  readonly shape: string;
  readonly category: string;
  /** points if this is a finding (0 for operator obligations and shown-only clauses) */
  readonly points: number;
  readonly status: Status;
  readonly record: string | null;
  readonly kind: Kind | null;
  /** what the obligation is about: the record id, or `2026-09`, `广州-深圳 2026-H2`, ... */
  readonly subject: string;
  readonly due: number | null;
  readonly actual: number | null;
  /** the moment that decides the quarter: the due moment, or the date of a noted item */
  readonly moment: number;
  readonly quarter: string;
  readonly source: SourcePos | null;
  readonly limit: LimitInfo | null;
  readonly operator: boolean;
  /**
   * How late a late evaluation was: the time between due and done, and for a limit in working
   * days the working days after the due day up to the day it was done (null when the calendar
   * does not know that year). Null unless late.
   */
  readonly overrun: { readonly ms: number; readonly workdays: number | null } | null;
  /** quota progress, a count of items, a provisional level and the like */
  readonly detail: Readonly<Record<string, string | number>>;
}

export function isFinding(e: Evaluation): boolean {
  return e.status === 'late' || e.status === 'missed' || e.status === 'noted';
}

export interface EngineInput {
  readonly records: readonly Rec[];
  readonly policy: Policy;
  readonly clock: Clock;
  readonly calendar: WorkCalendar;
  readonly asOf: number;
  /** contract years start here (`YYYY-MM-DD`); null: calendar years from the earliest record */
  readonly contractStart: string | null;
  /**
   * Evaluations whose moment lies before this may be left out: a report of one period passes
   * the period's start, and records too old to have an obligation due in it are not evaluated.
   */
  readonly since?: number;
}

/**
 * An obligation whose due moment could not be computed: its working days run into a year the
 * calendar does not know. Such a due moment lies after every known day.
 */
export interface CalendarGap {
  readonly year: number;
  readonly clause: string;
  readonly record: string | null;
}

/** What `push` takes: the evaluation's own facts; the rest comes from the clause and the record. */
export interface Outcome {
  readonly status: Status;
  readonly due: number | null;
  readonly actual: number | null;
  readonly moment?: number;
  readonly subject?: string;
  readonly limit?: LimitInfo | null;
  readonly points?: number;
  readonly source?: SourcePos | null;
  readonly detail?: Readonly<Record<string, string | number>>;
}

/** Evidence a recurring obligation looks for, and when it was done. */
export interface Evidence {
  readonly kind: Kind;
  readonly when?: Condition;
  /** field holding the period (`2026-09` or `2026`) the evidence is for */
  readonly period?: string;
  /** the timestamp of fulfilment */
  readonly done: string;
}

const NO_DETAIL: Readonly<Record<string, string | number>> = Object.freeze({});

export class Ctx {
  readonly byId = new Map<string, Rec>();
  readonly out: Evaluation[] = [];
  readonly problems: Problem[] = [];
  /** obligations whose due moment needs a calendar year nobody provided */
  readonly gaps: CalendarGap[] = [];
  private readonly byKind = new Map<Kind, Rec[]>();
  /** records that can have a record-based evaluation at or after `since` (all without it) */
  private readonly current = new Map<Kind, Rec[]>();
  private readonly reportedYears = new Set<number>();
  private readonly limitInfos = new Map<Duration, Map<string | null, LimitInfo>>();

  /** `horizon`: how long after a record's latest moment any of its obligations can fall due */
  constructor(
    readonly input: EngineInput,
    horizon: number,
  ) {
    const oldest = input.since === undefined ? -Infinity : input.since - horizon;
    for (const given of input.records) {
      const r = asOfView(given, input.clock, input.asOf);
      if (!this.byId.has(r.id)) this.byId.set(r.id, r);
      let list = this.byKind.get(r.kind);
      if (!list) this.byKind.set(r.kind, (list = []));
      list.push(r);
      if (latestMoment(r, input.clock) >= oldest) {
        let cur = this.current.get(r.kind);
        if (!cur) this.current.set(r.kind, (cur = []));
        cur.push(r);
      }
    }
  }

  get clock(): Clock {
    return this.input.clock;
  }

  get policy(): Policy {
    return this.input.policy;
  }

  recordsOf(kind: Kind): readonly Rec[] {
    return this.byKind.get(kind) ?? [];
  }

  /**
   * Each record a record-based clause applies to (of those recent enough to matter), with a
   * calendar year nobody provided reported once instead of stopping the run.
   */
  eachRecord(clause: Clause, fn: (rec: Rec) => void): void {
    const a = clause.applies;
    if (!a) return;
    for (const rec of this.current.get(a.kind) ?? []) {
      if (!applies(rec, a)) continue;
      try {
        fn(rec);
      } catch (err) {
        if (err instanceof UnknownCalendarYearError) this.calendarProblem(err, clause, rec);
        else throw err;
      }
    }
  }

  /** A time field of a record as an event (a bare date: the day's start), or null. */
  eventOf(rec: Rec, field: string): number | null {
    const t = rec.times[field];
    return t ? this.clock.asEvent(t) : null;
  }

  /** The first of `fields` the record has, as an event. */
  firstEventOf(rec: Rec, fields: readonly string[]): number | null {
    for (const f of fields) {
      const t = this.eventOf(rec, f);
      if (t !== null) return t;
    }
    return null;
  }

  /** When the obligation was met: the `to` time, unless the record fails `validIf` (an unsigned sheet). */
  actualOf(rec: Rec, field: string, validIf: Condition | undefined): number | null {
    if (validIf && !matches(rec.data, rec.kind, validIf)) return null;
    return this.eventOf(rec, field);
  }

  /** The earliest of `fields` the record has, as with actualOf. */
  earliestOf(rec: Rec, fields: readonly string[], validIf: Condition | undefined): number | null {
    if (validIf && !matches(rec.data, rec.kind, validIf)) return null;
    let earliest: number | null = null;
    for (const f of fields) {
      const t = this.eventOf(rec, f);
      if (t !== null && (earliest === null || t < earliest)) earliest = t;
    }
    return earliest;
  }

  /** `3h`, `5d`, `7wd` from an event; a working-day limit ends at the end of the N-th working day after. */
  after(from: When, d: Duration): number {
    const c = this.clock;
    switch (d.unit) {
      case 'h':
        return c.addHours(c.asEvent(from), d.amount);
      case 'd':
        return c.dueAfterDays(from, d.amount);
      case 'wd':
        return c.endOfDay(this.input.calendar.addWorkdays(c.localDate(c.asEvent(from)), d.amount));
    }
  }

  /** The end of the day that lies `d` before `date` (the date itself not counted). */
  before(date: When, d: Duration): number {
    const c = this.clock;
    const day = c.localDate(c.asEvent(date));
    if (d.unit === 'wd') return c.endOfDay(this.input.calendar.subtractWorkdays(day, d.amount));
    if (d.unit === 'd') return c.endOfDay(c.addDaysToDate(day, -d.amount));
    return c.addHours(c.asEvent(date), -d.amount);
  }

  /** met / late / missed / open from a due moment and an optional actual one. */
  judge(due: number, actual: number | null): Status {
    if (actual !== null) return actual <= due ? 'met' : 'late';
    return due < this.input.asOf ? 'missed' : 'open';
  }

  /** One shared LimitInfo per duration and region: 100,000 evaluations need only a few. */
  limitInfo(duration: Duration, region: string | null = null): LimitInfo {
    let byRegion = this.limitInfos.get(duration);
    if (!byRegion) this.limitInfos.set(duration, (byRegion = new Map()));
    let info = byRegion.get(region);
    if (!info) byRegion.set(region, (info = Object.freeze({ duration, region, agreed: null })));
    return info;
  }

  /** The evidence records of a recurring obligation (for `period`, when the evidence names one), earliest first. */
  evidenceFor(ev: Evidence, period: string | null): { rec: Rec; at: number }[] {
    const out: { rec: Rec; at: number }[] = [];
    for (const r of this.recordsOf(ev.kind)) {
      if (!matches(r.data, r.kind, ev.when)) continue;
      if (period !== null && ev.period && String(r.data[ev.period]) !== period) continue;
      const at = this.eventOf(r, ev.done);
      if (at !== null) out.push({ rec: r, at });
    }
    return out.sort((a, b) => a.at - b.at || (a.rec.id < b.rec.id ? -1 : 1));
  }

  /** Years the contract has run through by the as-of time. */
  contractYears(): number[] {
    const c = this.clock;
    const last = c.yearOf(this.input.asOf);
    let first: number;
    if (this.input.contractStart) first = Number(this.input.contractStart.slice(0, 4));
    else {
      let min = Infinity;
      for (const r of this.input.records) for (const t of Object.values(r.times)) if (t.ms < min) min = t.ms;
      if (min === Infinity) return [];
      first = c.yearOf(min);
    }
    const out: number[] = [];
    for (let y = first; y <= last; y++) out.push(y);
    return out;
  }

  /** The table category of a finding: the clause's, or for `category: ticket` that of the ticket the record is or names. */
  private categoryFor(clause: Clause, rec: Rec | null): string {
    if (clause.category !== 'ticket') return clause.category;
    let ticket: Rec | undefined;
    if (rec?.kind === 'tickets') ticket = rec;
    else if (rec) {
      for (const ref of KIND_FACTS[rec.kind].references) {
        if (ref.list !== undefined || (ref.to !== null && ref.to !== 'tickets')) continue;
        const named = rec.data[ref.field];
        if (named !== undefined) {
          ticket = this.byId.get(String(named));
          break;
        }
      }
    }
    return ticketCategory(this.policy, ticket) ?? this.policy.ticket_categories[0]?.category ?? clause.category;
  }

  calendarProblem(err: UnknownCalendarYearError, clause: Clause, rec: Rec | null): void {
    this.gaps.push({ year: err.year, clause: clause.id, record: rec?.id ?? null });
    if (this.reportedYears.has(err.year)) return;
    this.reportedYears.add(err.year);
    this.problems.push(
      problemAt(rec?.source ?? { file: 'calendars/', line: 1, column: 1 }, 'calendar-year', `${err.message} (needed by ${clause.id})`, {
        kind: rec?.kind ?? null,
        record: rec?.id ?? null,
      }),
    );
  }

  push(clause: Clause, rec: Rec | null, o: Outcome): void {
    const moment = o.moment ?? o.due ?? o.actual ?? 0;
    const operator = clause.operator === true;
    const provisional = rec !== null && KIND_FACTS[rec.kind].provisional;
    // a provisional fault level is shown with every finding on it
    const detail = provisional && matches(rec.data, rec.kind, provisional as Condition) ? { ...o.detail, provisional: 1 } : o.detail ?? NO_DETAIL;
    this.out.push({
      clause: clause.id,
      shape: clause.shape,
      category: this.categoryFor(clause, rec),
      points: operator ? 0 : o.points ?? clause.points,
      status: o.status,
      record: rec?.id ?? null,
      kind: rec?.kind ?? null,
      subject: o.subject ?? rec?.id ?? '',
      due: o.due,
      actual: o.actual,
      moment,
      quarter: this.clock.quarterOf(moment),
      source: o.source === undefined ? rec?.source ?? null : o.source,
      limit: o.limit ?? null,
      operator,
      overrun: this.overrunOf(o),
      detail,
    });
  }

  private overrunOf(o: Outcome): Evaluation['overrun'] {
    if (o.status !== 'late' || o.due === null || o.actual === null) return null;
    const ms = Math.abs(o.actual - o.due);
    if (o.limit?.duration?.unit !== 'wd' || o.actual < o.due) return { ms, workdays: null };
    try {
      return { ms, workdays: this.input.calendar.workdaysBetween(this.clock.localDate(o.due), this.clock.localDate(o.actual)) };
    } catch (err) {
      if (err instanceof UnknownCalendarYearError) return { ms, workdays: null };
      throw err;
    }
  }
}

/**
 * A record as it stood at the as-of time: what happened after it has not happened yet (a
 * ticket resolved later is still open; an assessment dated later does not count). Agreed and
 * planned dates (the kind's `plans`) stay: they may lie ahead. The same record object when
 * nothing lies ahead, as nearly always.
 */
export function asOfView(r: Rec, clock: Clock, asOf: number): Rec {
  let times: Record<string, When> | null = null;
  const plans = KIND_FACTS[r.kind].plans;
  for (const k in r.times) {
    if (clock.asEvent(r.times[k]!) <= asOf || plans.includes(k)) continue;
    times ??= { ...r.times };
    delete times[k];
  }
  return times === null ? r : { ...r, times };
}

/**
 * The latest moment a record names. Every record-based evaluation falls no later than this plus
 * the longest limit: a due moment is an event plus a limit, an agreed date of the record, or a
 * date before one of its dates; a noted item is dated by one of its fields.
 */
function latestMoment(r: Rec, clock: Clock): number {
  let latest = -Infinity;
  for (const k in r.times) {
    const t = clock.asDeadline(r.times[k]!);
    if (t > latest) latest = t;
  }
  return latest;
}

