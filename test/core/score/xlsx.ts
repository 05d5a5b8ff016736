/** Writes snapshots as .xlsx with their number formats, and ISO dates in date-formatted cells as real dates. */
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import { rangeToA1, toA1 } from '../../../src/core/domain/a1';

export async function snapshotToXlsxWithFormats(wb: WorkbookSnapshot): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const sheet of wb.sheets) {
    const ws = book.addWorksheet(sheet.name);
    sheet.values.forEach((row, i) => {
      row?.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(i + 1, j + 1);
        const nf = sheet.numberFormats?.[toA1(i + 1, j + 1)];
        const iso = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
        cell.value = iso && nf ? new Date(Date.UTC(+iso[1], +iso[2] - 1, +iso[3])) : v;
      });
    });
    for (const [a1, nf] of Object.entries(sheet.numberFormats ?? {})) ws.getCell(a1).numFmt = nf;
    for (const m of sheet.merges) ws.mergeCells(rangeToA1(m));
    for (const [a1, f] of Object.entries(sheet.formulas ?? {})) {
      const cell = ws.getCell(a1);
      cell.value = { formula: f, result: cell.value as number } as ExcelJS.CellFormulaValue;
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
