/**
 * The Markdown appended to $GITHUB_STEP_SUMMARY: GitHub shows only 10 annotations of each kind
 * per step, so the job's summary page gets the whole count, the counts by check and the first
 * problems with their places.
 */
import { countProblems, type Problem } from '../core/problems';
import { summaryLine, type ValidationSummary } from './problems';

export const STEP_SUMMARY_FIRST = 30;

/** A Markdown table cell: no line breaks, no column separators, no HTML. */
function cell(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*[\]|<>]/g, (c) => `\\${c}`)
    .replace(/[\u0000-\u001f\u007f]/g, '');
}

export function renderStepSummary(s: ValidationSummary, opts: { pathFor: (file: string) => string; title?: string }): string {
  const { errors, warnings } = countProblems(s.problems);
  const lines: string[] = [`### ${opts.title ?? 'svc-sla validate'}`, '', summaryLine(s), ''];
  if (s.problems.length > 0) {
    const byCheck = new Map<string, { errors: number; warnings: number }>();
    for (const p of s.problems) {
      const c = byCheck.get(p.rule) ?? { errors: 0, warnings: 0 };
      if (p.severity === 'error') c.errors++;
      else c.warnings++;
      byCheck.set(p.rule, c);
    }
    lines.push('| check | errors | warnings |', '|---|---:|---:|');
    const sorted = [...byCheck].sort((a, b) => b[1].errors - a[1].errors || b[1].warnings - a[1].warnings || (a[0] < b[0] ? -1 : 1));
    for (const [rule, c] of sorted) lines.push(`| \`${rule}\` | ${c.errors} | ${c.warnings} |`);
    lines.push(`| **total** | **${errors}** | **${warnings}** |`, '');
    // errors first: they are what fails the job
    const first: Problem[] = [...s.problems.filter((p) => p.severity === 'error'), ...s.problems.filter((p) => p.severity === 'warning')].slice(0, STEP_SUMMARY_FIRST);
    lines.push(s.problems.length > first.length ? `The first ${first.length} of ${s.problems.length} problems:` : 'Problems:', '');
    lines.push('| where | | problem | check |', '|---|---|---|---|');
    for (const p of first) {
      const rec = p.record !== null ? ` [${p.record}]` : '';
      lines.push(`| ${cell(`${opts.pathFor(p.file)}:${p.line}:${p.column}`)} | ${p.severity} | ${cell(`${p.message}${rec}`)} | \`${p.rule}\` |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
