import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { fileTypeOf, findRecordsFolder } from '../load/discover';
import { hasErrors, type Problem } from '../core/problems';
import { checkFolder } from '../checks';
import { diskFiles } from '../source/fs';
import { renderGithub, renderGitlab, renderJson, renderText, summaryLine } from '../render/problems';
import { renderJunit } from '../render/junit';
import { renderSarif } from '../render/sarif';
import { renderStepSummary } from '../render/step-summary';
import type { Clock } from '../calendar/time';
import { EXIT_INVALID, EXIT_OK, UsageError, repoRelative, resolveFolder, type Io, progressLine, cacheFor, workersFor, nowOf } from './common';
import { asOfOption, parseAsOf } from './report-common';

const VERSION: string = require('../../package.json').version;

const HELP = `
Checks every record of the folder against the JSON Schemas in schemas/ and the contract's
logic (unique ids, times in order, fields required by condition, known cities and clauses).
Each problem is reported at file:line:column with the name of the check that found it.

Give the records folder, or nothing to use the nearest folder upward that holds svc-sla.yaml.
Give record files instead (as pre-commit does) to report only problems in those files; the
cross-record checks still see the whole folder. Files may lie in several records folders: each
folder is checked and the problems are merged, with paths relative to the current folder.
Files outside any records folder, and files a records folder does not read (.github/...,
.pre-commit-config.yaml), are ignored; svc-sla.yaml is checked as the folder's config.

Evidence locks: when locks/ holds locks of signed quarters (svc-sla lock --help), a locked
record that changed (locked-record-changed) or disappeared (locked-record-missing), and a
change that would alter a locked quarter's table (locked-table-changed), are errors too.

Formats:
  text     grouped by file, coloured on a terminal (NO_COLOR turns colour off)
  json     {valid, records, errors: [{file, line, column, kind, record, rule, message}], warnings}
  github   GitHub Actions annotations (chosen by default when GITHUB_ACTIONS=true)
  gitlab   GitLab Code Quality report (JSON array; save it as a codequality artifact)
  sarif    SARIF 2.1.0 log, for GitHub code scanning (upload-sarif) and SARIF viewers: each
           check is a rule, with its meaning from docs/records.md as help
  junit    JUnit XML test report (GitLab artifacts:reports:junit, Jenkins, Azure): one test
           case per problem, an error failing it
With gitlab, sarif and junit, stdout is the report; the count line goes to stderr.

When GITHUB_STEP_SUMMARY is set (in every GitHub Actions step), a Markdown summary is appended
to that file, whatever the format: the count, problems counted by check, and the first 30
problems with their places (GitHub shows only 10 annotations of each kind per step).

Large folders (500 files or more) keep a cache of checked files in ~/.cache/svc-sla (or
$XDG_CACHE_HOME/svc-sla), keyed by path, modification time and size, never in the records
folder; an unchanged file is not read again. It is off under CI (CI=true) and with
SVC_SLA_CACHE=off; SVC_SLA_CACHE=/some/dir puts it elsewhere. Folders of 3,000 files or more
are checked on two cores when the machine has them; SVC_SLA_WORKERS=off keeps to one.

What lies ahead of today (or of --as-of, to check as on another day): an event time after it is
a warning (future-time: reports count it as not yet happened, most often a typo in the year),
and from 60 days before the working-day calendar's last known day, a missing next year's
calendars/<year>.yaml is a warning (calendar-ahead).

Exit codes: 0 valid (warnings allowed), 1 invalid records, 2 usage error or unreadable folder.

Examples:
  $ svc-sla validate samples/gd-transmission
  $ svc-sla validate --format json > problems.json
  $ svc-sla validate tickets/2026/09/GD-0142.yaml       # only this file's problems
  $ svc-sla validate --format gitlab > gl-code-quality-report.json
  $ svc-sla validate --format sarif > svc-sla.sarif
  $ svc-sla validate --format junit > svc-sla-junit.xml
`;

