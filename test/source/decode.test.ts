import { execFileSync } from 'node:child_process';
import { decode, firstInvalidUtf8 } from '../../src/source/decode';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
// "故障单号,地市\nGD-1,广州\n" in GB18030, as Excel on Chinese Windows saves it
const gb18030 = new Uint8Array([
  0xb9, 0xca, 0xd5, 0xcf, 0xb5, 0xa5, 0xba, 0xc5, 0x2c, 0xb5, 0xd8, 0xca, 0xd0, 0x0a, 0x47, 0x44, 0x2d, 0x31, 0x2c, 0xb9, 0xe3, 0xd6, 0xdd, 0x0a,
]);

describe('decode', () => {
  test('plain UTF-8', () => {
    expect(decode(utf8('id: 广州\n'))).toEqual({ ok: true, text: 'id: 广州\n', encoding: 'utf-8' });
  });

  test('UTF-8 with BOM: the BOM is dropped', () => {
    const r = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id,地市\n')]));
    expect(r).toEqual({ ok: true, text: 'id,地市\n', encoding: 'utf-8-bom' });
  });

  test('GB18030 is told apart from UTF-8 automatically', () => {
    expect(decode(gb18030)).toEqual({ ok: true, text: '故障单号,地市\nGD-1,广州\n', encoding: 'gb18030' });
  });

  test('the GB18030 bytes above are what iconv produces (when iconv is installed)', () => {
    let bytes: Buffer;
    try {
      bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: '故障单号,地市\nGD-1,广州\n' });
    } catch {
      return; // no iconv on this machine: the literal bytes still stand
    }
    expect(new Uint8Array(bytes)).toEqual(gb18030);
  });

  test('a fixed encoding from the config is used as is', () => {
    expect(decode(gb18030, 'gb18030')).toMatchObject({ ok: true, text: '故障单号,地市\nGD-1,广州\n' });
    expect(decode(gb18030, 'utf-8')).toMatchObject({ ok: false, rule: 'encoding' });
  });

  test('bytes valid in neither encoding are an error, never U+FFFD', () => {
    const r = decode(new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff, 0xff, 0xff, 0x0a]));
    expect(r).toMatchObject({ ok: false, rule: 'encoding' });
  });

  test('a NUL byte marks a binary file', () => {
    expect(decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toMatchObject({ ok: false, rule: 'binary-file' });
  });

  test('UTF-16 (Excel "Unicode text") is refused with a hint', () => {
    const r = decode(new Uint8Array([0xff, 0xfe, 0x69, 0x00]));
    expect(r).toMatchObject({ ok: false, rule: 'encoding' });
    expect(r.ok ? '' : r.message).toMatch(/UTF-16/);
  });
});

describe('firstInvalidUtf8', () => {
  test('finds the first byte that breaks UTF-8, overlong forms and surrogates included', () => {
    expect(firstInvalidUtf8(utf8('id: 广州 😀\n'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0xaf]))).toBe(1); // overlong '/'
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2); // a surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe5, 0xb9]))).toBe(1); // cut short at the end
  });

  test('a fixed utf-8 decode names the line and column of the bad byte', () => {
    const r = decode(new Uint8Array([...utf8('a: 1\nb: 广'), 0xb9, 0x0a]), 'utf-8');
    expect(r).toMatchObject({ ok: false, rule: 'encoding', at: { line: 2, column: 5 } });
  });
});
