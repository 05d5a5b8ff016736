/**
 * Parts outside the worksheets that hold rows of a sheet whose rows were inserted: drawings (pictures and
 * charts are anchored to rows), tables, threaded comments, chart series formulas and pivot cache sources.
 * Each is rewritten only when something in it moves.
 */
import type { RowMoves } from './moves';
import type { XlsxPackage } from './package';
import type { WorkbookPart } from './workbook';
import { REL } from './package';
import { Splice, child, parseXml, startTag, type XNode } from './xml';

/** Moves the anchors of a drawing part (0-based rows) with the sheet's rows. */
function moveDrawing(xml: string, row: (r: number) => number): string {
  const root = parseXml(xml);
  const s = new Splice(xml);
  const setRow = (marker: XNode | undefined, delta?: number): number => {
    const r = child(marker, 'row');
    if (!r || r.children.length) return 0;
    const old = Number(r.text.trim());
    if (!Number.isFinite(old)) return 0;
    const now = delta === undefined ? row(old + 1) - 1 : old + delta;
    if (now !== old) s.replace(r.openEnd, r.closeStart, String(now));
    return now - old;
  };
  for (const a of root.children) {
    if (a.local === 'twoCellAnchor') {
      if (a.attrs.editAs === 'absolute') continue;
      const d = setRow(child(a, 'from'));
      setRow(child(a, 'to'), a.attrs.editAs === 'oneCell' ? d : undefined);
    } else if (a.local === 'oneCellAnchor') setRow(child(a, 'from'));
  }
  return s.toString();
}

/** What row moves need of the book: its package, its sheets and the moves (a Book satisfies it; no import of book.ts). */
export interface MovedBook {
  pkg: XlsxPackage;
  moves: RowMoves;
  workbook: WorkbookPart;
}

export function moveOtherParts(book: MovedBook): void {
  const { pkg, moves } = book;
  for (const e of book.workbook.live()) {
    if (!e.path || !moves.moved(e.name) || !pkg.has(e.path)) continue;
    const rels = pkg.relsOf(e.path);
    const row = (r: number) => moves.row(e.name, r);
    for (const r of rels.items) {
      if (r.external) continue;
      const part = rels.partOf(r);
      if (!pkg.has(part)) continue;
      const xml = pkg.text(part);
      let out = xml;
      if (r.type === REL.drawing) out = moveDrawing(xml, row);
      else if (r.type === REL.table || r.type === REL.threadedComment) out = moves.section(xml, e.name);
      if (out !== xml) pkg.setText(part, out);
    }
  }
  for (const part of pkg.parts()) {
    const lower = part.toLowerCase();
    if (/^xl\/charts\/chart[^/]*\.xml$/.test(lower)) {
      const xml = pkg.text(part);
      if (!moves.mayName(xml)) continue;
      const out = moves.section(xml, '');
      if (out !== xml) pkg.setText(part, out);
    } else if (/^xl\/pivotcache\/pivotcachedefinition[^/]*\.xml$/.test(lower)) {
      const xml = pkg.text(part);
      if (!moves.mayName(xml)) continue;
      const root = parseXml(xml);
      const src = child(child(root, 'cacheSource'), 'worksheetSource');
      if (!src || !src.attrs.ref || !src.attrs.sheet || !moves.moved(src.attrs.sheet)) continue;
      const ref = moves.ref(src.attrs.ref, src.attrs.sheet);
      if (ref === src.attrs.ref) continue;
      const s = new Splice(xml);
      s.replace(src.start, src.openEnd, startTag(src.name, { ...src.attrs, ref }, src.selfClosing));
      pkg.setText(part, s.toString());
    }
  }
}