export function validateCommand(io: Io): Command {
  return new Command('validate')
    .summary('check records against the schemas and the contract logic')
    .description('Check every record against the JSON Schemas and the contract logic; errors at file:line:column.')
    .argument('[paths...]', 'records folder, or record files inside one (default: the nearest folder holding svc-sla.yaml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github', 'gitlab', 'sarif', 'junit']))
    .option('-q, --quiet', 'print errors only: no warnings, nothing at all when valid')
    .addOption(asOfOption())
    .addHelpText('after', HELP)
    .action((paths: string[], opts: { format?: string; quiet?: boolean; asOf?: string }) => {
      const targets = resolveTargets(paths, io.cwd);
      const several = targets.length > 1;
      let records = 0;
      let files = 0;
      const problems: Problem[] = [];
      // the repository-relative path of each problem's file, for the CI formats
      const repoPaths = new Map<string, string>();
      for (const { root, only } of targets) {
        const bar = progressLine(io, 'checking records');
        const now = (clock: Clock): number => parseAsOf(opts.asOf, clock, nowOf(io.env));
        const ws = checkFolder(root, { progress: bar.progress, cacheDir: cacheFor(io.env), workers: workersFor(io.env), now });
        bar.done();
        records += ws.recordCount;
        files += ws.fileCount;
        const toRepo = repoRelative(root, io.cwd);
        for (const p of ws.problems) {
          if (only && !only.has(p.file) && !(p.about ?? []).some((f) => only.has(f))) continue;
          // paths relative to one records folder are ambiguous once there are several
          const file = several ? path.relative(io.cwd, path.join(root, p.file)).split(path.sep).join('/') : p.file;
          repoPaths.set(file, toRepo(p.file));
          problems.push(file === p.file ? p : { ...p, file });
        }
      }
      if (several) problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)); // stable: lines stay in order
      const summary = { records, files, problems };
      const pathFor = (file: string): string => repoPaths.get(file) ?? file;
      const format = opts.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text');
      const quiet = opts.quiet === true;
      if (format === 'json') io.out(renderJson(summary));
      else if (format === 'github') io.out(renderGithub(summary, { quiet, pathFor }));
      else if (format === 'gitlab' || format === 'sarif' || format === 'junit') {
        if (format === 'gitlab') io.out(renderGitlab(summary, { quiet, pathFor }));
        else if (format === 'sarif') io.out(renderSarif(summary, { quiet, pathFor, version: VERSION }));
        else io.out(renderJunit(summary, { quiet, pathFor }));
        // stdout is the report file; the job log still gets the count
        if (!quiet || hasErrors(problems)) io.err(`${summaryLine(summary)}\n`);
      } else if (targets.length === 0) {
        // pre-commit with only non-record YAML staged (a workflow, mkdocs.yml): say so, don't fake a count
        const which = paths.length === 1 ? 'the file is not' : `none of the ${paths.length} files is`;
        if (!quiet) io.out(`nothing to check: ${which} in a records folder (no svc-sla.yaml above ${paths.length === 1 ? 'it' : 'them'})\n`);
      } else io.out(renderText(summary, { quiet, paint: io.paint }));
      const stepSummary = io.env.GITHUB_STEP_SUMMARY;
      if (stepSummary && targets.length > 0) {
        try {
          fs.appendFileSync(stepSummary, renderStepSummary(summary, { pathFor }));
        } catch (err) {
          io.err(`svc-sla validate: warning: cannot append to GITHUB_STEP_SUMMARY (${stepSummary}): ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
        }
      }
      io.exitCode = hasErrors(problems) ? EXIT_INVALID : EXIT_OK;
    });
}

interface Target {
  readonly root: string;
  /** files to report, relative to root; null = the whole folder */
  readonly only: Set<string> | null;
}

/**
 * A folder, or files grouped by the records folder each lies in. A file outside every records
 * folder is not a record (pre-commit passes every staged YAML file of the repository): ignored.
 */
function resolveTargets(paths: readonly string[], cwd: string): Target[] {
  if (paths.length === 0) return [{ root: resolveFolder(undefined, cwd), only: null }];
  if (paths.length === 1) {
    const abs = path.resolve(cwd, paths[0]!);
    const missingFile = !fs.existsSync(abs) && fileTypeOf(abs) !== null;
    if (!missingFile && (!fs.existsSync(abs) || fs.statSync(abs).isDirectory())) return [{ root: resolveFolder(paths[0], cwd), only: null }];
  }
  const byRoot = new Map<string, Set<string>>();
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (!fs.existsSync(abs)) throw new UsageError(`${p}: no such file`);
    if (fs.statSync(abs).isDirectory()) throw new UsageError(`${p}: give either one records folder or record files, not both`);
    const r = findRecordsFolder(diskFiles, path.dirname(abs));
    if (r === null) continue;
    let only = byRoot.get(r);
    if (!only) byRoot.set(r, (only = new Set()));
    only.add(path.relative(r, abs).split(path.sep).join('/'));
  }
  return [...byRoot].map(([root, only]) => ({ root, only }));
}
