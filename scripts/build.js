#!/usr/bin/env node
'use strict';
// `npm run build`: compiles src/ to dist/ (tsc) and precompiles the built-in policies and the
// record validators (dist/build/after-tsc.js). Everything it prints goes to stderr: `npm pack`
// runs `prepare`, and pre-commit 3.x reads `npm pack`'s stdout as the tarball's name.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function step(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    process.stderr.write(`svc-sla build: node ${args.join(' ')} failed (${r.status ?? r.signal})\n`);
    process.exit(r.status || 1);
  }
}

function build() {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    process.stderr.write('svc-sla build: TypeScript is not installed; run `npm install` (with devDependencies) first\n');
    process.exit(1);
  }
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  step([tsc, '-p', 'tsconfig.build.json']);
  step([path.join('dist', 'build', 'after-tsc.js')]);
}

module.exports = { build };
if (require.main === module) build();
