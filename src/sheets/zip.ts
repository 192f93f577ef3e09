/**
 * The part of a zip reader an .xlsx needs: the central directory, and one entry at a time
 * inflated by Node's own zlib. Written here rather than taken from a library because the one
 * property we cannot do without — a hard cap on what a file may inflate to, enforced while
 * inflating — is a single zlib option (`maxOutputLength`), and none of the xlsx libraries we
 * tried sets it (docs/xlsx-reader.md).
 *
 * Every size in the file is attacker-controlled, so each is checked before it is used: offsets
 * against the buffer, declared sizes against the budget, and the inflated size against the
 * declared one. Nothing here loops more than the number of bytes or entries it was given.
 */
import * as zlib from 'node:zlib';

/** Why a zip could not be read; the caller turns the code into a sentence. */
export type ZipFailure =
  | { readonly code: 'not-zip' }
  | { readonly code: 'corrupt'; readonly detail: string }
  | { readonly code: 'encrypted-entry'; readonly entry: string }
  | { readonly code: 'unsupported-method'; readonly entry: string; readonly method: number }
  | { readonly code: 'too-many-entries'; readonly count: number; readonly limit: number }
  | { readonly code: 'too-large'; readonly limit: number };

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** as the central directory declares it; checked against the real size when inflated */
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipLimits {
  /** the most bytes all entries read from this zip may inflate to, together; an entry that
   *  declares more than what is left is refused before it is inflated (the usual zip bomb) */
  readonly maxUncompressedBytes: number;
  readonly maxEntries: number;
}

export interface ZipArchive {
  readonly bytes: Uint8Array;
  readonly entries: ReadonlyMap<string, ZipEntry>;
  readonly limits: ZipLimits;
  /** bytes inflated so far; the budget is shared by every entry read */
  inflated: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

class ZipFault {
  constructor(readonly failure: ZipFailure) {}
}

function corrupt(detail: string): ZipFault {
  return new ZipFault({ code: 'corrupt', detail });
}

/** Little-endian reads that refuse to run past the end (a truncated file is corrupt, not a crash). */
class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(at: number, n: number): void {
    if (!Number.isInteger(at) || at < 0 || at + n > this.bytes.length) throw corrupt('an offset points outside the file (truncated?)');
  }
  u16(at: number): number {
    this.need(at, 2);
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    this.need(at, 4);
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    this.need(at, 8);
    const lo = this.view.getUint32(at, true);
    const hi = this.view.getUint32(at + 4, true);
    // sizes past 2^53 cannot be real for a file held in memory
    if (hi >= 0x200000) throw corrupt('a 64-bit size is impossibly large');
    return hi * 0x100000000 + lo;
  }
  slice(at: number, n: number): Uint8Array {
    this.need(at, n);
    return this.bytes.subarray(at, at + n);
  }
}

