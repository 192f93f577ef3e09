/**
 * A report as one self-contained HTML page: no script, no network, nothing to install to read
 * it, printable on A4 (the table header repeats on every page), charts as inline SVG drawn from
 * the same numbers as the tables beside them. Every text is escaped, so record text such as
 * `<script>` shows as written and never runs.
 */
import type { Lang } from '../core/lang';
import type { Block, Cell, Chart } from './document';
import { escapeHtml } from './escape';

/** Text with its line breaks kept. */
function multiline(s: string): string {
  return escapeHtml(s).replace(/\r\n?|\n/g, '<br>');
}

function cellHtml(c: Cell, none: string): string {
  if (c === null) return `<span class="none">${escapeHtml(none)}</span>`;
  if (typeof c === 'string') return multiline(c);
  return c.map(multiline).join('<br>');
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 277mm; padding: 8mm; }
h1 { font-size: 16pt; margin: 0 0 6pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 0 0 8pt; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
table { border-collapse: collapse; width: auto; max-width: 100%; font-size: 8.5pt; margin: 4pt 0 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.none { color: #888; }
figure { margin: 4pt 0 10pt; break-inside: avoid; }
figcaption { font-weight: bold; font-size: 9.5pt; margin-bottom: 2pt; }
svg text { font-family: inherit; font-size: 11px; fill: #111; }
svg .bar { fill: #4a78b5; }
svg .axis { stroke: #999; stroke-width: 1; }
@media print { body { padding: 0; max-width: none; } }
`;

const LABEL_WIDTH = 300;
const BAR_WIDTH = 330;
const ROW = 22;

/** A step that gives about five whole-number ticks. */
function tickStep(top: number): number {
  const raw = Math.max(1, Math.ceil(top / 5));
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * mag >= raw) return m * mag;
  return raw;
}

/** A label cut to fit its column (the full text stays in the bar's tooltip). */
function fitLabel(label: string, width: number): string {
  let w = 0;
  let out = '';
  for (const ch of label) {
    // CJK and other wide characters take about one em, the rest about half
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 11 : 6.2;
    if (w > width - 12) return `${out}…`;
    out += ch;
  }
  return out;
}

/** Horizontal bars, one per item, with whole-number ticks and each value at its bar's end. */
function chartSvg(chart: Chart): string {
  const items = chart.kind === 'pie' ? chart.items.filter((i) => i.value > 0) : chart.items;
  let top = 1;
  for (const i of items) if (i.value > top) top = i.value;
  const step = tickStep(top);
  const axisTop = Math.ceil(top / step) * step;
  const total = items.reduce((a, i) => a + i.value, 0);
  const height = items.length * ROW + 28;
  const width = LABEL_WIDTH + BAR_WIDTH + 60;
  const x = (v: number): number => LABEL_WIDTH + (v / axisTop) * BAR_WIDTH;
  const parts: string[] = [];
  items.forEach((item, n) => {
    const y = n * ROW + 4;
    const value = chart.kind === 'pie' && total > 0 ? `${item.value} (${Math.round((item.value / total) * 1000) / 10}%)` : String(item.value);
    parts.push(
      `<g><title>${escapeHtml(`${item.label}: ${item.value}`)}</title>` +
        `<text x="${LABEL_WIDTH - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(fitLabel(item.label, LABEL_WIDTH))}</text>` +
        `<rect class="bar" x="${LABEL_WIDTH}" y="${y + 3}" width="${(x(item.value) - LABEL_WIDTH).toFixed(1)}" height="${ROW - 8}"></rect>` +
        `<text x="${(x(item.value) + 4).toFixed(1)}" y="${y + 14}">${escapeHtml(value)}</text></g>`,
    );
  });
  const axisY = items.length * ROW + 6;
  parts.push(`<line class="axis" x1="${LABEL_WIDTH}" y1="2" x2="${LABEL_WIDTH}" y2="${axisY}"></line>`);
  parts.push(`<line class="axis" x1="${LABEL_WIDTH}" y1="${axisY}" x2="${LABEL_WIDTH + BAR_WIDTH}" y2="${axisY}"></line>`);
  for (let t = 0; t <= axisTop; t += step) {
    parts.push(`<text x="${x(t).toFixed(1)}" y="${axisY + 14}" text-anchor="middle">${t}</text>`);
  }
  return (
    `<figure><figcaption>${escapeHtml(chart.title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(chart.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg></figure>`
  );
}

/** The whole page; `none` is shown for a cell without a value. */
export function renderHtml(blocks: readonly Block[], opts: { lang: Lang; none: string }): string {
  const title = blocks.find((b): b is Extract<Block, { type: 'title' }> => b.type === 'title')?.text ?? 'svc-sla';
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'title':
        body.push(`<h1>${escapeHtml(b.text)}</h1>`);
        break;
      case 'heading':
        body.push(`<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case 'fields':
        body.push(`<dl class="fields">${b.items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${multiline(v)}</dd>`).join('')}</dl>`);
        break;
      case 'table': {
        if (b.table.rows.length === 0 && b.empty !== undefined) {
          body.push(`<p>${escapeHtml(b.empty)}</p>`);
          break;
        }
        const cls = (i: number): string => (b.table.columns[i]?.align === 'right' ? ' class="num"' : '');
        const head = b.table.columns.map((c, i) => `<th${cls(i)}>${escapeHtml(c.label)}</th>`).join('');
        const rows = b.table.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${cellHtml(c, opts.none)}</td>`).join('')}</tr>`).join('\n');
        body.push(`<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`);
        break;
      }
      case 'text':
        body.push(`<p>${multiline(b.text)}</p>`);
        break;
      case 'chart':
        if (b.chart.items.length > 0) body.push(chartSvg(b.chart));
        break;
    }
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${opts.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    // nothing from outside the file, ever: no script, no fetch, no frame
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
