/**
 * Turning a rendered report into bytes and putting it where the user asked. CSV is UTF-8 with a
 * BOM (so Excel opens Chinese correctly) or, on request, GB18030 for older Excel set-ups; the
 * other formats are plain UTF-8. A file is written to a temporary name beside it and renamed,
 * so an error never leaves half a report behind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';

export const ENCODINGS = ['utf-8', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The bytes of a CSV text in the chosen encoding (UTF-8 gets a BOM, GB18030 none). */
export function encodeCsv(text: string, encoding: Encoding): Buffer {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

/** Writes `data` to `file` all at once: a temporary file in the same folder, then a rename. */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more to clean up
    }
    throw err;
  }
}
