import {
  canonicalWall,
  foldWidth,
  normaliseBoolean,
  normaliseDate,
  normaliseEnum,
  normaliseEnumOf,
  normaliseInteger,
  normaliseNumber,
  normaliseTimestamp,
} from '../../src/sheets/values';
import { VALUE_ALIASES, vocabularyOf } from '../../src/sheets/value-aliases';

describe('normaliseTimestamp: accepted forms', () => {
  test.each([
    // people's forms → canonical
    ['2026/7/3 9:05', '2026-07-03 09:05'],
    ['2026/07/03 09:05:00', '2026-07-03 09:05'],
    ['2026/07/03 09:05:30', '2026-07-03 09:05:30'],
    ['2026/7/3 9:05:30.5', '2026-07-03 09:05:30.500'],
    ['2026-7-3 9:05', '2026-07-03 09:05'],
    ['2026-7-3T9:05', '2026-07-03 09:05'],
    ['2026.7.3 9:05', '2026-07-03 09:05'],
    ['2026年7月3日 9:05', '2026-07-03 09:05'],
    ['2026年7月3日9:05', '2026-07-03 09:05'],
    ['2026年7月3日9时5分', '2026-07-03 09:05'],
    ['2026年7月3日 9时5分30秒', '2026-07-03 09:05:30'],
    ['2026年7月3日 9点5分', '2026-07-03 09:05'],
    ['2026年7月3日 9时', '2026-07-03 09:00'],
    ['2026 年 7 月 3 日 9 点', '2026-07-03 09:00'],
    ['2026/7/3 0:00', '2026-07-03 00:00'],
    ['  2026/7/3   9:05 ', '2026-07-03 09:05'],
    // dates alone are allowed where a timestamp is
    ['2026/7/3', '2026-07-03'],
    ['2026-7-3', '2026-07-03'],
    ['2026年7月3日', '2026-07-03'],
    ['2024/2/29', '2024-02-29'],
    ['1900/1/1', '1900-01-01'],
    ['2999/12/31 23:59', '2999-12-31 23:59'],
    // full-width
    ['２０２６／７／３ ０９：０５', '2026-07-03 09:05'],
    ['２０２６年７月３日　９：０５', '2026-07-03 09:05'],
    ['2026-07-03 09：05', '2026-07-03 09:05'],
  ])('%s → %s', (input, value) => {
    expect(normaliseTimestamp(input)).toMatchObject({ ok: true, value, changed: true });
  });

  test.each(['2026-07-03', '2026-07-03 09:05', '2026-07-03 09:05:00', '2026-07-03T01:00', '2026-07-03T01:00:00+08:00', '2026-07-02T17:00:00Z', '2026-07-03T01:00:00.250+0800'])(
    'the schema form %s is passed through unchanged',
    (input) => {
      expect(normaliseTimestamp(input)).toEqual({ ok: true, value: input, changed: false });
    },
  );

  test('full-width input says so in its note, in both languages', () => {
    const r = normaliseTimestamp('2026-07-03 09：05');
    expect(r).toEqual({
      ok: true,
      value: '2026-07-03 09:05',
      changed: true,
      note: { 'zh-CN': '全角字符已按半角读取：：→:', en: 'full-width characters read as half-width: ：→:' },
    });
  });
});

describe('normaliseTimestamp: refused forms', () => {
  test.each(['3/7/2026', '3/7/2026 9:05', '03-07-2026', '7/3/2026', '3.7.2026'])('day- or month-first %s: refused with no suggestion', (input) => {
    const r = normaliseTimestamp(input);
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('suggestion');
    if (!r.ok) expect(r.hint?.en).toMatch(/year first/);
  });

  test.each([
    ['2026/2/30', '2026-02 has 28 days'],
    ['2025/2/29', '2025-02 has 28 days'],
    ['2026/4/31', '2026-04 has 30 days'],
    ['2026-02-30', '2026-02 has 28 days'],
    ['2026/13/1', 'there is no month 13'],
    ['2026/0/1', 'there is no month 0'],
    ['0226/7/3', 'the year 0226 is outside 1900–2999'],
    ['1899/12/31', 'the year 1899 is outside 1900–2999'],
    ['3026/1/1', 'the year 3026 is outside 1900–2999'],
    ['0226-07-03', 'the year 0226 is outside 1900–2999'],
    ['226/7/3', 'the year 226 is outside 1900–2999'],
    ['20260/7/3', 'the year 20260 is outside 1900–2999'],
    ['26/7/3', 'write the year in full, four digits (YYYY-MM-DD)'],
    ['2026/7/3 25:00', 'the time 25:00 does not exist (hours 0–23, minutes and seconds 0–59)'],
    ['2026/7/3 9:60', 'the time 9:60 does not exist (hours 0–23, minutes and seconds 0–59)'],
    ['2026-07-03 24:00', 'write 24:00 as 00:00 of the next day'],
  ])('%s: %s', (input, en) => {
    const r = normaliseTimestamp(input);
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('suggestion');
    if (!r.ok) expect(r.hint?.en).toBe(en);
  });

  test.each([
    ['2026/7/3 下午3:05', '2026-07-03 15:05'],
    ['2026/7/3 上午9:05', '2026-07-03 09:05'],
    ['2026/7/3 3:05 PM', '2026-07-03 15:05'],
    ['2026/7/3 12:30 AM', '2026-07-03 00:30'],
    ['2026/7/3 9:5', '2026-07-03 09:05'],
    ['2026/7-3', '2026-07-03'],
    ['2026/7-3 9:05', '2026-07-03 09:05'],
    ['20260703', '2026-07-03'],
  ])('near miss %s: refused, suggesting %s', (input, suggestion) => {
    expect(normaliseTimestamp(input)).toEqual({
      ok: false,
      suggestion,
      hint: { 'zh-CN': `是否应为 ${suggestion}？`, en: `did you mean ${suggestion}?` },
    });
  });

  test.each(['', 'soon', '2026', '2026-07', '2026/7/3 9', '2026/7/3 noon', '2026年7月', 'x'.repeat(500)])('%s: refused', (input) => {
    expect(normaliseTimestamp(input).ok).toBe(false);
  });

  // catastrophic backtracking would not end within jest's timeout; no clock is read here
  test('a long hostile text is refused (no backtracking)', () => {
    expect(normaliseTimestamp(`2026/7/3 ${' 1'.repeat(20000)}`).ok).toBe(false);
    expect(normaliseTimestamp(`2026${'/7'.repeat(20000)}`).ok).toBe(false);
  });
});

