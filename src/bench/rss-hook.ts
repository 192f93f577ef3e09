/**
 * Preloaded (`node --require`) into every process the benchmark times: on exit it writes the
 * process's peak resident set size (KiB, worker threads included) to the file named by
 * SVC_SLA_BENCH_RSS, so svc-sla and ajv-cli are measured the same way.
 */
import * as fs from 'node:fs';

const out = process.env.SVC_SLA_BENCH_RSS;
if (out) {
  process.on('exit', () => {
    fs.writeFileSync(out, String(process.resourceUsage().maxRSS));
  });
}
