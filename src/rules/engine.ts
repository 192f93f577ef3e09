/**
 * Clause shapes → evaluations. A pure function of (records, policy, calendar, as-of): one
 * evaluation per obligation instance (a ticket under a clause, a month's report, a trunk's
 * half-year), whether it was met, late, missed, still open or simply noted. Findings (the
 * points of the quarterly table) are the evaluations that are late, missed or noted.
 * The engine knows shapes, never clause ids: every limit and point value comes from the policy.
 */
import type { Clock, When } from '../calendar/time';
import { UnknownCalendarYearError, type WorkCalendar } from '../calendar/workdays';
import type { Rec } from '../core/records';
import type { Kind } from '../core/kinds';
import { problemAt, type Problem, type SourcePos } from '../core/problems';
import type {
  AnnualClause,
  BeforeClause,
  Clause,
  DeadlineClause,
  Duration,
  ElapsedClause,
  Evidence,
  FlagClause,
  HalfYearClause,
  ItemsClause,
  Limit,
  ManualClause,
  MonthlyClause,
  Policy,
  QuotaClause,
  Shape,
  WindowClause,
} from '../policy/types';
import { applies, matches, regionOf, ticketCategory } from './conditions';

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
  readonly shape: Shape;
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
  /** quota progress and the like */
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

export interface EngineResult {
  readonly evaluations: readonly Evaluation[];
  /** e.g. a working-day limit that needs a calendar year nobody provided */
  readonly problems: readonly Problem[];
}

const NO_DETAIL: Readonly<Record<string, string | number>> = Object.freeze({});

class Ctx {
  readonly byId = new Map<string, Rec>();
  readonly byKind = new Map<Kind, Rec[]>();
  readonly out: Evaluation[] = [];
  readonly problems: Problem[] = [];
  private readonly reportedYears = new Set<number>();

  /** records that can have a record-based evaluation at or after `since` (all without it) */
  private readonly current = new Map<Kind, Rec[]>();

