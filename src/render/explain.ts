/** `explain` in words: text and Markdown from blocks, and the JSON of schemas/output-explain.schema.json. */
import type { Clock } from '../calendar/time';
import type { Lang } from '../core/lang';
import type { FieldTest, Policy } from '../core/policy';
import type { SourcePos } from '../core/problems';
import { provenanceJson } from '../reports/header';
import type { ExplainedClock, Explanation, FailedTest, FieldRef, LimitSource, Reason, Step } from '../reports/explain';
import type { Block } from './document';
import { findingMessage } from './findings';
import { withDocuments, type Formats, type RenderContext } from './formats';
import { catalogue, formatDuration, humanDuration, labels } from './i18n';
import { headerFields, pointsText } from './parts';
import { describeLimit } from './policy';

type X = ReturnType<typeof catalogue>['explain'];

function at(pos: SourcePos): string {
  return `${pos.file}:${pos.line}`;
}

function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function testText(test: FieldTest, X: X, lang: Lang): string {
  const sep = lang === 'en' ? ', ' : '、';
  if (Array.isArray(test)) return X.testOneOf((test as readonly unknown[]).map(valueText).join(sep));
  if (test !== null && typeof test === 'object') {
    if ('present' in test) return test.present ? X.testPresent : X.testAbsent;
    const not = (test as { readonly not: unknown }).not;
    return X.testNot(Array.isArray(not) ? (not as readonly unknown[]).map(valueText).join(sep) : valueText(not));
  }
  return X.testEq(valueText(test));
}

function failedText(t: FailedTest, X: X, lang: Lang): string {
  const has = t.value === undefined ? X.absent : X.has(valueText(t.value));
  const sep = lang === 'en' ? ', ' : '，';
  if (t.part === 'unless') return `${X.excludes(t.field, testText(t.test, X, lang))}${sep}${has}`;
  return `${X.needs(t.field, testText(t.test, X, lang))}${sep}${has}`;
}

function failedList(failed: readonly FailedTest[], X: X, lang: Lang): string {
  const sep = lang === 'en' ? '; ' : '；';
  const plain = failed.filter((t) => t.part !== 'any').map((t) => failedText(t, X, lang));
  const any = failed.filter((t) => t.part === 'any').map((t) => failedText(t, X, lang));
  return [...plain, ...(any.length > 0 ? [X.anyOf(any.join(lang === 'en' ? ' | ' : ' | '))] : [])].join(sep);
}

export function reasonText(r: Reason, lang: Lang): string {
  const X = catalogue(lang).explain;
  const R = X.reason;
  switch (r.type) {
    case 'condition':
      return R.condition(failedList(r.failed, X, lang), r.by);
    case 'excluded':
      return R.excluded(failedList(r.failed, X, lang), r.by);
    case 'not-started':
      return R.notStarted(r.field);
    case 'after-as-of':
      return R.afterAsOf(r.field.field, r.field.value);
    case 'no-region':
      return R.noRegion(r.city);
    case 'no-linked':
      return R.noLinked(r.field, r.value);
    case 'no-due':
      return R.noDue(r.fields.join(lang === 'en' ? ', ' : '、'));
    case 'no-assessment':
      return R.noAssessment;
    case 'recurring':
      return R.recurring(r.subject);
    case 'calendar-gap':
      return R.calendarGap(r.year);
    case 'no-items':
      return R.noItems(r.list);
    case 'nothing':
      return R.nothing;
  }
}

function fieldText(f: FieldRef): string {
  return `${f.field} ${f.value} (${at(f.pos)})`;
}

export function limitText(l: LimitSource, clock: ExplainedClock, policy: Policy, lang: Lang): string {
  const X = catalogue(lang).explain;
  const c = clock.clause;
  const words = c.limit_text?.[lang];
  switch (l.type) {
    case 'clause':
      return X.limitClause(formatDuration(l.duration, lang), c.id, words ?? formatDuration(l.duration, lang));
    case 'region': {
      const stage = catalogue(lang).policy.stage[l.stage] ?? l.stage;
      const how = l.named ? X.regionNamed(l.named.value, at(l.named.pos)) : l.city ? X.regionByCity(l.city.value, at(l.city.pos)) : '';
      return X.limitRegion(formatDuration(l.duration, lang), stage, l.title[lang], how);
    }
    case 'linked':
      return X.limitLinked(formatDuration(l.duration, lang), l.record, l.clause, at(l.field.pos));
    case 'agreed':
      return X.limitAgreed(l.field.field, l.field.value, at(l.field.pos));
    case 'fallback':
      return X.limitFallback(formatDuration(l.duration, lang), l.from);
    case 'window':
      return X.limitWindow(l.start ? fieldText(l.start) : '—', l.end ? fieldText(l.end) : '—');
    case 'before':
      return X.limitBefore(formatDuration(l.duration, lang), l.date.field, l.date.value, at(l.date.pos));
    case 'recurring':
      return describeLimit(l.description, policy, lang);
    case 'none':
      return catalogue(lang).policy.none;
  }
}

