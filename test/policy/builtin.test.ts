import { parse as parseYaml } from 'yaml';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { builtinPolicyNames, loadPolicy, packageRoot } from '../../src/policy/load';
import { parseDuration } from '../../src/core/policy';
import type { Clause, Policy } from '../../src/core/policy';

/** Every clause id of CONTRACT.md parts 1–4 (kept here: CI does not always have ../shared). */
const CONTRACT_IDS = [
  'fault.l1.restore.remote', 'fault.l1.restore.onsite', 'fault.l1.stage.depart', 'fault.l1.stage.travel',
  'fault.l1.stage.repair', 'fault.l1.doc.report', 'fault.l1.doc.analysis',
  'fault.l2.resolve', 'fault.l2.nms-down.resolve', 'fault.l34.resolve', 'fault.difficult.resolve',
  'fault.doc.analysis', 'fault.doc.monthly',
  'fault.complaint', 'fault.violation',
  'inspection.plan', 'inspection.coverage', 'inspection.missed', 'inspection.change-notice', 'inspection.doc',
  'inspection.fault-caused.major', 'inspection.fault-caused.minor', 'inspection.finding-delay', 'inspection.complaint',
  'inspection.operator.change-notice', 'inspection.operator.special-notice',
  'hardware.l1-loan', 'hardware.cutover-loan', 'hardware.complaint', 'hardware.return',
  'consult.response', 'consult.answer', 'consult.interface', 'consult.hotline-notice', 'consult.complaint',
  'other.complaint', 'other.commendation',
  'software.response', 'software.application', 'software.window', 'software.uncertified',
  'software.operator-error', 'software.version-list', 'software.spares-sync', 'software.failure-report',
  'docs.response', 'docs.mismatch', 'docs.not-updated',
  'exchange.volume', 'exchange.response', 'exchange.preparation',
  'meeting.response', 'meeting.materials', 'meeting.deliverables',
];

const TABLE_ORDER = [
  'fault.l1', 'fault.l2', 'fault.l34', 'fault.difficult', 'fault.violation', 'inspection', 'hardware',
  'consult', 'other', 'software', 'docs', 'exchange', 'meeting',
];

function gd(): Policy {
  const r = loadPolicy('gd-transmission', process.cwd());
  expect(r.problems).toEqual([]);
  if (!r.policy) throw new Error('gd-transmission did not load');
  return r.policy;
}

function clause(p: Policy, id: string): Clause {
  const c = p.clauses.find((x) => x.id === id);
  if (!c) throw new Error(`no clause ${id}`);
  return c;
}

describe('built-in policies', () => {
  test('are listed', () => {
    expect(builtinPolicyNames()).toEqual(['after-sales', 'gd-transmission']);
  });

  test.each(['gd-transmission', 'after-sales'])('%s loads without problems', (name) => {
    const r = loadPolicy(name, '/nonexistent-base');
    expect(r.problems).toEqual([]);
    expect(r.policy?.id).toBe(name);
    expect(r.policy?.source).toBe(`builtin:${name}`);
  });

  test('the schema compiles under ajv strict mode', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'schemas', 'policy.schema.json'), 'utf8'));
    const ajv = new Ajv({ strict: true, strictTypes: true, strictTuples: true, strictRequired: true, allErrors: true });
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  // the loader trusts the built-in files (it skips compiling the schema for them): this is the check
  test.each(['gd-transmission', 'after-sales'])('policies/%s.yaml is valid against the policy schema', (name) => {
    const schema = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'schemas', 'policy.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
    const data = parseYaml(fs.readFileSync(path.join(packageRoot(), 'policies', `${name}.yaml`), 'utf8'));
    expect([validate(data), validate.errors ?? null]).toEqual([true, null]);
  });

  test('a custom policy that extends a built-in one is still checked against the schema', () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'svc-sla-policy-'));
    const file = path.join(dir, 'p.yaml');
    fs.writeFileSync(file, 'id: p\nname: {zh-CN: p, en: p}\nextends: gd-transmission\nclauses:\n  - id: fault.l2.resolve\n    limit: 7x\n');
    const r = loadPolicy(file, dir);
    expect(r.policy).toBeNull();
    expect(r.problems.map((p) => [p.line, p.rule])).toEqual([[6, 'policy-schema']]);
  });
});

