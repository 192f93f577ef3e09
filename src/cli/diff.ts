import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { Clock } from '../calendar/time';
import type { Lang } from '../core/lang';
import { countProblems, hasErrors } from '../core/problems';
import { CONFIG_FILE } from '../load/discover';
import { checkFolder, type CheckedFolder } from '../checks';
import { diffFindings, type DiffModel, type DiffSide } from '../reports/diff';
import { loadPolicy } from '../policy/load';
import { provenance } from '../util/git';
import type { Period } from '../reports/findings';
import { DIFF_FORMATS } from '../render/diff';
import type { RenderContext } from '../render/formats';
import { renderText } from '../render/problems';
import { plain } from '../render/style';
import { evaluate } from '../rules/engine';
import { memoryFiles } from '../source/fs';
import { filesAt, folderDirty, GitError, headCommit, repoOf, resolveCommit, type Repo } from '../util/git-revision';
import { EXIT_INVALID, UsageError, cacheFor, nowOf, resolveFolder, workersFor, type Io } from './common';
import { emit, type OutputOptions } from './output';
import { asOfOption, langOption, parseAsOf, parsePeriod, type ReportOptions } from './report-common';

const HELP = `
Computes the findings of one period twice — from the records folder as it was at git revision
<rev>, and at <rev2> (default: the work tree, uncommitted edits included) — and prints what an
edit or a rule change did: the findings removed, added and changed (points, due moment, status
or actual time moved), each with its record and clause, and the table's deductions and bonus
per category before and after.

The revision is read from git's object store into memory: the work tree, the index and
HEAD are never touched, and no lock is taken. A revision the repository does not have, or a
folder that is not in a git work tree, is a usage error (exit 2). Records that are invalid at
either revision are reported as every report reports them (exit 1). A second argument that is
a records folder (it holds svc-sla.yaml) is the folder, not <rev2>. The folder's policy is
read at each revision, so a policy edit shows too (a custom policy file must lie inside the
records folder for its old version to be read).

Formats: text (default), md, csv, json ({from, to, period, added, removed, changed: [{what,
before, after}], totals: {before, after}, categories} — see schemas/output-diff.schema.json).
The exit code is 0 whether or not anything changed.

--policy FILE compares policies instead of revisions: the work tree's records under the
folder's policy (before) and under FILE (after), a policy file or a built-in name — "what
would the new contract have cost us last year?". The records are checked as the folder's
policy reads them.

Examples:
  $ svc-sla diff HEAD --quarter 2026-Q3                   # what my uncommitted edits do
  $ svc-sla diff v2026-Q3-signed HEAD --quarter 2026-Q3 records/
  $ svc-sla diff HEAD~5 --month 2026-09 --format md > what-changed.md
  $ svc-sla diff main --from 2026-07-01 --to 2026-08-15 --format json | jq .totals
  $ svc-sla diff --policy policies/gd-2027.yaml --from 2026-01-01 --to 2026-12-31
`;

interface Opts extends ReportOptions, OutputOptions {
  policy?: string;
}

/** `<rev> [<rev2>] [folder]`: a second argument that is a records folder is the folder. */
function splitArgs(io: Io, a: string | undefined, b: string | undefined): { rev2: string | undefined; folder: string | undefined } {
  if (b !== undefined) return { rev2: a, folder: b };
  if (a !== undefined) {
    const abs = path.resolve(io.cwd, a);
    if (fs.existsSync(path.join(abs, CONFIG_FILE))) return { rev2: undefined, folder: a };
  }
  return { rev2: a, folder: undefined };
}

/** The records at one side, checked; null (exit 1, the problems printed) when they are invalid. */
function openSide(io: Io, root: string, repo: Repo, rev: string | null, label: string): CheckedFolder | null {
  const now = nowOf(io.env);
  let ws: CheckedFolder;
  if (rev === null) ws = checkFolder(root, { cacheDir: cacheFor(io.env), workers: workersFor(io.env), now });
  else {
    const files = filesAt(repo, rev);
    if (files[CONFIG_FILE] === undefined) {
      throw new UsageError(`${repo.prefix === '' ? 'the repository' : repo.prefix} has no ${CONFIG_FILE} at revision ${label}: the records folder was not there then`);
    }
    ws = checkFolder(root, { files: memoryFiles(root, files), now });
  }
  if (hasErrors(ws.problems) || ws.policy === null) {
    io.err(`svc-sla: ${label}:\n`);
    io.err(renderText({ records: ws.recordCount, files: ws.fileCount, problems: ws.problems }, { quiet: true }));
    io.err(`svc-sla: the records at ${label} are invalid; a report is never computed from invalid records\n`);
    io.exitCode = EXIT_INVALID;
    return null;
  }
  return ws;
}