/** How the due moment was reached, in one line (the days themselves are the steps). */
function dueHow(clock: ExplainedClock, lang: Lang): string {
  const X = catalogue(lang).explain;
  const l = clock.limit;
  if (!l) return '';
  if (l.type === 'before') return l.duration.unit === 'wd' ? X.dueBefore(l.duration.amount, l.date.value) : '';
  if (l.type === 'agreed') return /\d:\d/.test(l.field.value) ? '' : X.dueAgreed;
  if (!('duration' in l)) return '';
  const from = clock.from;
  if (!from) return '';
  const d = formatDuration(l.duration, lang);
  switch (l.duration.unit) {
    case 'wd':
      return X.dueWorkdays(l.duration.amount, from.value.slice(0, 10));
    case 'h':
      return X.dueHours(from.value, d);
    case 'd':
      return /\d:\d/.test(from.value) ? X.dueDays(from.value, d) : X.dueDateDays(from.value, d);
  }
}

function spanText(ms: number, workdays: number | null, lang: Lang): string {
  return workdays !== null ? labels(lang).workdaysLeft(workdays) : humanDuration(ms, lang);
}

export function verdictText(c: ExplainedClock, lang: Lang): string {
  const X = catalogue(lang).explain;
  const e = c.evaluation!;
  switch (e.status) {
    case 'met':
      return X.met;
    case 'late':
      if (e.due !== null && e.actual !== null && e.detail.early) return X.earlyBy(humanDuration(e.due - e.actual, lang));
      if (e.overrun?.workdays != null) return X.lateByWorkdays(e.overrun.workdays);
      return X.lateBy(humanDuration(e.overrun?.ms ?? 0, lang));
    case 'missed':
      return X.overdue(c.overdue ? spanText(c.overdue.ms, c.overdue.workdays, lang) : '');
    case 'open':
      return X.open(c.left ? spanText(c.left.ms, c.left.workdays, lang) : '');
    case 'noted':
      return X.noted;
  }
}

function pointsLine(c: ExplainedClock, lang: Lang): string {
  const X = catalogue(lang).explain;
  const e = c.evaluation!;
  const note = e.operator ? X.operator : e.points === 0 ? X.shownOnly : '';
  if (e.status === 'open') return X.pointsOpen(pointsText(e.points), e.quarter) + note;
  if (e.status === 'met') return X.pointsNone;
  return X.pointsLine(pointsText(c.points), e.quarter) + note;
}

function stepWhy(s: Step, X: X, lang: Lang): string {
  const name = s.holiday ? (lang === 'en' ? s.holiday.en : s.holiday.zh) : null;
  const why = s.day === 'workday' ? X.workday : s.day === 'weekend' ? X.weekend : s.day === 'holiday' ? X.holiday(name) : X.makeup(name);
  return s.file ? `${why}; ${X.byFile(s.file.file, s.file.line)}` : why;
}

function clockBlocks(c: ExplainedClock, x: Explanation, { policy, clock, lang }: RenderContext): Block[] {
  const X = catalogue(lang).explain;
  const blocks: Block[] = [{ type: 'heading', level: 2, text: `${c.clause.id}: ${c.clause.title[lang]}` }];
  const items: [string, string][] = [];
  if (!c.applies) {
    items.push([X.applies, X.noBecause(reasonText(c.reason!, lang))]);
    blocks.push({ type: 'fields', items });
    return blocks;
  }
  const e = c.evaluation!;
  items.push([X.applies, c.via === null ? X.yes : `${X.yes}: ${X.via(c.via)}`]);
  if (e.subject !== x.rec.id && e.subject !== '') items.push([labels(lang).subject, e.subject]);
  if (c.from) items.push([X.from, fieldText(c.from)]);
  if (c.limit && c.limit.type !== 'none') {
    const words = c.limit.type !== 'clause' && c.clause.limit_text ? X.policyWords(c.clause.limit_text[lang]) : '';
    items.push([X.limit, limitText(c.limit, c, policy, lang) + words]);
  }
  if (e.due !== null) {
    const how = dueHow(c, lang);
    items.push([X.due, how === '' ? shortTime(clock, e.due) : `${shortTime(clock, e.due)} (${how})`]);
  }
  if (e.due !== null || c.to) {
    if (c.to) items.push([X.to, fieldText(c.to)]);
    else if (c.toIgnored) items.push([X.to, X.ignored(c.toIgnored.field.field, c.toIgnored.field.value, failedList(c.toIgnored.failed, X, lang))]);
    else if (e.status === 'open' || e.status === 'missed') items.push([X.to, X.openTo]);
  }
  items.push([X.verdict, verdictText(c, lang)]);
  items.push([X.points, pointsLine(c, lang)]);
  blocks.push({ type: 'fields', items });
  if (c.steps.length > 0) {
    blocks.push({
      type: 'table',
      table: {
        columns: [{ label: X.stepDate }, { label: X.stepWeekday }, { label: X.stepPhase }, { label: X.stepCounted, align: 'right' }, { label: X.stepWhy }],
        rows: c.steps.map((s) => [s.date, X.weekdays[s.weekday - 1]!, X.phase[s.phase] ?? s.phase, s.counted ? String(s.count) : X.skipped, stepWhy(s, X, lang)]),
      },
    });
    if (c.stepsOmitted > 0) blocks.push({ type: 'text', text: X.omitted(c.stepsOmitted) });
  }
  return blocks;
}

