/**
 * What each check means, for the formats that describe their rules (SARIF): read from the table
 * of docs/records.md ("Checks and their names"), the one place each check is explained (a test
 * keeps it naming every check; the file ships in the package).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_CHECK_NAMES, type CheckName } from '../core/problems';
import { packageRoot } from '../util/paths';

export const CHECKS_DOC = 'docs/records.md';
export const CHECKS_ANCHOR = 'checks-and-their-names';

/** Plain text of a Markdown table cell: no backticks, no emphasis. */
function plainText(md: string): string {
  return md.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1').trim();
}

/** check name → its meaning (plain text), from the doc's table; `policy-*` covers every policy check. */
export function parseCheckHelp(markdown: string): Map<CheckName, string> {
  const out = new Map<CheckName, string>();
  const start = markdown.indexOf('## Checks and their names');
  if (start < 0) return out;
  const section = markdown.slice(start).split(/\n## /)[0]!;
  for (const line of section.split('\n')) {
    const m = /^\|\s*(.+?)\s*\|\s*(.+?)\s*\|\s*$/.exec(line);
    if (!m || m[1] === 'rule' || /^-+$/.test(m[1]!)) continue;
    const meaning = plainText(m[2]!);
    const note = /\((warning)\)/.test(m[1]!) ? ' (a warning)' : '';
    for (const [, name] of m[1]!.matchAll(/`([a-z0-9*-]+)`/g)) {
      const names = name!.endsWith('*') ? ALL_CHECK_NAMES.filter((c) => c.startsWith(name!.slice(0, -1))) : ALL_CHECK_NAMES.filter((c) => c === name);
      for (const c of names) if (!out.has(c)) out.set(c, `${meaning}${note}`);
    }
  }
  return out;
}

let cached: Map<CheckName, string> | null = null;

export function checkHelp(): Map<CheckName, string> {
  if (cached === null) {
    let text = '';
    try {
      text = fs.readFileSync(path.join(packageRoot(), ...CHECKS_DOC.split('/')), 'utf8');
    } catch {
      text = ''; // an installation without its docs: rules are still named, without help
    }
    cached = parseCheckHelp(text);
  }
  return cached;
}
