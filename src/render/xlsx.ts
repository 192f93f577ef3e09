/**
 * Reports as workbooks (`--format xlsx`), and the flat CSV of findings (`--no-header-block`):
 * what a coordinator pastes into the quarterly meeting or pivots. The quarterly table is laid
 * out like the contract's (附表:分值及考核汇总表: category, its clauses by title, 满分, 扣分, 加分,
 * 得分), the findings are one table with real number and date cells; every word comes from the
 * catalogue (`workbook` section). Dates are wall times in the records' zone, as the reports
 * print them. Record text is always a text cell, never a formula.
 */
import type { Clock } from '../calendar/time';
import { UnknownCalendarYearError } from '../calendar/workdays';
import type { QuarterlyTable } from '../reports/quarterly';
import type { Evaluation } from '../rules/engine';
import type { WallTime } from '../sheets/date-serial';
import { writeWorkbook, type CellInput, type SheetInput } from '../sheets/write';
import type { Block, Cell } from './document';
import { findingRows } from './findings';
import type { RenderContext } from './formats';
import { catalogue, labels } from './i18n';
import { provenanceText } from './parts';
import { renderCsvRows } from './table';

/** One finding as a row of numbers, times and words (the findings sheet, the flat CSV). */
export interface FlatFinding {
  readonly quarter: string;
  readonly categoryId: string;
  readonly category: string;
  readonly clause: string;
  readonly clauseTitle: string;
  /** the record, or the subject of a finding without one (`2026-09`) */
  readonly record: string;
  readonly kind: string;
  /** epoch ms */
  readonly due: number | null;
  readonly actual: number | null;
  readonly points: number;
  /** how late, for a finding done late: whole minutes, and working days for a working-day clause */
  readonly overrunMinutes: number | null;
  readonly overrunWorkdays: number | null;
  readonly message: string;
  readonly file: string;
  readonly line: number | null;
  readonly sheet: string;
}

function overrunWorkdays(e: Evaluation, ctx: RenderContext): number | null {
  if (e.status !== 'late' || e.due === null || e.actual === null || e.detail.early || e.limit?.duration?.unit !== 'wd' || ctx.calendar === undefined) return null;
  try {
    return ctx.calendar.workdaysBetween(ctx.clock.localDate(e.due), ctx.clock.localDate(e.actual));
  } catch (err) {
    if (err instanceof UnknownCalendarYearError) return null;
    throw err;
  }
}

export function flatFindings(evals: readonly Evaluation[], ctx: RenderContext): FlatFinding[] {
  const { policy, clock, lang } = ctx;
  const rows = findingRows(evals, policy, clock, lang);
  const categories = new Map(policy.categories.map((c) => [c.id, c.title[lang]]));
  const kinds = labels(lang).kindName;
  return evals.map((e, i) => {
    const r = rows[i]!;
    const late = e.status === 'late' && e.due !== null && e.actual !== null && !e.detail.early;
    return {
      quarter: e.quarter,
      categoryId: e.category,
      category: categories.get(e.category) ?? e.category,
      clause: e.clause,
      clauseTitle: r.title,
      record: e.record ?? e.subject,
      kind: e.kind === null ? '' : kinds[e.kind] ?? e.kind,
      due: e.due,
      actual: e.actual,
      points: e.points,
      overrunMinutes: late ? Math.round((e.actual! - e.due!) / 60000) : null,
      overrunWorkdays: overrunWorkdays(e, ctx),
      message: r.message,
      file: e.source?.file ?? '',
      line: e.source?.line ?? null,
      sheet: e.source?.sheet ?? '',
    };
  });
}

/** The wall time an instant shows in the records' zone. */
export function wallOf(ms: number, clock: Clock): WallTime {
  const t = clock.format(ms);
  return { y: +t.slice(0, 4), m: +t.slice(5, 7), d: +t.slice(8, 10), h: +t.slice(11, 13), mi: +t.slice(14, 16), s: +t.slice(17, 19), ms: 0 };
}

