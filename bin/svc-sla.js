#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ on install (`npm install` runs `prepare`).
let main;
try {
  ({ main } = require('../dist/cli/main.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
    process.stderr.write('svc-sla: the CLI is not built yet; run `npm install` (or `npm run build`) in the svc-sla folder\n');
    process.exit(2);
  }
  throw err;
}
main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`svc-sla: internal error (please report it): ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);
