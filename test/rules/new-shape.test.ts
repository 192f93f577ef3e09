/**
 * Adding a clause shape is one file: this test is that file. A shape `ceiling` (a number field
 * of a record must not exceed a maximum) is defined here with its schema, handed to the policy
 * loader and the engine in a registry, and used by a policy that extends gd-transmission —
 * without changing any file of svc-sla.
 */
import * as path from 'node:path';
import type { Clause } from '../../src/core/policy';
import { checkFolder } from '../../src/checks';
import { policySchemaFor } from '../../src/policy/load';
import { clauseRows } from '../../src/render/policy';
import { evaluate } from '../../src/rules/engine';
import { SHAPES, shapeRegistry } from '../../src/rules/shapes';
import { defineShape } from '../../src/rules/shapes/shape';
import { memoryFiles } from '../../src/source/fs';
import { schemaDocument } from '../../src/util/paths';
import { TEST_NOW_MS } from '../now';

interface CeilingClause extends Clause {
  readonly shape: 'ceiling';
  readonly field: string;
  readonly max: number;
  readonly date: string;
}

const CEILING = defineShape<CeilingClause>({
  name: 'ceiling',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'shape', 'category', 'title', 'points', 'applies', 'field', 'max', 'date'],
    properties: {
      id: { $ref: '#/definitions/id' },
      shape: { const: 'ceiling' },
      category: { type: 'string' },
      title: { $ref: '#/definitions/text' },
      points: { type: 'number' },
      applies: { $ref: '#/definitions/applies' },
      field: { $ref: '#/definitions/field' },
      max: { type: 'number' },
      date: { $ref: '#/definitions/field' },
    },
  },
  parse: (d) => ({ ...(d as unknown as CeilingClause) }),
  evaluate: (ctx, c) =>
    ctx.eachRecord(c, (rec) => {
      const value = rec.data[c.field];
      const at = ctx.eventOf(rec, c.date);
      if (typeof value === 'number' && value > c.max && at !== null) ctx.push(c, rec, { status: 'noted', due: null, actual: at, moment: at, detail: { amount: value, quota: c.max } });
    }),
  horizon: () => 0,
  describe: (c) => ({ reads: { applies: c.applies }, span: { type: 'field', field: c.field }, limit: { type: 'quota', amount: c.max, field: c.field } }),
});

const shapes = shapeRegistry([...SHAPES.values(), CEILING]);
const ROOT = path.join(path.sep, 'records');

const policy = `id: gd-ceiling
name: { zh-CN: 交流天数上限, en: Exchange ceiling }
extends: gd-transmission
clauses:
  - id: exchange.ceiling
    shape: ceiling
    category: exchange
    title: { zh-CN: 单次交流不超过 3 天, en: One exchange lasts at most 3 days }
    applies: { kind: exchanges }
    field: days
    max: 3
    date: held_on
    points: -1
`;

function folder(policyText: string) {
  return checkFolder(ROOT, {
    shapes,
    now: TEST_NOW_MS,
    files: memoryFiles(ROOT, {
      'svc-sla.yaml': 'policy: policies/ceiling.yaml\ncontract_start: 2026-01-01\n',
      'policies/ceiling.yaml': policyText,
      'exchanges/2026.yaml': 'id: JL-1\nheld_on: 2026-03-10\ndays: 2\n---\nid: JL-2\nheld_on: 2026-05-12\ndays: 4\n',
    }),
  });
}

describe('a clause shape added in one file', () => {
  test('the policy loads with it, the engine evaluates it, policy show describes it', () => {
    const ws = folder(policy);
    expect(ws.problems).toEqual([]);
    const result = evaluate({ records: ws.records, policy: ws.policy!, clock: ws.clock, calendar: ws.calendar, asOf: ws.clock.parse('2026-12-31')!.ms, contractStart: '2026-01-01' }, shapes);
    const hits = result.evaluations.filter((e) => e.clause === 'exchange.ceiling');
    expect(hits.map((e) => [e.record, e.points, e.quarter])).toEqual([['JL-2', -1, '2026-Q2']]);
    const row = clauseRows(ws.policy!, 'en', shapes).find((r) => r.id === 'exchange.ceiling')!;
    expect(row).toMatchObject({ shape: 'ceiling', applies: 'exchanges', span: 'days', limit: '3 (days) per contract year' });
  });

  test("its schema is the shape's own: a mistake in such a clause is located", () => {
    const ws = folder(policy.replace('max: 3', 'max: three'));
    expect(ws.problems.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`)).toEqual([
      "policies/ceiling.yaml:11 policy-schema clause \"exchange.ceiling\": max must be a number (got 'three')",
    ]);
  });

  test('without the shape in the registry the clause is refused', () => {
    const ws = checkFolder(ROOT, { now: TEST_NOW_MS, files: memoryFiles(ROOT, { 'svc-sla.yaml': 'policy: policies/ceiling.yaml\n', 'policies/ceiling.yaml': policy }) });
    expect(ws.policy).toBeNull();
    expect(ws.problems[0]).toMatchObject({ rule: 'policy-schema', file: 'policies/ceiling.yaml', line: 6 });
  });

  test("schemas/policy.schema.json dispatches to exactly the built-in shapes (what editors see is what svc-sla checks)", () => {
    expect(policySchemaFor(SHAPES)).toEqual(schemaDocument('policy'));
  });
});
