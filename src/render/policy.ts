/**
 * `svc-sla policy show`: a Policy as plain table rows in one language, from what each clause's
 * shape says it measures (src/rules/shapes). Pure: no printing, no files.
 */
import type { Lang, Text } from '../core/lang';
import type { Applies, Condition, Duration, FieldTest, Policy, Region, Scalar } from '../core/policy';
import { catalogue, formatDuration } from './i18n';
import { SHAPES, type ClauseDescription, type LimitDescription, type ReadsDescription, type Shapes, type SpanDescription } from '../rules/shapes';

export interface ClauseRow {
  readonly id: string;
  /** a category id, or `ticket` */
  readonly category: string;
  readonly categoryTitle: string;
  readonly title: string;
  readonly shape: string;
  /** which records the clause reads, e.g. `tickets: level = 1, handling = onsite` */
  readonly applies: string;
  /** what is measured, e.g. `accepted_at → restored_at` (empty where nothing is timed) */
  readonly span: string;
  /** the limit, e.g. `3 h`, `by region: Core 5 h / …`, `agreed date (agreed_deadline)` */
  readonly limit: string;
  /** the limit as the contract words it (`limit_text`), or empty */
  readonly contract: string;
  /** negative: deduction per finding; 0: shown only; positive: bonus */
  readonly points: number;
  readonly note: string;
}

export interface CategoryRow {
  readonly id: string;
  readonly title: string;
  readonly max: number | null;
  /** number of clauses filed under it (clauses with category `ticket` not counted) */
  readonly clauses: number;
}

export interface RegionRow {
  readonly id: string;
  readonly title: string;
  readonly cities: string;
  /** stage → formatted limit ('' where the region has none) */
  readonly limits: Readonly<Record<string, string>>;
}

export interface RegionTable {
  /** the stage columns, in order of first appearance */
  readonly stages: readonly string[];
  /** column headings for `stages` */
  readonly stageTitles: readonly string[];
  readonly rows: readonly RegionRow[];
}

export interface QuotaRow {
  readonly id: string;
  readonly title: string;
  readonly amount: string;
}

export interface TicketCategoryRow {
  readonly when: string;
  readonly category: string;
}

export interface PolicyView {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly categories: readonly CategoryRow[];
  readonly clauses: readonly ClauseRow[];
  readonly regions: RegionTable;
  readonly ticketCategories: readonly TicketCategoryRow[];
  readonly quotas: readonly QuotaRow[];
}

// ───────────────────────────── pieces ─────────────────────────────

function t(text: Text, lang: Lang): string {
  return text[lang];
}

function scalar(v: Scalar): string {
  return typeof v === 'string' ? v : String(v);
}

function fieldTest(field: string, test: FieldTest, lang: Lang): string {
  const L = catalogue(lang).policy;
  if (Array.isArray(test)) return `${field} ∈ [${test.map(scalar).join(', ')}]`;
  if (typeof test === 'object' && test !== null) {
    if ('present' in test) return test.present ? L.present(field) : L.absent(field);
    const not = (test as { not: Scalar | readonly Scalar[] }).not;
    if (Array.isArray(not)) return `${field} ∉ [${not.map(scalar).join(', ')}]`;
    return `${field} ≠ ${scalar(not as Scalar)}`;
  }
  return `${field} = ${scalar(test as Scalar)}`;
}

/** `level = 1, handling = onsite` */
export function describeCondition(cond: Condition, lang: Lang): string {
  return Object.entries(cond)
    .map(([f, test]) => fieldTest(f, test, lang))
    .join(', ');
}

export function describeApplies(a: Applies, lang: Lang): string {
  const L = catalogue(lang).policy;
  const parts: string[] = [];
  if (a.when && Object.keys(a.when).length > 0) parts.push(describeCondition(a.when, lang));
  if (a.unless && Object.keys(a.unless).length > 0) parts.push(`${L.unless} ${describeCondition(a.unless, lang)}`);
  if (a.any && a.any.length > 0) parts.push(`${L.anyOf} (${a.any.map((c) => describeCondition(c, lang)).join(L.or)})`);
  return parts.length > 0 ? `${a.kind}: ${parts.join('; ')}` : a.kind;
}

function kindWhen(kind: string, when: Condition | undefined, lang: Lang): string {
  return when && Object.keys(when).length > 0 ? `${kind} (${describeCondition(when, lang)})` : kind;
}

function regionLimit(stage: string, regions: readonly Region[], lang: Lang): string {
  const L = catalogue(lang).policy;
  if (regions.length === 0) return L.noRegions;
  const each = regions.map((r) => r.limits[stage]);
  const first = each[0];
  if (first && each.every((d) => d && d.amount === first.amount && d.unit === first.unit)) {
    return L.allRegions(formatDuration(first, lang));
  }
  return (
    L.byRegion +
    regions
      .map((r) => {
        const d = r.limits[stage];
        return `${t(r.title, lang)} ${d ? formatDuration(d, lang) : L.none}`;
      })
      .join(' / ')
  );
}

/** A clause's limit in words: `3 h`, `by region: …`, `agreed date (agreed_deadline)`, `by the 15th of the next month`, … */
export function describeLimit(limit: LimitDescription, policy: Policy, lang: Lang): string {
  const L = catalogue(lang).policy;
  switch (limit.type) {
    case 'duration':
      return formatDuration(limit.duration, lang);
    case 'region':
      return regionLimit(limit.stage, policy.regions, lang);
    case 'linked':
      return L.linked(limit.field, limit.clauses.join(L.listSep));
    case 'agreed':
      return limit.fallback ? L.agreedElse(limit.field, formatDuration(limit.fallback.duration, lang), limit.fallback.from) : L.agreed(limit.field);
    case 'before':
      return L.before(formatDuration(limit.duration, lang), limit.date);
    case 'window':
      return L.window(limit.start, limit.end);
    case 'monthly':
      return L.monthly(limit.day);
    case 'annual':
      return L.annual(limit.month, limit.day);
    case 'half-year':
      return L.halfYear(limit.subject);
    case 'quota':
      return L.quota(limit.amount, limit.field);
    case 'manual':
      return L.manual;
    case 'none':
      return L.none;
  }
}

