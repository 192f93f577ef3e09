/**
 * A report table as plain data, and its renderings: Markdown that pastes into a meeting
 * document, CSV that Excel opens with Chinese intact, and a terminal table.
 */
import Table from 'cli-table3';
import { escapeMarkdownText, escapeTerminal } from './escape';

export interface Column {
  readonly label: string;
  readonly align?: 'left' | 'right';
}

export interface TableModel {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly string[])[];
}

/** Markdown's escaping (src/render/escape.ts), and `|` and line breaks, which would end a cell or row early. */
export function escapeMarkdownCell(s: string): string {
  return escapeMarkdownText(s).replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export function renderMarkdownTable(t: TableModel): string {
  const head = `| ${t.columns.map((c) => escapeMarkdownCell(c.label)).join(' | ')} |`;
  const rule = `|${t.columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = t.rows.map((r) => `| ${r.map(escapeMarkdownCell).join(' | ')} |`);
  return [head, rule, ...body].join('\n') + '\n';
}

/**
 * A cell Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'` so it
 * shows as text (OWASP "CSV injection"). Numbers we wrote ourselves (`-5`) stay numbers.
 */
export function neutraliseFormula(s: string): string {
  if (/^[-+]?\d+(\.\d+)?$/.test(s)) return s;
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvCell(s: string): string {
  const v = neutraliseFormula(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function renderCsvRows(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A boxed table for the terminal; `colour` false gives plain characters for pipes and files.
 * `rowLines` draws a rule between body rows, for tables whose cells span several lines.
 */
export function renderTerminalTable(t: TableModel, colour: boolean, opts: { rowLines?: boolean } = {}): string {
  const table = new Table({
    head: t.columns.map((c) => escapeTerminal(c.label, { tabs: true })),
    colAligns: t.columns.map((c) => c.align ?? 'left'),
    style: colour ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] },
    wordWrap: false,
    // no rule between body rows: denser, and it copies cleanly
    ...(opts.rowLines ? {} : { chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } }),
  });
  for (const r of t.rows) table.push(r.map((c) => escapeTerminal(c, { newlines: true, tabs: true })));
  return `${table.toString()}\n`;
}
