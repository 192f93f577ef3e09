/**
 * A cache of checked record files, keyed by path, modification time and size (as beancount
 * caches its loader), so an unchanged file is neither read nor parsed nor schema-checked again.
 * It lives outside the records folder ($XDG_CACHE_HOME/svc-sla or ~/.cache/svc-sla), one file
 * per records folder, and is thrown away whole when svc-sla, its schemas or the settings that
 * shape a record (time zone, CSV encoding and headers) change. Cross-record checks and the
 * rules always run on everything; only the per-file work is cached.
 * Any failure to read or write the cache is ignored: it only ever saves time.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Clock } from '../calendar/time';
import type { Kind } from '../core/kinds';
import type { Problem } from '../core/problems';
import { timesOf } from '../schema/record';
import type { FileResult } from './files';

/**
 * A file's result as stored: only what cannot be derived again cheaply. Kind and file come from
 * the path, parsed times from the data (the time zone is part of the key).
 */
interface Entry {
  /** mtime (ms, with fractions) and size of the file when it was checked */
  readonly m: number;
  readonly s: number;
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

function pack(stat: fs.Stats, r: FileResult): Entry {
  return {
    m: stat.mtimeMs,
    s: stat.size,
    n: r.recordCount,
    p: r.problems,
    i: r.items.map((it) => {
      const e: Entry['i'][number] = [it.index, it.ok ? 1 : 0, it.rec.id, it.rec.source.line, it.rec.source.column, it.rec.data as Record<string, unknown>];
      if (it.rec.source.sheet !== undefined) e.push(it.rec.source.sheet, it.rec.kind);
      return e;
    }),
  };
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
      const stored = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Stored;
      if (stored.key === key && stored.files && typeof stored.files === 'object') old = stored.files;
    } catch {
      // no cache yet, or an unreadable one: start afresh
    }
    this.old = old;
  }

  /** The result for a file unchanged since it was cached, or undefined. */
  get(rel: string, stat: fs.Stats, clock: Clock): FileResult | undefined {
    const e = this.old[rel];
    if (e === undefined || e.m !== stat.mtimeMs || e.s !== stat.size) return undefined;
    this.next[rel] = e;
    return unpack(rel, e, clock);
  }

  put(rel: string, stat: fs.Stats, r: FileResult): void {
    this.next[rel] = pack(stat, r);
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
