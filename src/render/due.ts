/** The due list's renderings: blocks for text/Markdown, a plain CSV table, and its JSON. */
import type { Clock } from '../calendar/time';
import { formatDuration } from './i18n';
import type { Policy } from '../core/policy';
import type { Lang } from '../core/lang';
import type { DueItem, DueList } from '../reports/due';
import { findingMessage } from './findings';
import { provenanceJson } from '../reports/header';
import { renderCsv } from './document';
import { withDocuments, type Formats, type RenderContext } from './formats';
import type { Block, DocTable } from './document';
import { humanDuration, labels } from './i18n';
import { headerFields, pointsText, shortTime } from './parts';

/**
 * `5小时20分钟`, `−2天3小时`, or `2 个工作日` for a working-day clause. Overdue times carry a
 * true minus sign (U+2212): it reads as negative, and unlike `-` Excel never takes it for the
 * start of a formula, so the CSV cell needs no `'` guard.
 */
export function timeLeftText(item: DueItem, lang: Lang): string {
  const L = labels(lang);
  if (item.leftWorkdays !== null) {
    const n = item.leftWorkdays;
    return n < 0 ? `\u2212${L.workdaysLeft(-n)}` : L.workdaysLeft(n);
  }
  const sign = item.left < 0 ? '\u2212' : '';
  return `${sign}${humanDuration(item.left, lang)}`;
}

export function dueTable(list: DueList, policy: Policy, lang: Lang, clock: Clock): DocTable {
  const L = labels(lang);
  const titles = new Map(policy.clauses.map((c) => [c.id, c.title[lang]]));
  return {
    columns: [
      { label: L.due },
      { label: L.left, align: 'right' },
      { label: L.status },
      { label: L.clause },
      { label: L.title },
      { label: L.record },
      { label: L.points, align: 'right' },
      { label: L.source },
    ],
    rows: list.items.map((i) => {
      const e = i.evaluation;
      return [
        shortTime(clock.format(i.due)),
        timeLeftText(i, lang),
        i.overdue ? L.overdue : L.open,
        e.clause,
        titles.get(e.clause) ?? e.clause,
        e.record !== null && e.subject !== e.record ? `${e.record} ${e.subject}` : e.subject,
        pointsText(e.points),
        e.source ? `${e.source.file}:${e.source.line}` : '',
      ];
    }),
  };
}

function dueBlocks(list: DueList, { header, policy, clock, lang }: RenderContext): Block[] {
  const L = labels(lang);
  const overdue = list.items.filter((i) => i.overdue).length;
  return [
    { type: 'title', text: L.dueTitle },
    headerFields(header, lang, [
      [L.within, formatDuration(list.within, lang)],
      [L.until, clock.format(list.until)],
    ]),
    { type: 'table', table: dueTable(list, policy, lang, clock), empty: L.noObligations },
    { type: 'text', text: L.dueLine(list.items.length - overdue, overdue) },
  ];
}

function dueJson(list: DueList, { header, policy, clock, lang }: RenderContext): string {
  const titles = new Map(policy.clauses.map((c) => [c.id, c.title[lang]]));
  const out = {
    as_of: header.asOf,
    within: `${list.within.amount}${list.within.unit}`,
    until: clock.format(list.until),
    contract: header.contract,
    policy: header.policyId,
    provenance: provenanceJson(header.provenance),
    warnings: header.warnings,
    calendar_gaps: header.gaps,
    obligations: list.items.map((i) => {
      const e = i.evaluation;
      return {
        clause: e.clause,
        title: titles.get(e.clause) ?? e.clause,
        category: e.category,
        record: e.record,
        kind: e.kind,
        subject: e.subject,
        status: e.status,
        overdue: i.overdue,
        due: clock.format(i.due),
        left_minutes: Math.round(i.left / 60000),
        left_workdays: i.leftWorkdays,
        limit: e.limit?.duration ? `${e.limit.duration.amount}${e.limit.duration.unit}` : null,
        points: e.points,
        file: e.source?.file ?? null,
        line: e.source?.line ?? null,
        message: findingMessage(e, policy, lang),
      };
    }),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** `due` in every format; its CSV is one table, one obligation per row, as spreadsheets and scripts want it. */
export const DUE_FORMATS: Formats<DueList> = withDocuments(dueBlocks, {
  json: dueJson,
  csv: (list, { policy, lang, clock }) => renderCsv([{ type: 'table', table: dueTable(list, policy, lang, clock) }]),
});
