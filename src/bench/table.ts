/**
 * The terminal table renderer (src/render/table.ts) against the number of rows: a findings-like
 * table of 8 columns with Chinese text, rendered in this process at 1,000 to 32,000 rows (and a
 * second table with multi-line cells and rules between rows). Its cost should grow linearly:
 * the "per 1,000 rows" column stays flat. Part of `npm run bench`; on its own:
 *
 *   npm run build && node dist/bench/table.js [--runs 3] [--max 32000]
 */
import { renderTerminalTable, type TableModel } from '../render/table';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const CITIES = ['广州', '深圳', '佛山', '东莞', '湛江', '韶关'];

function findingsTable(rows: number, multiLine: boolean): TableModel {
  const columns = [
    { label: 'Clause' },
    { label: 'Record' },
    { label: 'Due' },
    { label: 'Actual' },
    { label: 'Points', align: 'right' as const },
    { label: 'Note' },
    { label: 'City' },
    { label: 'Source' },
  ];
  const body: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const clause = multiLine ? `fault.l${1 + (i % 4)}.resolve\nfault.complaint` : `fault.l${1 + (i % 4)}.resolve`;
    body.push([
      clause,
      `GD-2026-${String(i).padStart(5, '0')}`,
      `2026-07-${String(1 + (i % 28)).padStart(2, '0')} 10:00`,
      `2026-07-${String(1 + (i % 28)).padStart(2, '0')} 1${i % 10}:30`,
      String(-1 - (i % 5)),
      i % 3 === 0 ? `超时 ${i % 60} 分钟` : '',
      CITIES[i % CITIES.length]!,
      `tickets/2026/07/GD-2026-${String(i).padStart(5, '0')}.yaml:${1 + (i % 9)}`,
    ]);
  }
  return { columns, rows: body };
}

function seconds(f: () => unknown): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/** Prints one line per size: median seconds and seconds per 1,000 rows. */
export function benchTables(opts: { runs: number; max: number; out: (s: string) => void }): void {
  opts.out(`terminal table rendering (src/render/table.ts), ${opts.runs} runs, medians\n`);
  for (const multiLine of [false, true]) {
    for (let n = 1000; n <= opts.max; n *= 2) {
      const t = findingsTable(n, multiLine);
      const s = median(Array.from({ length: opts.runs }, () => seconds(() => renderTerminalTable(t, false, { rowLines: multiLine }))));
      opts.out(`  ${(multiLine ? 'two-line cells, rules' : 'one-line cells').padEnd(22)} ${n.toLocaleString('en').padStart(7)} rows  ${s.toFixed(3).padStart(8)} s  ${((s / n) * 1000).toFixed(4)} s per 1,000 rows\n`);
    }
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  benchTables({ runs: Number(opt('--runs') ?? 3), max: Number(opt('--max') ?? 32000), out: (s) => process.stdout.write(s) });
}
