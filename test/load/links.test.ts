/**
 * Files that are not what they seem (#12), on a real disk: symbolic links out of the records
 * folder are refused and never read, links to folders inside it are followed once, and a FIFO or
 * device is refused wherever it stands — a record, svc-sla.yaml, a calendar, a lock, a policy —
 * without ever blocking on it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFolder } from '../../src/checks';
import { TEST_NOW_MS } from '../now';

const TICKET = 'id: T-1\nlevel: 3\ncategory: nms\naccepted_at: 2026-07-03 09:05\nresolved_at: 2026-07-03 10:05\n';
const SECRET = '//registry.npmjs.org/:_authToken=SECRET-TOKEN-123\nSECRET_KEY: SECRET-VALUE-456\n';

let base: string;
let outside: string;

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-links-'));
  outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(outside, 'dir'), { recursive: true });
  fs.writeFileSync(path.join(outside, 'npmrc'), SECRET);
  fs.writeFileSync(path.join(outside, 'dir', 'x.yaml'), SECRET);
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

/** A records folder under the temp dir with these files ('->target' makes a link). */
function folder(files: Record<string, string>, config = 'policy: gd-transmission\n'): string {
  const root = path.join(base, 'records');
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'svc-sla.yaml'), config);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if (fs.existsSync(abs)) fs.rmSync(abs);
    if (content.startsWith('->')) fs.symlinkSync(content.slice(2), abs);
    else if (content === '|fifo') execFileSync('mkfifo', [abs]);
    else fs.writeFileSync(abs, content);
  }
  return root;
}

function check(root: string) {
  const ws = checkFolder(root, { now: TEST_NOW_MS, workers: 'off' });
  const keys = ws.problems.filter((p) => p.rule !== 'calendar-ahead').map((p) => `${p.file}:${p.line}:${p.column} ${p.severity === 'warning' ? 'warning ' : ''}${p.rule}`);
  return { ws, keys, text: JSON.stringify(ws.problems) };
}

describe('symbolic links out of the records folder', () => {
  test('a record file linked to ~/.npmrc is refused (unsafe-path) and its content is in no message', () => {
    const root = folder({ 'tickets/t.yaml': TICKET, 'tickets/leak.yaml': `->${path.join(outside, 'npmrc')}`, 'tickets/2026/up.csv': '->../../../outside/npmrc' });
    const r = check(root);
    expect(r.keys).toEqual(['tickets/2026/up.csv:1:1 unsafe-path', 'tickets/leak.yaml:1:1 unsafe-path']);
    expect(r.text).not.toContain('SECRET');
    expect(r.ws.records.map((x) => x.id)).toEqual(['T-1']);
  });

  test('a folder linked out of the records folder is refused, as is a kind folder that is such a link', () => {
    const root = folder({ 'tickets/2026/09': `->${path.join(outside, 'dir')}`, inspections: `->${path.join(outside, 'dir')}`, 'loans/l.yaml': '->/dev/zero' });
    const r = check(root);
    expect(r.keys).toEqual(['inspections:1:1 unsafe-path', 'loans/l.yaml:1:1 unsafe-path', 'tickets/2026/09:1:1 unsafe-path']);
    expect(r.text).not.toContain('SECRET');
  });

  test('svc-sla.yaml, a calendar file, a lock file and a policy path linked out of the folder are refused', () => {
    const npmrc = path.join(outside, 'npmrc');
    const root = folder({ 'calendars/2027.yaml': `->${npmrc}`, 'locks/2026-Q3.yaml': `->${npmrc}`, 'policies/gd.yaml': `->${npmrc}` }, 'policy: policies/gd.yaml\n');
    const r = check(root);
    expect(r.keys).toEqual(['calendars/2027.yaml:1:1 unsafe-path', 'locks/2026-Q3.yaml:1:1 lock-file', 'svc-sla.yaml:1:9 policy-read']);
    expect(r.text).not.toContain('SECRET');
    expect(r.ws.problems.find((p) => p.rule === 'policy-read')!.message).toMatch(/symbolic link to a file outside the records folder/);
    fs.rmSync(path.join(root, 'svc-sla.yaml'));
    fs.symlinkSync(npmrc, path.join(root, 'svc-sla.yaml'));
    const c = check(root);
    expect(c.keys).toContain('svc-sla.yaml:1:1 unsafe-path');
    expect(c.text).not.toContain('SECRET');
  });
});

