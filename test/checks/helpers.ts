/** A records folder held in memory, read and checked as a user's folder is: for the check tests. */
import * as path from 'node:path';
import { checkFolder } from '../../src/checks';
import { memoryFiles } from '../../src/source/fs';
import { TEST_NOW_MS } from '../now';

const ROOT = path.join(path.sep, 'records');

/** `file:line:column rule` of every problem (errors and warnings) of a folder of these files. */
export function problemsOf(files: Record<string, string>, config = 'policy: gd-transmission\n'): string[] {
  const ws = checkFolder(ROOT, { files: memoryFiles(ROOT, { 'svc-sla.yaml': config, ...files }), now: TEST_NOW_MS });
  return ws.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity === 'warning' ? 'warning ' : ''}${p.rule}`);
}

/** The problems' messages, for the checks whose wording tells the user what to do. */
export function messagesOf(files: Record<string, string>): string[] {
  const ws = checkFolder(ROOT, { files: memoryFiles(ROOT, { 'svc-sla.yaml': 'policy: gd-transmission\n', ...files }), now: TEST_NOW_MS });
  return ws.problems.map((p) => p.message);
}

/** A valid level-1 on-site ticket in 广州, with these lines changed or added. */
export function l1(id: string, extra = ''): string {
  return `id: ${id}\nlevel: 1\ncategory: service\nhandling: onsite\ncity: 广州\naccepted_at: 2026-07-03 10:00\nrestored_at: 2026-07-03 12:00\n${extra}`;
}
