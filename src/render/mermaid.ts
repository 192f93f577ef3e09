/**
 * Mermaid charts for the Markdown reports: GitHub and GitLab draw a ```mermaid block as a chart.
 * Only numbers and our own labels go in; a label loses the characters that would end a quoted
 * Mermaid string or line.
 */
import { maxOf } from '../util/arrays';

export interface Slice {
  readonly label: string;
  readonly value: number;
}

export function mermaidText(s: string): string {
  return s.replace(/["\r\n`]/g, ' ').replace(/[{}[\]]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A pie chart with the numbers shown; empty slices are left out (Mermaid cannot draw 0). */
export function pieChart(title: string, slices: readonly Slice[]): string {
  const lines = ['pie showData', `    title ${mermaidText(title)}`];
  for (const s of slices) if (s.value > 0) lines.push(`    "${mermaidText(s.label)}" : ${s.value}`);
  return `${lines.join('\n')}\n`;
}

/** A bar chart (`xychart-beta`): one bar per label, y axis from 0 to the largest value. */
export function barChart(title: string, yLabel: string, bars: readonly Slice[]): string {
  const top = maxOf(bars.map((b) => b.value), 1);
  return [
    'xychart-beta',
    `    title "${mermaidText(title)}"`,
    `    x-axis [${bars.map((b) => `"${mermaidText(b.label)}"`).join(', ')}]`,
    `    y-axis "${mermaidText(yLabel)}" 0 --> ${top}`,
    `    bar [${bars.map((b) => b.value).join(', ')}]`,
  ].join('\n') + '\n';
}
