/**
 * The engine takes every limit and point value from the policy: a policy that extends the
 * built-in one (or an edited copy of it) changes the verdict without any code change.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPolicy, packageRoot } from '../../src/policy/load';
import type { Policy } from '../../src/core/policy';
import type { Plain } from './helpers';
import { assessment, iso, late, onTime, run, ticket } from './helpers';

function policyFile(name: string, text: string): Policy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-rules-policy-'));
  try {
    fs.writeFileSync(path.join(dir, name), text);
    const r = loadPolicy(name, dir);
    expect(r.problems).toEqual([]);
    if (!r.policy) throw new Error('policy did not load');
    return r.policy;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const LENIENT = `id: gd-lenient-l2
name: { zh-CN: 二级故障放宽, en: Level 2 relaxed }
extends: gd-transmission
clauses:
  - id: fault.l2.resolve
    limit: 8d
  - id: fault.violation
    points: -20
`;

/** Level 2 accepted 07-01 09:00 and resolved 7 d + 1 min later. */
const level2 = (resolved: string): Plain[] => [ticket('T', { level: 2, accepted_at: '2026-07-01 09:00', resolved_at: resolved })];

describe('a policy that extends gd-transmission', () => {
  const custom = policyFile('lenient.yaml', LENIENT);

  test('fault.l2.resolve 7d → 8d: a ticket resolved after 7 d + 1 min is late under the built-in, on time under the extension', () => {
    const records = level2('2026-07-08 09:01');
    expect(run(records).view('fault.l2.resolve', 'T')).toEqual(late(iso('2026-07-08 09:00'), iso('2026-07-08 09:01'), -5, 'fault.l2', '2026-Q3'));
    expect(run(records, { withPolicy: custom }).view('fault.l2.resolve', 'T')).toEqual(onTime(iso('2026-07-09 09:00'), iso('2026-07-08 09:01'), -5, 'fault.l2', '2026-Q3'));
  });

  test('…and the new limit has its own boundary: 8 d + 1 min is late', () => {
    expect(run(level2('2026-07-09 09:01'), { withPolicy: custom }).view('fault.l2.resolve', 'T')).toEqual(
      late(iso('2026-07-09 09:00'), iso('2026-07-09 09:01'), -5, 'fault.l2', '2026-Q3'),
    );
  });

  test('fault.violation −10 → −20 per violation (× count)', () => {
    const records = [assessment('A', 'fault.violation', '2026-08-01', { count: 2 })];
    expect(run(records).view('fault.violation', 'A').points).toBe(-20);
    expect(run(records, { withPolicy: custom }).view('fault.violation', 'A').points).toBe(-40);
  });

  test('clauses it does not touch keep the built-in limits', () => {
    const records = [ticket('T', { level: 3, accepted_at: '2026-07-01 09:00', resolved_at: '2026-07-11 09:01' })];
    expect(run(records, { withPolicy: custom }).view('fault.l34.resolve', 'T')).toEqual(late(iso('2026-07-11 09:00'), iso('2026-07-11 09:01'), -5, 'fault.l34', '2026-Q3'));
  });
});

test('an edited copy of the built-in file: fault.l2.resolve limit 7d → 6d makes an on-time ticket late', () => {
  const original = fs.readFileSync(path.join(packageRoot(), 'policies', 'gd-transmission.yaml'), 'utf8');
  // the only `limit: 7d` in the file is fault.l2.resolve's
  expect(original.split('limit: 7d').length).toBe(2);
  const edited = policyFile('copy.yaml', original.replace('id: gd-transmission', 'id: gd-copy').replace('limit: 7d', 'limit: 6d'));
  const records = level2('2026-07-07 09:01');
  expect(run(records).view('fault.l2.resolve', 'T')).toMatchObject({ status: 'met', due: iso('2026-07-08 09:00') });
  expect(run(records, { withPolicy: edited }).view('fault.l2.resolve', 'T')).toEqual(late(iso('2026-07-07 09:00'), iso('2026-07-07 09:01'), -5, 'fault.l2', '2026-Q3'));
});

test('an operator obligation never costs the vendor points, even when a policy gives it some', () => {
  const withPoints = policyFile(
    'operator.yaml',
    `id: gd-operator-points
name: { zh-CN: 运营商义务计分, en: Operator points }
extends: gd-transmission
clauses:
  - id: hardware.return
    points: -3
`,
  );
  expect(withPoints.clauses.find((c) => c.id === 'hardware.return')).toMatchObject({ operator: true, points: -3 });
  // received 07-05 10:00 + 15 d = 07-20 10:00; returned one minute later
  const records = [
    { kind: 'loans' as const, id: 'L', purpose: 'cutover', requested_at: '2026-07-01 10:00', agreed_delivery: '2026-07-03 09:00', delivered_at: '2026-07-03 08:00', received_at: '2026-07-05 10:00', returned_at: '2026-07-20 10:01' },
  ];
  const o = run(records, { withPolicy: withPoints });
  expect(o.view('hardware.return', 'L')).toEqual(late(iso('2026-07-20 10:00'), iso('2026-07-20 10:01'), 0, 'hardware', '2026-Q3'));
  expect(o.one('hardware.return', 'L').operator).toBe(true);
});
