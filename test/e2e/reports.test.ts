/**
 * End-to-end: the built CLI's report, summary and due commands on samples/gd-transmission with a
 * fixed --as-of, every format in both languages, compared byte for byte with the goldens in
 * test/fixtures/reports/golden/. The sample is copied to a temp folder outside any git
 * repository first, so the provenance line reads "not a git repository" on a dirty dev checkout
 * and on a clean CI checkout alike.
 *
 * After an intended change of output: `UPDATE_GOLDEN=1 npx jest test/e2e/reports` and review
 * the diff of the golden files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fixture, ROOT, runCli, SAMPLES, tempFolder, type Run } from './run';

const AS_OF = '2026-11-25';
const GOLDEN = fixture('reports', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const COMMANDS: Record<string, string[]> = {
  report: ['report', '--quarter', '2026-Q3'],
  summary: ['summary', '--month', '2026-09'],
  // 40 days reach the year-end obligations: the H2 coverage of two trunks and the exchange quota
  due: ['due', '--within', '40d'],
};
const FORMATS = ['text', 'md', 'csv', 'json'] as const;
const LANGS = ['zh-CN', 'en'] as const;
const EXT: Record<(typeof FORMATS)[number], string> = { text: 'txt', md: 'md', csv: 'csv', json: 'json' };

let sample: string;
beforeAll(() => {
  sample = tempFolder(path.join(SAMPLES, 'gd-transmission'));
});
afterAll(() => {
  fs.rmSync(sample, { recursive: true, force: true });
});

const memo = new Map<string, Run>();
/** The CLI on the temp sample; the same arguments run once per file (the CLI is deterministic, tested below). */
function run(args: readonly string[]): Run {
  const key = JSON.stringify(args);
  let r = memo.get(key);
  if (!r) memo.set(key, (r = runCli(args, { cwd: sample })));
  return r;
}

