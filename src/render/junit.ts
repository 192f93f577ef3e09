/**
 * JUnit XML, which GitLab (artifacts:reports:junit), Jenkins, Azure Pipelines and most CI
 * servers show as test results: one test case per problem (an error fails it; a warning passes,
 * with the warning as its output), or one passing case when there is none to report.
 */
import { countProblems, type Problem } from '../core/problems';
import { summaryLine, type ValidationSummary } from './problems';

/** XML 1.0 text: the five special characters escaped, characters XML cannot hold dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function renderJunit(s: ValidationSummary, opts: { quiet: boolean; pathFor: (file: string) => string }): string {
  const shown: readonly Problem[] = opts.quiet ? s.problems.filter((p) => p.severity === 'error') : s.problems;
  const { errors } = countProblems(shown);
  const cases: string[] = shown.map((p) => {
    const file = opts.pathFor(p.file);
    const where = `${file}:${p.line}:${p.column}`;
    const rec = p.record !== null ? ` [${p.record}]` : '';
    const text = `${where}: ${p.severity} ${p.message}${rec} (${p.rule})`;
    const head = `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(`${p.line}:${p.column} ${p.rule}${rec}`)}" file="${xmlEscape(file)}" line="${p.line}"`;
    return p.severity === 'error'
      ? `${head}>\n      <failure type="${xmlEscape(p.rule)}" message="${xmlEscape(`${p.message}${rec}`)}">${xmlEscape(text)}</failure>\n    </testcase>`
      : `${head}>\n      <system-out>${xmlEscape(text)}</system-out>\n    </testcase>`;
  });
  if (cases.length === 0) cases.push(`    <testcase classname="svc-sla validate" name="${xmlEscape(summaryLine(s))}"/>`);
  const tests = cases.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="svc-sla validate" tests="${tests}" failures="${errors}" errors="0">`,
    `  <testsuite name="svc-sla validate" tests="${tests}" failures="${errors}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