function evaluateSide(io: Io, ws: CheckedFolder, asOf: number, period: Period, label: string): DiffSide['evaluations'] | null {
  const r = evaluate({ records: ws.records, policy: ws.policy!, clock: ws.clock, calendar: ws.calendar, asOf, contractStart: ws.config.contract_start, since: period.start });
  if (r.gaps.length > 0) {
    const firstYear = Math.min(...r.gaps.map((g) => g.year));
    if (period.end > ws.clock.startOfDay(`${firstYear}-01-01`)) {
      io.err(`svc-sla: ${label}:\n`);
      io.err(renderText({ records: ws.recordCount, files: ws.fileCount, problems: r.problems }, { quiet: true }));
      io.exitCode = EXIT_INVALID;
      return null;
    }
  }
  return r.evaluations;
}

export function diffCommand(io: Io): Command {
  const cmd = new Command('diff')
    .summary('what an edit or a rule change does to a period: findings added, removed, changed')
    .description('Compares the findings of a period at two git revisions of the records (or a revision and the work tree): added, removed, changed, and the totals per category.')
    .argument('[rev]', 'the git revision before: HEAD, a branch, a tag, a commit (none with --policy)')
    .argument('[rev2]', 'the git revision after (default: the work tree)')
    .argument('[folder]', 'records folder (default: the nearest folder holding svc-sla.yaml)')
    .option('--quarter <quarter>', 'the findings counted in this quarter, e.g. 2026-Q3')
    .option('--month <month>', 'the findings whose due moment is in this month, e.g. 2026-09')
    .option('--from <date>', 'the findings due on or after this date')
    .option('--to <date>', 'the findings due on or before this date (inclusive)')
    .addOption(asOfOption())
    .option('--policy <file>', "instead of two revisions: the work tree's records under the folder's policy and under this one (a file or a built-in name)")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'csv', 'json']).default('text'))
    .addOption(langOption())
    .option('-o, --output <file>', 'write to this file instead of standard output (written whole or not at all)')
    .addOption(new Option('--encoding <encoding>', 'CSV encoding: utf-8 (with BOM, the default) or gb18030').choices(['utf-8', 'gb18030']));
  return cmd.addHelpText('after', HELP).action((rev: string | undefined, a: string | undefined, b: string | undefined, opts: Opts) => {
    if (opts.encoding !== undefined && opts.format !== 'csv') throw new UsageError(`--encoding applies to --format csv only (the ${opts.format} format is always UTF-8)`);
    if (opts.output !== undefined && opts.output.trim() === '') throw new UsageError('-o needs a file name');
    if (opts.quarter === undefined && opts.month === undefined && opts.from === undefined && opts.to === undefined) {
      throw new UsageError('diff compares one period: give --quarter, --month or --from/--to');
    }
    // the period's syntax before any work (the folder's zone places it later)
    parsePeriod(opts, new Clock());
    if (opts.policy !== undefined) return policyDiff(io, [rev, a, b].filter((x): x is string => x !== undefined), opts.policy, opts);
    if (rev === undefined) throw new UsageError('give the revision to compare with (e.g. diff HEAD --quarter 2026-Q3), or --policy FILE');
    if (a === undefined && fs.existsSync(path.join(path.resolve(io.cwd, rev), CONFIG_FILE))) {
      throw new UsageError(`'${rev}' is a records folder: give the revision first (svc-sla diff HEAD ${rev} …), or --policy FILE`);
    }
    const { rev2, folder } = splitArgs(io, a, b);
    const root = resolveFolder(folder, io.cwd);
    let repo: Repo;
    let fromCommit: string;
    let toCommit: string | null;
    try {
      repo = repoOf(root);
      fromCommit = resolveCommit(repo, rev);
      toCommit = rev2 === undefined ? null : resolveCommit(repo, rev2);
    } catch (err) {
      if (err instanceof GitError) throw new UsageError(err.message);
      throw err;
    }
    const after = openSide(io, root, repo, toCommit, rev2 ?? 'the work tree');
    if (!after) return;
    const before = openSide(io, root, repo, fromCommit, rev);
    if (!before) return;
    const clock = after.clock;
    const period = parsePeriod(opts, clock)!;
    const asOf = parseAsOf(opts.asOf, clock, nowOf(io.env));
    const evBefore = evaluateSide(io, before, asOf, period, rev);
    if (!evBefore) return;
    const evAfter = evaluateSide(io, after, asOf, period, rev2 ?? 'the work tree');
    if (!evAfter) return;
    const head = toCommit === null ? headCommit(repo) : toCommit;
    const dirty = toCommit === null && folderDirty(repo);
    const model = diffFindings(
      { rev, commit: fromCommit, dirty: false, policy: before.policy!, evaluations: evBefore },
      { rev: rev2 ?? null, commit: head, dirty, policy: after.policy!, evaluations: evAfter },
      period,
    );
    output(io, after, model, asOf, period, { commit: head, dirty }, opts);
  });
}

