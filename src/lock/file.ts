/**
 * Lock files on disk: finding them in locks/, reading one into a checked `Lock` with every
 * problem located (syntax, schema schemas/lock.schema.json, name and values), writing a new one
 * without ever replacing an existing one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { Node } from 'yaml';
import { ajvLib, yamlLib } from '../util/lazy';
import type { Clock } from '../calendar/time';
import { problemAt, type CheckName, type Problem } from '../core/problems';
import type { Files } from '../source/fs';
import { readText } from '../source/read';
import { translateSchemaErrors } from '../source/schema-errors';
import { parseYaml, type Locator, type ParsedRecord } from '../source/yaml';
import { createTemporary, settle, writeAll } from '../util/files';
import { schemaDocument } from '../util/paths';
import { LOCKS_DIR, type Lock } from './model';

export const LOCK_FILE_RULE: CheckName = 'lock-file';
const NAME_RE = /^(\d{4}-Q[1-4])\.ya?ml$/;

/** `locks/*.yaml` and `locks/*.yml` (not sub-folders, not dot files), sorted; [] when there is no locks/ folder. */
export function listLockFiles(files: Files, root: string): string[] {
  let entries;
  try {
    entries = files.list(path.join(root, LOCKS_DIR));
  } catch {
    return [];
  }
  return entries
    .filter((e) => (e.kind === 'file' || e.kind === 'link') && !e.name.startsWith('.') && /\.ya?ml$/i.test(e.name))
    .map((e) => `${LOCKS_DIR}/${e.name}`)
    .sort();
}

/** The lock files of a quarter that exist (normally none or `locks/<quarter>.yaml`). */
export function existingLocksOf(root: string, quarter: string): string[] {
  return [`${LOCKS_DIR}/${quarter}.yaml`, `${LOCKS_DIR}/${quarter}.yml`].filter((rel) => fs.existsSync(path.join(root, rel)));
}

export interface ReadLock {
  readonly file: string;
  /** null when the file is not a usable lock; `problems` says why */
  readonly lock: Lock | null;
  /** the instant of `as_of` */
  readonly asOf: number | null;
  readonly locate: Locator;
  readonly problems: readonly Problem[];
}

let validator: ValidateFunction | null = null;
function validateLock(): ValidateFunction {
  if (!validator) {
    const ajv = new (ajvLib().default)({ allErrors: true, strict: true, allowUnionTypes: true });
    validator = ajv.compile(schemaDocument('lock') as object);
  }
  return validator;
}

function problem(file: string, pos: { line: number; column: number }, message: string, rule: CheckName = LOCK_FILE_RULE): Problem {
  return problemAt({ file, line: pos.line, column: pos.column }, rule, message);
}

const REMAKE = 'lock files are written by `svc-sla lock`, never by hand: restore it from git, or remove it deliberately';

