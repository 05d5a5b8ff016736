/**
 * XML for the .xlsx writer, on htmlparser2's tokenizer in XML mode (a real tokenizer: comments, CDATA,
 * processing instructions, quoted `>` in attributes; lenient with the not quite well-formed VML that old
 * Excel versions write). Every element carries the offsets of its start tag, content and end tag in the
 * source text, so a part is edited by splicing: what the plan does not touch is copied character for
 * character, never re-serialised.
 */
import { Parser } from 'htmlparser2';

export { unescapeXml } from '../xml-text';

/** An element of a parsed part, with its offsets in the source text. */
export interface XNode {
  /** Qualified name as written (`x:c`, `c`). */
  name: string;
  /** Name without its prefix. */
  local: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Decoded text directly inside the element. */
  text: string;
  /** Offset of '<' of the start tag. */
  start: number;
  /** Offset just past the start tag's '>'. */
  openEnd: number;
  /** Offset of the end tag ('</'), or openEnd for an empty element written `<x/>`. */
  closeStart: number;
  /** Offset just past the element. */
  end: number;
  selfClosing: boolean;
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i + 1);
}

/** Events of a scan; offsets as in XNode. `close` gets the element's end offsets. */
export interface ScanHandlers {
  open?(name: string, attrs: Record<string, string>, start: number, openEnd: number): void;
  close?(name: string, closeStart: number, end: number, selfClosing: boolean): void;
  text?(text: string): void;
}

interface Slot {
  h: ScanHandlers;
  xml: string;
  base: number;
  lastOpenEnd: number;
}

const NONE: ScanHandlers = {};

/** A parser and the handlers it calls now: one is kept and reused (a scan per row must not build a parser per row). */
function makeParser(slot: Slot): Parser {
  const p: Parser = new Parser(
    {
      onopentag(name, attrs) {
        const start = p.startIndex + slot.base;
        slot.lastOpenEnd = p.endIndex + slot.base + 1;
        slot.h.open?.(name, attrs, start, slot.lastOpenEnd);
      },
      onclosetag(name, implied) {
        const s = p.startIndex + slot.base;
        const e = p.endIndex + slot.base + 1;
        if (implied && e === slot.lastOpenEnd && slot.xml.charCodeAt(e - 2) === 47 /* / */) slot.h.close?.(name, e, e, true);
        // An element left open (`<br>` in old VML) ends where its parent's end tag starts.
        else if (implied) slot.h.close?.(name, s, s, false);
        else slot.h.close?.(name, s, e, false);
      },
      ontext(t) {
        slot.h.text?.(t);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  return p;
}

let idle: { p: Parser; slot: Slot } | undefined;

/** Runs the tokenizer over `xml` (or over xml[from, to)), calling the handlers with offsets into `xml`. */
export function scanXml(xml: string, h: ScanHandlers, from = 0, to = xml.length): void {
  let entry = idle;
  idle = undefined;
  if (!entry) {
    const slot: Slot = { h: NONE, xml: '', base: 0, lastOpenEnd: -1 };
    entry = { p: makeParser(slot), slot };
  }
  const { p, slot } = entry;
  slot.h = h;
  slot.xml = xml;
  slot.base = from;
  slot.lastOpenEnd = -1;
  try {
    p.parseComplete(from === 0 && to === xml.length ? xml : xml.slice(from, to));
  } finally {
    slot.h = NONE;
    slot.xml = '';
    idle = entry;
  }
}

/** Parses a part (or a slice of it) into its root element (the first element). */
export function parseXml(xml: string, from = 0, to = xml.length): XNode {
  const stack: XNode[] = [];
  let root: XNode | undefined;
  scanXml(
    xml,
    {
      open(name, attrs, start, openEnd) {
        const n: XNode = { name, local: localName(name), attrs, children: [], text: '', start, openEnd, closeStart: openEnd, end: openEnd, selfClosing: false };
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(n);
        else root ??= n;
        stack.push(n);
      },
      close(_name, closeStart, end, selfClosing) {
        const n = stack.pop();
        if (!n) return;
        n.closeStart = selfClosing ? n.openEnd : closeStart;
        n.end = end;
        n.selfClosing = selfClosing;
      },
      text(t) {
        const n = stack[stack.length - 1];
        if (n) n.text += t;
      },
    },
    from,
    to,
  );
  if (!root) throw new Error('no XML element');
  return root;
}

export function child(n: XNode | undefined, local: string): XNode | undefined {
  return n?.children.find((c) => c.local === local);
}

export function childrenOf(n: XNode | undefined, local: string): XNode[] {
  return n ? n.children.filter((c) => c.local === local) : [];
}

/** The raw text of an element (start tag to end tag). */
export function rawOf(xml: string, n: XNode): string {
  return xml.slice(n.start, n.end);
}

/** The raw content of an element (between its tags). */
export function innerOf(xml: string, n: XNode): string {
  return xml.slice(n.openEnd, n.closeStart);
}

// -------------------------------------------------------------------------------------------------
// Writing

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text content: & < > escaped; characters XML 1.0 forbids are dropped. */
export function escapeText(s: string): string {
  let t = s;
  if (FORBIDDEN.test(t)) t = t.replace(FORBIDDEN, '');
  FORBIDDEN.lastIndex = 0;
  if (!/[&<>\r]/.test(t)) return t;
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value (double-quoted): also " and the whitespace an attribute would normalise. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** A start tag (or an empty element) from its name and attributes, in the attributes' order. */
export function startTag(name: string, attrs: Record<string, string | undefined>, empty = false): string {
  let s = `<${name}`;
  for (const k in attrs) {
    const v = attrs[k];
    if (v !== undefined) s += ` ${k}="${escapeAttr(v)}"`;
  }
  return s + (empty ? '/>' : '>');
}

/** An element with text content. */
export function textElement(name: string, text: string, attrs: Record<string, string | undefined> = {}): string {
  const preserve = /^\s|\s$|\n/.test(text) ? { 'xml:space': 'preserve' } : {};
  return `${startTag(name, { ...attrs, ...preserve })}${escapeText(text)}</${name}>`;
}

/** The element with its start tag rebuilt from `attrs` (content and end tag as written). */
export function withAttrs(xml: string, n: XNode, attrs: Record<string, string | undefined>): string {
  return startTag(n.name, attrs, n.selfClosing) + xml.slice(n.openEnd, n.end);
}

/** Edits of a text: replace [start, end) with `text`; applied together, in order of offset. */
export class Splice {
  private readonly edits: Array<{ start: number; end: number; text: string; seq: number }> = [];

  constructor(private readonly source: string) {}

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, seq: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get size(): number {
    return this.edits.length;
  }

  toString(): string {
    if (this.edits.length === 0) return this.source;
    const list = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
    const out: string[] = [];
    let pos = 0;
    for (const e of list) {
      if (e.start < pos) throw new Error('overlapping XML edits');
      out.push(this.source.slice(pos, e.start), e.text);
      pos = e.end;
    }
    out.push(this.source.slice(pos));
    return out.join('');
  }
}

/** The XML declaration jixiao writes at the top of a new part. */
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
