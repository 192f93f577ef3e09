/**
 * A small pull scanner for the XML parts of an .xlsx. Not a general XML parser, on purpose:
 * - no DTD: a DOCTYPE is refused, so no entity can expand (the "billion laughs" family) and no
 *   external entity is ever fetched; OOXML parts never carry one;
 * - only the five predefined entities and numeric character references;
 * - names are matched by their local part (`x:c` is `c`), since producers choose prefixes freely;
 * - tags must nest properly and the text must end inside no construct, so a damaged part is an
 *   error rather than a half-read table.
 * It walks the text once with indexOf, so its cost is linear in the part's length.
 */

export const TOKEN_END = 0;
export const TOKEN_OPEN = 1;
export const TOKEN_CLOSE = 2;
export const TOKEN_TEXT = 3;
export type Token = typeof TOKEN_END | typeof TOKEN_OPEN | typeof TOKEN_CLOSE | typeof TOKEN_TEXT;

/** Malformed XML; `readWorkbook` turns it into a "damaged workbook" error. */
export class XmlError extends Error {}

const MAX_DEPTH = 256;

export class XmlScanner {
  private pos = 0;
  private readonly stack: string[] = [];
  private attrStart = 0;
  private attrEnd = 0;
  private attrs: string[] | null = null;
  private rawText = '';
  private textIsCdata = false;
  private sawRoot = false;
  /** local name of the element just opened or closed */
  name = '';
  /** the element just opened is empty (`<c/>`): no CLOSE token follows it */
  selfClosing = false;

  constructor(private readonly src: string) {}

  /** Depth of the element the scanner is in (after an OPEN: including that element). */
  get depth(): number {
    return this.stack.length;
  }

