/** The .xlsx writer (sheets/write.ts), read back by the reader, which is tested on its own against LibreOffice's files. */
import { readWorkbook, type Sheet, type Workbook } from '../../src/sheets/xlsx';
import { textWidth, writeWorkbook, xmlText } from '../../src/sheets/write';
import { openZip, readEntry } from '../../src/sheets/zip';

function read(bytes: Uint8Array): Workbook {
  const wb = readWorkbook(bytes);
  if ('error' in wb) throw new Error(wb.error.message);
  return wb;
}
const cell = (s: Sheet, ref: string) => s.rows.flatMap((r) => r.cells).find((c) => c.ref === ref)?.value;
function part(bytes: Uint8Array, name: string): string {
  const z = openZip(bytes, { maxUncompressedBytes: 1 << 26, maxEntries: 100 });
  if ('failure' in z) throw new Error('not a zip');
  const r = readEntry(z.zip, z.zip.entries.get(name)!);
  if ('failure' in r) throw new Error('bad entry');
  return Buffer.from(r.data).toString('utf8');
}

describe('writeWorkbook', () => {
  const bytes = writeWorkbook([
    {
      name: '分值及考核汇总表',
      freezeRows: 1,
      merges: ['A3:A4'],
      rows: [
        [{ text: '考核类别', style: 'header' }, { text: '扣分', style: 'header' }, { text: '应完成时间', style: 'header' }],
        ['一级故障', 14, { wall: { y: 2026, m: 7, d: 8, h: 8, mi: 15, s: 0, ms: 0 } }],
        ['=SUM(A1:A9)', -5.5, { wall: { y: 2026, m: 10, d: 20, h: 0, mi: 0, s: 0, ms: 0 }, style: 'date' }],
        [null, { number: 0.125, style: 'percent' }, 'a\u0001b _x0041_ & <c>'],
      ],
    },
    { name: 'a/b:c', rows: [['x']] },
    { name: 'a/b:c', rows: [] },
  ]);
  const wb = read(bytes);

  test('text, numbers and dates come back as written; text that looks like a formula stays text', () => {
    const s = wb.sheets[0]!;
    expect(s.name).toBe('分值及考核汇总表');
    expect(cell(s, 'A2')).toEqual({ type: 'string', text: '一级故障' });
    expect(cell(s, 'B2')).toMatchObject({ type: 'number', value: 14 });
    expect(cell(s, 'C2')).toEqual({ type: 'date', wall: { y: 2026, m: 7, d: 8, h: 8, mi: 15, s: 0, ms: 0 }, dateOnly: false, timeShown: true });
    expect(cell(s, 'A3')).toEqual({ type: 'string', text: '=SUM(A1:A9)' });
    expect(s.rows.flatMap((r) => r.cells).some((c) => c.formula !== undefined)).toBe(false);
    expect(cell(s, 'B3')).toMatchObject({ type: 'number', value: -5.5 });
    expect(cell(s, 'C3')).toMatchObject({ type: 'date', dateOnly: true });
    expect(cell(s, 'B4')).toMatchObject({ type: 'number', value: 0.125, format: '0.0%' });
    expect(cell(s, 'C4')).toEqual({ type: 'string', text: 'a\u0001b _x0041_ & <c>' });
    expect(s.merges.map((m) => m.ref)).toEqual(['A3:A4']);
  });

  test('sheet names are made valid and unique', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(['分值及考核汇总表', 'a_b_c', 'a_b_c-2']);
  });

  test('a frozen header row and column widths that fit Chinese text', () => {
    const xml = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    // the widest text of column A, =SUM(A1:A9), is 11 wide, plus 2
    expect(xml).toContain('<col min="1" max="1" width="13" customWidth="1"/>');
    expect(textWidth('一级故障')).toBe(8);
    expect(textWidth('GD-0142')).toBe(7);
  });

  test('the same sheets give the same bytes', () => {
    const again = writeWorkbook([{ name: 'x', rows: [['a', 1]] }]);
    expect(Buffer.from(writeWorkbook([{ name: 'x', rows: [['a', 1]] }])).equals(Buffer.from(again))).toBe(true);
  });

  test('xmlText escapes markup, control characters and a literal _xHHHH_', () => {
    expect(xmlText('a&b<c>"d"')).toBe('a&amp;b&lt;c&gt;&quot;d&quot;');
    expect(xmlText('\u0001')).toBe('_x0001_');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
  });
});
