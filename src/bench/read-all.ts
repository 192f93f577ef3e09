/** The benchmark's floor: walk a folder and read every file, doing nothing with the bytes. */
import * as fs from 'node:fs';
import * as path from 'node:path';

function walk(dir: string): number {
  let bytes = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    bytes += e.isDirectory() ? walk(p) : fs.readFileSync(p).length;
  }
  return bytes;
}

walk(process.argv[2] ?? '.');
