/**
 * A folder with more than 150,000 problems is checked and reported in every format: no
 * `push(...xs)` or `Math.max(...xs)` over a list that long (each element an argument on the
 * stack, which overflowed at about 120,000 and ended validate with an internal error).
 */
import * as path from 'node:path';
import { checkFolder } from '../../src/checks';
import type { Problem } from '../../src/core/problems';
import { renderGithub, renderGitlab, renderJson, renderText } from '../../src/render/problems';
import { memoryFiles } from '../../src/source/fs';
import { maxOf, minOf, pushAll } from '../../src/util/arrays';
import { TEST_NOW_MS } from '../now';

const ROOT = path.join(path.sep, 'records');
const N = 150_500;

test(`a CSV of ${N.toLocaleString('en')} tickets without accepted_at: one problem each, and the text report of them`, () => {
  const rows = ['id,level,category'];
  for (let i = 0; i < N; i++) rows.push(`T${i},2,service`);
  const ws = checkFolder(ROOT, { files: memoryFiles(ROOT, { 'svc-sla.yaml': 'policy: gd-transmission\n', 'tickets/all.csv': rows.join('\n') + '\n' }), now: TEST_NOW_MS });
  expect(ws.problems).toHaveLength(N);
  expect(ws.problems[N - 1]).toMatchObject({ file: 'tickets/all.csv', line: N + 1, rule: 'required-field', record: `T${N - 1}` });
  const text = renderText({ records: ws.recordCount, files: 1, problems: ws.problems }, { quiet: false });
  expect(text.endsWith(`✖ ${N} errors in ${N} records in 1 file\n`)).toBe(true);
}, 120_000);

test('160,000 problems in every format of validate', () => {
  const problems: Problem[] = [];
  for (let i = 0; i < 160_000; i++) {
    problems.push({ severity: i % 3 ? 'error' : 'warning', file: `tickets/t${i % 7}.yaml`, line: i + 1, column: 1 + (i % 40), kind: 'tickets', record: `T${i}`, rule: 'required-field', message: 'missing required field' });
  }
  const s = { records: 160_000, files: 7, problems };
  expect(renderText(s, { quiet: false }).split('\n').length).toBeGreaterThan(160_000);
  expect(renderText(s, { quiet: true }).split('\n').length).toBeGreaterThan(106_000);
  expect(renderJson(s).length).toBeGreaterThan(160_000 * 50);
  expect(renderGithub(s, { quiet: false, pathFor: (f) => f }).split('\n').length).toBeGreaterThan(160_000);
  expect(renderGitlab(s, { quiet: false, pathFor: (f) => f }).length).toBeGreaterThan(160_000 * 50);
});

test('the loops that replace the spreads take lists of any length', () => {
  const xs = Array.from({ length: 300_000 }, (_, i) => i);
  expect(maxOf(xs)).toBe(299_999);
  expect(minOf(xs, 5)).toBe(0);
  expect(maxOf([], 0)).toBe(0);
  expect(pushAll([-1], xs)).toHaveLength(300_001);
});
