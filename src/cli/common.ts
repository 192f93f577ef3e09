/** What every command shares: finding the records folder, output, colour, exit codes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, findRecordsFolder } from '../load/discover';
import { diskFiles } from '../source/fs';
import { plain, type Paint } from '../render/style';
import { cacheDir } from '../load/cache';
import type { WorkerMode } from '../load/parallel';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called, or input that cannot be read at all: exit 2. */
export class UsageError extends Error {}

export interface Io {
  readonly out: (text: string) => void;
  /** bytes to stdout (a workbook, GB18030 CSV) */
  readonly outBytes: (data: Uint8Array) => void;
  readonly err: (text: string) => void;
  /** colours for stdout (a TTY without NO_COLOR) */
  readonly paint: Paint;
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  exitCode: number;
}

export function colourWanted(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTty && env.TERM !== 'dumb';
}

/** chalk 5 is ESM-only: loaded by dynamic import, and only when colour is wanted. */
export async function makePaint(wanted: boolean): Promise<Paint> {
  if (!wanted) return plain;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { red: c.red, yellow: c.yellow, green: c.green, dim: c.dim, bold: c.bold, underline: c.underline };
}

/**
 * The records folder: the given folder (which must hold svc-sla.yaml), or the nearest folder
 * upward from the current directory that does, as git finds `.git`.
 */
export function resolveFolder(arg: string | undefined, cwd: string): string {
  if (arg !== undefined) {
    const abs = path.resolve(cwd, arg);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new UsageError(`${arg}: no such folder`);
    }
    if (!st.isDirectory()) throw new UsageError(`${arg}: not a folder (give the records folder, the one holding ${CONFIG_FILE})`);
    try {
      fs.readdirSync(abs);
    } catch (err) {
      throw new UsageError(`${arg}: cannot read this folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    if (!fs.existsSync(path.join(abs, CONFIG_FILE))) {
      throw new UsageError(`${arg}: not a records folder: it has no ${CONFIG_FILE} (create one with \`svc-sla init ${arg}\`)`);
    }
    return abs;
  }
  const found = findRecordsFolder(diskFiles, cwd);
  if (found === null) {
    throw new UsageError(`no ${CONFIG_FILE} here or in any parent folder: name the records folder (\`svc-sla validate path/to/records\`) or create one with \`svc-sla init\``);
  }
  return found;
}

/** `file:line` paths for GitHub: relative to the repository root when inside one, else to the current folder. */
export function repoRelative(root: string, cwd: string): (file: string) => string {
  let dir = root;
  let top: string | null = null;
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) {
      top = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const base = top ?? cwd;
  return (file) => path.relative(base, path.join(root, file)).split(path.sep).join('/');
}

/**
 * A progress counter on stderr for long runs: only on a terminal, only after the first second,
 * erased when done. Returns the callback and a `done` to clear the line.
 */
export function progressLine(io: Io, label: string): { progress: (done: number, total: number) => void; done: () => void } {
  if (!io.stderrIsTty) return { progress: () => undefined, done: () => undefined };
  const started = Date.now();
  let shown = false;
  return {
    progress: (done, total) => {
      if (Date.now() - started < 1000) return;
      shown = true;
      io.err(`\r${label} ${done.toLocaleString('en')} / ${total.toLocaleString('en')} files (${Math.floor((done / total) * 100)}%)\u001b[K`);
    },
    done: () => {
      if (shown) io.err('\r\u001b[K');
    },
  };
}

/**
 * Whether large folders are also checked on a second core (src/schema/parallel.ts):
 * SVC_SLA_WORKERS=off never, =force whenever there is more than one chunk of files (tests).
 */
export function workersFor(env: NodeJS.ProcessEnv): WorkerMode {
  const v = env.SVC_SLA_WORKERS;
  if (v === 'off' || v === '0' || v === 'false') return 'off';
  if (v === 'force') return 'force';
  return 'auto';
}

/**
 * The cache folder for checked files (see src/schema/cache.ts). Off under CI (CI=true, as GitHub
 * Actions and GitLab set it: a fresh clone gains nothing and would pay for writing it), and
 * whenever SVC_SLA_CACHE=off; SVC_SLA_CACHE=/some/dir puts it elsewhere.
 */
export function cacheFor(env: NodeJS.ProcessEnv): string | undefined {
  const v = env.SVC_SLA_CACHE;
  if (v === 'off' || v === '0' || v === 'false') return undefined;
  if (v !== undefined && path.isAbsolute(v)) return v;
  if (v !== 'on' && (env.CI === 'true' || env.CI === '1')) return undefined;
  return cacheDir(env);
}

/**
 * Now, as svc-sla takes it: the machine's clock, or SVC_SLA_NOW (an ISO 8601 time with offset)
 * to reproduce a run as it was on a day (the tests pin it so).
 */
export function nowOf(env: NodeJS.ProcessEnv): number {
  const v = env.SVC_SLA_NOW;
  if (v === undefined || v === '') return Date.now();
  const t = Date.parse(v);
  if (!/[zZ]|[+-]\d\d:?\d\d$/.test(v) || Number.isNaN(t)) throw new UsageError(`SVC_SLA_NOW '${v}' is not an ISO 8601 time with an offset (e.g. 2026-10-15T12:00:00+08:00)`);
  return t;
}