  constructor(readonly input: EngineInput) {
    const oldest = input.since === undefined ? -Infinity : input.since - longestLimitMs(input.policy);
    for (const r of input.records) {
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

  /** Records of a kind whose record-based evaluations may fall at or after `since`. */
  currentOf(kind: Kind): readonly Rec[] {
    return this.current.get(kind) ?? [];
  }

  get clock(): Clock {
    return this.input.clock;
  }

  recordsOf(kind: Kind): readonly Rec[] {
    return this.byKind.get(kind) ?? [];
  }

  categoryFor(clause: Clause, rec: Rec | null): string {
    if (clause.category !== 'ticket') return clause.category;
    const ticket = rec?.kind === 'tickets' ? rec : rec ? this.byId.get(String(rec.data.ref ?? rec.data.ticket ?? '')) : undefined;
    return ticketCategory(this.input.policy, ticket) ?? this.input.policy.ticket_categories[0]?.category ?? clause.category;
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

  calendarProblem(err: UnknownCalendarYearError, clause: Clause, rec: Rec | null): void {
    if (this.reportedYears.has(err.year)) return;
    this.reportedYears.add(err.year);
    this.problems.push(
      problemAt(rec?.source ?? { file: 'calendars/', line: 1, column: 1 }, 'calendar-year', `${err.message} (needed by ${clause.id})`, { kind: rec?.kind ?? null, record: rec?.id ?? null }),
    );
  }

  push(
    clause: Clause,
    rec: Rec | null,
    fields: {
      status: Status;
      due: number | null;
      actual: number | null;
      moment?: number;
      subject?: string;
      limit?: LimitInfo | null;
      points?: number;
      source?: SourcePos | null;
      detail?: Record<string, string | number>;
    },
  ): void {
    const moment = fields.moment ?? fields.due ?? fields.actual ?? 0;
    const operator = clause.operator === true;
    // a provisional fault level (level_confirmed: false) is shown with every finding on it
    const detail = rec?.kind === 'tickets' && rec.data.level_confirmed === false ? { ...fields.detail, provisional: 1 } : fields.detail ?? NO_DETAIL;
    this.out.push({
      clause: clause.id,
      shape: clause.shape,
      category: this.categoryFor(clause, rec),
      points: operator ? 0 : fields.points ?? clause.points,
      status: fields.status,
      record: rec?.id ?? null,
      kind: rec?.kind ?? null,
      subject: fields.subject ?? rec?.id ?? '',
      due: fields.due,
      actual: fields.actual,
      moment,
      quarter: this.clock.quarterOf(moment),
      source: fields.source === undefined ? rec?.source ?? null : fields.source,
      limit: fields.limit ?? null,
      operator,
      detail,
    });
  }

  private readonly limitInfos = new Map<Duration, Map<string | null, LimitInfo>>();

  /** One shared LimitInfo per duration and region: 100,000 evaluations need only a few. */
  limitInfo(duration: Duration, region: string | null): LimitInfo {
    let byRegion = this.limitInfos.get(duration);
    if (!byRegion) this.limitInfos.set(duration, (byRegion = new Map()));
    let info = byRegion.get(region);
    if (!info) byRegion.set(region, (info = Object.freeze({ duration, region, agreed: null })));
    return info;
  }

  /** met / late / missed / open from a due moment and an optional actual one. */
  judge(due: number, actual: number | null): Status {
    if (actual !== null) return actual <= due ? 'met' : 'late';
    return due < this.input.asOf ? 'missed' : 'open';
  }
}

// ---------------------------------------------------------------------------------------------
// Record-based shapes

function actualOf(ctx: Ctx, rec: Rec, field: string, validIf: ElapsedClause['valid_if']): number | null {
  const t = rec.times[field];
  if (!t) return null;
  if (validIf && !matches(rec.data, rec.kind, validIf)) return null;
  return ctx.clock.asEvent(t);
}

/** The duration a limit resolves to for a record, or null when it cannot be known. */
function resolveLimit(ctx: Ctx, limit: Limit, rec: Rec, depth = 0): { duration: Duration; region: string | null } | null {
  switch (limit.type) {
    case 'duration':
      return { duration: limit.duration, region: null };
    case 'region': {
      const region = regionOf(ctx.input.policy, rec);
      const d = region?.limits[limit.stage];
      return region && d ? { duration: d, region: region.id } : null;
    }
    case 'linked': {
      if (depth > 4) return null;
      const linked = ctx.byId.get(String(rec.data[limit.field] ?? ''));
      if (!linked) return null;
      for (const id of limit.clauses) {
        const c = ctx.input.policy.clauses.find((x) => x.id === id);
        if (c && c.shape === 'elapsed' && applies(linked, c.applies)) return resolveLimit(ctx, c.limit, linked, depth + 1);
      }
      return null;
    }
  }
}

function evalElapsed(ctx: Ctx, c: ElapsedClause, rec: Rec): void {
  const from = rec.times[c.from];
  if (!from) return; // the clock has not started
  const lim = resolveLimit(ctx, c.limit, rec);
  if (!lim) return; // an unknown city or linked ticket: validation reports it
  const due = ctx.after(from, lim.duration);
  const actual = actualOf(ctx, rec, c.to, c.valid_if);
  ctx.push(c, rec, { status: ctx.judge(due, actual), due, actual, limit: ctx.limitInfo(lim.duration, lim.region) });
}

function evalDeadline(ctx: Ctx, c: DeadlineClause, rec: Rec): void {
  const agreed = rec.times[c.due];
  let due: number;
  let limit: LimitInfo;
  if (agreed) {
    due = ctx.clock.asDeadline(agreed);
    limit = { duration: null, region: null, agreed: c.due };
  } else if (c.fallback && rec.times[c.fallback.from]) {
    due = ctx.after(rec.times[c.fallback.from]!, c.fallback.limit);
    limit = { duration: c.fallback.limit, region: null, agreed: null };
  } else {
    return;
  }
  const actual = actualOf(ctx, rec, c.to, c.valid_if);
  ctx.push(c, rec, { status: ctx.judge(due, actual), due, actual, limit });
}

function evalBefore(ctx: Ctx, c: BeforeClause, rec: Rec): void {
  const date = rec.times[c.date];
  if (!date) return;
  // the record is one the notice is owed for (applies): no notice at all is missed once due
  const notice = rec.times[c.to];
  const due = ctx.before(date, c.limit);
  const actual = notice ? ctx.clock.asEvent(notice) : null;
  ctx.push(c, rec, { status: ctx.judge(due, actual), due, actual, limit: { duration: c.limit, region: null, agreed: null } });
}

function evalWindow(ctx: Ctx, c: WindowClause, rec: Rec): void {
  const ws = rec.times[c.window_start];
  const we = rec.times[c.window_end];
  if (!ws || !we) return;
  const due = ctx.clock.asDeadline(we);
  const start = rec.times[c.start] ? ctx.clock.asEvent(rec.times[c.start]!) : null;
  const end = rec.times[c.end] ? ctx.clock.asEvent(rec.times[c.end]!) : null;
  const limit: LimitInfo = { duration: null, region: null, agreed: c.window_end };
  if (start !== null && start < ctx.clock.asEvent(ws)) {
    ctx.push(c, rec, { status: 'late', due: ctx.clock.asEvent(ws), actual: start, moment: due, limit, detail: { early: 1 } });
    return;
  }
  ctx.push(c, rec, { status: ctx.judge(due, end), due, actual: end, limit });
}

function momentOf(ctx: Ctx, rec: Rec, fields: readonly string[]): number | null {
  for (const f of fields) {
    const t = rec.times[f];
    if (t) return ctx.clock.asEvent(t);
  }
  return null;
}

function evalFlag(ctx: Ctx, c: FlagClause, rec: Rec): void {
  const moment = momentOf(ctx, rec, c.date);
  if (moment === null) return;
  ctx.push(c, rec, { status: 'noted', due: null, actual: moment, moment });
}

function evalItems(ctx: Ctx, c: ItemsClause, rec: Rec): void {
  const list = rec.data[c.list];
  if (!Array.isArray(list)) return;
  const moment = momentOf(ctx, rec, c.date);
  if (moment === null) return;
  list.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || !matches(item as Record<string, unknown>, null, c.item_when)) return;
    const it = item as Record<string, unknown>;
    const label = typeof it.ticket === 'string' ? it.ticket : typeof it.summary === 'string' ? it.summary : `#${i + 1}`;
    ctx.push(c, rec, { status: 'noted', due: null, actual: moment, moment, subject: `${rec.id} ${label}` });
  });
}

