import { displayWidth, renderTerminalTable } from '../../src/render/table';

const COLUMNS = [{ label: 'Clause' }, { label: 'City' }, { label: 'Points', align: 'right' as const }];

test('a boxed table: columns as wide as their widest line, CJK characters two columns wide, numbers to the right', () => {
  expect(renderTerminalTable({ columns: COLUMNS, rows: [['fault.l1', '广州', '-2'], ['other.commendation', '湛江市', '+1']] }, false)).toBe(
    [
      '┌────────────────────┬────────┬────────┐',
      '│ Clause             │ City   │ Points │',
      '│ fault.l1           │ 广州   │     -2 │',
      '│ other.commendation │ 湛江市 │     +1 │',
      '└────────────────────┴────────┴────────┘',
      '',
    ].join('\n'),
  );
});

test('a cell of several lines takes that many lines, with rules between rows when asked', () => {
  expect(renderTerminalTable({ columns: COLUMNS, rows: [['fault.l1\nfault.complaint', '佛山', '0']] }, false, { rowLines: true })).toBe(
    [
      '┌─────────────────┬──────┬────────┐',
      '│ Clause          │ City │ Points │',
      '├─────────────────┼──────┼────────┤',
      '│ fault.l1        │ 佛山 │      0 │',
      '│ fault.complaint │      │        │',
      '└─────────────────┴──────┴────────┘',
      '',
    ].join('\n'),
  );
});

test('20,000 rows render, each line as wide as the others (cli-table3 took minutes: past the timeout of this test)', () => {
  const rows: string[][] = [];
  for (let i = 0; i < 20_000; i++) rows.push([`fault.l${i % 4}.resolve`, i % 2 ? '东莞' : 'Dongguan', String(-i)]);
  const lines = renderTerminalTable({ columns: COLUMNS, rows }, false).split('\n');
  expect(lines).toHaveLength(20_000 + 3 + 1);
  const width = displayWidth(lines[0]!);
  expect(lines.slice(0, -1).every((l) => displayWidth(l) === width)).toBe(true);
  expect(lines[20_001]).toBe('│ fault.l3.resolve │ 东莞     │ -19999 │');
}, 30_000);
