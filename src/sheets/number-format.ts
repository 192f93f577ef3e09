/**
 * What a cell's number format says about its number: a date, a time of day, a duration, or a
 * plain number — and, for the simple formats, the text Excel shows. A workbook stores a date as
 * a bare serial number; only the format tells it from a count of days, so this decides whether
 * a ledger's 受理时间 column is read as times.
 */

/** The kinds of number format that matter to a reader. */
export type FormatKind =
  | 'general'
  | 'number' // 0, 0.00, #,##0, #,##0.00 …: fixed decimals, optional thousands separators
  | 'percent'
  | 'text' // @
  | 'date' // a calendar date, no time of day
  | 'datetime'
  | 'time' // a time of day only (h:mm)
  | 'elapsed' // [h]:mm — a duration, not a moment
  | 'other'; // currency, fractions, scientific, custom text …

export interface FormatInfo {
  readonly code: string;
  readonly kind: FormatKind;
  /** for `number` and `percent` */
  readonly decimals: number;
  readonly thousands: boolean;
}

/**
 * The built-in formats that a workbook refers to by id alone. 14 and 22 are shown in the
 * reader's locale (yyyy/m/d in zh-CN) but are dates everywhere; 27–36 and 50–58 are the East
 * Asian built-ins as zh-CN Excel defines them.
 */
const BUILTIN: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yyyy h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The code of a built-in format id; an unknown id reads as General (its numbers stay numbers). */
export function builtinFormatCode(id: number): string {
  return BUILTIN[id] ?? 'General';
}

/** The first section of a format (the one for positive numbers), split on ';' outside quotes. */
function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && !quoted) i++;
    else if (c === ';' && !quoted) return code.slice(0, i);
  }
  return code;
}

/**
 * The format with its literal text removed: quoted strings, backslash escapes, `_x` spacing and
 * `*x` fills, and bracketed colours, conditions and locales (`[Red]`, `[>=100]`, `[$-804]`,
 * `[DBNum1]`). Elapsed-time brackets (`[h]`, `[mm]`, `[ss]`) are kept as `[h]` markers.
 */
function tokensOf(section: string): string {
  let out = '';
  for (let i = 0; i < section.length; i++) {
    const c = section[i]!;
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      i = end === -1 ? section.length : end;
    } else if (c === '\\' || c === '_' || c === '*') {
      i++;
    } else if (c === '[') {
      const end = section.indexOf(']', i + 1);
      const inner = (end === -1 ? section.slice(i + 1) : section.slice(i + 1, end)).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner)) out += '[h]';
      i = end === -1 ? section.length : end;
    } else {
      out += c;
    }
  }
  return out;
}

const cache = new Map<string, FormatInfo>();

/** Classifies a format code (cached: a workbook has a handful of formats and many cells). */
export function classifyFormat(code: string): FormatInfo {
  let info = cache.get(code);
  if (info === undefined) {
    info = classify(code);
    if (cache.size < 1000) cache.set(code, info);
  }
  return info;
}

function classify(code: string): FormatInfo {
  const plain = { code, decimals: 0, thousands: false };
  const section = firstSection(code);
  if (/^\s*general\s*$/i.test(section)) return { ...plain, kind: 'general' };
  const t = tokensOf(section);
  if (t.includes('@') && !/[0#?]/.test(t)) return { ...plain, kind: 'text' };
  const lower = t.toLowerCase();
  const elapsed = lower.includes('[h]');
  // AM/PM markers hold 'm' and 'p' that are not minutes; 上午/下午 is the Chinese marker
  const ampm = /am\/pm|a\/p/.test(lower) || t.includes('上午/下午');
  const rest = lower.replace(/am\/pm|a\/p/g, '').replace(/\[h\]/g, '');
  // 'e' is an era year in some locales but also the exponent of 0.00E+00: not used to tell dates
  const hasDate = /[yd]/.test(rest);
  const hasTime = ampm || /[hs]/.test(rest) || elapsed;
  const hasM = rest.includes('m');
  if (elapsed) return { ...plain, kind: 'elapsed' };
  if (hasDate || hasTime || hasM) {
    if (hasTime) return { ...plain, kind: hasDate ? 'datetime' : 'time' };
    // with no hour or second around it, 'm' is a month (mmm-yy, yyyy"年"m"月")
    return { ...plain, kind: 'date' };
  }
  const num = /^\s*([#0,]*)(?:\.([0#]*))?\s*(%?)\s*$/.exec(t);
  if (num && /0|#/.test(num[1]! + (num[2] ?? ''))) {
    return { code, kind: num[3] ? 'percent' : 'number', decimals: (num[2] ?? '').length, thousands: num[1]!.includes(',') };
  }
  return { ...plain, kind: 'other' };
}

/**
 * The text Excel shows for a number under a simple format (General, 0, 0.00, #,##0, 0%, @);
 * for any other format, the General text. General gives the value with up to 15 significant
 * digits — what was typed — not Excel's rounding to the column's width, and integers below
 * 10^15 in full (a ticket number is never shown as 1.23E+13).
 */
export function displayNumber(value: number, info: FormatInfo): string {
  if (!Number.isFinite(value)) return String(value);
  if (info.kind === 'number') return fixed(value, info.decimals, 0, info.thousands);
  if (info.kind === 'percent') return `${fixed(value, info.decimals, 2, info.thousands)}%`;
  return general(value);
}

function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(15)));
}

/**
 * Rounds half away from zero on the decimal digits (as Excel does), not on the binary value:
 * 1.005 with two decimals is 1.01, where toFixed gives 1.00. `shift` multiplies by 10^shift
 * first (percent) without a binary multiplication.
 */
function fixed(value: number, decimals: number, shift: number, thousands: boolean): string {
  const neg = value < 0;
  const [mant, expPart] = Math.abs(value).toExponential(14).split('e') as [string, string];
  const digits = mant.replace('.', ''); // 15 significant digits
  const exp = Number(expPart) + shift; // value = d.dddd × 10^exp
  // integer digits = digits[0 .. exp]; pad so the rounding position exists
  const pointAt = exp + 1;
  let all = digits;
  let point = pointAt;
  if (point < 1) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  }
  const keep = point + decimals;
  if (all.length < keep + 1) all = all.padEnd(keep + 1, '0');
  let kept = all.slice(0, keep);
  if (all.charCodeAt(keep) >= 0x35 /* '5' */) kept = incrementDigits(kept);
  if (kept.length > keep) point += 1; // 99.5 → 100
  let intPart = kept.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = kept.slice(point);
  if (thousands) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = decimals > 0 ? `${intPart}.${frac}` : intPart;
  return neg && /[1-9]/.test(body) ? `-${body}` : body;
}

function incrementDigits(s: string): string {
  const a = s.split('');
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] === '9') a[i] = '0';
    else {
      a[i] = String(Number(a[i]) + 1);
      return a.join('');
    }
  }
  return `1${a.join('')}`;
}
