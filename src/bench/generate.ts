/**
 * Generates a valid records folder of any size for the benchmark and for tests: N one-file
 * tickets (about a third of them late somewhere) over the years before 2026-Q4, plus CSV files
 * of consultations, inspections and upgrades. Deterministic for a given N and seed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng } from '../util/rng';

const CITIES = ['广州', '深圳', '东莞', '佛山', '珠海', '中山', '惠州', '江门', '清远', '韶关', '肇庆', '河源', '阳江', '湛江', '茂名', '汕头', '梅州'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** `2026-07-03 01:00` for minutes since 2024-01-01 00:00 (local time, no offset). */
function stamp(minutes: number): string {
  const d = new Date(Date.UTC(2024, 0, 1) + minutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
const MINUTES_PER_DAY = 1440;
const SPAN_MINUTES = (365 + 365 + 273) * MINUTES_PER_DAY; // 2024-01-01 .. 2026-09-30

export interface GenerateOptions {
  readonly tickets: number;
  readonly seed?: number;
  /** consultations, inspections and upgrades in CSV files, each this many rows (default tickets/10) */
  readonly csvRows?: number;
}

export interface Generated {
  readonly root: string;
  readonly records: number;
  readonly ticketFiles: readonly string[];
}

export function generateRecords(root: string, opts: GenerateOptions): Generated {
  const r = rng(opts.seed ?? 1);
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(
    path.join(root, 'svc-sla.yaml'),
    'contract: benchmark\npolicy: gd-transmission\ntimezone: Asia/Shanghai\ncontract_start: 2024-01-01\nlocale: en\n',
  );
  const ticketFiles: string[] = [];
  const made = new Set<string>();
  for (let i = 0; i < opts.tickets; i++) {
    const accepted = Math.floor(r() * SPAN_MINUTES);
    const level = 1 + Math.floor(r() * 4);
    const id = `GD-${pad(i, 7)}`;
    const lines = [`id: ${id}`, `level: ${level}`, `category: ${level === 2 && r() < 0.2 ? 'nms' : 'service'}`, `accepted_at: ${stamp(accepted)}`];
    if (level === 1) {
      const onsite = r() < 0.7;
      lines.push(`handling: ${onsite ? 'onsite' : 'remote'}`, `city: ${CITIES[Math.floor(r() * CITIES.length)]}`);
      let t = accepted;
      if (onsite) {
        t += 20 + Math.floor(r() * 60);
        lines.push(`departed_at: ${stamp(t)}`);
        t += 60 + Math.floor(r() * 300);
        lines.push(`arrived_at: ${stamp(t)}`);
      }
      t += 30 + Math.floor(r() * 150);
      lines.push(`restored_at: ${stamp(t)}`, `report_submitted_at: ${stamp(t + Math.floor(r() * 3000))}`, 'customer_signed: true');
    } else {
      lines.push(`resolved_at: ${stamp(accepted + Math.floor(r() * 12 * MINUTES_PER_DAY))}`);
    }
    lines.push(`summary: 第 ${i} 号故障，自动生成`);
    const date = stamp(accepted);
    const dir = path.join(root, 'tickets', date.slice(0, 4), date.slice(5, 7));
    const key = dir;
    if (!made.has(key)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(key);
    }
    const file = path.join(dir, `${id}.yaml`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    ticketFiles.push(file);
  }
  const rows = opts.csvRows ?? Math.max(1, Math.floor(opts.tickets / 10));
  const csv = (kind: string, header: string, row: (i: number) => string) => {
    fs.mkdirSync(path.join(root, kind), { recursive: true });
    const body = [header];
    for (let i = 0; i < rows; i++) body.push(row(i));
    fs.writeFileSync(path.join(root, kind, `${kind}.csv`), `${body.join('\n')}\n`);
  };
  csv('consultations', 'id,topic,received_at,responded_at', (i) => {
    const t = Math.floor(r() * SPAN_MINUTES);
    return `ZX-${pad(i, 7)},咨询 ${i},${stamp(t)},${stamp(t + Math.floor(r() * 3 * MINUTES_PER_DAY))}`;
  });
  csv('inspections', 'id,trunk,planned_date,status,started_at,ended_at,docs_submitted_at', (i) => {
    const t = Math.floor(r() * SPAN_MINUTES);
    return `XJ-${pad(i, 7)},干线-${i % 40},${stamp(t).slice(0, 10)},done,${stamp(t + 540)},${stamp(t + 960)},${stamp(t + 960 + Math.floor(r() * 12 * MINUTES_PER_DAY))}`;
  });
  csv('upgrades', 'id,scope,raised_by,raised_at,confirmed_at,approved_start,approved_end,started_at,ended_at,result', (i) => {
    const t = Math.floor(r() * (SPAN_MINUTES - 40 * MINUTES_PER_DAY));
    const start = t + 10 * MINUTES_PER_DAY;
    return `SJ-${pad(i, 7)},网元 ${i},operator,${stamp(t)},${stamp(t + Math.floor(r() * 4 * MINUTES_PER_DAY))},${stamp(start)},${stamp(start + 360)},${stamp(start + 30)},${stamp(start + 200 + Math.floor(r() * 240))},success`;
  });
  return { root, records: opts.tickets + 3 * rows, ticketFiles };
}
