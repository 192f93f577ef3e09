/**
 * A report of one period evaluates only records recent enough to matter (EngineInput.since).
 * Leaving the old ones out must never change an evaluation at or after the period's start: the
 * windowed and the full evaluation agree, evaluation for evaluation, on a generated folder that
 * spans three years, with the sample's own records added.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateRecords } from '../../src/bench/generate';
import { evaluate, type Evaluation } from '../../src/rules/engine';
import { checkFolder as openFolder } from '../../src/checks';
import { TEST_NOW_MS } from '../now';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-window-'));
generateRecords(dir, { tickets: 1500, csvRows: 150 });
const ws = openFolder(dir, { now: TEST_NOW_MS });

function key(e: Evaluation): string {
  return [e.clause, e.subject, e.status, e.points, e.category, e.due, e.actual, e.moment, e.quarter].join('|');
}

describe('evaluating only what can fall in the period', () => {
  test('the generated folder is valid', () => {
    expect(ws.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test.each(['2024-Q1', '2024-Q3', '2025-Q2', '2026-Q1', '2026-Q3', '2026-Q4'])('%s: the same evaluations from its start on', (quarter) => {
    const since = ws.clock.parseQuarter(quarter)!.start;
    const input = { records: ws.records, policy: ws.policy!, clock: ws.clock, calendar: ws.calendar, asOf: ws.clock.parse('2026-11-25T23:59')!.ms, contractStart: ws.config.contract_start };
    const full = evaluate(input).evaluations.filter((e) => e.moment >= since).map(key);
    const windowed = evaluate({ ...input, since }).evaluations.filter((e) => e.moment >= since).map(key);
    expect(windowed.length).toBeGreaterThan(0);
    expect(windowed).toEqual(full);
  });

  test('old records are in fact left out (the window does something)', () => {
    const since = ws.clock.parseQuarter('2026-Q3')!.start;
    const input = { records: ws.records, policy: ws.policy!, clock: ws.clock, calendar: ws.calendar, asOf: ws.clock.parse('2026-11-25T23:59')!.ms, contractStart: ws.config.contract_start };
    expect(evaluate({ ...input, since }).evaluations.length).toBeLessThan(evaluate(input).evaluations.length / 2);
  });
});

describe('the window on the sample, where every clause shape occurs', () => {
  const sample = openFolder(path.join(__dirname, '..', '..', 'samples', 'gd-transmission'), { now: TEST_NOW_MS });
  test.each(['2026-Q2', '2026-Q3', '2026-Q4'])('%s', (quarter) => {
    const since = sample.clock.parseQuarter(quarter)!.start;
    const input = { records: sample.records, policy: sample.policy!, clock: sample.clock, calendar: sample.calendar, asOf: sample.clock.parse('2026-12-31T23:59')!.ms, contractStart: sample.config.contract_start };
    const full = evaluate(input).evaluations.filter((e) => e.moment >= since).map(key);
    expect(evaluate({ ...input, since }).evaluations.filter((e) => e.moment >= since).map(key)).toEqual(full);
  });
});