describe('normaliseDate', () => {
  test.each([
    ['2026/7/3', '2026-07-03'],
    ['2026年7月3日', '2026-07-03'],
    ['２０２６－０７－０３', '2026-07-03'],
  ])('%s → %s', (input, value) => {
    expect(normaliseDate(input)).toMatchObject({ ok: true, value, changed: true });
  });
  test('the schema form is unchanged', () => {
    expect(normaliseDate('2026-07-03')).toEqual({ ok: true, value: '2026-07-03', changed: false });
  });
  test.each(['2026/7/3 9:05', '2026-07-03 09:05', '2026-07-03T09:05'])('%s has a time: refused, suggesting the date', (input) => {
    expect(normaliseDate(input)).toMatchObject({ ok: false, suggestion: '2026-07-03' });
  });
  test.each(['3/7/2026', '2026/2/30', '0226/7/3'])('%s refused', (input) => {
    expect(normaliseDate(input).ok).toBe(false);
  });
});

describe('canonicalWall', () => {
  const w = { y: 2026, m: 9, d: 2, h: 21, mi: 10, s: 0, ms: 0 };
  test.each([
    [w, true, '2026-09-02'],
    [w, false, '2026-09-02 21:10'],
    [{ ...w, s: 5 }, false, '2026-09-02 21:10:05'],
    [{ ...w, ms: 250 }, false, '2026-09-02 21:10:00.250'],
  ])('%j dateOnly=%s → %s', (wall, dateOnly, text) => {
    expect(canonicalWall(wall, dateOnly)).toBe(text);
    expect(normaliseTimestamp(text)).toMatchObject({ ok: true, value: text, changed: false });
  });
});

describe('normaliseBoolean', () => {
  test.each([
    ['true', true, false],
    ['false', false, false],
    ['TRUE', true, true],
    ['False', false, true],
    ['yes', true, true],
    ['YES', true, true],
    ['no', false, true],
    ['y', true, true],
    ['N', false, true],
    ['1', true, true],
    ['0', false, true],
    ['是', true, true],
    ['否', false, true],
    ['有', true, true],
    ['无', false, true],
    ['無', false, true],
    ['√', true, true],
    ['✓', true, true],
    ['✔', true, true],
    ['×', false, true],
    ['✗', false, true],
    ['✘', false, true],
    [' 是 ', true, true],
    ['１', true, true],
    ['Ｙ', true, true],
  ])('%s → %s', (input, value, changed) => {
    expect(normaliseBoolean(input)).toMatchObject({ ok: true, value, changed });
  });

  test.each(['x', 'X', '对', '错', '不是', '2', 'maybe', '', 'on', 'off', '是的'])('%s refused', (input) => {
    expect(normaliseBoolean(input)).toEqual({ ok: false, hint: { 'zh-CN': '请写 是 或 否（也可写 yes/no、true/false、1/0）', en: 'write 是 or 否 (or yes/no, true/false, 1/0)' } });
  });
});