// ---------------------------------------------------------------------------------------------
// Recurring shapes

function evidenceFor(ctx: Ctx, ev: Evidence, period: string | null): { rec: Rec; at: number }[] {
  const out: { rec: Rec; at: number }[] = [];
  for (const r of ctx.recordsOf(ev.kind)) {
    if (!matches(r.data, r.kind, ev.when)) continue;
    if (period !== null && ev.period && String(r.data[ev.period]) !== period) continue;
    const t = r.times[ev.done];
    if (t) out.push({ rec: r, at: ctx.clock.asEvent(t) });
  }
  return out.sort((a, b) => a.at - b.at || (a.rec.id < b.rec.id ? -1 : 1));
}

/** Years the contract has run through by the as-of time. */
function contractYears(ctx: Ctx): number[] {
  const c = ctx.clock;
  const last = c.yearOf(ctx.input.asOf);
  let first: number;
  if (ctx.input.contractStart) first = Number(ctx.input.contractStart.slice(0, 4));
  else {
    let min = Infinity;
    for (const r of ctx.input.records) for (const t of Object.values(r.times)) if (t.ms < min) min = t.ms;
    if (min === Infinity) return [];
    first = c.yearOf(min);
  }
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

function evalMonthly(ctx: Ctx, c: MonthlyClause): void {
  const months = new Set<string>();
  for (const r of ctx.recordsOf(c.needs.kind)) {
    if (!matches(r.data, r.kind, c.needs.when)) continue;
    const t = r.times[c.needs.date];
    if (t) months.add(ctx.clock.monthOf(ctx.clock.asEvent(t)));
  }
  for (const month of [...months].sort()) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const due = ctx.clock.endOfDay(`${next}-${String(c.due_day).padStart(2, '0')}`);
    const ev = evidenceFor(ctx, c.evidence, month)[0];
    ctx.push(c, ev?.rec ?? null, { status: ctx.judge(due, ev?.at ?? null), due, actual: ev?.at ?? null, subject: month, source: ev?.rec.source ?? null });
  }
}

