/**
 * End-to-end: evidence locks in real git repositories (temp copies of samples/gd-transmission).
 * One repository is locked and committed once; each test works on its own copy of it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { git, ROOT, SAMPLES, runCli, tempFolder } from './run';

/** git with a fixed identity and no user or system configuration, so it runs the same in CI. */
const LOCK = 'locks/2026-Q3.yaml';
const TICKET = 'tickets/2026/07/GD-2026-0142.yaml';

interface P {
  file: string;
  line: number;
  column: number;
  rule: string;
  record: string | null;
  message: string;
}
function validateJson(repo: string, args: string[] = []): { code: number | null; errors: P[]; keys: string[] } {
  const r = runCli(['validate', '--format', 'json', ...args], { cwd: repo });
  const errors = (JSON.parse(r.stdout) as { errors: P[] }).errors;
  return { code: r.code, errors, keys: errors.map((e) => `${e.file}:${e.line} ${e.rule}`) };
}

/** The 1-based line of the lock file that holds `text`. */
function lockLine(repo: string, text: string): number {
  const lines = fs.readFileSync(path.join(repo, LOCK), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${text} not in the lock`);
  return i + 1;
}

function write(repo: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  fs.writeFileSync(path.join(repo, rel), text);
}

const Q3_ASSESSMENT = ['id: KH-2026-09', 'date: 2026-09-25', 'clause: other.commendation', 'note: a second letter of thanks, found after the quarter was signed', ''].join('\n');

let committed: string; // the sample, committed
let locked: string; // the sample with locks/2026-Q3.yaml, committed
let lockRun: ReturnType<typeof runCli>;

beforeAll(() => {
  committed = tempFolder(path.join(SAMPLES, 'gd-transmission'));
  git(committed, 'init', '-q');
  git(committed, 'add', '.');
  git(committed, 'commit', '-q', '-m', 'Q3 records');
  locked = tempFolder();
  fs.cpSync(committed, locked, { recursive: true });
  lockRun = runCli(['lock', '--quarter', '2026-Q3', '--as-of', '2026-11-25'], { cwd: locked });
  git(locked, 'add', LOCK);
  git(locked, 'commit', '-q', '-m', 'Lock 2026-Q3 (signed by both sides)');
});

/** A private copy of the locked repository. */
function lockedRepo(): string {
  const dir = tempFolder();
  fs.cpSync(locked, dir, { recursive: true });
  return dir;
}

describe('svc-sla lock --quarter 2026-Q3 --as-of 2026-11-25', () => {
  test('exit 0 and locks/2026-Q3.yaml with the totals, provenance and the records behind the quarter', () => {
    expect(lockRun.stderr).toBe('');
    expect(lockRun.code).toBe(0);
    expect(lockRun.stdout).toContain('locked 2026-Q3 as of 2026-11-25T23:59:59.999+08:00: deductions 37, bonus 1, 17 findings');
    expect(lockRun.stdout).toContain(`git add ${LOCK}`);
    const lock = parseYaml(fs.readFileSync(path.join(locked, LOCK), 'utf8'));
    expect(lock).toMatchObject({
      svc_sla_lock: 1,
      quarter: '2026-Q3',
      as_of: '2026-11-25T23:59:59.999+08:00',
      policy: 'gd-transmission',
      total: { deductions: 37, bonus: 1, count: 17 },
    });
    expect(lock.locked_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    // the commit the lock was made from (the lock itself was committed after)
    expect(lock.provenance).toEqual({ commit: git(committed, 'rev-parse', 'HEAD').trim(), dirty: false });
    expect(lock.categories.find((c: { id: string }) => c.id === 'fault.l1')).toEqual({ id: 'fault.l1', deductions: 14, bonus: 0, score: null, count: 6 });
    expect(lock.categories.find((c: { id: string }) => c.id === 'other')).toEqual({ id: 'other', deductions: 0, bonus: 1, score: null, count: 1 });
    expect(lock.categories.find((c: { id: string }) => c.id === 'fault.l34')).toEqual({ id: 'fault.l34', deductions: 0, bonus: 0, score: 10, count: 0 });

    const records = lock.records as { id: string; kind: string; file: string; sha256: string }[];
    const ids = records.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of records) expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(records.find((r) => r.id === 'GD-2026-0142')).toMatchObject({ kind: 'tickets', file: TICKET });
    // assessments, records of a CSV file, and evidence of recurring clauses (monthly reports)
    expect(ids).toEqual(expect.arrayContaining(['KH-2026-01', 'KH-2026-02', 'KH-2026-03', 'GD-2026-0145', 'BS-2026-02']));
    expect(records.find((r) => r.id === 'GD-2026-0145')!.file).toBe('tickets/2026-Q3-excel.csv');
    // a ticket of Q2 whose every obligation fell in Q2 is not part of Q3
    expect(ids).not.toContain('GD-2026-0128');
  });

  test('the lock file matches schemas/lock.schema.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    const v = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'lock.schema.json'), 'utf8')));
    const lock = parseYaml(fs.readFileSync(path.join(locked, LOCK), 'utf8'));
    expect(v(lock) ? [] : v.errors).toEqual([]);
  });

  test('the locked folder validates (exit 0) and lock --verify says ok', () => {
    const repo = lockedRepo();
    expect(git(repo, 'status', '--porcelain')).toBe('');
    const r = runCli(['validate'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ \d+ records in \d+ files: valid/);
    const v = runCli(['lock', '--verify'], { cwd: repo });
    expect(v.code).toBe(0);
    expect(v.stdout).toBe('locks/2026-Q3.yaml: ok — 2026-Q3 as of 2026-11-25T23:59:59.999+08:00: 51 records, deductions 37, bonus 1, 17 findings\n');
  });

  test('an existing lock is never overwritten: exit 2, the file unchanged', () => {
    const repo = lockedRepo();
    const before = fs.readFileSync(path.join(repo, LOCK));
    const r = runCli(['lock', '--quarter', '2026-Q3', '--as-of', '2026-12-01'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('locks/2026-Q3.yaml exists: 2026-Q3 is already locked');
    expect(r.stderr).toContain('remove the lock deliberately first (git rm locks/2026-Q3.yaml');
    expect(fs.readFileSync(path.join(repo, LOCK))).toEqual(before);
    expect(fs.readdirSync(path.join(repo, 'locks'))).toEqual(['2026-Q3.yaml']);
  });

  test('invalid records are not locked: exit 1, nothing written', () => {
    const repo = tempFolder();
    fs.cpSync(committed, repo, { recursive: true });
    write(repo, 'tickets/2026/09/GD-2026-0299.yaml', 'id: GD-2026-0299\nlevel: 7\ncategory: service\n');
    const r = runCli(['lock', '--quarter', '2026-Q3', '--as-of', '2026-11-25'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tickets/2026/09/GD-2026-0299.yaml');
    expect(r.stderr).toContain('the records are invalid');
    expect(r.stdout).toBe('');
    expect(fs.existsSync(path.join(repo, 'locks'))).toBe(false);
  });

  test('a quarter not over as of --as-of: exit 2 unless --force', () => {
    const repo = tempFolder();
    fs.cpSync(committed, repo, { recursive: true });
    const r = runCli(['lock', '--quarter', '2026-Q3', '--as-of', '2026-09-15'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2026-Q3 is not over as of 2026-09-15T23:59:59+08:00');
    expect(r.stderr).toContain('--force');
    expect(fs.existsSync(path.join(repo, LOCK))).toBe(false);
    // the last day of the quarter, as a bare date, is its end: over
    expect(runCli(['lock', '--quarter', '2026-Q3', '--as-of', '2026-09-30'], { cwd: repo }).code).toBe(0);
    fs.rmSync(path.join(repo, LOCK));
    const forced = runCli(['lock', '--quarter', '2026-Q3', '--as-of', '2026-09-15', '--force'], { cwd: repo });
    expect(forced.code).toBe(0);
    expect(parseYaml(fs.readFileSync(path.join(repo, LOCK), 'utf8')).as_of).toBe('2026-09-15T23:59:59.999+08:00');
    // uncommitted: the lock says so
    expect(runCli(['validate'], { cwd: repo }).code).toBe(0);
  });

  test('usage errors: no quarter, a bad quarter, --verify with --as-of', () => {
    expect(runCli(['lock', path.join(SAMPLES, 'gd-transmission')]).code).toBe(2);
    expect(runCli(['lock', '--quarter', '2026-3', path.join(SAMPLES, 'gd-transmission')]).stderr).toContain("--quarter '2026-3' is not a quarter");
    expect(runCli(['lock', '--verify', '--as-of', '2026-11-25', path.join(SAMPLES, 'gd-transmission')]).code).toBe(2);
  });
});

describe('validate with a lock', () => {
  test('an edited locked record: exit 1, locked-record-changed at its file, naming the lock', () => {
    const repo = lockedRepo();
    const file = path.join(repo, TICKET);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('restored_at: 2026-07-08 08:45', 'restored_at: 2026-07-08 07:45'));
    const r = validateJson(repo);
    expect(r.code).toBe(1);
    expect(r.keys).toContain(`${TICKET}:2 locked-record-changed`);
    const e = r.errors.find((x) => x.rule === 'locked-record-changed')!;
    expect(e.record).toBe('GD-2026-0142');
    expect(e.message).toContain('locks/2026-Q3.yaml');
    expect(e.message).toContain('revert it');
    expect(e.message).toContain('remove the lock deliberately (git rm locks/2026-Q3.yaml');
    const text = runCli(['validate'], { cwd: repo });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(new RegExp(`^${TICKET.replace(/\./g, '\\.')}\\n  2:1 +error +GD-2026-0142 is locked by locks/2026-Q3\\.yaml`, 'm'));
  });

  test('a locked record reformatted (flow style, keys reordered, quoted, no comments) or moved to another file: still valid', () => {
    const repo = lockedRepo();
    const original = parseYaml(fs.readFileSync(path.join(repo, TICKET), 'utf8')) as Record<string, unknown>;
    const keys = Object.keys(original).reverse();
    const flow = `{${keys.map((k) => `"${k}": ${JSON.stringify(original[k])}`).join(',\n  ')}}\n`;
    fs.writeFileSync(path.join(repo, TICKET), flow);
    // another locked record moves into a list file of its own
    const moved = fs.readFileSync(path.join(repo, 'tickets/2026/07/GD-2026-0148.yaml'), 'utf8');
    fs.rmSync(path.join(repo, 'tickets/2026/07/GD-2026-0148.yaml'));
    write(repo, 'tickets/archive/2026-07.yaml', `# moved here\n- ${moved.split('\n').filter((l) => l !== '' && !l.startsWith('#')).join('\n  ')}\n`);
    const r = validateJson(repo);
    expect(r.keys).toEqual([]);
    expect(r.code).toBe(0);
    expect(runCli(['lock', '--verify'], { cwd: repo }).code).toBe(0);
  });

  test('a deleted locked record: locked-record-missing at the lock line listing it', () => {
    const repo = lockedRepo();
    git(repo, 'rm', '-q', 'tickets/2026/07/GD-2026-0148.yaml');
    const r = validateJson(repo);
    expect(r.code).toBe(1);
    const line = lockLine(repo, 'id: GD-2026-0148,');
    expect(r.keys).toContain(`${LOCK}:${line} locked-record-missing`);
    const e = r.errors.find((x) => x.rule === 'locked-record-missing')!;
    expect(e.message).toContain('GD-2026-0148 (tickets, in tickets/2026/07/GD-2026-0148.yaml when locked)');
    expect(e.message).toMatch(/restore it \(git checkout [0-9a-f]{12} -- tickets\/2026\/07\/GD-2026-0148\.yaml\)/);
    // its findings are gone from the quarter too
    expect(r.keys).toContain(`${LOCK}:${lockLine(repo, 'id: fault.l2,')} locked-table-changed`);
  });

  test('a new assessment dated in 2026-Q3: locked-table-changed at the lock, naming the category and the record', () => {
    const repo = lockedRepo();
    write(repo, 'assessments/2026-Q3-late.yaml', Q3_ASSESSMENT);
    const r = validateJson(repo);
    expect(r.code).toBe(1);
    expect(r.keys).toEqual([`${LOCK}:${lockLine(repo, 'id: other,')} locked-table-changed`]);
    const m = r.errors[0]!.message;
    expect(m).toContain('the 2026-Q3 table no longer matches locks/2026-Q3.yaml (recomputed as of 2026-11-25T23:59:59.999+08:00)');
    expect(m).toContain('other bonus 1 → 2, findings 1 → 2');
    expect(m).toContain('total bonus 1 → 2, findings 17 → 18');
    expect(m).toContain('KH-2026-09 (assessments/2026-Q3-late.yaml:1)');
  });

  test('a ticket moved into 2026-Q3 by an edit is named as the new record behind the change', () => {
    const repo = lockedRepo();
    write(
      repo,
      'tickets/2026/10/GD-2026-0301.yaml',
      ['id: GD-2026-0301', 'level: 2', 'category: service', 'city: 广州', 'accepted_at: 2026-10-02 09:00', 'resolved_at: 2026-10-03 09:00', ''].join('\n'),
    );
    expect(validateJson(repo).code).toBe(0);
    // the coordinator corrects the acceptance date into September, and the resolution was late
    const file = path.join(repo, 'tickets/2026/10/GD-2026-0301.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('accepted_at: 2026-10-02 09:00', 'accepted_at: 2026-09-20 09:00'));
    const r = validateJson(repo);
    expect(r.code).toBe(1);
    expect(r.keys).toEqual([`${LOCK}:${lockLine(repo, 'id: fault.l2,')} locked-table-changed`]);
    expect(r.errors[0]!.message).toContain('GD-2026-0301 (tickets/2026/10/GD-2026-0301.yaml:1)');
  });

  test('records only in 2026-Q4 added: still valid', () => {
    const repo = lockedRepo();
    write(repo, 'assessments/2026-Q4.yaml', Q3_ASSESSMENT.replace('KH-2026-09', 'KH-2026-10').replace('2026-09-25', '2026-10-25'));
    write(
      repo,
      'tickets/2026/10/GD-2026-0302.yaml',
      ['id: GD-2026-0302', 'level: 3', 'category: service', 'city: 广州', 'accepted_at: 2026-10-12 09:00', 'resolved_at: 2026-10-12 18:00', ''].join('\n'),
    );
    const r = validateJson(repo);
    expect(r.keys).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('removing the lock file makes validate pass again', () => {
    const repo = lockedRepo();
    const file = path.join(repo, TICKET);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('restored_at: 2026-07-08 08:45', 'restored_at: 2026-07-08 07:45'));
    write(repo, 'assessments/2026-Q3-late.yaml', Q3_ASSESSMENT);
    expect(validateJson(repo).code).toBe(1);
    git(repo, 'rm', '-q', LOCK);
    git(repo, 'commit', '-q', '-m', 'Unlock 2026-Q3: restored_at corrected and a late letter of thanks, agreed at the November meeting');
    expect(fs.existsSync(path.join(repo, 'locks'))).toBe(false);
    const r = runCli(['validate'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(runCli(['lock', '--verify'], { cwd: repo }).stdout).toMatch(/^no locks/);
    // and the quarter can be locked again with the new numbers
    const again = runCli(['lock', '--quarter', '2026-Q3', '--as-of', '2026-11-25'], { cwd: repo });
    expect(again.code).toBe(0);
    // 0142 restored an hour earlier is on time now: its deductions go; the letter adds a bonus
    expect(again.stdout).toContain('deductions 32, bonus 2, 16 findings');
  });

  test('a malformed lock file is a located error (lock-file), and verify says malformed', () => {
    const repo = lockedRepo();
    const file = path.join(repo, LOCK);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/(id: GD-2026-0142, kind: tickets, file: [^,]+, sha256: )[0-9a-f]+/, '$1not-a-hash'));
    const r = validateJson(repo);
    expect(r.code).toBe(1);
    expect(r.keys).toEqual([`${LOCK}:${lockLine(repo, 'id: GD-2026-0142,')} lock-file`]);
    expect(r.errors[0]!.message).toContain('records[3].sha256');
    const v = runCli(['lock', '--verify'], { cwd: repo });
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/^locks\/2026-Q3\.yaml: malformed — line \d+: records\[3\]\.sha256/);
  });
});

