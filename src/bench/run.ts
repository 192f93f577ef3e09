/**
 * `npm run bench`: generates records in a temp folder and times, alternating in the same run,
 * `svc-sla validate` and `svc-sla report --quarter` (cold: no cache, as in CI; and with a warm
 * cache of checked files, as on a coordinator's machine; validate also kept to one core),
 * `explain` of one record and `diff HEAD --quarter` (the folder committed to git once),
 * ajv-cli over the same ticket files with an equivalent schema, and a plain read of every file.
 * Prints medians, ratios, records per second and peak memory.
 *
 *   npm run bench                      N = 5,000 and 50,000, 5 runs each
 *   npm run bench -- --runs 5 --n 20000
 *   npm run bench -- --huge            also N = 500,000 (takes minutes and ~1 GB of disk)
 *   npm run bench -- --tables          only the terminal table renderer (src/bench/table.ts)
 *
 * It ends with the terminal table renderer at 1,000 to 32,000 rows (src/bench/table.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateRecords } from './generate';
import { benchTables } from './table';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'svc-sla.js');
const HOOK = path.join(__dirname, 'rss-hook.js');
const AJV_FORMATS = path.join(__dirname, 'ajv-formats.js');
const AJV_CLI = require.resolve('ajv-cli/dist/index.js', { paths: [ROOT] });
const READ_ALL = path.join(__dirname, 'read-all.js');

interface Sample {
  seconds: number;
  rssMiB: number;
}

function time(args: readonly string[], env: NodeJS.ProcessEnv = {}): Sample {
  const rssFile = path.join(os.tmpdir(), `svc-sla-bench-rss-${process.pid}`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', HOOK, ...args], {
    env: { ...process.env, ...env, SVC_SLA_BENCH_RSS: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  }
  const rssKiB = Number(fs.readFileSync(rssFile, 'utf8'));
  fs.rmSync(rssFile, { force: true });
  return { seconds, rssMiB: rssKiB / 1024 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Row {
  name: string;
  seconds: number;
  rssMiB: number;
}

function bench(n: number, runs: number): { rows: Row[]; records: number; ratio: (a: string, b: string) => number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `svc-sla-bench-${n}-`));
  process.stderr.write(`generating ${n.toLocaleString('en')} tickets in ${dir} ... `);
  const g = generateRecords(dir, { tickets: n });
  process.stderr.write(`${g.records.toLocaleString('en')} records\n`);
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-bench-cache-'));
  const cold = { SVC_SLA_CACHE: 'off' };
  const warm = { SVC_SLA_CACHE: cache };
  const report = [BIN, 'report', '--quarter', '2026-Q3', dir, '--as-of', '2026-11-25', '--format', 'json'];
  // diff needs the folder in git: one commit of it, and HEAD against the (unchanged) work tree
  const git = (...args: string[]): void => {
    const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'core.hooksPath=/dev/null', ...args], { cwd: dir, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} exited ${r.status}`);
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench records');
  const explainId = `GD-${String(Math.floor(n / 2)).padStart(7, '0')}`;
  const commands: [string, string[], NodeJS.ProcessEnv?][] = [
    ['plain read of all files', [READ_ALL, dir]],
    ['svc-sla validate', [BIN, 'validate', dir, '--quiet'], cold],
    ['svc-sla validate (one core)', [BIN, 'validate', dir, '--quiet'], { ...cold, SVC_SLA_WORKERS: 'off' }],
    ['svc-sla report --quarter', report, cold],
    ['svc-sla validate (warm cache)', [BIN, 'validate', dir, '--quiet'], warm],
    ['svc-sla report (warm cache)', report, warm],
    ['svc-sla explain (one record)', [BIN, 'explain', explainId, dir, '--as-of', '2026-11-25', '--format', 'json'], cold],
    ['svc-sla diff HEAD --quarter', [BIN, 'diff', 'HEAD', dir, '--quarter', '2026-Q3', '--as-of', '2026-11-25', '--format', 'json'], cold],
    [
      'ajv-cli validate (tickets only)',
      [AJV_CLI, 'validate', '-s', path.join(ROOT, 'schemas', 'tickets.schema.json'), '-d', `${dir}/tickets/**/*.yaml`, '-c', AJV_FORMATS, '--spec=draft7', '--all-errors', '--strict=false'],
    ],
  ];
  // the cache is filled once before timing: "warm" means every file unchanged since the last run
  time([BIN, 'validate', dir, '--quiet'], warm);
  const samples = new Map<string, Sample[]>(commands.map(([name]) => [name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const [name, args, env] of commands) {
      const s = time(args, env);
      samples.get(name)!.push(s);
      process.stderr.write(`  run ${run}/${runs}  ${name.padEnd(32)} ${s.seconds.toFixed(2)} s\n`);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
  const rows = commands.map(([name]) => {
    const ss = samples.get(name)!;
    return { name, seconds: median(ss.map((s) => s.seconds)), rssMiB: Math.max(...ss.map((s) => s.rssMiB)) };
  });
  // a ratio is the median of the runs' own ratios: the two commands of a run ran moments apart,
  // so a machine that slows down for a while slows both (this VM drifts by ±20 %)
  const ratio = (a: string, b: string): number => median(samples.get(a)!.map((s, i) => s.seconds / samples.get(b)![i]!.seconds));
  return { rows, records: g.records, ratio };
}

function main(): void {
  const argv = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const runs = Number(opt('--runs') ?? 5);
  const sizes = opt('--n') ? [Number(opt('--n'))] : [5_000, 50_000];
  if (argv.includes('--huge')) sizes.push(500_000);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`svc-sla benchmark: Node ${process.version}, ${os.cpus().length} cores (${cpu}), ${runs} runs, medians\n\n`);
  const tables = (): void => benchTables({ runs: Math.min(runs, 3), max: 32_000, out: (t) => process.stdout.write(t) });
  if (argv.includes('--tables')) return tables();
  const results: { n: number; records: number; rows: Row[] }[] = [];
  for (const n of sizes) {
    const { rows, records, ratio } = bench(n, runs);
    results.push({ n, records, rows });
    process.stdout.write(`N = ${n.toLocaleString('en')} tickets (${records.toLocaleString('en')} records)\n`);
    for (const r of rows) {
      process.stdout.write(`  ${r.name.padEnd(32)} ${r.seconds.toFixed(2).padStart(7)} s  ${Math.round(records / r.seconds).toLocaleString('en').padStart(9)} records/s  peak ${r.rssMiB.toFixed(0).padStart(5)} MiB\n`);
    }
    const r = (a: string, b: string) => ratio(a, b).toFixed(2);
    process.stdout.write('  ratios (median of each run\'s own ratio):\n');
    process.stdout.write(`  validate / ajv-cli      ${r('svc-sla validate', 'ajv-cli validate (tickets only)')}× cold, ${r('svc-sla validate (warm cache)', 'ajv-cli validate (tickets only)')}× warm cache  (target ≤ 1.0, aim 0.5)\n`);
    process.stdout.write(`  report / validate       ${r('svc-sla report --quarter', 'svc-sla validate')}× cold, ${r('svc-sla report (warm cache)', 'svc-sla validate (warm cache)')}× warm cache  (target ≤ 1.3)\n`);
    process.stdout.write(`  explain / validate      ${r('svc-sla explain (one record)', 'svc-sla validate')}× cold  (target < 1.5)\n`);
    process.stdout.write(`  diff / report           ${r('svc-sla diff HEAD --quarter', 'svc-sla report --quarter')}× cold  (target < 3)\n\n`);
  }
  const small = results.find((r) => r.n === 50_000);
  const huge = results.find((r) => r.n === 500_000);
  if (small && huge) {
    const ratio = (name: string) => huge.rows.find((r) => r.name === name)!.seconds / small.rows.find((r) => r.name === name)!.seconds;
    process.stdout.write(`growth 50,000 → 500,000: validate ${ratio('svc-sla validate').toFixed(1)}×, report ${ratio('svc-sla report --quarter').toFixed(1)}× (target ≤ 12×)\n`);
  }
  tables();
}

main();
