/** The monthly summary's renderings: blocks (with Mermaid charts for Markdown) and its JSON. */
import type { Clock } from '../calendar/time';
import type { Lang } from '../core/lang';
import { provenanceJson } from '../reports/header';
import { withDocuments, type Formats, type RenderContext } from './formats';
import { ACTIVITY_KINDS, KIND_FACTS } from '../core/kinds';
import type { MeanTime, MonthlySummary, TicketBrief, TicketLine } from '../reports/summary';
import type { Block, Cell, DocTable } from './document';
import { formatDuration, humanDuration, labels } from './i18n';
import { headerFields, shortTime } from './parts';

/** 0.6667 → `66.7%` */
export function percent(rate: number | null): string | null {
  return rate === null ? null : `${(rate * 100).toFixed(1)}%`;
}

function minutes(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 6000) / 10;
}

function rate4(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 10000) / 10000;
}

/** The label of a ticket level in the tables and the chart (the test compares the two). */
export function levelLabel(level: number, lang: Lang): string {
  return labels(lang).levelName(level);
}

/** A ticket's level as the tables show it, a provisional one marked. */
function levelCell(t: Pick<TicketBrief, 'level' | 'levelConfirmed'>, lang: Lang): Cell {
  const L = labels(lang);
  return t.level === null ? null : t.levelConfirmed ? levelLabel(t.level, lang) : L.withNote(levelLabel(t.level, lang), L.provisional);
}

function categoryCell(t: Pick<TicketBrief, 'category'>, lang: Lang): Cell {
  return t.category === null ? null : labels(lang).ticketCategories[t.category] ?? t.category;
}

function ticketTable(list: readonly TicketBrief[], clock: Clock, lang: Lang, cutoff: number | null): DocTable {
  const L = labels(lang);
  return {
    columns: [
      { label: L.record },
      { label: L.level },
      { label: L.ticketCategory },
      { label: L.accepted },
      ...(cutoff !== null ? [{ label: L.openFor }] : []),
      { label: L.ticketSummary },
      { label: L.source },
    ],
    rows: list.map((t): Cell[] => [
      t.record,
      levelCell(t, lang),
      categoryCell(t, lang),
      t.accepted === null ? null : shortTime(clock.format(t.accepted)),
      ...(cutoff !== null ? [t.accepted === null ? null : humanDuration(cutoff + 1 - t.accepted, lang)] : []),
      t.summary,
      `${t.source.file}:${t.source.line}`,
    ]),
  };
}

/** The limit a ticket was held to: a duration, or the agreed date it was given. */
function limitText(t: TicketLine, lang: Lang): string | null {
  const L = labels(lang);
  if (t.limit === null) return null;
  if (t.limit.duration) return formatDuration(t.limit.duration, lang);
  return t.limit.agreed ? L.agreed(t.limit.agreed) : null;
}

/** Every ticket of the month, as the 现场技术服务报告汇总 lists them. */
function ticketListTable(list: readonly TicketLine[], clock: Clock, lang: Lang): DocTable {
  const L = labels(lang);
  return {
    columns: [
      { label: L.record },
      { label: L.level },
      { label: L.ticketCategory },
      { label: L.cityRegion },
      { label: L.site },
      { label: L.accepted },
      { label: L.closedAt },
      { label: L.elapsed, align: 'right' },
      { label: L.limitCol },
      { label: L.result },
      { label: L.ticketSummary },
    ],
    rows: list.map((t): Cell[] => [
      t.record,
      levelCell(t, lang),
      categoryCell(t, lang),
      t.city === null ? (t.region ? t.region.title[lang] : null) : t.region ? L.withNote(t.city, t.region.title[lang]) : t.city,
      t.site,
      t.accepted === null ? null : shortTime(clock.format(t.accepted)),
      t.closed === null ? null : shortTime(clock.format(t.closed)),
      t.elapsed === null ? null : humanDuration(t.elapsed, lang),
      limitText(t, lang),
      t.status === null ? null : t.status === 'open' ? L.stillOpen : L.statusName[t.status] ?? t.status,
      t.summary,
    ]),
  };
}

function meanRow(label: string, m: MeanTime, lang: Lang, worst: string | null): Cell[] {
  return [label, String(m.count), m.mean === null ? null : humanDuration(m.mean, lang), worst];
}

