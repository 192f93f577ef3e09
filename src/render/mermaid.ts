/**
 * Mermaid charts for the Markdown reports: GitHub and GitLab draw a ```mermaid block as a chart.
 * Only numbers and our own labels go in; a label loses the characters that would end a quoted
 * Mermaid string or line, HTML's `<`, `>`, `&`, and control and bidi characters.
 */

export interface Slice {
  readonly label: string;
  readonly value: number;
}

export function mermaidText(s: string): string {
  return s
    .replace(/["\r\n`]/g, ' ')
    .replace(/[{}[\]<>&]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A pie chart with the numbers shown; empty slices are left out (Mermaid cannot draw 0). */
export function pieChart(title: string, slices: readonly Slice[]): string {
  const lines = ['pie showData', `    title ${mermaidText(title)}`];
  for (const s of slices) if (s.value > 0) lines.push(`    "${mermaidText(s.label)}" : ${s.value}`);
  return `${lines.join('\n')}\n`;
}

/**
 * A bar chart (`xychart-beta`, Mermaid 10.4 or later; GitHub and GitLab have it), horizontal so
 * that long labels do not overlap, the axis from 0 to at least 5 so that its ticks are whole
 * numbers (Mermaid ticks a 0–1 axis at 0.2).
 */
export function barChart(title: string, yLabel: string, bars: readonly Slice[]): string {
  let top = 5;
  for (const b of bars) if (b.value > top) top = b.value;
  return [
    'xychart-beta horizontal',
    `    title "${mermaidText(title)}"`,
    `    x-axis [${bars.map((b) => `"${mermaidText(b.label)}"`).join(', ')}]`,
    `    y-axis "${mermaidText(yLabel)}" 0 --> ${top}`,
    `    bar [${bars.map((b) => b.value).join(', ')}]`,
  ].join('\n') + '\n';
}
