/**
 * `due --format ics` read back by a real iCalendar parser (ical.js, the parser of Thunderbird's
 * calendar): one event per obligation of `due --format json`, stable and unique UIDs, CRLF line
 * ends and lines folded at 75 octets, DTSTAMP from --as-of (the same bytes on every run), and
 * an alarm one working day before the due moment — across National Day, the working day before.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, SAMPLES, tempFolder } from './run';

// ical.js ships CommonJS under its `require` condition
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as {
  parse(text: string): unknown;
  Component: new (jcal: unknown) => IcalComponent;
};
interface IcalComponent {
  name: string;
  getAllSubcomponents(name?: string): IcalComponent[];
  getFirstSubcomponent(name: string): IcalComponent | null;
  getFirstPropertyValue(name: string): unknown;
  getFirstProperty(name: string): { getFirstValue(): unknown; type: string } | null;
}
interface IcalTime {
  toJSDate(): Date;
}

const AS_OF = '2026-11-25';
let sample: string;
beforeAll(() => {
  sample = tempFolder(path.join(SAMPLES, 'gd-transmission'));
});
afterAll(() => {
  fs.rmSync(sample, { recursive: true, force: true });
});

function ics(folder: string, args: string[]): string {
  const r = runCli(['due', folder, ...args, '--format', 'ics']);
  expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
  return r.stdout;
}

describe('due --format ics', () => {
  test('parses; one event per obligation, each with its due moment, clause title and record', () => {
    const text = ics(sample, ['--as-of', AS_OF, '--within', '40d', '--lang', 'en']);
    const json = JSON.parse(runCli(['due', sample, '--as-of', AS_OF, '--within', '40d', '--lang', 'en', '--format', 'json']).stdout) as {
      obligations: { clause: string; title: string; record: string | null; subject: string; due: string; overdue: boolean }[];
    };
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const events = cal.getAllSubcomponents('vevent');
    expect(events.length).toBe(json.obligations.length);
    expect(events.length).toBeGreaterThan(3);
    const uids = events.map((e) => String(e.getFirstPropertyValue('uid')));
    expect(new Set(uids).size).toBe(uids.length);
    events.forEach((e, i) => {
      const o = json.obligations[i]!;
      expect((e.getFirstPropertyValue('dtstart') as IcalTime).toJSDate().getTime()).toBe(Math.floor(Date.parse(o.due) / 1000) * 1000);
      const summary = String(e.getFirstPropertyValue('summary'));
      expect(summary).toContain(o.title);
      expect(summary).toContain(o.record ?? o.subject);
      expect(summary.startsWith(o.overdue ? 'Overdue: ' : 'Due: ')).toBe(true);
      expect(String(e.getFirstPropertyValue('description'))).toContain(o.clause);
      expect((e.getFirstPropertyValue('dtstamp') as IcalTime).toJSDate().toISOString()).toBe('2026-11-25T15:59:59.000Z');
      // an alarm for what is still ahead
      expect(e.getFirstSubcomponent('valarm') === null).toBe(o.overdue);
    });
  });

  test('RFC 5545 lines: CRLF only, at most 75 octets, folded without splitting a character', () => {
    const text = ics(sample, ['--as-of', AS_OF, '--within', '40d']);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(text).not.toContain('\uFFFD');
  });

  test('the same records and --as-of give the same feed, and the UIDs stay when the as-of time moves', () => {
    const a = ics(sample, ['--as-of', AS_OF, '--within', '40d']);
    expect(ics(sample, ['--as-of', AS_OF, '--within', '40d'])).toBe(a);
    const uid = (t: string) => new ICAL.Component(ICAL.parse(t)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid')));
    const later = uid(ics(sample, ['--as-of', '2026-11-26', '--within', '40d']));
    const shared = uid(a).filter((u) => later.includes(u));
    expect(shared.length).toBeGreaterThan(0);
  });

  test('the alarm is one working day before: a consultation due after National Day rings on 09-30', () => {
    const folder = tempFolder();
    try {
      fs.mkdirSync(path.join(folder, 'consultations'));
      fs.writeFileSync(path.join(folder, 'svc-sla.yaml'), 'policy: gd-transmission\ncontract_start: 2026-01-01\nlocale: zh-CN\n');
      fs.writeFileSync(path.join(folder, 'consultations', 'ZX-1.yaml'), 'id: ZX-1\nreceived_at: 2026-09-30 16:00\n');
      const text = ics(folder, ['--as-of', '2026-09-30 17:00', '--within', '10d']);
      // recurring obligations (the year's inspection plan) are in the feed too: the consultation's event
      const event = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').find((e) => String(e.getFirstPropertyValue('summary')).includes('ZX-1'));
      expect((event!.getFirstPropertyValue('dtstart') as IcalTime).toJSDate().toISOString()).toBe('2026-10-08T15:59:59.000Z');
      const trigger = event!.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger') as IcalTime;
      // the end of Wed 09-30 in Shanghai: the working day before Thu 10-08
      expect(trigger.toJSDate().toISOString()).toBe('2026-09-30T15:59:59.000Z');
      expect(String(event!.getFirstPropertyValue('summary'))).toBe('到期：技术咨询响应（ZX-1）');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