function findingColumns(ctx: RenderContext): string[] {
  const W = catalogue(ctx.lang).workbook;
  return [W.quarter, W.categoryId, W.category, W.clauseId, W.clauseTitle, W.record, W.kind, W.due, W.actual, W.points, W.overrunMinutes, W.overrunWorkdays, W.message, W.file, W.line, W.sheet];
}

/** One finding in findingColumns' order, its times, numbers and points as the format writes them. */
function flatRow<C>(f: FlatFinding, when: (ms: number | null) => C, num: (n: number | null) => C, points: (n: number) => C): (C | string)[] {
  return [f.quarter, f.categoryId, f.category, f.clause, f.clauseTitle, f.record, f.kind, when(f.due), when(f.actual), points(f.points), num(f.overrunMinutes), num(f.overrunWorkdays), f.message, f.file, num(f.line), f.sheet];
}

/** The findings as a sheet: one header row (frozen), real numbers and date cells. */
export function findingsSheet(findings: readonly FlatFinding[], ctx: RenderContext): SheetInput {
  const when = (ms: number | null): CellInput => (ms === null ? null : { wall: wallOf(ms, ctx.clock) });
  const num = (n: number | null): CellInput => (n === null ? null : n);
  return {
    name: catalogue(ctx.lang).workbook.findingsSheet,
    freezeRows: 1,
    rows: [
      findingColumns(ctx).map((h): CellInput => ({ text: h, style: 'header' })),
      ...findings.map((f) => flatRow<CellInput>(f, when, num, (n) => n)),
    ],
  };
}

/** `--no-header-block`: the findings as one CSV table, one header row, numbers as numbers. */
export function flatFindingsCsv(findings: readonly FlatFinding[], ctx: RenderContext): string {
  const when = (ms: number | null): string => (ms === null ? '' : ctx.clock.formatShort(ms));
  const num = (n: number | null): string => (n === null ? '' : String(n));
  return renderCsvRows([
    findingColumns(ctx),
    ...findings.map((f) => flatRow(f, when, num, (n) => String(n))),
  ]);
}

/** The fields every report prints under its title, as label/value pairs. */
function headerItems(ctx: RenderContext): [string, string][] {
  const L = labels(ctx.lang);
  const h = ctx.header;
  const items: [string, string][] = [];
  if (h.contract !== '') items.push([L.contract, h.contract]);
  if (h.period !== null) items.push([L.period, h.period]);
  items.push([L.asOf, h.asOf], [L.policy, h.policyId], [L.provenance, provenanceText(h, ctx.lang)]);
  return items;
}

/** A sheet of the report's header fields, for workbooks whose first sheet is a bare table. */
function aboutSheet(title: string, ctx: RenderContext): SheetInput {
  return {
    name: catalogue(ctx.lang).workbook.aboutSheet,
    rows: [[{ text: title, style: 'title' }], [], ...headerItems(ctx).map(([k, v]): CellInput[] => [{ text: k, style: 'bold' }, v])],
  };
}

