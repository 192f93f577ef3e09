/**
 * One normaliser for the values people type — in YAML, CSV and .xlsx alike — applied before the
 * schema check, so `2026/7/3 9:05`, `是`, `一级` and `现场` mean what the coordinator meant, and
 * the loader can report "read as …" where the text changed. Pure functions, no I/O, no clock.
 *
 * Each returns `{ ok: true, value, changed }` (`changed`: the value differs from the text as
 * given; `note` says why when it is not obvious) or `{ ok: false, hint?, suggestion? }`: a
 * refused text, with a hint for the user and, only where the reading is certain enough to
 * offer but not to apply, a suggestion. Never a guess: a day-first date is refused with no
 * suggestion, because 3/7/2026 is 3 July in Beijing and 7 March elsewhere.
 *
 * Full-width characters (２０２６／７／３ ０９：０５, Chinese IME output) are read as their
 * half-width forms first; the result then says so in its note.
 */
import type { WallTime } from './date-serial';
import type { AliasTarget, EnumVocabulary } from './value-aliases';

/** A sentence for the user in both languages (to move into the catalogue). */
export interface Hint {
  readonly 'zh-CN': string;
  readonly en: string;
}

export type Normalised<T> =
  | { readonly ok: true; readonly value: T; readonly changed: boolean; readonly note?: Hint }
  | { readonly ok: false; readonly hint?: Hint; readonly suggestion?: T };

/** Every sentence of this module. */
export const VALUE_MESSAGES = {
  fullWidth: (pairs: string): Hint => ({ 'zh-CN': `全角字符已按半角读取：${pairs}`, en: `full-width characters read as half-width: ${pairs}` }),
  didYouMean: (s: string): Hint => ({ 'zh-CN': `是否应为 ${s}？`, en: `did you mean ${s}?` }),
  dayFirst: {
    'zh-CN': '年份须写在前面（如 YYYY-MM-DD HH:MM）；不猜测日、月的先后',
    en: 'write the year first (YYYY-MM-DD HH:MM); the order of day and month is never guessed',
  },
  shortYear: { 'zh-CN': '年份须写满四位（YYYY-MM-DD）', en: 'write the year in full, four digits (YYYY-MM-DD)' },
  yearRange: (y: string): Hint => ({ 'zh-CN': `年份 ${y} 不在 1900–2999 之间`, en: `the year ${y} is outside 1900–2999` }),
  noMonth: (m: number): Hint => ({ 'zh-CN': `没有 ${m} 月`, en: `there is no month ${m}` }),
  noDay: (y: number, m: number, days: number): Hint => ({
    'zh-CN': `${y} 年 ${m} 月只有 ${days} 天`,
    en: `${y}-${String(m).padStart(2, '0')} has ${days} days`,
  }),
  badTime: (t: string): Hint => ({ 'zh-CN': `时间 ${t} 不存在（时 0–23，分、秒 0–59）`, en: `the time ${t} does not exist (hours 0–23, minutes and seconds 0–59)` }),
  hour24: { 'zh-CN': '24:00 请写成次日 00:00', en: 'write 24:00 as 00:00 of the next day' },
  dateExpected: { 'zh-CN': '此处只填日期（YYYY-MM-DD），不带时间', en: 'a date is expected here (YYYY-MM-DD), without a time' },
  timestampForms: {
    'zh-CN': '请写成 2026-07-03 09:05、2026/7/3 9:05 或 2026年7月3日 9:05',
    en: 'write it as 2026-07-03 09:05, 2026/7/3 9:05 or 2026年7月3日 9:05',
  },
  dateForms: { 'zh-CN': '请写成 2026-07-03、2026/7/3 或 2026年7月3日', en: 'write it as 2026-07-03, 2026/7/3 or 2026年7月3日' },
  booleanForms: { 'zh-CN': '请写 是 或 否（也可写 yes/no、true/false、1/0）', en: 'write 是 or 否 (or yes/no, true/false, 1/0)' },
  ambiguous: (word: string, candidates: string): Hint => ({
    'zh-CN': `“${word}”有多种可能，未自动换算：请写 ${candidates}`,
    en: `'${word}' could mean more than one value and is not read as any: write ${candidates}`,
  }),
  enumForms: (allowed: string): Hint => ({ 'zh-CN': `可选值：${allowed}`, en: `one of: ${allowed}` }),
  thousands: { 'zh-CN': '数字中不要写千位分隔符', en: 'write the number without thousands separators' },
  notNumber: { 'zh-CN': '请写一个数字，如 3 或 2.5', en: 'write a number, such as 3 or 2.5' },
  notInteger: { 'zh-CN': '请写一个整数，如 3', en: 'write a whole number, such as 3' },
} as const;

