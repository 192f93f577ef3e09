#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/: by `npm install` in a clone (`prepare`), or prebuilt in a release
// tag and in the `npm pack` tarball.
const fs = require('node:fs');
const path = require('node:path');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('svc-sla: the CLI is not built yet; run `npm install` (or `npm run build`) in the svc-sla folder\n');
  process.exit(2);
}
const { main } = require(entry);
main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`svc-sla: internal error (please report it): ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);
