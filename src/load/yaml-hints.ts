/**
 * What a YAML error usually means when a coordinator typed the file: a full-width colon
 * (`level：1`, the Chinese IME's ：) or no space after the colon (`accepted_at:2026-07-03`).
 * YAML reads either as one long text instead of a field, and says something about "implicit
 * keys"; this says what to type instead. Only the lines at and after the reported place are
 * looked at, and only a line that starts like a field does.
 */
import type { SyntaxProblem } from '../source/yaml';

// `key：` (the key is anything without a colon), with an optional list dash before it
const FULL_WIDTH = /^\s*(?:-\s+)?([^\s:：#'"][^:：]*?)\s*：/;
// `key:value` with no space: the key is a field-like name
const NO_SPACE = /^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_-]*):([^\s:/])/;

/** A sentence that says what was wrong on this line, or null. */
export function yamlLineHint(line: string): string | null {
  const fw = FULL_WIDTH.exec(line);
  if (fw) return `'${fw[1]!.trim()}' is followed by a full-width colon '：' (全角冒号), which YAML does not read as one: use ':' followed by a space, as in '${fw[1]!.trim()}: ...'`;
  const ns = NO_SPACE.exec(line);
  if (ns) return `a space is missing after the colon of '${ns[1]}': write '${ns[1]}: ${line.slice(line.indexOf(':') + 1).trim().slice(0, 30)}'`;
  return null;
}

/** The problem with its message saying what was typed wrong, when a line shows it. */
export function improveYamlProblem<P extends SyntaxProblem>(p: P, text: string): P {
  if (p.severity !== 'error' || (p.rule !== 'yaml-syntax' && p.rule !== 'not-a-record')) return p;
  const lines = text.split(/\r\n|\r|\n/, p.line + 1);
  for (const n of [p.line, p.line + 1]) {
    const line = lines[n - 1];
    if (line === undefined) continue;
    const hint = yamlLineHint(line);
    if (hint !== null) return { ...p, line: n, column: 1, message: `${hint} (${p.message})` };
  }
  return p;
}
