/**
 * Sheets jixiao adds (检查结果): written from scratch, after the last sheet and not active, with links to
 * the cells they list and the marker note on A1. A sheet of that name that jixiao made (in the ledger, or
 * A1 says so) is replaced where it is; a user's sheet of that name never is: the new one gets ` (2)`.
 */
import { colToLetters, parseA1, quoteSheet, toA1 } from '../../core/domain/a1';
import { GENERATED_SHEET_MARKER } from '../../core/check/i18n';
import { SHEET_MARKER_NOTE, SHEET_MARKER_PREFIX, isJixiaoText, normaliseColour, sanitiseSheetName } from '../../core/plan/conventions';
import type { AddSheetOp, PlanValue } from '../../core/plan/ops';
import type { Book } from './book';
import { valueXml } from './cells';
import { NOTE_AUTHOR } from './marks';
import { SheetModel, RELS_NS } from './sheet';
import type { SheetEntry } from './workbook';
import { XML_DECL, escapeAttr, startTag } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Whether jixiao made a sheet: the ledger says so, or its A1 holds the marker (text or note). */
export function isGenerated(book: Book, e: SheetEntry): boolean {
  if (book.ledger.sheets.some((s) => s.toLowerCase() === e.name.toLowerCase())) return true;
  if (!e.path) return false;
  const sheet = book.sheet(e.name);
  const a1 = book.cellText(sheet, 1, 1);
  if (a1 !== null && (a1.trim() === GENERATED_SHEET_MARKER || isJixiaoText(a1))) return true;
  if (!book.hasNotes(sheet)) return false;
  const note = book.notes(sheet).text(1, 1);
  return note !== null && note.trimStart().startsWith(SHEET_MARKER_PREFIX);
}

function isValue(v: PlanValue | undefined): v is string | number | boolean {
  return v !== undefined && v !== null && !(typeof v === 'number' && !Number.isFinite(v));
}

function sheetXml(book: Book, op: AddSheetOp): string {
  const rows: string[] = [];
  const links: string[] = [];
  let width = 1;
  op.rows.forEach((line, i) => {
    const r = i + 1;
    const cells: string[] = [];
    (line ?? []).forEach((c, j) => {
      if (!c) return;
      const ref = toA1(r, j + 1);
      const s = book.styles.plainXf({ bold: c.bold, fill: c.fill ? normaliseColour(c.fill) : undefined, link: !!c.link });
      const v = isValue(c.value) ? valueXml(c.value, '') : { inner: '' };
      if (!v.inner && !s) return;
      width = Math.max(width, j + 1);
      cells.push(`${startTag('c', { r: ref, s: s ? String(s) : undefined, t: v.t })}${v.inner}</c>`);
      if (c.link) {
        const p = parseA1(c.link.cell.replace(/\$/g, ''));
        links.push(`<hyperlink ref="${ref}" location="${escapeAttr(`${quoteSheet(c.link.sheet)}!${toA1(p.row, p.col)}`)}"/>`);
      }
    });
    if (cells.length) rows.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const cols = (op.columnWidths ?? [])
    .map((w, i) => (typeof w === 'number' && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(w, 255)}" customWidth="1"/>` : ''))
    .join('');
  const last = Math.max(1, op.rows.length);
  return (
    `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${RELS_NS}">` +
    `<dimension ref="A1:${colToLetters(width)}${last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}

/** Adds (or replaces) a sheet jixiao writes; returns its name. */
export function addSheet(book: Book, op: AddSheetOp): string {
  const base = sanitiseSheetName(op.name);
  let name = base;
  let replace: SheetEntry | undefined;
  for (let i = 1; ; i++) {
    if (i > 1) {
      const suffix = ` (${i})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    const existing = book.workbook.find(name);
    if (!existing) break;
    if (existing.path && isGenerated(book, existing)) {
      replace = existing;
      name = existing.name;
      break;
    }
    if (i > 999) throw new Error('no free sheet name / 找不到可用的工作表名');
  }
  const xml = sheetXml(book, op);
  let path: string;
  if (replace?.path) {
    path = replace.path;
    // The old sheet's notes (and anything else it had) go with it.
    const rels = book.pkg.relsOf(path);
    for (const r of [...rels.items]) {
      if (!r.external) book.pkg.remove(rels.partOf(r));
      rels.remove(r.id);
    }
    book.forget(path);
  } else {
    path = book.pkg.freeName('xl/worksheets/sheet', '.xml');
    book.workbook.addSheet(name, path);
  }
  book.pkg.setText(path, xml);
  const model = new SheetModel(name, path, xml);
  book.adopt(model);
  book.notes(model).append(1, 1, SHEET_MARKER_NOTE, NOTE_AUTHOR);
  if (!book.ledger.sheets.some((s) => s.toLowerCase() === name.toLowerCase())) {
    book.ledger.sheets.push(name);
    book.ledgerChanged = true;
  }
  return name;
}
