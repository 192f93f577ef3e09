import { civilFromDays, daysFromCivil, serialToWall } from '../../src/sheets/date-serial';
import { builtinFormatCode, classifyFormat, displayNumber } from '../../src/sheets/number-format';

describe('classifyFormat', () => {
  test.each([
    ['General', 'general'],
    ['0', 'number'],
    ['#,##0.00', 'number'],
    ['0.00%', 'percent'],
    ['@', 'text'],
    ['0.00E+00', 'other'],
    ['# ?/?', 'other'],
    ['"¥"#,##0.00', 'number'],
    ['[$-804]0.00', 'number'],
    ['m/d/yy', 'date'],
    ['mm/dd/yyyy\\ hh:mm:ss', 'datetime'],
    ['yyyy"年"m"月"d"日"', 'date'],
    ['yyyy"年"m"月"', 'date'],
    ['mmm-yy', 'date'],
    ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', 'date'],
    ['YYYY/M/D H:MM', 'datetime'],
    ['h:mm AM/PM', 'time'],
    ['上午/下午h"时"mm"分"', 'time'],
    ['HH:MM', 'time'],
    ['mm:ss', 'time'],
    ['[h]:mm:ss', 'elapsed'],
    ['[Red]0.00;[Blue]-0.00', 'number'],
    ['0" days"', 'number'],
    ['"date: "0', 'number'],
  ])('%s is %s', (code, kind) => {
    expect(classifyFormat(code).kind).toBe(kind);
  });

  test('built-in ids', () => {
    expect([14, 22, 31, 57, 20, 46, 0, 2, 999].map((id) => classifyFormat(builtinFormatCode(id)).kind)).toEqual(['date', 'datetime', 'date', 'date', 'time', 'elapsed', 'general', 'number', 'general']);
  });
});

describe('displayNumber', () => {
  test.each([
    [3, 'General', '3'],
    [0.1 + 0.2, 'General', '0.3'],
    [12345678901234, 'General', '12345678901234'],
    [1e21, 'General', '1e+21'],
    [-2.5, 'General', '-2.5'],
    [1.005, '0.00', '1.01'],
    [2.345, '0.00', '2.35'],
    [-1.005, '0.00', '-1.01'],
    [-0.001, '0.00', '0.00'],
    [99.5, '0', '100'],
    [0.5, '0', '1'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [1234567, '#,##0', '1,234,567'],
    [0.25, '0%', '25%'],
    [0.12345, '0.00%', '12.35%'],
    [0, '0.00', '0.00'],
    [3, '@', '3'],
    [1234.5, '"¥"#,##0.00;[Red]-"¥"#,##0.00', '1,234.50'],
    [1234.5, '0.00E+00', '1234.5'],
  ])('%s as %s → %s', (value, code, text) => {
    expect(displayNumber(value, classifyFormat(code))).toBe(text);
  });
});

describe('serialToWall', () => {
  test.each([
    [46267.8819444444, false, [2026, 9, 2, 21, 10, 0, 0]], // LibreOffice's ten decimals round to the minute
    [46267.881944444445, false, [2026, 9, 2, 21, 10, 0, 0]], // Excel's full precision
    [46315, false, [2026, 10, 20, 0, 0, 0, 0]],
    [61, false, [1900, 3, 1, 0, 0, 0, 0]],
    [59, false, [1900, 2, 28, 0, 0, 0, 0]],
    [1, false, [1900, 1, 1, 0, 0, 0, 0]],
    [0.375, false, [1899, 12, 31, 9, 0, 0, 0]],
    [2958465.999988426, false, [9999, 12, 31, 23, 59, 59, 0]],
    [0, true, [1904, 1, 1, 0, 0, 0, 0]],
    [44805.8819444444, true, [2026, 9, 2, 21, 10, 0, 0]],
    [46267.5000058, false, [2026, 9, 2, 12, 0, 0, 501]],
  ])('%s (1904: %s)', (serial, date1904, [y, m, d, h, mi, s, ms]) => {
    expect(serialToWall(serial, date1904)).toEqual({ y, m, d, h, mi, s, ms });
  });

  test.each([[-1], [60], [60.5], [2958466], [NaN], [Infinity]])('%s is no date', (serial) => {
    expect(serialToWall(serial, false)).toBeNull();
  });

  test('civil day arithmetic round-trips across four centuries', () => {
    for (let z = daysFromCivil(1900, 1, 1); z <= daysFromCivil(2300, 1, 1); z += 37) {
      const { y, m, d } = civilFromDays(z);
      expect(daysFromCivil(y, m, d)).toBe(z);
    }
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ y: 2024, m: 2, d: 29 });
  });
});