  next(): Token {
    const s = this.src;
    for (;;) {
      if (this.pos >= s.length) {
        if (this.stack.length > 0) throw new XmlError(`the part ends inside <${this.stack[this.stack.length - 1]}>`);
        if (!this.sawRoot) throw new XmlError('the part holds no XML element');
        return TOKEN_END;
      }
      const lt = s.indexOf('<', this.pos);
      if (lt !== this.pos) {
        const end = lt === -1 ? s.length : lt;
        this.rawText = s.slice(this.pos, end);
        this.textIsCdata = false;
        this.pos = end;
        if (this.stack.length === 0) {
          if (this.rawText.trim() !== '') throw new XmlError('text outside the root element');
          continue;
        }
        return TOKEN_TEXT;
      }
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 0x3f /* ? */) {
        this.pos = this.after('?>', lt + 2);
        continue;
      }
      if (c1 === 0x21 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          this.pos = this.after('-->', lt + 4);
          continue;
        }
        if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end === -1) throw new XmlError('unterminated CDATA section');
          if (this.stack.length === 0) throw new XmlError('CDATA outside the root element');
          this.rawText = s.slice(lt + 9, end);
          this.textIsCdata = true;
          this.pos = end + 3;
          return TOKEN_TEXT;
        }
        throw new XmlError('a DOCTYPE or other declaration, which a workbook part never has');
      }
      if (c1 === 0x2f /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt === -1) throw new XmlError('unterminated end tag');
        const qname = s.slice(lt + 2, gt).trimEnd();
        const open = this.stack.pop();
        if (open !== qname) throw new XmlError(open === undefined ? `</${qname}> closes nothing` : `<${open}> is closed by </${qname}>`);
        this.name = localName(qname);
        this.selfClosing = false;
        this.pos = gt + 1;
        return TOKEN_CLOSE;
      }
      return this.openTag(lt);
    }
  }

  private after(marker: string, from: number): number {
    const i = this.src.indexOf(marker, from);
    if (i === -1) throw new XmlError(`unterminated construct (no '${marker}')`);
    return i + marker.length;
  }

  private openTag(lt: number): Token {
    const s = this.src;
    let i = lt + 1;
    const nameStart = i;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x3e || c === 0x2f || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) break;
    }
    if (i === nameStart) throw new XmlError('a tag without a name');
    const qname = s.slice(nameStart, i);
    this.attrStart = i;
    // find the closing '>' outside quoted attribute values ('>' is legal inside them)
    let quote = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) {
        quote = c;
      } else if (c === 0x3e) {
        break;
      }
    }
    if (i >= s.length) throw new XmlError(`unterminated tag <${qname}`);
    this.selfClosing = s.charCodeAt(i - 1) === 0x2f;
    this.attrEnd = this.selfClosing ? i - 1 : i;
    this.attrs = null;
    this.pos = i + 1;
    if (this.stack.length === 0) {
      if (this.sawRoot) throw new XmlError('a second root element');
      this.sawRoot = true;
    }
    if (!this.selfClosing) {
      if (this.stack.length >= MAX_DEPTH) throw new XmlError('elements nested too deeply');
      this.stack.push(qname);
    }
    this.name = localName(qname);
    return TOKEN_OPEN;
  }

  /** An attribute of the element just opened, by local name, entities decoded. */
  attr(local: string): string | undefined {
    if (this.attrs === null) this.attrs = parseAttributes(this.src, this.attrStart, this.attrEnd);
    const a = this.attrs;
    // flat [name, value, name, value …]: a cell's three lookups are the hot path of a sheet
    for (let i = 0; i < a.length; i += 2) if (a[i] === local) return a[i + 1];
    return undefined;
  }

  /** The text of the TEXT token just read, entities decoded (CDATA as written). */
  text(): string {
    return this.textIsCdata ? this.rawText : decodeEntities(this.rawText);
  }

  /**
   * The concatenated text inside the element just opened, up to its end tag; child elements'
   * text included unless `skip` names them (used to leave out phonetic runs, <rPh>).
   */
  textContent(skip?: string): string {
    if (this.selfClosing) return '';
    const depth = this.stack.length;
    let out = '';
    let skipping = 0;
    for (;;) {
      const t = this.next();
      if (t === TOKEN_TEXT) {
        if (skipping === 0) out += this.text();
      } else if (t === TOKEN_OPEN) {
        if (skipping > 0 || this.name === skip) {
          if (!this.selfClosing) skipping++;
        }
      } else if (t === TOKEN_CLOSE) {
        if (this.stack.length < depth) return out;
        if (skipping > 0) skipping--;
      } else {
        return out;
      }
    }
  }

  /** Skips to the end tag of the element just opened. */
  skipElement(): void {
    if (this.selfClosing) return;
    const depth = this.stack.length;
    for (;;) {
      const t = this.next();
      if (t === TOKEN_END || (t === TOKEN_CLOSE && this.stack.length < depth)) return;
    }
  }
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function parseAttributes(s: string, start: number, end: number): string[] {
  const out: string[] = [];
  let i = start;
  for (;;) {
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (i >= end) return out;
    const nameStart = i;
    while (i < end && s.charCodeAt(i) !== 0x3d /* = */ && !isSpace(s.charCodeAt(i))) i++;
    const name = s.slice(nameStart, i);
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 0x3d || name === '') throw new XmlError(`attribute '${name}' without a value`);
    i++;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    const q = s.charCodeAt(i);
    if (q !== 0x22 && q !== 0x27) throw new XmlError(`attribute '${name}' is not quoted`);
    const close = s.indexOf(q === 0x22 ? '"' : "'", i + 1);
    if (close === -1 || close >= end) throw new XmlError(`attribute '${name}' is not closed`);
    out.push(localName(name), decodeEntities(s.slice(i + 1, close)));
    i = close + 1;
  }
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces the predefined entities and character references; anything else is an error. */
export function decodeEntities(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const semi = raw.indexOf(';', amp + 1);
    // entity names are short; a far-away ';' means a stray '&'
    if (semi === -1 || semi - amp > 12) throw new XmlError("a stray '&' in the text");
    const ref = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 0x23 /* # */) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseHex(ref.slice(2)) : parseDec(ref.slice(1));
      if (code === null || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) throw new XmlError(`a bad character reference &${ref};`);
      ch = String.fromCodePoint(code);
    } else {
      ch = NAMED[ref];
      if (ch === undefined) throw new XmlError(`an undefined entity &${ref};`);
    }
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

function parseHex(s: string): number | null {
  return /^[0-9a-fA-F]{1,6}$/.test(s) ? parseInt(s, 16) : null;
}

function parseDec(s: string): number | null {
  return /^[0-9]{1,7}$/.test(s) ? parseInt(s, 10) : null;
}
