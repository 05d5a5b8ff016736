/**
 * What the prepare step reads of a cell or a row, and the formats a copy carries: the cell's state
 * before the plan (fill, font, note), the merge it is in, and cell formats made fit to be written back.
 */
import { toA1 } from '../../../core/domain/a1';
import type { XlCellProperties, XlCellPropertiesFormat, XlCellPropertiesLoad, XlClientResult, XlNote, XlRange, XlRangeAreas, XlWorksheet } from '../excel-api';
import type { CellState, FillState } from '../ledger';

/** What a format copy carries (getCellProperties / setCellProperties), number formats aside. */
export const FORMAT_LOAD: XlCellPropertiesLoad = {
  format: {
    fill: { color: true, pattern: true, patternColor: true },
    font: { bold: true, color: true, italic: true, name: true, size: true, strikethrough: true, underline: true },
    borders: {
      top: { color: true, style: true, weight: true },
      bottom: { color: true, style: true, weight: true },
      left: { color: true, style: true, weight: true },
      right: { color: true, style: true, weight: true },
    },
    horizontalAlignment: true,
    verticalAlignment: true,
    wrapText: true,
    indentLevel: true,
  },
};

/** A cell format as read, made fit to be written back (a fill without a pattern is cleared). */
export function settable(f: XlCellPropertiesFormat, fill?: FillState): XlCellPropertiesFormat {
  const out: XlCellPropertiesFormat = { ...f };
  const src = fill ?? (f.fill ? { pattern: f.fill.pattern ?? 'None', color: f.fill.color ?? '#FFFFFF', patternColor: f.fill.patternColor } : undefined);
  if (src) {
    if (src.pattern === 'None') out.fill = { pattern: 'None' };
    else if (src.pattern === 'Solid') out.fill = { pattern: 'Solid', color: src.color };
    else out.fill = { pattern: src.pattern, color: src.color, ...(src.patternColor ? { patternColor: src.patternColor } : {}) };
  }
  return out;
}

export interface CellProbe {
  sheet: string;
  row: number;
  col: number;
  /** The cell, with its fill and font loaded (marked cells only). */
  range?: XlRange;
  merges?: XlRangeAreas;
  note?: XlNote;
}

/** Estimated request and response bytes of one probe (to spread big reads over several syncs). */
export const PROBE_BYTES = { formats: 420, merges: 160, note: 260, run: 200 };

export function probeCell(ws: XlWorksheet, sheet: string, row: number, col: number, what: { formats?: boolean; merges?: boolean; note?: boolean }, into?: CellProbe): CellProbe {
  const ref = toA1(row, col);
  const p: CellProbe = into ?? { sheet, row, col };
  if ((what.formats || what.merges) && !p.range) p.range = ws.getRange(ref);
  if (what.formats && p.range) p.range.load('format/fill/color,format/fill/pattern,format/fill/patternColor,format/font/color,format/font/bold');
  if (what.merges && !p.merges && p.range) {
    p.merges = p.range.getMergedAreasOrNullObject();
    p.merges.load('address');
  }
  if (what.note && !p.note) {
    p.note = ws.notes.getItemOrNullObject(ref);
    p.note.load('content');
  }
  return p;
}

export function probeBytes(what: { formats?: boolean; merges?: boolean; note?: boolean }): number {
  return (what.formats ? PROBE_BYTES.formats : 0) + (what.merges ? PROBE_BYTES.merges : 0) + (what.note ? PROBE_BYTES.note : 0);
}

export function probeState(p: CellProbe): CellState {
  const note = p.note && !p.note.isNullObject ? p.note.content : null;
  if (!p.range) return { fill: { pattern: 'None', color: '#FFFFFF' }, font: { color: '#000000', bold: false }, note };
  const fill = p.range.format.fill;
  const font = p.range.format.font;
  const pattern = fill.pattern ?? 'None';
  const state: CellState = {
    fill: { pattern, color: fill.color ?? '#FFFFFF' },
    font: { color: font.color ?? '#000000', bold: !!font.bold },
    note,
  };
  if (pattern !== 'None' && pattern !== 'Solid' && fill.patternColor) state.fill.patternColor = fill.patternColor;
  return state;
}

/** Formats of a row segment: cell properties and number formats. */
export interface FormatProbe {
  sheet: string;
  row: number;
  left: number;
  right: number;
  props: XlClientResult<XlCellProperties[][]>;
  range: XlRange;
}

export interface CellFormat {
  format: XlCellPropertiesFormat;
  numberFormat: string;
}
