/**
 * The CI renderings of validation problems: SARIF 2.1.0 checked against the OASIS schema
 * (test/fixtures/sarif, vendored), JUnit XML, the GitHub step summary, and the rule help read
 * from docs/records.md.
 */
import { ALL_CHECK_NAMES, type Problem } from '../../src/core/problems';
import { checkHelp } from '../../src/render/check-help';
import { renderJunit, xmlEscape } from '../../src/render/junit';
import { renderSarif } from '../../src/render/sarif';
import { renderStepSummary } from '../../src/render/step-summary';
import { sarifValidator } from './sarif-schema';

function problem(over: Partial<Problem> = {}): Problem {
  return { severity: 'error', file: 'tickets/a b.yaml', line: 3, column: 8, kind: 'tickets', record: 'T-1', rule: 'range', message: 'level must be 1–4, found 5', ...over };
}
const same = (f: string) => `records/${f}`;

describe('check help from docs/records.md', () => {
  test('every check has its meaning', () => {
    const help = checkHelp();
    expect(ALL_CHECK_NAMES.filter((c) => !help.has(c))).toEqual([]);
    expect(help.get('required-field')).toMatch(/JSON Schema/);
    expect(help.get('policy-extends-cycle')).toMatch(/policy is wrong/);
    expect(help.get('future-time')).toMatch(/\(a warning\)$/);
  });
});

describe('renderSarif', () => {
  const validate = sarifValidator();
  const problems = [problem(), problem({ severity: 'warning', rule: 'unknown-field', message: "unknown field 'x'", record: null, line: 0, column: 0 }), problem({ file: 'builtin:gd-transmission', rule: 'policy-schema' })];
  const log = JSON.parse(renderSarif({ records: 2, files: 1, problems }, { quiet: false, pathFor: same, version: '0.1.0' }));

  test('valid against the SARIF 2.1.0 schema', () => {
    expect([validate(log), validate.errors ?? null]).toEqual([true, null]);
    expect(log.version).toBe('2.1.0');
  });

  test('one rule per check, id = the check name, with help text; results point at their rule', () => {
    const rules = log.runs[0].tool.driver.rules as { id: string; help: { text: string }; shortDescription: { text: string } }[];
    expect(rules.map((r) => r.id)).toEqual([...ALL_CHECK_NAMES]);
    for (const r of rules) expect(r.help.text.startsWith(`${r.id}: `)).toBe(true);
    const results = log.runs[0].results as { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: unknown[] }[];
    for (const r of results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'error']);
    expect(results[0]!.message.text).toBe('level must be 1–4, found 5 [T-1]');
    expect(results[0]!.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'records/tickets/a%20b.yaml' }, region: { startLine: 3, startColumn: 8 } } }]);
    // a problem at line 0 (a whole file) is put at its first line; a built-in policy has no file
    expect(results[1]!.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'records/tickets/a%20b.yaml' }, region: { startLine: 1, startColumn: 1 } } }]);
    expect(results[2]!.locations).toEqual([]);
  });

  test('no problems: a valid log with no results; --quiet leaves warnings out', () => {
    const empty = JSON.parse(renderSarif({ records: 0, files: 0, problems: [] }, { quiet: false, pathFor: same, version: '0.1.0' }));
    expect(validate(empty)).toBe(true);
    expect(empty.runs[0].results).toEqual([]);
    const quiet = JSON.parse(renderSarif({ records: 2, files: 1, problems }, { quiet: true, pathFor: same, version: '0.1.0' }));
    expect(quiet.runs[0].results.map((r: { level: string }) => r.level)).toEqual(['error', 'error']);
  });
});

describe('renderJunit', () => {
  test('one case per problem: errors fail, warnings pass with output; text escaped for XML', () => {
    const xml = renderJunit(
      { records: 2, files: 1, problems: [problem({ message: 'a <b> & "c"\u0007' }), problem({ severity: 'warning', rule: 'unknown-field' })] },
      { quiet: false, pathFor: same },
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="svc-sla validate" tests="2" failures="1"')).toBe(true);
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('<failure type="range" message="a &lt;b&gt; &amp; &quot;c&quot; [T-1]">records/tickets/a b.yaml:3:8: error a &lt;b&gt; &amp; &quot;c&quot; [T-1] (range)</failure>');
    expect(xml).toContain('<system-out>records/tickets/a b.yaml:3:8: warning');
    expect(xml).not.toContain('\u0007');
  });

  test('nothing to report: one passing case with the count', () => {
    const xml = renderJunit({ records: 4, files: 2, problems: [] }, { quiet: false, pathFor: same });
    expect(xml).toContain('tests="1" failures="0"');
    expect(xml).toContain('<testcase classname="svc-sla validate" name="✔ 4 records in 2 files: valid"/>');
  });

  test('xmlEscape', () => {
    expect(xmlEscape(`<'&">\u0000\uFFFE`)).toBe('&lt;&apos;&amp;&quot;&gt;');
  });
});

describe('renderStepSummary', () => {
  test('the count, counts by check (errors first), the first problems with their places', () => {
    const many = Array.from({ length: 40 }, (_, i) => problem({ line: i + 1, severity: i % 4 === 0 ? 'warning' : 'error', rule: i % 4 === 0 ? 'unknown-field' : 'range' }));
    const md = renderStepSummary({ records: 40, files: 1, problems: many }, { pathFor: same });
    expect(md).toContain('### svc-sla validate\n\n✖ 30 errors, 10 warnings in 40 records in 1 file\n');
    expect(md).toContain('| `range` | 30 | 0 |\n| `unknown-field` | 0 | 10 |\n| **total** | **30** | **10** |');
    expect(md).toContain('The first 30 of 40 problems:');
    expect(md.match(/^\| records\/tickets\/a b\.yaml:\d+:8 \| (error|warning) \|/gm)).toHaveLength(30);
    // errors come first
    expect(md).not.toMatch(/\| warning \|/);
  });

  test('a message cannot break the table or inject HTML', () => {
    const md = renderStepSummary({ records: 1, files: 1, problems: [problem({ message: 'a | b\n<img src=x>' })] }, { pathFor: same });
    expect(md).toContain('| a \\| b \\<img src=x\\> \\[T-1\\] |');
  });

  test('valid: the count only', () => {
    expect(renderStepSummary({ records: 3, files: 2, problems: [] }, { pathFor: same })).toBe('### svc-sla validate\n\n✔ 3 records in 2 files: valid\n\n');
  });
});
