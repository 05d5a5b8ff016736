/**
 * A corpus document rebuilt as a workbook: each sheet's rows as written in the published table (row 1 = the
 * sheet's first row, column A first), its merged areas, and optional number formats. `writeCorpusXlsx`
 * turns it into an .xlsx with exceljs, so the corpus keeps no binary files.
 */
import ExcelJS from 'exceljs';

/** A cell as published: text, a number, or empty (null). A date is written as text, as the source shows it. */
export type CorpusCell = string | number | null;

export interface CorpusSheet {
  /** Sheet name (the workbook's, or one chosen from the document's title when the source is a PDF or page). */
  name: string;
  /** Rows from row 1 down; each row from column A. Trailing nulls may be left out. */
  rows: CorpusCell[][];
  /** Merged areas as A1 ranges (`A5:A20`), as the source shows them. */
  merges?: string[];
  /** Number formats by A1 cell (`'0.00%'` for a percentage stored as 0.95). */
  numFmts?: Record<string, string>;
}

export interface CorpusWorkbook {
  sheets: CorpusSheet[];
}

export function defineCorpusWorkbook(wb: CorpusWorkbook): CorpusWorkbook {
  return wb;
}

export async function corpusToXlsx(wb: CorpusWorkbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const sheet of wb.sheets) {
    const ws = book.addWorksheet(sheet.name);
    sheet.rows.forEach((row, i) => {
      const r = ws.getRow(i + 1);
      row.forEach((v, j) => {
        if (v !== null && v !== undefined && v !== '') r.getCell(j + 1).value = v;
      });
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    for (const [a1, fmt] of Object.entries(sheet.numFmts ?? {})) ws.getCell(a1).numFmt = fmt;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
