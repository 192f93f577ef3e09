import { aliasHeaders, delimiterOf, parseCsv, type CellType } from '../../src/source/csv';

const types: Record<string, CellType> = { level: 'integer', days: 'number', mismatch: 'boolean', trunks: 'string-list', findings: 'object-list' };
const opts = { header: aliasHeaders({ 故障单号: 'id', 故障级别: 'level' }), cellType: (f: string) => types[f] ?? 'string' };

describe('parseCsv', () => {
  test('aliased Chinese headers; cells stay text (the value normaliser types them); empty cells absent', () => {
    const r = parseCsv('故障单号,故障级别,mismatch,trunks,note\nGD-1,2,是,广州-深圳;深圳-东莞,\nGD-2,3,否,,x\n', 'a.csv', opts);
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.data)).toEqual([
      { id: 'GD-1', level: '2', mismatch: '是', trunks: '广州-深圳;深圳-东莞' },
      { id: 'GD-2', level: '3', mismatch: '否', note: 'x' },
    ]);
  });

  test.each([
    ['comma', 'id,level,note\nA,1,x\n', ','],
    ['semicolon (Excel in a European locale)', 'id;level;note\nA;1;"x, y"\n', ';'],
    ['tab (copied from a sheet)', 'id\tlevel\tnote\nA\t1\tx;y\n', '\t'],
    ['a comma inside a quoted header does not count', '"a,b";c;d\n', ';'],
  ])('the delimiter is told from the header row: %s', (_name, text, d) => {
    expect(delimiterOf(text)).toBe(d);
    const r = parseCsv(text, 'a.csv', opts);
    if (text.startsWith('id')) expect(r.records[0]!.data).toMatchObject({ id: 'A', level: '1' });
  });

  test('a semicolon-separated file keeps its cell columns', () => {
    const r = parseCsv('id;note;level\nA;"x; y";7\n', 'a.csv', opts);
    expect(r.records[0]!.locate(['level'])).toEqual({ file: 'a.csv', line: 2, column: 10 });
  });

  test('an unknown column is reported once, at its header cell, and its cells are left out', () => {
    const header = (name: string) => (name === 'colour' ? { unknown: "unknown column 'colour'" } : name === '序号' ? { ignore: true as const } : { field: name });
    const r = parseCsv('序号,id,colour\n1,A,red\n2,B,blue\n', 'a.csv', { header, cellType: () => 'string' });
    expect(r.problems).toEqual([{ line: 1, column: 7, rule: 'unknown-field', severity: 'warning', message: "unknown column 'colour'" }]);
    expect(r.records.map((x) => x.data)).toEqual([{ id: 'A' }, { id: 'B' }]);
  });

  test('row lines: a quoted cell spanning lines and blank lines before a row', () => {
    const r = parseCsv('id,note\nA,"two\nlines"\n\n\nB,x\n', 'a.csv', opts);
    expect(r.records.map((x) => x.pos.line)).toEqual([2, 6]);
  });

  test('cell columns honour quotes; CRLF line ends', () => {
    const r = parseCsv('id,note,level\r\nA,"x, y",7\r\n', 'a.csv', opts);
    expect(r.records[0]!.locate(['level'])).toEqual({ file: 'a.csv', line: 2, column: 10 });
    expect(r.records[0]!.locate(['unknown'])).toEqual({ file: 'a.csv', line: 2, column: 1 });
  });

  test('two headers for one field, a value without a header, a list of objects', () => {
    expect(parseCsv('故障单号,id\nA,B\n', 'a.csv', opts).problems).toMatchObject([{ rule: 'csv-header', line: 1, column: 6 }]);
    expect(parseCsv('id\nA,extra\n', 'a.csv', opts).problems).toMatchObject([{ rule: 'csv-columns', line: 2, column: 3 }]);
    expect(parseCsv('id,findings\nA,x\n', 'a.csv', opts).problems).toMatchObject([{ rule: 'csv-list', line: 2, column: 3 }]);
  });

  test('an unclosed quote is a syntax error with a line', () => {
    const r = parseCsv('id,note\nA,"open\nB,x\n', 'a.csv', opts);
    expect(r.records).toEqual([]);
    expect(r.problems).toMatchObject([{ rule: 'csv-syntax' }]);
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(2);
  });
});

describe('parseCsv: row and cell positions with every line end Excel writes', () => {
  const body = (nl: string) => `id,note,level${nl}A,"two${nl}lines",1${nl}${nl}${nl}B,x,2${nl}C,"x, y",3`;
  test.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['bare CR', '\r'],
  ])('%s: rows after a multi-line cell and blank lines keep their lines and columns', (_name, nl) => {
    const r = parseCsv(body(nl), 'a.csv', opts);
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.data.id)).toEqual(['A', 'B', 'C']);
    expect(r.records.map((x) => x.pos.line)).toEqual([2, 6, 7]);
    expect(r.records[0]!.locate(['level'])).toEqual({ file: 'a.csv', line: 3, column: 8 });
    expect(r.records[1]!.locate(['level'])).toEqual({ file: 'a.csv', line: 6, column: 5 });
    expect(r.records[2]!.locate(['level'])).toEqual({ file: 'a.csv', line: 7, column: 10 });
  });

  test('a cell that is empty in this row is located at the row', () => {
    const r = parseCsv('id,note,level\nA,,1\n', 'a.csv', opts);
    expect(r.records[0]!.locate(['note'])).toEqual({ file: 'a.csv', line: 2, column: 1 });
  });
});