function evalAnnual(ctx: Ctx, c: AnnualClause): void {
  for (const y of contractYears(ctx)) {
    const due = ctx.clock.endOfDay(`${y}-${String(c.due_month).padStart(2, '0')}-${String(c.due_day).padStart(2, '0')}`);
    // a deadline that passed before the contract started is not owed under it (as for half-years)
    if (ctx.input.contractStart && due < ctx.clock.startOfDay(ctx.input.contractStart)) continue;
    const ev = evidenceFor(ctx, c.evidence, String(y))[0];
    ctx.push(c, ev?.rec ?? null, { status: ctx.judge(due, ev?.at ?? null), due, actual: ev?.at ?? null, subject: String(y), source: ev?.rec.source ?? null });
  }
}

function evalHalfYear(ctx: Ctx, c: HalfYearClause): void {
  const clock = ctx.clock;
  const years = contractYears(ctx);
  const done = evidenceFor(ctx, c.evidence, null);
  for (const y of years) {
    const subjects = new Set<string>();
    for (const r of ctx.recordsOf(c.evidence.kind)) {
      const s = r.data[c.subject];
      if (typeof s === 'string') subjects.add(s);
    }
    if (c.subjects_from) {
      for (const r of ctx.recordsOf(c.subjects_from.kind)) {
        if (!matches(r.data, r.kind, c.subjects_from.when)) continue;
        if (String(r.data.period ?? y) !== String(y)) continue;
        const list = r.data[c.subjects_from.list];
        if (Array.isArray(list)) for (const s of list) if (typeof s === 'string') subjects.add(s);
      }
    }
    for (const half of [1, 2]) {
      const period = clock.parseHalfYear(`${y}-H${half}`);
      if (!period) continue;
      if (ctx.input.contractStart && period.end <= clock.startOfDay(ctx.input.contractStart)) continue;
      const due = period.end - 1;
      for (const subject of [...subjects].sort()) {
        const hit = done.find((d) => d.rec.data[c.subject] === subject && d.at >= period.start && d.at < period.end);
        ctx.push(c, hit?.rec ?? null, {
          status: hit ? 'met' : ctx.judge(due, null),
          due,
          actual: hit?.at ?? null,
          subject: `${subject} ${y}-H${half}`,
          source: hit?.rec.source ?? null,
          detail: { subject, half: `${y}-H${half}` },
        });
      }
    }
  }
}

function evalQuota(ctx: Ctx, c: QuotaClause): void {
  const clock = ctx.clock;
  const start = ctx.input.contractStart;
  for (const y of contractYears(ctx)) {
    const from = start ? `${y}${start.slice(4)}` : `${y}-01-01`;
    const to = start ? `${y + 1}${start.slice(4)}` : `${y + 1}-01-01`;
    const periodStart = clock.startOfDay(from);
    const periodEnd = clock.startOfDay(to);
    if (periodStart > ctx.input.asOf) continue;
    let sum = 0;
    for (const r of ctx.recordsOf(c.evidence.kind)) {
      if (!matches(r.data, r.kind, c.evidence.when)) continue;
      const t = r.times[c.evidence.date];
      const amount = r.data[c.evidence.amount];
      if (!t || typeof amount !== 'number') continue;
      const at = clock.asEvent(t);
      if (at >= periodStart && at < periodEnd) sum += amount;
    }
    const due = periodEnd - 1;
    const met = sum >= c.quota;
    ctx.push(c, null, {
      status: met ? 'met' : due < ctx.input.asOf ? 'missed' : 'open',
      due,
      actual: null,
      subject: `${from} – ${clock.addDaysToDate(to, -1)}`,
      source: null,
      detail: { amount: sum, quota: c.quota },
    });
  }
}

