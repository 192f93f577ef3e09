/**
 * Loading and checking a policy: the contract as data.
 *
 *   read → parse (yaml, with positions) → JSON Schema → resolve `extends` (base first) → merge
 *   → re-validate what a child changed → cross checks → Policy
 *
 * Every problem points at the offending field in the file that supplied it. Errors are values:
 * `policy` is null as soon as one problem of severity `error` was found.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { problemAt, type CheckName, type Problem } from '../core/problems';
import type { Text } from '../core/lang';
import { parseDuration, type Category, type Clause, type Condition, type Duration, type Policy, type Quota, type Region } from '../core/policy';
import { SHAPES, type Shapes } from '../rules/shapes';
import { locate, parseYamlSource } from './yaml-source';
import type { Path, YamlSource } from './yaml-source';
import { diskFiles, outsideTarget, type Files } from '../source/fs';
import { MAX_SETTINGS_BYTES, readText as readFileText } from '../source/read';
import { fieldName, translateSchemaErrors } from '../source/schema-errors';
import type { FieldPath } from '../source/yaml';
import { packageRoot, schemaPath as schemaFile } from '../util/paths';
import { precompiledPolicy } from './precompiled';
import { ajvLib } from '../util/lazy';
import { pushAll } from '../util/arrays';

export { packageRoot };

export interface LoadedPolicy {
  readonly policy: Policy | null;
  readonly problems: Problem[];
}

// ───────────────────────────── package root, built-ins, schema ─────────────────────────────

function builtinDir(): string {
  return path.join(packageRoot(), 'policies');
}

/** Names of the built-in policies (`policies/<name>.yaml`), sorted. */
export function builtinPolicyNames(): string[] {
  return fs
    .readdirSync(builtinDir())
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

interface Validators {
  readonly file: ValidateFunction;
  readonly clause: ValidateFunction;
  readonly category: ValidateFunction;
  readonly quota: ValidateFunction;
}
/** The policy schema compiled for a registry of shapes, once per process and registry. */
const validatorsCache = new WeakMap<Shapes, Validators>();

/** Sources read from the package's own policies/ folder. */
const builtinSources = new WeakSet<YamlSource>();

interface PolicySchema {
  $id: string;
  definitions: Record<string, unknown> & { shapeName: { enum: string[] }; clause: { allOf: unknown[] } };
}

/**
 * schemas/policy.schema.json with its clause dispatch (`shapeName`, `clause.allOf`) made from the
 * registry: each shape's clause is checked by its `clause-<name>` definition, or by the schema
 * the shape brings. For the built-in shapes this is the file as shipped (a test keeps it so).
 */
export function policySchemaFor(shapes: Shapes): PolicySchema {
  const file = JSON.parse(fs.readFileSync(schemaFile('policy'), 'utf8')) as PolicySchema;
  const names = [...shapes.keys()];
  for (const s of shapes.values()) if (s.schema) file.definitions[`clause-${s.name}`] = s.schema;
  file.definitions.shapeName.enum = names;
  file.definitions.clause.allOf = names.map((name) => ({
    if: { type: 'object', required: ['shape'], properties: { shape: { const: name } } },
    then: { $ref: `#/definitions/clause-${name}` },
  }));
  return file;
}

function validators(shapes: Shapes): Validators {
  const cached = validatorsCache.get(shapes);
  if (cached) return cached;
  const schema = policySchemaFor(shapes);
  const ajv = new (ajvLib().default)({ strict: true, allErrors: true, verbose: true });
  ajv.addSchema(schema);
  const get = (ref: string): ValidateFunction => {
    const v = ajv.getSchema(ref);
    if (!v) throw new Error(`svc-sla: ${ref} missing from the policy schema`);
    return v;
  };
  const v: Validators = {
    file: get(schema.$id),
    clause: get(`${schema.$id}#/definitions/clause`),
    category: get(`${schema.$id}#/definitions/category`),
    quota: get(`${schema.$id}#/definitions/quota`),
  };
  validatorsCache.set(shapes, v);
  return v;
}

function mustDuration(s: unknown): Duration {
  const d = typeof s === 'string' ? parseDuration(s) : null;
  if (!d) throw new Error(`svc-sla: not a duration after schema check: ${String(s)}`);
  return d;
}

// ───────────────────────────── references ─────────────────────────────

interface PolicyRef {
  readonly abs: string;
  readonly display: string;
  readonly builtin: string | null;
}

/** A reference is a path when it holds a `/` or `\` or ends in .yaml/.yml; else a built-in name. */
function isPathLike(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
}

function displayPath(abs: string, baseDir: string): string {
  const rel = path.relative(baseDir, abs);
  return (rel === '' ? abs : rel).split(path.sep).join('/');
}

function resolveRef(files: Files, ref: string, fromDir: string, baseDir: string): PolicyRef | { error: string } {
  if (!isPathLike(ref)) {
    if (builtinPolicyNames().includes(ref)) {
      return { abs: path.join(builtinDir(), `${ref}.yaml`), display: `builtin:${ref}`, builtin: ref };
    }
    const abs = path.resolve(fromDir, ref);
    if (files.stat(abs)?.kind === 'file') return { abs, display: displayPath(abs, baseDir), builtin: null };
    return {
      error: `unknown built-in policy "${ref}" (built-in: ${builtinPolicyNames().join(', ')}); a path to a policy file must contain "/" or end in .yaml`,
    };
  }
  const abs = path.resolve(fromDir, ref);
  return { abs, display: displayPath(abs, baseDir), builtin: null };
}

// ───────────────────────────── schema errors → problems ─────────────────────────────

type Data = Record<string, unknown>;

function isObj(x: unknown): x is Data {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const SECTION_NOUN: Readonly<Record<string, string>> = {
  clauses: 'clause',
  categories: 'category',
  quotas: 'quota',
  regions: 'region',
  ticket_categories: 'ticket category',
};

/** How a path in a policy file is named: `clause "fault.l1.x": ` and the field below it. */
function placeIn(root: unknown): (segs: FieldPath) => { head: string; field: string } {
  return (segs) => {
    if (segs.length >= 2 && typeof segs[0] === 'string' && typeof segs[1] === 'number' && SECTION_NOUN[segs[0]]) {
      const list = isObj(root) ? root[segs[0]] : undefined;
      const item = Array.isArray(list) ? list[segs[1]] : undefined;
      const id = isObj(item) && typeof item.id === 'string' ? item.id : null;
      const head = id ? `${SECTION_NOUN[segs[0]]} "${id}": ` : `${segs[0]}[${segs[1]}]: `;
      return { head, field: fieldName(segs.slice(2)) };
    }
    return { head: '', field: fieldName(segs) };
  };
}

/** The record id a policy path is about (`clauses[3]` → that clause's id). */
function recordOf(root: unknown, segs: FieldPath): string | null {
  if (segs.length < 2 || typeof segs[0] !== 'string' || typeof segs[1] !== 'number' || !SECTION_NOUN[segs[0]]) return null;
  const list = isObj(root) ? root[segs[0]] : undefined;
  const item = Array.isArray(list) ? list[segs[1]] : undefined;
  return isObj(item) && typeof item.id === 'string' ? item.id : null;
}

/** Problems for schema errors found in a whole file, in file order. */
function fileSchemaProblems(src: YamlSource, validate: ValidateFunction): Problem[] {
  const issues = translateSchemaErrors(validate.errors ?? [], src.data, { useDescriptions: true, place: placeIn(src.data), whole: 'the policy' });
  return issues
    .map((i) => {
      const pos = locate(src, i.path, i.at === 'key');
      return problemAt(pos, 'policy-schema', i.message, { record: recordOf(src.data, i.path) });
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

// ───────────────────────────── merging with positions ─────────────────────────────

interface Origin {
  readonly src: YamlSource;
  readonly path: Path;
}

/** A clause, category or quota being merged, with where each of its keys came from. */
interface Entry {
  readonly id: string;
  data: Data;
  /** the latest mapping that defined or changed it */
  origin: Origin;
  keys: Map<string, Origin>;
  /** defined or changed by a policy that extends another: validated again after merging */
  touched: boolean;
}

interface Table {
  readonly items: readonly Data[];
  readonly origin: Origin;
}

interface Merged {
  id: string;
  name: Text;
  categories: Entry[];
  clauses: Entry[];
  quotas: Entry[];
  regions: Table;
  ticketCategories: Table;
  /** a child's `credits` replaces its base's whole */
  credits: Data | null;
}

/** Keys every clause shape has: they survive when a child changes a clause's shape. */
const COMMON_CLAUSE_KEYS = new Set(['id', 'shape', 'category', 'title', 'points', 'operator', 'limit_text']);

function newEntry(item: Data, origin: Origin, touched: boolean): Entry {
  const keys = new Map<string, Origin>();
  for (const k of Object.keys(item)) keys.set(k, { src: origin.src, path: [...origin.path, k] });
  return { id: item.id as string, data: { ...item }, origin, keys, touched };
}

function mergeInto(entry: Entry, patch: Data, origin: Origin, isClause: boolean): void {
  if (isClause && typeof patch.shape === 'string' && patch.shape !== entry.data.shape) {
    // a new shape: the old shape's own fields no longer mean anything
    for (const k of Object.keys(entry.data)) {
      if (!COMMON_CLAUSE_KEYS.has(k)) {
        delete entry.data[k];
        entry.keys.delete(k);
      }
    }
  }
  for (const [k, v] of Object.entries(patch)) {
    entry.data[k] = v;
    entry.keys.set(k, { src: origin.src, path: [...origin.path, k] });
  }
  entry.origin = origin;
  entry.touched = true;
}

function at(origin: Origin, more: Path = [], key = false): { file: string; line: number; column: number } {
  const pos = locate(origin.src, [...origin.path, ...more], key);
  return { file: origin.src.display, line: pos.line, column: pos.column };
}

function err(origin: Origin, more: Path, rule: CheckName, message: string, record: string | null = null, key = false): Problem {
  return problemAt(at(origin, more, key), rule, message, { record });
}

function warn(origin: Origin, more: Path, rule: CheckName, message: string, record: string | null = null): Problem {
  return problemAt(at(origin, more), rule, message, { record, severity: 'warning' });
}

/** Where a key of an entry (and a path below it) came from. */
function keyOrigin(entry: Entry, segs: Path): { origin: Origin; more: Path } {
  const first = segs[0];
  if (typeof first === 'string') {
    const o = entry.keys.get(first);
    if (o) return { origin: o, more: segs.slice(1) };
  }
  return { origin: entry.origin, more: [] };
}

const DUP_RULE: Readonly<Record<string, CheckName>> = {
  clauses: 'policy-duplicate-clause',
  categories: 'policy-duplicate-category',
  quotas: 'policy-duplicate-quota',
  regions: 'policy-duplicate-region',
};

/** Duplicate ids inside one file; returns the indexes to skip. */
function duplicates(src: YamlSource, section: string, problems: Problem[]): Set<number> {
  const skip = new Set<number>();
  const data = src.data as Data;
  const list = data[section];
  if (!Array.isArray(list)) return skip;
  const first = new Map<string, number>();
  list.forEach((item, i) => {
    if (!isObj(item) || typeof item.id !== 'string') return;
    const seen = first.get(item.id);
    if (seen === undefined) {
      first.set(item.id, i);
      return;
    }
    skip.add(i);
    const firstPos = locate(src, [section, seen, 'id']);
    problems.push(
      err({ src, path: [section, i] }, ['id'], DUP_RULE[section] ?? 'policy-duplicate-id',
        `${SECTION_NOUN[section]} id "${item.id}" is already used at line ${firstPos.line}`, item.id),
    );
  });
  return skip;
}

function entriesOf(src: YamlSource, section: string, skip: Set<number>, touched: boolean): Entry[] {
  const list = (src.data as Data)[section];
  if (!Array.isArray(list)) return [];
  const out: Entry[] = [];
  list.forEach((item, i) => {
    if (!skip.has(i) && isObj(item)) out.push(newEntry(item, { src, path: [section, i] }, touched));
  });
  return out;
}

function mergeSection(target: Entry[], src: YamlSource, section: string, skip: Set<number>, isClause: boolean): void {
  const list = (src.data as Data)[section];
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (skip.has(i) || !isObj(item)) return;
    const origin: Origin = { src, path: [section, i] };
    const existing = target.find((e) => e.id === item.id);
    if (existing) mergeInto(existing, item, origin, isClause);
    else target.push(newEntry(item, origin, true));
  });
}

function tableOf(src: YamlSource, section: string): Table {
  const list = (src.data as Data)[section];
  return { items: Array.isArray(list) ? (list as Data[]) : [], origin: { src, path: [section] } };
}

function mergeChain(chain: readonly YamlSource[], problems: Problem[]): Merged {
  const skips = chain.map((src) => {
    const m = new Map<string, Set<number>>();
    for (const section of ['clauses', 'categories', 'quotas', 'regions']) m.set(section, duplicates(src, section, problems));
    return m;
  });
  const root = chain[0] as YamlSource;
  const rootData = root.data as Data;
  const skipOf = (i: number, section: string): Set<number> => skips[i]?.get(section) ?? new Set();
  const merged: Merged = {
    id: rootData.id as string,
    name: rootData.name as Text,
    categories: entriesOf(root, 'categories', skipOf(0, 'categories'), false),
    clauses: entriesOf(root, 'clauses', skipOf(0, 'clauses'), false),
    quotas: entriesOf(root, 'quotas', skipOf(0, 'quotas'), false),
    regions: tableOf(root, 'regions'),
    ticketCategories: tableOf(root, 'ticket_categories'),
    credits: isObj(rootData.credits) ? rootData.credits : null,
  };
  if (Array.isArray(rootData.remove_clauses) && rootData.remove_clauses.length > 0) {
    problems.push(warn({ src: root, path: ['remove_clauses'] }, [], 'policy-remove-clause', 'remove_clauses is ignored: this policy extends none'));
  }
  chain.forEach((src, i) => {
    if (i === 0) return;
    const data = src.data as Data;
    merged.id = data.id as string;
    merged.name = data.name as Text;
    // removals first, so that a child may drop a base clause and define a new one with its id
    if (Array.isArray(data.remove_clauses)) {
      data.remove_clauses.forEach((id, j) => {
        const idx = merged.clauses.findIndex((e) => e.id === id);
        if (idx < 0) {
          problems.push(warn({ src, path: ['remove_clauses', j] }, [], 'policy-remove-clause', `remove_clauses: the base policy has no clause "${String(id)}"`, String(id)));
        } else {
          merged.clauses.splice(idx, 1);
        }
      });
    }
    mergeSection(merged.categories, src, 'categories', skipOf(i, 'categories'), false);
    mergeSection(merged.clauses, src, 'clauses', skipOf(i, 'clauses'), true);
    mergeSection(merged.quotas, src, 'quotas', skipOf(i, 'quotas'), false);
    if (Array.isArray(data.regions)) merged.regions = tableOf(src, 'regions');
    if (Array.isArray(data.ticket_categories)) merged.ticketCategories = tableOf(src, 'ticket_categories');
    if (isObj(data.credits)) merged.credits = data.credits;
  });
  return merged;
}

/** Entries a child defined or changed are checked again as a whole (a new clause needs all its fields). */
function revalidate(entries: readonly Entry[], validate: ValidateFunction, noun: string): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (!entry.touched || validate(entry.data)) continue;
    const issues = translateSchemaErrors(validate.errors ?? [], entry.data, {
      useDescriptions: true,
      place: (segs) => ({ head: `${noun} "${entry.id}": `, field: fieldName(segs) }),
    });
    for (const i of issues) {
      const { origin, more } = keyOrigin(entry, i.path);
      problems.push(err(origin, more, 'policy-schema', i.message, entry.id, i.at === 'key'));
    }
  }
  return problems;
}

// ───────────────────────────── cross checks ─────────────────────────────

function crossCheck(m: Merged): Problem[] {
  const problems: Problem[] = [];
  const categoryIds = new Set(m.categories.map((c) => c.id));

  for (const c of m.categories) {
    if (c.id === 'ticket') {
      const { origin, more } = keyOrigin(c, ['id']);
      problems.push(err(origin, more, 'policy-reserved-category', 'category id "ticket" is reserved: a clause with category ticket counts in the category of its ticket', c.id));
    }
  }

  const usesTicket = m.clauses.some((c) => c.data.category === 'ticket');
  if (usesTicket && m.ticketCategories.items.length === 0) {
    const clause = m.clauses.find((c) => c.data.category === 'ticket') as Entry;
    const { origin, more } = keyOrigin(clause, ['category']);
    problems.push(warn(origin, more, 'policy-ticket-category', `clause "${clause.id}" counts in its ticket's category, but ticket_categories is empty`, clause.id));
  }

  m.ticketCategories.items.forEach((tc, i) => {
    const cat = tc.category as string;
    if (!categoryIds.has(cat)) {
      problems.push(err(m.ticketCategories.origin, [i, 'category'], 'policy-unknown-category', `ticket_categories[${i}]: unknown category "${cat}" (categories: ${[...categoryIds].join(', ')})`));
    }
  });

  const regionItems = m.regions.items;
  for (const c of m.clauses) {
    const category = c.data.category as string;
    if (category !== 'ticket' && !categoryIds.has(category)) {
      const { origin, more } = keyOrigin(c, ['category']);
      problems.push(err(origin, more, 'policy-unknown-category', `clause "${c.id}": unknown category "${category}" (categories: ${[...categoryIds].join(', ')}, or ticket)`, c.id));
    }
  }

  const cityRegion = new Map<string, string>();
  regionItems.forEach((r, i) => {
    (r.cities as string[]).forEach((city, j) => {
      const other = cityRegion.get(city);
      if (other !== undefined) {
        problems.push(err(m.regions.origin, [i, 'cities', j], 'policy-duplicate-city', `city "${city}" is in region "${other}" and in region "${String(r.id)}"`, String(r.id)));
      } else {
        cityRegion.set(city, String(r.id));
      }
    });
  });
  return problems;
}

// ───────────────────────────── conversion ─────────────────────────────

/** What each clause's shape finds that the schema cannot see, at the clause's fields (or the policy's tables). */
function shapeChecks(m: Merged, policy: Policy, shapes: Shapes): Problem[] {
  const problems: Problem[] = [];
  policy.clauses.forEach((c, i) => {
    const entry = m.clauses[i]!;
    for (const issue of shapes.get(c.shape)?.check?.(c, policy) ?? []) {
      const record = issue.record ?? c.id;
      if (issue.inPolicy && issue.path[0] === 'regions') problems.push(err(m.regions.origin, issue.path.slice(1), issue.rule, issue.message, record));
      else {
        const { origin, more } = keyOrigin(entry, issue.path);
        problems.push(err(origin, more, issue.rule, issue.message, record));
      }
    }
  });
  return problems;
}

function toPolicy(m: Merged, source: string, shapes: Shapes): Policy {
  const categories: Category[] = m.categories.map((c) => ({
    id: c.id,
    title: c.data.title as Text,
    max: typeof c.data.max === 'number' ? c.data.max : null,
  }));
  const regions: Region[] = m.regions.items.map((r) => ({
    id: r.id as string,
    title: r.title as Text,
    cities: r.cities as string[],
    limits: Object.fromEntries(Object.entries(r.limits as Data).map(([stage, d]) => [stage, mustDuration(d)])),
  }));
  const quotas: Quota[] = m.quotas.map((q) => ({
    id: q.id,
    title: q.data.title as Text,
    amount: q.data.amount as number,
    unit: q.data.unit as Text,
  }));
  return {
    id: m.id,
    name: m.name,
    source,
    categories,
    regions,
    ticket_categories: m.ticketCategories.items.map((tc) => ({ when: tc.when as Condition, category: tc.category as string })),
    clauses: m.clauses.map((c) => shapes.get(c.data.shape as string)!.parse(c.data)),
    quotas,
    credits:
      m.credits === null
        ? null
        : {
            currency: m.credits.currency as string,
            per_point: m.credits.per_point as number,
            cap: typeof m.credits.cap === 'number' ? m.credits.cap : null,
            bonus_offsets: m.credits.bonus_offsets === true,
          },
  };
}

// ───────────────────────────── reading the chain ─────────────────────────────

interface Referrer {
  readonly src: YamlSource;
  readonly path: Path;
}

function referred(ref: Referrer | null, fallbackFile: string, rule: CheckName, message: string): Problem {
  if (!ref) return problemAt({ file: fallbackFile, line: 1, column: 1 }, rule, message);
  return err(ref, [], rule, message);
}

/** A policy file's text (UTF-8), or why it cannot be had; built-in policies come from the package. */
function readPolicyText(files: Files, ref: PolicyRef): { text: string } | { error: string; rule: CheckName; at?: Problem } {
  const from = ref.builtin ? diskFiles : files;
  if (from.stat(ref.abs) === null) return { error: 'file not found', rule: 'policy-not-found' };
  const read = readFileText(from, ref.abs, ref.display, { encoding: 'utf-8', refuseEmpty: false, maxBytes: MAX_SETTINGS_BYTES, tooLarge: 'policy files over {cap} are not read' });
  if (read.ok) return { text: read.text };
  // a problem with a place in the file (a byte that is not UTF-8) is shown there
  const inFile = read.problem.line > 1 || read.problem.column > 1;
  return { error: read.problem.message, rule: 'policy-read', ...(inFile ? { at: read.problem } : {}) };
}

/** The file and its bases, base first; null when any of them cannot be used. */
function loadChain(shapes: Shapes, files: Files, ref: PolicyRef, baseDir: string, stack: readonly PolicyRef[], referrer: Referrer | null, problems: Problem[]): YamlSource[] | null {
  if (stack.some((s) => s.abs === ref.abs)) {
    const cycle = [...stack, ref].map((s) => s.display).join(' → ');
    problems.push(referred(referrer, ref.display, 'policy-extends-cycle', `extends cycle: ${cycle}`));
    return null;
  }
  const inFolder = !ref.builtin && !path.relative(baseDir, ref.abs).startsWith('..') && !path.isAbsolute(path.relative(baseDir, ref.abs));
  const outside = inFolder ? outsideTarget(files, baseDir, ref.abs) : null;
  if (outside !== null) {
    // a path written inside the records folder that a link leads out of it: never read (a policy
    // path written outside it, `policy: /etc/svc-sla/gd.yaml`, is the settings' own choice)
    problems.push(referred(referrer, ref.display, 'policy-read', `policy ${ref.display}: a symbolic link to a file outside the records folder (${outside}): svc-sla never follows a link out of the folder`));
    return null;
  }
  const read = readPolicyText(files, ref);
  if ('error' in read) {
    if (read.at) problems.push(problemAt({ file: ref.display, line: read.at.line, column: read.at.column }, read.rule, `policy ${ref.display}: ${read.error}`));
    else problems.push(referred(referrer, ref.display, read.rule, `policy ${ref.display}: ${read.error}`));
    return null;
  }
  const parsed = parseYamlSource(read.text, ref.display, ref.abs);
  pushAll(problems, parsed.problems);
  const src = parsed.source;
  if (!src) return null;
  if (ref.builtin) {
    // the built-in policies are checked against the schema by the test suite; compiling the
    // policy schema costs more than all the rest of loading one
    builtinSources.add(src);
  } else {
    const validate = validators(shapes).file;
    if (!validate(src.data)) {
      pushAll(problems, fileSchemaProblems(src, validate));
      return null;
    }
  }
  const data = src.data as Data;
  if (typeof data.extends !== 'string') return [src];
  const here: Referrer = { src, path: ['extends'] };
  const baseRef = resolveRef(files, data.extends, path.dirname(ref.abs), baseDir);
  if ('error' in baseRef) {
    problems.push(err(here, [], 'policy-not-found', `extends: ${baseRef.error}`));
    return null;
  }
  const base = loadChain(shapes, files, baseRef, baseDir, [...stack, ref], here, problems);
  return base ? [...base, src] : null;
}

export interface PolicyOptions {
  /** where custom policy files are read from (default: the disk) */
  readonly files?: Files;
  /** the clause shapes a policy may use (default: the built-in ones) */
  readonly shapes?: Shapes;
}

/**
 * Loads a policy by built-in name (`gd-transmission`) or by path (relative to `baseDir`, e.g.
 * the records folder). A name holding `/` or `\` or ending in .yaml/.yml is a path. Problems
 * name files relative to `baseDir`, and built-ins as `builtin:<name>`.
 */
export function loadPolicy(nameOrPath: string, baseDir: string, options: PolicyOptions = {}): LoadedPolicy {
  if (!isPathLike(nameOrPath) && (options.shapes === undefined || options.shapes === SHAPES)) {
    // a built-in name (a JSON copy exists only for those)
    const pre = precompiledPolicy(nameOrPath);
    if (pre) return pre;
  }
  return loadPolicyFromYaml(nameOrPath, baseDir, options);
}

/** loadPolicy without the build-time copy of the built-ins (see precompiled.ts). */
export function loadPolicyFromYaml(nameOrPath: string, baseDir: string, options: PolicyOptions = {}): LoadedPolicy {
  const files = options.files ?? diskFiles;
  const shapes = options.shapes ?? SHAPES;
  const problems: Problem[] = [];
  const ref = resolveRef(files, nameOrPath, baseDir, baseDir);
  if ('error' in ref) {
    problems.push(problemAt({ file: nameOrPath, line: 1, column: 1 }, 'policy-not-found', ref.error));
    return { policy: null, problems };
  }
  const chain = loadChain(shapes, files, ref, baseDir, [], null, problems);
  if (!chain) return { policy: null, problems };

  const merged = mergeChain(chain, problems);
  if (!chain.every((src) => builtinSources.has(src))) {
    const v = validators(shapes);
    pushAll(problems, revalidate(merged.categories, v.category, 'category'));
    pushAll(problems, revalidate(merged.clauses, v.clause, 'clause'));
    pushAll(problems, revalidate(merged.quotas, v.quota, 'quota'));
  }
  if (problems.some((p) => p.severity === 'error')) return { policy: null, problems };

  pushAll(problems, crossCheck(merged));
  if (problems.some((p) => p.severity === 'error')) return { policy: null, problems };
  const policy = toPolicy(merged, ref.builtin ? `builtin:${ref.builtin}` : ref.display, shapes);
  pushAll(problems, shapeChecks(merged, policy, shapes));
  if (problems.some((p) => p.severity === 'error')) return { policy: null, problems };
  return { policy, problems };
}
