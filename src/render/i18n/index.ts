/**
 * The one catalogue of words per language (zh-CN.ts, en.ts): every label, heading and message
 * of the reports, `policy show` and `calendar`. Chosen by `--lang`, else the folder's `locale`.
 */
import type { Lang } from '../../core/lang';
import type { Duration } from '../../core/policy';
import { en } from './en';
import { zhCN, type Catalogue } from './zh-CN';

export type { Catalogue } from './zh-CN';

const catalogues: Record<Lang, Catalogue> = { 'zh-CN': zhCN, en };

export function catalogue(lang: Lang): Catalogue {
  return catalogues[lang];
}

/** The report words (breaches, report, summary, due). */
export function labels(lang: Lang): Catalogue['report'] {
  return catalogues[lang].report;
}

/** `3 h`, `5 d`, `7 wd` (`3 小时`, `5 天`, `7 个工作日`). */
export function formatDuration(d: Duration, lang: Lang): string {
  return catalogues[lang].policy.unit[d.unit](String(d.amount));
}

/** `1 d 2 h 30 min` / `1天2小时30分钟`, rounded to the minute. */
export function humanDuration(ms: number, lang: Lang): string {
  const L = labels(lang);
  // a few seconds are not "0 min": the finding is real, only shorter than the unit shown
  if (ms !== 0 && Math.abs(ms) < 60000) return L.underAMinute;
  let minutes = Math.round(Math.abs(ms) / 60000);
  const d = Math.floor(minutes / 1440);
  minutes -= d * 1440;
  const h = Math.floor(minutes / 60);
  const m = minutes - h * 60;
  const parts: string[] = [];
  const sep = lang === 'en' ? ' ' : '';
  if (d) parts.push(`${d}${sep}${L.days}`);
  if (h) parts.push(`${h}${sep}${L.hours}`);
  if (m || parts.length === 0) parts.push(`${m}${sep}${L.minutes}`);
  return parts.join(lang === 'en' ? ' ' : '');
}
