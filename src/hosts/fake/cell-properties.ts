/** Range.getCellProperties and setCellProperties (ExcelApi 1.9): a cell's format as Excel reports it, and format changes by cell. */
import type { XlCellProperties, XlCellPropertiesFormat, XlCellPropertiesLoad } from '../office/excel-api';
import { fullAddress } from './address';
import { normaliseColor } from './cells';
import { cellKey, type FakeCell, type FakeSheet } from './model';

const DEFAULT_FONT = { bold: false, color: '#000000', italic: false, name: 'Calibri', size: 11, strikethrough: false, underline: 'None' };
const DEFAULT_BORDER = { style: 'None', color: '#000000', weight: 'Thin' };

function pick<T extends Record<string, unknown>>(all: T, want: unknown): Partial<T> {
  if (want === true) return { ...all };
  if (!want || typeof want !== 'object') return {};
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(want as Record<string, unknown>)) if (v && k in all) (out as Record<string, unknown>)[k] = all[k];
  return out;
}

export function cellProperties(sheet: FakeSheet, r: number, c: number, options: XlCellPropertiesLoad): XlCellProperties {
  const cell = sheet.cells.get(cellKey(r, c));
  const out: XlCellProperties & { address?: string } = {};
  if (options.address) out.address = fullAddress(sheet.name, { top: r, left: c, bottom: r, right: c });
  const want = options.format as Record<string, unknown> | boolean | undefined;
  if (!want) return out;
  const all: Record<string, unknown> = {
    fill: { color: cell?.fill?.color ?? '#FFFFFF', pattern: cell?.fill?.pattern ?? 'None', patternColor: cell?.fill?.patternColor ?? '#000000' },
    font: { ...DEFAULT_FONT, ...(cell?.font ?? {}) },
    borders: {
      top: { ...DEFAULT_BORDER, ...(cell?.borders?.top ?? {}) },
      bottom: { ...DEFAULT_BORDER, ...(cell?.borders?.bottom ?? {}) },
      left: { ...DEFAULT_BORDER, ...(cell?.borders?.left ?? {}) },
      right: { ...DEFAULT_BORDER, ...(cell?.borders?.right ?? {}) },
    },
    horizontalAlignment: cell?.horizontalAlignment ?? 'General',
    verticalAlignment: cell?.verticalAlignment ?? 'Bottom',
    wrapText: cell?.wrapText ?? false,
    indentLevel: cell?.indentLevel ?? 0,
  };
  const format: Record<string, unknown> = {};
  const keys = want === true ? Object.keys(all) : Object.keys(want).filter((k) => (want as Record<string, unknown>)[k]);
  for (const k of keys) {
    if (!(k in all)) continue;
    const sub = want === true ? true : (want as Record<string, unknown>)[k];
    if (k === 'borders') {
      const b = all.borders as Record<string, Record<string, unknown>>;
      const bo: Record<string, unknown> = {};
      for (const side of Object.keys(b)) {
        const w = sub === true ? true : (sub as Record<string, unknown>)[side];
        if (w) bo[side] = pick(b[side], w);
      }
      format.borders = bo;
    } else if (typeof all[k] === 'object') format[k] = pick(all[k] as Record<string, unknown>, sub);
    else format[k] = all[k];
  }
  out.format = format as XlCellPropertiesFormat;
  return out;
}

export function applyCellFormat(cell: FakeCell, f: XlCellPropertiesFormat): void {
  if (f.fill) {
    const pattern = f.fill.pattern ?? (f.fill.color !== undefined ? (cell.fill && cell.fill.pattern !== 'None' ? cell.fill.pattern : 'Solid') : cell.fill?.pattern ?? 'None');
    if (pattern === 'None') cell.fill = undefined;
    else {
      const next: NonNullable<FakeCell['fill']> = { color: f.fill.color !== undefined ? normaliseColor(f.fill.color) : (cell.fill?.color ?? '#FFFFFF'), pattern };
      const pc = f.fill.patternColor !== undefined ? normaliseColor(f.fill.patternColor) : cell.fill?.patternColor;
      if (pc !== undefined && pattern !== 'Solid' && pc !== '#000000') next.patternColor = pc;
      cell.fill = next;
    }
  }
  if (f.font) {
    const font: Record<string, unknown> = { ...(cell.font ?? {}) };
    for (const [k, v] of Object.entries(f.font)) {
      if (v === undefined) continue;
      const val = k === 'color' ? normaliseColor(String(v)) : v;
      if ((DEFAULT_FONT as Record<string, unknown>)[k] === val) delete font[k];
      else font[k] = val;
    }
    cell.font = Object.keys(font).length ? (font as FakeCell['font']) : undefined;
  }
  if (f.borders) {
    const borders: Record<string, Record<string, unknown>> = JSON.parse(JSON.stringify(cell.borders ?? {}));
    for (const [side, b] of Object.entries(f.borders)) {
      if (!b) continue;
      const cur: Record<string, unknown> = { ...(borders[side] ?? {}) };
      for (const [k, v] of Object.entries(b)) {
        if (v === undefined) continue;
        const val = k === 'color' ? normaliseColor(String(v)) : v;
        if ((DEFAULT_BORDER as Record<string, unknown>)[k] === val) delete cur[k];
        else cur[k] = val;
      }
      if (Object.keys(cur).length) borders[side] = cur;
      else delete borders[side];
    }
    cell.borders = Object.keys(borders).length ? (borders as FakeCell['borders']) : undefined;
  }
  if (f.horizontalAlignment !== undefined) cell.horizontalAlignment = f.horizontalAlignment === 'General' ? undefined : f.horizontalAlignment;
  if (f.verticalAlignment !== undefined) cell.verticalAlignment = f.verticalAlignment === 'Bottom' ? undefined : f.verticalAlignment;
  if (f.wrapText !== undefined) cell.wrapText = f.wrapText ? true : undefined;
  if (f.indentLevel !== undefined) cell.indentLevel = f.indentLevel ? f.indentLevel : undefined;
}
