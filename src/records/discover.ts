/**
 * Finds the files of a records folder: the config, calendar files and record files, each with
 * its kind taken from the top folder's name. Only reads directory listings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KINDS, isKind, type Kind, type Problem } from '../core/types';
import { didYouMean } from '../util/suggest';

export const CONFIG_FILE = 'svc-sla.yaml';
export const CALENDARS_DIR = 'calendars';
/** Top folders that belong to svc-sla but hold no records: evidence locks and custom policies. */
const OWN_DIRS = new Set(['locks', 'policies']);
const SKIPPED_DIRS = new Set(['node_modules']);

export type FileType = 'yaml' | 'csv';

export interface FoundFile {
  /** relative to the records folder, `/`-separated */
  readonly rel: string;
  readonly abs: string;
  readonly type: FileType;
  /** a record kind, or `calendar` for calendars/*.yaml */
  readonly kind: Kind | 'calendar';
  /** the listing showed a regular file (not a link): reading it needs no stat first */
  readonly regular: boolean;
}

export function fileTypeOf(name: string): FileType | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

function fileProblem(rel: string, rule: string, message: string): Problem {
  return { severity: 'error', file: rel, line: 1, column: 1, kind: null, record: null, rule, message };
}

function byName(a: fs.Dirent, b: fs.Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Sorted entries of a folder, or null (with a problem) when it cannot be listed. */
function list(dir: string, rel: string, problems: Problem[]): fs.Dirent[] | null {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort(byName);
  } catch (err) {
    problems.push(fileProblem(rel === '' ? '.' : rel.slice(0, -1), 'unreadable', `cannot read this folder: ${(err as NodeJS.ErrnoException).code ?? String(err)}`));
    return null;
  }
}

/**
 * The files below one top folder (sorted; hidden entries and node_modules skipped; links to
 * folders not followed), all of one kind. Paths are built by concatenation: on 50,000 files,
 * splitting and joining paths per file is measurable.
 */
function walk(dir: string, rel: string, kind: Kind | 'calendar', out: FoundFile[], problems: Problem[]): void {
  const entries = list(dir, rel, problems);
  if (!entries) return;
  for (const e of entries) {
    const name = e.name;
    if (name.charCodeAt(0) === 46 /* . */) continue;
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(name)) walk(dir + path.sep + name, `${rel}${name}/`, kind, out, problems);
      continue;
    }
    const regular = e.isFile();
    if (!regular && !e.isSymbolicLink()) continue;
    const type = fileTypeOf(name);
    if (type === null) continue; // README.md, notes, spreadsheets' lock files: not records
    out.push({ rel: rel + name, abs: dir + path.sep + name, type, kind, regular });
  }
}

export interface Discovery {
  readonly files: readonly FoundFile[];
  readonly problems: readonly Problem[];
}

export function discover(root: string): Discovery {
  const problems: Problem[] = [];
  const files: FoundFile[] = [];
  const entries = list(root, '', problems) ?? [];
  for (const e of entries) {
    const name = e.name;
    if (name.charCodeAt(0) === 46 /* . */) continue;
    if (e.isDirectory()) {
      if (SKIPPED_DIRS.has(name) || OWN_DIRS.has(name)) continue;
      const abs = root + path.sep + name;
      if (name === CALENDARS_DIR) {
        const found: FoundFile[] = [];
        walk(abs, `${name}/`, 'calendar', found, problems);
        for (const f of found) {
          if (f.type === 'yaml') files.push(f);
          else problems.push(fileProblem(f.rel, 'unknown-kind', 'calendar files are YAML (calendars/2027.yaml), not CSV'));
        }
      } else if (isKind(name)) walk(abs, `${name}/`, name, files, problems);
      else {
        // a stray folder is named once per record file in it, so each file shows up in the editor
        const stray: FoundFile[] = [];
        walk(abs, `${name}/`, 'calendar', stray, problems); // kind unused: only the paths are reported
        for (const f of stray) {
          problems.push(fileProblem(f.rel, 'unknown-kind', `'${name}/' is not a record kind folder${didYouMean(name, [...KINDS, CALENDARS_DIR])}; kinds are ${KINDS.join(', ')}`));
        }
      }
      continue;
    }
    if (!e.isFile() && !e.isSymbolicLink()) continue;
    if (fileTypeOf(name) === null || name === CONFIG_FILE) continue;
    problems.push(fileProblem(name, 'unknown-kind', `cannot tell the kind of this file: record files go in a kind folder (${KINDS.join('/, ')}/)`));
  }
  return { files, problems };
}

/** The folder itself, or the nearest ancestor of `start` that holds svc-sla.yaml (as git finds .git). */
export function findRecordsFolder(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
