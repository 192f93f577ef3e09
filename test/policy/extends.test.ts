import { loadPolicy } from '../../src/policy/load';
import type { Policy } from '../../src/core/policy';
import { posOf, SMALL, tempFolder } from './helpers';

function load(dir: string, file: string): Policy {
  const r = loadPolicy(file, dir);
  expect(r.problems).toEqual([]);
  if (!r.policy) throw new Error('did not load');
  return r.policy;
}

describe('extends', () => {
  test('a built-in base: override one limit and one category maximum, keep the rest', () => {
    const dir = tempFolder({
      'policy.yaml': `id: gd-strict
name: { zh-CN: 严格版, en: Strict }
extends: gd-transmission
categories:
  - id: fault.l1
    max: 20
clauses:
  - id: fault.l1.restore.remote
    limit: 2h
  - id: fault.violation
    points: -20
`,
    });
    const p = load(dir, 'policy.yaml');
    expect(p.id).toBe('gd-strict');
    expect(p.source).toBe('policy.yaml');
    const remote = p.clauses.find((c) => c.id === 'fault.l1.restore.remote');
    expect(remote).toMatchObject({ shape: 'elapsed', from: 'accepted_at', to: ['restored_at'], points: -5, limit: { type: 'duration', duration: { amount: 2, unit: 'h' } } });
    expect(p.clauses.find((c) => c.id === 'fault.violation')?.points).toBe(-20);
    expect(p.categories.find((c) => c.id === 'fault.l1')).toMatchObject({ max: 20, title: { 'zh-CN': '一级故障' } });
    expect(p.categories.find((c) => c.id === 'fault.l34')?.max).toBe(10);
    expect(p.clauses).toHaveLength(55);
    // order kept: an overridden clause stays where the base had it
    expect(p.clauses[0]?.id).toBe('fault.l1.restore.remote');
    expect(p.regions).toHaveLength(4);
  });

  test('regions replace the whole table; new categories and clauses are appended', () => {
    const dir = tempFolder({
      'base.yaml': SMALL,
      'sub/child.yaml': `id: child
name: { zh-CN: 子, en: Child }
extends: ../base.yaml
regions:
  - id: all
    title: { zh-CN: 全省, en: Province }
    cities: [广州, 湛江, 梅州]
    limits: { travel: 4h, total: 8h }
categories:
  - id: extra
    title: { zh-CN: 附加, en: Extra }
clauses:
  - id: extra.thanks
    shape: manual
    category: extra
    title: { zh-CN: 感谢信, en: Thanks }
    points: 1
`,
    });
    const p = load(dir, 'sub/child.yaml');
    expect(p.regions.map((r) => r.id)).toEqual(['all']);
    expect(p.regions[0]?.limits.total).toEqual({ amount: 8, unit: 'h' });
    expect(p.categories.map((c) => c.id)).toEqual(['fault', 'other', 'extra']);
    expect(p.categories[2]?.max).toBeNull();
    expect(p.clauses.map((c) => c.id)).toEqual(['fault.restore', 'fault.remote', 'loan', 'complaint', 'extra.thanks']);
    expect(p.ticket_categories).toEqual([{ when: { level: 1 }, category: 'fault' }]);
  });

  test('remove_clauses drops base clauses', () => {
    const dir = tempFolder({
      'child.yaml': `id: lean
name: { zh-CN: 精简, en: Lean }
extends: gd-transmission
remove_clauses: [inspection.coverage, consult.hotline-notice]
`,
    });
    const p = load(dir, 'child.yaml');
    expect(p.clauses).toHaveLength(53);
    expect(p.clauses.some((c) => c.id === 'inspection.coverage')).toBe(false);
  });

  test('a removed clause that another clause links to is reported', () => {
    const text = `id: broken
name: { zh-CN: 坏, en: Broken }
extends: gd-transmission
remove_clauses: [fault.l1.restore.remote]
`;
    const dir = tempFolder({ 'child.yaml': text });
    const r = loadPolicy('child.yaml', dir);
    expect(r.policy).toBeNull();
    expect(r.problems).toEqual([
      expect.objectContaining({ rule: 'policy-linked-clause', file: 'builtin:gd-transmission', record: 'hardware.l1-loan' }),
    ]);
  });

  test('removing an unknown clause is a warning, the policy still loads', () => {
    const text = `id: w
name: { zh-CN: 警, en: W }
extends: gd-transmission
remove_clauses: [no.such.clause]
`;
    const dir = tempFolder({ 'w.yaml': text });
    const r = loadPolicy('w.yaml', dir);
    expect(r.policy).not.toBeNull();
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'policy-remove-clause', file: 'w.yaml', ...posOf(text, 'no.such.clause') }),
    ]);
  });

  test('a changed shape drops the fields of the old one', () => {
    const dir = tempFolder({
      'base.yaml': SMALL,
      'child.yaml': `id: c
name: { zh-CN: 子, en: C }
extends: ./base.yaml
clauses:
  - id: complaint
    shape: flag
    applies: { kind: tickets, when: { complained: true } }
    date: [accepted_at]
`,
    });
    const p = load(dir, 'child.yaml');
    expect(p.clauses.find((c) => c.id === 'complaint')).toEqual({
      id: 'complaint', shape: 'flag', category: 'ticket', title: { 'zh-CN': '投诉', en: 'Complaint' }, points: -2,
      applies: { kind: 'tickets', when: { complained: true } }, date: ['accepted_at'],
    });
  });

  test('a chain of three files', () => {
    const dir = tempFolder({
      'a.yaml': SMALL,
      'b.yaml': `id: b\nname: { zh-CN: b, en: b }\nextends: a.yaml\nclauses:\n  - id: fault.remote\n    limit: 4h\n`,
      'c.yaml': `id: c\nname: { zh-CN: c, en: c }\nextends: b.yaml\nclauses:\n  - id: fault.remote\n    points: -1\n`,
    });
    const p = load(dir, 'c.yaml');
    expect(p.clauses.find((c) => c.id === 'fault.remote')).toMatchObject({ points: -1, limit: { type: 'duration', duration: { amount: 4, unit: 'h' } } });
  });
});