describe('normaliseEnum', () => {
  const cat = vocabularyOf('tickets', 'category')!;
  const level = vocabularyOf('tickets', 'level')!;
  const handling = vocabularyOf('tickets', 'handling')!;

  test.each([
    [cat, 'service', 'service', false],
    [cat, 'Service', 'service', true],
    [cat, ' nms ', 'nms', true],
    [cat, '业务问题', 'service', true],
    [cat, '网管问题', 'nms', true],
    [cat, '设备温度过高', 'temperature', true],
    [cat, '其他问题', 'other', true],
    [cat, '其它', 'other', true],
    [level, '1', '1', false],
    [level, '一级', '1', true],
    [level, '二级', '2', true],
    [level, '三级', '3', true],
    [level, '四级', '4', true],
    [level, '1级', '1', true],
    [level, '３级', '3', true],
    [level, '一级故障', '1', true],
    [level, 'Ⅱ级', '2', true],
    [level, 'l4', '4', true],
    [handling, '现场', 'onsite', true],
    [handling, '远程', 'remote', true],
    [handling, '上站', 'onsite', true],
  ])('%#: %s → %s', (vocab, input, value, changed) => {
    expect(normaliseEnumOf(input, vocab)).toMatchObject({ ok: true, value, changed });
  });

  test('业务中断 is never read as a category or a level: suggested only', () => {
    expect(normaliseEnumOf('业务中断', cat)).toEqual({ ok: false, suggestion: 'service', hint: { 'zh-CN': '是否应为 service？', en: 'did you mean service?' } });
    expect(normaliseEnumOf('业务中断', level)).toMatchObject({ ok: false, suggestion: '1' });
  });

  test('an alias with several candidates is refused with both named, no suggestion', () => {
    const r = normaliseEnumOf('未完成', vocabularyOf('inspections', 'status')!);
    expect(r).toEqual({
      ok: false,
      hint: { 'zh-CN': '“未完成”有多种可能，未自动换算：请写 planned / missed', en: "'未完成' could mean more than one value and is not read as any: write planned / missed" },
    });
  });

  test.each(['5', '五级', 'urgent', ''])('unknown %s refused with the allowed values', (input) => {
    expect(normaliseEnumOf(input, level)).toEqual({ ok: false, hint: { 'zh-CN': '可选值：1, 2, 3, 4', en: 'one of: 1, 2, 3, 4' } });
  });

  test('the inspection status labels the reports print are read', () => {
    const status = vocabularyOf('inspections', 'status')!;
    for (const [label, value] of [
      ['已完成', 'done'],
      ['未按计划进行', 'missed'],
      ['计划中', 'planned'],
      ['已取消', 'cancelled'],
    ] as const) {
      expect(normaliseEnumOf(label, status)).toMatchObject({ ok: true, value });
    }
  });

  test('an alias naming a value the field does not allow is ignored', () => {
    expect(normaliseEnum('甲', ['a', 'b'], { 甲: 'c' }).ok).toBe(false);
  });

  test('unknown kinds and fields, and inherited names, have no vocabulary', () => {
    expect(vocabularyOf('tickets', 'city')).toBeUndefined();
    expect(vocabularyOf('nothing', 'level')).toBeUndefined();
    expect(vocabularyOf('tickets', 'constructor')).toBeUndefined();
    expect(vocabularyOf('__proto__', 'level')).toBeUndefined();
  });

  test('every alias table names only allowed values', () => {
    for (const byField of Object.values(VALUE_ALIASES)) {
      for (const v of Object.values(byField)) {
        for (const target of Object.values(v.aliases)) {
          for (const t of typeof target === 'string' ? [target] : target) expect(v.allowed).toContain(t);
        }
      }
    }
  });
});

describe('normaliseNumber and normaliseInteger', () => {
  test.each([
    ['3', 3, false],
    ['-2', -2, false],
    ['+1.5', 1.5, true],
    ['2.5', 2.5, false],
    ['.5', 0.5, true],
    ['2.', 2, true],
    ['３', 3, true],
    ['１．５', 1.5, true],
    [' 3 ', 3, true],
  ])('number %s → %s', (input, value, changed) => {
    expect(normaliseNumber(input)).toMatchObject({ ok: true, value, changed });
  });
  test('thousands separators refused, with the plain number suggested', () => {
    expect(normaliseNumber('1,234')).toMatchObject({ ok: false, suggestion: 1234 });
  });
  test.each(['', 'abc', '3天', '1e3', '0x10', '3 5', 'NaN', 'Infinity'])('number %s refused', (input) => {
    expect(normaliseNumber(input).ok).toBe(false);
  });

  test.each([
    ['3', 3, false],
    ['-2', -2, false],
    ['+4', 4, true],
    ['３', 3, true],
    ['3.0', 3, true],
    ['10.00', 10, true],
  ])('integer %s → %s', (input, value, changed) => {
    expect(normaliseInteger(input)).toMatchObject({ ok: true, value, changed });
  });
  test.each(['3.5', '', 'three', '三', '1e3', '99999999999999999999'])('integer %s refused', (input) => {
    expect(normaliseInteger(input).ok).toBe(false);
  });
});

describe('foldWidth', () => {
  test('full-width ASCII, ideographic and no-break spaces; Chinese text untouched', () => {
    expect(foldWidth('２０２６／７／３\u3000０９：０５\u00a0东莞')).toEqual({ text: '2026/7/3 09:05 东莞', folded: ['２', '０', '６', '／', '７', '３', '\u3000', '９', '：', '５', '\u00a0'] });
  });
});
