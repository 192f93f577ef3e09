/**
 * The file system as svc-sla's readers see it: list a folder, read a whole file (bounded),
 * stat one. The loader, the policy reader and the lock reader take it as a parameter, so tests
 * can hand in files held in memory (as markdownlint-cli2 injects `fs`); runs use the disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type EntryKind = 'file' | 'dir' | 'link' | 'other';

export interface DirEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

export interface FileStat {
  readonly kind: EntryKind;
  readonly size: number;
  readonly mtimeMs: number;
}

export type ReadOutcome =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'too-large'; readonly size: number }
  | { readonly ok: false; readonly reason: 'not-regular' }
  | { readonly ok: false; readonly reason: 'error'; readonly code: string };

export interface Files {
  /** the real disk: worker threads and the file cache may be used */
  readonly onDisk: boolean;
  /** entries of a folder, unsorted; throws an error with a `code` when it cannot be listed */
  list(dir: string): DirEntry[];
  /**
   * A whole file, at most `maxBytes`. `regular`: a listing already showed a regular file, so
   * no stat is needed before reading (on 50,000 files every system call counts). The bytes are
   * valid until the next read: decode them at once (the disk reader reuses one buffer).
   */
  read(abs: string, opts: { readonly regular: boolean; readonly maxBytes: number }): ReadOutcome;
  /** following links; null when nothing is there */
  stat(abs: string): FileStat | null;
  /** the path with every link resolved (as realpath(3)); null when nothing is there (a dangling link) */
  realpath(abs: string): string | null;
}

/** Is `real` the folder `rootReal` or inside it? (Both resolved by Files.realpath.) */
export function isInside(real: string, rootReal: string): boolean {
  if (real === rootReal) return true;
  const prefix = rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep;
  return real.startsWith(prefix);
}

/**
 * Where a path inside the records folder really leads when that is outside it (a symbolic link,
 * or a path through one, out of the folder), else null. svc-sla never reads such a file: a
 * records folder from someone else could otherwise have it read ~/.npmrc and show it in an error.
 */
export function outsideTarget(files: Files, root: string, abs: string): string | null {
  const rootReal = files.realpath(root) ?? path.resolve(root);
  const real = files.realpath(abs);
  return real !== null && !isInside(real, rootReal) ? real : null;
}

function kindOf(d: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  return d.isFile() ? 'file' : d.isDirectory() ? 'dir' : d.isSymbolicLink() ? 'link' : 'other';
}

/** Reused across files: most record files are far smaller; a larger one gets its own buffer. */
let scratch = Buffer.allocUnsafe(64 * 1024);

function readFromDisk(abs: string, regular: boolean, maxBytes: number): ReadOutcome {
  let fd: number | null = null;
  let got = 0;
  let buf = scratch;
  try {
    // non-blocking: opening a FIFO must not wait for a writer; fstat then refuses it
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    if (!regular) {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return { ok: false, reason: 'not-regular' };
      if (st.size > maxBytes) return { ok: false, reason: 'too-large', size: st.size };
      if (st.size + 1 > buf.length) buf = Buffer.allocUnsafe(st.size + 1);
    }
    for (;;) {
      if (got === buf.length) {
        if (buf.length > maxBytes) return { ok: false, reason: 'too-large', size: fs.fstatSync(fd).size };
        const bigger = Buffer.allocUnsafe(buf.length * 4);
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      got += n;
      // a regular file gives all it has to one read: a short read is its end (saves a system call per file)
      if (n === 0 || (regular && got < buf.length)) break;
    }
  } catch (err) {
    return { ok: false, reason: 'error', code: String((err as NodeJS.ErrnoException).code ?? err) };
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  if (got > maxBytes) return { ok: false, reason: 'too-large', size: got };
  if (buf !== scratch && buf.length <= 1024 * 1024) scratch = buf; // keep a grown buffer of modest size
  return { ok: true, bytes: buf.subarray(0, got) };
}

export const diskFiles: Files = {
  onDisk: true,
  list: (dir) => fs.readdirSync(dir, { withFileTypes: true }).map((d) => ({ name: d.name, kind: kindOf(d) })),
  read: (abs, opts) => readFromDisk(abs, opts.regular, opts.maxBytes),
  stat: (abs) => {
    const st = fs.statSync(abs, { throwIfNoEntry: false });
    return st ? { kind: kindOf(st), size: st.size, mtimeMs: st.mtimeMs } : null;
  },
  realpath: (abs) => {
    try {
      return fs.realpathSync.native(abs);
    } catch {
      return null;
    }
  },
};

function fsError(code: string, what: string): Error {
  return Object.assign(new Error(`${code}: ${what}`), { code });
}

/**
 * Files held in memory under `root` (paths relative to it, `/`-separated): for tests that
 * need a records folder without writing one.
 */
export function memoryFiles(root: string, files: Readonly<Record<string, string | Uint8Array>>): Files {
  const norm = (abs: string): string | null => {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel;
  };
  const contents = new Map<string, Uint8Array>();
  const dirs = new Set<string>(['']);
  for (const [rel, content] of Object.entries(files)) {
    contents.set(rel, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const kindAt = (rel: string): EntryKind | null => (contents.has(rel) ? 'file' : dirs.has(rel) ? 'dir' : null);
  return {
    onDisk: false,
    list: (dir) => {
      const rel = norm(dir);
      if (rel === null || kindAt(rel) !== 'dir') throw fsError('ENOENT', dir);
      const prefix = rel === '' ? '' : `${rel}/`;
      const names = new Set<string>();
      for (const p of [...contents.keys(), ...dirs]) if (p.startsWith(prefix) && p !== rel) names.add(p.slice(prefix.length).split('/')[0]!);
      return [...names].map((name) => ({ name, kind: kindAt(prefix + name)! }));
    },
    read: (abs, opts) => {
      const rel = norm(abs);
      const bytes = rel === null ? undefined : contents.get(rel);
      if (bytes === undefined) return rel !== null && dirs.has(rel) ? { ok: false, reason: 'not-regular' } : { ok: false, reason: 'error', code: 'ENOENT' };
      if (bytes.length > opts.maxBytes) return { ok: false, reason: 'too-large', size: bytes.length };
      return { ok: true, bytes };
    },
    stat: (abs) => {
      const rel = norm(abs);
      const kind = rel === null ? null : kindAt(rel);
      if (kind === null) return null;
      return { kind, size: kind === 'file' ? contents.get(rel!)!.length : 0, mtimeMs: 0 };
    },
    // no links in memory: every path that exists is its own real path
    realpath: (abs) => {
      const rel = norm(abs);
      return rel !== null && kindAt(rel) !== null ? path.resolve(abs) : null;
    },
  };
}