function ok(r: Run): string {
  if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stderr}`);
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('goldens: samples/gd-transmission, as of 2026-11-25', () => {
  test('the temp copy is outside git', () => {
    const j = JSON.parse(ok(run(['report', '--quarter', '2026-Q3', '.', '--as-of', AS_OF, '--format', 'json'])));
    expect(j.provenance).toBeNull();
  });

  const cases = Object.keys(COMMANDS).flatMap((cmd) => FORMATS.flatMap((format) => LANGS.map((lang) => [cmd, format, lang] as const)));
  test.each(cases)('%s --format %s --lang %s', (cmd, format, lang) => {
    const out = ok(run([...COMMANDS[cmd]!, '.', '--as-of', AS_OF, '--format', format, '--lang', lang]));
    const file = path.join(GOLDEN, `${cmd}.${lang}.${EXT[format]}`);
    if (UPDATE) {
      fs.mkdirSync(GOLDEN, { recursive: true });
      fs.writeFileSync(file, out);
    }
    expect(out).toBe(fs.readFileSync(file, 'utf8'));
  });

  test('the same records and --as-of give the same bytes twice', () => {
    for (const cmd of Object.keys(COMMANDS)) {
      const args = [...COMMANDS[cmd]!, '.', '--as-of', AS_OF, '--format', 'text'];
      expect(ok(runCli(args, { cwd: sample }))).toBe(ok(run(args)));
    }
  });

  test('the language defaults to the config locale (zh-CN here)', () => {
    const out = ok(run(['report', '--quarter', '2026-Q3', '.', '--as-of', AS_OF, '--format', 'md']));
    expect(out).toBe(fs.readFileSync(path.join(GOLDEN, 'report.zh-CN.md'), 'utf8'));
  });
});

describe('the quarterly table adds up', () => {
  test('EXPECTED.md section 3: 37 deducted, 1 bonus; rows sum to the total; scores capped', () => {
    const j = JSON.parse(ok(run(['report', '--quarter', '2026-Q3', '.', '--as-of', AS_OF, '--format', 'json'])));
    const byId = Object.fromEntries(j.categories.map((c: { id: string }) => [c.id, c]));
    expect(j.total).toEqual({ deductions: 37, bonus: 1, count: 17 });
    const want: Record<string, [number, number, number | null]> = {
      'fault.l1': [14, 0, null],
      'fault.l2': [6, 0, null],
      'fault.l34': [0, 0, 10],
      'fault.difficult': [5, 0, 0],
      'fault.violation': [0, 0, null],
      inspection: [7, 0, null],
      hardware: [2, 0, null],
      consult: [2, 0, null],
      other: [0, 1, null],
      software: [1, 0, null],
      docs: [0, 0, null],
      exchange: [0, 0, null],
      meeting: [0, 0, null],
    };
    expect(j.categories.map((c: { id: string }) => c.id)).toEqual(Object.keys(want));
    for (const [id, [ded, bonus, score]] of Object.entries(want)) expect([byId[id].deductions, byId[id].bonus, byId[id].score]).toEqual([ded, bonus, score]);
    const sum = (k: string) => j.categories.reduce((a: number, c: Record<string, number>) => a + c[k]!, 0);
    expect(sum('deductions')).toBe(j.total.deductions);
    expect(sum('bonus')).toBe(j.total.bonus);
    expect(sum('count')).toBe(j.total.count);
    expect(j.findings).toHaveLength(j.total.count);
    for (const c of j.categories) {
      expect(c.score).toBe(c.max === null ? null : Math.max(0, c.max - c.deductions) + c.bonus);
      const mine = j.findings.filter((f: { category: string }) => f.category === c.id);
      expect(mine).toHaveLength(c.count);
      // every point traces to a record and a file:line
      expect(mine.reduce((a: number, f: { points: number }) => a + Math.max(0, -f.points), 0)).toBe(c.deductions);
      for (const f of mine) expect(typeof f.file).toBe('string');
    }
  });

  test('the count matches `breaches --quarter`', () => {
    const r = JSON.parse(ok(run(['report', '--quarter', '2026-Q3', '.', '--as-of', AS_OF, '--format', 'json'])));
    const b = JSON.parse(ok(run(['breaches', '--quarter', '2026-Q3', '.', '--as-of', AS_OF, '--format', 'json'])));
    expect(r.findings).toEqual(b.findings);
  });
});

describe('the summary chart shows the numbers of its tables', () => {
  function section(md: string, heading: string): string {
    const start = md.indexOf(`## ${heading}\n`);
    expect(start).toBeGreaterThanOrEqual(0);
    const end = md.indexOf('\n## ', start + 3);
    return md.slice(start, end < 0 ? undefined : end);
  }
  function tableRows(md: string): string[][] {
    return md
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))
      .slice(1)
      .map((l) => l.slice(2, -2).split(' | '));
  }
  function chart(md: string): string {
    const m = /```mermaid\n([\s\S]*?)```/.exec(md);
    if (!m) throw new Error('no chart');
    return m[1]!;
  }

  test.each(LANGS)('%s: pie of tickets per level = level table; bar of findings per clause = findings table', (lang) => {
    const md = ok(run(['summary', '--month', '2026-09', '.', '--as-of', AS_OF, '--format', 'md', '--lang', lang]));
    const json = JSON.parse(ok(run(['summary', '--month', '2026-09', '.', '--as-of', AS_OF, '--format', 'json', '--lang', lang])));

    const tickets = section(md, lang === 'en' ? 'Tickets' : '故障单');
    const levelTable = tableRows(tickets.slice(0, tickets.indexOf('```')));
    const pie = chart(tickets);
    const slices = [...pie.matchAll(/^\s+"([^"]+)" : (\d+)$/gm)].map((m) => [m[1], m[2]]);
    // the pie leaves out empty slices; every other row of the table is a slice with its number
    expect(slices).toEqual(levelTable.filter((r) => r[1] !== '0').map((r) => [r[0], r[1]]));
    expect(slices.map((s) => Number(s[1]))).toEqual(Object.values(json.tickets.by_level).filter((n) => n !== 0));
    expect(levelTable.map((r) => Number(r[1]))).toEqual(Object.values(json.tickets.by_level));

    const findings = section(md, lang === 'en' ? 'Findings in the month' : '本月考核项');
    const rows = tableRows(findings.slice(0, findings.indexOf('```'))).slice(0, -1); // without the total line
    const bar = chart(findings);
    const labels = JSON.parse(/x-axis (\[.*\])/.exec(bar)![1]!);
    const values = JSON.parse(/bar (\[.*\])/.exec(bar)![1]!);
    // the bars are named by the clause titles of the table's second column
    expect(labels).toEqual(rows.map((r) => r[1]));
    expect(bar).toMatch(/^xychart-beta horizontal\n/);
    // whole-number ticks: the axis runs to at least 5
    expect(Number(/0 --> (\d+)/.exec(bar)![1])).toBe(Math.max(5, ...values));
    expect(values).toEqual(rows.map((r) => Number(r[2])));
    expect(values).toEqual(json.findings.by_clause.map((c: { count: number }) => c.count));
    expect(values.reduce((a: number, b: number) => a + b, 0)).toBe(json.findings.count);
  });
});

