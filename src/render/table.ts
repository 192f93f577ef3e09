/**
 * A report table as plain data, and its renderings: Markdown that pastes into a meeting
 * document, CSV that Excel opens with Chinese intact, and a terminal table.
 */
import stringWidth from 'string-width';
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

// Box-drawing characters, as cli-table3 drew them (the goldens were made with it).
const BOX = { h: '─', v: '│', top: ['┌', '┬', '┐'], mid: ['├', '┼', '┤'], bottom: ['└', '┴', '┘'] } as const;
const GREY = ['\u001b[90m', '\u001b[39m'] as const;
const BOLD = ['\u001b[1m', '\u001b[22m'] as const;

/** Printable ASCII only: one column per character (most cells; string-width is the slow path). */
const ASCII = /^[\x20-\x7e]*$/;

/** Columns a line takes on a terminal: a CJK character two, a control or combining character none. */
export function displayWidth(line: string): number {
  return ASCII.test(line) ? line.length : stringWidth(line);
}

/**
 * A boxed table for the terminal; `colour` false gives plain characters for pipes and files.
 * `rowLines` draws a rule between body rows, for tables whose cells span several lines.
 *
 * Each cell is measured once and each line written once, so the cost is linear in rows (the
 * cli-table3 this replaces laid out a grid of cell objects and took 78 s for 8,000 rows). The
 * output is what it drew: one space of padding either side, columns as wide as their widest
 * line, a cell of several lines (`\n`) as that many lines, top-aligned.
 */
export function renderTerminalTable(t: TableModel, colour: boolean, opts: { rowLines?: boolean } = {}): string {
  const n = t.columns.length;
  const grid: string[][][] = [];
  const widths: number[] = new Array<number>(n).fill(0);
  const heights: number[] = [];
  const measure = (cells: readonly string[]): void => {
    const row: string[][] = [];
    let height = 1;
    for (let c = 0; c < n; c++) {
      const lines = (cells[c] ?? '').split('\n');
      for (const line of lines) {
        const w = displayWidth(line);
        if (w > widths[c]!) widths[c] = w;
      }
      if (lines.length > height) height = lines.length;
      row.push(lines);
    }
    grid.push(row);
    heights.push(height);
  };
  // what the records wrote is shown, never run: controls and bidi characters as their escapes
  measure(t.columns.map((c) => escapeTerminal(c.label, { tabs: true })));
  for (const r of t.rows) measure(r.map((c) => escapeTerminal(c, { newlines: true, tabs: true })));

  const border = (s: string): string => (colour && s !== '' ? GREY[0] + s + GREY[1] : s);
  const rule = (chars: readonly [string, string, string]): string => {
    let out = '';
    for (let c = 0; c < n; c++) out += border((c === 0 ? chars[0] : chars[1]) + BOX.h.repeat(widths[c]! + 2) + (c === n - 1 ? chars[2] : ''));
    return out;
  };
  const aligns = t.columns.map((c) => c.align ?? 'left');
  const out: string[] = [rule(BOX.top)];
  const between = rule(BOX.mid);
  for (let r = 0; r < grid.length; r++) {
    if (r > 0 && opts.rowLines) out.push(between);
    const row = grid[r]!;
    for (let i = 0; i < heights[r]!; i++) {
      let line = '';
      for (let c = 0; c < n; c++) {
        const text = row[c]![i] ?? '';
        const space = ' '.repeat(widths[c]! - displayWidth(text));
        const cell = ' ' + (aligns[c] === 'right' ? space + text : text + space) + ' ';
        line += border(BOX.v) + (colour && r === 0 ? BOLD[0] + cell + BOLD[1] : cell);
      }
      out.push(line + border(BOX.v));
    }
  }
  out.push(rule(BOX.bottom));
  return out.join('\n') + '\n';
}
