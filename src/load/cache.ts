/**
 * A cache of checked record files, keyed by path and the SHA-1 of the file's bytes, so an
 * unchanged file is neither parsed nor schema-checked again. Each file is still read and
 * hashed on every run: a modification time and size say nothing certain (an edit kept by
 * `touch -r`, `cp -p`, `rsync -t` or `tar x` keeps both), and reading is a small part of the
 * cost of checking a file. It lives outside the records folder ($XDG_CACHE_HOME/svc-sla or
 * ~/.cache/svc-sla), one file per records folder, and is thrown away whole when svc-sla, its
 * schemas or the settings that shape a record (time zone, CSV encoding and headers) change.
 * Cross-record checks and the rules always run on everything; only the per-file work is cached.
 * An entry that is not what this code writes (a cache edited or damaged by hand) is discarded,
 * and any failure to read or write the cache is ignored: it only ever saves time.
 */
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Clock } from '../calendar/time';
import { isKind, type Kind } from '../core/kinds';
import { ALL_CHECK_NAMES, type Problem } from '../core/problems';
import { timesOf } from '../schema/record';
import type { FileResult } from './files';

/**
 * A file's result as stored: only what cannot be derived again cheaply. Kind and file come from
 * the path, parsed times from the data (the time zone is part of the key).
 */
interface Entry {
  /** SHA-1 (hex) of the file's bytes when it was checked */
  readonly h: string;
  /** records read */
  readonly n: number;
  readonly p: Problem[];
  /** [index in file, ok (1/0), id, line, column, data] per record, then for a record of a
   *  workbook its sheet and, when it differs from the folder's, its kind */
  readonly i: [number, number, string, number, number, Record<string, unknown>, string?, string?][];
}

interface Stored {
  readonly key: string;
  readonly files: Record<string, Entry>;
}

/** The key of a file's content: SHA-1, hex (crypto.hash, Node ≥ 20.12, is three times as fast on small files). */
export function contentHash(bytes: Uint8Array): string {
  return typeof crypto.hash === 'function' ? crypto.hash('sha1', bytes, 'hex') : createHash('sha1').update(bytes).digest('hex');
}

function pack(hash: string, r: FileResult): Entry {
  return {
    h: hash,
    n: r.recordCount,
    p: r.problems,
    i: r.items.map((it) => {
      const e: Entry['i'][number] = [it.index, it.ok ? 1 : 0, it.rec.id, it.rec.source.line, it.rec.source.column, it.rec.data as Record<string, unknown>];
      if (it.rec.source.sheet !== undefined) e.push(it.rec.source.sheet, it.rec.kind);
      return e;
    }),
  };
}

const CHECK_NAME_SET: ReadonlySet<string> = new Set(ALL_CHECK_NAMES);

const isInt = (x: unknown): x is number => Number.isSafeInteger(x);
const isStrOrNull = (x: unknown): boolean => x === null || typeof x === 'string';
const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isProblem(p: unknown): p is Problem {
  if (!isPlainObject(p)) return false;
  return (
    (p.severity === 'error' || p.severity === 'warning') &&
    typeof p.file === 'string' &&
    isInt(p.line) &&
    isInt(p.column) &&
    isStrOrNull(p.kind) &&
    isStrOrNull(p.record) &&
    typeof p.rule === 'string' &&
    CHECK_NAME_SET.has(p.rule) &&
    typeof p.message === 'string' &&
    (p.about === undefined || (Array.isArray(p.about) && p.about.every((f) => typeof f === 'string')))
  );
}

/** Is this stored value an entry as pack writes it? (Anything else is discarded, never trusted.) */
function isEntry(e: unknown): e is Entry {
  if (!isPlainObject(e) || typeof e.h !== 'string' || !isInt(e.n) || e.n < 0 || !Array.isArray(e.p) || !Array.isArray(e.i)) return false;
  if (!e.p.every(isProblem)) return false;
  return e.i.every(
    (it: unknown) =>
      Array.isArray(it) &&
      it.length >= 6 &&
      it.length <= 8 &&
      isInt(it[0]) &&
      (it[1] === 0 || it[1] === 1) &&
      typeof it[2] === 'string' &&
      isInt(it[3]) &&
      isInt(it[4]) &&
      isPlainObject(it[5]) &&
      (it[6] === undefined || typeof it[6] === 'string') &&
      (it[7] === undefined || (typeof it[7] === 'string' && isKind(it[7]))),
  );
}

function unpack(rel: string, e: Entry, clock: Clock): FileResult {
  const folderKind = rel.slice(0, rel.indexOf('/')) as Kind;
  return {
    rel,
    recordCount: e.n,
    problems: e.p,
    items: e.i.map(([index, ok, id, line, column, data, sheet, sheetKind]) => {
      const kind = (sheetKind ?? folderKind) as Kind;
      const source = sheet === undefined ? { file: rel, line, column } : { file: rel, line, column, sheet };
      return { index, ok: ok === 1, rec: { kind, id, source, data, times: timesOf(kind, data, clock) } };
    }),
  };
}

export function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'svc-sla');
}

export class FileCache {
  private readonly file: string;
  private readonly old: Record<string, Entry>;
  private readonly next: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  private changed = false;

  /** `key`: everything besides the file itself that shapes a FileResult. */
  constructor(dir: string, root: string, private readonly key: string) {
    this.file = path.join(dir, `${createHash('sha1').update(path.resolve(root)).digest('hex')}.json`);
    let old: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
    try {
      const stored = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      if (isPlainObject(stored) && stored.key === key && isPlainObject(stored.files)) old = stored.files as Record<string, Entry>;
    } catch {
      // no cache yet, or an unreadable one: start afresh
    }
    this.old = old;
  }

  /** The result for a file whose bytes hash to what they did when it was cached, or undefined. */
  get(rel: string, hash: string, clock: Clock): FileResult | undefined {
    const e: unknown = Object.prototype.hasOwnProperty.call(this.old, rel) ? this.old[rel] : undefined;
    if (e === undefined) return undefined;
    if (!isEntry(e)) {
      this.changed = true; // a malformed entry: written anew (or dropped) at save
      return undefined;
    }
    if (e.h !== hash || !isKind(rel.slice(0, rel.indexOf('/')))) return undefined;
    let r: FileResult;
    try {
      r = unpack(rel, e, clock);
    } catch {
      this.changed = true;
      return undefined;
    }
    this.next[rel] = e;
    return r;
  }

  put(rel: string, hash: string, r: FileResult): void {
    this.next[rel] = pack(hash, r);
    this.changed = true;
  }

  /** Writes the cache when anything was added or a cached file is gone. */
  save(): void {
    if (!this.changed && Object.keys(this.old).length === Object.keys(this.next).length) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ key: this.key, files: this.next } satisfies Stored));
      fs.renameSync(tmp, this.file);
    } catch {
      // a read-only home, a full disk: the next run simply checks again
    }
  }
}
