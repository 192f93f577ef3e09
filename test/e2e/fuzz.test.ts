/**
 * Fuzz: random and mutated YAML/CSV must never crash `validate`: the exit code is 0, 1 or 2 and
 * nothing is printed as an internal error. Seeded, so a failure can be replayed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng } from '../../src/util/rng';
import { runCli, tempFolder } from './run';

const SEEDS_YAML = [
  'id: GD-1\nlevel: 1\ncategory: service\nhandling: onsite\ncity: 佛山\naccepted_at: 2026-07-03 10:00\nrestored_at: 2026-07-03T16:30:00+08:00\n',
  '- id: I-1\n  trunk: 广州-深圳\n  planned_date: 2026-07-10\n  findings:\n    - {summary: x, handled_late: true}\n- &a\n  id: I-2\n  trunk: x\n  planned_date: 2026-08-01\n- <<: *a\n  id: I-3\n',
  'id: S-1\ntype: inspection-plan\nperiod: 2026\ntrunks: [a, b]\nsubmitted_at: 2026-03-01\n---\nid: S-2\ntype: monthly-report\nperiod: 2026-07\nsubmitted_at: 2026-08-14\n',
];
const SEEDS_CSV = ['故障单号,故障级别,category,accepted_at\nGD-9,2,service,2026-07-03 10:00\n', 'id,received_at,responded_at\nQ-1,2026-09-30 10:00,"2026-10-09 09:00"\n'];
const ALPHABET = ['\n', ' ', ':', '-', '[', ']', '{', '}', '&', '*', '<<', '"', "'", ',', '#', '|', '>', '!', '%', '@', '`', '\t', '\u0000', '\uFEFF', '广', '2026-13-45', '25:61', '---', '...', '? ', 'level: 1\n'];

function mutate(text: string, r: () => number): string {
  let s = text;
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (s.length + 1));
    const op = r();
    if (op < 0.4) s = s.slice(0, at) + ALPHABET[Math.floor(r() * ALPHABET.length)] + s.slice(at);
    else if (op < 0.7) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 8));
    else if (op < 0.85) s = s + s.slice(at);
    else s = s.slice(0, at) + s.slice(at).split('').reverse().join('');
  }
  return s;
}

function randomText(r: () => number): string {
  let s = '';
  const n = Math.floor(r() * 200);
  for (let i = 0; i < n; i++) s += r() < 0.7 ? ALPHABET[Math.floor(r() * ALPHABET.length)] : String.fromCharCode(Math.floor(r() * 0x3000));
  return s;
}

const KINDS = ['tickets', 'inspections', 'submissions', 'consultations', 'loans', 'assessments'];

describe('fuzz validate', () => {
  test.each([1, 2, 3, 4, 5, 6])('seed %i: 40 mutated files, exit 0/1/2, no crash', (seed) => {
    const r = rng(seed);
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'svc-sla.yaml'), 'policy: gd-transmission\n');
    for (let i = 0; i < 40; i++) {
      const kind = KINDS[Math.floor(r() * KINDS.length)]!;
      fs.mkdirSync(path.join(dir, kind), { recursive: true });
      const csv = r() < 0.3;
      const base = csv ? SEEDS_CSV[Math.floor(r() * SEEDS_CSV.length)]! : SEEDS_YAML[Math.floor(r() * SEEDS_YAML.length)]!;
      const text = r() < 0.15 ? randomText(r) : mutate(base, r);
      const bytes = r() < 0.1 ? Buffer.from(Array.from({ length: 64 }, () => Math.floor(r() * 256))) : Buffer.from(text, 'utf8');
      fs.writeFileSync(path.join(dir, kind, `f${i}.${csv ? 'csv' : 'yaml'}`), bytes);
    }
    for (const format of ['text', 'json']) {
      const out = runCli(['validate', dir, '--format', format]);
      expect([0, 1, 2]).toContain(out.code);
      expect(out.stderr).not.toMatch(/internal error|    at /);
      if (format === 'json') expect(() => JSON.parse(out.stdout)).not.toThrow();
    }
  });
});
