/**
 * Finds the files of a records folder: the record files, each with its kind taken from the
 * top folder's name, and the calendar files. Only reads folder listings.
 */
import * as path from 'node:path';
import { KINDS, isKind, type Kind } from '../core/kinds';
import { fileProblem, type Problem } from '../core/problems';
import { isInside, type DirEntry, type EntryKind, type Files } from '../source/fs';
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

/** A link to a folder met while walking: followed once every real folder is walked. */
interface PendingLink {
  readonly abs: string;
  readonly rel: string;
  /** the real path of the folder the link is in */
  readonly parentReal: string;
  readonly out: Found[];
}

/** What a walk of the records folder shares: its real path, the folders read, the links to follow. */
interface Walk {
  readonly files: Files;
  readonly rootReal: string;
  readonly problems: Problem[];
  /** real paths of the folders read (kind folders and calendars/, and below), each with the name it is read under */
  readonly walked: Map<string, string> | null;
  readonly pending: PendingLink[];
}

function outsideProblem(rel: string, target: string, what: string): Problem {
  return fileProblem(
    rel,
    'unsafe-path',
    `a symbolic link to ${what} outside the records folder (${target}): svc-sla never follows a link out of the folder, so its records are not read (copy them into the folder instead)`,
  );
}

/**
 * What a link's name says svc-sla would read through it: a record file (`record`: the reader
 * says what is wrong with a dangling one), perhaps a folder of records (`records`: a kind folder,
 * or any name inside one), or nothing (`other`: a top-level name svc-sla does not read).
 */
type LinkRole = 'record' | 'records' | 'other';

/**
 * A link met in a listing: its real place and what is there, or null when it is not to be read
 * (a problem says why when it would have been: a link out of the folder, or to nothing).
 */
function resolveLink(w: Walk, abs: string, rel: string, role: LinkRole): { real: string; kind: EntryKind } | null {
  const real = w.files.realpath(abs);
  if (real === null) {
    if (role === 'records') w.problems.push(fileProblem(rel, 'unreadable', 'a symbolic link to nothing (dangling): if it was a folder of records, they are not read', { severity: 'warning' }));
    return null;
  }
  const kind = w.files.stat(abs)?.kind ?? 'other';
  if (!isInside(real, w.rootReal)) {
    if (role === 'record' || (role === 'records' && kind === 'dir')) w.problems.push(outsideProblem(rel, real, kind === 'dir' ? 'a folder' : 'a file'));
    return null;
  }
  return { real, kind };
}

/**
 * The files below one folder (sorted; hidden entries and node_modules skipped). A link to a file
 * inside the records folder is read like the file; a link to a folder inside it is followed
 * after every real folder is walked (see followLinks); a link out of the folder is refused.
 * Paths are built by concatenation: on 50,000 files, splitting and joining paths per file is
 * measurable.
 */
function walk(w: Walk, dir: string, rel: string, real: string, out: Found[]): void {
  const entries = list(w.files, dir, rel, w.problems);
  if (!entries) return;
  w.walked?.set(real, rel === '' ? '.' : rel.slice(0, -1));
  for (const e of entries) {
    const name = e.name;
    if (name.charCodeAt(0) === 46 /* . */) continue;
    if (e.kind === 'dir') {
      if (!SKIPPED_DIRS.has(name)) walk(w, dir + path.sep + name, `${rel}${name}/`, real + path.sep + name, out);
      continue;
    }
    // a FIFO, socket or device named as a record file is refused by the reader (never opened blocking)
    const type = fileTypeOf(name);
    if (e.kind === 'link') {
      const abs = dir + path.sep + name;
      const link = resolveLink(w, abs, rel + name, type !== null ? 'record' : 'records');
      if (link === null && type === null) continue;
      if (link !== null && link.kind === 'dir') {
        if (!SKIPPED_DIRS.has(name)) w.pending.push({ abs, rel: `${rel}${name}/`, parentReal: real, out });
        continue;
      }
      if (link === null && w.files.realpath(abs) !== null) continue; // out of the folder: refused above
    }
    if (type === null) continue; // README.md, notes, spreadsheets' lock files: not records
    out.push({ rel: rel + name, abs: dir + path.sep + name, type, regular: e.kind === 'file' });
  }
}

