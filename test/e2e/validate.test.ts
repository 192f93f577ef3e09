/**
 * End-to-end: the built CLI on fixture folders. Each case names every defect its folder holds,
 * at file:line:column with the check's name; the expected positions were worked out from the
 * fixture files by hand (line numbers are in the files' comments where it helps).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, problemKeys, runCli, SAMPLES, tempFolder } from './run';

interface Case {
  name: string;
  folder: string;
  errors: string[];
  warnings?: string[];
}

const cases: Case[] = [
  {
    name: 'schema: missing, out of range, unknown enum, impossible date and time, wrong type, typo',
    folder: 'schema-errors',
    errors: [
      'submissions/plans.yaml:8:11 format', // monthly-report with period 2026
      'tickets/t1.yaml:2:1 required-field', // accepted_at missing: at the record
      'tickets/t1.yaml:3:8 range', // level: 5
      'tickets/t1.yaml:4:11 enum', // category: hardware
      'tickets/t1.yaml:5:1 unknown-field', // acepted_at: a near miss of accepted_at, at the key: its value would be lost
      'tickets/t1.yaml:6:14 format', // 2026-07-32
      'tickets/t2.yaml:4:14 format', // 25:00
      'tickets/t2.yaml:5:11 type', // nms_down: maybe
    ],
    warnings: ['tickets/t1.yaml:7:1 unknown-field'], // colour: not near any field, ignored
  },
  {
    name: 'logic: duplicate ids, time order, conditional fields, cities, regions, references',
    folder: 'logic-errors',
    errors: [
      'assessments/a.yaml:3:11 assessment-clause',
      'assessments/a.yaml:7:8 assessment-ref',
      'assessments/a.yaml:8:3 assessment-ref',
      'inspections/i.yaml:6:11 time-order',
      'inspections/i.yaml:8:13 inspection-ticket',
      'loans/loans.yaml:1:3 loan-ticket',
      'loans/loans.yaml:6:11 loan-ticket',
      'loans/loans.yaml:10:11 loan-ticket',
      'loans/loans.yaml:12:3 loan-agreed-delivery',
      'tickets/a.yaml:1:1 onsite-location',
      'tickets/a.yaml:1:5 duplicate-id',
      'tickets/a.yaml:6:14 time-order',
      'tickets/a.yaml:13:7 unknown-city',
      'tickets/a.yaml:17:1 level1-handling',
      'tickets/a.yaml:23:1 onsite-location',
      'tickets/a.yaml:30:1 difficult-deadline',
      'tickets/a.yaml:35:24 analysis-due',
      'tickets/b.yaml:1:5 duplicate-id',
      'tickets/b.yaml:4:9 unknown-region',
    ],
  },
  {
    name: 'YAML bad input: syntax, duplicate key, alias bomb, empty files, not records, unknown kinds',
    folder: 'yaml-bad-input',
    errors: [
      'stray.yaml:1:1 unknown-kind', // a record file outside any kind folder
      'ticket/misplaced.yaml:1:1 unknown-kind', // ticket/ is not tickets/
      'tickets/bomb.yaml:2:8 alias-limit', // at the first alias
      'tickets/comments-only.yaml:1:1 empty-file',
      'tickets/dupkey.yaml:2:1 duplicate-key', // both places
      'tickets/dupkey.yaml:5:1 duplicate-key',
      'tickets/empty.yaml:1:1 empty-file',
      'tickets/scalar.yaml:1:1 not-a-record',
      'tickets/syntax.yaml:4:1 yaml-syntax', // the unclosed [ of line 3 is noticed on line 4
      'upgrades/list.yaml:3:3 not-a-record', // the list item 42
    ],
  },
  {
    name: 'CSV bad input: unclosed quote, two headers for one field, value without header, bad boolean',
    folder: 'csv-bad-input',
    errors: [
      'consultations/dup-header.csv:1:6 csv-header', // 咨询编号 is an alias of id in svc-sla.yaml
      'doc-requests/cells.csv:2:24 csv-columns',
      'doc-requests/cells.csv:3:22 type', // mismatch: maybe
      'tickets/quote.csv:3:1 csv-syntax',
    ],
  },
  {
    name: 'config and calendar files: unknown policy, time zone, locale, encoding; impossible calendar date',
    folder: 'config-errors',
    errors: [
      'calendars/2027.yaml:2:36 calendar',
      'svc-sla.yaml:2:9 policy-not-found',
      'svc-sla.yaml:3:11 config',
      'svc-sla.yaml:4:9 config',
      'svc-sla.yaml:6:13 config',
    ],
  },
];

describe('validate: fixture folders', () => {
  test.each(cases)('$name', ({ folder, errors, warnings }) => {
    const r = runCli(['validate', fixture('validate', folder), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const got = problemKeys(r.stdout);
    expect(got.errors).toEqual(errors);
    expect(got.warnings).toEqual(warnings ?? []);
  });
});

describe('validate: the bundled samples', () => {
  test.each(['gd-transmission', 'after-sales'])('%s is valid and exits 0', (name) => {
    const r = runCli(['validate', path.join(SAMPLES, name)]);
    expect(r.stdout).toMatch(/✔ \d+ records in \d+ files: valid/);
    expect(r.code).toBe(0);
  });
});

describe('validate: finding the folder', () => {
  test('uses the nearest folder upward that holds svc-sla.yaml', () => {
    const r = runCli(['validate', '--format', 'json'], { cwd: fixture('validate', 'logic-errors', 'tickets') });
    expect(r.code).toBe(1);
    expect(problemKeys(r.stdout).errors).toContain('tickets/b.yaml:4:9 unknown-region');
  });

  test('a folder without svc-sla.yaml is a usage error (exit 2) with one clear line', () => {
    const dir = tempFolder();
    const r = runCli(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('has no svc-sla.yaml');
  });

  test('no folder here or above is a usage error', () => {
    const r = runCli(['validate'], { cwd: tempFolder() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no svc-sla\.yaml here or in any parent folder/);
  });

  test('a missing folder argument and an unknown option are usage errors', () => {
    expect(runCli(['validate', '/nonexistent/records']).code).toBe(2);
    const r = runCli(['validate', '--formt', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--formt'/);
  });

  test('record files (as pre-commit passes them): only their problems are reported', () => {
    const folder = fixture('validate', 'logic-errors');
    const r = runCli(['validate', '--format', 'json', path.join(folder, 'tickets', 'b.yaml')]);
    expect(r.code).toBe(1);
    // the duplicate id is found against a.yaml, which was not named
    expect(problemKeys(r.stdout).errors).toEqual(['tickets/b.yaml:1:5 duplicate-id', 'tickets/b.yaml:4:9 unknown-region']);
  });
});

describe('validate: output formats', () => {
  const folder = fixture('validate', 'schema-errors');

  test('text groups by file and ends with a count line', () => {
    const r = runCli(['validate', folder]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("tickets/t1.yaml\n  2:1   error    missing required field 'accepted_at' [T-1]  required-field\n");
    expect(r.stdout).toContain("unknown field 'acepted_at' (did you mean 'accepted_at'?): its value would be lost; correct the name");
    expect(r.stdout).toContain("unknown field 'colour': it is ignored");
    expect(r.stdout.trim().split('\n').pop()).toBe('✖ 8 errors, 1 warning in 4 records in 3 files');
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colour when not a terminal
  });

  test('--quiet prints errors only', () => {
    const r = runCli(['validate', folder, '--quiet']);
    expect(r.stdout).not.toContain('warning');
    expect(r.stdout).toContain('error');
  });

  test('FORCE_COLOR colours the text', () => {
    const r = runCli(['validate', folder], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toMatch(/\u001b\[31m/);
  });

  test('github: one workflow command per problem, escaped, then a summary line', () => {
    const r = runCli(['validate', folder, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(10);
    for (const l of lines.slice(0, 9)) expect(l).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=[a-z-]+::\S/);
    expect(lines[0]).toMatch(/^::error file=test\/fixtures\/validate\/schema-errors\/submissions\/plans\.yaml,line=8,col=11,title=format::/);
    expect(lines.find((l) => l.startsWith('::warning'))).toContain('title=unknown-field');
    expect(lines[9]).toBe('✖ 8 errors, 1 warning in 4 records in 3 files');
  });

  test('github is the default under GitHub Actions', () => {
    const r = runCli(['validate', folder], { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.stdout.startsWith('::error ')).toBe(true);
  });

  test('json has the documented shape', () => {
    const r = runCli(['validate', folder, '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['valid', 'records', 'errors', 'warnings']);
    expect(j.valid).toBe(false);
    expect(j.errors[1]).toEqual({
      file: 'tickets/t1.yaml',
      line: 2,
      column: 1,
      kind: 'tickets',
      record: 'T-1',
      rule: 'required-field',
      message: "missing required field 'accepted_at'",
    });
  });
});

describe('validate never writes into the records folder', () => {
  test('the folder is byte-identical after a run', () => {
    const dir = tempFolder(fixture('validate', 'logic-errors'));
    const before = snapshot(dir);
    runCli(['validate', dir]);
    expect(snapshot(dir)).toEqual(before);
  });
});

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const abs = path.join(dir, f);
    if (fs.statSync(abs).isFile()) out[f] = fs.readFileSync(abs, 'base64');
  }
  return out;
}

describe('validate: files that cannot be read as records', () => {
  function folderWith(file: string, bytes: Buffer | string): string {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'svc-sla.yaml'), 'policy: gd-transmission\n');
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), bytes);
    return dir;
  }

  test.each([
    ['binary file', 'tickets/export.yaml', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), 'binary-file'],
    ['neither UTF-8 nor GB18030', 'consultations/q.csv', Buffer.from([0x69, 0x64, 0x0a, 0xff, 0xfe, 0xff, 0x0a]), 'encoding'],
  ])('%s: one located error, exit 1', (_name, file, bytes, rule) => {
    const r = runCli(['validate', folderWith(file, bytes), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(problemKeys(r.stdout).errors).toEqual([`${file}:1:1 ${rule}`]);
  });

  test('a 50 MB file is refused with a one-line error, and the other files are still checked', () => {
    const dir = folderWith('tickets/huge.yaml', Buffer.alloc(50 * 1024 * 1024, 0x61));
    fs.writeFileSync(path.join(dir, 'tickets', 'ok.yaml'), 'id: T-1\nlevel: 2\ncategory: service\naccepted_at: 2026-07-03 10:00\n');
    const r = runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/tickets\/huge\.yaml\n  1:1  error    the file is 50\.0 MB; YAML record files over 2 MB are not read/);
    expect(r.stdout).toContain('1 error in 1 record in 2 files');
  });

  test('an unreadable file is a one-line error naming it', () => {
    const dir = folderWith('tickets/ok.yaml', 'id: T-1\nlevel: 2\ncategory: service\naccepted_at: 2026-07-03 10:00\n');
    const target = path.join(dir, 'tickets', 'locked.yaml');
    if (process.getuid && process.getuid() === 0) {
      // root reads any file: a link to nowhere is the unreadable file root can have
      fs.symlinkSync(path.join(dir, 'nowhere.yaml'), target);
    } else {
      fs.writeFileSync(target, 'id: T-2\n');
      fs.chmodSync(target, 0o000);
    }
    const r = runCli(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(problemKeys(r.stdout).errors).toEqual(['tickets/locked.yaml:1:1 unreadable']);
  });
});

describe('validate on a generated folder, with and without the cache of checked files', () => {
  // the benchmark's generator at a size where the cache is used (500 files or more)
  const { generateRecords } = require('../../src/bench/generate') as typeof import('../../src/bench/generate');

  test('cold, warm and after an edit: the cache never changes what validate says', () => {
    const dir = tempFolder();
    const cache = tempFolder();
    const g = generateRecords(dir, { tickets: 600, csvRows: 20 });
    const env = { SVC_SLA_CACHE: cache };
    const none = runCli(['validate', dir, '--format', 'json'], { env: { SVC_SLA_CACHE: 'off' } });
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout).records).toBe(g.records);
    const cold = runCli(['validate', dir, '--format', 'json'], { env });
    expect(fs.readdirSync(cache)).toHaveLength(1); // written outside the records folder
    const warm = runCli(['validate', dir, '--format', 'json'], { env });
    expect(cold.stdout).toBe(none.stdout);
    expect(warm.stdout).toBe(none.stdout);
    // an edited file is checked again, and its error keeps its exact position
    const file = path.join(path.dirname(g.ticketFiles[7]!), path.basename(g.ticketFiles[7]!));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^level: \d$/m, 'level: 9'));
    const edited = runCli(['validate', dir, '--format', 'json'], { env });
    expect(edited.code).toBe(1);
    const rel = path.relative(dir, file).split(path.sep).join('/');
    expect(problemKeys(edited.stdout).errors).toEqual([`${rel}:2:8 range`]);
    const uncached = runCli(['validate', dir, '--format', 'json'], { env: { SVC_SLA_CACHE: 'off' } });
    expect(edited.stdout).toBe(uncached.stdout);
  });

  test('an edit that keeps the modification time and size (touch -r, cp -p, rsync -t) is seen', () => {
    const dir = tempFolder();
    const cache = tempFolder();
    const g = generateRecords(dir, { tickets: 600, csvRows: 20 });
    const env = { SVC_SLA_CACHE: cache };
    const file = g.ticketFiles[11]!;
    const stamp = 1_790_000_000; // whole seconds: set exactly again after the edit, as touch -r does
    fs.utimesSync(file, stamp, stamp);
    expect(runCli(['validate', dir], { env }).code).toBe(0);
    const before = fs.statSync(file);
    const text = fs.readFileSync(file, 'utf8');
    const edited = text.replace(/^level: \d$/m, 'level: 9');
    expect(edited.length).toBe(text.length);
    fs.writeFileSync(file, edited);
    fs.utimesSync(file, stamp, stamp);
    expect([fs.statSync(file).mtimeMs, fs.statSync(file).size]).toEqual([before.mtimeMs, before.size]);
    const r = runCli(['validate', dir, '--format', 'json'], { env });
    expect(r.code).toBe(1);
    expect(problemKeys(r.stdout).errors).toEqual([`${path.relative(dir, file).split(path.sep).join('/')}:2:8 range`]);
  });

  test('a structurally malformed cache entry is discarded, never a crash', () => {
    const dir = tempFolder();
    const cache = tempFolder();
    generateRecords(dir, { tickets: 600, csvRows: 20 });
    const env = { SVC_SLA_CACHE: cache };
    const clean = runCli(['validate', dir, '--format', 'json'], { env });
    expect(clean.code).toBe(0);
    const [name] = fs.readdirSync(cache);
    const cacheFile = path.join(cache, name!);
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, Record<string, unknown>> };
    const entries = Object.values(stored.files);
    expect(entries.length).toBeGreaterThan(500);
    // every way an entry can be wrong in shape: lists that are not lists, problems and records that are not
    entries.forEach((e, i) => {
      if (i % 4 === 0) e.i = 'not a list';
      else if (i % 4 === 1) e.p = [{ rule: 5 }];
      else if (i % 4 === 2) e.i = [[0, 1, 'X', 1, 1, null]];
      else e.n = 'many';
    });
    fs.writeFileSync(cacheFile, JSON.stringify(stored));
    const r = runCli(['validate', dir, '--format', 'json'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(clean.stdout);
    // the discarded entries are written anew: the next run is warm and the same
    expect(runCli(['validate', dir, '--format', 'json'], { env }).stdout).toBe(clean.stdout);
    const again = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, { i: unknown }> };
    expect(Object.values(again.files).every((e) => Array.isArray(e.i))).toBe(true);
  });

  test('a duplicate id across a cached and an edited file is located in both', () => {
    const dir = tempFolder();
    const cache = tempFolder();
    const g = generateRecords(dir, { tickets: 600, csvRows: 20 });
    const env = { SVC_SLA_CACHE: cache };
    expect(runCli(['validate', dir], { env }).code).toBe(0);
    const a = g.ticketFiles[3]!;
    const b = g.ticketFiles[9]!;
    const idA = /^id: (.*)$/m.exec(fs.readFileSync(a, 'utf8'))![1]!;
    fs.writeFileSync(b, fs.readFileSync(b, 'utf8').replace(/^id: .*$/m, `id: ${idA}`));
    const r = runCli(['validate', dir, '--format', 'json'], { env });
    const rel = (f: string) => path.relative(dir, f).split(path.sep).join('/');
    expect(problemKeys(r.stdout).errors.sort()).toEqual([`${rel(a)}:1:5 duplicate-id`, `${rel(b)}:1:5 duplicate-id`].sort());
  });
});

describe('validate and report on a second core (SVC_SLA_WORKERS)', () => {
  const { generateRecords } = require('../../src/bench/generate') as typeof import('../../src/bench/generate');

  /** A generated folder with one file of each way a worker hands a file back: clean flat YAML, non-flat YAML, CSV, and files with problems. */
  function mixedFolder(): { dir: string; rel: (f: string) => string; files: readonly string[] } {
    const dir = tempFolder();
    const g = generateRecords(dir, { tickets: 1500, csvRows: 30 });
    const rel = (f: string) => path.relative(dir, f).split(path.sep).join('/');
    const edit = (i: number, fn: (t: string) => string) => fs.writeFileSync(g.ticketFiles[i]!, fn(fs.readFileSync(g.ticketFiles[i]!, 'utf8')));
    edit(300, (t) => t.replace(/^level: \d$/m, 'level: 9')); // a schema error
    edit(700, (t) => `${t}summary: again\n`); // a duplicate key: the full parser
    edit(900, (t) => t.replace(/^summary: (.*)$/m, 'summary: "$1"')); // quoted: not flat, valid
    edit(1100, (t) => `${t}colour: red\n`); // an unknown field: a warning
    edit(1400, (t) => t.replace(/^accepted_at: .*$/m, 'accepted_at: 2026-02-30 10:00')); // a bad timestamp
    return { dir, rel, files: g.ticketFiles };
  }

  test('the worker changes nothing: same problems, positions and counts as one thread', () => {
    const { dir, rel, files } = mixedFolder();
    const one = runCli(['validate', dir, '--format', 'json'], { env: { SVC_SLA_CACHE: 'off', SVC_SLA_WORKERS: 'off' } });
    const two = runCli(['validate', dir, '--format', 'json'], { env: { SVC_SLA_CACHE: 'off', SVC_SLA_WORKERS: 'force' } });
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const keys = problemKeys(two.stdout);
    expect(keys.errors).toEqual(
      expect.arrayContaining([`${rel(files[300]!)}:2:8 range`, `${rel(files[1400]!)}:4:14 format`]),
    );
    expect(keys.errors.some((k) => k.startsWith(`${rel(files[700]!)}:`) && k.endsWith('duplicate-key'))).toBe(true);
    expect(keys.warnings.some((k) => k.startsWith(`${rel(files[1100]!)}:`) && k.endsWith('unknown-field'))).toBe(true);
    expect(keys.errors.some((k) => k.startsWith(`${rel(files[900]!)}:`))).toBe(false);
  });

  test('a file nested too deep is refused at the same place whichever thread parsed it', () => {
    const dir = tempFolder();
    const g = generateRecords(dir, { tickets: 1500, csvRows: 30 });
    const rel = (f: string) => path.relative(dir, f).split(path.sep).join('/');
    // deep enough to exhaust a thread's stack if parsed by recursion; spread over the chunks of both threads
    const deep = `id: DEEP\nnote: ${'['.repeat(30_000)}${']'.repeat(30_000)}\n`;
    const at = [5, 400, 800, 1200, 1490];
    for (const i of at) fs.writeFileSync(g.ticketFiles[i]!, deep.replace('DEEP', `DEEP-${i}`));
    const one = runCli(['validate', dir, '--format', 'json'], { env: { SVC_SLA_CACHE: 'off', SVC_SLA_WORKERS: 'off' } });
    const two = runCli(['validate', dir, '--format', 'json'], { env: { SVC_SLA_CACHE: 'off', SVC_SLA_WORKERS: 'force' } });
    expect(one.code).toBe(1);
    expect(problemKeys(one.stdout).errors).toEqual(at.map((i) => `${rel(g.ticketFiles[i]!)}:2:70 yaml-limit`).sort());
    expect(two.stdout).toBe(one.stdout);
  });

  test('a report computed with the worker is byte-identical to one without', () => {
    const dir = tempFolder();
    generateRecords(dir, { tickets: 1500, csvRows: 30 });
    const args = ['report', '--quarter', '2026-Q3', dir, '--as-of', '2026-11-25', '--format', 'json'];
    const one = runCli(args, { env: { SVC_SLA_CACHE: 'off', SVC_SLA_WORKERS: 'off' } });
    const two = runCli(args, { env: { SVC_SLA_CACHE: 'off', SVC_SLA_WORKERS: 'force' } });
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).findings.length).toBeGreaterThan(0);
  });

  test('with the cache: files checked by the worker are cached and give the same answer warm', () => {
    const { dir } = mixedFolder();
    const cache = tempFolder();
    const env = { SVC_SLA_CACHE: cache, SVC_SLA_WORKERS: 'force' };
    const reference = runCli(['validate', dir, '--format', 'json'], { env: { SVC_SLA_CACHE: 'off', SVC_SLA_WORKERS: 'off' } });
    const cold = runCli(['validate', dir, '--format', 'json'], { env });
    const warm = runCli(['validate', dir, '--format', 'json'], { env });
    expect(cold.stdout).toBe(reference.stdout);
    expect(warm.stdout).toBe(reference.stdout);
  });
});
