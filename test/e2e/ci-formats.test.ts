/** End-to-end: validate's CI outputs as a workflow gets them: SARIF, JUnit, the GitHub step summary. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sarifValidator } from '../render/sarif-schema';
import { fixture, runCli, tempFolder } from './run';

describe('validate --format sarif / junit, GITHUB_STEP_SUMMARY', () => {
  // a copy outside any git repository, run in it: paths are relative to the records folder
  const folder = tempFolder(fixture('validate', 'schema-errors'));
  const json = JSON.parse(runCli(['validate', '--format', 'json'], { cwd: folder }).stdout) as { errors: { file: string; line: number; rule: string }[]; warnings: unknown[] };

  test('sarif: a SARIF 2.1.0 log (checked against its schema) with every problem; the count on stderr; exit 1', () => {
    const r = runCli(['validate', '--format', 'sarif'], { cwd: folder });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^✖ \d+ errors?/);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect([validate(log), validate.errors ?? null]).toEqual([true, null]);
    const results = log.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    expect(results).toHaveLength(json.errors.length + json.warnings.length);
    const errs = results.filter((x) => x.level === 'error');
    expect(errs.map((x) => `${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startLine} ${x.ruleId}`)).toEqual(
      json.errors.map((e) => `${e.file}:${e.line} ${e.rule}`),
    );
  });

  test('junit: XML with a failing case per error; exit 1', () => {
    const r = runCli(['validate', '--format', 'junit'], { cwd: folder });
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(r.stdout.match(/<failure /g)).toHaveLength(json.errors.length);
    expect(r.stdout).toContain(`failures="${json.errors.length}"`);
  });

  test('GITHUB_STEP_SUMMARY: a Markdown summary appended, whatever the format; a valid folder gets its count', () => {
    const dir = tempFolder();
    const summary = path.join(dir, 'summary.md');
    fs.writeFileSync(summary, '# earlier step\n');
    const r = runCli(['validate', '--format', 'github'], { cwd: folder, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const md = fs.readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n### svc-sla validate\n\n✖ ')).toBe(true);
    expect(md).toContain('| `required-field` |');
    expect(md).toMatch(/^\| tickets\/t1\.yaml:2:1 \| error \| missing required field 'accepted_at'/m);

    const ok = runCli(['validate', fixture('..', '..', 'samples', 'gd-transmission')], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(ok.code).toBe(0);
    expect(fs.readFileSync(summary, 'utf8')).toMatch(/### svc-sla validate\n\n✔ \d+ records in \d+ files: valid/);

    // an unwritable summary file is a warning, not a failure
    const bad = runCli(['validate', fixture('..', '..', 'samples', 'gd-transmission')], { env: { GITHUB_STEP_SUMMARY: path.join(dir, 'missing', 'x.md') } });
    expect(bad.code).toBe(0);
    expect(bad.stderr).toContain('cannot append to GITHUB_STEP_SUMMARY');
  });
});
