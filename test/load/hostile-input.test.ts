/**
 * Hostile and careless input, as the reader sees it (#12): files that are not what they seem,
 * bytes that are not UTF-8, settings with a field too many, sizes and depths past any record.
 */
import * as path from 'node:path';
import { checkFolder } from '../../src/checks';
import { memoryFiles } from '../../src/source/fs';
import { evaluate } from '../../src/rules/engine';
import { TEST_NOW_MS } from '../now';

const ROOT = path.join(path.sep, 'records');

function open(files: Record<string, string | Uint8Array>, config = 'policy: gd-transmission\n') {
  const ws = checkFolder(ROOT, { files: memoryFiles(ROOT, { 'svc-sla.yaml': config, ...files }), now: TEST_NOW_MS });
  return {
    ws,
    problems: ws.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity === 'warning' ? 'warning ' : ''}${p.rule}: ${p.message}`),
  };
}

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('YAML is UTF-8 (GB18030 is told apart for CSV only)', () => {
  // 广州 in GB18030: 0xB9 0xE3 0xD6 0xDD; a file otherwise valid, as an editor saving "ANSI" leaves it
  const gb = Buffer.from([0xb9, 0xe3, 0xd6, 0xdd]);
  const ticket = (city: Buffer): Buffer =>
    Buffer.concat([utf8('id: T-1\nlevel: 3\ncategory: nms\ncity: '), city, utf8('\naccepted_at: 2026-07-03 09:05\n')]);

  test('a YAML record file with a GB18030 city is an encoding error at its line and column, not mojibake', () => {
    const r = open({ 'tickets/t.yaml': ticket(gb) });
    expect(r.problems).toEqual([expect.stringMatching(/^tickets\/t\.yaml:4:7 encoding: the byte 0xB9 is not UTF-8/)]);
    expect(r.ws.records).toEqual([]);
  });

  test('the column counts characters: a broken byte after Chinese text on its line', () => {
    const r = open({ 'tickets/t.yaml': Buffer.concat([utf8('id: T-1\nsummary: 广州'), Buffer.from([0xff]), utf8('\n')]) });
    expect(r.problems).toEqual([expect.stringMatching(/^tickets\/t\.yaml:2:12 encoding: the byte 0xFF is not UTF-8/)]);
  });

  test('a UTF-8 BOM is allowed in YAML', () => {
    const r = open({ 'tickets/t.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ticket(utf8('广州'))]) });
    expect(r.problems).toEqual([]);
    expect(r.ws.records.map((x) => x.data.city)).toEqual(['广州']);
  });

  test('svc-sla.yaml and calendar files are UTF-8 too', () => {
    const r = open({
      'svc-sla.yaml': Buffer.concat([utf8('policy: gd-transmission\ncontract: '), gb, utf8('\n')]),
      'calendars/2027.yaml': Buffer.concat([utf8('year: 2027\n# '), gb, utf8('\nholidays: [2027-01-01]\n')]),
    });
    expect(r.problems).toEqual([
      expect.stringMatching(/^calendars\/2027\.yaml:2:3 encoding: the byte 0xB9 is not UTF-8/),
      expect.stringMatching(/^svc-sla\.yaml:2:11 encoding: the byte 0xB9 is not UTF-8/),
    ]);
  });

  test('the same GB18030 bytes in a CSV file are read as GB18030', () => {
    const csv = Buffer.concat([utf8('id,level,category,city,accepted_at\nT-1,3,nms,'), gb, utf8(',2026-07-03 09:05\n')]);
    const r = open({ 'tickets/t.csv': csv });
    expect(r.problems).toEqual([]);
    expect(r.ws.records.map((x) => x.data.city)).toEqual(['广州']);
  });
});

describe('a calendar file with an unknown field', () => {
  // 2027 is not built in: Sat 2027-01-09 made a working day; a consultation received Fri 01-08 is due that Saturday
  const records = { 'consultations/c.yaml': 'id: C-1\nreceived_at: 2027-01-08 10:00\nresponded_at: 2027-01-11 09:00\n' };
  const calendar = 'year: 2027\nholidays: [2027-01-01]\nworkdays: [2027-01-09]\n';
  const finding = (cal: string) => {
    const ws = checkFolder(ROOT, {
      files: memoryFiles(ROOT, { 'svc-sla.yaml': 'policy: gd-transmission\n', 'calendars/2027.yaml': cal, ...records }),
      now: Date.parse('2027-03-01T00:00:00+08:00'),
    });
    const result = evaluate({ records: ws.records, policy: ws.policy!, clock: ws.clock, calendar: ws.calendar, asOf: Date.parse('2027-03-01T00:00:00+08:00'), contractStart: '2026-01-01' });
    const hits = result.evaluations.filter((e) => e.clause === 'consult.response').map((e) => [e.record, e.points, e.status]);
    return { hits, problems: ws.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`) };
  };

  test('is a warning, and its make-up working day still applies: the finding is the one without the field', () => {
    const plain = finding(calendar);
    expect(plain.problems).toEqual([]);
    expect(plain.hits).toEqual([['C-1', -1, expect.anything()]]);
    const withSource = finding(`${calendar}source: 国办发明电〔2026〕7号\n`);
    expect(withSource.problems).toEqual(['calendars/2027.yaml:4:1 warning unknown-field']);
    expect(withSource.hits).toEqual(plain.hits);
  });

  test('an error in it still keeps the whole file out (its days cannot be trusted)', () => {
    const bad = finding('year: 2027\nholidays: [2027-01-01]\nworkdays: [2027-01-09, someday]\n');
    expect(bad.problems).toContain('calendars/2027.yaml:3:24 error calendar');
  });
});

describe('size caps, before a byte is parsed', () => {
  const pad = (n: number): string => `# ${'x'.repeat(n)}\n`;

  test('a YAML record file over 2 MB is refused (file-too-large), a CSV file of that size is read', () => {
    const big = `${pad(2 * 1024 * 1024)}id: T-1\n`;
    const r = open({
      'tickets/big.yaml': big,
      'tickets/big.csv': `id,level,category,accepted_at,summary\nT-2,3,nms,2026-07-03 09:05,${'y'.repeat(2 * 1024 * 1024)}\n`,
    });
    expect(r.problems).toEqual(['tickets/big.yaml:1:1 file-too-large: the file is 2.0 MB; YAML record files over 2 MB are not read (split it by month or quarter, or keep long lists as CSV)']);
    expect(r.ws.records.map((x) => x.id)).toEqual(['T-2']);
  });

  test('svc-sla.yaml and calendar files over 1 MB are refused', () => {
    const r = open({ 'svc-sla.yaml': `policy: gd-transmission\n${pad(1024 * 1024)}`, 'calendars/2027.yaml': `year: 2027\n${pad(1024 * 1024)}` });
    expect(r.problems).toEqual([
      'calendars/2027.yaml:1:1 file-too-large: the file is 1.0 MB; settings and calendar files over 1 MB are not read',
      'svc-sla.yaml:1:1 file-too-large: the file is 1.0 MB; settings and calendar files over 1 MB are not read',
    ]);
  });
});