describe('JSON outputs validate against schemas/output-*.schema.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const compiled = new Map<string, ReturnType<Ajv['compile']>>();
  const validator = (name: string) => {
    let v = compiled.get(name);
    if (!v) compiled.set(name, (v = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', `output-${name}.schema.json`), 'utf8')))));
    return v;
  };
  const check = (name: string, stdout: string) => {
    const v = validator(name);
    const data = JSON.parse(stdout);
    if (!v(data)) throw new Error(`${name}: ${ajv.errorsText(v.errors)}`);
  };

  test.each([
    ['report', ['report', '--quarter', '2026-Q3', '.', '--as-of', AS_OF]],
    ['report', ['report', '--quarter', '2026-Q1', '.', '--as-of', AS_OF]],
    ['summary', ['summary', '--month', '2026-09', '.', '--as-of', AS_OF]],
    ['summary', ['summary', '--month', '2026-01', '.', '--as-of', AS_OF]],
    ['due', ['due', '.', '--as-of', AS_OF, '--within', '40d']],
    ['due', ['due', '.', '--as-of', '2026-01-05', '--within', '5wd']],
    ['breaches', ['breaches', '.', '--as-of', AS_OF]],
    ['breaches', ['breaches', '--quarter', '2026-Q3', '.', '--as-of', AS_OF]],
    ['validate', ['validate', '.']],
  ])('%s %j', (name, args) => {
    check(name, ok(run([...args, '--format', 'json'])));
  });

  test('validate with errors, and reports inside git (provenance is an object)', () => {
    const r = runCli(['validate', fixture('validate', 'schema-errors'), '--format', 'json']);
    expect(r.code).toBe(1);
    check('validate', r.stdout);
    check('report', ok(runCli(['report', '--quarter', '2026-Q3', path.join(SAMPLES, 'gd-transmission'), '--as-of', AS_OF, '--format', 'json'])));
    check('summary', ok(runCli(['summary', '--month', '2026-08', path.join(SAMPLES, 'after-sales'), '--as-of', AS_OF, '--format', 'json'])));
    check('due', ok(runCli(['due', fixture('reports', 'hostile'), '--as-of', AS_OF, '--format', 'json'])));
  });
});

describe('-o, --encoding and errors', () => {
  test('-o writes the file and nothing to stdout', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'q3.md');
    const r = run(['report', '--quarter', '2026-Q3', '.', '--as-of', AS_OF, '--format', 'md', '--lang', 'en', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('q3.md');
    expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(path.join(GOLDEN, 'report.en.md'), 'utf8'));
    expect(fs.readdirSync(dir)).toEqual(['q3.md']);
  });

  test('-o inside the records folder: a file the next run would read is refused (exit 2), others are written', () => {
    const copy = tempFolder(path.join(SAMPLES, 'after-sales'));
    const args = ['report', '--quarter', '2026-Q3', '.', '--as-of', AS_OF];
    // Markdown is no record file: written, no note
    const md = runCli([...args, '--format', 'md', '-o', 'q3.md'], { cwd: copy });
    expect(md.code).toBe(0);
    expect(md.stderr).not.toContain('inside the records folder');
    expect(fs.existsSync(path.join(copy, 'q3.md'))).toBe(true);
    // a CSV at the top of the folder, or in a kind folder, a lock: each would be read; refused, nothing written
    fs.mkdirSync(path.join(copy, 'locks'));
    for (const target of ['q3.csv', path.join('tickets', 'q3.csv'), path.join(copy, 'locks', 'q3.yaml')]) {
      const csv = runCli([...args, '--format', 'csv', '-o', target], { cwd: copy });
      expect(csv.code).toBe(2);
      expect(csv.stderr).toBe(`svc-sla: ${target} lies inside the records folder, where the next run would read it as a record file (and validate would fail): write reports outside it\n`);
      expect(fs.existsSync(path.resolve(copy, target))).toBe(false);
    }
    // ... and the folder still validates
    expect(runCli([...args, '--format', 'json'], { cwd: copy }).code).toBe(0);
  });

  test('CSV is UTF-8 with a BOM by default', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'q3.csv');
    expect(run(['report', '--quarter', '2026-Q3', '.', '--as-of', AS_OF, '--format', 'csv', '-o', file]).code).toBe(0);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(fs.readFileSync(path.join(GOLDEN, 'report.zh-CN.csv'), 'utf8'));
  });

  test.each(['report', 'summary', 'due'])('%s --encoding gb18030 decodes back with TextDecoder("gb18030")', (cmd) => {
    const dir = tempFolder();
    const file = path.join(dir, 'out.csv');
    const r = run([...COMMANDS[cmd]!, '.', '--as-of', AS_OF, '--format', 'csv', '--encoding', 'gb18030', '-o', file]);
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(file);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    const golden = fs.readFileSync(path.join(GOLDEN, `${cmd}.zh-CN.csv`), 'utf8');
    // TextDecoder drops a leading BOM; the golden (UTF-8) starts with one, GB18030 output has none
    expect(text).toBe(golden.replace(/^\uFEFF/, ''));
    expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  test('gb18030 CSV also goes to stdout as bytes', () => {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'svc-sla.js'), 'due', '.', '--as-of', AS_OF, '--within', '40d', '--format', 'csv', '--encoding', 'gb18030'], { cwd: sample });
    expect(r.status).toBe(0);
    expect(new TextDecoder('gb18030').decode(r.stdout)).toBe(fs.readFileSync(path.join(GOLDEN, 'due.zh-CN.csv'), 'utf8').replace(/^\uFEFF/, ''));
  });

  test('invalid records: exit 1, and -o leaves no file behind', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'q3.md');
    const r = runCli(['report', '--quarter', '2026-Q3', fixture('validate', 'schema-errors'), '--format', 'md', '-o', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('invalid');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('a folder that does not exist for -o: exit 2, nothing written', () => {
    const dir = tempFolder();
    const r = run(['summary', '--month', '2026-09', '.', '--as-of', AS_OF, '-o', path.join(dir, 'no', 'such', 'x.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test.each([
    [['report', '.'], 'required option'],
    [['report', '--quarter', '2026-Q5', '.'], 'not a quarter'],
    [['summary', '--month', '2026-13', '.'], 'not a month'],
    [['due', '.', '--within', '3 weeks'], 'not a span'],
    [['report', '--quarter', '2026-Q3', '.', '--encoding', 'gb18030'], 'csv only'],
    [['summary', '--month', '2026-09', '.', '--format', 'csv', '--encoding', 'big5'], 'Allowed choices'],
    [['due', '.', '--as-of', 'tomorrow'], 'not a date'],
  ])('usage error %j → exit 2', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  test('help teaches: examples and what counts', () => {
    for (const cmd of ['report', 'summary', 'due']) {
      const r = runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain(`$ svc-sla ${cmd}`);
    }
    expect(runCli(['report', '--help']).stdout).toContain('score = max(0, maximum − deductions) + bonus');
    expect(runCli(['due', '--help']).stdout).toContain('5wd');
  });
});

describe('summary: the month\'s tickets, one by one', () => {
  test('every ticket accepted in the month is listed with its place, times, limit, result and summary text', () => {
    const r = runCli(['summary', '--month', '2026-07', sample, '--as-of', AS_OF, '--format', 'json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    const list = s.tickets.list as { record: string; city: string; accepted_at: string; closed_at: string | null; status: string | null; summary: string; clause: string | null }[];
    expect(list).toHaveLength(s.tickets.accepted);
    expect(list.every((t) => t.accepted_at.startsWith('2026-07-'))).toBe(true);
    expect(list.every((t) => t.summary.length > 0)).toBe(true);
    // the level-1 ticket restored 30 min after its 6 h core-region limit is late; the same as breaches says
    expect(list.find((t) => t.record === 'GD-2026-0142')).toMatchObject({ city: '佛山', closed_at: '2026-07-08T08:45:00+08:00', status: 'late' });
    const b = JSON.parse(runCli(['breaches', '--month', '2026-07', sample, '--as-of', AS_OF, '--format', 'json']).stdout);
    const late = new Set(b.findings.filter((f: { kind: string; clause: string }) => f.kind === 'tickets' && list.some((t) => t.clause === f.clause)).map((f: { record: string }) => f.record));
    expect(new Set(list.filter((t) => t.status === 'late' || t.status === 'missed').map((t) => t.record))).toEqual(late);
  });
});

describe('periods as people type them', () => {
  test('--quarter 2026q3 and --month 2026-9 are read as 2026-Q3 and 2026-09, and the header says so', () => {
    const typed = runCli(['report', '--quarter', '2026q3', sample, '--as-of', AS_OF]);
    expect(typed.code).toBe(0);
    expect(typed.stdout).toBe(runCli(['report', '--quarter', '2026-Q3', sample, '--as-of', AS_OF]).stdout);
    expect(typed.stdout).toMatch(/^分值及考核汇总表 2026-Q3\n/);
    const month = runCli(['summary', '--month', '2026-9', sample, '--as-of', AS_OF, '--format', 'json']);
    expect(JSON.parse(month.stdout).month).toBe('2026-09');
    const breaches = runCli(['breaches', '--quarter', '2026年第三季度', sample, '--as-of', AS_OF, '--format', 'json']);
    expect(JSON.parse(breaches.stdout).period).toBe('2026-Q3');
  });
  test('a quarter that is none is still a usage error (exit 2)', () => {
    const r = runCli(['report', '--quarter', '2026-Q5', sample]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--quarter '2026-Q5' is not a quarter like 2026-Q3");
  });
});
