const fs = require('node:fs');

module.exports = async function teardown() {
  const dir = process.env.SVC_SLA_TEST_TMP;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
