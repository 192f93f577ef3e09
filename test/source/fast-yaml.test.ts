/**
 * The fast path must give exactly what the full parser gives, or step aside (null). Every input
 * here is run through both; where the fast path answers, data and positions must be equal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFlatYaml } from '../../src/source/fast-yaml';
import { parseYaml, type ParsedRecord } from '../../src/source/yaml';

const CASES: string[] = [
  'id: GD-1\nlevel: 1\ncategory: service\naccepted_at: 2026-07-03 10:00\n',
  '# comment\nid: GD-2   # trailing comment\nlevel: 2\nsummary: a#b c\n\n  # indented comment\nnote:\n',
  'id: 0142\nticket: 007\nref: 12.50\nlevel: +3\ndays: 1.5\nx: 1e3\ny: .5\nz: 1.\n',
  'a: true\nb: False\nc: TRUE\nd: yes\ne: ~\nf: null\ng: NULL\nh: Null\ni: nUll\n',
  'at: 2026-07-03T01:00:00+08:00\nt: 08:00\nu: 12:30:45\nv: 2026-07-03\n',
  'id: x\r\nlevel: 4\r\n',
  'id: 广州-深圳 干线\nsummary: 佛山—广州方向 10G 波道业务中断，线路板故障\n',
  'key_with-dash: v\n_underscore: w\n',
  'id: x\nlevel: 1', // no final newline
  // outside the subset: the fast path must step aside
  'id: x\nlevel: 1\nlevel: 2\n',
  'id: "quoted"\n',
  "id: 'single'\n",
  'list:\n  - a\n',
  'id: [a, b]\n',
  'id: {a: 1}\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a: |\n  text\n',
  'a: >\n  text\n',
  'a: b: c\n',
  'a: x\n  continued\n',
  '---\nid: x\n',
  'id: x\n...\n',
  '- id: x\n',
  'a: 0x1F\n',
  'a: 0o17\n',
  'a: .inf\n',
  'a: .NaN\n',
  'a:b\n',
  '"id": x\n',
  '广州: x\n',
  'a: -\n',
  'a: - x\n',
  'a: @x\n',
  'a: `x`\n',
  'a: %x\n',
  'a: x\ty\n',
  '__proto__: x\nid: y\n',
  '# only a comment\n',
  '',
];

function slow(text: string): ParsedRecord[] | null {
  const r = parseYaml(text, 'f.yaml');
  if (r.problems.length > 0) return null;
  return r.items.filter((i): i is ParsedRecord => 'data' in i);
}

function compare(text: string): 'fast' | 'slow' {
  const fast = parseFlatYaml(text, 'f.yaml');
  if (fast === null) return 'slow';
  const full = slow(text);
  expect(full).not.toBeNull();
  expect(fast.items).toHaveLength(full!.length);
  const a = fast.items[0] as ParsedRecord;
  const b = full![0]!;
  expect(a.data).toEqual(b.data);
  expect(a.pos).toEqual(b.pos);
  for (const key of Object.keys(b.data)) {
    expect([key, a.locate([key])]).toEqual([key, b.locate([key])]);
    expect([key, a.locate([key], 'key')]).toEqual([key, b.locate([key], 'key')]);
  }
  expect(a.locate(['missing'])).toEqual(b.locate(['missing']));
  return 'fast';
}

describe('fast YAML path agrees with the full parser', () => {
  test.each(CASES.map((c) => [JSON.stringify(c).slice(0, 60), c]))('%s', (_label, text) => {
    compare(text);
  });

  test('the common record files take the fast path; the unusual ones do not', () => {
    expect(compare(CASES[0]!)).toBe('fast');
    expect(compare(CASES[1]!)).toBe('fast');
    expect(compare(CASES[2]!)).toBe('fast');
    for (const odd of ['id: x\nlevel: 1\nlevel: 2\n', 'a: &x 1\nb: *x\n', 'a: 0x1F\n', '- id: x\n']) expect(compare(odd)).toBe('slow');
  });

  test('every YAML file of the bundled samples', () => {
    const root = path.join(__dirname, '..', '..', 'samples');
    let fast = 0;
    for (const f of fs.readdirSync(root, { recursive: true }) as string[]) {
      if (!/\.ya?ml$/.test(f) || f.endsWith('svc-sla.yaml')) continue;
      if (compare(fs.readFileSync(path.join(root, f), 'utf8')) === 'fast') fast++;
    }
    expect(fast).toBeGreaterThan(10);
  });
});
