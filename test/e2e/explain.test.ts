/**
 * `svc-sla explain` as a user runs it: its JSON against schemas/output-explain.schema.json, its
 * verdicts against breaches' for the same records, the same bytes in any time zone and locale,
 * and a usage error (exit 2, no stack trace) for a record that is not there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ROOT, runCli, SAMPLES, tempFolder } from './run';

const AS_OF = '2026-11-25';
let sample: string;
beforeAll(() => {
  sample = tempFolder(path.join(SAMPLES, 'gd-transmission'));
});
afterAll(() => {
  fs.rmSync(sample, { recursive: true, force: true });
});

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'output-explain.schema.json'), 'utf8')));

// a level-1 ticket late on site, a difficult one, a linked loan, a CSV consultation, an inspection, an assessment
const RECORDS = ['GD-2026-0142', 'GD-2026-0183', 'JY-2026-02', 'ZX-2026-031', 'XJ-2026-007', 'KH-2026-01'];

describe('explain --format json', () => {
  let breaches: { record: string | null; clause: string; points: number }[];
  beforeAll(() => {
    const r = runCli(['breaches', sample, '--as-of', AS_OF, '--format', 'json']);
    expect(r.code).toBe(0);
    breaches = (JSON.parse(r.stdout) as { findings: typeof breaches }).findings;
  });

  test.each(RECORDS)('%s: valid against the schema, and its findings are breaches\' findings', (id) => {
    const r = runCli(['explain', id, sample, '--as-of', AS_OF, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { record: string; clocks: { clause: string; finding: boolean; points: number; via: string | null }[] };
    if (!validate(data)) throw new Error(ajv.errorsText(validate.errors));
    expect(data.record).toBe(id);
    const mine = data.clocks.filter((c) => c.finding && c.via === null).map((c) => `${c.clause} ${c.points}`).sort();
    const theirs = breaches.filter((f) => f.record === id).map((f) => `${f.clause} ${f.points}`).sort();
    expect(mine).toEqual(theirs);
  });
});

describe('explain', () => {
  test('the same bytes in any time zone and locale', () => {
    const a = runCli(['explain', 'GD-2026-0142', sample, '--as-of', AS_OF], { env: { TZ: 'UTC', LANG: 'C' } });
    const b = runCli(['explain', 'GD-2026-0142', sample, '--as-of', AS_OF], { env: { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8' } });
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  test('a record that is not there is a usage error with a suggestion', () => {
    const r = runCli(['explain', 'GD-2026-014', sample, '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^svc-sla: no record 'GD-2026-014' in .*did you mean/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('--help has examples', () => {
    const r = runCli(['explain', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('svc-sla explain');
  });

  test('md pastes into minutes: a heading per clause', () => {
    const r = runCli(['explain', 'GD-2026-0142', sample, '--as-of', AS_OF, '--format', 'md', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Explanation of GD-2026-0142/);
    expect(r.stdout).toMatch(/^## fault\.l1\.restore\.onsite: /m);
  });
});

describe('findings carry the limit and overrun explain gives', () => {
  test('every finding of breaches --format json: the same duration and region as its explanation', () => {
    const sample = path.join(SAMPLES, 'gd-transmission');
    const b = runCli(['breaches', sample, '--as-of', '2026-11-25', '--format', 'json', '--lang', 'en']);
    expect(b.code).toBe(0);
    type F = { record: string | null; clause: string; limit: { duration: string | null; region: string | null; agreed: string | null } | null; overrun: { minutes: number; workdays: number | null } | null; message: string };
    const findings = (JSON.parse(b.stdout).findings as F[]).filter((f) => f.record !== null && f.limit !== null && f.limit.duration !== null);
    expect(findings.length).toBeGreaterThan(5);
    const explained = new Map<string, { clocks: { clause: string; limit: { duration?: string; region?: string } | null }[] }>();
    for (const f of findings) {
      if (!explained.has(f.record!)) explained.set(f.record!, JSON.parse(runCli(['explain', f.record!, sample, '--as-of', '2026-11-25', '--format', 'json']).stdout));
      const clock = explained.get(f.record!)!.clocks.find((c) => c.clause === f.clause)!;
      expect([f.record, f.clause, f.limit!.duration, f.limit!.region ?? undefined]).toEqual([f.record, f.clause, clock.limit!.duration, clock.limit!.region]);
    }
    // a working-day limit is overrun in working days, as the message says
    const wd = findings.find((f) => f.limit!.duration!.endsWith('wd') && f.overrun !== null)!;
    expect(wd.overrun!.workdays).toEqual(expect.any(Number));
    expect(wd.message).toContain(`${wd.overrun!.workdays} working day`);
  });
});
