/** The renderings of validation problems: text for people, JSON for programs, GitHub annotations and GitLab Code Quality for CI. */
import { createHash } from 'node:crypto';
import { countProblems, type Problem } from '../core/problems';
import { escapeTerminal } from './escape';
import { plain, type Paint } from './style';

export interface ValidationSummary {
  readonly records: number;
  readonly files: number;
  readonly problems: readonly Problem[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The closing count line, also printed after GitHub annotations (GitHub shows only 10 of each). */
export function summaryLine(s: ValidationSummary, paint: Paint = plain): string {
  const { errors, warnings } = countProblems(s.problems);
  const scope = `${plural(s.records, 'record')} in ${plural(s.files, 'file')}`;
  if (errors === 0) {
    return paint.green(`✔ ${scope}: valid`) + (warnings > 0 ? paint.yellow(` (${plural(warnings, 'warning')})`) : '');
  }
  return paint.red(`✖ ${plural(errors, 'error')}`) + (warnings > 0 ? paint.yellow(`, ${plural(warnings, 'warning')}`) : '') + ` in ${scope}`;
}

/** Text from the records in a problem line: one line, every control and bidi character shown escaped. */
function oneLine(s: string): string {
  return escapeTerminal(s, { tabs: true });
}

/** Grouped by file, one line per problem: `  line:col  error  message  [record] rule`. */
export function renderText(s: ValidationSummary, opts: { quiet: boolean; paint?: Paint }): string {
  const paint = opts.paint ?? plain;
  const shown = opts.quiet ? s.problems.filter((p) => p.severity === 'error') : s.problems;
  const lines: string[] = [];
  let file: string | null = null;
  const posWidth = Math.max(0, ...shown.map((p) => `${p.line}:${p.column}`.length));
  for (const p of shown) {
    if (p.file !== file) {
      if (file !== null) lines.push('');
      lines.push(paint.underline(oneLine(p.file)));
      file = p.file;
    }
    const pos = `${p.line}:${p.column}`.padEnd(posWidth);
    const sev = p.severity === 'error' ? paint.red('error  ') : paint.yellow('warning');
    const rec = p.record !== null ? ` [${oneLine(p.record)}]` : '';
    lines.push(`  ${paint.dim(pos)}  ${sev}  ${oneLine(p.message)}${paint.dim(`${rec}  ${p.rule}`)}`);
  }
  if (!opts.quiet || countProblems(s.problems).errors > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(summaryLine({ ...s, problems: shown }, paint));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function renderJson(s: ValidationSummary): string {
  const strip = (p: Problem) => ({ file: p.file, line: p.line, column: p.column, kind: p.kind, record: p.record, rule: p.rule, message: p.message });
  const out = {
    valid: countProblems(s.problems).errors === 0,
    records: s.records,
    errors: s.problems.filter((p) => p.severity === 'error').map(strip),
    warnings: s.problems.filter((p) => p.severity === 'warning').map(strip),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** GitHub workflow-command escaping: data and property values differ. */
function escapeData(s: string): string {
  // line breaks are the annotation's own (%0A); any other control would act on the log's terminal
  return escapeTerminal(s, { newlines: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=…,line=…,col=…,title=…::message`. `pathFor` turns a records-relative path into
 * the repository-relative one GitHub needs to put the annotation on the right line.
 */
export function renderGithub(s: ValidationSummary, opts: { quiet: boolean; pathFor: (file: string) => string }): string {
  const shown = opts.quiet ? s.problems.filter((p) => p.severity === 'error') : s.problems;
  const lines = shown.map((p) => {
    const props = [`file=${escapeProperty(opts.pathFor(p.file))}`, `line=${p.line}`, `col=${p.column}`, `title=${escapeProperty(p.rule)}`].join(',');
    const rec = p.record !== null ? ` [${p.record}]` : '';
    return `::${p.severity} ${props}::${escapeData(`${p.message}${rec}`)}`;
  });
  lines.push(summaryLine({ ...s, problems: shown }));
  return `${lines.join('\n')}\n`;
}

/** One entry of a GitLab Code Quality report (the Code Climate issue subset GitLab reads). */
export interface GitlabIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'major' | 'minor';
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/**
 * A stable id per problem, for CI systems that compare reports of two runs (GitLab Code Quality,
 * SARIF's partialFingerprints). The line is left out (moving a record must not make its problem
 * "new"); identical problems in one file get an occurrence number so that none is folded into another.
 */
export function problemFingerprints(problems: readonly Problem[], pathFor: (file: string) => string): string[] {
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const key = [pathFor(p.file), p.rule, p.message, p.record ?? ''].join('\0');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha1')
      .update(n === 0 ? key : `${key}\0${n}`)
      .digest('hex');
  });
}

/** GitLab Code Quality JSON: an array of issues, `major` for errors and `minor` for warnings. */
export function renderGitlab(s: ValidationSummary, opts: { quiet: boolean; pathFor: (file: string) => string }): string {
  const shown = opts.quiet ? s.problems.filter((p) => p.severity === 'error') : s.problems;
  const fingerprints = problemFingerprints(shown, opts.pathFor);
  const issues: GitlabIssue[] = shown.map((p, i) => {
    const rec = p.record !== null ? ` [${p.record}]` : '';
    return {
      description: `${p.message}${rec}`,
      check_name: p.rule,
      fingerprint: fingerprints[i]!,
      severity: p.severity === 'error' ? 'major' : 'minor',
      location: { path: opts.pathFor(p.file), lines: { begin: p.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