describe('symbolic links to folders inside the records folder', () => {
  test('tickets/2026/09 -> a folder svc-sla does not read otherwise: followed, its records read under the link', () => {
    const root = folder({ '.archive/09/a.yaml': TICKET, 'tickets/2026/09': '->../../.archive/09' });
    const r = check(root);
    expect(r.keys).toEqual([]);
    expect(r.ws.records.map((x) => `${x.id} ${x.source.file}`)).toEqual(['T-1 tickets/2026/09/a.yaml']);
  });

  test('a second name for a folder read anyway, and a loop: each a folder-link warning, every record read once', () => {
    const root = folder({ 'tickets/archive/09/a.yaml': TICKET, 'tickets/2026/09': '->../archive/09', 'tickets/2026/loop': '->..', 'tickets/self': '->.' });
    const r = check(root);
    expect(r.keys).toEqual(['tickets/2026/09:1:1 warning folder-link', 'tickets/2026/loop:1:1 warning folder-link', 'tickets/self:1:1 warning folder-link']);
    expect(r.ws.records.map((x) => `${x.id} ${x.source.file}`)).toEqual(['T-1 tickets/archive/09/a.yaml']);
    expect(r.ws.problems.find((p) => p.file === 'tickets/2026/09')!.message).toBe(
      'a symbolic link to tickets/archive/09, which is read already: its records are read once, under tickets/archive/09',
    );
  });

  test('two links to one folder outside the kind folders: read once, under the first link, the second says where', () => {
    const root = folder({ '.archive/09/a.yaml': TICKET, 'tickets/2026/09': '->../../.archive/09', 'tickets/2026/sept': '->../../.archive/09' });
    const r = check(root);
    expect(r.keys).toEqual(['tickets/2026/sept:1:1 warning folder-link']);
    expect(r.ws.problems.find((p) => p.rule === 'folder-link')!.message).toBe('a symbolic link to .archive/09, which is read already: its records are read once, under tickets/2026/09');
    expect(r.ws.records.map((x) => `${x.id} ${x.source.file}`)).toEqual(['T-1 tickets/2026/09/a.yaml']);
  });

  test('a link to nothing is a warning, never silence', () => {
    const root = folder({ 'tickets/t.yaml': TICKET, 'tickets/2026/09': '->../../nowhere', 'tickets/gone.yaml': '->nowhere.yaml', 'top.yaml': '->nowhere.yaml', inspections: '->nowhere' });
    const r = check(root);
    expect(r.keys).toEqual(['inspections:1:1 warning unreadable', 'tickets/2026/09:1:1 warning unreadable', 'tickets/gone.yaml:1:1 unreadable', 'top.yaml:1:1 unknown-kind']);
  });
});

describe('FIFOs and devices are refused, never waited on', () => {
  test('a FIFO as a record, directly or through a link, as svc-sla.yaml, a calendar and a lock file', () => {
    const root = folder({
      'tickets/t.yaml': TICKET,
      'tickets/pipe.yaml': '|fifo',
      '.pipes/p': '|fifo',
      'tickets/via.yaml': '->../.pipes/p',
      'calendars/2027.yaml': '->../.pipes/p',
      'locks/2026-Q3.yaml': '->../.pipes/p',
    });
    const r = check(root);
    expect(r.keys).toEqual(['calendars/2027.yaml:1:1 unreadable', 'locks/2026-Q3.yaml:1:1 lock-file', 'tickets/pipe.yaml:1:1 unreadable', 'tickets/via.yaml:1:1 unreadable']);
    expect(r.ws.problems.find((p) => p.file === 'tickets/pipe.yaml')!.message).toMatch(/not a regular file/);
    fs.rmSync(path.join(root, 'svc-sla.yaml'));
    fs.symlinkSync('.pipes/p', path.join(root, 'svc-sla.yaml'));
    expect(check(root).keys).toContain('svc-sla.yaml:1:1 unreadable');
  });

  test('policy: /dev/zero, and extends: /dev/zero, are refused at once', () => {
    expect(check(folder({}, 'policy: /dev/zero\n')).keys).toEqual(['svc-sla.yaml:1:9 policy-read']);
    const root = folder({ 'policies/p.yaml': 'id: p\nname: { zh-CN: 子, en: Child }\nextends: /dev/zero\n' }, 'policy: policies/p.yaml\n');
    const r = check(root);
    expect(r.keys).toEqual(['policies/p.yaml:3:10 policy-read']);
    expect(r.ws.problems[0]!.message).toMatch(/not a regular file/);
  });
});
