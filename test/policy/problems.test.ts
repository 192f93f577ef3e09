import type { Problem } from '../../src/core/problems';
import { loadPolicy } from '../../src/policy/load';
import { posOf, SMALL, tempFolder } from './helpers';

/** Loads `text` as policy.yaml (plus other files) and returns the problems. */
function problemsOf(text: string, others: Record<string, string> = {}): Problem[] {
  const dir = tempFolder({ 'policy.yaml': text, ...others });
  const r = loadPolicy('policy.yaml', dir);
  if (r.problems.some((p) => p.severity === 'error')) expect(r.policy).toBeNull();
  return r.problems;
}

function edit(from: string, to: string, text = SMALL): string {
  if (!text.includes(from)) throw new Error(`"${from}" not in the text`);
  return text.replace(from, to);
}

test('the small policy itself is fine', () => {
  expect(problemsOf(SMALL)).toEqual([]);
});

describe('schema problems point at the field', () => {
  test('bad duration in a limit', () => {
    const text = edit('limit: 3h', 'limit: 3x');
    expect(problemsOf(text)).toEqual([
      {
        severity: 'error', file: 'policy.yaml', ...posOf(text, '3x'), kind: null, record: 'fault.remote', rule: 'policy-schema',
        message: 'clause "fault.remote": limit must be a duration like 3h, 5d or 7wd (got \'3x\')',
      },
    ]);
  });

  test('bad duration in the region table', () => {
    const text = edit('travel: 7h', 'travel: 7hours');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ rule: 'policy-schema', record: 'far', ...posOf(text, '7hours'), message: expect.stringContaining('limits.travel must be a duration') }),
    ]);
  });

  test('missing fields of the shape: at the clause', () => {
    const text = edit('    from: accepted_at\n    to: restored_at\n    limit: 3h\n', '');
    const at = posOf(text, 'id: fault.remote');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ rule: 'policy-schema', ...at, message: 'clause "fault.remote": missing required field \'from\' (needed by shape elapsed)' }),
      expect.objectContaining({ rule: 'policy-schema', ...at, message: 'clause "fault.remote": missing required field \'to\' (needed by shape elapsed)' }),
      expect.objectContaining({ rule: 'policy-schema', ...at, message: 'clause "fault.remote": missing required field \'limit\' (needed by shape elapsed)' }),
    ]);
  });

  test('a field the shape does not know: at its key', () => {
    const text = edit('    ref_kind: tickets\n', '    ref_kind: tickets\n    limit: 3h\n');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ rule: 'policy-schema', record: 'complaint', ...posOf(text, 'limit: 3h', 2), message: "clause \"complaint\": unknown field 'limit'" }),
    ]);
  });

  test('an unknown shape', () => {
    const text = edit('shape: manual', 'shape: manul');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ rule: 'policy-schema', ...posOf(text, 'manul'), message: expect.stringMatching(/^clause "complaint": shape must be one of elapsed, .*manual \(got 'manul'\) \(did you mean 'manual'\?\)$/) }),
    ]);
  });

  test('a bad field test', () => {
    const text = edit('when: { level: 1, handling: remote }', 'when: { level: { equals: 1 }, handling: remote }');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ rule: 'policy-schema', ...posOf(text, '{ equals'), message: expect.stringContaining('applies.when.level must be a value, a list of values') }),
    ]);
  });

  test('YAML syntax and duplicate keys', () => {
    const dup = edit('    limit: 3h\n', '    limit: 3h\n    limit: 4h\n');
    // as in record files: a duplicate key is named at both places
    expect(problemsOf(dup)).toEqual([
      expect.objectContaining({ rule: 'duplicate-key', ...posOf(dup, 'limit: 4h') }),
      expect.objectContaining({ rule: 'duplicate-key', ...posOf(dup, 'limit: 3h') }),
    ]);
    const bad = edit('title: { zh-CN: 远程, en: Remote }', 'title: { zh-CN: 远程, en: Remote');
    expect(problemsOf(bad)).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'yaml-syntax' })]));
  });
});

describe('numbers are bounded, so every sum of a report is finite', () => {
  test('points beyond ±1000 and a maximum beyond 100000 are refused at the value', () => {
    const text = edit('    max: 10\n', '    max: 1e308\n', edit('limit: 3h\n    points: -5', 'limit: 3h\n    points: -1e308'));
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ rule: 'policy-schema', ...posOf(text, '1e308'), message: expect.stringContaining('100000') }),
      expect.objectContaining({ rule: 'policy-schema', ...posOf(text, '-1e308'), message: expect.stringContaining('-1000') }),
    ]);
  });
});

