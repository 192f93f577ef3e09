/**
 * Reading 5,000 ticket rows × 13 columns from an .xlsx (src/sheets/xlsx.ts) against parsing the
 * same rows as CSV with csv-parse, as the records loader does (bytes → text → rows). The two
 * files are test fixtures made by LibreOffice from the same rows (test/fixtures/excel/).
 * Target: the workbook ≤ 3× the CSV. Not part of `npm run bench`; run it on its own:
 *
 *   npm run build && node dist/bench/xlsx.js [--runs 30]
 *
 * Runs alternate in one process after a warm-up, so both get the same JIT and machine state;
 * the ratio is the median of each run's own ratio.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readWorkbook } from '../sheets/xlsx';

const FIXTURES = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'excel');

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function ms(f: () => unknown): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function main(): void {
  const i = process.argv.indexOf('--runs');
  const runs = i === -1 ? 30 : Number(process.argv[i + 1]);
  const xlsx = fs.readFileSync(path.join(FIXTURES, 'bench-5000.xlsx'));
  const csv = fs.readFileSync(path.join(FIXTURES, 'bench-5000.csv'));

  const readXlsx = (): number => {
    const wb = readWorkbook(xlsx);
    if ('error' in wb) throw new Error(wb.error.message);
    return wb.sheets[0]!.rows.length;
  };
  // the options src/records/csv.ts parses with
  const readCsv = (): number => (parse(csv.toString('utf8'), { raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown[]).length;
  if (readXlsx() !== readCsv()) throw new Error('the two fixtures do not hold the same rows');
  for (let w = 0; w < 5; w++) readXlsx(), readCsv();

  const tx: number[] = [];
  const tc: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    const a = ms(readXlsx);
    const b = ms(readCsv);
    tx.push(a);
    tc.push(b);
    ratios.push(a / b);
  }
  const kb = (n: number): string => `${Math.round(n / 1024)} KiB`;
  process.stdout.write(`xlsx vs CSV, 5,000 rows × 13 columns, Node ${process.version}, ${runs} runs, medians\n`);
  process.stdout.write(`  .xlsx (${kb(xlsx.length)})  readWorkbook      ${median(tx).toFixed(1).padStart(7)} ms\n`);
  process.stdout.write(`  .csv  (${kb(csv.length)})  csv-parse (sync)  ${median(tc).toFixed(1).padStart(7)} ms\n`);
  process.stdout.write(`  ratio xlsx / csv  ${median(ratios).toFixed(2)}×  (target ≤ 3×)\n`);
}

main();