/**
 * Follows the links to folders met while walking, each once: a folder reached again — through a
 * loop (a link to a folder above it) or by a second name — is not read twice, with a warning.
 * Folders are told apart by their real paths, so a loop always ends.
 */
function followLinks(w: Walk): Set<Found[]> {
  const grown = new Set<Found[]>();
  for (let i = 0; i < w.pending.length; i++) {
    const link = w.pending[i]!;
    const rel = link.rel.slice(0, -1);
    const real = w.files.realpath(link.abs);
    if (real === null) continue;
    const readAs = w.walked!.get(real);
    if (readAs !== undefined) {
      const shown = path.relative(w.rootReal, real).split(path.sep).join('/') || '.';
      const loop = isInside(link.parentReal, real);
      w.problems.push(
        fileProblem(
          rel,
          'folder-link',
          loop
            ? `a symbolic link to ${shown}, a folder it is in (a loop): not followed; the records there are read once, under ${readAs}`
            : `a symbolic link to ${shown}, which is read already: its records are read once, under ${readAs}`,
          { severity: 'warning' },
        ),
      );
      continue;
    }
    walk(w, link.abs, link.rel, real, link.out);
    grown.add(link.out);
  }
  return grown;
}

export interface Discovery {
  readonly records: readonly FoundFile[];
  readonly calendars: readonly FoundCalendar[];
  readonly problems: readonly Problem[];
}

function byRel(a: Found, b: Found): number {
  return a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0;
}

export function discover(files: Files, root: string): Discovery {
  const problems: Problem[] = [];
  const records: FoundFile[] = [];
  const calendars: FoundCalendar[] = [];
  const rootReal = files.realpath(root) ?? path.resolve(root);
  const w: Walk = { files, rootReal, problems, walked: new Map(), pending: [] };
  // stray folders are walked only to name their files: what they hold is no kind's folder
  const stray: Walk = { ...w, walked: null, pending: [] };
  const entries = list(files, root, '', problems) ?? [];
  const tops: { name: string; found: Found[] }[] = [];
  for (const e of entries) {
    const name = e.name;
    if (name.charCodeAt(0) === 46 /* . */) continue;
    let kind: EntryKind = e.kind;
    const abs = root + path.sep + name;
    let real = rootReal + path.sep + name;
    if (kind === 'link') {
      const role: LinkRole = name === CALENDARS_DIR || isKind(name) ? 'records' : fileTypeOf(name) !== null && name !== CONFIG_FILE ? 'record' : 'other';
      const link = resolveLink(w, abs, name, role);
      // a dangling link named as a record file is still a record file in the wrong place
      if (link === null && !(role === 'record' && files.realpath(abs) === null)) continue;
      kind = link?.kind ?? 'file';
      real = link?.real ?? real;
    }
    if (kind === 'dir') {
      if (SKIPPED_DIRS.has(name) || OWN_DIRS.has(name)) continue;
      const found: Found[] = [];
      const known = name === CALENDARS_DIR || isKind(name);
      if (known && e.kind === 'link') w.pending.push({ abs, rel: `${name}/`, parentReal: rootReal, out: found });
      else walk(known ? w : stray, abs, `${name}/`, real, found);
      tops.push({ name, found });
      continue;
    }
    if (kind !== 'file' && kind !== 'other') continue;
    if (fileTypeOf(name) === null || name === CONFIG_FILE) continue;
    problems.push(fileProblem(name, 'unknown-kind', `cannot tell the kind of this file: record files go in a kind folder (${KINDS.join('/, ')}/)`));
  }
  // links to folders last, so that a folder is read under its own name when it has one
  for (const grown of followLinks(w)) grown.sort(byRel);
  for (const { name, found } of tops) {
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
