/**
 * Built-in policies, loaded once at build time (`npm run build` runs src/build/after-tsc.ts) and kept as
 * JSON next to the compiled code, so that a run does not parse 30 KB of YAML with positions
 * and check it again: that was a tenth of a second on every command.
 *
 * The YAML in policies/ stays the only source of the contract's numbers: the JSON records a
 * hash of every built-in policy file and of the code that read them, and is used only while
 * both are unchanged. Edit a built-in policy and the next run reads the YAML again.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '../core/problems';
import { packageRoot } from '../util/paths';
import type { Policy } from '../core/policy';

interface Stored {
  readonly stamp: string;
  readonly policy: Policy;
  /** warnings found when it was loaded (a built-in policy has no errors) */
  readonly problems: Problem[];
}

function folder(): string {
  return path.join(__dirname, 'compiled');
}

/** Everything a loaded built-in depends on: the policy files and the code that read them. */
function stamp(): string {
  const h = createHash('sha1');
  const dir = path.join(packageRoot(), 'policies');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    h.update(f).update('\0').update(fs.readFileSync(path.join(dir, f))).update('\0');
  }
  // the code that reads a policy: this folder and the readers of src/source
  for (const dir of [__dirname, path.join(__dirname, '..', 'source')]) {
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
      const st = fs.statSync(path.join(dir, f));
      h.update(`${path.basename(dir)}/${f}:${st.size}:${st.mtimeMs}\0`);
    }
  }
  h.update(fs.readFileSync(path.join(packageRoot(), 'schemas', 'policy.schema.json')));
  return h.digest('hex');
}

/** The built-in policy `name` as loaded at build time, or null (not built, or stale). */
export function precompiledPolicy(name: string): { policy: Policy; problems: Problem[] } | null {
  if (!__filename.endsWith('.js')) return null; // ts-jest runs the sources: always load the YAML
  try {
    const stored = JSON.parse(fs.readFileSync(path.join(folder(), `${name}.json`), 'utf8')) as Stored;
    if (stored.stamp !== stamp()) return null;
    return { policy: stored.policy, problems: stored.problems };
  } catch {
    return null;
  }
}

/** Build step: writes compiled/<name>.json for every built-in policy that loads. */
export function writePrecompiled(load: (name: string) => { policy: Policy | null; problems: Problem[] }, names: readonly string[]): string[] {
  fs.mkdirSync(folder(), { recursive: true });
  const s = stamp();
  const written: string[] = [];
  for (const name of names) {
    const target = path.join(folder(), `${name}.json`);
    fs.rmSync(target, { force: true });
    const loaded = load(name);
    if (!loaded.policy) continue; // a broken built-in is reported at run time, from the YAML
    // a Policy is plain data (test/build/precompiled.test.ts checks the copy equals the YAML's)
    fs.writeFileSync(target, JSON.stringify({ stamp: s, policy: loaded.policy, problems: loaded.problems } satisfies Stored));
    written.push(name);
  }
  return written;
}
