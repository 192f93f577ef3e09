/**
 * The editor's copy of the record schemas (`.svc-sla/schemas/`): what an editor flags as you type
 * agrees with what validate reads — every form svc-sla reads passes, the usual typos are flagged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { KINDS } from '../../src/core/kinds';
import { EDITOR_DATE_PATTERN, EDITOR_TIMESTAMP_PATTERN, editorSchemaText } from '../../src/init/editor-schema';
import { vocabularyOf } from '../../src/sheets/value-aliases';
import { booleanWords, normaliseBoolean, normaliseDate, normaliseEnumOf, normaliseTimestamp } from '../../src/sheets/values';

const ROOT = path.resolve(__dirname, '..', '..');
const raw = (name: string): string => fs.readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8');

// as an editor reads them: no svc-sla formats, the patterns and enums only
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const editor = new Map<string, ValidateFunction>();
for (const kind of KINDS) editor.set(kind, ajv.compile(JSON.parse(editorSchemaText(kind, raw(kind)))));
const check = (kind: string, record: unknown): boolean => editor.get(kind)!(record) as boolean;

const TICKET = { id: 'GD-2026-0142', level: 1, category: 'service', handling: 'onsite', city: '佛山', accepted_at: '2026-07-08 02:15' };

describe('what people type passes', () => {
  test('a ticket written in the words of the ledger', () => {
    expect(check('tickets', { ...TICKET, level: '一级', category: '业务问题', handling: '现场', accepted_at: '2026/7/8 2:15', restored_at: '2026年7月8日 8:45', customer_signed: '是' })).toBe(true);
  });

  const TIMES = [
    '2026-07-03T01:00:00+08:00',
    '2026-07-03T01:00:00Z',
    '2026-07-03 01:00',
    '2026-07-03T01:00',
    '2026-07-03 01:00:30',
    '2026/7/3 9:05',
    '2026/07/03 09:05:00',
    '2026-7-3 9:05',
    '2026.7.3 9:05',
    '2026年7月3日 9:05',
    '2026年7月3日 9时5分',
    '2026年7月3日 9点5分',
    '２０２６/７/３ ０９：０５',
    '2026-07-03',
  ];
  test.each(TIMES)('timestamp %s: validate reads it, and the editor does not flag it', (t) => {
    expect(normaliseTimestamp(t).ok).toBe(true);
    expect(new RegExp(EDITOR_TIMESTAMP_PATTERN, 'u').test(t)).toBe(true);
  });

  test.each(['2026-07-03', '2026/7/3', '2026-7-3', '2026年7月3日'])('date %s', (d) => {
    expect(normaliseDate(d).ok).toBe(true);
    expect(new RegExp(EDITOR_DATE_PATTERN, 'u').test(d)).toBe(true);
  });

  test('every word validate reads for an enum or a level is listed for the editor', () => {
    for (const kind of KINDS) {
      const props = (JSON.parse(editorSchemaText(kind, raw(kind))) as { properties: Record<string, unknown> }).properties;
      for (const field of Object.keys(props)) {
        const vocabulary = vocabularyOf(kind, field);
        if (vocabulary === undefined) continue;
        for (const [word, target] of Object.entries(vocabulary.aliases)) {
          if (typeof target !== 'string') continue; // only suggested, never read as a value
          const read = normaliseEnumOf(word, vocabulary);
          expect([kind, field, word, read.ok]).toEqual([kind, field, word, true]);
          const props2 = props[field] as { enum?: unknown[]; anyOf?: { enum?: unknown[] }[] };
          const listed = props2.enum ?? props2.anyOf?.flatMap((a) => a.enum ?? []) ?? [];
          expect([kind, field, word, listed.includes(word)]).toEqual([kind, field, word, true]);
        }
      }
    }
  });

  test('every boolean word, in the cases people write', () => {
    for (const w of [...booleanWords(), 'Yes', 'NO', 'True']) {
      expect([w, normaliseBoolean(w).ok, check('tickets', { ...TICKET, customer_signed: w })]).toEqual([w, true, true]);
    }
  });

  test('every record of the bundled sample', () => {
    const sample = path.join(ROOT, 'samples', 'gd-transmission');
    let n = 0;
    for (const kind of KINDS) {
      const dir = path.join(sample, kind);
      if (!fs.existsSync(dir)) continue;
      for (const f of (fs.readdirSync(dir, { recursive: true }) as string[]).filter((x) => /\.ya?ml$/.test(x))) {
        for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8'))) {
          const data = doc.toJS() as unknown;
          for (const record of Array.isArray(data) ? data : [data]) {
            n++;
            expect([kind, f, check(kind, record), editor.get(kind)!.errors ?? null]).toEqual([kind, f, true, null]);
          }
        }
      }
    }
    expect(n).toBeGreaterThan(30);
  });
});

describe('the usual typos are flagged as you type', () => {
  test.each([
    ['2026-07-32 10:00', 'day 32'],
    ['2026-13-01 10:00', 'month 13'],
    ['2026-07-03 25:00', 'hour 25'],
    ['2026-07-03 10:60', 'minute 60'],
    ['3/7/2026 9:05', 'day first'],
    ['0226-07-08 02:15', 'year 0226'],
    ['soon', 'not a time'],
  ])('%s (%s)', (t) => {
    expect(normaliseTimestamp(t).ok).toBe(false);
    expect(check('tickets', { ...TICKET, accepted_at: t })).toBe(false);
  });

  test('a level, category or boolean that is no word svc-sla reads', () => {
    expect(check('tickets', { ...TICKET, level: '五级' })).toBe(false);
    expect(check('tickets', { ...TICKET, level: 5 })).toBe(false);
    expect(check('tickets', { ...TICKET, category: '业务问题' })).toBe(true);
    expect(check('tickets', { ...TICKET, category: 'servce' })).toBe(false);
    expect(check('tickets', { ...TICKET, customer_signed: '对' })).toBe(false);
  });

  test('an unknown field is flagged (validate refuses a near miss and warns about the rest)', () => {
    expect(check('tickets', { ...TICKET, restore_at: '2026-07-08 08:45' })).toBe(false);
  });
});
