/** The working-day calendar as people check it: a month grid, or a year's holidays and make-up days. */
import type { DayInfo, MonthDescription, YearDescription } from '../calendar/workdays';
import type { Lang } from '../core/lang';
import { plain, type Paint } from './style';
import { catalogue } from './i18n';
import { renderTerminalTable } from './table';


function dayName(d: DayInfo, lang: Lang): string {
  if (!d.name) return '';
  return lang === 'en' ? d.name.en : d.name.zh;
}

export function renderMonth(m: MonthDescription, lang: Lang, paint: Paint = plain): string {
  const w = catalogue(lang).calendar;
  const lines: string[] = [`${m.year}-${String(m.month).padStart(2, '0')}`, w.weekdays.map((x) => x.padStart(3)).join(' ')];
  // Monday-first grid
  let cells: string[] = Array(m.days[0]!.weekday - 1).fill('   ');
  for (const d of m.days) {
    const day = String(Number(d.date.slice(8)));
    let cell: string;
    if (d.kind === 'holiday') cell = paint.red(`${w.holidayWord}${day}`.padStart(3));
    else if (d.kind === 'makeup') cell = paint.yellow(`${w.makeupWord}${day}`.padStart(3));
    else if (d.kind === 'weekend') cell = paint.dim(`·${day}`.padStart(3));
    else cell = day.padStart(3);
    cells.push(cell);
    if (cells.length === 7) {
      lines.push(cells.join(' '));
      cells = [];
    }
  }
  if (cells.length > 0) lines.push(cells.join(' '));
  lines.push('', w.legend);
  const c = m.counts;
  lines.push(`${w.workdays}: ${c.workdays}  ${w.holidays}: ${c.holidays}  ${w.makeup}: ${c.makeup}  ${w.weekends}: ${c.weekends}`);
  const special = m.days.filter((d) => d.kind === 'holiday' || d.kind === 'makeup');
  for (const d of special) lines.push(`  ${d.date}  ${d.kind === 'holiday' ? w.holidayOne : w.makeupOne}  ${dayName(d, lang)}`.trimEnd());
  return `${lines.join('\n')}\n`;
}

export function renderYear(y: YearDescription, lang: Lang, colour: boolean): string {
  const w = catalogue(lang).calendar;
  const table = renderTerminalTable(
    {
      columns: [{ label: w.month }, { label: w.workdays, align: 'right' }, { label: w.holidays, align: 'right' }, { label: w.makeup, align: 'right' }, { label: w.weekends, align: 'right' }],
      rows: [
        ...y.months.map((m) => [`${m.year}-${String(m.month).padStart(2, '0')}`, String(m.counts.workdays), String(m.counts.holidays), String(m.counts.makeup), String(m.counts.weekends)]),
        [String(y.year), String(y.counts.workdays), String(y.counts.holidays), String(y.counts.makeup), String(y.counts.weekends)],
      ],
    },
    colour,
  );
  const lines = [`${y.year}: ${w.source(y.builtIn, y.overridden)}`, table.trimEnd(), '', `${w.special}:`];
  for (const d of y.specialDays) lines.push(`  ${d.date}  ${d.kind === 'holiday' ? w.holidayOne : w.makeupOne}  ${dayName(d, lang)}`.trimEnd());
  return `${lines.join('\n')}\n`;
}
