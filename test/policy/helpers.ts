import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh folder with the given files (name → text). */
export function tempFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-policy-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

/** 1-based line and column of the first occurrence of `needle` (after the `nth` - 1 earlier ones). */
export function posOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found ${nth} times`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return { line, column };
}

/** A small valid stand-alone policy to break in tests. */
export const SMALL = `id: small
name: { zh-CN: 小, en: Small }
categories:
  - id: fault
    title: { zh-CN: 故障, en: Faults }
    max: 10
  - id: other
    title: { zh-CN: 其他, en: Other }
regions:
  - id: near
    title: { zh-CN: 近, en: Near }
    cities: [广州]
    limits: { travel: 2h, total: 5h }
  - id: far
    title: { zh-CN: 远, en: Far }
    cities: [湛江]
    limits: { travel: 7h, total: 10h }
ticket_categories:
  - when: { level: 1 }
    category: fault
clauses:
  - id: fault.restore
    shape: elapsed
    category: fault
    title: { zh-CN: 恢复, en: Restore }
    applies: { kind: tickets, when: { level: 1 } }
    from: accepted_at
    to: restored_at
    limit: { region: total }
    points: -5
  - id: fault.remote
    shape: elapsed
    category: fault
    title: { zh-CN: 远程, en: Remote }
    applies: { kind: tickets, when: { level: 1, handling: remote } }
    from: accepted_at
    to: restored_at
    limit: 3h
    points: -5
  - id: loan
    shape: elapsed
    category: other
    title: { zh-CN: 借板, en: Loan }
    applies: { kind: loans }
    from: requested_at
    to: delivered_at
    limit: { linked: ticket, clauses: [fault.remote, fault.restore] }
    points: -2
  - id: complaint
    shape: manual
    category: ticket
    title: { zh-CN: 投诉, en: Complaint }
    ref_kind: tickets
    points: -2
`;
