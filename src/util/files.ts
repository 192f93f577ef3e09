/**
 * Writing a file the user named (`-o`) without destroying anything: what the name is decides how.
 *
 * - a regular file (or a new one) is replaced whole or not at all: the bytes go to a temporary
 *   file beside it, created exclusively under a random name, given the old file's mode (and
 *   owner, where allowed), synced, then renamed over it. The temporary file is removed when
 *   anything fails and when SIGINT, SIGTERM or SIGHUP arrives meanwhile;
 * - a symbolic link is followed: the file it points to is replaced as above and the link stays;
 *   a link to nothing is refused;
 * - a regular file with several hard links is rewritten in place, so every name still shows one
 *   file (an error while writing can then leave it incomplete: the error says so);
 * - anything else that is not a folder (a FIFO, a terminal, /dev/null) is written in place, as
 *   the shell's `>` does, and `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N` are
 *   the process's own descriptor N (so `-o /dev/stdout >> log` appends to the log);
 * - a folder is refused (EISDIR).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where the bytes go, decided before any is written. */
export type OutputTarget =
  | { readonly kind: 'descriptor'; readonly fd: number }
  | { readonly kind: 'device'; readonly path: string }
  | { readonly kind: 'replace'; readonly path: string; readonly old: fs.Stats | null }
  | { readonly kind: 'linked'; readonly path: string };

/** An error of fs's shape (`code`), for what svc-sla refuses itself. */
export class TargetError extends Error {
  constructor(
    readonly code: 'EISDIR' | 'EDANGLING',
    message: string,
  ) {
    super(message);
  }
}

/** An error while rewriting a file in place: what was there may be partly overwritten. */
export class PartialWriteError extends Error {
  constructor(readonly code: string) {
    super(`partial write (${code})`);
  }
}

/** The descriptor a path names: `/dev/stdout` is 1, `/dev/fd/5` is 5; null for any other path. */
export function descriptorOf(file: string): number | null {
  const std = /^\/dev\/(stdin|stdout|stderr)$/.exec(file);
  if (std) return ['stdin', 'stdout', 'stderr'].indexOf(std[1]!);
  const fd = /^\/(?:dev|proc\/self)\/fd\/(\d{1,9})$/.exec(file);
  return fd ? Number(fd[1]) : null;
}

function statOrNull(file: string, follow: boolean): fs.Stats | null {
  try {
    return follow ? fs.statSync(file) : fs.lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** What writing to `file` (an absolute path) means; throws for a folder or a link to nothing. */
export function outputTarget(file: string): OutputTarget {
  const fd = descriptorOf(file);
  if (fd !== null) return { kind: 'descriptor', fd };
  const st = statOrNull(file, true);
  if (st === null) {
    if (statOrNull(file, false)?.isSymbolicLink()) throw new TargetError('EDANGLING', 'a symbolic link to a file that does not exist');
    return { kind: 'replace', path: file, old: null };
  }
  if (st.isDirectory()) throw new TargetError('EISDIR', 'a folder');
  if (!st.isFile()) return { kind: 'device', path: file };
  const real = statOrNull(file, false)?.isSymbolicLink() ? fs.realpathSync(file) : file;
  if (st.nlink > 1) return { kind: 'linked', path: real };
  return { kind: 'replace', path: real, old: st };
}

/** Writes every byte (a write may take only part of them). */
export function writeAll(fd: number, data: Uint8Array): void {
  let done = 0;
  while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done);
}

/** Writes `data` where `target` says (see the top of this file). */
export function writeTarget(target: OutputTarget, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  switch (target.kind) {
    case 'descriptor':
      writeAll(target.fd, bytes);
      return;
    case 'device': {
      // no O_CREAT, no O_TRUNC: a device or FIFO is written as it is
      const fd = fs.openSync(target.path, fs.constants.O_WRONLY | fs.constants.O_NOCTTY);
      try {
        writeAll(fd, bytes);
      } finally {
        fs.closeSync(fd);
      }
      return;
    }
    case 'linked':
      writeInPlace(target.path, bytes);
      return;
    case 'replace':
      replaceFile(target.path, bytes, target.old);
  }
}

function writeInPlace(file: string, bytes: Uint8Array): void {
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_NOCTTY);
  try {
    writeAll(fd, bytes);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } catch (err) {
    throw new PartialWriteError((err as NodeJS.ErrnoException).code ?? String(err));
  } finally {
    fs.closeSync(fd);
  }
}

/** Temporary files that exist now, removed if a signal ends the process. */
const temporaries = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let trapped = false;

/**
 * While a temporary file may exist a signal must not end the process before it is removed: our
 * listener removes what is left and then ends the process by the same signal. The writing is
 * synchronous, so the listener runs once the write is done or undone.
 */
function trapSignals(): void {
  if (trapped) return;
  trapped = true;
  const listeners = new Map<string, () => void>();
  for (const sig of SIGNALS) {
    const onSignal = (): void => {
      for (const t of temporaries) {
        try {
          fs.rmSync(t, { force: true });
        } catch {
          // nothing more can be done on the way out
        }
      }
      temporaries.clear();
      for (const [s, l] of listeners) process.removeListener(s, l);
      process.kill(process.pid, sig);
    };
    listeners.set(sig, onSignal);
    process.on(sig, onSignal);
  }
}

/**
 * Creates `.<name>.<random>.tmp` beside `file`, exclusively (O_EXCL: never a file or link that
 * is already there), and returns its path and descriptor. It is removed on a signal until
 * `settle` is called with it.
 */
export function createTemporary(file: string, mode = 0o666): { tmp: string; fd: number } {
  trapSignals();
  const dir = path.dirname(file);
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
    try {
      temporaries.add(tmp);
      const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, mode);
      return { tmp, fd };
    } catch (err) {
      temporaries.delete(tmp);
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw err;
    }
  }
}

/** Removes the temporary file (when it is still there) and stops watching it. */
export function settle(tmp: string, remove: boolean): void {
  if (remove) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more to clean up
    }
  }
  temporaries.delete(tmp);
  // a signal that arrived during the synchronous write is delivered on the next turn of the loop
  setImmediate(() => undefined);
}

function replaceFile(file: string, bytes: Uint8Array, old: fs.Stats | null): void {
  const { tmp, fd } = createTemporary(file, old === null ? 0o666 : old.mode & 0o777);
  let renamed = false;
  try {
    try {
      if (old !== null) {
        if (old.uid !== process.getuid?.() || old.gid !== process.getgid?.()) {
          try {
            fs.fchownSync(fd, old.uid, old.gid);
          } catch {
            // only root may give a file away: it is then ours, with the old mode
          }
        }
        fs.fchmodSync(fd, old.mode & 0o7777);
      }
      writeAll(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // a test hook (SVC_SLA_TEST_SIGNAL=SIGINT): the signal arrives while the temporary file exists
    const sig = process.env.SVC_SLA_TEST_SIGNAL;
    if (sig !== undefined && (SIGNALS as readonly string[]).includes(sig)) process.kill(process.pid, sig);
    fs.renameSync(tmp, file);
    renamed = true;
  } finally {
    settle(tmp, !renamed);
  }
}
