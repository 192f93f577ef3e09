#!/usr/bin/env node
'use strict';
/*
 * `prepare`: npm runs it on `npm install` in a clone, on `npm pack`, and when svc-sla is installed
 * from a git URL at a commit that is not a release (npm clones the repository, installs its
 * dependencies, runs `prepare`, packs the result and installs that). It builds dist/
 * (scripts/build.js), which needs TypeScript, a devDependency.
 *
 * `npm install -g git+URL#<commit>` on npm 10 and 11 prepares the clone with a nested
 * `npm install` that inherits `npm_config_global=true` and so installs nothing into the clone
 * (npm/cli#8440, #6984, #4148; fixed in pacote by npm/pacote#494, after the npm that Node 20,
 * 22 and 24 ship). No build can work there, and the nested install also leaves a link to the
 * deleted temporary clone. That is why releases are tags whose commit carries dist/ prebuilt and
 * no install scripts (scripts/release.js): npm then prepares nothing. This script says so
 * instead of failing with `tsc: not found`.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function hasTypeScript() {
  try {
    require.resolve('typescript/bin/tsc', { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

if (!fs.existsSync(path.join(root, 'src'))) process.exit(0); // an installed package: nothing to build
if (hasTypeScript()) {
  require('./build').build();
} else if (fs.existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
  process.stderr.write('svc-sla prepare: TypeScript is not installed; dist/ is already built, using it\n');
} else {
  const global = process.env.npm_config_global === 'true';
  process.stderr.write(
    `svc-sla prepare: cannot build dist/: TypeScript (a devDependency) is not installed${global ? ' (npm prepares a git dependency of a global install without its devDependencies: npm/cli#8440)' : ''}.\n` +
      `Install a release tag instead, whose dist/ is prebuilt: npm install -g git+<url>#v${require("../package.json").version}, or the tarball of npm pack.\n`,
  );
  process.exit(1);
}
