/**
 * The lock checks `validate` runs: every record a lock lists must still exist with the same
 * content hash, and the locked quarter's table, recomputed as of the lock's as-of time, must
 * still add up to the locked totals. Costs nothing when locks/ holds no lock file; the engine
 * runs once per distinct as-of time, and only when the records are otherwise valid.
 */
import { compareProblems, hasErrors, problemAt, type CheckName, type Problem } from '../core/problems';
import type { Rec } from '../core/records';
import type { Folder } from '../load/folder';
import { quarterlyTable } from '../reports/quarterly';
import { evaluate, isFinding, type EngineResult, type Evaluation } from '../rules/engine';
import { listLockFiles, readLockFile, type ReadLock } from './file';
import { recordHash } from './hash';
import { contributors, describeChanges, diffTable, isUnchanged, type Lock, type TableDiff } from './model';

export const RULE_CHANGED: CheckName = 'locked-record-changed';
export const RULE_MISSING: CheckName = 'locked-record-missing';
export const RULE_TABLE: CheckName = 'locked-table-changed';

/** A lock problem and the record files it is about (for validate given only some files). */
export interface LockIssue {
  readonly problem: Problem;
  readonly about: readonly string[];
}

export interface LockOutcome {
  readonly file: string;
  readonly read: ReadLock;
  readonly issues: readonly LockIssue[];
  /** why the table could not be recomputed (invalid records), or null when it was */
  readonly tableNotChecked: string | null;
  readonly diff: TableDiff | null;
  /** records now counted in the quarter that the lock does not list, as `id (file:line)` */
  readonly newcomers: readonly string[];
}

export interface LockCheck {
  readonly locks: readonly LockOutcome[];
  /** every lock problem, sorted by file, line and column; each names the record files it is about */
  readonly problems: readonly Problem[];
}

const NO_LOCKS: LockCheck = { locks: [], problems: [] };

function removeHint(lockFile: string): string {
  return `remove the lock deliberately (git rm ${lockFile}, saying why in the commit message)`;
}

