/** `breaches`: the findings of a period in every format. */
import { totals, type Period } from '../reports/findings';
import type { Evaluation } from '../rules/engine';
import { renderCsv, type Block } from './document';
import { findingsWorkbook, flatFindings, flatFindingsCsv } from './xlsx';
import { findingRows } from './findings';
import { withDocuments, type Formats, type RenderContext } from './formats';
import { labels } from './i18n';
import { findingJson, findingsTable, headerFields } from './parts';

export interface BreachesModel {
  readonly period: Period | null;
  readonly findings: readonly Evaluation[];
}

function title(m: BreachesModel, lang: RenderContext['lang']): string {
  const L = labels(lang);
  return `${L.findings}: ${m.period?.label ?? L.allTime}`;
}

function breachesBlocks(m: BreachesModel, { header, policy, clock, lang }: RenderContext): Block[] {
  const L = labels(lang);
  const rows = findingRows(m.findings, policy, clock, lang);
  const t = totals(rows);
  return [
    { type: 'title', text: title(m, lang) },
    headerFields(header, lang),
    { type: 'table', table: findingsTable(rows, lang, { quarter: true, title: true }), empty: L.noFindings },
    { type: 'text', text: L.summaryLine(t.count, t.deductions, t.bonus) },
  ];
}

export const BREACHES_FORMATS: Formats<BreachesModel> = withDocuments(
  breachesBlocks,
  {
    csv: (m, ctx) => (ctx.flat ? flatFindingsCsv(flatFindings(m.findings, ctx), ctx) : renderCsv(breachesBlocks(m, ctx))),
    xlsx: (m, ctx) => findingsWorkbook(m.findings, title(m, ctx.lang), ctx),
    json: (m, { header, policy, clock, lang }) =>
      `${JSON.stringify({ as_of: header.asOf, period: m.period?.label ?? null, policy: policy.id, warnings: header.warnings, calendar_gaps: header.gaps, findings: findingRows(m.findings, policy, clock, lang).map(findingJson) }, null, 2)}\n`,
  },
);