describe('lock --verify', () => {
  test('one line per lock: ok, or what changed; exit 1 when one no longer holds', () => {
    const repo = lockedRepo();
    const q4 = runCli(['lock', '--quarter', '2026-Q4', '--as-of', '2026-11-25', '--force'], { cwd: repo });
    expect(q4.code).toBe(0);
    // a changed summary changes the record, not the table
    const file = path.join(repo, TICKET);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^summary: .*$/m, 'summary: rewritten after signing'));
    write(repo, 'assessments/2026-Q3-late.yaml', Q3_ASSESSMENT);
    const r = runCli(['lock', '--verify'], { cwd: repo });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'locks/2026-Q3.yaml: changed — changed: GD-2026-0142 (tickets/2026/07/GD-2026-0142.yaml:2); ' +
        'table: other bonus 1 → 2, findings 1 → 2; total bonus 1 → 2, findings 17 → 18; not locked but now counted: KH-2026-09 (assessments/2026-Q3-late.yaml:1)',
    );
    expect(lines[1]).toMatch(/^locks\/2026-Q4\.yaml: ok — 2026-Q4 as of 2026-11-25T23:59:59\.999\+08:00: \d+ records, deductions \d+/);
    expect(r.stderr).toContain('svc-sla validate');
    const one = runCli(['lock', '--verify', '--quarter', '2026-Q4'], { cwd: repo });
    expect(one.code).toBe(0);
    expect(one.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(runCli(['lock', '--verify', '--quarter', '2026-Q2'], { cwd: repo }).code).toBe(2);
  });
});