function output(io: Io, after: CheckedFolder, model: DiffModel, asOf: number, period: Period, provenance: { commit: string | null; dirty: boolean } | null, opts: Opts): void {
  const clock = after.clock;
  const lang = (opts.lang ?? after.config.locale) as Lang;
  const warnings = countProblems(after.problems).warnings;
  const rc: RenderContext = {
    header: { contract: after.config.contract, period: period.label, asOf: clock.format(asOf), policyId: after.policy!.id, provenance, warnings, gaps: [] },
    policy: model.to.policy,
    clock,
    lang,
    colour: opts.output === undefined && io.stdoutIsTty && io.paint !== plain,
    paint: io.paint,
    calendar: after.calendar,
  };
  const format = (opts.format ?? 'text') as 'text' | 'md' | 'csv' | 'json';
  emit(io, DIFF_FORMATS[format](model, rc), opts, lang, after.root);
}

/** `--policy FILE`: the work tree's records under the folder's policy, then under FILE. */
function policyDiff(io: Io, positional: readonly string[], policyArg: string, opts: Opts): void {
  if (positional.length > 1) throw new UsageError(`with --policy, give only the records folder (got ${positional.join(' ')})`);
  const root = resolveFolder(positional[0], io.cwd);
  const loaded = loadPolicy(policyArg, io.cwd);
  if (!loaded.policy) {
    const missing = loaded.problems.find((p) => p.rule === 'policy-not-found');
    if (missing) throw new UsageError(`--policy ${policyArg}: ${missing.message}`);
    io.err(renderText({ records: 0, files: 1, problems: loaded.problems }, { quiet: true }));
    io.err(`svc-sla: --policy ${policyArg} is not a usable policy (svc-sla policy check ${policyArg})\n`);
    io.exitCode = EXIT_INVALID;
    return;
  }
  const ws = checkFolder(root, { cacheDir: cacheFor(io.env), workers: workersFor(io.env), now: nowOf(io.env) });
  if (hasErrors(ws.problems) || ws.policy === null) {
    io.err(renderText({ records: ws.recordCount, files: ws.fileCount, problems: ws.problems }, { quiet: true }));
    io.err('svc-sla: the records are invalid; fix them (svc-sla validate) before computing a report\n');
    io.exitCode = EXIT_INVALID;
    return;
  }
  const period = parsePeriod(opts, ws.clock)!;
  const asOf = parseAsOf(opts.asOf, ws.clock, nowOf(io.env));
  const evBefore = evaluateSide(io, ws, asOf, period, ws.policy.id);
  if (!evBefore) return;
  const other: CheckedFolder = { ...ws, policy: loaded.policy };
  const evAfter = evaluateSide(io, other, asOf, period, loaded.policy.id);
  if (!evAfter) return;
  const model = diffFindings(
    { rev: null, commit: null, dirty: false, policy: ws.policy, byPolicy: true, evaluations: evBefore },
    { rev: null, commit: null, dirty: false, policy: loaded.policy, byPolicy: true, evaluations: evAfter },
    period,
  );
  output(io, ws, model, asOf, period, provenance(ws.root), opts);
}