function commitOf(lock: Lock): string | null {
  return lock.provenance && lock.provenance.commit && !lock.provenance.dirty ? lock.provenance.commit.slice(0, 12) : null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Every lock of the folder against its records. `wsProblems`: what the other checks found (a
 * locked record that fails them is reported by that problem, and the table is recomputed only
 * from valid records).
 */
export function checkLocks(ws: Folder, wsProblems: readonly Problem[]): LockCheck {
  const files = listLockFiles(ws.files, ws.root);
  if (files.length === 0) return NO_LOCKS;

  const byId = new Map<string, Rec>();
  for (const r of ws.records) if (!byId.has(r.id)) byId.set(r.id, r);
  // a locked record that fails validation (or whose file does) is reported by that error, not as missing
  const erring = new Set<string>();
  const erringFiles = new Set<string>();
  for (const p of wsProblems) {
    if (p.severity !== 'error') continue;
    if (p.record !== null) erring.add(p.record);
    erringFiles.add(p.file);
  }
  const recordsValid = !hasErrors(wsProblems) && ws.policy !== null;
  const runs = new Map<number, EngineResult>();
  const evaluateAt = (asOf: number): EngineResult => {
    let r = runs.get(asOf);
    if (!r) {
      r = evaluate({ records: ws.records, policy: ws.policy!, clock: ws.clock, calendar: ws.calendar, asOf, contractStart: ws.config.contract_start });
      runs.set(asOf, r);
    }
    return r;
  };

  const hashes = new Map<string, string>();
  const hashOf = (r: Rec): string => {
    let h = hashes.get(r.id);
    if (h === undefined) hashes.set(r.id, (h = recordHash(r)));
    return h;
  };

  const locks: LockOutcome[] = [];
  for (const file of files) {
    const read = readLockFile(ws.files, ws.root, file, ws.clock);
    if (!read.lock) {
      locks.push({ file, read, issues: read.problems.map((problem) => ({ problem, about: [] })), tableNotChecked: 'the lock file is malformed', diff: null, newcomers: [] });
      continue;
    }
    const lock = read.lock;
    const issues: LockIssue[] = [];
    const commit = commitOf(lock);
    const changedIds: Rec[] = [];
    const missingIds: string[] = [];

    lock.records.forEach((entry, i) => {
      const rec = byId.get(entry.id);
      if (!rec) {
        if (erring.has(entry.id) || erringFiles.has(entry.file)) return;
        missingIds.push(entry.id);
        const pos = read.locate(['records', i]);
        const restore = commit ? `restore it (git checkout ${commit} -- ${entry.file})` : 'restore it from git';
        issues.push({
          problem: problemAt(
            { file, line: pos.line, column: pos.column },
            RULE_MISSING,
            `${entry.id} (${entry.kind}, in ${entry.file} when locked) is locked by ${file} (${lock.quarter}, signed) and no longer exists: ${restore}, or ${removeHint(file)}`,
            { kind: entry.kind, record: entry.id },
          ),
          about: [entry.file],
        });
        return;
      }
      if (rec.kind === entry.kind && hashOf(rec) === entry.sha256) return;
      changedIds.push(rec);
      const diff = commit ? ` (git diff ${commit} -- ${entry.file})` : '';
      const moved = rec.kind !== entry.kind ? ` (it was ${entry.kind}, now ${rec.kind})` : '';
      issues.push({
        problem: problemAt(rec.source, RULE_CHANGED, `${rec.id} is locked by ${file} (${lock.quarter}, signed) and has changed${moved}: revert it${diff}, or ${removeHint(file)}`, {
          kind: rec.kind,
          record: rec.id,
        }),
        about: [rec.source.file],
      });
    });

    let tableNotChecked: string | null = null;
    let diff: TableDiff | null = null;
    let newcomers: string[] = [];
    if (!recordsValid) {
      tableNotChecked = 'the records are invalid (svc-sla validate)';
    } else {
      const run = evaluateAt(read.asOf!);
      if (run.problems.length > 0) {
        tableNotChecked = run.problems[0]!.message;
      } else {
        const table = quarterlyTable(run.evaluations, ws.policy!, lock.quarter);
        diff = diffTable(lock, table);
        if (!isUnchanged(diff)) {
          const t = tableIssue(file, read, lock, diff, run.evaluations, ws, changedIds, missingIds);
          issues.push(t.issue);
          newcomers = t.newcomers;
        }
      }
    }
    locks.push({ file, read, issues, tableNotChecked, diff, newcomers });
  }

  const problems: Problem[] = [];
  for (const l of locks) for (const i of l.issues) problems.push(i.about.length > 0 ? { ...i.problem, about: i.about } : i.problem);
  problems.sort(compareProblems);
  return { locks, problems };
}

function tableIssue(
  file: string,
  read: ReadLock,
  lock: Lock,
  diff: TableDiff,
  evaluations: readonly Evaluation[],
  ws: Folder,
  changed: readonly Rec[],
  missing: readonly string[],
): { issue: LockIssue; newcomers: string[] } {
  const first = diff.categories[0];
  const pos = first ? read.locate(first.index === null ? ['categories'] : ['categories', first.index]) : read.locate(['total']);
  const parts = diff.categories.map((c) => `${c.id} ${describeChanges(c.changes)}${c.index === null ? ' (a category the lock does not list)' : ''}`);
  if (diff.total.length > 0) parts.push(`total ${describeChanges(diff.total)}`);

  // records now counted in the quarter that the lock does not list: the likely cause
  const locked = new Set(lock.records.map((r) => r.id));
  const changedCats = new Set(diff.categories.map((c) => c.id));
  const fresh = (pick: (e: Evaluation) => boolean): Rec[] => {
    const evs = evaluations.filter((e) => e.quarter === lock.quarter && e.record !== null && !locked.has(e.record) && pick(e));
    return contributors(evs, ws.records, lock.quarter);
  };
  let newcomers = fresh((e) => isFinding(e) && changedCats.has(e.category));
  if (newcomers.length === 0) newcomers = fresh(() => true);
  const where = (r: Rec): string => `${r.id} (${r.source.file}:${r.source.line})`;
  let cause = '';
  if (newcomers.length > 0) cause += `; now counted in ${lock.quarter} but not locked: ${newcomers.slice(0, 10).map(where).join(', ')}${newcomers.length > 10 ? `, and ${newcomers.length - 10} more` : ''}`;
  if (changed.length > 0) cause += `; locked and changed: ${changed.map(where).join(', ')}`;
  if (missing.length > 0) cause += `; locked and gone: ${missing.join(', ')}`;
  if (ws.policy && ws.policy.id !== lock.policy) cause += `; the policy is now ${ws.policy.id}, the lock was made under ${lock.policy}`;
  const issue: LockIssue = {
    problem: problemAt(
      { file, line: pos.line, column: pos.column },
      RULE_TABLE,
      `the ${lock.quarter} table no longer matches ${file} (recomputed as of ${lock.as_of}): ${parts.join('; ')}${cause}. Undo the change, or ${removeHint(file)}`,
    ),
    about: [...newcomers, ...changed].map((r) => r.source.file),
  };
  return { issue, newcomers: newcomers.map(where) };
}
