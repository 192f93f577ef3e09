#!/usr/bin/env node
'use strict';
/*
 * node scripts/release.js [--force]
 *
 * Makes the release of the version in package.json: tag v<version> on a commit whose parent is
 * HEAD and whose tree is HEAD's plus
 *   - dist/, built from that tree (without dist/bench and dist/build, which are not shipped);
 *   - package.json without the scripts that make npm "prepare" a git dependency (prepare,
 *     prepack, build, install, preinstall, postinstall): npm then installs the tag as it is;
 *   - npm-shrinkwrap.json, a copy of package-lock.json: every install of the release gets the
 *     dependency versions the tests ran with, and can come from npm's cache offline.
 * main itself never holds dist/. Why a prebuilt tag rather than building on install: npm 10
 * and 11 (those Node 20, 22 and 24 ship) cannot build a git dependency of a global install
 * (`npm install -g git+URL`, which the CI templates and pre-commit 4.x run): see
 * scripts/prepare.js. A tag that needs no preparation installs with every npm, without
 * devDependencies and without allowing install scripts.
 *
 * Then: git push origin v<version>. Needs a clean work tree and devDependencies installed.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { build } = require('./build');

const root = path.resolve(__dirname, '..');
const force = process.argv.includes('--force');

function git(args, opts = {}) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'], ...opts }).trim();
}
function fail(m) {
  process.stderr.write(`svc-sla release: ${m}\n`);
  process.exit(1);
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const tag = `v${pkg.version}`;
if (git(['status', '--porcelain', '--untracked-files=no']) !== '') fail('the work tree has uncommitted changes: commit them first');
let exists = true;
try {
  git(['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`], { stdio: ['pipe', 'pipe', 'ignore'] });
} catch {
  exists = false;
}
if (exists && !force) fail(`tag ${tag} exists already (bump the version in package.json, or --force to move it)`);

build();

const head = git(['rev-parse', 'HEAD']);
const index = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-release-')), 'index');
const env = { ...process.env, GIT_INDEX_FILE: index };
const g = (args, input) => git(args, { env, input });
try {
  g(['read-tree', head]);
  g(['add', '--force', '--', 'dist']);
  g(['rm', '-r', '--cached', '--quiet', '--ignore-unmatch', '--', 'dist/bench', 'dist/build']);

  const scripts = { ...(pkg.scripts || {}) };
  // npm prepares a git dependency that has any of the first seven; the rest need the build
  for (const s of ['prepare', 'prepack', 'postpack', 'build', 'install', 'preinstall', 'postinstall', 'pretest', 'bench', 'release']) delete scripts[s];
  const released = { ...pkg, scripts };
  const blob = (text) => g(['hash-object', '-w', '--stdin'], text);
  g(['update-index', '--add', '--cacheinfo', `100644,${blob(`${JSON.stringify(released, null, 2)}\n`)},package.json`]);
  const lock = fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8');
  g(['update-index', '--add', '--cacheinfo', `100644,${blob(lock)},npm-shrinkwrap.json`]);
  g(['rm', '--cached', '--quiet', '--ignore-unmatch', '--', 'package-lock.json']);

  const tree = g(['write-tree']);
  const commit = g(['commit-tree', tree, '-p', head, '-m', `Release ${tag}: ${head.slice(0, 12)} with dist/ prebuilt\n\nMade by scripts/release.js. Install with npm install -g git+<url>#${tag}.`]);
  git(['tag', ...(force ? ['--force'] : []), tag, commit]);
  process.stderr.write(`svc-sla release: tagged ${tag} = ${commit.slice(0, 12)} (HEAD ${head.slice(0, 12)} + dist/); push it: git push origin ${tag}\n`);
} finally {
  fs.rmSync(path.dirname(index), { recursive: true, force: true });
}
