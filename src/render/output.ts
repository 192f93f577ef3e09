/**
 * Turning a rendered report into bytes and putting it where the user asked. CSV is UTF-8 with a
 * BOM (so Excel opens Chinese correctly) or, on request, GB18030 for older Excel set-ups; the
 * other formats are plain UTF-8. Where the bytes go (`-o`) is src/util/files.ts.
 */
import iconv from 'iconv-lite';

export const ENCODINGS = ['utf-8', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The bytes of a CSV text in the chosen encoding (UTF-8 gets a BOM, GB18030 none). */
export function encodeCsv(text: string, encoding: Encoding): Buffer {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}