function summaryBlocks(s: MonthlySummary, { header, clock, lang }: RenderContext): Block[] {
  const L = labels(lang);
  const blocks: Block[] = [{ type: 'title', text: L.summaryTitle(s.month) }, headerFields(header, lang, [[L.cutoff, clock.format(s.cutoff)]])];

  // the month's tickets, one by one, then the counts
  blocks.push({ type: 'heading', level: 2, text: L.ticketList }, { type: 'table', empty: L.nothing, table: ticketListTable(s.tickets.list, clock, lang) });
  blocks.push({ type: 'heading', level: 2, text: L.tickets }, { type: 'text', text: L.ticketsAccepted(s.tickets.accepted) });
  blocks.push({
    type: 'table',
    table: { columns: [{ label: L.level }, { label: L.countCol, align: 'right' }], rows: s.tickets.byLevel.map((r) => [levelLabel(r.level, lang), String(r.count)]) },
  });
  if (s.tickets.accepted > 0) {
    blocks.push({ type: 'chart', chart: { kind: 'pie', title: L.byLevelChart, unit: L.countCol, items: s.tickets.byLevel.map((r) => ({ label: levelLabel(r.level, lang), value: r.count })) } });
  }
  blocks.push({
    type: 'table',
    table: {
      columns: [{ label: L.ticketCategory }, { label: L.countCol, align: 'right' }],
      rows: s.tickets.byCategory.map((r) => [L.ticketCategories[r.category] ?? r.category, String(r.count)]),
    },
  });
  blocks.push({
    type: 'table',
    table: {
      columns: [{ label: L.regionCol }, { label: L.countCol, align: 'right' }],
      rows: s.tickets.byRegion.map((r) => [r.title ? r.title[lang] : L.unknownRegion, String(r.count)]),
    },
  });

  // level-1 restore times
  const l1 = s.levelOne;
  blocks.push({ type: 'heading', level: 2, text: L.l1Times });
  blocks.push({
    type: 'table',
    table: {
      columns: [{ label: L.l1Item }, { label: L.countCol, align: 'right' }, { label: L.mean, align: 'right' }, { label: L.worst }],
      rows: [
        meanRow(L.l1Restore, l1.restore, lang, l1.worst ? `${humanDuration(l1.worst.ms, lang)} (${l1.worst.record})` : null),
        meanRow(L.l1Stage.depart!, l1.stages.depart, lang, null),
        meanRow(L.l1Stage.travel!, l1.stages.travel, lang, null),
        meanRow(L.l1Stage.repair!, l1.stages.repair, lang, null),
      ],
    },
  });

  // on-time rates
  blocks.push({ type: 'heading', level: 2, text: L.onTime }, { type: 'text', text: L.onTimeNote });
  blocks.push({
    type: 'table',
    empty: L.nothing,
    table: {
      columns: [
        { label: L.clause },
        { label: L.title },
        { label: L.metCount, align: 'right' },
        { label: L.lateCount, align: 'right' },
        { label: L.missedCount, align: 'right' },
        { label: L.rate, align: 'right' },
      ],
      rows: s.onTime.map((r) => [r.clause, r.operator ? `${r.title[lang]} [${L.operator}]` : r.title[lang], String(r.met), String(r.late), String(r.missed), percent(r.rate)]),
    },
  });

  // findings
  const f = s.findings;
  blocks.push({ type: 'heading', level: 2, text: L.findingsInMonth });
  blocks.push({
    type: 'table',
    empty: L.noFindings,
    table: {
      columns: [
        { label: L.clause },
        { label: L.title },
        { label: L.findingCount, align: 'right' },
        { label: L.deductions, align: 'right' },
        { label: L.bonus, align: 'right' },
      ],
      rows:
        f.byClause.length === 0
          ? []
          : [
              ...f.byClause.map((r) => [r.clause, r.title[lang], String(r.count), String(r.deductions), String(r.bonus)]),
              [L.total, '', String(f.count), String(f.deductions), String(f.bonus)],
            ],
    },
  });
  if (f.byClause.length > 0) {
    // bars named by the clause's title, as the table beside it
    blocks.push({ type: 'chart', chart: { kind: 'bars', title: L.findingsChart, unit: L.findingCount, items: f.byClause.map((r) => ({ label: r.title[lang], value: r.count })) } });
  }

  // still open, provisional
  blocks.push({ type: 'heading', level: 2, text: L.openAtEnd }, { type: 'table', empty: L.nothing, table: ticketTable(s.openAtEnd, clock, lang, s.cutoff) });
  blocks.push({ type: 'heading', level: 2, text: L.provisionalTickets }, { type: 'table', empty: L.nothing, table: ticketTable(s.tickets.provisional, clock, lang, null) });

  // inspections
  blocks.push({ type: 'heading', level: 2, text: L.inspections });
  blocks.push({
    type: 'table',
    table: {
      columns: [{ label: L.status }, { label: L.countCol, align: 'right' }, { label: L.note }],
      rows: s.inspections.byStatus.map((r) => [
        L.inspectionStatus[r.status] ?? r.status,
        String(r.count),
        r.status === 'missed' && r.count > 0 ? L.missedByVendor(s.inspections.missedByVendor) : '',
      ]),
    },
  });
  blocks.push({ type: 'heading', level: 3, text: L.inspectionDocsLate });
  blocks.push({
    type: 'table',
    empty: L.nothing,
    table: {
      columns: [{ label: L.record }, { label: L.clause }, { label: L.due }, { label: L.actual }, { label: L.status }, { label: L.source }],
      rows: s.inspections.docsLate.map((d) => [
        d.record,
        d.clause,
        d.due === null ? null : shortTime(clock.format(d.due)),
        d.actual === null ? null : shortTime(clock.format(d.actual)),
        L.statusName[d.status] ?? d.status,
        d.source ? `${d.source.file}:${d.source.line}` : null,
      ]),
    },
  });

  // other work in the month
  const byKind = new Map(s.byKind.map((k) => [k.kind, k.count]));
  blocks.push({ type: 'heading', level: 2, text: L.activity });
  blocks.push({
    type: 'table',
    table: {
      columns: [{ label: L.kind }, { label: L.countCol, align: 'right' }, { label: L.kindDate }],
      rows: ACTIVITY_KINDS.map((k) => [L.kindName[k] ?? k, String(byKind.get(k) ?? 0), KIND_FACTS[k].monthDate.join(' / ')]),
    },
  });

  // quotas
  blocks.push({ type: 'heading', level: 2, text: L.quotas });
  blocks.push({
    type: 'table',
    empty: L.nothing,
    table: {
      columns: [
        { label: L.clause },
        { label: L.title },
        { label: L.quotaPeriod },
        { label: L.used, align: 'right' },
        { label: L.usedInMonth, align: 'right' },
        { label: L.quotaCol, align: 'right' },
      ],
      rows: s.quotas.map((q) => [q.clause, q.title[lang], `${q.from} – ${q.to}`, String(q.used), String(q.usedInMonth), String(q.quota)]),
    },
  });
  if (s.seats.length > 0) {
    blocks.push({ type: 'heading', level: 3, text: L.trainingSeats });
    blocks.push({
      type: 'table',
      table: {
        columns: [{ label: L.name }, { label: L.seats, align: 'right' }],
        rows: s.seats.map((q) => [q.title[lang], `${q.amount} ${q.unit[lang]}`]),
      },
    });
  }

  // last month's report
  const prev = s.lastMonthReports[0]?.month;
  if (prev !== undefined) {
    blocks.push({ type: 'heading', level: 2, text: L.lastMonthReport(prev) });
    blocks.push({
      type: 'table',
      table: {
        columns: [{ label: L.clause }, { label: L.title }, { label: L.status }, { label: L.due }, { label: L.actual }, { label: L.record }],
        rows: s.lastMonthReports.map((r) => [
          r.clause,
          r.title[lang],
          L.statusName[r.status] ?? r.status,
          r.due === null ? null : shortTime(clock.format(r.due)),
          r.actual === null ? null : shortTime(clock.format(r.actual)),
          r.record,
        ]),
      },
    });
  }
  return blocks;
}

