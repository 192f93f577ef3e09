import { isQuarterText } from '../calendar/time';
import * as path from 'node:path';
import { Command } from 'commander';
import { checkLocks, type LockOutcome, RULE_CHANGED, RULE_MISSING, RULE_TABLE } from '../lock/check';
import { checkFolder } from '../checks';
import { CHECK_NAMES } from '../core/problems';
import { existingLocksOf, renderLock, writeNewLockFile } from '../lock/file';
import { buildLock, describeChanges, lockFileOf, quarterIsOver, LOCKS_DIR } from '../lock/model';
import { renderText } from '../render/problems';
import { escapeTerminal } from '../render/escape';
import { quarterlyTable } from '../reports/quarterly';
import { provenance } from '../util/git';
import { EXIT_INVALID, EXIT_OK, UsageError, nowOf, progressLine, resolveFolder, type Io, cacheFor, workersFor } from './common';
import { asOfOption, prepareReport, quarterOption } from './report-common';

const HELP = `
What a lock is for:
  At the quarterly review both sides sign the quarter's table (分值及考核汇总表). A lock
  records what they signed, in the records folder, next to the evidence: the table's totals
  per category and the content hash of every record behind them. From then on the signed
  quarter cannot drift silently: \`svc-sla validate\` (and so CI and the pre-commit hook)
  fails when
    - a locked record is edited: locked-record-changed, at the record's file:line
    - a locked record is deleted: locked-record-missing, at the lock's line listing it
    - a new or edited record would change the quarter's table (recomputed as of the lock's
      as_of): locked-table-changed, at the lock file, naming the categories that changed and
      the records now counted that the lock does not list
  Reformatting a record, reordering its fields or moving it to another file is not a change:
  the hash covers the record's kind, id and values as written (sha256 of a canonical JSON), so
  a value written differently (2026-07-08T08:45 for 2026-07-08 08:45) is one.

What it writes:
  locks/<quarter>.yaml in the records folder (the one file svc-sla itself writes there):
  quarter, as_of, policy, locked_at and the git commit (for information), the totals per
  category (deductions, bonus, score, findings) and in all, and the records sorted by id with
  their file and sha256. Commit it with the records it describes.

  It refuses (exit 1) to lock invalid records or records that break another lock, and (exit 2)
  a quarter that is not over as of --as-of (give --force to lock it anyway) or one that is
  already locked: a lock is never overwritten.

Removing a lock, deliberately:
  A signed quarter changes only when both sides agree to change it. Then remove the lock in
  a commit of its own that says why, fix the records, and lock the quarter again:
    $ git rm locks/2026-Q3.yaml
    $ git commit -m "Unlock 2026-Q3: GD-2026-0142 restored_at corrected, agreed at the Nov meeting"
    $ svc-sla lock --quarter 2026-Q3 --as-of 2026-11-25
  Without the lock file \`svc-sla validate\` passes again; git keeps the history of both.

Checking the locks:
  --verify checks every lock in locks/ (or the one of --quarter) and prints one line per lock:
  ok, or what changed. Exit 0 when all are intact, 1 otherwise (\`svc-sla validate\` gives the
  details at file:line).

Examples:
  $ svc-sla lock --quarter 2026-Q3 --as-of 2026-10-31 samples/gd-transmission
  $ git add locks/2026-Q3.yaml && git commit -m "Lock 2026-Q3 (signed 2026-11-05)"
  $ svc-sla lock --verify
`;

interface Opts {
  quarter?: string;
  asOf?: string;
  force?: boolean;
  verify?: boolean;
}


export function lockCommand(io: Io): Command {
  return new Command('lock')
    .summary("lock a signed quarter: its table's totals and the hash of every record behind them")
    .description("Lock a signed quarter (locks/<quarter>.yaml): validate then fails when a record behind it changes or disappears, or the quarter's table would change.")
    .argument('[folder]', 'records folder (default: the nearest folder holding svc-sla.yaml)')
    .addOption(quarterOption('the quarter to lock, e.g. 2026-Q3 (with --verify: check only its lock)'))
    .addOption(asOfOption())
    .option('--force', 'lock a quarter that is not over as of --as-of')
    .option('--verify', 'check every lock in locks/: one line per lock; exit 1 when one no longer holds')
    .addHelpText('after', HELP)
    .action((folder: string | undefined, opts: Opts) => {
      if (opts.quarter !== undefined && !isQuarterText(opts.quarter)) throw new UsageError(`--quarter '${opts.quarter}' is not a quarter like 2026-Q3`);
      if (opts.verify) {
        if (opts.asOf !== undefined || opts.force) throw new UsageError('--verify checks each lock as of its own as_of: --as-of and --force do not apply');
        verify(io, folder, opts.quarter);
        return;
      }
      if (opts.quarter === undefined) throw new UsageError('give the quarter to lock (--quarter 2026-Q3), or --verify to check the locks');
      lock(io, folder, opts.quarter, opts);
    });
}

function shown(io: Io, root: string, rel: string): string {
  const abs = path.join(root, ...rel.split('/'));
  const r = path.relative(io.cwd, abs);
  return r === '' || r.startsWith('..') || path.isAbsolute(r) ? abs : r.split(path.sep).join('/');
}

