/**
 * End-to-end with real git repositories in temp folders: a fresh `svc-sla init` committed as is,
 * the pre-commit hook definition, a pre-commit run simulated with the staged paths (relative to
 * the repository root, possibly in several records folders, mixed with files that are not
 * records), and the GitLab Code Quality report of such a repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BIN, git, makeExamplesReal, ROOT, runCli, tempFolder } from './run';


interface Hook {
  id: string;
  name: string;
  description: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
  require_serial: boolean;
}
const HOOKS = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'), { uniqueKeys: true }) as Hook[];
const HOOK = HOOKS.find((h) => h.id === 'svc-sla-validate')!;

/** What pre-commit passes the hook: staged paths (added, copied, modified, renamed) its `files` selects. */
function stagedForHook(repo: string): string[] {
  const staged = git(repo, 'diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z').split('\0').filter((f) => f !== '');
  const files = new RegExp(HOOK.files);
  return staged.filter((f) => files.test(f));
}

/** Runs the hook's entry with the staged files from the repository root, as pre-commit does. */
function runHook(repo: string, extra: string[] = []) {
  const [bin, ...args] = HOOK.entry.split(/\s+/);
  expect(bin).toBe('svc-sla');
  return runCli([...args, ...extra, ...stagedForHook(repo)], { cwd: repo });
}

/** A repository whose root is a fresh records folder, its examples made real, committed. */
function initRepo(): string {
  const repo = tempFolder();
  expect(runCli(['init'], { cwd: repo }).code).toBe(0);
  makeExamplesReal(repo);
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Records folder from svc-sla init');
  return repo;
}

const BAD_TICKET = ['id: GD-2026-0099', 'level: 7', 'category: service', 'summary: accepted_at is missing', ''].join('\n');

