/**
 * `npm run build` runs this after tsc: it does at build time what every run would otherwise do
 * first, each result used at run time only while its sources are unchanged.
 * - the built-in policies, loaded and checked (src/policy/precompiled.ts);
 * - the record schemas, compiled by ajv to standalone code (src/schema/ajv.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { builtinPolicyNames, loadPolicyFromYaml } from '../policy/load';
import { writePrecompiled } from '../policy/precompiled';
import { AJV_OPTIONS, PREBUILT_FILE, SCHEMA_NAMES, schemasStamp } from '../schema/ajv';
import { schemaDocument } from '../util/paths';
import { packageRoot } from '../util/paths';

function compileValidators(): void {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, formats: _`require("../formats.js").formats` } });
  for (const name of SCHEMA_NAMES) ajv.addSchema(schemaDocument(name) as object, name);
  const code = standaloneCode(ajv, Object.fromEntries(SCHEMA_NAMES.map((n) => [n, n])));
  fs.mkdirSync(path.dirname(PREBUILT_FILE), { recursive: true });
  fs.writeFileSync(PREBUILT_FILE, `${code}\nexports.__stamp = ${JSON.stringify(schemasStamp())};\n`);
}

const policies = writePrecompiled((name) => loadPolicyFromYaml(name, packageRoot()), builtinPolicyNames());
compileValidators();
process.stderr.write(`precompiled: policies ${policies.join(', ') || 'none'}; validators of ${SCHEMA_NAMES.length} schemas\n`);
