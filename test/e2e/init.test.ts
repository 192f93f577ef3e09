/**
 * End-to-end: `svc-sla init` as a coordinator runs it. The generated files are checked for what
 * they promise: the folder validates, the CI files are YAML that names real commands and flags,
 * the editor settings name schemas that exist and accept the example records.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { editorSchemaText } from '../../src/init/editor-schema';
import { makeExamplesReal, ROOT, runCli, tempFolder } from './run';

const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

const KIND_FOLDERS = ['tickets', 'inspections', 'upgrades', 'loans', 'consultations', 'doc-requests', 'exchanges', 'meetings', 'submissions', 'assessments'];

function filesBelow(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of filesBelow(dir)) out[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  return out;
}

function initFresh(args: string[] = []): string {
  const dir = tempFolder();
  const r = runCli(['init', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return dir;
}

/** `svc-sla validate --format github > x` → ['validate', '--format', 'github'] */
function svcSlaArgs(line: string): string[] {
  const m = /(?:^|\s)svc-sla\s+([^>|&;]*)/.exec(line);
  if (!m) throw new Error(`no svc-sla command in: ${line}`);
  return m[1]!.trim().split(/\s+/);
}

describe('init: a fresh folder', () => {
  test.each(['gd-transmission', 'after-sales'])('--policy %s: lists what it created, and the folder validates (exit 0)', (policy) => {
    const dir = tempFolder();
    const r = runCli(['init', '--policy', policy], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const created = [...r.stdout.matchAll(/^ {2}created {2}(\S+)$/gm)].map((m) => m[1]);
    expect(created.sort()).toEqual(filesBelow(dir));
    expect(r.stdout).not.toContain('skipped');
    expect(r.stdout).toMatch(/Next steps:\n {2}git init\n {2}git add \.\n {2}svc-sla validate\n/);

    expect(fs.readFileSync(path.join(dir, 'svc-sla.yaml'), 'utf8')).toMatch(new RegExp(`^policy: ${policy}$`, 'm'));
    const v = runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(v.code).toBe(0);
    const j = JSON.parse(v.stdout);
    // the examples are not evidence: none is read, and each one left is named
    expect(j).toMatchObject({ valid: true, errors: [], records: 0 });
    const examples = created.filter((f) => f!.includes('.example.')).sort();
    expect(examples.length).toBeGreaterThan(0);
    expect((j.warnings as { file: string; rule: string }[]).map((w) => [w.file, w.rule])).toEqual(examples.map((f) => [f, 'example-record']));
    // once renamed they are records, and valid ones
    makeExamplesReal(dir);
    const real = JSON.parse(runCli(['validate', '--format', 'json'], { cwd: dir }).stdout);
    expect(real).toMatchObject({ valid: true, errors: [], warnings: [], records: examples.length });
  });

  test('an example cannot reach a report: the letter of thanks in the new folder is no +1 until it is renamed', () => {
    const dir = initFresh();
    const before = runCli(['report', '--quarter', '2026-Q1', '--format', 'json', '--as-of', '2026-12-31'], { cwd: dir });
    expect(before.code).toBe(0);
    // nothing that counts (a plan not yet carried out is shown, at 0 points)
    expect((JSON.parse(before.stdout).findings as { points: number }[]).filter((f) => f.points !== 0)).toEqual([]);
    expect(before.stderr).toBe('svc-sla: 10 条警告，请运行 svc-sla validate 查看\n');
    makeExamplesReal(dir);
    const after = runCli(['report', '--quarter', '2026-Q1', '--format', 'json', '--as-of', '2026-12-31'], { cwd: dir });
    expect(after.code).toBe(0);
    expect((JSON.parse(after.stdout).findings as { clause: string; points: number }[]).filter((f) => f.points > 0)).toEqual([
      expect.objectContaining({ clause: 'other.commendation', points: 1 }),
    ]);
  });

  test('gd-transmission: every kind folder gets exactly one example record, marked as an example', () => {
    const dir = initFresh();
    for (const kind of KIND_FOLDERS) {
      const files = filesBelow(path.join(dir, kind));
      expect([kind, files.length]).toEqual([kind, 1]);
      const text = fs.readFileSync(path.join(dir, kind, files[0]!), 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# .*EXAMPLE record: edit it into a real one, or delete it\./);
      const docs = parseAllDocuments(text);
      expect(docs).toHaveLength(1);
      expect(docs[0]!.toJS()).toEqual(expect.objectContaining({ id: expect.any(String) }));
    }
    expect(fs.readFileSync(path.join(dir, 'calendars', 'README.md'), 'utf8')).toMatch(/year: 2027\nholidays: \[.*\]\s+#.*\nworkdays: \[/);
  });

  test('after-sales: examples for the kinds its clauses use (tickets, consultations, assessments)', () => {
    const dir = initFresh(['--policy', 'after-sales']);
    const kinds = KIND_FOLDERS.filter((k) => fs.existsSync(path.join(dir, k)));
    expect(kinds).toEqual(['tickets', 'consultations', 'assessments']);
    expect(fs.readFileSync(path.join(dir, 'svc-sla.yaml'), 'utf8')).toMatch(/^locale: en$/m);
  });

  test('the examples are on time: made real, they give no deduction', () => {
    for (const policy of ['gd-transmission', 'after-sales']) {
      const dir = initFresh(['--policy', policy]);
      expect(makeExamplesReal(dir).length).toBeGreaterThan(0);
      const r = runCli(['breaches', '--format', 'json', '--as-of', '2026-12-31'], { cwd: dir });
      expect(r.code).toBe(0);
      const findings = JSON.parse(r.stdout).findings as { points: number; clause: string }[];
      expect(findings.filter((f) => f.points < 0)).toEqual([]);
    }
  });

  test('svc-sla.yaml is commented and carries every documented setting', () => {
    const dir = initFresh();
    const text = fs.readFileSync(path.join(dir, 'svc-sla.yaml'), 'utf8');
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('#')).length).toBeGreaterThan(5);
    const cfg = parseYaml(text);
    expect(cfg).toEqual({
      contract: expect.any(String),
      policy: 'gd-transmission',
      timezone: 'Asia/Shanghai',
      contract_start: '2026-01-01',
      locale: 'zh-CN',
      csv: { encoding: 'auto', headers: {} },
    });
  });

  test('the folder is created when missing, nested folders included; next steps say cd', () => {
    const base = tempFolder();
    const r = runCli(['init', 'contracts/gd-2026'], { cwd: base });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  cd contracts/gd-2026\n');
    expect(runCli(['validate', 'contracts/gd-2026'], { cwd: base }).code).toBe(0);
  });

  test('a folder holding only .git is empty enough, and next steps skip git init inside a repository', () => {
    const dir = tempFolder();
    const g = spawnSync('git', ['init', '-q', dir], { encoding: 'utf8' });
    expect(g.status).toBe(0);
    const r = runCli(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('created  svc-sla.yaml');
    expect(r.stdout).toMatch(/Next steps:\n {2}git add \.\n/);
  });
});

describe('init: the CI and editor files', () => {
  let dir = '';
  beforeAll(() => {
    dir = initFresh();
  });
  const readYaml = (f: string) => parseYaml(fs.readFileSync(path.join(dir, f), 'utf8'), { uniqueKeys: true });

  test('GitHub workflow: on push and pull_request, Node 24 (an LTS), installs SVC_SLA_PACKAGE at the release tag, runs validate --format github', () => {
    const wf = readYaml('.github/workflows/svc-sla.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.env.SVC_SLA_PACKAGE).toBe(`git+https://example.invalid/svc-sla.git#v${VERSION}`);
    const steps = Object.values(wf.jobs as Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>)[0]!.steps;
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@v\d+$/);
    expect(steps[1]).toEqual({ uses: expect.stringMatching(/^actions\/setup-node@v\d+$/), with: { 'node-version': 24 } });
    const runs = steps.map((s) => s.run).filter((s): s is string => s !== undefined);
    expect(runs).toEqual(['npm install -g "$SVC_SLA_PACKAGE"', 'svc-sla validate --format github']);
    // the command and its flags exist: run them on the fresh folder
    const r = runCli(svcSlaArgs(runs[1]!), { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ \d+ records in \d+ files: valid/);
  });

  test('GitLab snippet: a job writing the Code Quality report, kept even when the job fails', () => {
    const ci = readYaml('.gitlab-ci.svc-sla.yml');
    const job = ci['svc-sla'];
    expect(job.image).toBe('node:24');
    expect(job.variables.SVC_SLA_PACKAGE).toBe(`git+https://example.invalid/svc-sla.git#v${VERSION}`);
    expect(job.script[0]).toBe('npm install -g "$SVC_SLA_PACKAGE"');
    expect(job.script[1]).toBe('svc-sla validate --format gitlab > gl-code-quality-report.json');
    expect(job.artifacts).toEqual({ when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
    const r = runCli(svcSlaArgs(job.script[1]), { cwd: dir });
    expect(r.code).toBe(0);
    // a fresh folder: only the examples left, as minor findings
    const quality = JSON.parse(r.stdout) as { check_name: string; severity: string }[];
    expect(quality.length).toBeGreaterThan(0);
    expect(new Set(quality.map((q) => `${q.check_name} ${q.severity}`))).toEqual(new Set(['example-record minor']));
  });

  test(".pre-commit-config.yaml uses this project's hook by its id", () => {
    const cfg = readYaml('.pre-commit-config.yaml');
    const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    expect(cfg.repos).toHaveLength(1);
    expect(cfg.repos[0].repo).toBe('https://example.invalid/svc-sla.git');
    // the tag svc-sla's releases carry (scripts/release.js); test/e2e/install.test.ts installs it
    expect(cfg.repos[0].rev).toBe(`v${VERSION}`);
    expect(cfg.repos[0].hooks).toEqual([{ id: 'svc-sla-validate' }]);
    expect(hooks.map((h) => h.id)).toContain(cfg.repos[0].hooks[0].id);
  });

  test('.vscode/extensions.json recommends the YAML extension that reads yaml.schemas', () => {
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.vscode', 'extensions.json'), 'utf8'))).toEqual({ recommendations: ['redhat.vscode-yaml'] });
  });

  test('.vscode/settings.json maps every kind, the config and calendars to the schema copies in the folder, by relative path, that accept the examples', () => {
    const text = fs.readFileSync(path.join(dir, '.vscode', 'settings.json'), 'utf8');
    // nothing of the machine that ran init: works in every clone
    expect(text).not.toContain(ROOT);
    expect(text).not.toContain(dir);
    const settings = JSON.parse(text);
    const mapping = settings['yaml.schemas'] as Record<string, string[]>;
    const globs = Object.values(mapping).flat();
    for (const kind of KIND_FOLDERS) expect(globs).toEqual(expect.arrayContaining([`${kind}/**/*.yaml`, `${kind}/**/*.yml`]));
    expect(globs).toContain('svc-sla.yaml');
    expect(globs).toContain('calendars/**/*.yaml');
    for (const schema of Object.keys(mapping)) {
      expect(schema).toMatch(/^\.\/\.svc-sla\/schemas\/[a-z-]+(\.file)?\.schema\.json$/);
      // the copy is this svc-sla's schema, byte for byte
      const name = path.basename(schema).replace(/\.schema\.json$/, '');
      expect(fs.readFileSync(path.join(dir, schema), 'utf8')).toBe(editorSchemaText(name, fs.readFileSync(path.join(ROOT, 'schemas', path.basename(schema)), 'utf8')));
    }
    // relative to the workspace, the folder VS Code opens
    const abs = (schema: string) => path.join(dir, schema);
    // what the editor would say about each generated YAML file: nothing
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    // the per-file schemas refer to the record schemas beside them, as the editor resolves them
    const schemaDir = path.dirname(abs(Object.keys(mapping)[0]!));
    for (const f of fs.readdirSync(schemaDir)) if (f.endsWith('.schema.json') && !f.includes('.file.')) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8')));
    const byTop = new Map<string, string>();
    for (const [schema, g] of Object.entries(mapping)) byTop.set(g[0]!.split('/')[0]!, schema);
    for (const f of filesBelow(dir).filter((x) => /\.ya?ml$/.test(x) && !x.startsWith('.'))) {
      const schema = byTop.get(f.includes('/') ? f.split('/')[0]! : f);
      expect([f, schema !== undefined]).toEqual([f, true]);
      const json = JSON.parse(fs.readFileSync(abs(schema!), 'utf8')) as { $id: string };
      const validate = ajv.getSchema(json.$id) ?? ajv.compile(json);
      const ok = validate(parseYaml(fs.readFileSync(path.join(dir, f), 'utf8')));
      expect([f, ok, validate.errors ?? null]).toEqual([f, true, null]);
    }
    // a file holding a list of records is one the editor accepts too, and a typo it flags
    const tickets = ajv.getSchema('https://svc-sla.invalid/schemas/tickets.file.schema.json')!;
    const one = { id: 'T-1', level: 2, category: 'service', accepted_at: '2026-07-03 10:00' };
    expect(tickets([one, { ...one, id: 'T-2' }])).toBe(true);
    expect(tickets([{ ...one, acepted_at: 'x' }])).toBe(false);
  });
});

describe('init: never overwrites', () => {
  test('a non-empty folder is refused without --force: exit 2, one clear line, nothing written', () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    const r = runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/is not empty \(notes\.txt\).*--force/);
    expect(filesBelow(dir)).toEqual(['notes.txt']);
  });

  test('--force adds only the missing files, lists the skipped ones and leaves their content unchanged', () => {
    const dir = tempFolder();
    const mine = {
      'svc-sla.yaml': '# ours\ncontract: Our contract\npolicy: gd-transmission\n',
      'tickets/2026/T-1.yaml': 'id: T-1\nlevel: 3\ncategory: other\naccepted_at: 2026-05-06 10:00\nresolved_at: 2026-05-07 10:00\n',
      '.github/workflows/svc-sla.yml': 'name: ours\n',
      '.vscode/settings.json': '{ "editor.tabSize": 2 }\n',
    };
    for (const [f, text] of Object.entries(mine)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), text);
    }
    const r = runCli(['init', '--force'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  skipped  svc-sla.yaml (already exists, left unchanged)\n');
    expect(r.stdout).toContain('  skipped  .github/workflows/svc-sla.yml (already exists, left unchanged)\n');
    expect(r.stdout).toContain('  skipped  .vscode/settings.json (already exists, left unchanged)\n');
    // no example mixed into real records
    expect(r.stdout).toMatch(/ {2}skipped {2}tickets\/\S+ \(tickets\/ already holds files\)\n/);
    expect(r.stdout).toContain('  created  inspections/');
    expect(r.stdout).toContain('  created  .gitlab-ci.svc-sla.yml\n');
    // the editor settings were not touched: what to merge is printed instead
    expect(r.stdout).toContain('merge this into it');
    expect(r.stdout).toContain('tickets.file.schema.json');
    const after = snapshot(dir);
    for (const [f, text] of Object.entries(mine)) expect([f, after[f]]).toEqual([f, text]);
    expect(filesBelow(path.join(dir, 'tickets'))).toEqual(['2026/T-1.yaml']);
    expect(runCli(['validate'], { cwd: dir }).code).toBe(0);

    // a second run creates nothing and changes nothing
    const again = runCli(['init', '--force'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('created');
    expect(snapshot(dir)).toEqual(after);
  });

  test('a path that is a file, and an unknown policy, are usage errors', () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'x'), '');
    const a = runCli(['init', 'x'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('x: exists and is not a folder');
    const b = runCli(['init', 'new', '--policy', 'gd'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/Allowed choices are gd-transmission, after-sales/);
    expect(fs.existsSync(path.join(dir, 'new'))).toBe(false);
  });
});

describe('init --update-schemas', () => {
  test("rewrites the editor's schema copies, and nothing else; says when they are current", () => {
    const dir = initFresh();
    const copy = path.join(dir, '.svc-sla', 'schemas', 'tickets.schema.json');
    fs.writeFileSync(copy, '{"old": true}\n');
    fs.rmSync(path.join(dir, '.svc-sla', 'schemas', 'lock.schema.json'));
    fs.writeFileSync(path.join(dir, 'svc-sla.yaml'), `${fs.readFileSync(path.join(dir, 'svc-sla.yaml'), 'utf8')}# mine\n`);
    const before = snapshot(dir);
    const r = runCli(['init', '--update-schemas'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^ {2}updated {2}\S+$/gm)).toEqual(['  updated  .svc-sla/schemas/lock.schema.json', '  updated  .svc-sla/schemas/tickets.schema.json']);
    expect(fs.readFileSync(copy, 'utf8')).toBe(editorSchemaText('tickets', fs.readFileSync(path.join(ROOT, 'schemas', 'tickets.schema.json'), 'utf8')));
    const after = snapshot(dir);
    for (const f of Object.keys(after)) if (!f.startsWith('.svc-sla/')) expect([f, after[f]]).toEqual([f, before[f]]);
    expect(runCli(['init', '--update-schemas'], { cwd: dir }).stdout).toContain('is up to date');
    const none = runCli(['init', '--update-schemas'], { cwd: tempFolder() });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('not a records folder');
  });
});

describe('init --help', () => {
  test('teaches what it creates, the policies and examples', () => {
    const r = runCli(['init', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['svc-sla.yaml', 'calendars/README.md', '.github/workflows/svc-sla.yml', '.gitlab-ci.svc-sla.yml', '.pre-commit-config.yaml', '.vscode/settings.json', '.vscode/extensions.json', '.svc-sla/schemas/', '--update-schemas', `v${VERSION}`, 'SVC_SLA_PACKAGE', '--force', 'gd-transmission', 'after-sales', 'Examples:', '$ svc-sla init']) {
      expect(r.stdout).toContain(s);
    }
    expect(runCli(['--help']).stdout).toMatch(/init \[options\] \[folder\]\s+create a records folder/);
  });
});
