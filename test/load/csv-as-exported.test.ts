/** CSV as Excel exports it: per-kind header aliases (built in and svc-sla.yaml), delimiters, unknown columns once, labels. */
import * as path from 'node:path';
import { checkFolder } from '../../src/checks';
import { memoryFiles } from '../../src/source/fs';
import { TEST_NOW_MS } from '../now';

const ROOT = path.join(path.sep, 'records');

function open(files: Record<string, string | Uint8Array>, config = 'policy: gd-transmission\n') {
  const ws = checkFolder(ROOT, { files: memoryFiles(ROOT, { 'svc-sla.yaml': config, ...files }), now: TEST_NOW_MS });
  return {
    data: ws.located.map((l) => l.rec.data),
    problems: ws.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity === 'warning' ? 'warning ' : ''}${p.rule}: ${p.message}`),
  };
}

describe('header aliases are per kind', () => {
  test('受理时间 is accepted_at in tickets and received_at in consultations', () => {
    const r = open({
      'tickets/a.csv': '故障单号,故障级别,故障类别,受理时间\nT-1,三级,网管问题,2026/7/3 9:05\n',
      'consultations/a.csv': '编号,咨询内容,受理时间\nZX-1,OTN,2026/7/3 10:00\n',
    });
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual([
      { id: 'ZX-1', topic: 'OTN', received_at: '2026-07-03 10:00' },
      { id: 'T-1', level: 3, category: 'nms', accepted_at: '2026-07-03 09:05' },
    ]);
  });

  test('svc-sla.yaml csv.headers: per kind, and the flat form for every kind', () => {
    const config = 'policy: gd-transmission\ncsv:\n  headers:\n    工单: id\n    tickets: {报障: accepted_at}\n    consultations: {报障: received_at}\n';
    const r = open({ 'tickets/a.csv': '工单,故障级别,故障类别,报障\nT-1,3,nms,2026-07-03 09:05\n', 'consultations/a.csv': '工单,报障\nZX-1,2026-07-03 10:00\n' }, config);
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual([
      { id: 'ZX-1', received_at: '2026-07-03 10:00' },
      { id: 'T-1', level: 3, category: 'nms', accepted_at: '2026-07-03 09:05' },
    ]);
  });

  test('csv.headers entries that name no field or no kind are config errors at the entry', () => {
    const config = 'policy: gd-transmission\ncsv:\n  headers:\n    工单: idd\n    ticket: {报障: accepted_at}\n    tickets: {报障: acepted_at}\n';
    expect(open({}, config).problems).toEqual([
      "svc-sla.yaml:4:9 config: csv.headers: '工单' maps to 'idd', which is no field of any kind (did you mean 'id'?)",
      "svc-sla.yaml:5:13 config: csv.headers: 'ticket' is not a record kind (did you mean 'tickets'?); kinds are tickets, inspections, upgrades, loans, consultations, doc-requests, exchanges, meetings, submissions, assessments",
      "svc-sla.yaml:6:19 config: csv.headers.tickets: '报障' maps to 'acepted_at', which is no field of tickets (did you mean 'accepted_at'?)",
    ]);
  });
});

describe('columns', () => {
  test('an unknown column is reported once per file, at its header cell; 序号 is left out without a word', () => {
    const r = open({ 'tickets/a.csv': '序号,故障单号,故障级别,故障类别,受理时间,填表人\n1,T-1,3,nms,2026-07-03 09:05,张三\n2,T-2,3,nms,2026-07-03 09:05,李四\n' });
    expect(r.problems).toEqual([
      "tickets/a.csv:1:24 warning unknown-field: unknown column '填表人': its cells are ignored (map it to a field of tickets under csv.headers in svc-sla.yaml)",
    ]);
    expect(r.data.map((d) => Object.keys(d))).toEqual([
      ['id', 'level', 'category', 'accepted_at'],
      ['id', 'level', 'category', 'accepted_at'],
    ]);
  });

  test('semicolon- and tab-separated exports', () => {
    const semi = open({ 'tickets/a.csv': '故障单号;故障级别;故障类别;受理时间\nT-1;二级;网管问题;2026/7/3 9:05\n' });
    const tab = open({ 'tickets/a.csv': '故障单号\t故障级别\t故障类别\t受理时间\nT-1\t二级\t网管问题\t2026/7/3 9:05\n' });
    for (const r of [semi, tab]) {
      expect(r.problems).toEqual([]);
      expect(r.data).toEqual([{ id: 'T-1', level: 2, category: 'nms', accepted_at: '2026-07-03 09:05' }]);
    }
  });

  test('a refused cell is reported at its cell, with the fix', () => {
    const r = open({ 'tickets/a.csv': '故障单号,故障级别,故障类别,受理时间\nT-1,二级,网管问题,3/7/2026 9:05\n' });
    expect(r.problems).toEqual([
      "tickets/a.csv:2:13 format: accepted_at: '3/7/2026 9:05' is not a valid timestamp: write the year first (YYYY-MM-DD HH:MM); the order of day and month is never guessed",
    ]);
  });
});

describe('YAML as people type it', () => {
  test('是, 一级, 现场 and 2026/7/3 9:05 in YAML mean what they say', () => {
    const r = open({ 'tickets/a.yaml': 'id: T-1\nlevel: 一级\ncategory: 业务问题\nhandling: 现场\ncity: 广州\naccepted_at: 2026/7/3 9:05\nrestored_at: 2026年7月3日 11:00\ncustomer_signed: 是\nnms_down: yes\n' });
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual([
      { id: 'T-1', level: 1, category: 'service', handling: 'onsite', city: '广州', accepted_at: '2026-07-03 09:05', restored_at: '2026-07-03 11:00', customer_signed: true, nms_down: true },
    ]);
  });

  test.each([
    ['a full-width colon', 'id: T-1\nlevel：1\ncategory: nms\n', "tickets/a.yaml:2:1 yaml-syntax: 'level' is followed by a full-width colon '：' (全角冒号), which YAML does not read as one: use ':' followed by a space, as in 'level: ...'"],
    ['a missing space after the colon', 'id: T-1\naccepted_at:2026-07-03 09:05\nlevel: 1\n', "tickets/a.yaml:2:1 yaml-syntax: a space is missing after the colon of 'accepted_at': write 'accepted_at: 2026-07-03 09:05'"],
    ['a one-line file with a full-width colon', 'id：T-1\n', "tickets/a.yaml:1:1 not-a-record: 'id' is followed by a full-width colon '：' (全角冒号), which YAML does not read as one: use ':' followed by a space, as in 'id: ...'"],
  ])('%s says exactly that', (_name, text, expected) => {
    const [p] = open({ 'tickets/a.yaml': text }).problems;
    expect(p!.startsWith(expected)).toBe(true);
  });
});