function briefJson(t: TicketBrief, clock: Clock): Record<string, unknown> {
  return {
    record: t.record,
    level: t.level,
    level_confirmed: t.levelConfirmed,
    category: t.category,
    accepted_at: t.accepted === null ? null : clock.format(t.accepted),
    summary: t.summary,
    file: t.source.file,
    line: t.source.line,
  };
}

/** RECORDS.md: `{month, as_of, ...}` with counts by kind, level, region and on-time rates. */
function summaryJson(s: MonthlySummary, { header, clock, lang }: RenderContext): string {
  const fmt = (ms: number | null): string | null => (ms === null ? null : clock.format(ms));
  const statusCount = (st: string): number => s.inspections.byStatus.find((r) => r.status === st)?.count ?? 0;
  const out = {
    month: s.month,
    as_of: header.asOf,
    contract: header.contract,
    policy: header.policyId,
    provenance: provenanceJson(header.provenance),
    warnings: header.warnings,
    calendar_gaps: header.gaps,
    cutoff: clock.format(s.cutoff),
    by_kind: Object.fromEntries(s.byKind.map((k) => [k.kind, k.count])),
    tickets: {
      accepted: s.tickets.accepted,
      by_level: Object.fromEntries(s.tickets.byLevel.map((r) => [String(r.level), r.count])),
      by_category: Object.fromEntries(s.tickets.byCategory.map((r) => [r.category, r.count])),
      by_region: Object.fromEntries(s.tickets.byRegion.map((r) => [r.region, r.count])),
      provisional: s.tickets.provisional.map((t) => briefJson(t, clock)),
      list: s.tickets.list.map((t) => ({
        record: t.record,
        level: t.level,
        level_confirmed: t.levelConfirmed,
        category: t.category,
        city: t.city,
        region: t.region?.id ?? null,
        site: t.site,
        accepted_at: fmt(t.accepted),
        closed_at: fmt(t.closed),
        elapsed_minutes: minutes(t.elapsed),
        clause: t.clause,
        limit: t.limit?.duration ?? null,
        agreed: t.limit?.agreed ?? null,
        due: fmt(t.due),
        status: t.status,
        summary: t.summary,
        file: t.source.file,
        line: t.source.line,
      })),
    },
    on_time: s.onTime.map((r) => ({
      clause: r.clause,
      title: r.title[lang],
      operator: r.operator,
      on_time: r.met,
      late: r.late,
      missed: r.missed,
      judged: r.met + r.late + r.missed,
      rate: rate4(r.rate),
    })),
    findings: {
      count: s.findings.count,
      deductions: s.findings.deductions,
      bonus: s.findings.bonus,
      by_clause: s.findings.byClause.map((r) => ({ clause: r.clause, title: r.title[lang], count: r.count, deductions: r.deductions, bonus: r.bonus })),
    },
    level1: {
      tickets: s.levelOne.tickets,
      restored: s.levelOne.restore.count,
      mean_restore_minutes: minutes(s.levelOne.restore.mean),
      worst: s.levelOne.worst ? { record: s.levelOne.worst.record, minutes: minutes(s.levelOne.worst.ms) } : null,
      stages: Object.fromEntries(
        (['depart', 'travel', 'repair'] as const).map((k) => [k, { count: s.levelOne.stages[k].count, mean_minutes: minutes(s.levelOne.stages[k].mean) }]),
      ),
    },
    open_at_end: s.openAtEnd.map((t) => briefJson(t, clock)),
    inspections: {
      done: statusCount('done'),
      missed: statusCount('missed'),
      missed_vendor: s.inspections.missedByVendor,
      planned: statusCount('planned'),
      cancelled: statusCount('cancelled'),
      docs_late: s.inspections.docsLate.map((d) => ({
        record: d.record,
        clause: d.clause,
        status: d.status,
        due: fmt(d.due),
        actual: fmt(d.actual),
        file: d.source?.file ?? null,
        line: d.source?.line ?? null,
      })),
    },
    quotas: s.quotas.map((q) => ({ clause: q.clause, title: q.title[lang], from: q.from, to: q.to, used: q.used, used_in_month: q.usedInMonth, quota: q.quota })),
    training_seats: s.seats.map((q) => ({ id: q.id, title: q.title[lang], amount: q.amount, unit: q.unit[lang] })),
    last_month_report: s.lastMonthReports.map((r) => ({ clause: r.clause, month: r.month, status: r.status, due: fmt(r.due), actual: fmt(r.actual), record: r.record })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** `summary --month` in every format. */
export const SUMMARY_FORMATS: Formats<MonthlySummary> = withDocuments(summaryBlocks, { json: summaryJson });