function shortTime(clock: Clock, ms: number): string {
  return clock.formatShort(ms);
}

function explainBlocks(x: Explanation, ctx: RenderContext): Block[] {
  const X = catalogue(ctx.lang).explain;
  const blocks: Block[] = [
    { type: 'title', text: X.title(x.rec.id) },
    headerFields(ctx.header, ctx.lang, [
      [X.record, `${x.rec.id} (${x.rec.kind})`],
      [X.source, at(x.rec.source)],
    ]),
  ];
  if (x.clocks.length === 0) blocks.push({ type: 'text', text: X.noClauses });
  for (const c of x.clocks) blocks.push(...clockBlocks(c, x, ctx));
  return blocks;
}

function refJson(f: FieldRef | null): { field: string; value: string; file: string; line: number } | null {
  return f === null ? null : { field: f.field, value: f.value, file: f.pos.file, line: f.pos.line };
}

function limitJson(c: ExplainedClock, ctx: RenderContext): Record<string, unknown> | null {
  const l = c.limit;
  if (!l) return null;
  const base: Record<string, unknown> = { source: l.type, text: limitText(l, c, ctx.policy, ctx.lang), contract: c.clause.limit_text?.[ctx.lang] ?? null };
  if ('duration' in l) base.duration = `${l.duration.amount}${l.duration.unit}`;
  switch (l.type) {
    case 'region':
      return { ...base, region: l.region, stage: l.stage, city: refJson(l.city), named: refJson(l.named) };
    case 'linked':
      return { ...base, field: refJson(l.field), record: l.record, clause: l.clause };
    case 'agreed':
      return { ...base, field: refJson(l.field) };
    case 'fallback':
      return { ...base, from: l.from };
    case 'window':
      return { ...base, start: refJson(l.start), end: refJson(l.end) };
    case 'before':
      return { ...base, date: refJson(l.date) };
    default:
      return base;
  }
}

function explainJson(x: Explanation, ctx: RenderContext): string {
  const { header, clock, lang, policy } = ctx;
  const X = catalogue(lang).explain;
  const out = {
    record: x.rec.id,
    kind: x.rec.kind,
    file: x.rec.source.file,
    line: x.rec.source.line,
    as_of: header.asOf,
    contract: header.contract,
    policy: header.policyId,
    provenance: provenanceJson(header.provenance),
    warnings: header.warnings,
    clocks: x.clocks.map((c) => {
      const e = c.evaluation;
      return {
        clause: c.clause.id,
        title: c.clause.title[lang],
        applies: c.applies,
        reason: c.reason === null ? null : { ...c.reason, text: reasonText(c.reason, lang) },
        via: c.via,
        subject: e?.subject ?? null,
        from: refJson(c.from),
        to: refJson(c.to),
        to_ignored: c.toIgnored === null ? null : { ...refJson(c.toIgnored.field)!, why: failedList(c.toIgnored.failed, X, lang) },
        limit: limitJson(c, ctx),
        due: e?.due == null ? null : clock.format(e.due),
        actual: e?.actual == null ? null : clock.format(e.actual),
        steps: c.steps.map((s) => ({
          phase: s.phase,
          date: s.date,
          weekday: s.weekday,
          day: s.day,
          counted: s.counted,
          count: s.count,
          holiday: s.holiday === null ? null : lang === 'en' ? s.holiday.en : s.holiday.zh,
          file: s.file?.file ?? null,
          line: s.file?.line ?? null,
        })),
        steps_omitted: c.stepsOmitted,
        status: e?.status ?? null,
        verdict: e ? verdictText(c, lang) : null,
        finding: c.points !== 0 || (e !== null && ['late', 'missed', 'noted'].includes(e.status)),
        points: c.points,
        points_at_stake: e?.points ?? 0,
        quarter: e?.quarter ?? null,
        overrun_minutes: e?.overrun ? Math.round(e.overrun.ms / 60000) : null,
        overrun_workdays: e?.overrun?.workdays ?? null,
        left_minutes: c.left ? Math.round(c.left.ms / 60000) : null,
        left_workdays: c.left?.workdays ?? null,
        overdue_minutes: c.overdue ? Math.round(c.overdue.ms / 60000) : null,
        overdue_workdays: c.overdue?.workdays ?? null,
        message: e ? findingMessage(e, policy, lang) : null,
      };
    }),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export const EXPLAIN_FORMATS: Formats<Explanation> = withDocuments(explainBlocks, { json: explainJson });
