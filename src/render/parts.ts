/** Pieces every report rendering shares: the header fields, time and point formats, finding rows. */
import type { Lang } from '../core/lang';
import type { FindingRow } from './findings';
import type { ReportHeader } from '../reports/header';
import { describeProvenance } from '../util/git';
import type { Block, DocTable } from './document';
import { labels } from './i18n';
import { minOf, pushAll } from '../util/arrays';

export function provenanceText(header: ReportHeader, lang: Lang): string {
  const L = labels(lang);
  return describeProvenance(header.provenance, { notGit: L.notGit, dirty: L.dirty, noCommit: L.noCommit });
}

/** The fields every report prints under its title. */
export function headerFields(header: ReportHeader, lang: Lang, extra: readonly (readonly [string, string])[] = []): Block {
  const L = labels(lang);
  const items: [string, string][] = [];
  if (header.contract !== '') items.push([L.contract, header.contract]);
  if (header.period !== null) items.push([L.period, header.period]);
  items.push([L.asOf, header.asOf]);
  pushAll(items, extra.map(([k, v]) => [k, v] as [string, string]));
  items.push([L.policy, header.policyId]);
  items.push([L.provenance, provenanceText(header, lang)]);
  if (header.warnings > 0) items.push([L.warnings, L.warningsNote(header.warnings)]);
  if (header.gaps.length > 0) {
    const year = minOf(header.gaps.map((g) => g.year));
    items.push([L.gaps, `${L.gapsNote(header.gaps.length, year)}: ${header.gaps.map((g) => L.gapItem(g.clause, g.record)).join(', ')}`]);
  }
  return { type: 'fields', items };
}

/** `2026-07-03T16:30:00+08:00` → `2026-07-03 16:30` (tables show the records' zone). */
export function shortTime(iso: string | null): string {
  return iso === null ? '' : iso.slice(0, 16).replace('T', ' ');
}

export function pointsText(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** The finding objects of `breaches --format json`, reused by the other reports. */
export function findingJson(r: FindingRow): Record<string, unknown> {
  return {
    record: r.record,
    kind: r.kind,
    clause: r.clause,
    category: r.category,
    points: r.points,
    due: r.due,
    actual: r.actual,
    quarter: r.quarter,
    file: r.file,
    line: r.line,
    message: r.message,
    limit: r.limit,
    overrun: r.overrun,
  };
}

/** The findings as a table; `quarter` and `title` add those columns (breaches lists across quarters). */
export function findingsTable(rows: readonly FindingRow[], lang: Lang, extra: { quarter?: boolean; title?: boolean } = {}): DocTable {
  const L = labels(lang);
  return {
    columns: [
      ...(extra.quarter ? [{ label: L.quarter }] : []),
      { label: L.clause },
      ...(extra.title ? [{ label: L.title }] : []),
      { label: L.record },
      { label: L.due },
      { label: L.actual },
      { label: L.points, align: 'right' },
      { label: L.note },
      { label: L.source },
    ],
    rows: rows.map((r) => [
      ...(extra.quarter ? [r.quarter] : []),
      r.clause,
      ...(extra.title ? [r.title] : []),
      r.record ?? r.subject,
      shortTime(r.due),
      shortTime(r.actual),
      pointsText(r.points),
      r.message,
      r.file ? `${r.file}:${r.line}` : '',
    ]),
  };
}
