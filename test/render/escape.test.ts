/** One escaping per format (src/render/escape.ts): terminals see no control or bidi character, Markdown no HTML or link. */
import { escapeMarkdownText, escapeTerminal } from '../../src/render/escape';
import { escapeMarkdownInline } from '../../src/render/document';
import { escapeMarkdownCell, renderTerminalTable } from '../../src/render/table';

describe('escapeTerminal', () => {
  test.each([
    ['\u001b]0;title\u0007', '\\u001b]0;title\\u0007'],
    ['a\rb', 'a\\rb'],
    ['\u0000\u0008\u000b\u000c\u001f\u007f', '\\u0000\\u0008\\u000b\\u000c\\u001f\\u007f'],
    ['\u0085\u009b31m', '\\u0085\\u009b31m'],
    ['\u202a\u202b\u202c\u202d\u202e', '\\u202a\\u202b\\u202c\\u202d\\u202e'],
    ['\u2066\u2067\u2068\u2069\u200e\u200f\u061c', '\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c'],
    ['广州 ok — tab\tkept', '广州 ok — tab\tkept'],
  ])('%j → %j', (raw, shown) => {
    expect(escapeTerminal(raw)).toBe(shown);
  });

  test('line breaks: escaped on one line, kept (CRLF as LF) where text may span lines; tabs on request', () => {
    expect(escapeTerminal('a\nb\r\nc')).toBe('a\\nb\\r\\nc');
    expect(escapeTerminal('a\nb\r\nc\rd', { newlines: true })).toBe('a\nb\nc\\rd');
    expect(escapeTerminal('a\tb', { tabs: true })).toBe('a\\tb');
  });

  test('a terminal table escapes its cells and keeps its boxes', () => {
    const out = renderTerminalTable({ columns: [{ label: 'id' }], rows: [['\u001b[2Jx\r\ny\tz']] }, false);
    expect(out).not.toMatch(/[\u001b\r\t]/);
    expect(out).toContain('\\u001b[2Jx');
    expect(out).toContain('y\\tz');
  });
});

describe('Markdown', () => {
  test('HTML shows as text, links do not form, controls are visible', () => {
    expect(escapeMarkdownText('<script>&</script>')).toBe('&lt;script&gt;&amp;&lt;/script&gt;');
    expect(escapeMarkdownText('[x](javascript:alert(1)) ![i](y)')).toBe('\\[x\\](javascript:alert(1)) !\\[i\\](y)');
    expect(escapeMarkdownText('\u001b')).toBe('\\\\u001b');
  });

  test('a cell and a line of text add their own', () => {
    expect(escapeMarkdownCell('a|b\r\n<img src=x onerror=alert(1)>')).toBe('a\\|b<br>&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeMarkdownInline('*a*\n<b>[c]</b>')).toBe('\\*a\\* &lt;b&gt;\\[c\\]&lt;/b&gt;');
  });
});
