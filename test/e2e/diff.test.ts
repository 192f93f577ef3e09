/**
 * `svc-sla diff` on a real git repository in a temp folder: the sample committed, one restore
 * time edited in the work tree. The edit's findings are exactly what moves, the totals move by
 * their points, and the run leaves `git status` and the index as they were. A revision the
 * repository does not have and a folder outside git are usage errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { git, ROOT, runCli, SAMPLES, tempFolder } from './run';

const AS_OF = '2026-11-25';
const TICKET = path.join('records', 'tickets', '2026', '07', 'GD-2026-0142.yaml');
let repo: string;
let records: string;

interface Finding {
  record: string | null;
  clause: string;
  points: number;
  actual: string | null;
}
interface DiffJson {
  from: { rev: string; commit: string };
  to: { rev: string | null; work_tree: boolean; dirty: boolean };
  added: Finding[];
  removed: Finding[];
  changed: { what: string[]; before: Finding; after: Finding }[];
  totals: { before: { deductions: number; bonus: number }; after: { deductions: number; bonus: number } };
  categories: { id: string; before: { deductions: number }; after: { deductions: number } }[];
}

beforeAll(() => {
  repo = tempFolder();
  records = path.join(repo, 'records');
  fs.cpSync(path.join(SAMPLES, 'gd-transmission'), records, { recursive: true });
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'records of 2026-Q3');
});
afterAll(() => {
  fs.rmSync(repo, { recursive: true, force: true });
});

function edit(from: string, to: string): void {
  const file = path.join(repo, TICKET);
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

function diffJson(args: string[]): DiffJson {
  const r = runCli(['diff', ...args, '--as-of', AS_OF, '--format', 'json'], { cwd: repo });
  expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(r.stdout) as DiffJson;
}

describe('diff HEAD --quarter after editing one restore time', () => {
  test('restored within the limit: the lateness findings of that ticket are removed and the totals move by their points', () => {
    edit('restored_at: 2026-07-08 08:45', 'restored_at: 2026-07-08 07:30');
    try {
      const statusBefore = git(repo, 'status', '--porcelain');
      const index = fs.statSync(path.join(repo, '.git', 'index'));
      const d = diffJson(['HEAD', 'records', '--quarter', '2026-Q3']);
      // the index first: git status itself may refresh it
      expect(fs.statSync(path.join(repo, '.git', 'index')).mtimeMs).toBe(index.mtimeMs);
      expect(git(repo, 'status', '--porcelain')).toBe(statusBefore);
      expect(fs.existsSync(path.join(repo, '.git', 'index.lock'))).toBe(false);

      expect(d.to).toMatchObject({ rev: null, work_tree: true, dirty: true });
      expect(d.added).toEqual([]);
      expect(d.changed).toEqual([]);
      expect(d.removed.map((f) => `${f.record} ${f.clause} ${f.points}`).sort()).toEqual(['GD-2026-0142 fault.l1.restore.onsite -5', 'GD-2026-0142 fault.l1.stage.repair 0']);
      expect(d.totals.after.deductions).toBe(d.totals.before.deductions - 5);
      expect(d.totals.after.bonus).toBe(d.totals.before.bonus);
      const l1 = d.categories.find((c) => c.id === 'fault.l1')!;
      expect(l1.after.deductions).toBe(l1.before.deductions - 5);
      for (const c of d.categories.filter((x) => x.id !== 'fault.l1')) expect(c.after.deductions).toBe(c.before.deductions);

      const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'output-diff.schema.json'), 'utf8')));
      if (!validate(d)) throw new Error(ajv.errorsText(validate.errors));
    } finally {
      git(repo, 'checkout', '--', TICKET);
    }
  });

  test('restored later still: the same finding, changed (actual time moved), points unchanged', () => {
    edit('restored_at: 2026-07-08 08:45', 'restored_at: 2026-07-08 09:45');
    try {
      const d = diffJson(['HEAD', '--quarter', '2026-Q3', 'records']);
      expect(d.added).toEqual([]);
      expect(d.removed).toEqual([]);
      expect(d.changed.map((c) => `${c.after.record} ${c.after.clause} ${c.what.join(',')}`).sort()).toEqual([
        'GD-2026-0142 fault.l1.restore.onsite actual',
        'GD-2026-0142 fault.l1.stage.repair actual',
      ]);
      expect(d.totals.after).toEqual(d.totals.before);
    } finally {
      git(repo, 'checkout', '--', TICKET);
    }
  });

  test('two revisions: the commit of the edit against the one before it, from inside the folder', () => {
    edit('restored_at: 2026-07-08 08:45', 'restored_at: 2026-07-08 07:30');
    git(repo, 'commit', '-q', '-am', 'GD-2026-0142: restore time from the NMS log');
    try {
      const r = runCli(['diff', 'HEAD~1', 'HEAD', '--quarter', '2026-Q3', '--as-of', AS_OF, '--lang', 'en'], { cwd: records });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Findings removed (2)');
      expect(r.stdout).toContain('0 added, 2 removed, 0 changed; deductions ');
      expect(git(repo, 'status', '--porcelain')).toBe('');
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  test('a policy edit inside the folder: the same findings at other points', () => {
    const start = git(repo, 'rev-parse', 'HEAD').trim();
    fs.mkdirSync(path.join(records, 'policies'));
    const policy = path.join(records, 'policies', 'gd-2027.yaml');
    fs.writeFileSync(policy, 'id: gd-2027\nname: {zh-CN: 广东 2027, en: GD 2027}\nextends: gd-transmission\nclauses:\n  - id: fault.l1.restore.onsite\n    points: -5\n');
    const config = path.join(records, 'svc-sla.yaml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^policy: .*$/m, 'policy: policies/gd-2027.yaml'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'policy of 2027');
    try {
      fs.writeFileSync(policy, fs.readFileSync(policy, 'utf8').replace('points: -5', 'points: -8'));
      const d = diffJson(['HEAD', 'records', '--quarter', '2026-Q3']);
      expect(d.added).toEqual([]);
      expect(d.removed).toEqual([]);
      expect(d.changed.map((c) => `${c.after.record} ${c.after.clause} ${c.what.join(',')} ${c.before.points} → ${c.after.points}`)).toEqual(['GD-2026-0142 fault.l1.restore.onsite points -5 → -8']);
      expect(d.totals.after.deductions).toBe(d.totals.before.deductions + 3);
    } finally {
      git(repo, 'reset', '-q', '--hard', start);
      git(repo, 'clean', '-q', '-fd');
    }
  });

  test('--policy FILE: the same records under another policy, no revision needed', () => {
    const other = path.join(repo, 'gd-2027.yaml');
    fs.writeFileSync(other, 'id: gd-2027\nname: {zh-CN: 广东 2027, en: GD 2027}\nextends: gd-transmission\nclauses:\n  - id: fault.l1.restore.onsite\n    points: -8\n');
    try {
      const d = diffJson(['--policy', 'gd-2027.yaml', 'records', '--quarter', '2026-Q3']);
      expect(d.from).toMatchObject({ policy: 'gd-transmission' });
      expect(d.to).toMatchObject({ policy: 'gd-2027' });
      expect(d.changed.map((c) => `${c.after.record} ${c.after.clause} ${c.before.points} → ${c.after.points}`)).toEqual(['GD-2026-0142 fault.l1.restore.onsite -5 → -8']);
      expect(d.totals.after.deductions).toBe(d.totals.before.deductions + 3);
      const r = runCli(['diff', '--policy', 'no-such-policy.yaml', 'records', '--quarter', '2026-Q3'], { cwd: repo });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^svc-sla: --policy no-such-policy\.yaml: /m);
    } finally {
      fs.rmSync(other);
    }
  });

  test('nothing changed: said so, exit 0', () => {
    const r = runCli(['diff', 'HEAD', 'records', '--month', '2026-09', '--as-of', AS_OF, '--lang', 'en'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Both revisions give the same findings in this period.');
  });
});

describe('diff usage errors', () => {
  test('a revision the repository does not have', () => {
    const r = runCli(['diff', 'no-such-branch', 'records', '--quarter', '2026-Q3'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^svc-sla: revision 'no-such-branch' is not in the repository/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a revision that looks like an option is not passed to git as one', () => {
    const r = runCli(['diff', '--quarter', '2026-Q3', '--', '--output=x', 'records'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^svc-sla: '--output=x' is not a revision/m);
    expect(fs.existsSync(path.join(repo, 'x'))).toBe(false);
  });

  test('a folder that is not in a git work tree', () => {
    const outside = tempFolder(path.join(SAMPLES, 'gd-transmission'));
    try {
      const r = runCli(['diff', 'HEAD', outside, '--quarter', '2026-Q3']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is not in a git work tree/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('the folder without a revision', () => {
    const r = runCli(['diff', 'records', '--quarter', '2026-Q3'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'records' is a records folder: give the revision first/);
  });

  test('no period', () => {
    const r = runCli(['diff', 'HEAD', 'records'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give --quarter, --month or --from\/--to/);
  });

  test('--help has examples', () => {
    const r = runCli(['diff', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});