describe('a fresh init, committed', () => {
  test('the repository is clean and validates (exit 0), from its root and from a sub-folder', () => {
    const repo = initRepo();
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(git(repo, 'ls-files')).toContain('.github/workflows/svc-sla.yml');
    const r = runCli(['validate'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ 10 records in 10 files: valid/);
    expect(runCli(['validate'], { cwd: path.join(repo, 'tickets') }).code).toBe(0);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  test('defines the svc-sla-validate hook with the fields pre-commit needs', () => {
    expect(HOOKS).toHaveLength(1);
    expect(HOOK).toMatchObject({
      id: 'svc-sla-validate',
      name: expect.any(String),
      description: expect.any(String),
      entry: 'svc-sla validate',
      language: 'node',
      files: '\\.(ya?ml|csv)$',
      pass_filenames: true,
      require_serial: true,
    });
    const files = new RegExp(HOOK.files);
    for (const f of ['tickets/a.yaml', 'inspections/2026.yml', 'tickets/2026-Q3.csv', 'svc-sla.yaml']) expect([f, files.test(f)]).toEqual([f, true]);
    for (const f of ['calendars/README.md', 'tickets/notes.txt', 'x.yaml.bak']) expect([f, files.test(f)]).toEqual([f, false]);
  });

  test('its entry names the package bin and an existing command', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const [bin, command] = HOOK.entry.split(/\s+/);
    expect(path.resolve(ROOT, pkg.bin[bin!])).toBe(BIN);
    const r = runCli([command!, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: svc-sla validate/);
  });
});

describe('pre-commit, simulated: `svc-sla validate <staged files>` from the repository root', () => {
  test('a staged bad record: exit 1, and the error names that file', () => {
    const repo = initRepo();
    fs.writeFileSync(path.join(repo, 'tickets', '2026', '03', 'GD-2026-0099.yaml'), BAD_TICKET);
    git(repo, 'add', '.');
    const r = runHook(repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^tickets\/2026\/03\/GD-2026-0099\.yaml\n/);
    expect(r.stdout).toContain("missing required field 'accepted_at'");
    expect(r.stdout).toMatch(/✖ 2 errors/);
  });

  test('only the staged files are reported; files that are not records are passed too and ignored', () => {
    const repo = initRepo();
    // an unstaged bad record elsewhere in the folder is not this commit's business
    fs.writeFileSync(path.join(repo, 'tickets', 'unstaged.yaml'), BAD_TICKET.replace('0099', '0098'));
    fs.appendFileSync(path.join(repo, '.github', 'workflows', 'svc-sla.yml'), '# tweak\n');
    fs.appendFileSync(path.join(repo, '.pre-commit-config.yaml'), '# tweak\n');
    fs.appendFileSync(path.join(repo, '.gitlab-ci.svc-sla.yml'), '# tweak\n');
    fs.appendFileSync(path.join(repo, 'svc-sla.yaml'), '# tweak\n');
    fs.appendFileSync(path.join(repo, 'consultations', 'ZX-2026-001.yaml'), 'note: answered by phone\n');
    git(repo, 'add', '.github', '.pre-commit-config.yaml', '.gitlab-ci.svc-sla.yml', 'svc-sla.yaml', 'consultations');
    expect(stagedForHook(repo)).toEqual(['.github/workflows/svc-sla.yml', '.gitlab-ci.svc-sla.yml', '.pre-commit-config.yaml', 'consultations/ZX-2026-001.yaml', 'svc-sla.yaml']);
    const r = runHook(repo);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('unstaged.yaml');
    expect(r.code).toBe(0);
  });

  test('a staged svc-sla.yaml is checked as the config', () => {
    const repo = initRepo();
    fs.writeFileSync(path.join(repo, 'svc-sla.yaml'), 'policy: gd-transmission\ntimezone: Mars/Olympus\n');
    git(repo, 'add', 'svc-sla.yaml');
    const r = runHook(repo, ['--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors.map((e: { file: string; rule: string }) => `${e.file} ${e.rule}`)).toEqual(['svc-sla.yaml config']);
  });

  test('records folders below the root, two of them: each is checked, problems merged, outside files ignored', () => {
    const repo = tempFolder();
    git(repo, 'init', '-q');
    for (const [folder, policy] of [['records/gd', 'gd-transmission'], ['records/as', 'after-sales']] as const) {
      expect(runCli(['init', folder, '--policy', policy], { cwd: repo }).code).toBe(0);
    }
    fs.mkdirSync(path.join(repo, 'docs'));
    fs.writeFileSync(path.join(repo, 'docs', 'mkdocs.yml'), 'site_name: notes\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'two records folders');

    fs.writeFileSync(path.join(repo, 'records', 'gd', 'tickets', 'bad.yaml'), BAD_TICKET);
    fs.writeFileSync(path.join(repo, 'records', 'as', 'consultations', 'late.csv'), 'id,topic,received_at,responded_at\nAS-C-9,Spares,2026-03-05 10:00,2026-03-04 10:00\n');
    fs.appendFileSync(path.join(repo, 'docs', 'mkdocs.yml'), 'theme: readthedocs\n');
    git(repo, 'add', '.');
    expect(stagedForHook(repo)).toEqual(['docs/mkdocs.yml', 'records/as/consultations/late.csv', 'records/gd/tickets/bad.yaml']);

    const text = runHook(repo);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('records/as/consultations/late.csv\n');
    expect(text.stdout).toContain('records/gd/tickets/bad.yaml\n');
    expect(text.stdout).not.toContain('mkdocs');

    const json = runHook(repo, ['--format', 'json']);
    expect(json.code).toBe(1);
    const keys = JSON.parse(json.stdout).errors.map((e: { file: string; line: number; rule: string }) => `${e.file}:${e.line} ${e.rule}`);
    expect(keys).toEqual(['records/as/consultations/late.csv:2 time-order', 'records/gd/tickets/bad.yaml:1 required-field', 'records/gd/tickets/bad.yaml:2 range']);

    const gh = runHook(repo, ['--format', 'github']);
    expect(gh.stdout).toMatch(/^::error file=records\/as\/consultations\/late\.csv,line=2,/m);
    expect(gh.stdout).toMatch(/^::error file=records\/gd\/tickets\/bad\.yaml,line=2,/m);

    // the same from a sub-folder: paths stay right for GitHub (repository-relative)
    const sub = runCli(['validate', '--format', 'github', '../records/gd/tickets/bad.yaml', '../docs/mkdocs.yml'], { cwd: path.join(repo, 'docs') });
    expect(sub.code).toBe(1);
    expect(sub.stdout).toMatch(/^::error file=records\/gd\/tickets\/bad\.yaml,line=1,/m);
  });

  test('only files outside any records folder: nothing to check, exit 0', () => {
    const repo = tempFolder();
    git(repo, 'init', '-q');
    fs.writeFileSync(path.join(repo, 'ci.yml'), 'a: 1\n');
    git(repo, 'add', '.');
    const r = runHook(repo);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('nothing to check: the file is not in a records folder (no svc-sla.yaml above it)\n');
    expect(runHook(repo, ['--quiet']).stdout).toBe('');
    expect(JSON.parse(runHook(repo, ['--format', 'json']).stdout)).toEqual({ valid: true, records: 0, errors: [], warnings: [] });
  });

  test('a named file that does not exist is still a usage error (exit 2)', () => {
    const repo = initRepo();
    const r = runCli(['validate', 'tickets/nope.yaml'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tickets/nope.yaml: no such file');
  });
});

describe('validate --format gitlab in a repository', () => {
  function repoWithProblems(): string {
    const repo = tempFolder();
    git(repo, 'init', '-q');
    expect(runCli(['init', 'records'], { cwd: repo }).code).toBe(0);
    makeExamplesReal(path.join(repo, 'records'));
    fs.writeFileSync(path.join(repo, 'records', 'tickets', 'bad.yaml'), `${BAD_TICKET}colour: red\n`);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'records with problems');
    return repo;
  }

  test('Code Quality JSON: the fields GitLab reads, repository-relative paths, stable fingerprints', () => {
    const repo = repoWithProblems();
    const first = runCli(['validate', 'records', '--format', 'gitlab'], { cwd: repo });
    expect(first.code).toBe(1);
    // stdout is the report file; the count goes to the job log
    expect(first.stderr).toMatch(/^✖ 2 errors, 1 warning in \d+ records in \d+ files\n$/);
    const issues = JSON.parse(first.stdout) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    expect(issues.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.severity} ${i.check_name}`)).toEqual([
      'records/tickets/bad.yaml:1 major required-field',
      'records/tickets/bad.yaml:2 major range',
      'records/tickets/bad.yaml:5 minor unknown-field',
    ]);
    for (const i of issues) {
      expect(Object.keys(i).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(i.fingerprint).toMatch(/^[0-9a-f]{40}$/);
      expect(i.description).toContain('[GD-2026-0099]');
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);

    const second = runCli(['validate', 'records', '--format', 'gitlab'], { cwd: repo });
    expect(second.stdout).toBe(first.stdout);
    // from inside the records folder the paths are still repository-relative
    const inside = runCli(['validate', '--format', 'gitlab'], { cwd: path.join(repo, 'records') });
    expect(inside.stdout).toBe(first.stdout);
  });

  test('--quiet keeps errors only; a valid folder gives [] and exit 0', () => {
    const repo = repoWithProblems();
    const quiet = runCli(['validate', 'records', '--format', 'gitlab', '--quiet'], { cwd: repo });
    expect(JSON.parse(quiet.stdout).map((i: { severity: string }) => i.severity)).toEqual(['major', 'major']);
    fs.rmSync(path.join(repo, 'records', 'tickets', 'bad.yaml'));
    const ok = runCli(['validate', 'records', '--format', 'gitlab'], { cwd: repo });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([]);
  });
});

describe('git runs nothing the repository names (a zipped repository with its .git/config)', () => {
  /** A committed records repository whose config names programs that would touch marker files. */
  function hostileRepo(): { repo: string; markers: string } {
    const repo = initRepo();
    const markers = tempFolder();
    const script = (name: string) => {
      const file = path.join(markers, `${name}.sh`);
      fs.writeFileSync(file, `#!/bin/sh\ntouch '${path.join(markers, name)}'\ncat\n`, { mode: 0o755 });
      return file;
    };
    fs.writeFileSync(path.join(repo, '.gitattributes'), '*.yaml filter=evil\n');
    git(repo, 'add', '.gitattributes');
    git(repo, 'commit', '-q', '-m', 'attributes');
    git(repo, 'config', 'core.fsmonitor', script('fsmonitor'));
    git(repo, 'config', 'filter.evil.clean', script('clean'));
    git(repo, 'config', 'filter.evil.process', script('process'));
    git(repo, 'config', 'core.pager', script('pager'));
    const hooks = path.join(repo, '.git', 'hooks');
    fs.mkdirSync(hooks, { recursive: true });
    fs.copyFileSync(script('hook'), path.join(hooks, 'post-index-change'));
    fs.chmodSync(path.join(hooks, 'post-index-change'), 0o755);
    // a stale index entry: git would refresh it, through the clean filter, and write the index
    const past = new Date('2026-01-02T03:04:05Z');
    fs.utimesSync(path.join(repo, 'svc-sla.yaml'), past, past);
    return { repo, markers };
  }
  const ran = (markers: string) => ['fsmonitor', 'clean', 'process', 'pager', 'hook'].filter((m) => fs.existsSync(path.join(markers, m)));

  test('report: no fsmonitor, filter, hook or pager runs, and the header still names the commit', () => {
    const { repo, markers } = hostileRepo();
    const head = git(repo, 'rev-parse', 'HEAD').trim();
    const r = runCli(['report', '--quarter', '2026-Q3', '--lang', 'en', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(ran(markers)).toEqual([]);
    expect(JSON.parse(r.stdout).provenance).toEqual({ commit: head, dirty: false });

    fs.appendFileSync(path.join(repo, 'consultations', 'ZX-2026-001.yaml'), 'note: answered by phone\n');
    const dirty = runCli(['report', '--quarter', '2026-Q3', '--lang', 'en'], { cwd: repo });
    expect(dirty.code).toBe(0);
    expect(dirty.stdout).toContain(`Provenance: ${head.slice(0, 12)} (uncommitted changes)`);
    expect(ran(markers)).toEqual([]);
  });

  test('validate never runs git at all', () => {
    const { repo, markers } = hostileRepo();
    const bin = tempFolder();
    fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\ntouch '${path.join(markers, 'git')}'\nexit 1\n`, { mode: 0o755 });
    const r = runCli(['validate'], { cwd: repo, env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` } });
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(markers, 'git'))).toBe(false);
    expect(ran(markers)).toEqual([]);
  });
});
