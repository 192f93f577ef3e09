import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderCsv, renderMarkdown, renderText, type Block } from '../../src/render/document';
import { barChart, pieChart } from '../../src/render/mermaid';
import { encodeCsv } from '../../src/render/output';
import { outputTarget, writeTarget } from '../../src/util/files';
import { neutraliseFormula } from '../../src/render/table';

const HOSTILE: Block[] = [
  { type: 'title', text: 'Report | 1' },
  { type: 'fields', items: [['Contract', 'a|b\nc *bold* <b>x</b>']] },
  {
    type: 'table',
    table: {
      columns: [{ label: 'Record' }, { label: 'Points', align: 'right' }, { label: 'Summary' }, { label: 'List' }],
      rows: [
        ['=HYPERLINK("http://x","y")', '-5', 'line 1\nline|2\r\nline 3', ['a', 'b']],
        ['@cmd', '+1', null, []],
      ],
    },
  },
  { type: 'table', table: { columns: [{ label: 'x' }], rows: [] }, empty: 'nothing here' },
  { type: 'chart', chart: { kind: 'pie', title: 'Tickets', unit: 'n', items: [{ label: 'L1', value: 2 }] } },
];

test('Markdown: cells escaped, fields on one line, empty tables as text, charts fenced', () => {
  const md = renderMarkdown(HOSTILE);
  expect(md).toContain('# Report \\| 1\n');
  expect(md).toContain('- **Contract**: a\\|b c \\*bold\\* &lt;b&gt;x&lt;/b&gt;\n');
  expect(md).toContain('| =HYPERLINK("http://x","y") | -5 | line 1<br>line\\|2<br>line 3 | a, b |');
  expect(md).toContain('| @cmd | +1 | — |  |');
  expect(md).toContain('nothing here\n');
  expect(md).toContain('```mermaid\npie showData\n    title Tickets\n    "L1" : 2\n```\n');
});

test('CSV: formulas neutralised, our numbers kept, quoting of commas, quotes and line breaks', () => {
  const csv = renderCsv(HOSTILE);
  expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")",-5,"line 1\nline|2\r\nline 3",a; b\r\n`);
  expect(csv).toContain(`'@cmd,+1,,\r\n`);
  expect(csv).not.toContain('pie');
  expect(csv.split('\r\n')[0]).toBe('Report | 1');
  expect(neutraliseFormula('-5')).toBe('-5');
  expect(neutraliseFormula('-5 points')).toBe("'-5 points");
  expect(neutraliseFormula('+86 20 1234')).toBe("'+86 20 1234");
});

test('text: boxed tables, lists one per line, no chart', () => {
  const text = renderText(HOSTILE, { colour: false });
  expect(text).toContain('Contract: a|b\nc *bold* <b>x</b>');
  expect(text).toContain('│ a');
  expect(text).toContain('│ b');
  expect(text).not.toContain('pie');
});

test('Mermaid labels lose what would end a string or a line', () => {
  const pie = pieChart('Tickets "per" level', [
    { label: 'L"1\n', value: 2 },
    { label: 'L2', value: 0 },
  ]);
  expect(pie).toBe('pie showData\n    title Tickets per level\n    "L 1" : 2\n');
  const bar = barChart('Findings', 'n', [
    { label: 'a.b', value: 3 },
    { label: 'c]d', value: 1 },
  ]);
  expect(bar).toContain('x-axis ["a.b", "c d"]');
  expect(bar).toContain('y-axis "n" 0 --> 5');
  expect(bar).toContain('bar [3, 1]');
});

test('encodeCsv: UTF-8 with BOM, or GB18030 that TextDecoder reads back', () => {
  const text = '条款,记录\r\n一级故障,GD-2026-0142 €\r\n';
  const utf8 = encodeCsv(text, 'utf-8');
  expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const gb = encodeCsv(text, 'gb18030');
  expect(new TextDecoder('gb18030', { fatal: true }).decode(gb)).toBe(text);
  expect(gb.length).toBeLessThan(utf8.length);
});

test('writing a file: the whole file or nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-out-'));
  const file = path.join(dir, 'r.md');
  writeTarget(outputTarget(file), 'one');
  writeTarget(outputTarget(file), 'two');
  expect(fs.readFileSync(file, 'utf8')).toBe('two');
  const missing = path.join(dir, 'missing', 'r.md');
  expect(() => writeTarget(outputTarget(missing), 'x')).toThrow();
  expect(fs.readdirSync(dir)).toEqual(['r.md']);
});