/** Reads and checks one lock file; never throws for bad content. */
export function readLockFile(files: Files, root: string, rel: string, clock: Clock): ReadLock {
  const none: Locator = () => ({ file: rel, line: 1, column: 1 });
  const fail = (problems: Problem[], locate: Locator = none): ReadLock => ({ file: rel, lock: null, asOf: null, locate, problems });
  const read = readText(files, path.join(root, ...rel.split('/')), rel, { encoding: 'utf-8' });
  if (!read.ok) return fail([problem(rel, read.problem, `${read.problem.message} (${REMAKE})`)]);
  const parsed = parseYaml(read.text, rel);
  const syntax = parsed.problems.filter((p) => p.severity === 'error');
  if (syntax.length > 0) return fail(syntax.map((p) => problem(rel, p, `${p.message} (${REMAKE})`, p.rule)));
  const docs = parsed.items.filter((i): i is ParsedRecord => 'data' in i);
  if (docs.length !== 1 || parsed.items.length !== 1) {
    return fail([problem(rel, { line: 1, column: 1 }, `not a lock: a lock file holds one mapping (quarter, as_of, categories, total, records); ${REMAKE}`)]);
  }
  const { data, locate } = docs[0]!;
  const problems: Problem[] = [];
  const v = validateLock();
  if (!v(data)) {
    for (const i of translateSchemaErrors(v.errors ?? [], data, { whole: 'the lock' })) {
      const more = i.rule === 'enum' && i.path[0] === 'svc_sla_lock' ? ': this lock was written by another version of svc-sla' : '';
      problems.push(problem(rel, locate(i.path, i.at), `${i.message}${more} (${REMAKE})`));
    }
    return fail(problems, locate);
  }
  const lock = data as unknown as Lock;
  const name = NAME_RE.exec(path.posix.basename(rel));
  if (!name) {
    problems.push(problem(rel, locate([]), `a lock file is named after its quarter (${LOCKS_DIR}/${lock.quarter}.yaml), not ${path.posix.basename(rel)}`));
  } else if (name[1] !== lock.quarter) {
    problems.push(problem(rel, locate(['quarter']), `this lock is for ${lock.quarter} but the file is named for ${name[1]} (${REMAKE})`));
  }
  const when = clock.parse(lock.as_of);
  if (!when) problems.push(problem(rel, locate(['as_of']), `as_of '${lock.as_of}' is not a timestamp`));
  const ids = new Map<string, number>();
  lock.records.forEach((r, i) => {
    const first = ids.get(r.id);
    if (first !== undefined) problems.push(problem(rel, locate(['records', i]), `${r.id} is listed twice (first at records[${first}])`));
    else ids.set(r.id, i);
  });
  if (problems.length > 0) return fail(problems, locate);
  return { file: rel, lock, asOf: when!.ms, locate, problems };
}

const HEADER = (quarter: string, rel: string): string =>
  [
    ` svc-sla evidence lock for ${quarter}: both sides signed this quarter's table.`,
    ` Written by \`svc-sla lock\`; do not edit. \`svc-sla validate\` fails when a record listed`,
    ` below changes or disappears, or when the ${quarter} table would no longer add up to these`,
    ` totals. To change a signed quarter, remove this lock deliberately:`,
    `   git rm ${rel} && git commit -m "Unlock ${quarter}: <why, agreed with whom>"`,
    ` then lock the quarter again once both sides have signed the new table.`,
    ` sha256 = sha256 of the canonical JSON (keys sorted) of {kind, id, data} of the record.`,
  ].join('\n');

/** The YAML text of a lock: block mappings, one flow line per category and per record. */
export function renderLock(lock: Lock, rel: string): string {
  const { Document, isMap, isSeq } = yamlLib();
  const doc = new Document(lock);
  doc.commentBefore = HEADER(lock.quarter, rel);
  const root = doc.contents as unknown;
  if (isMap(root)) {
    for (const key of ['categories', 'records']) {
      const seq = root.get(key, true) as Node | undefined;
      if (isSeq(seq)) for (const item of seq.items) if (isMap(item)) item.flow = true;
    }
    const total = root.get('total', true) as Node | undefined;
    if (isMap(total)) total.flow = true;
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * Writes a new lock file whole or not at all, and never over an existing one (even one created
 * meanwhile): the text goes to a temporary file (created exclusively under a random name,
 * removed on failure and on SIGINT/SIGTERM) that is then hard-linked into place, which fails
 * if the name exists. Throws an error with code EEXIST in that case.
 */
export function writeNewLockFile(abs: string, text: string): void {
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const { tmp, fd } = createTemporary(abs);
  try {
    try {
      writeAll(fd, Buffer.from(text, 'utf8'));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(tmp, abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw err;
      // a file system without hard links: still exclusive, if not atomic
      fs.writeFileSync(abs, text, { flag: 'wx' });
    }
  } finally {
    settle(tmp, true);
  }
}
