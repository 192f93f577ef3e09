import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** The vendored SARIF 2.1.0 schema (draft-04, test/fixtures/sarif) as ajv's draft-07 reads it: `id` → `$id`. */
export function sarifValidator() {
  const file = path.join(__dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');
  const { id, $schema: _draft04, ...rest } = JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string; $schema: string };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: id });
}
