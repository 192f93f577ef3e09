/**
 * Text from the records (ids, summaries, file names, quoted values) shown to people, one
 * escaping per format at its cause:
 *
 * - a terminal: control characters (C0 but tab and line feed, DEL, C1) and the bidirectional
 *   overrides, embeddings, isolates and marks act on the terminal or reorder what it shows (a
 *   window title, a cleared screen, a line drawn over, text read backwards), so each is shown
 *   as its escape (`\u001b`, `\r`, `\u202e`) instead;
 * - Markdown: on top of that, HTML (`<`, `>`, `&` as entities) and link syntax (`[`, `]`), so a
 *   viewer that renders HTML shows `<script>`, `<img onerror=…>` and `[x](javascript:…)` as text.
 *
 * - HTML: controls as for a terminal (line breaks kept), then `&`, `<`, `>` and quotes as
 *   entities, so record text is text in an element or an attribute.
 *
 * CSV, JSON and workbooks are data: they keep the text as it is (CSV neutralises formulas).
 */

const CONTROLS = /\r\n|[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export interface TerminalEscape {
  /** keep line breaks (CRLF becomes LF): for table cells and free text that may span lines */
  readonly newlines?: boolean;
  /** show a tab as `\t` (in a boxed table it would break the box) */
  readonly tabs?: boolean;
}

/** Text made harmless for a terminal: every control and bidi character shown as its escape. */
export function escapeTerminal(s: string, opts: TerminalEscape = {}): string {
  const out = s.replace(CONTROLS, (c) => {
    if (c === '\r\n' || c === '\n') return opts.newlines ? '\n' : c === '\n' ? '\\n' : '\\r\\n';
    return visible(c);
  });
  return opts.tabs ? out.replace(/\t/g, '\\t') : out;
}

/**
 * For Markdown: controls as for a terminal (line breaks kept), backslashes doubled, HTML as
 * entities and `[`/`]` escaped. Each Markdown context adds its own (a table cell its `|` and
 * `<br>`, a line of text its inline markup).
 */
export function escapeMarkdownText(s: string): string {
  return escapeTerminal(s, { newlines: true })
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([[\]])/g, '\\$1');
}

/** For HTML text and attribute values: controls as for a terminal (line breaks kept), markup as entities. */
export function escapeHtml(s: string): string {
  return escapeTerminal(s, { newlines: true }).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
