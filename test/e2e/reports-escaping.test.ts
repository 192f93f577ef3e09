/**
 * End-to-end: hostile text in the records (a formula as a record id, pipes and line breaks in a
 * ticket summary and in the contract name, see test/fixtures/reports/hostile/) must neither break
 * a Markdown table nor run as a formula when the CSV is opened in Excel.
 */
import { parse } from 'csv-parse/sync';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, runCli, tempFolder } from './run';

const HOSTILE = fixture('reports', 'hostile');
const AS_OF = '2026-11-25';
const FORMULA_ID = '=HYPERLINK("http://evil.example/?q=1","click me")';

function out(args: string[]): string {
  const r = runCli([...args, HOSTILE, '--as-of', AS_OF]);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout;
}

/** Markdown table rows: each must have exactly as many unescaped `|` as its table's header. */
function checkTables(md: string): number {
  let tables = 0;
  let width = -1;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      width = -1;
      continue;
    }
    const pipes = line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;
    if (width < 0) {
      width = pipes;
      tables++;
    } else expect({ line, pipes }).toEqual({ line, pipes: width });
  }
  return tables;
}

describe.each([
  ['report', ['report', '--quarter', '2026-Q3']],
  ['summary', ['summary', '--month', '2026-09']],
  ['due', ['due']],
  ['breaches', ['breaches', '--quarter', '2026-Q3']],
])('%s', (_name, args) => {
  test('Markdown: pipes escaped, line breaks as <br>, every row as wide as its header', () => {
    const md = out([...args, '--format', 'md']);
    expect(checkTables(md)).toBeGreaterThan(0);
    if (_name !== 'due') expect(md).toContain('a\\|b');
    if (_name === 'summary') {
      // the summary shows ticket summaries: three lines of hostile text in one cell
      expect(md).toContain('=1+2<br>a\\|b \\| c<br>@SUM(A1:A9)');
      expect(md).toContain('+cmd\\|\' /C calc\'!A0<br>line two');
    }
    if (_name !== 'breaches') {
      // the contract name: one line, its pipe escaped
      expect(md).toContain('Evil \\| contract second line');
    }
  });

  test("CSV: formulas prefixed with ', quoting intact, numbers we wrote stay numbers", () => {
    const csv = out([...args, '--format', 'csv']);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(csv.slice(1), { relax_column_count: true });
    const cells = rows.flat();
    expect(cells).toContain(`'${FORMULA_ID}`);
    expect(cells).not.toContain(FORMULA_ID);
    for (const c of cells) {
      // nothing Excel would evaluate, except plain numbers (-5, +1)
      if (/^[=+\-@]/.test(c)) expect(c).toMatch(/^[-+]?\d+(\.\d+)?$/);
    }
    if (_name !== 'summary') expect(cells).toContain('-5');
    if (_name !== 'due') expect(cells).toContain('a|b');
    if (_name === 'summary') {
      expect(cells).toContain("'=1+2\na|b | c\n@SUM(A1:A9)");
      expect(cells).toContain("'+cmd|' /C calc'!A0\r\nline two");
    }
  });

  test('text: the tables keep their boxes', () => {
    const text = out([...args, '--format', 'text']);
    expect(text).toContain(FORMULA_ID);
  });
});

test('JSON keeps the text as it is', () => {
  const j = JSON.parse(out(['summary', '--month', '2026-09', '--format', 'json']));
  expect(j.contract).toBe('Evil | contract\nsecond line');
  expect(j.open_at_end.map((t: { record: string }) => t.record)).toEqual([FORMULA_ID]);
  expect(j.open_at_end[0].summary).toBe('=1+2\na|b | c\n@SUM(A1:A9)');
});

/**
 * Control and bidi characters in record text, ids, the contract name and file names: a terminal
 * would act on them (a window title, a cleared screen, a line drawn over, text shown reversed).
 * Text output and validate's problem lines show each escaped; Markdown also shows HTML and link
 * syntax as text; JSON keeps the text as it is.
 */
