/**
 * Builds zip files for the reader's tests: small hand-made workbooks for shapes no spreadsheet
 * program writes (no cached value, a damaged part) and hostile archives (bombs, lies). Written
 * here from the zip specification, independent of src/sheets/zip.ts, so the reader is not
 * tested against itself.
 */
import * as zlib from 'node:zlib';

export interface BuildEntry {
  readonly name: string;
  /** the entry's content, or already-deflated bytes with `raw` */
  readonly data?: string | Uint8Array;
  /** deflated bytes used as they are (with `size` and `crc` as given) */
  readonly raw?: Uint8Array;
  readonly size?: number;
  readonly crc?: number;
  readonly stored?: boolean;
  readonly flags?: number;
}

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) {
    c ^= data[i]!;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export function buildZip(entries: readonly BuildEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const plain = e.data === undefined ? new Uint8Array() : typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const body = e.raw ?? (e.stored ? plain : zlib.deflateRawSync(plain));
    const method = e.stored ? 0 : 8;
    const size = e.size ?? plain.length;
    const crc = e.crc ?? crc32(plain);
    const flags = (e.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(body));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/**
 * A raw deflate stream of `mib` MiB of zeros, made without holding them: one MiB compressed
 * with a full flush (so the copies share no history) repeated, then an empty final block.
 */
export function deflatedZeros(mib: number): Buffer {
  const chunk = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 });
  const end = zlib.deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mib }, () => chunk), end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal workbook around the given sheet XML bodies (inside <worksheet>), by sheet name. */
export function workbookEntries(sheets: Record<string, string>, extra: { sharedStrings?: string[]; styles?: string; workbookPr?: string } = {}): BuildEntry[] {
  const names = Object.keys(sheets);
  const entries: BuildEntry[] = [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}">${extra.workbookPr ?? ''}<sheets>${names
        .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
    },
    ...names.map((n, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: `<?xml version="1.0"?><worksheet xmlns="${NS}">${sheets[n]}</worksheet>` })),
  ];
  if (extra.sharedStrings) {
    entries.push({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst xmlns="${NS}">${extra.sharedStrings.map((s) => `<si>${s}</si>`).join('')}</sst>` });
  }
  if (extra.styles) entries.push({ name: 'xl/styles.xml', data: `<?xml version="1.0"?><styleSheet xmlns="${NS}">${extra.styles}</styleSheet>` });
  return entries;
}
