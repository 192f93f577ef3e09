import { canonicalJson, recordHash } from '../../src/lock/hash';

describe('canonicalJson', () => {
  test('object keys sorted at every depth; arrays keep their order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  test('the same values in another key order give the same text', () => {
    const a = { id: 'GD-1', level: 1, findings: [{ summary: 's', handled_late: true }] };
    const b = { findings: [{ handled_late: true, summary: 's' }], level: 1, id: 'GD-1' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  test('scalars as JSON; undefined members left out; strings escaped', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson({ s: '广州 "x"\n' })).toBe('{"s":"广州 \\"x\\"\\n"}');
  });
});

describe('recordHash: sha256 of the canonical JSON of {kind, id, data}', () => {
  const rec = { kind: 'tickets' as const, id: 'GD-2026-0142', data: { id: 'GD-2026-0142', level: 1, restored_at: '2026-07-08 08:45' } };

  test('64 hex digits, independent of key order', () => {
    expect(recordHash(rec)).toMatch(/^[0-9a-f]{64}$/);
    expect(recordHash({ ...rec, data: { restored_at: '2026-07-08 08:45', level: 1, id: 'GD-2026-0142' } })).toBe(recordHash(rec));
  });

  test('reproducible with any sha256 tool', () => {
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    const text = '{"data":{"id":"GD-2026-0142","level":1,"restored_at":"2026-07-08 08:45"},"id":"GD-2026-0142","kind":"tickets"}';
    expect(recordHash(rec)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  test('any change of a value, the kind or the id changes it', () => {
    const h = recordHash(rec);
    expect(recordHash({ ...rec, data: { ...rec.data, restored_at: '2026-07-08 09:45' } })).not.toBe(h);
    expect(recordHash({ ...rec, data: { ...rec.data, level: '1' } })).not.toBe(h);
    expect(recordHash({ ...rec, data: { ...rec.data, note: 'added' } })).not.toBe(h);
    expect(recordHash({ ...rec, kind: 'loans' })).not.toBe(h);
    expect(recordHash({ ...rec, id: 'GD-2026-0143' })).not.toBe(h);
  });
});
