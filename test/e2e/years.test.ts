/**
 * Years: svc-sla accepts 1900–2999 (docs/records.md, "Security and limits"). A period or time on
 * the command line outside them is a usage error (exit 2) before any record is read; the first
 * and last days of the range compute like any other day (no year of five digits, no crash).
 */
import * as path from 'node:path';
import { SAMPLES, runCli, tempFolder } from './run';

const ENV = { TZ: 'UTC', LANG: 'C', SVC_SLA_CACHE: 'off' };
const sample = tempFolder(path.join(SAMPLES, 'gd-transmission'));

describe('a year outside 1900–2999 on the command line is a usage error', () => {
  test.each([
    [['validate', '--as-of', '9999-12-31'], '--as-of', '9999'],
    [['breaches', '--as-of', '9999-12-31'], '--as-of', '9999'],
    [['breaches', '--from', '0099-01-01', '--to', '2026-09-30'], '--from', '0099'],
    [['report', '--quarter', '9999-Q4'], '--quarter', '9999'],
    [['summary', '--month', '9999-12'], '--month', '9999'],
    [['summary', '--month', '0226-07'], '--month', '0226'],
    [['due', '--as-of', '9999-12-31'], '--as-of', '9999'],
    [['lock', '--quarter', '3000-Q1'], '--quarter', '3000'],
    [['calendar', '9999-12'], 'the period', '9999'],
  ])('%j', (args, flag, year) => {
    const r = runCli([...args, sample], { env: ENV });
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 2,
      stderr: `svc-sla: ${flag} '${args[flag === 'the period' ? 1 : args.indexOf(flag) + 1]}': the year ${year} is outside the years svc-sla accepts (1900–2999)\n`,
    });
  });

  test('SVC_SLA_NOW too', () => {
    const r = runCli(['validate', sample], { env: { ...ENV, SVC_SLA_NOW: '9999-01-01T00:00:00Z' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("SVC_SLA_NOW '9999-01-01T00:00:00Z': the year 9999 is outside the years svc-sla accepts (1900–2999)");
  });
});

describe('the first and last days of the range compute', () => {
  test.each([
    [['report', '--quarter', '2999-Q4']],
    [['report', '--quarter', '1900-Q1']],
    [['summary', '--month', '2999-12', '--as-of', '2999-12-31']],
    [['summary', '--month', '1900-01']],
    [['due', '--as-of', '2999-12-31']],
    [['breaches', '--from', '1900-01-01', '--to', '2999-12-31', '--as-of', '2999-12-31', '--format', 'json']],
  ])('%j', (args) => {
    const r = runCli([...args, sample], { env: ENV });
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.code).toBe(0);
  });
});
