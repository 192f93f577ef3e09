/** Every label a report prints, in zh-CN and en. `--lang` or the config's `locale` chooses. */
import type { Lang } from '../policy/types';

const zh = {
  clause: '条款',
  title: '考核内容',
  category: '类别',
  record: '记录',
  subject: '对象',
  due: '应完成时间',
  actual: '实际时间',
  points: '分值',
  note: '说明',
  source: '出处',
  quarter: '季度',
  asOf: '统计截至',
  period: '统计期间',
  allTime: '全部',
  policy: '考核办法',
  contract: '合同',
  findings: '考核项',
  noFindings: '本期间无考核项。',
  total: '合计',
  deductions: '扣分',
  bonus: '加分',
  lateBy: (d: string) => `超时 ${d}`,
  earlyBy: (d: string) => `早于批准窗口 ${d} 开始`,
  missed: '截至统计时间未完成',
  limit: '时限',
  region: '区域',
  agreed: (field: string) => `约定时间（${field}）`,
  window: (field: string) => `批准窗口（截至 ${field}）`,
  quota: (amount: number, quota: number) => `完成 ${amount}/${quota}`,
  count: (n: number) => `${n} 项`,
  notInPeriod: (subject: string) => `${subject} 未完成`,
  hours: '小时',
  days: '天',
  minutes: '分钟',
  workdays: '个工作日',
  operator: '运营商义务，不扣厂家分',
  shownOnly: '仅展示，不计分',
  provisional: '故障级别未确认',
  summaryLine: (n: number, ded: number, bonus: number) => `共 ${n} 项，扣 ${ded} 分，加 ${bonus} 分`,
};

type Catalogue = typeof zh;

const en: Catalogue = {
  clause: 'Clause',
  title: 'Obligation',
  category: 'Category',
  record: 'Record',
  subject: 'Subject',
  due: 'Due',
  actual: 'Actual',
  points: 'Points',
  note: 'Note',
  source: 'Source',
  quarter: 'Quarter',
  asOf: 'As of',
  period: 'Period',
  allTime: 'all',
  policy: 'Policy',
  contract: 'Contract',
  findings: 'Findings',
  noFindings: 'No findings in this period.',
  total: 'Total',
  deductions: 'Deductions',
  bonus: 'Bonus',
  lateBy: (d: string) => `late by ${d}`,
  earlyBy: (d: string) => `started ${d} before the approved window`,
  missed: 'not done by the as-of time',
  limit: 'limit',
  region: 'region',
  agreed: (field: string) => `agreed date (${field})`,
  window: (field: string) => `approved window (until ${field})`,
  quota: (amount: number, quota: number) => `${amount} of ${quota} done`,
  count: (n: number) => `${n} items`,
  notInPeriod: (subject: string) => `${subject} not done`,
  hours: 'h',
  days: 'd',
  minutes: 'min',
  workdays: 'wd',
  operator: "operator's obligation, costs the vendor nothing",
  shownOnly: 'shown only, no points',
  provisional: 'level not confirmed',
  summaryLine: (n: number, ded: number, bonus: number) => `${n} findings, ${ded} points deducted, ${bonus} bonus`,
};

const catalogues: Record<Lang, Catalogue> = { 'zh-CN': zh, en };

export function labels(lang: Lang): Catalogue {
  return catalogues[lang];
}

/** `1 d 2 h 30 min` / `1天2小时30分钟`, rounded to the minute. */
export function humanDuration(ms: number, lang: Lang): string {
  const L = labels(lang);
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
