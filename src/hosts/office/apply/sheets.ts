/**
 * addSheet in a write batch: adds a sheet, or replaces one jixiao made (marker in A1), and writes its
 * rows: values in blocks well within a request, bold in runs along rows, fills and links in runs down
 * columns, column widths, and the marker note on A1.
 */
import type { AddSheetOp } from '../../../core/plan/ops';
import { SHEET_MARKER_NOTE, sanitiseSheetName } from '../../../core/plan/conventions';
import { colToLetters, quoteSheet, toA1 } from '../../../core/domain/a1';
import { approxBytes, hexColor, normaliseCell, valueInput } from '../util';
import { candidateName } from './prepare';
import { WriteBatch } from './state';
import { badOp } from './timeline';

const LINK_COLOR = '#0563C1';

export async function addSheet(w: WriteBatch, op: AddSheetOp): Promise<{ name: string; temp?: string }> {
  const base = sanitiseSheetName(op.name);
  const find = (n: string) => w.names.find((x) => x.toLowerCase() === n.toLowerCase());
  let name = base;
  let replace: string | undefined;
  for (let i = 1; ; i++) {
    name = candidateName(base, i);
    const existing = find(name);
    if (!existing) break;
    if (w.generated.has(existing.toLowerCase())) {
      replace = existing;
      name = existing;
      break;
    }
    if (i > 999) throw badOp(op, '找不到可用的工作表名 / no free sheet name');
  }
  let temp: string | undefined;
  if (replace) {
    for (let i = 1; ; i++) {
      temp = `~jixiao-old-${i}`;
      if (!find(temp)) break;
    }
    const old = w.ws(replace);
    old.name = temp;
    w.wsCache.delete(replace.toLowerCase());
    w.wsCache.set(temp.toLowerCase(), old);
    w.names = w.names.map((x) => (x === replace ? (temp as string) : x));
  }
  const ws = w.ctx.workbook.worksheets.add(name);
  w.wsCache.set(name.toLowerCase(), ws);
  w.names.push(name);
  w.undo.push({ kind: 'sheet', seg: w.seg, name, temp });
  w.generated.add(name.toLowerCase());

  const rows = op.rows;
  const width = Math.max(1, ...rows.map((r) => r.length));
  if (rows.length) {
    const grid = rows.map((r) => {
      const line: Array<string | number | boolean> = new Array(width).fill('');
      r.forEach((c, j) => {
        if (c) line[j] = valueInput(c.value);
      });
      return line;
    });
    // The values in blocks of rows, each well within a request.
    await w.room(WriteBatch.estimate(null) * 4);
    const all = ws.getRange(`A1:${colToLetters(width)}${rows.length}`);
    all.format.verticalAlignment = 'Top';
    all.format.wrapText = true;
    for (let top = 0; top < grid.length; ) {
      let bytes = 0;
      let end = top;
      while (end < grid.length && (end === top || bytes < 400_000)) bytes += approxBytes(grid[end++]);
      await w.room(Math.ceil(bytes * 1.2) + 400);
      ws.getRange(`A${top + 1}:${colToLetters(width)}${end}`).values = grid.slice(top, end);
      top = end;
    }
    // Bold in runs along rows; fills and links in runs down columns.
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      let start = -1;
      for (let j = 0; j <= r.length; j++) {
        const bold = j < r.length && !!r[j]?.bold;
        if (bold && start < 0) start = j;
        if (!bold && start >= 0) {
          await w.room(400);
          ws.getRange(`${colToLetters(start + 1)}${i + 1}:${colToLetters(j)}${i + 1}`).format.font.bold = true;
          start = -1;
        }
      }
    }
    for (let j = 0; j < width; j++) {
      const l = colToLetters(j + 1);
      let start = -1;
      let fill = '';
      let linkStart = -1;
      for (let i = 0; i <= rows.length; i++) {
        const c = i < rows.length ? rows[i][j] : undefined;
        const f = c?.fill ? hexColor(c.fill) : '';
        if (f !== fill) {
          if (fill && start >= 0) {
            await w.room(400);
            ws.getRange(`${l}${start + 1}:${l}${i}`).format.fill.color = fill;
          }
          fill = f;
          start = f ? i : -1;
        }
        const link = !!c?.link;
        if (link && linkStart < 0) linkStart = i;
        if (!link && linkStart >= 0) {
          await w.room(800);
          const font = ws.getRange(`${l}${linkStart + 1}:${l}${i}`).format.font;
          font.color = LINK_COLOR;
          font.underline = 'Single';
          linkStart = -1;
        }
        if (c?.link) {
          await w.room(500);
          const target = `${quoteSheet(c.link.sheet)}!${normaliseCell(c.link.cell)}`;
          ws.getRange(toA1(i + 1, j + 1)).hyperlink = { documentReference: target, textToDisplay: c.value === null || c.value === undefined ? '' : String(c.value) };
        }
      }
    }
  }
  (op.columnWidths ?? []).forEach((wd, i) => {
    if (typeof wd === 'number' && wd > 0) {
      const l = colToLetters(i + 1);
      // Character widths (as in .xlsx) to points: 7 pixels a character plus 5 of padding, 0.75 pt a pixel.
      ws.getRange(`${l}:${l}`).format.columnWidth = Math.round((Math.min(wd, 255) * 7 + 5) * 0.75 * 100) / 100;
    }
  });
  if (w.notes) ws.notes.add(ws.getRange('A1'), SHEET_MARKER_NOTE);
  if (!w.ledger.sheets.some((x) => x.toLowerCase() === name.toLowerCase())) w.ledger.sheets.push(name);
  return { name, temp };
}
