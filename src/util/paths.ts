import * as fs from 'node:fs';
import * as path from 'node:path';

let root: string | null = null;

/**
 * The svc-sla package folder (holding schemas/ and policies/), found from this file whether it
 * runs compiled from dist/ or as TypeScript under ts-jest.
 */
export function packageRoot(): string {
  if (root !== null) return root;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'svc-sla') return (root = dir);
      } catch {
        // not ours; keep looking upward
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`svc-sla: package.json not found above ${__dirname}`);
    dir = parent;
  }
}

export function schemaPath(name: string): string {
  return path.join(packageRoot(), 'schemas', `${name}.schema.json`);
}

const documents = new Map<string, unknown>();

/** A JSON Schema of the package's schemas/ folder, parsed once per process. */
export function schemaDocument(name: string): unknown {
  let doc = documents.get(name);
  if (doc === undefined) {
    doc = JSON.parse(fs.readFileSync(schemaPath(name), 'utf8')) as unknown;
    documents.set(name, doc);
  }
  return doc;
}