describe('pre-commit, simulated: `svc-sla validate <staged files>`', () => {
  test('a staged edit to a locked record fails the commit', () => {
    const repo = lockedRepo();
    const file = path.join(repo, TICKET);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('customer_signed: true', 'customer_signed: false'));
    git(repo, 'add', TICKET);
    const r = validateJson(repo, [TICKET]);
    expect(r.code).toBe(1);
    // an unsigned handling sheet is one more level-1 finding: the table error names this file, so it is shown too
    expect(r.keys).toEqual([`${LOCK}:${lockLine(repo, 'id: fault.l1,')} locked-table-changed`, `${TICKET}:2 locked-record-changed`]);
    expect(r.errors[0]!.message).toContain(`locked and changed: GD-2026-0142 (${TICKET}:2)`);
    const text = runCli(['validate', TICKET], { cwd: repo });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/✖ 2 errors/);
  });

  test('a staged new record that changes the locked table fails the commit, though the error is at the lock', () => {
    const repo = lockedRepo();
    write(repo, 'assessments/2026-Q3-late.yaml', Q3_ASSESSMENT);
    git(repo, 'add', 'assessments');
    const r = validateJson(repo, ['assessments/2026-Q3-late.yaml']);
    expect(r.code).toBe(1);
    expect(r.keys).toEqual([`${LOCK}:${lockLine(repo, 'id: other,')} locked-table-changed`]);
  });

  test('a Q4 record passes', () => {
    const repo = lockedRepo();
    write(repo, 'assessments/2026-Q4.yaml', Q3_ASSESSMENT.replace('KH-2026-09', 'KH-2026-10').replace('2026-09-25', '2026-10-25'));
    git(repo, 'add', 'assessments/2026-Q4.yaml');
    const r = runCli(['validate', 'assessments/2026-Q4.yaml'], { cwd: repo });
    expect(r.stdout).not.toContain('locked-');
    expect(r.code).toBe(0);
  });

  test('a staged deletion of a locked record fails the commit, though no staged file holds it', () => {
    const repo = lockedRepo();
    git(repo, 'rm', '-q', 'tickets/2026/07/GD-2026-0148.yaml');
    write(repo, 'assessments/2026-Q4.yaml', Q3_ASSESSMENT.replace('KH-2026-09', 'KH-2026-10').replace('2026-09-25', '2026-10-25'));
    git(repo, 'add', 'assessments/2026-Q4.yaml');
    const r = validateJson(repo, ['assessments/2026-Q4.yaml']);
    expect(r.code).toBe(1);
    expect(r.keys).toContain(`${LOCK}:${lockLine(repo, 'id: GD-2026-0148,')} locked-record-missing`);
    // the same with the whole folder: partial validate hides no lock problem
    expect(r.keys).toEqual(validateJson(repo).keys);
  });

  test('every lock problem of the folder is reported, whatever files are given', () => {
    const repo = lockedRepo();
    write(repo, 'assessments/2026-Q3-late.yaml', Q3_ASSESSMENT);
    const r = validateJson(repo, ['tickets/2026/07/GD-2026-0142.yaml']);
    expect(r.code).toBe(1);
    expect(r.keys).toEqual([`${LOCK}:${lockLine(repo, 'id: other,')} locked-table-changed`]);
  });
});

describe('help', () => {
  test('lock --help teaches what a lock is for and how to remove one deliberately', () => {
    const r = runCli(['lock', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: svc-sla lock/);
    expect(r.stdout).toContain('both sides sign');
    expect(r.stdout).toContain('git rm locks/2026-Q3.yaml');
    expect(r.stdout).toContain('git commit -m "Unlock 2026-Q3:');
    expect(r.stdout).toContain('--verify');
    expect(runCli(['--help']).stdout).toMatch(/^ {2}lock \[options\] \[folder\]/m);
  });
});
