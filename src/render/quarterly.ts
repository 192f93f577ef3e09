/** The quarterly table's renderings: blocks for Markdown/CSV/text, and its JSON (RECORDS.md shape). */
import { findingRows } from './findings';
import { withDocuments, type Formats, type RenderContext } from './formats';
import { provenanceJson } from '../reports/header';
import type { QuarterlyTable } from '../reports/quarterly';
import { renderCsv, type Block, type Cell, type DocTable } from './document';
import { flatFindings, flatFindingsCsv, quarterlyWorkbook } from './xlsx';
import { labels } from './i18n';
import { findingJson, findingsTable, headerFields } from './parts';

function quarterlyBlocks(t: QuarterlyTable, { header, policy, clock, lang }: RenderContext): Block[] {
  const L = labels(lang);
  const num = (n: number | null): Cell => (n === null ? null : String(n));
  // money only where the policy turns points into it
  const credits = t.credits;
  const money = (n: number | null): Cell[] => (credits === null ? [] : [num(n)]);
  const table: DocTable = {
    columns: [
      { label: L.category },
      { label: L.categoryId },
      { label: L.clauses },
      { label: L.max, align: 'right' },
      { label: L.deductions, align: 'right' },
      { label: L.bonus, align: 'right' },
      { label: L.score, align: 'right' },
      { label: L.findingCount, align: 'right' },
      ...(credits === null ? [] : [{ label: L.creditCol(credits.currency), align: 'right' as const }]),
    ],
    rows: [
      ...t.rows.map((r): Cell[] => [r.title[lang], r.id, r.clauses, num(r.max), String(r.deductions), String(r.bonus), num(r.score), String(r.count), ...money(r.credit)]),
      [L.total, '', '', '', String(t.total.deductions), String(t.total.bonus), '', String(t.total.count), ...money(t.total.credit)],
    ],
  };
  const blocks: Block[] = [{ type: 'title', text: L.quarterlyTitle(t.quarter) }, headerFields(header, lang), { type: 'table', table }];
  if (credits !== null) {
    const rule = L.creditRule(String(credits.per_point), credits.currency, credits.bonus_offsets);
    blocks.push({ type: 'text', text: t.total.capped && credits.cap !== null ? `${rule}; ${L.creditCapped(String(credits.cap), credits.currency)}` : rule });
  }
  blocks.push({ type: 'heading', level: 2, text: L.itemised });
  const rows = findingRows(t.findings, policy, clock, lang);
  if (rows.length === 0) blocks.push({ type: 'text', text: L.noFindings });
  for (const r of t.rows) {
    const mine = rows.filter((f) => f.category === r.id);
    if (mine.length === 0) continue;
    blocks.push({ type: 'heading', level: 3, text: L.categoryHeading(r.title[lang], r.id) });
    blocks.push({ type: 'table', table: findingsTable(mine, lang) });
  }
  blocks.push({ type: 'text', text: L.summaryLine(t.total.count, t.total.deductions, t.total.bonus) });
  return blocks;
}

/** RECORDS.md: `{quarter, as_of, categories: [{id, max, deductions, bonus, score, count}], total: {deductions, bonus}}` plus added keys. */
function quarterlyJson(t: QuarterlyTable, { header, policy, clock, lang }: RenderContext): string {
  const out = {
    quarter: t.quarter,
    as_of: header.asOf,
    categories: t.rows.map((r) => ({
      id: r.id,
      max: r.max,
      deductions: r.deductions,
      bonus: r.bonus,
      score: r.score,
      count: r.count,
      title: r.title[lang],
      clauses: r.clauses,
      ...(t.credits === null ? {} : { credit: r.credit }),
    })),
    total: {
      deductions: t.total.deductions,
      bonus: t.total.bonus,
      count: t.total.count,
      ...(t.credits === null ? {} : { credit: t.total.credit, capped: t.total.capped }),
    },
    ...(t.credits === null ? {} : { credits: t.credits }),
    contract: header.contract,
    policy: header.policyId,
    provenance: provenanceJson(header.provenance),
    warnings: header.warnings,
    calendar_gaps: header.gaps,
    findings: findingRows(t.findings, policy, clock, lang).map(findingJson),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** `report --quarter` in every format; `--no-header-block` makes the CSV the findings alone, one table. */
export const QUARTERLY_FORMATS: Formats<QuarterlyTable> = withDocuments(quarterlyBlocks, {
  json: quarterlyJson,
  csv: (t, ctx) => (ctx.flat ? flatFindingsCsv(flatFindings(t.findings, ctx), ctx) : renderCsv(quarterlyBlocks(t, ctx))),
  xlsx: quarterlyWorkbook,
});
