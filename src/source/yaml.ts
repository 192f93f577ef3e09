/**
 * YAML → plain records with source positions. Every error the `yaml` parser reports becomes a
 * located problem and the file's records are then dropped (never validate half-parsed data);
 * duplicate keys are errors at both places; alias bombs are refused by `maxAliasCount`.
 *
 * Bounded: the text is first parsed to yaml's concrete syntax tree (an iterative parser), and
 * that tree is walked, without recursion, for how many values it holds and how deep it nests;
 * past either limit the file is refused at the first value past it before any document is
 * composed. So memory stays bounded, and where a too-deep file is refused never depends on the
 * stack of the thread that parsed it (the main thread's or a worker's).
 */
import type * as YAML from 'yaml';
import type { CST, Document, Node, Pair, ParsedNode } from 'yaml';
import { ID_FIELDS } from '../core/kinds';
import type { CheckName, SourcePos } from '../core/problems';
import { yamlLib } from '../util/lazy';

// the `yaml` package is loaded on first use: flat record files never need it (fast-yaml.ts)
const isAlias = ((n: unknown) => yamlLib().isAlias(n)) as typeof YAML.isAlias;
const isMap = ((n: unknown) => yamlLib().isMap(n)) as typeof YAML.isMap;
const isScalar = ((n: unknown) => yamlLib().isScalar(n)) as typeof YAML.isScalar;
const isSeq = ((n: unknown) => yamlLib().isSeq(n)) as typeof YAML.isSeq;

/** A field path inside a record, as ajv's instance path segments. */
export type FieldPath = readonly (string | number)[];
/** Where a field (its value, or its key for unknown fields) stands; falls back to the nearest ancestor. */
export type Locator = (path: FieldPath, at?: 'key' | 'value') => SourcePos;

export interface ParsedRecord {
  readonly data: Record<string, unknown>;
  readonly pos: SourcePos;
  readonly locate: Locator;
}

export interface SyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly rule: CheckName;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface ParsedYaml {
  /** each top-level value that is a mapping (a record); `null` where a document or item is not one */
  readonly items: readonly (ParsedRecord | { readonly notRecord: SourcePos; readonly what: string })[];
  readonly problems: readonly SyntaxProblem[];
}

/** Far more aliases than any hand-written record file needs; a bomb needs thousands. */
const MAX_ALIAS_COUNT = 100;

/**
 * Nesting: a record is 3 levels deep (a list file, a record, its findings), a policy about 8; a
 * file nesting deeper than this, aliases followed, is refused (`yaml-limit`).
 */
export const MAX_YAML_DEPTH = 64;
/**
 * Values (scalars, collections and key/value pairs) a file may hold: a 2 MB list of tickets holds
 * about 200,000. Lock files, written by svc-sla for a whole quarter, may hold more.
 */
export const MAX_YAML_NODES = 500_000;
export const MAX_LOCK_YAML_NODES = 4_000_000;

export interface YamlLimits {
  /** values a file may hold (default MAX_YAML_NODES) */
  readonly maxNodes?: number;
}

const MERGE_KEY = '<<';

function keyText(key: unknown): string {
  // with `merge: true` the `<<` key's value is a symbol; its source text is the key as written
  if (isScalar(key)) return typeof key.value === 'symbol' ? (key.source ?? MERGE_KEY) : String(key.value);
  if (key !== null && typeof key === 'object' && 'toString' in key) return String(key);
  return String(key);
}

