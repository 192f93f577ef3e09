/** `breaches`: the findings of a period in every format. */
import { totals, type Period } from '../reports/findings';
import type { Evaluation } from '../rules/engine';
import type { Block } from './document';
import { findingRows } from './findings';
import { withDocuments, type Formats } from './formats';
import { labels } from './i18n';
import { findingJson, findingsTable, headerFields } from './parts';

export interface BreachesModel {
  readonly period: Period | null;
  readonly findings: readonly Evaluation[];
}

export const BREACHES_FORMATS: Formats<BreachesModel> = withDocuments(
  (m, { header, policy, clock, lang }): Block[] => {
    const L = labels(lang);
    const rows = findingRows(m.findings, policy, clock, lang);
    const t = totals(rows);
    return [
      { type: 'title', text: `${L.findings}: ${m.period?.label ?? L.allTime}` },
      headerFields(header, lang),
      { type: 'table', table: findingsTable(rows, lang, { quarter: true, title: true }), empty: L.noFindings },
      { type: 'text', text: L.summaryLine(t.count, t.deductions, t.bonus) },
    ];
  },
  {
    json: (m, { header, policy, clock, lang }) =>
      `${JSON.stringify({ as_of: header.asOf, period: m.period?.label ?? null, policy: policy.id, warnings: header.warnings, calendar_gaps: header.gaps, findings: findingRows(m.findings, policy, clock, lang).map(findingJson) }, null, 2)}\n`,
  },
);