function evalManual(ctx: Ctx, c: ManualClause): void {
  for (const a of ctx.recordsOf('assessments')) {
    if (a.data.clause !== c.id) continue;
    const date = a.times.date;
    if (!date) continue;
    const count = typeof a.data.count === 'number' ? a.data.count : 1;
    const each = typeof a.data.points === 'number' ? a.data.points : c.points;
    const moment = ctx.clock.asEvent(date);
    ctx.push(c, a, { status: 'noted', due: null, actual: moment, moment, points: each * count, subject: typeof a.data.ref === 'string' ? a.data.ref : a.id, detail: { count } });
  }
}

// ---------------------------------------------------------------------------------------------

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

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An upper bound on any limit of the policy; a working day counts as two days, plus two weeks for the longest holiday. */
function longestLimitMs(policy: Policy): number {
  const durations: Duration[] = [];
  for (const r of policy.regions) durations.push(...Object.values(r.limits));
  for (const c of policy.clauses) {
    if (c.shape === 'elapsed' && c.limit.type === 'duration') durations.push(c.limit.duration);
    if (c.shape === 'deadline' && c.fallback) durations.push(c.fallback.limit);
  }
  let longest = 0;
  for (const d of durations) {
    const ms = d.unit === 'h' ? d.amount * HOUR_MS : d.unit === 'd' ? (d.amount + 1) * DAY_MS : (2 * d.amount + 14) * DAY_MS;
    if (ms > longest) longest = ms;
  }
  return longest + DAY_MS;
}

function byRecord(ctx: Ctx, c: Clause & { applies: { kind: Kind } }, fn: (rec: Rec) => void): void {
  for (const rec of ctx.currentOf(c.applies.kind)) {
    if (!applies(rec, c.applies)) continue;
    try {
      fn(rec);
    } catch (err) {
      if (err instanceof UnknownCalendarYearError) ctx.calendarProblem(err, c, rec);
      else throw err;
    }
  }
}

function evalClause(ctx: Ctx, c: Clause): void {
  switch (c.shape) {
    case 'elapsed':
      return byRecord(ctx, c, (r) => evalElapsed(ctx, c, r));
    case 'deadline':
      return byRecord(ctx, c, (r) => evalDeadline(ctx, c, r));
    case 'before':
      return byRecord(ctx, c, (r) => evalBefore(ctx, c, r));
    case 'window':
      return byRecord(ctx, c, (r) => evalWindow(ctx, c, r));
    case 'flag':
      return byRecord(ctx, c, (r) => evalFlag(ctx, c, r));
    case 'items':
      return byRecord(ctx, c, (r) => evalItems(ctx, c, r));
    case 'monthly':
      return evalMonthly(ctx, c);
    case 'annual':
      return evalAnnual(ctx, c);
    case 'half-year':
      return evalHalfYear(ctx, c);
    case 'quota':
      return evalQuota(ctx, c);
    case 'manual':
      return evalManual(ctx, c);
  }
}

export function evaluate(input: EngineInput): EngineResult {
  const ctx = new Ctx(input);
  for (const c of input.policy.clauses) {
    try {
      evalClause(ctx, c);
    } catch (err) {
      if (err instanceof UnknownCalendarYearError) ctx.calendarProblem(err, c, null);
      else throw err;
    }
  }
  // evaluations come out clause by clause; a stable sort by moment keeps the policy's clause
  // order among equal moments, so only the subject needs comparing after that
  const clauseOf = new Map(input.policy.clauses.map((c, i) => [c.id, i]));
  const rank = ctx.out.map((e) => clauseOf.get(e.clause)!);
  const index = ctx.out.map((_, i) => i);
  index.sort((i, j) => {
    const a = ctx.out[i]!;
    const b = ctx.out[j]!;
    return a.moment - b.moment || rank[i]! - rank[j]! || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0);
  });
  const evaluations = index.map((i) => ctx.out[i]!);
  return { evaluations, problems: ctx.problems };
}