export function parseYaml(text: string, file: string, limits: YamlLimits = {}): ParsedYaml {
  const lib = yamlLib();
  const lc = new lib.LineCounter();
  const at = (offset: number): SourcePos => {
    const { line, col } = lc.linePos(offset);
    return { file, line, column: col };
  };
  const problems: SyntaxProblem[] = [];
  // parseAllDocuments, in its two steps, with the limits checked in between
  const tokens = Array.from(new lib.Parser(lc.addNewLine).parse(text));
  const over = overLimits(tokens, limits.maxNodes ?? MAX_YAML_NODES);
  if (over) {
    const p = at(over.offset);
    problems.push({ line: p.line, column: p.column, rule: 'yaml-limit', message: over.message, severity: 'error' });
    return { items: [], problems };
  }
  const composer = new lib.Composer({
    uniqueKeys: false, // checked below, to name both places
    merge: true,
    strict: true,
  });
  const list: Document.Parsed[] = Array.from(composer.compose(tokens));
  for (const doc of list) {
    for (const e of doc.errors) {
      const p = at(e.pos[0]);
      problems.push({ line: p.line, column: p.column, rule: 'yaml-syntax', message: oneLine(e.message), severity: 'error' });
    }
    for (const w of doc.warnings) {
      const p = at(w.pos[0]);
      problems.push({ line: p.line, column: p.column, rule: 'yaml-syntax', message: oneLine(w.message), severity: 'warning' });
    }
    if (doc.contents) findDuplicateKeys(doc.contents, at, problems);
  }
  if (problems.some((p) => p.severity === 'error')) return { items: [], problems };

  const items: ParsedYaml['items'][number][] = [];
  for (const doc of list) {
    const root = doc.contents;
    if (root === null || (isScalar(root) && root.value === null)) continue; // empty document
    const deepAlias = aliasTooDeep(doc, root);
    if (deepAlias !== null) {
      const p = at(deepAlias);
      problems.push({ line: p.line, column: p.column, rule: 'yaml-limit', severity: 'error', message: `this alias makes the document nest deeper than ${MAX_YAML_DEPTH} levels: no record needs that` });
      return { items: [], problems };
    }
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const firstAlias = findFirstAlias(root);
      const p = at(firstAlias ?? root.range[0]);
      const message =
        err instanceof ReferenceError
          ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}): refused as a possible alias bomb`
          : `cannot read this document: ${oneLine(String((err as Error).message))}`;
      problems.push({ line: p.line, column: p.column, rule: 'alias-limit', message, severity: 'error' });
      return { items: [], problems };
    }
    const locateFrom = (node: ParsedNode) => makeLocator(doc, node, at);
    if (isMap(root)) {
      items.push(record(js, root, at, locateFrom));
    } else if (isSeq(root)) {
      const arr = js as unknown[];
      root.items.forEach((item, i) => {
        const node = item as ParsedNode;
        if (isMap(node)) items.push(record(arr[i], node, at, locateFrom));
        else items.push({ notRecord: at(node ? node.range[0] : root.range[0]), what: describe(node) });
      });
    } else {
      items.push({ notRecord: at(root.range[0]), what: describe(root) });
    }
  }
  return { items, problems };
}

/** The nodes of a syntax-tree token that are values of the document. */
function isValueToken(t: CST.Token): boolean {
  switch (t.type) {
    case 'alias':
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'block-scalar':
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      return true;
    default:
      return false;
  }
}

/**
 * The first place (in document order) where the syntax tree holds more than `maxNodes` values
 * or nests deeper than MAX_YAML_DEPTH collections, with what to say; null when within both.
 * Walked with an explicit stack: never deeper in JavaScript than the file is long.
 */
function overLimits(tokens: readonly CST.Token[], maxNodes: number): { offset: number; message: string } | null {
  let nodes = 0;
  // [token, depth of the collections around it, values it stands for (a key: itself and its pair)];
  // children pushed in reverse: popped in document order
  const stack: [CST.Token, number, number][] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push([tokens[i]!, 0, 1]);
  while (stack.length > 0) {
    const [t, depth, weight] = stack.pop()!;
    if (t.type === 'document') {
      if (t.value) stack.push([t.value, 0, 1]);
      continue;
    }
    if (!isValueToken(t)) continue;
    nodes += weight;
    if (nodes > maxNodes) {
      return { offset: t.offset, message: `the file holds more than ${maxNodes.toLocaleString('en')} values: refused before it fills memory (split it by month or quarter, or keep such lists as CSV)` };
    }
    if (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection') continue;
    const level = depth + 1;
    if (level > MAX_YAML_DEPTH) return { offset: t.offset, message: `the file nests deeper than ${MAX_YAML_DEPTH} levels here: no record needs that` };
    const items = t.items as readonly CST.CollectionItem[];
    for (let k = items.length - 1; k >= 0; k--) {
      const it = items[k]!;
      if (it.value) stack.push([it.value, level, 1]);
      if (it.key) stack.push([it.key, level, 2]);
    }
  }
  return null;
}

/**
 * The first alias (in document order) at which the document, its aliases followed, nests deeper
 * than MAX_YAML_DEPTH, or null. (Without aliases the syntax tree's check has held already.) The
 * depth of each node is computed once; an anchor always comes before its aliases, so the
 * recursion is as deep as the file's own nesting (at most MAX_YAML_DEPTH), never the expansion.
 */
function aliasTooDeep(doc: Document.Parsed, root: ParsedNode): number | null {
  const depthOf = new Map<unknown, number>();
  let found: number | null = null;
  const visit = (node: unknown, level: number): number => {
    if (found !== null) return 0;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      const d = depthOf.get(target) ?? 0; // not yet known: an alias inside its own anchor, refused by toJS
      if (level - 1 + d > MAX_YAML_DEPTH) found = (node as ParsedNode).range[0];
      return d;
    }
    const known = depthOf.get(node);
    if (known !== undefined) return known;
    let d = 0;
    if (isMap(node)) {
      d = 1;
      for (const pair of node.items) d = Math.max(d, 1 + visit(pair.key, level + 1), 1 + visit(pair.value, level + 1));
    } else if (isSeq(node)) {
      d = 1;
      for (const item of node.items) d = Math.max(d, 1 + visit(item, level + 1));
    }
    if (node !== null && typeof node === 'object') depthOf.set(node, d);
    return d;
  };
  visit(root, 1);
  return found;
}

function record(
  js: unknown,
  node: ParsedNode,
  at: (offset: number) => SourcePos,
  locateFrom: (node: ParsedNode) => Locator,
): ParsedRecord {
  const data = js as Record<string, unknown>;
  keepIdText(node, data);
  return { data, pos: at(node.range[0]), locate: locateFrom(node) };
}

/** A plain `id: 0142` is the integer 142 in YAML; an id means the characters written. */
function keepIdText(node: Node, data: unknown): void {
  if (!isMap(node) || data === null || typeof data !== 'object') return;
  const obj = data as Record<string, unknown>;
  for (const pair of node.items) {
    const k = keyText(pair.key);
    const v = pair.value;
    if (ID_FIELDS.has(k) && isScalar(v) && typeof v.value === 'number' && typeof v.source === 'string') {
      obj[k] = v.source;
    } else if (isSeq(v) && Array.isArray(obj[k])) {
      const arr = obj[k] as unknown[];
      v.items.forEach((it, i) => keepIdText(it as Node, arr[i]));
    }
  }
}

function describe(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'an empty entry' : `the value '${String(node.value)}'`;
  if (isAlias(node)) return 'an alias';
  return 'not a mapping';
}

function oneLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

function findDuplicateKeys(node: unknown, at: (o: number) => SourcePos, problems: SyntaxProblem[]): void {
  if (isMap(node)) {
    const seen = new Map<string, Pair>();
    for (const pair of node.items) {
      const k = keyText(pair.key);
      const first = seen.get(k);
      const keyNode = pair.key as ParsedNode | null;
      if (first && k !== MERGE_KEY && keyNode) {
        const a = at((first.key as ParsedNode).range[0]);
        const b = at(keyNode.range[0]);
        problems.push({ line: b.line, column: b.column, rule: 'duplicate-key', severity: 'error', message: `duplicate key '${k}' (first at line ${a.line}); one of them would be lost` });
        problems.push({ line: a.line, column: a.column, rule: 'duplicate-key', severity: 'error', message: `duplicate key '${k}' (again at line ${b.line}); one of them would be lost` });
      } else if (!first) {
        seen.set(k, pair);
      }
      findDuplicateKeys(pair.value, at, problems);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) findDuplicateKeys(item, at, problems);
  }
}

function findFirstAlias(node: unknown): number | null {
  if (isAlias(node)) return (node as ParsedNode).range[0];
  const children: unknown[] = isMap(node) ? node.items.flatMap((p) => [p.key, p.value]) : isSeq(node) ? node.items : [];
  for (const c of children) {
    const found = findFirstAlias(c);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Walks a JSON-pointer-like path from a record node: follows aliases and `<<` merges, matches
 * non-string keys by their text, and stops at the nearest existing ancestor.
 */
function makeLocator(doc: Document.Parsed, recordNode: ParsedNode, at: (o: number) => SourcePos): Locator {
  return (path, where = 'value') => {
    let node: unknown = recordNode;
    let offset = recordNode.range[0];
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      node = resolveAlias(doc, node);
      if (isMap(node)) {
        const pair = findPair(doc, node, String(seg));
        if (!pair) break;
        const keyNode = pair.key as ParsedNode | null;
        const valueNode = pair.value as ParsedNode | null;
        if (last && where === 'key' && keyNode) {
          offset = keyNode.range[0];
          break;
        }
        // `field:` with nothing after it: point at the key.
        const useKey = !valueNode || (isScalar(valueNode) && valueNode.value === null && valueNode.range[0] === valueNode.range[1]);
        offset = useKey && keyNode ? keyNode.range[0] : valueNode!.range[0];
        node = valueNode;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)] as ParsedNode | undefined;
        if (!item) break;
        offset = item.range[0];
        node = item;
      } else {
        break;
      }
    }
    return at(offset);
  };
}

function resolveAlias(doc: Document.Parsed, node: unknown): unknown {
  let n = node;
  for (let guard = 0; isAlias(n) && guard < 32; guard++) n = n.resolve(doc);
  return n;
}

function findPair(doc: Document.Parsed, map: { items: Pair[] }, key: string): Pair | null {
  let found: Pair | null = null;
  for (const p of map.items) if (keyText(p.key) === key) found = p; // last wins, as in toJS
  if (found) return found;
  for (const p of map.items) {
    if (keyText(p.key) !== MERGE_KEY) continue;
    const src = resolveAlias(doc, p.value);
    const sources = isSeq(src) ? src.items.map((s) => resolveAlias(doc, s)) : [src];
    for (const s of sources) {
      if (isMap(s)) {
        const inner = findPair(doc, s as { items: Pair[] }, key);
        if (inner) return inner;
      }
    }
  }
  return null;
}

