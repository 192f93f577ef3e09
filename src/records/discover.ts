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

/**
 * Every file below `dir` (sorted, links to folders not followed), as paths relative to the root
 * built by concatenation (path.relative per file is measurable on 50,000 files). `regular`
 * records which entries the directory listing already showed to be regular files.
 */
function walk(dir: string, rel: string, out: string[], regular: Set<string>, problems: Problem[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    problems.push(fileProblem(rel === '' ? '.' : rel.slice(0, -1), 'unreadable', `cannot read this folder: ${(err as NodeJS.ErrnoException).code ?? String(err)}`));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) walk(dir + path.sep + e.name, `${rel}${e.name}/`, out, regular, problems);
    } else if (e.isFile()) {
      out.push(rel + e.name);
      regular.add(rel + e.name);
    } else if (e.isSymbolicLink()) {
      out.push(rel + e.name);
    }
  }
}

export interface Discovery {
  readonly files: readonly FoundFile[];
  readonly problems: readonly Problem[];
}

export function discover(root: string): Discovery {
  const all: string[] = [];
  const regular = new Set<string>();
  const problems: Problem[] = [];
  walk(root, '', all, regular, problems);
  const files: FoundFile[] = [];
  for (const rel of all) {
    const type = fileTypeOf(rel);
    if (type === null) continue; // README.md, notes, spreadsheets' lock files: not records
    const parts = rel.split('/');
    if (parts.length === 1) {
      if (rel === CONFIG_FILE) continue;
      problems.push(
        fileProblem(rel, 'unknown-kind', `cannot tell the kind of this file: record files go in a kind folder (${KINDS.join('/, ')}/)`),
      );
      continue;
    }
    const top = parts[0]!;
    if (OWN_DIRS.has(top)) continue;
    if (top === CALENDARS_DIR) {
      if (type === 'yaml') files.push({ rel, abs: path.join(root, ...parts), type, kind: 'calendar', regular: regular.has(rel) });
      else problems.push(fileProblem(rel, 'unknown-kind', 'calendar files are YAML (calendars/2027.yaml), not CSV'));
      continue;
    }
    if (!isKind(top)) {
      problems.push(
        fileProblem(
          rel,
          'unknown-kind',
          `'${top}/' is not a record kind folder${didYouMean(top, [...KINDS, CALENDARS_DIR])}; kinds are ${KINDS.join(', ')}`,
        ),
      );
      continue;
    }
    files.push({ rel, abs: root + path.sep + parts.join(path.sep), type, kind: top, regular: regular.has(rel) });
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