// ---------------------------------------------------------------------------------------------
// Text folding

/**
 * Full-width ASCII (U+FF01–U+FF5E) → ASCII, the ideographic and no-break spaces → a space.
 * Returns the folded text and the distinct characters that were folded.
 */
export function foldWidth(s: string): { text: string; folded: string[] } {
  let out = '';
  const folded = new Set<string>();
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      folded.add(ch);
    } else if (c === 0x3000 || c === 0xa0) {
      out += ' ';
      folded.add(ch);
    } else {
      out += ch;
    }
  }
  return { text: out, folded: [...folded] };
}

interface Prepared {
  readonly text: string;
  readonly note?: Hint;
}

/** Folded, trimmed, inner runs of spaces made one. */
function prepare(input: string): Prepared {
  const { text, folded } = foldWidth(input);
  const clean = text.trim().replace(/\s+/g, ' ');
  if (folded.length === 0) return { text: clean };
  const pairs = folded
    .slice(0, 6)
    .map((ch) => `${ch === '\u3000' ? '全角空格' : ch === '\u00a0' ? 'NBSP' : ch}→${ch === '\u3000' || ch === '\u00a0' ? '␠' : foldWidth(ch).text}`)
    .join(' ');
  return { text: clean, note: VALUE_MESSAGES.fullWidth(pairs) };
}

function ok<T>(value: T, input: string, p: Prepared, changed?: boolean): Normalised<T> {
  const c = changed ?? String(value) !== input;
  return p.note !== undefined ? { ok: true, value, changed: c, note: p.note } : { ok: true, value, changed: c };
}

// ---------------------------------------------------------------------------------------------
// Dates and times

const pad2 = (n: number): string => String(n).padStart(2, '0');

function daysIn(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The canonical text of a wall time: `2026-07-03`, `2026-07-03 09:05`, `…09:05:30`, `…09:05:30.250`. */
export function canonicalWall(wall: WallTime, dateOnly: boolean): string {
  const date = `${String(wall.y).padStart(4, '0')}-${pad2(wall.m)}-${pad2(wall.d)}`;
  if (dateOnly) return date;
  return `${date} ${canonicalTime(wall.h, wall.mi, wall.s, wall.ms)}`;
}

function canonicalTime(h: number, mi: number, s: number, ms: number): string {
  const base = `${pad2(h)}:${pad2(mi)}`;
  if (ms !== 0) return `${base}:${pad2(s)}.${String(ms).padStart(3, '0')}`;
  return s !== 0 ? `${base}:${pad2(s)}` : base;
}

/** Date fields checked; a failure says which part is wrong. */
function checkDate(ys: string, m: number, d: number): Hint | null {
  const y = Number(ys);
  if (y < 1900 || y > 2999) return VALUE_MESSAGES.yearRange(ys);
  if (m < 1 || m > 12) return VALUE_MESSAGES.noMonth(m);
  const days = daysIn(y, m);
  if (d < 1 || d > days) return VALUE_MESSAGES.noDay(y, m, days);
  return null;
}

function checkTime(h: number, mi: number, s: number): Hint | null {
  if (h === 24 && mi === 0 && s === 0) return VALUE_MESSAGES.hour24;
  if (h > 23 || mi > 59 || s > 59) return VALUE_MESSAGES.badTime(`${h}:${pad2(mi)}${s ? `:${pad2(s)}` : ''}`);
  return null;
}

// The schema's own form (src/calendar/time.ts): passed through as written once checked.
const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
// Year first, one separator used twice: 2026/7/3, 2026-7-3, 2026.7.3
const DATE_SEP = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T](.+))?$/;
// 2026年7月3日, the time may follow with or without a space
const DATE_CN = /^(\d{4})年(\d{1,2})月(\d{1,2})日(.*)$/;
const TIME_COLON = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
// 9时5分, 9时5分30秒, 9点5分, 9时 and 9点 alone (the hour)
const TIME_CN = /^(\d{1,2})[时点](?:(\d{1,2})分(?:(\d{1,2})秒)?)?$/;

