/**
 * Bytes → text. Excel on Chinese Windows saves CSV as GB18030; newer Excel as UTF-8 with a BOM;
 * editors as plain UTF-8. We tell them apart strictly: a byte sequence that is not valid in the
 * chosen encoding is an error, never silently turned into U+FFFD.
 */

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | {
      readonly ok: false;
      readonly rule: 'binary-file' | 'encoding';
      readonly message: string;
      /** where the first byte that breaks the encoding stands (1-based; the column counts characters) */
      readonly at?: { readonly line: number; readonly column: number };
    };

import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(buf: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => buf[i] === b);
}

const decoders = new Map<string, TextDecoder>();

function tryDecode(buf: Uint8Array, encoding: string): string | null {
  // the common case, checked natively: no decoder object, no exception
  if (encoding === 'utf-8' || encoding === 'utf8') return isUtf8(buf) ? Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8') : null;
  let d = decoders.get(encoding);
  if (!d) decoders.set(encoding, (d = new TextDecoder(encoding, { fatal: true, ignoreBOM: false })));
  try {
    return d.decode(buf);
  } catch {
    return null;
  }
}

/** Does the encoding name exist for TextDecoder (e.g. `gb18030`, `gbk`, `utf-8`)? */
export function isKnownEncoding(name: string): boolean {
  try {
    new TextDecoder(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * `encoding`: `auto` (UTF-8 with or without BOM, else GB18030: what Excel writes), `utf-8`
 * (with or without BOM, nothing else) or a fixed encoding name from the config.
 */
export function decode(buf: Uint8Array, encoding = 'auto'): DecodeResult {
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) {
    return {
      ok: false,
      rule: 'encoding',
      message: 'the file is UTF-16 (Excel "Unicode text"); save it as "CSV UTF-8" or plain CSV instead',
    };
  }
  // A NUL byte never occurs in a text record file; it marks a binary (xlsx, zip, image...).
  const probe = buf.subarray(0, 8192);
  if (probe.includes(0)) {
    return {
      ok: false,
      rule: 'binary-file',
      message: 'this is a binary file, not YAML or CSV text (an .xlsx must be saved as CSV first)',
    };
  }
  if (encoding === 'utf-8') {
    const text = tryDecode(buf, 'utf-8');
    if (text === null) return notUtf8(buf, 'the file is not valid UTF-8 (perhaps saved as GBK/ANSI): save it as UTF-8');
    return { ok: true, text: stripBom(text), encoding: text.charCodeAt(0) === 0xfeff ? 'utf-8-bom' : 'utf-8' };
  }
  if (encoding !== 'auto') {
    const text = tryDecode(buf, encoding);
    if (text === null) {
      return { ok: false, rule: 'encoding', message: `the file is not valid ${encoding} (csv.encoding in svc-sla.yaml)` };
    }
    return { ok: true, text: stripBom(text), encoding };
  }
  if (startsWith(buf, UTF8_BOM)) {
    const text = tryDecode(buf, 'utf-8');
    if (text === null) return notUtf8(buf, 'the file starts with a UTF-8 BOM but is not valid UTF-8');
    return { ok: true, text: stripBom(text), encoding: 'utf-8-bom' };
  }
  const utf8 = tryDecode(buf, 'utf-8');
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = tryDecode(buf, 'gb18030');
  if (gb !== null) return { ok: true, text: gb, encoding: 'gb18030' };
  return {
    ok: false,
    rule: 'encoding',
    message: 'the file is neither UTF-8 nor GB18030; save it as UTF-8, or set csv.encoding in svc-sla.yaml',
  };
}

/**
 * The byte offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong
 * forms, surrogates and code points past U+10FFFF included), or -1 when there is none.
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Line and column (in characters) of a byte offset of text that is valid UTF-8 up to it. */
function positionOf(buf: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let before = Buffer.from(buf.buffer, buf.byteOffset + lineStart, offset - lineStart).toString('utf8');
  if (line === 1 && before.charCodeAt(0) === 0xfeff) before = before.slice(1);
  return { line, column: before.length + 1 };
}

/** The error for bytes that are not UTF-8, at the first bad byte. */
function notUtf8(buf: Uint8Array, message: string): DecodeResult {
  const offset = firstInvalidUtf8(buf);
  if (offset === -1) return { ok: false, rule: 'encoding', message };
  const hex = buf[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return { ok: false, rule: 'encoding', message: `the byte 0x${hex} is not UTF-8: ${message}`, at: positionOf(buf, offset) };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
