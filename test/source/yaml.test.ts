import { parseYaml, type ParsedRecord } from '../../src/source/yaml';

function records(text: string): ParsedRecord[] {
  const r = parseYaml(text, 'x.yaml');
  expect(r.problems).toEqual([]);
  return r.items.filter((i): i is ParsedRecord => 'data' in i);
}

describe('parseYaml: records', () => {
  test('one mapping, a list, and several documents', () => {
    expect(records('id: a\n').map((r) => r.data.id)).toEqual(['a']);
    expect(records('- id: a\n- id: b\n').map((r) => r.data.id)).toEqual(['a', 'b']);
    expect(records('id: a\n---\nid: b\n---\n# empty\n').map((r) => r.data.id)).toEqual(['a', 'b']);
  });

  test('natural YAML: numbers stay numbers, dates and times stay text, ids keep their digits', () => {
    const [r] = records('id: 0142\nperiod: 2026\nlevel: 1\nat: 2026-07-03 01:00\non: 2026-07-03\n');
    expect(r!.data).toEqual({ id: '0142', period: 2026, level: 1, at: '2026-07-03 01:00', on: '2026-07-03' });
  });

  test('record and field positions (1-based)', () => {
    const [, b] = records('- id: a\n  level: 1\n- id: b\n  findings:\n    - summary: x\n      handled_late: true\n');
    expect(b!.pos).toEqual({ file: 'x.yaml', line: 3, column: 3 });
    expect(b!.locate(['id'])).toEqual({ file: 'x.yaml', line: 3, column: 7 });
    expect(b!.locate(['findings', 1 - 1, 'handled_late'])).toEqual({ file: 'x.yaml', line: 6, column: 21 });
    expect(b!.locate(['findings', '0', 'handled_late'], 'key')).toEqual({ file: 'x.yaml', line: 6, column: 7 });
  });

  test('a missing path falls back to the nearest existing ancestor', () => {
    const [r] = records('id: a\nfindings:\n  - summary: x\n');
    expect(r!.locate(['findings', '0', 'handled_late'])).toEqual({ file: 'x.yaml', line: 3, column: 5 });
    expect(r!.locate(['nope'])).toEqual({ file: 'x.yaml', line: 1, column: 1 });
  });

  test('a key with no value points at the key', () => {
    const [r] = records('id: a\nlevel:\nnote: n\n');
    expect(r!.locate(['level'])).toEqual({ file: 'x.yaml', line: 2, column: 1 });
  });

  test('aliases and << merges are followed to where the value is written', () => {
    const [, r] = records('- &base\n  id: a\n  category: service\n- <<: *base\n  id: b\n');
    expect(r!.data).toEqual({ id: 'b', category: 'service' });
    expect(r!.locate(['category'])).toEqual({ file: 'x.yaml', line: 3, column: 13 });
    expect(r!.locate(['id'])).toEqual({ file: 'x.yaml', line: 5, column: 7 });
  });

  test('non-string keys match their text, escaped pointer segments are plain keys', () => {
    const [r] = records('id: a\n2026: x\n"a/b": y\n');
    expect(r!.locate(['2026'])).toEqual({ file: 'x.yaml', line: 2, column: 7 });
    expect(r!.locate(['a/b'])).toEqual({ file: 'x.yaml', line: 3, column: 8 });
  });
});

describe('parseYaml: bad input', () => {
  test('syntax errors are located and drop the file', () => {
    const r = parseYaml('id: a\nlevel: [1\nnote: x\n', 'x.yaml');
    expect(r.items).toEqual([]);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.rule === 'yaml-syntax' && p.line >= 2)).toBe(true);
  });

  test('a duplicate key is an error at both places', () => {
    const r = parseYaml('id: a\nlevel: 1\nlevel: 2\n', 'x.yaml');
    expect(r.problems.map((p) => [p.rule, p.line, p.column])).toEqual([
      ['duplicate-key', 3, 1],
      ['duplicate-key', 2, 1],
    ]);
  });

  test('an alias bomb is refused quickly', () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = process.hrtime.bigint();
    const r = parseYaml(levels.join('\n'), 'bomb.yaml');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(r.items).toEqual([]);
    expect(r.problems.map((p) => p.rule)).toEqual(['alias-limit']);
    // not a timing assertion on the machine's speed: a bomb that expanded would take minutes
    expect(ms).toBeLessThan(30_000);
  });

  test('a scalar or a list item that is not a mapping is not a record', () => {
    const r = parseYaml('- id: a\n- 42\n', 'x.yaml');
    expect(r.items[1]).toEqual({ notRecord: { file: 'x.yaml', line: 2, column: 3 }, what: "the value '42'" });
  });
});

describe('parseYaml: bounded (#12)', () => {
  const problems = (text: string, maxNodes?: number) =>
    parseYaml(text, 'x.yaml', maxNodes === undefined ? {} : { maxNodes }).problems.map((p) => `${p.line}:${p.column} ${p.rule}`);

  test('64 levels of nesting are read; the 65th is refused at its place (flow and block)', () => {
    expect(problems(`a: ${'['.repeat(63)}${']'.repeat(63)}\n`)).toEqual([]);
    expect(problems(`a: ${'['.repeat(64)}${']'.repeat(64)}\n`)).toEqual(['1:67 yaml-limit']);
    let block = '';
    for (let i = 0; i < 70; i++) block += `${' '.repeat(i)}k:\n`;
    expect(problems(block)).toEqual(['65:65 yaml-limit']);
  });

  test('a file nested 100,000 deep is refused at the same place as one nested 65 deep, without touching the stack', () => {
    const deep = parseYaml(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'x.yaml');
    expect(deep.items).toEqual([]);
    expect(deep.problems).toEqual([{ line: 1, column: 67, rule: 'yaml-limit', severity: 'error', message: 'the file nests deeper than 64 levels here: no record needs that' }]);
  });

  test('aliases count: an alias that makes the document nest too deep is refused at the alias', () => {
    let text = `a0: &a0 ${'['.repeat(40)}${']'.repeat(40)}\n`;
    text += `a1: &a1 ${'['.repeat(30)}*a0${']'.repeat(30)}\n`;
    expect(problems(text)).toEqual(['2:39 yaml-limit']);
    expect(problems(`a0: &a0 ${'['.repeat(20)}${']'.repeat(20)}\na1: ${'['.repeat(20)}*a0${']'.repeat(20)}\n`)).toEqual([]);
  });

  test('more values than the cap: refused at the first value past it, before the document is built', () => {
    const list = `[${Array<string>(1001).fill('1').join(', ')}]\n`;
    expect(problems(list, 1001)).toEqual(['1:3002 yaml-limit']); // the list itself is one value: the 1001st 1 is past the cap
    expect(problems(list, 1002)).toEqual([]);
    // a key and its pair are two values
    expect(problems('a: 1\nb: 2\n', 5)).toEqual(['2:1 yaml-limit']);
    expect(problems('a: 1\nb: 2\n', 7)).toEqual([]);
  });
});