interface Parsed {
  readonly y: string;
  readonly m: number;
  readonly d: number;
  readonly time: { h: number; mi: number; s: number; ms: number } | null;
}

type Attempt = { parsed: Parsed } | { hint: Hint; suggestion?: string } | null;

function parseTime(t: string): { h: number; mi: number; s: number; ms: number } | null {
  const c = TIME_COLON.exec(t);
  if (c) return { h: +c[1]!, mi: +c[2]!, s: c[3] === undefined ? 0 : +c[3], ms: c[4] === undefined ? 0 : +c[4].padEnd(3, '0') };
  const n = TIME_CN.exec(t);
  if (n) return { h: +n[1]!, mi: n[2] === undefined ? 0 : +n[2], s: n[3] === undefined ? 0 : +n[3], ms: 0 };
  return null;
}

/** The accepted people-typed forms. null: not one of them (the caller looks for a hint). */
function parseTyped(text: string): Attempt {
  // spaces around 年月日时点分秒 carry no meaning: 2026 年 7 月 3 日 9 时
  const t = text.replace(/ ?([年月日时点分秒]) ?/g, '$1');
  let y: string, m: number, d: number, rest: string | undefined;
  const a = DATE_SEP.exec(t);
  const b = a === null ? DATE_CN.exec(t) : null;
  if (a) [y, m, d, rest] = [a[1]!, +a[3]!, +a[4]!, a[5]];
  else if (b) [y, m, d, rest] = [b[1]!, +b[2]!, +b[3]!, b[4] === '' ? undefined : b[4]!.trim()];
  else return null;
  const bad = checkDate(y, m, d);
  if (bad) return { hint: bad };
  if (rest === undefined) return { parsed: { y, m, d, time: null } };
  const time = parseTime(rest);
  if (time === null) return null;
  const badTime = checkTime(time.h, time.mi, time.s);
  if (badTime) return { hint: badTime };
  return { parsed: { y, m, d, time } };
}

