/** Locks hash records as normalised: a record re-typed from 一级 to 1 (or from YAML to a sheet) is the same record. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkFolder } from '../../src/checks';
import { recordHash } from '../../src/lock/hash';
import { memoryFiles } from '../../src/source/fs';
import { TEST_NOW_MS } from '../now';

const ROOT = path.join(path.sep, 'records');
const hashes = (files: Record<string, string | Uint8Array>): Record<string, string> => {
  const ws = checkFolder(ROOT, { files: memoryFiles(ROOT, { 'svc-sla.yaml': 'policy: gd-transmission\n', ...files }), now: TEST_NOW_MS });
  expect(ws.problems).toEqual([]);
  return Object.fromEntries(ws.records.map((r) => [r.id, recordHash(r)]));
};

test('一级 and 1, 是 and true, 2026/9/7 10:00 and 2026-09-07 10:00 hash the same', () => {
  const typed = hashes({ 'tickets/a.yaml': 'id: T-1\nlevel: 三级\ncategory: 网管问题\naccepted_at: 2026/9/7 10:00\nvendor_caused: 是\n' });
  const canonical = hashes({ 'tickets/a.yaml': 'id: T-1\nlevel: 3\ncategory: nms\naccepted_at: 2026-09-07 10:00\nvendor_caused: true\n' });
  expect(typed).toEqual(canonical);
});

test('a ticket of a workbook hashes as the same ticket in YAML', () => {
  const sheet = hashes({ 'tickets/q3.xlsx': fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'excel', 'tickets-2026-Q3.xlsx')) });
  const yaml = hashes({ 'tickets/b.yaml': 'id: GD-X-002\nlevel: 3\ncategory: nms\ncity: 韶关\nhandling: remote\naccepted_at: 2026-09-07 10:00\nresolved_at: 2026-09-15 16:00\nsummary: 部分网元无法登录\n' });
  expect(sheet['GD-X-002']).toBe(yaml['GD-X-002']);
});
