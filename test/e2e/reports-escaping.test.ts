/**
 * End-to-end: hostile text in the records (a formula as a record id, pipes and line breaks in a
 * ticket summary and in the contract name, see test/fixtures/reports/hostile/) must neither break
 * a Markdown table nor run as a formula when the CSV is opened in Excel.
 */
import { parse } from 'csv-parse/sync';
import { fixture, runCli } from './run';

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