function describeReads(r: ReadsDescription, lang: Lang): string {
  const L = catalogue(lang).policy;
  if (r.assessments) return r.refKind ? L.refs(r.refKind) : 'assessments';
  if (r.applies) {
    const base = describeApplies(r.applies, lang);
    if (!r.items) return base;
    const item = r.items.when ? ` (${describeCondition(r.items.when, lang)})` : '';
    return `${base}; ${r.items.list}[]${item}`;
  }
  const evidence = r.evidence ? kindWhen(r.evidence.kind, r.evidence.when, lang) : '';
  if (r.needs) return `${kindWhen(r.needs.kind, r.needs.when, lang)} ${L.byMonthOf(r.needs.date)}; ${L.evidence}: ${evidence}`;
  if (r.sum) return `${evidence}: ${L.sumOf(r.sum.amount, r.sum.date)}`;
  if (r.perSubject) {
    const from = r.subjectsFrom ? `; ${L.subjectsFrom}: ${kindWhen(r.subjectsFrom.kind, r.subjectsFrom.when, lang)}.${r.subjectsFrom.list}` : '';
    return `${evidence} ${L.perSubject(r.perSubject)}${from}`;
  }
  return `${L.evidence}: ${evidence}`;
}

function describeSpan(s: SpanDescription): string {
  switch (s.type) {
    case 'elapsed':
      return `${s.from} → ${s.to.join(' | ')}`;
    case 'deadline':
      return `${s.to} ≤ ${s.due}`;
    case 'before':
      return `${s.to} ≤ ${s.date} − ${s.duration.amount}${s.duration.unit}`;
    case 'window':
      return `${s.windowStart} ≤ ${s.start}, ${s.end} ≤ ${s.windowEnd}`;
    case 'field':
      return s.field;
    case 'none':
      return '';
  }
}

function describeNote(clause: Policy['clauses'][number], d: ClauseDescription, lang: Lang): string {
  const L = catalogue(lang).policy;
  const notes: string[] = [];
  if (clause.operator) notes.push(L.noteOperator);
  else if (clause.points === 0) notes.push(L.noteShown);
  else if (clause.points > 0) notes.push(L.noteBonus);
  if (clause.category === 'ticket') notes.push(L.noteTicket);
  if (d.validIf) notes.push(L.noteValidIf(describeCondition(d.validIf, lang)));
  return notes.join(L.noteSep);
}

function categoryTitle(id: string, policy: Policy, lang: Lang): string {
  if (id === 'ticket') return catalogue(lang).policy.ticketCategory;
  const c = policy.categories.find((x) => x.id === id);
  return c ? t(c.title, lang) : id;
}

// ───────────────────────────── rows ─────────────────────────────

export function clauseRows(policy: Policy, lang: Lang, shapes: Shapes = SHAPES): ClauseRow[] {
  return policy.clauses.map((c) => {
    const d = shapes.get(c.shape)!.describe(c, policy);
    return {
      id: c.id,
      category: c.category,
      categoryTitle: categoryTitle(c.category, policy, lang),
      title: t(c.title, lang),
      shape: c.shape,
      applies: describeReads(d.reads, lang),
      span: describeSpan(d.span),
      limit: describeLimit(d.limit, policy, lang),
      contract: c.limit_text ? t(c.limit_text, lang) : '',
      points: c.points,
      note: describeNote(c, d, lang),
    };
  });
}

export function regionTable(policy: Policy, lang: Lang): RegionTable {
  const L = catalogue(lang).policy;
  const stages: string[] = [];
  for (const r of policy.regions) for (const s of Object.keys(r.limits)) if (!stages.includes(s)) stages.push(s);
  return {
    stages,
    stageTitles: stages.map((s) => L.stage[s] ?? s),
    rows: policy.regions.map((r) => ({
      id: r.id,
      title: t(r.title, lang),
      cities: r.cities.join(L.listSep),
      limits: Object.fromEntries(stages.map((s) => [s, r.limits[s] ? formatDuration(r.limits[s] as Duration, lang) : ''])),
    })),
  };
}

export function categoryRows(policy: Policy, lang: Lang): CategoryRow[] {
  return policy.categories.map((c) => ({
    id: c.id,
    title: t(c.title, lang),
    max: c.max,
    clauses: policy.clauses.filter((cl) => cl.category === c.id).length,
  }));
}

/** Everything `policy show` prints, as rows. */
export function policyView(policy: Policy, lang: Lang): PolicyView {
  const L = catalogue(lang).policy;
  return {
    id: policy.id,
    name: t(policy.name, lang),
    source: policy.source,
    categories: categoryRows(policy, lang),
    clauses: clauseRows(policy, lang),
    regions: regionTable(policy, lang),
    ticketCategories: policy.ticket_categories.map((tc) => ({
      when: Object.keys(tc.when).length > 0 ? describeCondition(tc.when, lang) : L.always,
      category: tc.category,
    })),
    quotas: policy.quotas.map((q) => ({
      id: q.id,
      title: t(q.title, lang),
      amount: `${q.amount} ${t(q.unit, lang)}`,
    })),
  };
}
