/**
 * A parsed policy file that still knows where each value came from, so that every problem can
 * point at `file:line:column` of the offending field.
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { Problem } from '../core/types';

/** Steps from the document root: mapping keys and sequence indexes. */
export type Path = readonly (string | number)[];

export interface YamlSource {
  /** what problems name as `file` (a path relative to the base folder, or `builtin:<name>`) */
  readonly display: string;
  /** absolute path on disk */
  readonly abs: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** the plain data (only when the document parsed without errors) */
  readonly data: unknown;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Parses YAML text. Syntax errors and duplicate keys come back as problems and `source` is then
 * null: half-parsed data is never validated.
 */
export function parseYamlSource(
  text: string,
  display: string,
  abs: string,
): { source: YamlSource | null; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    const pos = lines.linePos(err.pos[0]);
    problems.push(problem(display, pos.line, pos.col, 'yaml-syntax', firstLine(err.message)));
  }
  for (const warn of doc.warnings) {
    const pos = lines.linePos(warn.pos[0]);
    problems.push({ ...problem(display, pos.line, pos.col, 'yaml-syntax', firstLine(warn.message)), severity: 'warning' });
  }
  if (doc.errors.length > 0) return { source: null, problems };
  let data: unknown;
  try {
    // toJS keeps yaml's alias-count guard against alias bombs
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problems.push(problem(display, 1, 1, 'yaml-syntax', e instanceof Error ? e.message : String(e)));
    return { source: null, problems };
  }
  return { source: { display, abs, doc, lines, data }, problems };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

export function problem(file: string, line: number, column: number, rule: string, message: string, record: string | null = null): Problem {
  return { severity: 'error', file, line, column, kind: null, record, rule, message };
}

/**
 * Where `path` is in the source. Walks mapping keys (compared as strings) and sequence indexes,
 * following aliases; stops at the nearest existing ancestor when a step is missing. With `key`
 * the last step's key is pointed at instead of its value (an unknown field is named by its key).
 */
export function locate(src: YamlSource, path: Path, key = false): Position {
  let node: unknown = src.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    node = deref(src, node);
    let next: unknown = undefined;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyString(p.key) === String(step));
      if (pair) {
        keyOffset = rangeStart(pair.key);
        next = pair.value;
        // `field:` with no value: point at the key
        if (next === null || rangeStart(next) === undefined) next = pair.key;
      }
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step];
    }
    if (next === undefined || next === null) break;
    if (key && i === path.length - 1 && keyOffset !== undefined) {
      offset = keyOffset;
      break;
    }
    node = next;
    offset = rangeStart(node) ?? offset;
  }
  const pos = src.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function deref(src: YamlSource, node: unknown): unknown {
  let n = node;
  for (let guard = 0; isAlias(n) && guard < 100; guard++) n = n.resolve(src.doc);
  return n;
}

function keyString(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const r = (node as YamlNode | null | undefined)?.range;
  return Array.isArray(r) ? r[0] : undefined;
}
