/**
 * A report as a short list of blocks (title, header fields, tables, notes, charts), and its
 * three human renderings: Markdown that pastes into a meeting document or an issue, CSV that
 * opens as one Excel sheet, and plain text with boxed tables for the terminal. The JSON of each
 * report is built from its model directly, not from these blocks.
 */
import { escapeMarkdownText, escapeTerminal } from './escape';
import { barChart, pieChart, type Slice } from './mermaid';
import { plain, type Paint } from './style';
import { renderCsvRows, renderMarkdownTable, renderTerminalTable, type Column } from './table';

/** A table cell: text, a list (one item per line on the terminal), or null for "no value". */
export type Cell = string | readonly string[] | null;

export interface DocTable {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

export type Block =
  | { readonly type: 'title'; readonly text: string }
  | { readonly type: 'heading'; readonly level: 2 | 3; readonly text: string }
  | { readonly type: 'fields'; readonly items: readonly (readonly [string, string])[] }
  /** `empty` is printed instead of a table without rows */
  | { readonly type: 'table'; readonly table: DocTable; readonly empty?: string }
  | { readonly type: 'text'; readonly text: string }
  /** a chart as numbers: Markdown draws it with Mermaid, HTML as inline SVG; the tables beside it hold the same numbers */
  | { readonly type: 'chart'; readonly chart: Chart };

/** What a chart shows: one bar (or slice) per item, integer values. */
export interface Chart {
  readonly kind: 'bars' | 'pie';
  readonly title: string;
  /** what the values count (the bars' axis) */
  readonly unit: string;
  readonly items: readonly Slice[];
}

type Target = 'md' | 'text' | 'csv';

function cellText(c: Cell, target: Target, none: string): string {
  if (c === null) return target === 'csv' ? '' : none;
  if (typeof c === 'string') return c;
  if (target === 'text') return c.join('\n');
  return c.join(target === 'csv' ? '; ' : ', ');
}

/** Free text outside a table (the contract name, a note): one line, no Markdown markup or HTML. */
export function escapeMarkdownInline(s: string): string {
  return escapeMarkdownText(s).replace(/\n/g, ' ').replace(/([`*_|~#])/g, '\\$1');
}

export function renderMarkdown(blocks: readonly Block[], none = '—'): string {
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'title':
        parts.push(`# ${escapeMarkdownInline(b.text)}\n`);
        break;
      case 'heading':
        parts.push(`${'#'.repeat(b.level)} ${escapeMarkdownInline(b.text)}\n`);
        break;
      case 'fields':
        parts.push(b.items.map(([k, v]) => `- **${escapeMarkdownInline(k)}**: ${escapeMarkdownInline(v)}`).join('\n') + '\n');
        break;
      case 'table':
        if (b.table.rows.length === 0 && b.empty !== undefined) parts.push(`${escapeMarkdownInline(b.empty)}\n`);
        else parts.push(renderMarkdownTable({ columns: b.table.columns, rows: b.table.rows.map((r) => r.map((c) => cellText(c, 'md', none))) }));
        break;
      case 'text':
        parts.push(`${escapeMarkdownInline(b.text)}\n`);
        break;
      case 'chart':
        parts.push('```mermaid\n' + (b.chart.kind === 'pie' ? pieChart(b.chart.title, b.chart.items) : barChart(b.chart.title, b.chart.unit, b.chart.items)) + '```\n');
        break;
    }
  }
  return parts.join('\n');
}

export function renderText(blocks: readonly Block[], opts: { colour: boolean; paint?: Paint; none?: string }): string {
  const paint = opts.colour ? opts.paint ?? plain : plain;
  const none = opts.none ?? '—';
  // record text reaches the terminal: controls and bidi characters shown escaped (tables escape their cells)
  const t = (s: string): string => escapeTerminal(s, { newlines: true });
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'title':
        parts.push(`${paint.bold(t(b.text))}\n`);
        break;
      case 'heading':
        parts.push(`${paint.bold(b.level === 2 ? `== ${t(b.text)} ==` : `-- ${t(b.text)} --`)}\n`);
        break;
      case 'fields':
        parts.push(b.items.map(([k, v]) => `${t(k)}: ${t(v)}`).join('\n') + '\n');
        break;
      case 'table':
        if (b.table.rows.length === 0 && b.empty !== undefined) parts.push(`${t(b.empty)}\n`);
        else {
          const multiLine = b.table.rows.some((r) => r.some((c) => (Array.isArray(c) ? c.length > 1 : typeof c === 'string' && /[\r\n]/.test(c))));
          parts.push(
            renderTerminalTable({ columns: b.table.columns, rows: b.table.rows.map((r) => r.map((c) => cellText(c, 'text', none))) }, opts.colour, {
              rowLines: multiLine,
            }),
          );
        }
        break;
      case 'text':
        parts.push(`${t(b.text)}\n`);
        break;
      case 'chart':
        break;
    }
  }
  return parts.join('\n');
}

/** Every block as rows of one sheet, an empty row between blocks. No BOM: the caller encodes. */
export function renderCsv(blocks: readonly Block[]): string {
  const rows: (readonly string[])[] = [];
  let afterHeading = false;
  // an empty row between blocks, none between a heading and what it heads
  const gap = (): void => {
    if (rows.length > 0 && !afterHeading) rows.push(['']);
    afterHeading = false;
  };
  for (const b of blocks) {
    switch (b.type) {
      case 'title':
      case 'heading':
        gap();
        rows.push([b.text]);
        afterHeading = true;
        break;
      case 'text':
        gap();
        rows.push([b.text]);
        break;
      case 'fields':
        gap();
        for (const [k, v] of b.items) rows.push([k, v]);
        break;
      case 'table':
        gap();
        if (b.table.rows.length === 0 && b.empty !== undefined) rows.push([b.empty]);
        else {
          rows.push(b.table.columns.map((c) => c.label));
          for (const r of b.table.rows) rows.push(r.map((c) => cellText(c, 'csv', '')));
        }
        break;
      case 'chart':
        break;
    }
  }
  return renderCsvRows(rows);
}
