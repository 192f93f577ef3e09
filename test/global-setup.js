// Every test's temporary folders go under one folder of its own, removed when the run ends,
// so test runs leave nothing behind in the machine's temp folder.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-jest-'));
  process.env.SVC_SLA_TEST_TMP = dir;
  process.env.TMPDIR = dir; // os.tmpdir() in the test workers and in every CLI they start
};
