/** Opens a records folder and evaluates it, as the report commands do, without the CLI. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { evaluate, type Evaluation } from '../../src/rules/engine';
import { checkFolder, type CheckedFolder } from '../../src/checks';
import { hasErrors } from '../../src/core/problems';
import type { Policy } from '../../src/core/policy';
import { TEST_NOW_MS } from '../now';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SAMPLE = path.join(ROOT, 'samples', 'gd-transmission');

export interface Opened {
  readonly ws: CheckedFolder;
  readonly policy: Policy;
  readonly asOf: number;
  readonly evaluations: readonly Evaluation[];
}

export function open(folder: string, asOfText: string): Opened {
  const ws = checkFolder(folder, { now: TEST_NOW_MS });
  if (hasErrors(ws.problems) || !ws.policy) throw new Error(`invalid records: ${JSON.stringify(ws.problems.slice(0, 3))}`);
  const w = ws.clock.parse(asOfText);
  if (!w) throw new Error(`bad as-of ${asOfText}`);
  const asOf = ws.clock.asDeadline(w);
  const r = evaluate({ records: ws.records, policy: ws.policy, clock: ws.clock, calendar: ws.calendar, asOf, contractStart: ws.config.contract_start });
  if (r.problems.length > 0) throw new Error(JSON.stringify(r.problems));
  return { ws, policy: ws.policy, asOf, evaluations: r.evaluations };
}

/** A fresh records folder with the given files (name → text). */
export function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-reports-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}