describe('cross checks', () => {
  test('unknown category', () => {
    const text = edit('category: other', 'category: others');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ rule: 'policy-unknown-category', record: 'loan', ...posOf(text, 'others'), message: expect.stringContaining('unknown category "others"') }),
    ]);
  });

  test('unknown category in ticket_categories', () => {
    const text = edit('    category: fault\nclauses:', '    category: faults\nclauses:');
    expect(problemsOf(text)).toEqual([expect.objectContaining({ rule: 'policy-unknown-category', ...posOf(text, 'faults') })]);
  });

  test('duplicate clause ids: at the second one', () => {
    const text = edit('id: loan', 'id: fault.remote');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        rule: 'policy-duplicate-clause', record: 'fault.remote', ...posOf(text, 'fault.remote', 2),
        message: `clause id "fault.remote" is already used at line ${posOf(text, 'id: fault.remote').line}`,
      }),
    ]);
  });

  test('duplicate category and region ids, a city in two regions', () => {
    const text = edit('id: far', 'id: near', edit('- id: other', '- id: fault', edit('cities: [湛江]', 'cities: [广州]')));
    expect(problemsOf(text).map((p) => p.rule).sort()).toEqual(['policy-duplicate-category', 'policy-duplicate-region']);
    const city = edit('cities: [湛江]', 'cities: [湛江, 广州]');
    expect(problemsOf(city)).toEqual([expect.objectContaining({ rule: 'policy-duplicate-city', ...posOf(city, '广州', 2) })]);
  });

  test('a region stage no region has: at the clause', () => {
    const text = edit('{ region: total }', '{ region: totl }');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ rule: 'policy-unknown-region-stage', record: 'fault.restore', ...posOf(text, 'totl') }),
    ]);
  });

  test('a region stage one region lacks: at that region', () => {
    const text = edit('limits: { travel: 7h, total: 10h }', 'limits: { travel: 7h }');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ rule: 'policy-unknown-region-stage', record: 'far', ...posOf(text, '{ travel: 7h }'), message: 'region "far" has no "total" limit, used by clause "fault.restore"' }),
    ]);
  });

  test('a linked clause that does not exist', () => {
    const text = edit('clauses: [fault.remote, fault.restore]', 'clauses: [fault.remote, fault.restored]');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ rule: 'policy-linked-clause', record: 'loan', ...posOf(text, 'fault.restored') }),
    ]);
  });
});

describe('extends problems', () => {
  test('a cycle', () => {
    const a = 'id: a\nname: { zh-CN: a, en: a }\nextends: b.yaml\n';
    const b = 'id: b\nname: { zh-CN: b, en: b }\nextends: policy.yaml\n';
    expect(problemsOf(a, { 'b.yaml': b })).toEqual([
      expect.objectContaining({ rule: 'policy-extends-cycle', file: 'b.yaml', ...posOf(b, 'policy.yaml'), message: 'extends cycle: policy.yaml → b.yaml → policy.yaml' }),
    ]);
  });

  test('extending itself', () => {
    const a = 'id: a\nname: { zh-CN: a, en: a }\nextends: ./policy.yaml\n';
    expect(problemsOf(a)).toEqual([expect.objectContaining({ rule: 'policy-extends-cycle', file: 'policy.yaml', ...posOf(a, './policy.yaml') })]);
  });

  test('a base that does not exist', () => {
    const a = 'id: a\nname: { zh-CN: a, en: a }\nextends: gd-transmision\n';
    expect(problemsOf(a)).toEqual([
      expect.objectContaining({ rule: 'policy-not-found', ...posOf(a, 'gd-transmision'), message: expect.stringContaining('after-sales, gd-transmission') }),
    ]);
    const b = 'id: a\nname: { zh-CN: a, en: a }\nextends: ../nowhere.yaml\n';
    expect(problemsOf(b)).toEqual([expect.objectContaining({ rule: 'policy-not-found', ...posOf(b, '../nowhere.yaml') })]);
  });

  test("a child's mistakes point into the child", () => {
    const child = `id: c
name: { zh-CN: c, en: c }
extends: gd-transmission
categories:
  - id: fault.l1
    max: lots
clauses:
  - id: fault.l1.restore.remote
    limit: 3x
  - id: new.clause
    shape: elapsed
    category: nowhere
    title: { zh-CN: 新, en: New }
    points: -1
  - id: consult.answer
    categroy: consult
`;
    // merged order: categories, then clauses as the policy lists them (new ones last)
    expect(problemsOf(child)).toEqual([
      expect.objectContaining({ file: 'policy.yaml', rule: 'policy-schema', record: 'fault.l1', ...posOf(child, 'lots') }),
      expect.objectContaining({ file: 'policy.yaml', rule: 'policy-schema', record: 'fault.l1.restore.remote', ...posOf(child, '3x') }),
      expect.objectContaining({ file: 'policy.yaml', rule: 'policy-schema', record: 'consult.answer', ...posOf(child, 'categroy'), message: "clause \"consult.answer\": unknown field 'categroy'" }),
      expect.objectContaining({ file: 'policy.yaml', rule: 'policy-schema', record: 'new.clause', ...posOf(child, 'id: new.clause'), message: expect.stringContaining("'applies'") }),
      expect.objectContaining({ file: 'policy.yaml', rule: 'policy-schema', record: 'new.clause', ...posOf(child, 'id: new.clause'), message: expect.stringContaining("'from'") }),
      expect.objectContaining({ file: 'policy.yaml', rule: 'policy-schema', record: 'new.clause', ...posOf(child, 'id: new.clause'), message: expect.stringContaining("'to'") }),
      expect.objectContaining({ file: 'policy.yaml', rule: 'policy-schema', record: 'new.clause', ...posOf(child, 'id: new.clause'), message: expect.stringContaining("'limit'") }),
    ]);
  });

  test("a child's unknown category is found after merging", () => {
    const child = 'id: c\nname: { zh-CN: c, en: c }\nextends: gd-transmission\nclauses:\n  - id: docs.response\n    category: documents\n';
    expect(problemsOf(child)).toEqual([expect.objectContaining({ file: 'policy.yaml', rule: 'policy-unknown-category', ...posOf(child, 'documents') })]);
  });
});

test('an unknown built-in name at the top', () => {
  const r = loadPolicy('nope', tempFolder({}));
  expect(r.policy).toBeNull();
  expect(r.problems).toEqual([expect.objectContaining({ rule: 'policy-not-found', file: 'nope', line: 1, column: 1 })]);
});
