/**
 * What `npm run build` precompiles (src/build/after-tsc.ts) must be exactly what a run would
 * compute, and must never outlive its sources: the built-in policies' YAML stays the only place
 * the contract's numbers live, and the schemas the only place a record's shape lives.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinPolicyNames, loadPolicyFromYaml } from '../../src/policy/load';
import { SCHEMA_NAMES, validatorFor } from '../../src/schema/ajv';
import { KINDS } from '../../src/core/kinds';

const ROOT = path.resolve(__dirname, '..', '..');
const dist = (p: string) => path.join(ROOT, 'dist', p);

describe('built-in policies loaded at build time', () => {
  const pre = require(dist('policy/precompiled.js')) as typeof import('../../src/policy/precompiled');

  test.each(builtinPolicyNames())('%s: the JSON copy equals the policy read from its YAML', (name) => {
    const fromYaml = loadPolicyFromYaml(name, ROOT);
    expect(fromYaml.policy).not.toBeNull();
    const copy = pre.precompiledPolicy(name);
    expect(copy).not.toBeNull();
    expect(copy!.policy).toEqual(fromYaml.policy);
    expect(copy!.problems).toEqual(fromYaml.problems);
  });

  test('an edited built-in policy is read from its YAML on the next run (the copy is stale)', () => {
    // a copy of the installed package, sharing node_modules
    const pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-pkg-'));
    for (const d of ['bin', 'dist', 'policies', 'schemas']) fs.cpSync(path.join(ROOT, d), path.join(pkg, d), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
    const show = () => {
      const r = spawnSync(process.execPath, [path.join(pkg, 'bin', 'svc-sla.js'), 'policy', 'show', 'gd-transmission', '--format', 'json'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      const p = JSON.parse(r.stdout) as { clauses: { id: string; limit: string }[] };
      return p.clauses.find((c) => c.id === 'fault.l1.restore.remote')!.limit;
    };
    expect(show()).toBe('3 小时');
    const file = path.join(pkg, 'policies', 'gd-transmission.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const edited = text.replace(/(- id: fault\.l1\.restore\.remote[\s\S]*?limit: )3h/, '$17h');
    expect(edited).not.toBe(text);
    fs.writeFileSync(file, edited);
    expect(show()).toBe('7 小时');
    fs.rmSync(pkg, { recursive: true, force: true });
  });
});

describe('record validators compiled at build time', () => {
  const built = require(dist('schema/ajv.js')) as typeof import('../../src/schema/ajv');

  test('every schema has a prebuilt validator, and it is the one used', () => {
    const mod = require(dist('schema/compiled/validators.js')) as Record<string, unknown>;
    for (const name of SCHEMA_NAMES) {
      expect(typeof mod[name]).toBe('function');
      expect(built.validatorFor(name)).toBe(mod[name]);
    }
  });

  // records that break each kind of rule: the prebuilt and the run-time compiled validators
  // must return the very same errors (ajv's standalone code for the same schema and options)
  const bad: Record<string, unknown>[] = [
    {},
    { id: '' },
    { id: ' x', level: 0, colour: 'red' },
    { id: 'T-1', level: 5, accepted_at: '2026-02-30 10:00', handling: 'teleport', customer_signed: 'yes' },
    { id: 7, level: 1.5, accepted_at: '2026-07-03', restored_at: 'yesterday', caused_faults: [{ ticket: 3 }, 'x'] },
    { id: 'X', started_at: '2026-07-03T01:00:00+08:00', ended_at: '2026-07-03 25:00', trunks: 'all', items: [1, 2] },
    { id: 'Y', year: 'this', holidays: ['2026-13-01'], workdays: [20260101], timezone: 'Mars/Base', csv: { encoding: 7 } },
  ];

  test.each([...KINDS, 'config', 'calendar'] as const)('%s: the same errors as compiled at run time', (name) => {
    const prebuilt = built.validatorFor(name);
    const runtime = validatorFor(name); // ts-jest runs the sources: compiled here by ajv
    expect(prebuilt).not.toBe(runtime);
    for (const data of bad) {
      const a = prebuilt(data);
      const errorsA = prebuilt.errors;
      const b = runtime(data);
      expect(a).toBe(b);
      expect(errorsA).toEqual(runtime.errors);
    }
  });
});