describe('control characters, bidi overrides and HTML in the records', () => {
  const ESC_ID = 'GD-\u001b[2J\u001b]0;pwned\u0007-1';
  const SUMMARY = 'bell\u0007 cr\rover <script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) \u202eevil\u2066x\u2069 \u009b31m';
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  const yamlText = (s: string) => JSON.stringify(s); // a YAML double-quoted string
  let folder: string;
  beforeAll(() => {
    folder = tempFolder();
    fs.writeFileSync(
      path.join(folder, 'svc-sla.yaml'),
      [`contract: ${yamlText('Evil\u001b]0;title\u0007 \u202econtract')}`, 'policy: gd-transmission', 'timezone: Asia/Shanghai', 'contract_start: 2026-01-01', 'locale: en', ''].join('\n'),
    );
    fs.mkdirSync(path.join(folder, 'tickets'));
    fs.writeFileSync(
      path.join(folder, 'tickets', 'e\u001b[31mvil\u202e.yaml'),
      [`- id: ${yamlText(ESC_ID)}`, '  level: 3', '  category: service', '  city: 广州', '  accepted_at: 2026-09-02 09:00', `  summary: ${yamlText(SUMMARY)}`, ''].join('\n'),
    );
  });
  const cli = (args: string[], dir = folder) => runCli([...args, dir, '--as-of', AS_OF]);

  describe.each([
    ['report', ['report', '--quarter', '2026-Q3']],
    ['summary', ['summary', '--month', '2026-09']],
    ['due', ['due']],
    ['breaches', ['breaches', '--quarter', '2026-Q3']],
  ])('%s', (name, args) => {
    test('text: nothing raw reaches the terminal, each character shown as its escape', () => {
      const r = cli([...args, '--format', 'text']);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(RAW);
      expect(r.stderr).not.toMatch(RAW);
      expect(r.stdout).toContain('GD-\\u001b[2J\\u001b]0;pwned\\u0007-1');
      if (name !== 'breaches') expect(r.stdout).toContain('Evil\\u001b]0;title\\u0007 \\u202econtract');
      if (name === 'summary') expect(r.stdout).toContain('bell\\u0007 cr\\rover <script>');
    });

    test('Markdown: no raw controls, HTML and links shown as text', () => {
      const r = cli([...args, '--format', 'md']);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(RAW);
      expect(r.stdout).not.toMatch(/<(script|img)/i);
      expect(r.stdout).not.toMatch(/[^\\]\]\(javascript:/);
      expect(r.stdout).toContain('GD-\\\\u001b\\[2J\\\\u001b\\]0;pwned\\\\u0007-1');
      if (name === 'summary') expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; \\[click\\](javascript:alert(1))');
    });
  });

  test('JSON keeps the text as it is', () => {
    const j = JSON.parse(cli(['summary', '--month', '2026-09', '--format', 'json']).stdout);
    expect(j.open_at_end.map((t: { record: string; summary: string }) => [t.record, t.summary])).toEqual([[ESC_ID, SUMMARY]]);
  });

  test("validate: each problem stays one line, the file name and the quoted value escaped", () => {
    const bad = tempFolder(folder);
    fs.writeFileSync(path.join(bad, 'tickets', 'bad\u001b]0;x\u0007.yaml'), ['id: GD-2', 'level: 3', 'category: service', 'city: 广州', `accepted_at: ${yamlText('2026-07-32\u001b[2J\r\nfake  error  line')}`, ''].join('\n'));
    const r = runCli(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('tickets/bad\\u001b]0;x\\u0007.yaml\n');
    const line = r.stdout.split('\n').find((l) => l.includes('2026-07-32'));
    expect(line).toContain("'2026-07-32\\u001b[2J\\r\\nfake  error  line'");
    expect(r.stdout).not.toMatch(/^fake/m);
    const gh = runCli(['validate', bad, '--format', 'github']);
    expect(gh.stdout).not.toMatch(RAW);
  });
});