function lock(io: Io, folder: string | undefined, quarter: string, opts: Opts): void {
  const root = resolveFolder(folder, io.cwd);
  const rel = lockFileOf(quarter);
  const existing = existingLocksOf(root, quarter);
  if (existing.length > 0) throw new UsageError(alreadyLocked(io, root, existing[0]!, quarter));

  const ctx = prepareReport(io, root, { asOf: opts.asOf, quarter });
  if (!ctx) return;
  const { ws, policy, asOf } = ctx;
  if (!quarterIsOver(ws.clock, quarter, asOf) && !opts.force) {
    const end = ws.clock.parseQuarter(quarter)!.end - 1;
    throw new UsageError(
      `${quarter} is not over as of ${ws.clock.format(asOf)} (it ends ${ws.clock.format(end)}): a lock is for a finished quarter both sides have signed. ` +
        `Give --as-of after its end (e.g. --as-of ${ws.clock.localDate(end)}), or --force to lock it anyway`,
    );
  }
  const table = quarterlyTable(ctx.evaluations, policy, quarter);
  const prov = provenance(root);
  const data = buildLock({ quarter, asOf, lockedAt: nowOf(io.env), clock: ws.clock, policyId: policy.id, provenance: prov, table, evaluations: ctx.evaluations, records: ws.records });
  try {
    writeNewLockFile(path.join(root, ...rel.split('/')), renderLock(data, rel));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(alreadyLocked(io, root, rel, quarter));
    throw new UsageError(`${shown(io, root, rel)}: cannot write the lock (${code ?? String(err)})`);
  }
  const t = data.total;
  io.out(
    `locked ${quarter} as of ${data.as_of}: deductions ${t.deductions}, bonus ${t.bonus}, ${t.count} findings; ${data.records.length} records hashed\n` +
      `wrote ${shown(io, root, rel)}; commit it with the records:\n` +
      `  git add ${shown(io, root, rel)} && git commit -m "Lock ${quarter} (signed by both sides)"\n`,
  );
  if (prov === null) io.err(`svc-sla: note: ${root} is not in a git repository; the lock holds no commit\n`);
  else if (prov.dirty) io.err('svc-sla: note: the records have uncommitted changes; commit them together with the lock\n');
  io.exitCode = EXIT_OK;
}

function alreadyLocked(io: Io, root: string, rel: string, quarter: string): string {
  return (
    `${shown(io, root, rel)} exists: ${quarter} is already locked, and a lock is never overwritten. ` +
    `To lock it again, remove the lock deliberately first (git rm ${rel} && git commit -m "Unlock ${quarter}: <why>"), then run this again`
  );
}

function verify(io: Io, folder: string | undefined, quarter: string | undefined): void {
  const root = resolveFolder(folder, io.cwd);
  const bar = progressLine(io, 'checking records');
  const ws = checkFolder(root, { progress: bar.progress, cacheDir: cacheFor(io.env), workers: workersFor(io.env), now: nowOf(io.env) });
  bar.done();
  const lockNames: readonly string[] = CHECK_NAMES.locks;
  const result = checkLocks(ws, ws.problems.filter((p) => !lockNames.includes(p.rule)));
  let locks = result.locks;
  if (quarter !== undefined) {
    locks = locks.filter((l) => l.read.lock?.quarter === quarter || path.posix.basename(l.file).replace(/\.ya?ml$/i, '') === quarter);
    if (locks.length === 0) throw new UsageError(`${quarter} is not locked: there is no ${lockFileOf(quarter)}`);
  } else if (locks.length === 0) {
    io.out(`no locks: ${LOCKS_DIR}/ holds no lock file (svc-sla lock --quarter 2026-Q3 makes one)\n`);
    io.exitCode = EXIT_OK;
    return;
  }
  let ok = true;
  for (const l of locks) {
    const line = verdict(l);
    if (!line.ok) ok = false;
    io.out(`${escapeTerminal(l.file)}: ${line.ok ? io.paint.green('ok') : io.paint.red(line.word)} — ${escapeTerminal(line.text)}\n`);
  }
  if (!ok) io.err('svc-sla: run `svc-sla validate` for each problem at file:line\n');
  io.exitCode = ok ? EXIT_OK : EXIT_INVALID;
}

function verdict(l: LockOutcome): { ok: boolean; word: string; text: string } {
  const lock = l.read.lock;
  if (!lock) {
    const p = l.read.problems[0];
    const more = l.read.problems.length > 1 ? ` (and ${l.read.problems.length - 1} more)` : '';
    return { ok: false, word: 'malformed', text: p ? `line ${p.line}: ${p.message}${more}` : 'not a lock file' };
  }
  const parts: string[] = [];
  const changed = l.issues.filter((i) => i.problem.rule === RULE_CHANGED).map((i) => `${i.problem.record} (${i.problem.file}:${i.problem.line})`);
  const missing = l.issues.filter((i) => i.problem.rule === RULE_MISSING).map((i) => `${i.problem.record}`);
  if (changed.length > 0) parts.push(`changed: ${changed.join(', ')}`);
  if (missing.length > 0) parts.push(`missing: ${missing.join(', ')}`);
  if (l.diff && l.issues.some((i) => i.problem.rule === RULE_TABLE)) {
    const cats = l.diff.categories.map((c) => `${c.id} ${describeChanges(c.changes)}`);
    if (l.diff.total.length > 0) cats.push(`total ${describeChanges(l.diff.total)}`);
    parts.push(`table: ${cats.join('; ')}${l.newcomers.length > 0 ? `; not locked but now counted: ${l.newcomers.join(', ')}` : ''}`);
  }
  if (l.tableNotChecked !== null) parts.push(`table not checked: ${l.tableNotChecked}`);
  if (parts.length > 0) return { ok: false, word: l.tableNotChecked !== null && changed.length + missing.length === 0 ? 'not verified' : 'changed', text: parts.join('; ') };
  const t = lock.total;
  return { ok: true, word: 'ok', text: `${lock.quarter} as of ${lock.as_of}: ${lock.records.length} records, deductions ${t.deductions}, bonus ${t.bonus}, ${t.count} findings` };
}

