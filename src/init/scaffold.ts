/**
 * Lays out a new records folder. Never overwrites: every file is created exclusively, and an
 * example record is only added to a kind folder that holds nothing yet (examples mixed into
 * real records would be counted as real).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Kind } from '../core/kinds';
import { CALENDARS_README, SCHEMA_DIR, VSCODE_EXTENSIONS, configYaml, editorSchemaNames, githubWorkflow, gitlabCi, preCommitConfig, schemaDirReadme, vscodeSettings, type InitPolicy } from './config';
import { exampleRecords } from './records';

export interface PlannedFile {
  /** relative to the records folder, `/`-separated */
  readonly path: string;
  readonly content: string;
  /** set for example records: the kind folder it goes in */
  readonly kind?: Kind;
}

export interface InitOptions {
  readonly policy: InitPolicy;
  /** the text of one of this svc-sla's JSON Schemas, by name (`tickets`, `config`, ...) */
  readonly schemaText: (name: string) => string;
  /** svc-sla's version: the release tag in the CI and pre-commit files, the schema copies' note */
  readonly version: string;
}

export function plannedFiles(opts: InitOptions): PlannedFile[] {
  return [
    { path: 'svc-sla.yaml', content: configYaml(opts.policy) },
    ...exampleRecords(opts.policy),
    { path: 'calendars/README.md', content: CALENDARS_README },
    { path: '.github/workflows/svc-sla.yml', content: githubWorkflow(opts.version) },
    { path: '.gitlab-ci.svc-sla.yml', content: gitlabCi(opts.version) },
    { path: '.pre-commit-config.yaml', content: preCommitConfig(opts.version) },
    { path: '.vscode/settings.json', content: vscodeSettings() },
    { path: '.vscode/extensions.json', content: VSCODE_EXTENSIONS },
    ...schemaCopies(opts),
  ];
}

/** The editor's copies of the schemas (SCHEMA_DIR), with a note on what they are. */
export function schemaCopies(opts: Pick<InitOptions, 'schemaText' | 'version'>): PlannedFile[] {
  return [
    { path: `${SCHEMA_DIR}/README.md`, content: schemaDirReadme(opts.version) },
    ...editorSchemaNames().map((n) => ({ path: `${SCHEMA_DIR}/${n}.schema.json`, content: opts.schemaText(n) })),
  ];
}

/**
 * `init --update-schemas`: the schema copies rewritten with this svc-sla's (the only files init
 * ever replaces: they are svc-sla's, not the user's). Returns the paths that changed.
 */
export function updateSchemaCopies(folder: string, files: readonly PlannedFile[]): string[] {
  const changed: string[] = [];
  for (const f of files) {
    const abs = path.join(folder, ...f.path.split('/'));
    let old: string | null = null;
    try {
      old = fs.readFileSync(abs, 'utf8');
    } catch {
      old = null;
    }
    if (old === f.content) continue;
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, f.content);
    changed.push(f.path);
  }
  return changed;
}

/** Entries of the folder that make it "not empty" (a fresh `git init` does not count). */
export function occupyingEntries(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((e) => e !== '.git')
    .sort();
}

export interface Skipped {
  readonly path: string;
  readonly why: string;
}

export interface InitResult {
  readonly created: string[];
  readonly skipped: Skipped[];
}

/** The folder exists and holds at least one file, at any depth (empty sub-folders do not count). */
function holdsFiles(abs: string): boolean {
  try {
    if (!fs.statSync(abs).isDirectory()) return true; // a file named like the kind folder: leave it alone
    const entries = fs.readdirSync(abs, { recursive: true, withFileTypes: true });
    return entries.some((e) => !e.isDirectory());
  } catch {
    return false;
  }
}

/** Writes what is missing into `folder` (which exists); reports what it created and skipped. */
export function writeFiles(folder: string, files: readonly PlannedFile[]): InitResult {
  const created: string[] = [];
  const skipped: Skipped[] = [];
  // decided before writing anything, so that one kind's example does not block another's
  const kindsInUse = new Set(files.filter((f) => f.kind !== undefined && holdsFiles(path.join(folder, f.kind))).map((f) => f.kind!));
  for (const f of files) {
    const abs = path.join(folder, ...f.path.split('/'));
    if (f.kind !== undefined && kindsInUse.has(f.kind)) {
      skipped.push({ path: f.path, why: `${f.kind}/ already holds files` });
      continue;
    }
    if (fs.existsSync(abs)) {
      skipped.push({ path: f.path, why: 'already exists, left unchanged' });
      continue;
    }
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    try {
      fs.writeFileSync(abs, f.content, { flag: 'wx' });
    } catch (err) {
      // appeared between the check and the write (or is a dangling link): still never overwrite
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        skipped.push({ path: f.path, why: 'already exists, left unchanged' });
        continue;
      }
      throw err;
    }
    created.push(f.path);
  }
  return { created, skipped };
}
