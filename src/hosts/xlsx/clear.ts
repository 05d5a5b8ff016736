/**
 * `clear` for .xlsx files: every cell in the ledger that still shows jixiao's mark gets its format and
 * note back (cells the user changed since are left as they are), the sheets jixiao added are removed and
 * so is the ledger. The same ledger as the add-in's: a workbook the add-in marked clears here too.
 */
import { isGenerated } from './addsheet';
import { Book } from './book';
import { Marks } from './marks';
import { REL } from './package';

export interface XlsxClearReport {
  /** Cells whose format and note were restored. */
  cleared: number;
  /** Cells in the ledger that no longer show jixiao's mark (changed since): left as they are. */
  skipped: number;
  /** Sheets jixiao had added, removed. */
  sheetsRemoved: string[];
}

export function clearXlsx(input: Uint8Array): { bytes: Uint8Array; report: XlsxClearReport } {
  const book = new Book(input);
  const marks = new Marks(book);
  const generated = book.workbook.live().filter((e) => e.path && book.pkg.has(e.path) && isGenerated(book, e));
  const { cleared, skipped } = marks.restoreAll(new Set(generated.map((e) => e.name.toLowerCase())));
  // A workbook keeps one visible sheet.
  const visible = book.workbook.live().filter((e) => !generated.includes(e) && !['hidden', 'veryHidden'].includes(e.node?.attrs.state ?? ''));
  const removable = visible.length ? generated : generated.slice(0, -1);
  for (const e of removable) {
    const path = e.path as string;
    const rels = book.pkg.relsOf(path);
    for (const r of [...rels.items]) {
      if (!r.external && r.type !== REL.worksheet) book.pkg.remove(rels.partOf(r));
      rels.remove(r.id);
    }
    book.forget(path);
    book.workbook.removeSheet(e);
  }
  book.ledger.sheets.length = 0;
  book.ledger.cells.length = 0;
  book.ledgerChanged = true;
  return { bytes: book.save(), report: { cleared, skipped, sheetsRemoved: removable.map((e) => e.name) } };
}
