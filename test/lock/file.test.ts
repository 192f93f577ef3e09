import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Clock } from '../../src/calendar/time';
import { diskFiles } from '../../src/source/fs';
import { existingLocksOf, listLockFiles, readLockFile, renderLock, writeNewLockFile } from '../../src/lock/file';
import type { Lock } from '../../src/lock/model';

const clock = new Clock('Asia/Shanghai');
const LOCK: Lock = {
  svc_sla_lock: 1,
  quarter: '2026-Q3',
  as_of: '2026-11-25T23:59:59.999+08:00',
  policy: 'gd-transmission',
  locked_at: '2026-11-26T10:00:00+08:00',
  provenance: { commit: '0123456789abcdef0123456789abcdef01234567', dirty: false },
  categories: [
    { id: 'fault.l1', deductions: 14, bonus: 0, score: null, count: 6 },
    { id: 'other', deductions: 0, bonus: 1, score: null, count: 1 },
  ],
  total: { deductions: 14, bonus: 1, count: 7 },
  records: [
    { id: 'GD-2026-0142', kind: 'tickets', file: 'tickets/2026/07/GD-2026-0142.yaml', sha256: 'a'.repeat(64) },
    { id: 'KH-2026-03', kind: 'assessments', file: 'assessments/2026-Q3.yaml', sha256: '1'.repeat(64) },
  ],
};

function folder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-lock-'));
}
function put(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}
const keys = (r: { problems: readonly { line: number; rule: string }[] }) => r.problems.map((p) => `${p.line} ${p.rule}`);