describe('gd-transmission', () => {
  test('carries every clause of CONTRACT.md, and only one more (inspection.outcome, shown only: a planned inspection nobody recorded)', () => {
    const ids = gd().clauses.map((c) => c.id);
    expect([...ids].sort()).toEqual([...CONTRACT_IDS, 'inspection.outcome'].sort());
    expect(gd().clauses.find((c) => c.id === 'inspection.outcome')!.points).toBe(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every clause has zh-CN and en titles and a limit_text', () => {
    for (const c of gd().clauses) {
      expect(c.title['zh-CN']).toMatch(/\S/);
      expect(c.title.en).toMatch(/\S/);
      expect(c.limit_text?.['zh-CN']).toMatch(/\S/);
      expect(c.limit_text?.en).toMatch(/\S/);
    }
  });

  test('categories follow the quarterly table; only l34 and difficult have a maximum', () => {
    const p = gd();
    expect(p.categories.map((c) => c.id)).toEqual(TABLE_ORDER);
    expect(Object.fromEntries(p.categories.map((c) => [c.id, c.max]))).toEqual({
      ...Object.fromEntries(TABLE_ORDER.map((id) => [id, null])),
      'fault.l34': 10,
      'fault.difficult': 5,
    });
  });

  test('region table: 4 regions, 21 cities, stage limits in hours', () => {
    const p = gd();
    expect(p.regions.map((r) => r.id)).toEqual(['core', 'prd', 'other', 'east-west']);
    expect(p.regions.flatMap((r) => r.cities)).toHaveLength(21);
    expect(new Set(p.regions.flatMap((r) => r.cities)).size).toBe(21);
    const hours = (stage: string) => p.regions.map((r) => r.limits[stage]?.unit === 'h' ? r.limits[stage]?.amount : NaN);
    expect(hours('depart')).toEqual([1, 1, 1, 1]);
    expect(hours('travel')).toEqual([2, 3, 5, 7]);
    expect(hours('repair')).toEqual([2, 2, 2, 2]);
    expect(hours('total')).toEqual([5, 6, 8, 10]);
    expect(p.regions.find((r) => r.cities.includes('东莞'))?.id).toBe('core');
    expect(p.regions.find((r) => r.cities.includes('梅州'))?.id).toBe('east-west');
  });

  test('points as the contract states them', () => {
    const p = gd();
    const points = Object.fromEntries(p.clauses.map((c) => [c.id, c.points]));
    expect(points).toMatchObject({
      'fault.l1.restore.remote': -5, 'fault.l1.restore.onsite': -5, 'fault.l1.stage.depart': 0,
      'fault.l1.doc.report': -1, 'fault.l2.resolve': -5, 'fault.difficult.resolve': -5,
      'fault.complaint': -2, 'fault.violation': -10, 'inspection.plan': 0, 'inspection.coverage': 0,
      'inspection.missed': -5, 'inspection.fault-caused.major': -4, 'inspection.fault-caused.minor': -2,
      'hardware.l1-loan': -5, 'hardware.cutover-loan': -2, 'hardware.return': 0,
      'consult.hotline-notice': 0, 'other.commendation': 1, 'software.operator-error': -2,
      'software.application': 0, 'exchange.volume': -1,
    });
    for (const id of ['hardware.return', 'inspection.operator.change-notice', 'inspection.operator.special-notice']) {
      expect(clause(p, id)).toMatchObject({ operator: true, points: 0 });
    }
  });

  test('limits load into the Limit union', () => {
    const p = gd();
    expect(clause(p, 'fault.l1.restore.remote')).toMatchObject({
      shape: 'elapsed', from: 'accepted_at', to: ['restored_at'],
      limit: { type: 'duration', duration: { amount: 3, unit: 'h' } },
      applies: { kind: 'tickets', when: { level: 1, handling: 'remote' } },
    });
    expect(clause(p, 'fault.l1.restore.onsite')).toMatchObject({ limit: { type: 'region', stage: 'total' } });
    expect(clause(p, 'fault.l1.stage.travel')).toMatchObject({ from: 'departed_at', to: ['arrived_at'], limit: { type: 'region', stage: 'travel' } });
    expect(clause(p, 'hardware.l1-loan')).toMatchObject({
      limit: { type: 'linked', field: 'ticket', clauses: ['fault.l1.restore.remote', 'fault.l1.restore.onsite'] },
    });
    expect(clause(p, 'inspection.change-notice')).toMatchObject({ shape: 'before', limit: { amount: 10, unit: 'wd' } });
    expect(clause(p, 'software.spares-sync')).toMatchObject({
      shape: 'deadline', due: ['spares_sync_due'], fallback: { from: 'ended_at', limit: { amount: 2, unit: 'd' } },
    });
    expect(clause(p, 'fault.l2.resolve')).toMatchObject({
      applies: { when: { level: 2, nms_down: { not: true } }, unless: { difficult: true } },
    });
    expect(clause(p, 'fault.l1.doc.report')).toMatchObject({ valid_if: { customer_signed: true } });
    expect(clause(p, 'fault.doc.monthly')).toMatchObject({ shape: 'monthly', due_day: 15, category: 'fault.l2' });
    expect(clause(p, 'inspection.plan')).toMatchObject({ shape: 'annual', due_month: 3, due_day: 31 });
    expect(clause(p, 'exchange.volume')).toMatchObject({ shape: 'quota', quota: 10, evidence: { amount: 'days', date: 'held_on' } });
    expect(clause(p, 'fault.complaint')).toMatchObject({ shape: 'manual', category: 'ticket', ref_kind: 'tickets' });
  });

  test('ticket categories: difficult first, a temporary fix does not move a level-1 ticket', () => {
    const p = gd();
    expect(p.ticket_categories).toEqual([
      { when: { difficult: true }, category: 'fault.difficult' },
      { when: { level: 1 }, category: 'fault.l1' },
      { when: { level: 2 }, category: 'fault.l2' },
      { when: { level: [3, 4] }, category: 'fault.l34' },
    ]);
  });

  test('training seats are quotas', () => {
    expect(gd().quotas.map((q) => q.amount)).toEqual([10, 3, 1, 4]);
  });
});

describe('after-sales', () => {
  test('has its own categories, no region table, and the three timed commitments', () => {
    const r = loadPolicy('after-sales', process.cwd());
    const p = r.policy as Policy;
    expect(p.categories.map((c) => c.id)).toEqual(['response', 'repair', 'other']);
    expect(p.regions).toEqual([]);
    expect(clause(p, 'aftersales.response')).toMatchObject({ from: 'received_at', to: ['responded_at', 'answered_at'], limit: { type: 'duration', duration: { amount: 24, unit: 'h' } } });
    expect(clause(p, 'aftersales.hotline.response')).toMatchObject({ from: 'reported_at', to: ['accepted_at'], limit: { type: 'duration', duration: { amount: 2, unit: 'h' } } });
    expect(clause(p, 'aftersales.hotline.repair')).toMatchObject({ from: 'accepted_at', to: ['resolved_at'], limit: { type: 'duration', duration: { amount: 48, unit: 'h' } } });
  });
});

test('parseDuration', () => {
  expect(parseDuration('3h')).toEqual({ amount: 3, unit: 'h' });
  expect(parseDuration('1.5d')).toEqual({ amount: 1.5, unit: 'd' });
  expect(parseDuration('7wd')).toEqual({ amount: 7, unit: 'wd' });
  expect(parseDuration('3x')).toBeNull();
  expect(parseDuration('h')).toBeNull();
});