function textOf(p: Parsed): string {
  const date = `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;
  return p.time === null ? date : `${date} ${canonicalTime(p.time.h, p.time.mi, p.time.s, p.time.ms)}`;
}

/**
 * For a text no accepted form matched: a hint, and a suggestion only when the reading is
 * year-first and certain (AM/PM, a one-digit minute, mixed separators, 20260703).
 */
function explainRefusal(text: string, wantDate: boolean): { hint?: Hint; suggestion?: string } {
  const forms = wantDate ? VALUE_MESSAGES.dateForms : VALUE_MESSAGES.timestampForms;
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/.test(text)) return { hint: VALUE_MESSAGES.dayFirst };
  if (/^\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\D|$)/.test(text)) return { hint: VALUE_MESSAGES.shortYear };
  const year = /^(\d{1,3}|\d{5,})[-/.年]\d{1,2}[-/.月]\d{1,2}/.exec(text);
  if (year) return { hint: VALUE_MESSAGES.yearRange(year[1]!) };
  // a lenient reading: any of - / . between the date parts, AM/PM, minutes of one digit
  const loose = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]?\s*(上午|下午|AM|PM|am|pm)?\s*(\d{1,2})\s*[:时点]\s*(\d{1,2})\s*分?(?:\s*[:分]?\s*(\d{1,2})\s*秒?)?\s*(AM|PM|am|pm)?)?$/.exec(text);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  let suggestion: string | undefined;
  if (loose) {
    const [, y, m, d, pre, hs, mis, ss, post] = loose;
    if (checkDate(y!, +m!, +d!) === null) {
      if (hs === undefined) suggestion = `${y}-${pad2(+m!)}-${pad2(+d!)}`;
      else {
        let h = +hs;
        const marker = (pre ?? post ?? '').toLowerCase();
        if ((marker === '下午' || marker === 'pm') && h >= 1 && h <= 11) h += 12;
        if ((marker === '上午' || marker === 'am') && h === 12) h = 0;
        const s = ss === undefined ? 0 : +ss;
        if (checkTime(h, +mis!, s) === null && !(marker !== '' && +hs > 12)) {
          suggestion = `${y}-${pad2(+m!)}-${pad2(+d!)} ${canonicalTime(h, +mis!, s, 0)}`;
        }
      }
    }
  } else if (compact && checkDate(compact[1]!, +compact[2]!, +compact[3]!) === null) {
    suggestion = `${compact[1]}-${compact[2]}-${compact[3]}`;
  }
  if (suggestion !== undefined && wantDate && suggestion.includes(' ')) return { hint: VALUE_MESSAGES.dateExpected, suggestion: suggestion.slice(0, 10) };
  if (suggestion !== undefined) return { hint: VALUE_MESSAGES.didYouMean(suggestion), suggestion };
  return { hint: forms };
}

/**
 * A timestamp or a date as people type them, to the canonical text the schema reads:
 * `2026-07-03 09:05` (seconds only when not :00), or `2026-07-03` for a date alone (a date is
 * allowed wherever a timestamp is, RECORDS.md "Values"; the loader's time zone applies later).
 *
 * Accepted, year first only, year 1900–2999:
 * - the schema's forms, passed through unchanged: `2026-07-03`, `2026-07-03 09:05[:00]`,
 *   `2026-07-03T09:05[:00[.000]]`, with `Z` or an offset `+08:00`;
 * - `2026/7/3`, `2026-7-3`, `2026.7.3` (the same separator twice), with or without leading
 *   zeros, optionally followed by a space (or `T`) and `9:05`, `09:05`, `9:05:30` or `9:05:30.5`;
 * - `2026年7月3日`, optionally followed (with or without a space) by `9:05`, `9时5分`,
 *   `9时5分30秒`, `9点5分`, or `9时`/`9点` (the hour);
 * - any of these in full-width characters (`２０２６／７／３ ０９：０５`).
 * Refused: day-first or month-first orders (`3/7/2026`, no suggestion), two-digit years, years
 * outside 1900–2999, impossible dates (2026/2/30) and times (24:00, 9:60), AM/PM times and
 * other near misses (refused with the canonical text as a suggestion).
 */
export function normaliseTimestamp(input: string): Normalised<string> {
  return normaliseWhen(input, false);
}

/**
 * A date alone (`2026-07-03`), from the date forms `normaliseTimestamp` accepts; a text with a
 * time of day is refused (suggesting its date), since a date field holds no time.
 */
export function normaliseDate(input: string): Normalised<string> {
  return normaliseWhen(input, true);
}

function normaliseWhen(input: string, wantDate: boolean): Normalised<string> {
  const p = prepare(input);
  const text = p.text;
  // no form is longer; a long cell is text, and the lenient patterns below never see it
  if (text.length > 40) return { ok: false, hint: wantDate ? VALUE_MESSAGES.dateForms : VALUE_MESSAGES.timestampForms };
  const c = CANONICAL.exec(text);
  if (c) {
    const bad = checkDate(c[1]!, +c[2]!, +c[3]!) ?? (c[4] === undefined ? null : checkTime(+c[5]!, +c[6]!, c[7] === undefined ? 0 : +c[7]));
    if (bad) return { ok: false, hint: bad };
    if (wantDate && c[4] !== undefined) return { ok: false, hint: VALUE_MESSAGES.dateExpected, suggestion: text.slice(0, 10) };
    return ok(text, input, p);
  }
  const attempt = parseTyped(text);
  if (attempt !== null && 'hint' in attempt) return { ok: false, hint: attempt.hint };
  if (attempt !== null) {
    const value = textOf(attempt.parsed);
    if (wantDate && attempt.parsed.time !== null) return { ok: false, hint: VALUE_MESSAGES.dateExpected, suggestion: value.slice(0, 10) };
    return ok(value, input, p);
  }
  const why = explainRefusal(text, wantDate);
  return why.suggestion !== undefined ? { ok: false, hint: why.hint, suggestion: why.suggestion } : why.hint !== undefined ? { ok: false, hint: why.hint } : { ok: false };
}

// ---------------------------------------------------------------------------------------------
// Booleans

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '有', '√', '✓', '✔']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '无', '無', '×', '✗', '✘']);

/** Every word read as a boolean (ASCII ones in any case), for the editor's copy of the schemas. */
export function booleanWords(): readonly string[] {
  return [...TRUE_WORDS, ...FALSE_WORDS];
}

/**
 * Yes/no as people write it (case-insensitive, full-width folded):
 * true: `true yes y 1 是 有 √ ✓ ✔`; false: `false no n 0 否 无 無 × ✗ ✘`.
 * 有/无 (present/absent) are accepted: in a boolean column (客户签字: 有) they can only mean yes
 * and no. Refused: anything else, including `x` (a cross marks "checked" as often as "no"),
 * 对/错 and 不是. `changed` is false only for `true` and `false` as written.
 */
export function normaliseBoolean(input: string): Normalised<boolean> {
  const p = prepare(input);
  const w = p.text.toLowerCase();
  if (TRUE_WORDS.has(w)) return ok(true, input, p);
  if (FALSE_WORDS.has(w)) return ok(false, input, p);
  return { ok: false, hint: VALUE_MESSAGES.booleanForms };
}

// ---------------------------------------------------------------------------------------------
// Enums

/**
 * An enum value given as the value itself (any case), or as one of its labels. `aliases` maps
 * a label to a value, or to a list of candidates: a list is never applied, it becomes the
 * refusal's suggestion (one candidate) or hint (several). Labels are matched after folding and
 * trimming, Latin letters in any case. See value-aliases.ts for the tables and their choices.
 */
export function normaliseEnum(value: string, allowed: readonly string[], aliases: Readonly<Record<string, AliasTarget>>): Normalised<string> {
  const p = prepare(value);
  const text = p.text;
  if (allowed.includes(text)) return ok(text, value, p);
  const lower = text.toLowerCase();
  const byCase = allowed.find((a) => a.toLowerCase() === lower);
  if (byCase !== undefined) return ok(byCase, value, p);
  let target: AliasTarget | undefined = Object.prototype.hasOwnProperty.call(aliases, text) ? aliases[text] : undefined;
  if (target === undefined) {
    const key = Object.keys(aliases).find((k) => k.toLowerCase() === lower);
    if (key !== undefined) target = aliases[key];
  }
  if (typeof target === 'string' && allowed.includes(target)) return ok(target, value, p, true);
  if (Array.isArray(target)) {
    const candidates = (target as readonly string[]).filter((t) => allowed.includes(t));
    if (candidates.length === 1) return { ok: false, hint: VALUE_MESSAGES.didYouMean(candidates[0]!), suggestion: candidates[0]! };
    if (candidates.length > 1) return { ok: false, hint: VALUE_MESSAGES.ambiguous(text, candidates.join(' / ')) };
  }
  return { ok: false, hint: VALUE_MESSAGES.enumForms(allowed.join(', ')) };
}

/** `normaliseEnum` with a vocabulary from value-aliases.ts. */
export function normaliseEnumOf(value: string, vocabulary: EnumVocabulary): Normalised<string> {
  return normaliseEnum(value, vocabulary.allowed, vocabulary.aliases);
}

// ---------------------------------------------------------------------------------------------
// Numbers

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number written as text: `3`, `-2`, `+1.5`, `.5`, `2.`, full-width `３`. Refused: thousands
 * separators (`1,234`: a hint, and the plain number as suggestion), exponents, units, empty.
 */
export function normaliseNumber(input: string): Normalised<number> {
  const p = prepare(input);
  const t = p.text;
  if (DECIMAL.test(t)) {
    const n = Number(t);
    if (Number.isFinite(n)) return ok(n, input, p);
  }
  if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) return { ok: false, hint: VALUE_MESSAGES.thousands, suggestion: Number(t.replace(/,/g, '')) };
  return { ok: false, hint: VALUE_MESSAGES.notNumber };
}

/**
 * A whole number written as text: `3`, `-2`, `+4`, `３`, and `3.0` (Excel's export of a whole
 * number); `3.5` is refused. Within ±2^53, so the value is exact.
 */
export function normaliseInteger(input: string): Normalised<number> {
  const p = prepare(input);
  const t = p.text;
  const m = /^([+-]?\d+)(?:\.0*)?$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    if (Number.isSafeInteger(n)) return ok(n, input, p);
  }
  return { ok: false, hint: VALUE_MESSAGES.notInteger };
}