function findEndOfCentralDirectory(r: Reader): number {
  const b = r.bytes;
  const stop = Math.max(0, b.length - EOCD_MIN - MAX_COMMENT);
  for (let i = b.length - EOCD_MIN; i >= stop; i--) {
    // 'P' 'K' 5 6; the comment length must reach exactly to the end, else this is comment text
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6 && i + EOCD_MIN + r.u16(i + 20) === b.length) return i;
  }
  for (let i = b.length - EOCD_MIN; i >= stop; i--) {
    // some writers leave junk after the comment: accept the last signature as a fallback
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Part names of an .xlsx are ASCII; others are decoded leniently, they are only compared. */
function entryName(raw: Uint8Array): string {
  return utf8.decode(raw);
}

/**
 * Reads the central directory; inflates nothing. Sizes are checked when an entry is read, so
 * parts the reader never opens (pictures, printer settings) cost nothing and count for nothing.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits): { zip: ZipArchive } | { failure: ZipFailure } {
  try {
    return { zip: readDirectory(bytes, limits) };
  } catch (e) {
    if (e instanceof ZipFault) return { failure: e.failure };
    throw e;
  }
}

function readDirectory(bytes: Uint8Array, limits: ZipLimits): ZipArchive {
  const r = new Reader(bytes);
  if (bytes.length < 4 || r.u32(0) !== SIG_LOCAL) {
    // an empty zip (no entries) starts with the EOCD; it is no workbook either
    throw new ZipFault({ code: 'not-zip' });
  }
  if (bytes.length < EOCD_MIN) throw corrupt('the file ends before its zip directory');
  const eocd = findEndOfCentralDirectory(r);
  if (eocd < 0) throw corrupt('the zip directory at the end of the file is missing (truncated?)');
  let count = r.u16(eocd + 10);
  let cdSize = r.u32(eocd + 12);
  let cdOffset = r.u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && r.u32(loc) === SIG_ZIP64_LOCATOR) {
      const z = r.u64(loc + 8);
      if (r.u32(z) !== SIG_ZIP64_EOCD) throw corrupt('the zip64 directory record is missing');
      count = r.u64(z + 32);
      cdSize = r.u64(z + 40);
      cdOffset = r.u64(z + 48);
    }
  }
  if (count > limits.maxEntries) throw new ZipFault({ code: 'too-many-entries', count, limit: limits.maxEntries });
  if (cdOffset + cdSize > bytes.length) throw corrupt('the zip directory lies outside the file (truncated?)');

  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (r.u32(p) !== SIG_CENTRAL) throw corrupt('a zip directory entry is damaged');
    const flags = r.u16(p + 8);
    const method = r.u16(p + 10);
    const crc32 = r.u32(p + 16);
    let compressedSize = r.u32(p + 20);
    let uncompressedSize = r.u32(p + 24);
    const nameLen = r.u16(p + 28);
    const extraLen = r.u16(p + 30);
    const commentLen = r.u16(p + 32);
    let localHeaderOffset = r.u32(p + 42);
    const name = entryName(r.slice(p + 46, nameLen));
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // zip64 extended information (extra field 0x0001): only the fields that overflowed are there, in this order
      let q = p + 46 + nameLen;
      const end = q + extraLen;
      while (q + 4 <= end) {
        const id = r.u16(q);
        const len = r.u16(q + 2);
        if (id === 1) {
          let f = q + 4;
          if (uncompressedSize === 0xffffffff) (uncompressedSize = r.u64(f)), (f += 8);
          if (compressedSize === 0xffffffff) (compressedSize = r.u64(f)), (f += 8);
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = r.u64(f);
          break;
        }
        q += 4 + len;
      }
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue; // a folder
    if (entries.has(name)) throw corrupt(`the zip holds '${name}' twice`);
    entries.set(name, { name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return { bytes, entries, limits, inflated: 0 };
}

/**
 * One entry's bytes. The inflated size is capped by what is left of the zip's budget whatever
 * the directory claims, so a directory that understates a bomb's size still stops it, after at
 * most the budget's worth of inflating.
 */
export function readEntry(zip: ZipArchive, entry: ZipEntry): { data: Uint8Array } | { failure: ZipFailure } {
  try {
    return { data: inflateEntry(zip, entry) };
  } catch (e) {
    if (e instanceof ZipFault) return { failure: e.failure };
    throw e;
  }
}

function inflateEntry(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  // bit 0: traditional encryption; bit 6: strong encryption
  if (entry.flags & 0x41) throw new ZipFault({ code: 'encrypted-entry', entry: entry.name });
  const r = new Reader(zip.bytes);
  const h = entry.localHeaderOffset;
  if (r.u32(h) !== SIG_LOCAL) throw corrupt(`the entry '${entry.name}' is damaged`);
  const start = h + 30 + r.u16(h + 26) + r.u16(h + 28);
  const compressed = r.slice(start, entry.compressedSize);
  const budget = zip.limits.maxUncompressedBytes - zip.inflated;
  if (entry.uncompressedSize > budget) throw new ZipFault({ code: 'too-large', limit: zip.limits.maxUncompressedBytes });
  let data: Uint8Array;
  if (entry.method === 0) {
    data = compressed;
  } else if (entry.method === 8) {
    try {
      // one byte more than declared: a stream longer than its declared size is an error, found without inflating it all
      data = zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, Math.min(budget, entry.uncompressedSize + 1)) });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') {
        if (entry.uncompressedSize + 1 <= budget) throw corrupt(`the entry '${entry.name}' is larger than the zip directory says`);
        throw new ZipFault({ code: 'too-large', limit: zip.limits.maxUncompressedBytes });
      }
      throw corrupt(`the entry '${entry.name}' cannot be inflated (${(e as Error).message})`);
    }
  } else {
    throw new ZipFault({ code: 'unsupported-method', entry: entry.name, method: entry.method });
  }
  if (data.length !== entry.uncompressedSize) throw corrupt(`the entry '${entry.name}' has a different size than the zip directory says`);
  if (crc32(data) !== entry.crc32) throw corrupt(`the entry '${entry.name}' fails its checksum`);
  zip.inflated += data.length;
  return data;
}

const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
let crcTable: Uint32Array | null = null;

/** zlib.crc32 exists from Node 20.15 on; earlier 20.x get the table version. */
export function crc32(data: Uint8Array): number {
  if (typeof nativeCrc32 === 'function') return nativeCrc32(data) >>> 0;
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
