/**
 * `due --format ics`: the open and overdue obligations as an iCalendar feed (RFC 5545) that
 * Outlook and phone calendars subscribe to. One VEVENT per due moment, at that moment (UTC);
 * its UID is made from the clause, the record and the subject, so a calendar that reads the feed
 * again updates the event instead of adding one; a display alarm at the same time of day one
 * working day before (the day before when the calendar does not know the year). DTSTAMP is the
 * as-of time, so the same records and --as-of give the same bytes. Lines end in CRLF and are
 * folded at 75 octets without splitting a character.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../calendar/time';
import { UnknownCalendarYearError, type WorkCalendar } from '../calendar/workdays';
import type { DueItem, DueList } from '../reports/due';
import { timeLeftText } from './due';
import { findingMessage } from './findings';
import type { RenderContext } from './formats';
import { catalogue, labels } from './i18n';
import { pointsText } from './parts';

/** TEXT values: backslash, semicolon, comma and line ends escaped (RFC 5545 3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** One content line folded at 75 octets, continuation lines starting with a space (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n');
}

/** `20261008T155959Z` */
function utc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export function uidOf(item: DueItem, policyId: string): string {
  const e = item.evaluation;
  const h = createHash('sha256').update(`${policyId}\u0000${e.clause}\u0000${e.record ?? ''}\u0000${e.subject}`).digest('hex').slice(0, 24);
  return `${e.clause}-${h}@svc-sla`;
}

/** The alarm: the same time of day, one working day before the due day. */
function alarmAt(due: number, clock: Clock, calendar: WorkCalendar | undefined): string {
  if (calendar) {
    try {
      const day = clock.localDate(due);
      const before = calendar.subtractWorkdays(day, 1);
      return `TRIGGER;VALUE=DATE-TIME:${utc(clock.startOfDay(before) + (due - clock.startOfDay(day)))}`;
    } catch (err) {
      if (!(err instanceof UnknownCalendarYearError)) throw err;
    }
  }
  return 'TRIGGER:-P1D';
}

export function dueIcs(list: DueList, ctx: RenderContext): string {
  const { header, policy, clock, lang, calendar } = ctx;
  const L = labels(lang);
  const I = catalogue(lang).ics;
  const titles = new Map(policy.clauses.map((c) => [c.id, c.title[lang]]));
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//svc-sla//due feed//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(I.calendarName(header.contract))}`,
    `X-WR-TIMEZONE:${escapeText(clock.zone)}`,
  ];
  const stamp = utc(Date.parse(header.asOf));
  for (const item of list.items) {
    const e = item.evaluation;
    const title = titles.get(e.clause) ?? e.clause;
    const subject = e.record !== null && e.subject !== e.record ? `${e.record} ${e.subject}` : e.subject;
    const summary = item.overdue ? I.overdueSummary(title, subject) : I.summary(title, subject);
    const description = [
      `${L.clause}: ${e.clause}`,
      `${L.record}: ${subject}`,
      `${L.due}: ${clock.format(item.due)}`,
      `${L.left}: ${timeLeftText(item, lang)}`,
      `${L.points}: ${pointsText(e.points)}`,
      findingMessage(e, policy, lang),
      ...(e.source ? [`${L.source}: ${e.source.file}:${e.source.line}`] : []),
    ]
      .filter((s) => s !== '')
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidOf(item, policy.id)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(item.due)}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${escapeText(e.category)}`,
      'TRANSP:TRANSPARENT',
      'STATUS:CONFIRMED',
    );
    if (!item.overdue) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(I.alarm(title, subject))}`, alarmAt(item.due, clock, calendar), 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
