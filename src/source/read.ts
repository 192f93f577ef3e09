/**
 * Reading one text file of a records folder: bounded in size, decoded strictly, every failure
 * a located problem (never an exception). Record files, settings, calendars, policies and
 * locks all come through here.
 */
import { fileProblem, problemAt, type Problem } from '../core/problems';
import { decode } from './decode';
import type { Files } from './fs';

const MB = 1024 * 1024;

/**
 * Size caps, checked before a byte is parsed (a file larger is refused with `file-too-large`):
 * records are small, and such a file is a mistake — or `/dev/zero`, which is not a regular file
 * and refused before even that. A CSV file or a workbook: 32 MB (170,000 rows).
 */
export const MAX_FILE_BYTES = 32 * MB;
/** A YAML record file: YAML's parse time grows faster than its size, so 2 MB (about 5,000 records). */
export const MAX_YAML_BYTES = 2 * MB;
/** svc-sla.yaml, a calendar file, a policy file. */
export const MAX_SETTINGS_BYTES = 1 * MB;
/** A lock file, written by svc-sla: one line per record of a quarter. */
export const MAX_LOCK_BYTES = 16 * MB;

export type TextResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: Problem };

export interface ReadTextOptions {
  /**
   * `auto` (UTF-8, UTF-8 with BOM, else GB18030: CSV files only), `utf-8` (with or without BOM:
   * YAML, which is UTF-8 by definition) or a fixed encoding name. Default `utf-8`.
   */
  readonly encoding?: string;
  /** the listing showed a regular file (see Files.read) */
  readonly regular?: boolean;
  /** the record kind, named in problems */
  readonly kind?: string | null;
  /** an empty file is a problem (record files); settings may be empty */
  readonly refuseEmpty?: boolean;
  /** the size cap (default MAX_FILE_BYTES) */
  readonly maxBytes?: number;
  /** what the file is and what to do, for a file over the cap (default: record files, split by month or quarter) */
  readonly tooLarge?: string;
}

function why(code: string): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'the file disappeared while reading (a dangling link?)';
  return code;
}

export function readText(files: Files, abs: string, rel: string, opts: ReadTextOptions = {}): TextResult {
  const kind = opts.kind ?? null;
  const fail = (rule: Parameters<typeof fileProblem>[1], message: string): TextResult => ({ ok: false, problem: fileProblem(rel, rule, message, { kind }) });
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const read = files.read(abs, { regular: opts.regular === true, maxBytes });
  if (!read.ok) {
    if (read.reason === 'too-large') {
      const mb = (read.size / MB).toFixed(1);
      const what = opts.tooLarge ?? 'record files over {cap} are not read (split it by month or quarter)';
      return fail('file-too-large', `the file is ${mb} MB; ${what.replace('{cap}', `${maxBytes / MB} MB`)}`);
    }
    if (read.reason === 'not-regular') return fail('unreadable', 'not a regular file (a folder, FIFO, socket or device): svc-sla reads only regular files');
    return fail('unreadable', `cannot read this file: ${why(read.code)}`);
  }
  const dec = decode(read.bytes, opts.encoding ?? 'utf-8');
  if (!dec.ok) {
    if (dec.at) return { ok: false, problem: problemAt({ file: rel, line: dec.at.line, column: dec.at.column }, dec.rule, dec.message, { kind }) };
    return fail(dec.rule, dec.message);
  }
  if (opts.refuseEmpty !== false && dec.text.trim() === '') return fail('empty-file', 'the file is empty: add records or delete it');
  return { ok: true, text: dec.text };
}
