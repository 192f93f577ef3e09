/**
 * Finds the files of a records folder: the record files, each with its kind taken from the
 * top folder's name, and the calendar files. Only reads folder listings.
 */
import * as path from 'node:path';
import { KINDS, isKind, type Kind } from '../core/kinds';
import { fileProblem, type Problem } from '../core/problems';
import type { DirEntry, Files } from '../source/fs';
import { didYouMean } from '../util/suggest';

export const CONFIG_FILE = 'svc-sla.yaml';
export const CALENDARS_DIR = 'calendars';
/** Top folders that belong to svc-sla but hold no records: evidence locks and custom policies. */
const OWN_DIRS = new Set(['locks', 'policies']);
const SKIPPED_DIRS = new Set(['node_modules']);

/** `other-sheet`: a spreadsheet svc-sla does not read (.xls, .ods, …), refused with what to do. */
export type FileType = 'yaml' | 'csv' | 'xlsx' | 'other-sheet';

export interface FoundFile {
  /** relative to the records folder, `/`-separated */
  readonly rel: string;
  readonly abs: string;
  readonly type: FileType;
  readonly kind: Kind;
  /** the listing showed a regular file (not a link): reading it needs no stat first */
  readonly regular: boolean;
}

/** A calendar file (calendars/*.yaml). */
export interface FoundCalendar {
  readonly rel: string;
  readonly abs: string;
}

const OTHER_SHEETS = ['.xls', '.xlsb', '.ods', '.et', '.numbers'];

/**
 * `GD-2026-0001.example.yaml`: an example record (`svc-sla init` writes them). It is never
 * evidence: discovery leaves it out of the records and says so, so an example cannot reach a
 * report until someone renames it.
 */
const EXAMPLE_NAME = /\.example\.(ya?ml|csv|xlsx|xlsm)$/i;

export function isExampleName(name: string): boolean {
  return EXAMPLE_NAME.test(name);
}

export function fileTypeOf(name: string): FileType | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) {
    // Excel's owner file (~$ledger.xlsx) exists while the workbook is open: not a workbook
    return path.basename(lower).startsWith('~$') ? null : 'xlsx';
  }
  if (OTHER_SHEETS.some((e) => lower.endsWith(e)) && !path.basename(lower).startsWith('~$')) return 'other-sheet';
  return null;
}

function byName(a: DirEntry, b: DirEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Sorted entries of a folder, or null (with a problem) when it cannot be listed. */
function list(files: Files, dir: string, rel: string, problems: Problem[]): DirEntry[] | null {
  try {
    return files.list(dir).sort(byName);
  } catch (err) {
    problems.push(fileProblem(rel === '' ? '.' : rel.slice(0, -1), 'unreadable', `cannot read this folder: ${(err as NodeJS.ErrnoException).code ?? String(err)}`));
    return null;
  }
}

interface Found {
  readonly rel: string;
  readonly abs: string;
  readonly type: FileType;
  readonly regular: boolean;
}

/**
 * The files below one top folder (sorted; hidden entries and node_modules skipped; links to
 * folders not followed). Paths are built by concatenation: on 50,000 files, splitting and
 * joining paths per file is measurable.
 */
function walk(files: Files, dir: string, rel: string, out: Found[], problems: Problem[]): void {
  const entries = list(files, dir, rel, problems);
  if (!entries) return;
  for (const e of entries) {
    const name = e.name;
    if (name.charCodeAt(0) === 46 /* . */) continue;
    if (e.kind === 'dir') {
      if (!SKIPPED_DIRS.has(name)) walk(files, dir + path.sep + name, `${rel}${name}/`, out, problems);
      continue;
    }
    if (e.kind !== 'file' && e.kind !== 'link') continue;
    const type = fileTypeOf(name);
    if (type === null) continue; // README.md, notes, spreadsheets' lock files: not records
    out.push({ rel: rel + name, abs: dir + path.sep + name, type, regular: e.kind === 'file' });
  }
}

export interface Discovery {
  readonly records: readonly FoundFile[];
  readonly calendars: readonly FoundCalendar[];
  readonly problems: readonly Problem[];
}

export function discover(files: Files, root: string): Discovery {
  const problems: Problem[] = [];
  const records: FoundFile[] = [];
  const calendars: FoundCalendar[] = [];
  const entries = list(files, root, '', problems) ?? [];
  for (const e of entries) {
    const name = e.name;
    if (name.charCodeAt(0) === 46 /* . */) continue;
    if (e.kind === 'dir') {
      if (SKIPPED_DIRS.has(name) || OWN_DIRS.has(name)) continue;
      const found: Found[] = [];
      walk(files, root + path.sep + name, `${name}/`, found, problems);
      if (name === CALENDARS_DIR) {
        for (const f of found) {
          if (f.type === 'yaml') calendars.push({ rel: f.rel, abs: f.abs });
          else problems.push(fileProblem(f.rel, 'unknown-kind', `calendar files are YAML (calendars/2027.yaml), not ${f.type === 'csv' ? 'CSV' : 'workbooks'}`));
        }
      } else if (isKind(name)) {
        for (const f of found) {
          if (isExampleName(f.rel)) {
            problems.push(
              fileProblem(f.rel, 'example-record', `an example record, not counted: edit it into a real record and rename it to ${f.rel.replace(/\.example(\.[^.]+)$/i, '$1')}, or delete it`, { severity: 'warning' }),
            );
          } else records.push({ ...f, kind: name });
        }
      } else {
        // a stray folder is named once per file in it, so each file shows up in the editor
        for (const f of found) {
          problems.push(fileProblem(f.rel, 'unknown-kind', `'${name}/' is not a record kind folder${didYouMean(name, [...KINDS, CALENDARS_DIR])}; kinds are ${KINDS.join(', ')}`));
        }
      }
      continue;
    }
    if (e.kind !== 'file' && e.kind !== 'link') continue;
    if (fileTypeOf(name) === null || name === CONFIG_FILE) continue;
    problems.push(fileProblem(name, 'unknown-kind', `cannot tell the kind of this file: record files go in a kind folder (${KINDS.join('/, ')}/)`));
  }
  return { records, calendars, problems };
}

/** The folder itself, or the nearest ancestor of `start` that holds svc-sla.yaml (as git finds .git). */
export function findRecordsFolder(files: Files, start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (files.stat(path.join(dir, CONFIG_FILE))?.kind === 'file') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
