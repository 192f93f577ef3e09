/** The one check list: every check name belongs to exactly one check, and each is documented. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECKS } from '../../src/checks';
import { ALL_CHECK_NAMES, CHECK_NAMES } from '../../src/core/problems';

describe('the check list', () => {
  test('every check name is reported by exactly one check, of its own tier', () => {
    const owners = new Map<string, string[]>();
    for (const c of CHECKS) {
      for (const name of c.emits) owners.set(name, [...(owners.get(name) ?? []), c.name]);
      expect((CHECK_NAMES[c.tier] as readonly string[]).filter((n) => c.emits.includes(n as never))).toEqual([...c.emits]);
    }
    for (const name of ALL_CHECK_NAMES) expect([name, owners.get(name)?.length]).toEqual([name, 1]);
    expect([...owners.keys()].sort()).toEqual([...ALL_CHECK_NAMES].sort());
  });

  test('docs/records.md names every check', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'records.md'), 'utf8');
    const table = doc.slice(doc.indexOf('## Checks and their names'));
    const missing = ALL_CHECK_NAMES.filter((n) => !table.includes(`\`${n}\``) && !(n.startsWith('policy-') && table.includes('`policy-*`')));
    expect(missing).toEqual([]);
  });
});