/** report --quarter: the table like the contract's, one row per clause, then the findings. */
export function quarterlyWorkbook(t: QuarterlyTable, ctx: RenderContext): Uint8Array {
  const L = labels(ctx.lang);
  const W = catalogue(ctx.lang).workbook;
  const titles = new Map(ctx.policy.clauses.map((c) => [c.id, c.title[ctx.lang]]));
  const rows: CellInput[][] = [
    [{ text: L.quarterlyTitle(t.quarter), style: 'title' }],
    [{ text: W.headerLine(headerItems(ctx)), style: 'note' }],
    [W.category, W.clauseId, W.clauseTitle, L.max, L.deductions, L.bonus, L.score, L.findingCount, ...(t.credits === null ? [] : [L.creditCol(t.credits.currency)])].map(
      (h): CellInput => ({ text: h, style: 'header' }),
    ),
  ];
  // the credit column only where the policy turns points into money
  const last = t.credits === null ? 'H' : 'I';
  const merges = [`A1:${last}1`, `A2:${last}2`];
  const money = (n: number | null, lead: boolean): CellInput[] => (t.credits === null ? [] : [lead ? num(n) : null]);
  const num = (n: number | null): CellInput => (n === null ? null : n);
  for (const r of t.rows) {
    const first = rows.length + 1;
    const clauses = r.clauses.length > 0 ? r.clauses : [null];
    clauses.forEach((id, i) => {
      const lead = i === 0;
      rows.push([
        lead ? { text: r.title[ctx.lang], style: 'wrap' } : null,
        id ?? '',
        id === null ? W.noClauses : titles.get(id) ?? id,
        lead ? num(r.max) : null,
        lead ? r.deductions : null,
        lead ? r.bonus : null,
        lead ? num(r.score) : null,
        lead ? r.count : null,
        ...money(r.credit, lead),
      ]);
    });
    const end = rows.length;
    if (end > first) for (const col of ['A', 'D', 'E', 'F', 'G', 'H', ...(t.credits === null ? [] : ['I'])]) merges.push(`${col}${first}:${col}${end}`);
  }
  rows.push([
    { text: L.total, style: 'bold' },
    null,
    null,
    null,
    { number: t.total.deductions, style: 'bold' },
    { number: t.total.bonus, style: 'bold' },
    null,
    { number: t.total.count, style: 'bold' },
    ...(t.credits === null || t.total.credit === null ? [] : [{ number: t.total.credit, style: 'bold' as const }]),
  ]);
  const summary: SheetInput = { name: W.summarySheet, rows, freezeRows: 3, merges };
  return writeWorkbook([summary, findingsSheet(flatFindings(t.findings, ctx), ctx)]);
}

/** breaches: the findings sheet, and the header fields on a second. */
export function findingsWorkbook(evals: readonly Evaluation[], title: string, ctx: RenderContext): Uint8Array {
  return writeWorkbook([findingsSheet(flatFindings(evals, ctx), ctx), aboutSheet(title, ctx)]);
}

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const PERCENT = /^([+-]?\d+(?:\.\d+)?)%$/;
const SHORT_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/**
 * A cell of a report's own table: the numbers svc-sla printed (in right-aligned columns) as
 * numbers and percentages, its `2026-07-03 16:30` times as date cells, the rest as text.
 */
function blockCell(c: Cell, numeric: boolean): CellInput {
  if (c === null) return null;
  if (typeof c !== 'string') return c.length <= 1 ? c[0] ?? null : { text: c.join('\n'), style: 'wrap' };
  if (numeric && NUMBER.test(c)) return Number(c);
  const p = numeric ? PERCENT.exec(c) : null;
  if (p) return { number: Number(p[1]) / 100, style: 'percent' };
  const t = SHORT_TIME.exec(c);
  if (t) return { wall: { y: +t[1]!, m: +t[2]!, d: +t[3]!, h: +t[4]!, mi: +t[5]!, s: 0, ms: 0 } };
  return c;
}

/** Any report as one sheet of its blocks, as its CSV lays them out (summary --month, due). */
export function blocksWorkbook(blocks: readonly Block[], ctx: RenderContext): Uint8Array {
  const rows: CellInput[][] = [];
  const gap = (): void => {
    if (rows.length > 0) rows.push([]);
  };
  for (const b of blocks) {
    switch (b.type) {
      case 'title':
        rows.push([{ text: b.text, style: 'title' }]);
        break;
      case 'heading':
        gap();
        rows.push([{ text: b.text, style: 'bold' }]);
        break;
      case 'fields':
        gap();
        for (const [k, v] of b.items) rows.push([{ text: k, style: 'bold' }, v]);
        break;
      case 'text':
        rows.push([{ text: b.text, style: 'note' }]);
        break;
      case 'table':
        if (b.table.rows.length === 0 && b.empty !== undefined) {
          rows.push([{ text: b.empty, style: 'note' }]);
          break;
        }
        rows.push(b.table.columns.map((c): CellInput => ({ text: c.label, style: 'header' })));
        for (const r of b.table.rows) rows.push(r.map((c, i) => blockCell(c, b.table.columns[i]?.align === 'right')));
        break;
      case 'chart':
        break;
    }
  }
  return writeWorkbook([{ name: catalogue(ctx.lang).workbook.reportSheet, rows }]);
}
