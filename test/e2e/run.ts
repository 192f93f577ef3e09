/** Runs the built CLI (dist/, built by `npm test`'s pretest) as a user would. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TEST_NOW } from '../now';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'svc-sla.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const SAMPLES = path.join(ROOT, 'samples');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export { TEST_NOW };

/** Runs the built CLI; "now" is TEST_NOW unless the test's env gives SVC_SLA_NOW. */
export function runCli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !['GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'FORCE_COLOR', 'NO_COLOR'].includes(k)) env[k] = v;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { SVC_SLA_NOW: TEST_NOW, ...env, ...(opts.env ?? {}) },
    encoding: 'utf8',
    input: opts.input ?? '',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temp copy of a fixture folder (or an empty folder) that the test may change. */
export function tempFolder(from?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-test-'));
  if (from) fs.cpSync(from, dir, { recursive: true });
  return dir;
}

/**
 * What a coordinator does with `init`'s examples once they are real: remove `.example` from
 * their names (an example is never counted). Returns the new names, relative to `dir`.
 */
export function makeExamplesReal(dir: string): string[] {
  const renamed: string[] = [];
  for (const f of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    if (!/\.example\.[a-z]+$/.test(f)) continue;
    const real = f.replace(/\.example(\.[a-z]+)$/, '$1');
    fs.renameSync(path.join(dir, f), path.join(dir, real));
    renamed.push(real.split(path.sep).join('/'));
  }
  return renamed;
}

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** `file:line:column rule` for each problem of `validate --format json`, errors then warnings. */
export function problemKeys(stdout: string): { errors: string[]; warnings: string[] } {
  const j = JSON.parse(stdout) as { errors: P[]; warnings: P[] };
  const key = (p: P) => `${p.file}:${p.line}:${p.column} ${p.rule}`;
  return { errors: j.errors.map(key), warnings: j.warnings.map(key) };
}
interface P {
  file: string;
  line: number;
  column: number;
  rule: string;
}

/** git with a fixed identity and no user or system configuration, so it runs the same in CI. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(cwd, '.no-global-gitconfig'),
      GIT_AUTHOR_NAME: 'Records Coordinator',
      GIT_AUTHOR_EMAIL: 'coordinator@example.invalid',
      GIT_COMMITTER_NAME: 'Records Coordinator',
      GIT_COMMITTER_EMAIL: 'coordinator@example.invalid',
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
