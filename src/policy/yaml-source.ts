/**
 * A parsed policy file that still knows where each value came from, so that every problem can
 * point at `file:line:column` of the offending field. The parsing and the position walk are the
 * records' own (src/source/yaml.ts): the same YAML rules, duplicate keys named at both places,
 * the same alias-bomb guard.
 */
import { problemAt, type Problem } from '../core/problems';
import { parseYaml, type Locator, type ParsedRecord } from '../source/yaml';

/** Steps from the document root: mapping keys and sequence indexes. */
export type Path = readonly (string | number)[];

export interface YamlSource {
  /** what problems name as `file` (a path relative to the base folder, or `builtin:<name>`) */
  readonly display: string;
  /** absolute path on disk */
  readonly abs: string;
  /** the plain data (only when the document parsed without errors) */
  readonly data: unknown;
  readonly locator: Locator;
}

export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Parses YAML text holding one mapping. Syntax errors and duplicate keys come back as problems
 * and `source` is then null: half-parsed data is never validated.
 */
export function parseYamlSource(text: string, display: string, abs: string): { source: YamlSource | null; problems: Problem[] } {
  const parsed = parseYaml(text, display);
  const problems: Problem[] = parsed.problems.map((p) => problemAt({ file: display, line: p.line, column: p.column }, p.rule, p.message, { severity: p.severity }));
  if (problems.some((p) => p.severity === 'error')) return { source: null, problems };
  const docs = parsed.items.filter((i): i is ParsedRecord => 'data' in i);
  if (docs.length !== 1 || parsed.items.length !== 1) {
    const at = parsed.items[1] ?? parsed.items[0];
    const pos = at ? ('data' in at ? at.pos : at.notRecord) : { file: display, line: 1, column: 1 };
    problems.push(problemAt(pos, 'policy-schema', 'a policy file holds one mapping (id, name, categories, clauses, ...)'));
    return { source: null, problems };
  }
  return { source: { display, abs, data: docs[0]!.data, locator: docs[0]!.locate }, problems };
}

/**
 * Where `path` is in the source; the nearest existing ancestor when a step is missing. With
 * `key` the last step's key is pointed at instead of its value (an unknown field is named by
 * its key).
 */
export function locate(src: YamlSource, path: Path, key = false): Position {
  const p = src.locator(path, key ? 'key' : 'value');
  return { file: src.display, line: p.line, column: p.column };
}