describe('renderLock → readLockFile', () => {
  const text = renderLock(LOCK, 'locks/2026-Q3.yaml');

  test('a commented header that says how to remove the lock, one line per category and record', () => {
    expect(text).toMatch(/^# svc-sla evidence lock for 2026-Q3/);
    expect(text).toContain('#   git rm locks/2026-Q3.yaml && git commit -m "Unlock 2026-Q3: <why, agreed with whom>"');
    expect(text).toContain('\n  - {id: fault.l1, deductions: 14, bonus: 0, score: null, count: 6}\n');
    expect(text).toContain('\ntotal: {deductions: 14, bonus: 1, count: 7}\n');
    // a hash of digits only stays a string
    expect(text).toMatch(/sha256: "1{64}"/);
  });

  test('reads back as the same lock, with positions', () => {
    const root = folder();
    put(root, 'locks/2026-Q3.yaml', text);
    const r = readLockFile(diskFiles, root, 'locks/2026-Q3.yaml', clock);
    expect(r.problems).toEqual([]);
    expect(r.lock).toEqual(LOCK);
    expect(r.asOf).toBe(clock.endOfDay('2026-11-25'));
    const line = text.split('\n').findIndex((l) => l.includes('id: KH-2026-03')) + 1;
    expect(r.locate(['records', 1]).line).toBe(line);
  });
});

describe('readLockFile: a malformed lock is a located error', () => {
  const text = renderLock(LOCK, 'locks/2026-Q3.yaml');
  const lineOf = (t: string, s: string) => t.split('\n').findIndex((l) => l.includes(s)) + 1;

  test.each([
    ['a bad hash', text.replace('a'.repeat(64), 'xyz'), 'id: GD-2026-0142', 'records[0].sha256'],
    ['a missing total', text.replace(/^total: .*\n/m, ''), 'svc_sla_lock', "missing required field 'total'"],
    ['an unknown field', text.replace('policy: gd-transmission', 'policy: gd-transmission\nsigned_by: both'), 'signed_by', "unknown field 'signed_by'"],
    ['a future version', text.replace('svc_sla_lock: 1', 'svc_sla_lock: 2'), 'svc_sla_lock', 'another version of svc-sla'],
    ['a count that is not a number', text.replace('count: 6}', 'count: six}'), 'id: fault.l1', 'categories[0].count'],
  ])('%s', (_, bad, at, words) => {
    const root = folder();
    put(root, 'locks/2026-Q3.yaml', bad);
    const r = readLockFile(diskFiles, root, 'locks/2026-Q3.yaml', clock);
    expect(r.lock).toBeNull();
    expect(keys(r)).toContain(`${lineOf(bad, at)} lock-file`);
    expect(r.problems.map((p) => p.message).join('\n')).toContain(words);
    for (const p of r.problems) expect(p.file).toBe('locks/2026-Q3.yaml');
  });

  test('YAML syntax errors and duplicate keys keep their rules', () => {
    const root = folder();
    put(root, 'locks/2026-Q3.yaml', 'quarter: [\n');
    expect(readLockFile(diskFiles, root, 'locks/2026-Q3.yaml', clock).problems.map((p) => p.rule)).toEqual(['yaml-syntax']);
    put(root, 'locks/2026-Q3.yaml', text.replace('policy: gd-transmission', 'policy: gd-transmission\npolicy: other'));
    expect(readLockFile(diskFiles, root, 'locks/2026-Q3.yaml', clock).problems.map((p) => p.rule)).toEqual(['duplicate-key', 'duplicate-key']);
  });

  test('the file name must be the quarter; a record listed twice', () => {
    const root = folder();
    put(root, 'locks/2026-Q2.yaml', text);
    const r = readLockFile(diskFiles, root, 'locks/2026-Q2.yaml', clock);
    expect(keys(r)).toEqual([`${lineOf(text, 'quarter:')} lock-file`]);
    expect(r.problems[0]!.message).toContain('this lock is for 2026-Q3 but the file is named for 2026-Q2');
    put(root, 'locks/signed.yaml', text);
    expect(readLockFile(diskFiles, root, 'locks/signed.yaml', clock).problems[0]!.message).toContain('a lock file is named after its quarter');
    const twice = text.replace(/(  - \{id: KH-2026-03)/, '  - {id: GD-2026-0142, kind: tickets, file: x.yaml, sha256: ' + 'b'.repeat(64) + '}\n$1');
    put(root, 'locks/2026-Q3.yaml', twice);
    expect(readLockFile(diskFiles, root, 'locks/2026-Q3.yaml', clock).problems[0]!.message).toBe('GD-2026-0142 is listed twice (first at records[0])');
  });

  test('a list or an empty document is not a lock', () => {
    const root = folder();
    put(root, 'locks/2026-Q3.yaml', '- a\n- b\n');
    expect(readLockFile(diskFiles, root, 'locks/2026-Q3.yaml', clock).problems[0]!.message).toMatch(/^not a lock/);
  });
});

describe('listing and writing', () => {
  test('listLockFiles: YAML files directly in locks/, sorted; none without the folder', () => {
    const root = folder();
    expect(listLockFiles(diskFiles, root)).toEqual([]);
    put(root, 'locks/2026-Q3.yaml', 'x');
    put(root, 'locks/2026-Q1.yml', 'x');
    put(root, 'locks/README.md', 'x');
    put(root, 'locks/.2026-Q4.yaml.123.tmp', 'x');
    put(root, 'locks/old/2025-Q4.yaml', 'x');
    expect(listLockFiles(diskFiles, root)).toEqual(['locks/2026-Q1.yml', 'locks/2026-Q3.yaml']);
    expect(existingLocksOf(root, '2026-Q1')).toEqual(['locks/2026-Q1.yml']);
    expect(existingLocksOf(root, '2026-Q2')).toEqual([]);
  });

  test('writeNewLockFile creates locks/ and never replaces an existing file', () => {
    const root = folder();
    const file = path.join(root, 'locks', '2026-Q3.yaml');
    writeNewLockFile(file, 'first\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('first\n');
    expect(() => writeNewLockFile(file, 'second\n')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(fs.readFileSync(file, 'utf8')).toBe('first\n');
    // no temporary file left behind
    expect(fs.readdirSync(path.join(root, 'locks'))).toEqual(['2026-Q3.yaml']);
  });
});
