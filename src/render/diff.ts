/** `diff` in words: blocks for text, Markdown and CSV, and its JSON. */
import type { Lang } from '../core/lang';
import { provenanceJson } from '../reports/header';
import type { CategoryDiff, DiffModel, DiffSide, FindingChange } from '../reports/diff';
import type { Block, DocTable } from './document';
import { findingRows } from './findings';
import { withDocuments, type Formats, type RenderContext } from './formats';
import { catalogue, labels } from './i18n';
import { findingJson, findingsTable, headerFields, pointsText, shortTime } from './parts';

export function sideText(s: DiffSide, lang: Lang): string {
  const D = catalogue(lang).diff;
  if (s.byPolicy) return D.policySide(s.policy.id, s.policy.source);
  return s.rev === null ? D.workTreeSide(s.commit, s.dirty) : D.side(s.rev, s.commit);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
}

function changedTable(changes: readonly FindingChange[], ctx: RenderContext): DocTable {
  const { policy, clock, lang } = ctx;
  const L = labels(lang);
  const D = catalogue(lang).diff;
  const before = findingRows(changes.map((c) => c.before), policy, clock, lang);
  const after = findingRows(changes.map((c) => c.after), policy, clock, lang);
  const side = (r: (typeof before)[number]): string[] => [`${L.due} ${shortTime(r.due)}`, `${L.actual} ${shortTime(r.actual) || L.none}`, `${L.points} ${pointsText(r.points)}`, r.message];
  return {
    columns: [{ label: L.clause }, { label: L.record }, { label: D.what }, { label: D.before }, { label: D.after }, { label: L.source }],
    rows: changes.map((c, i) => [
      c.after.clause,
      c.after.record ?? c.after.subject,
      c.what.map((w) => D.whatName[w] ?? w).join(lang === 'en' ? ', ' : '、'),
      side(before[i]!),
      side(after[i]!),
      after[i]!.file ? `${after[i]!.file}:${after[i]!.line}` : '',
    ]),
  };
}

function categoryTable(rows: readonly CategoryDiff[], d: DiffModel, lang: Lang): DocTable {
  const L = labels(lang);
  const D = catalogue(lang).diff;
  const line = (title: string, id: string, b: CategoryDiff['before'], a: CategoryDiff['after']): string[] => [
    title,
    id,
    String(b.deductions),
    String(a.deductions),
    signed(a.deductions - b.deductions),
    String(b.bonus),
    String(a.bonus),
    signed(a.bonus - b.bonus),
    String(b.count),
    String(a.count),
  ];
  return {
    columns: [
      { label: L.category },
      { label: L.categoryId },
      { label: D.deductionsBefore, align: 'right' },
      { label: D.deductionsAfter, align: 'right' },
      { label: D.delta, align: 'right' },
      { label: D.bonusBefore, align: 'right' },
      { label: D.bonusAfter, align: 'right' },
      { label: D.delta, align: 'right' },
      { label: D.countBefore, align: 'right' },
      { label: D.countAfter, align: 'right' },
    ],
    rows: [...rows.map((r) => line(r.title[lang], r.id, r.before, r.after)), line(L.total, '', d.totals.before, d.totals.after)],
  };
}

function diffBlocks(d: DiffModel, ctx: RenderContext): Block[] {
  const { lang, policy, clock } = ctx;
  const D = catalogue(lang).diff;
  const rows = (list: DiffModel['added']) => findingRows(list, policy, clock, lang);
  const t = d.totals;
  return [
    { type: 'title', text: D.title(d.period.label) },
    headerFields(ctx.header, lang, [
      [D.from, sideText(d.from, lang)],
      [D.to, sideText(d.to, lang)],
    ]),
    { type: 'heading', level: 2, text: D.removed(d.removed.length) },
    { type: 'table', table: findingsTable(rows(d.removed), lang, { quarter: true, title: true }), empty: D.noneRemoved },
    { type: 'heading', level: 2, text: D.added(d.added.length) },
    { type: 'table', table: findingsTable(rows(d.added), lang, { quarter: true, title: true }), empty: D.noneAdded },
    { type: 'heading', level: 2, text: D.changed(d.changed.length) },
    { type: 'table', table: changedTable(d.changed, ctx), empty: D.noneChanged },
    { type: 'heading', level: 2, text: D.totals },
    { type: 'table', table: categoryTable(d.categories, d, lang) },
    { type: 'text', text: d.added.length + d.removed.length + d.changed.length === 0 ? D.same : D.line(d.added.length, d.removed.length, d.changed.length, t.before.deductions, t.after.deductions, t.before.bonus, t.after.bonus) },
  ];
}

function sideJson(s: DiffSide): Record<string, unknown> {
  return { rev: s.rev, commit: s.commit, work_tree: s.rev === null, dirty: s.dirty, policy: s.policy.id, policy_source: s.policy.source };
}

function diffJson(d: DiffModel, ctx: RenderContext): string {
  const { header, policy, clock, lang } = ctx;
  const rows = (list: DiffModel['added']) => findingRows(list, policy, clock, lang).map(findingJson);
  const out = {
    from: sideJson(d.from),
    to: sideJson(d.to),
    period: { label: d.period.label, start: clock.format(d.period.start), end: clock.format(d.period.end - 1) },
    as_of: header.asOf,
    contract: header.contract,
    provenance: provenanceJson(header.provenance),
    added: rows(d.added),
    removed: rows(d.removed),
    changed: d.changed.map((c) => {
      const [b, a] = findingRows([c.before, c.after], policy, clock, lang).map(findingJson);
      return { what: c.what, before: b, after: a };
    }),
    totals: {
      before: { deductions: d.totals.before.deductions, bonus: d.totals.before.bonus, count: d.totals.before.count },
      after: { deductions: d.totals.after.deductions, bonus: d.totals.after.bonus, count: d.totals.after.count },
    },
    categories: d.categories.map((c) => ({ id: c.id, title: c.title[lang], before: c.before, after: c.after })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export const DIFF_FORMATS: Formats<DiffModel> = withDocuments(diffBlocks, { json: diffJson });
