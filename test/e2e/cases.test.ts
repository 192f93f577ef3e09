/**
 * End-to-end cases, one folder each (as markdownlint-cli2's test cases): test/cases/<name>/
 * holds `records/` (a records folder, copied to a temporary folder outside git before the run)
 * and `case.json`: `{ "args": [...], "exit": 0 }`, where `{records}` in an argument stands for
 * the copy. The built CLI's stdout must equal `stdout.txt` byte for byte, and its stderr
 * `stderr.txt` where the case has one; each case shows one behaviour, named by its folder, so a
 * new case never moves another one's lines.
 *
 * After an intended change of output: `UPDATE_GOLDEN=1 npx jest test/e2e/cases` and review the diff.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempFolder } from './run';

const CASES = path.join(ROOT, 'test', 'cases');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface CaseFile {
  readonly args: readonly string[];
  readonly exit: number;
  readonly env?: Readonly<Record<string, string>>;
}

const names = fs
  .readdirSync(CASES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function compare(file: string, actual: string): void {
  if (UPDATE) fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

describe('cases', () => {
  test.each(names)('%s', (name) => {
    const dir = path.join(CASES, name);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseFile;
    const records = tempFolder(path.join(dir, 'records'));
    const args = spec.args.map((a) => a.split('{records}').join(records));
    const r = runCli(args, { cwd: records, env: { TZ: 'UTC', LANG: 'C', SVC_SLA_CACHE: 'off', ...spec.env } });
    const shown = (s: string) => s.split(records).join('{records}');
    expect({ exit: r.code, stderr: r.code !== spec.exit ? r.stderr : '' }).toEqual({ exit: spec.exit, stderr: '' });
    compare(path.join(dir, 'stdout.txt'), shown(r.stdout));
    const errFile = path.join(dir, 'stderr.txt');
    if (fs.existsSync(errFile) || (UPDATE && r.stderr !== '')) compare(errFile, shown(r.stderr));
  });
});
