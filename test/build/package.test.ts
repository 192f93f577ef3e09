/**
 * What the package holds, as `npm pack` makes it (the tarball users install, and what a release
 * tag installs): the runtime, its data and documentation, the licence and changelog; no
 * benchmark, build tooling, sources or tests. Scripts are skipped here (dist/ is built by
 * pretest); test/e2e/install.test.ts packs with them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string; license: string; keywords: string[] };

describe('the package', () => {
  test('npm pack --dry-run --json is JSON listing what ships, and nothing else', () => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (/^npm_/i.test(k) && !/^npm_config_(cache|registry|userconfig)$/i.test(k)) delete env[k];
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const [info] = JSON.parse(r.stdout) as { name: string; version: string; files: { path: string }[] }[];
    expect([info!.name, info!.version]).toEqual(['svc-sla', pkg.version]);
    const files = info!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'docs/records.md', 'bin/svc-sla.js', 'dist/cli/main.js', 'schemas/tickets.schema.json', 'policies/gd-transmission.yaml']));
    expect(files.filter((f) => /^(dist\/(bench|build)\/|src\/|test\/|scripts\/|samples\/|\.)/.test(f))).toEqual([]);
  });

  test('MIT licence file, keywords, a changelog entry for this version, no placeholder URL', () => {
    expect(pkg.license).toBe('MIT');
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(pkg.keywords.length).toBeGreaterThan(3);
    expect(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`\n## ${pkg.version}\n`);
    // no public URL is known yet (README, "The package"): none is made up
    expect(JSON.stringify(pkg)).not.toMatch(/example\.(invalid|com)|TODO|placeholder/i);
  });
});
