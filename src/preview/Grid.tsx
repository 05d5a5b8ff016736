/**
 * An in-browser view of the fake workbook: the active sheet as a grid with merged cells, fills, fonts,
 * notes (red corner, shown on hover and in the status bar) and the selection; sheet tabs below.
 * Clicking a cell selects it in the fake workbook, as clicking in Excel would.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { FakeCell, FakeSheet, FakeWorkbook } from '../hosts/fake/model';
import { cellKey } from '../hosts/fake/model';
import { colToLetters, toA1 } from '../core/domain/a1';
import { displayText } from './format';
import type { DisplayInfo } from './xlsx-load';

const MAX_ROWS = 1500;
const DEFAULT_COL_PX = 72;
const ROW_PX = 22;

export interface GridProps {
  workbook: FakeWorkbook;
  display: DisplayInfo;
  /** Bumped after every change so the grid re-reads the workbook. */
  version: number;
  onSelect(sheet: string, row: number, col: number): void;
  onActivate(sheet: string): void;
}

export function Grid({ workbook, display, version, onSelect, onActivate }: GridProps) {
  const sheet = workbook.sheets.find((s) => s.name === workbook.activeSheet) ?? workbook.sheets[0];
  const sel = workbook.selection.sheet === sheet?.name ? workbook.selection.range : null;
  const scroller = useRef<HTMLDivElement>(null);
  const layout = useMemo(() => (sheet ? layoutOf(sheet) : null), [sheet, version]); // `version` changes when the workbook does (its objects change in place)

  useEffect(() => {
    if (!sel || !scroller.current) return;
    // Scroll the grid (only the grid, never the page) so that the selected cell's top-left corner shows.
    const box = scroller.current;
    const el = box.querySelector<HTMLElement>(`td[data-cell="${toA1(sel.top, sel.left)}"]`);
    if (!el) return;
    const head = 22;
    const rowHead = 40;
    const top = el.offsetTop;
    const left = el.offsetLeft;
    if (top - head < box.scrollTop || top + Math.min(el.offsetHeight, box.clientHeight - head) > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - head - 40);
    }
    if (left - rowHead < box.scrollLeft || left + Math.min(el.offsetWidth, box.clientWidth - rowHead) > box.scrollLeft + box.clientWidth) {
      box.scrollLeft = Math.max(0, left - rowHead - 40);
    }
  }, [sel?.top, sel?.left, sheet?.name, version]); // `version` changes when the workbook does (its objects change in place)

  if (!sheet || !layout) return null;
  const selectedCell = sel ? sheet.cells.get(cellKey(sel.top, sel.left)) : undefined;
  const heights = display.rowHeights[sheet.name] ?? {};
  const align = display.align[sheet.name] ?? {};

  return (
    <div className="grid-wrap">
      <div className="formula-bar" data-testid="status">
        <span className="name-box" data-testid="name-box">
          {sel ? toA1(sel.top, sel.left) : ''}
        </span>
        <span className="formula" data-testid="status-value">
          {selectedCell?.formula ?? displayText(selectedCell)}
        </span>
      </div>
      <div className="grid-scroll" ref={scroller}>
        <table className="grid" data-testid="grid" data-sheet={sheet.name}>
          <colgroup>
            <col style={{ width: 40 }} />
            {layout.cols.map((c) => (
              <col key={c} style={{ width: sheet.columnWidths[c] ? Math.round(sheet.columnWidths[c] / 0.75) : DEFAULT_COL_PX }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" />
              {layout.cols.map((c) => (
                <th key={c} className={sel && c >= sel.left && c <= sel.right ? 'hdr hdr-sel' : 'hdr'}>
                  {colToLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {layout.rows.map((r) => (
              <tr key={r} style={{ height: heights[r] ? Math.max(ROW_PX, Math.round(heights[r] / 0.75)) : ROW_PX }}>
                <th className={sel && r >= sel.top && r <= sel.bottom ? 'hdr rowhdr hdr-sel' : 'hdr rowhdr'}>{r}</th>
                {layout.cols.map((c) => {
                  const m = layout.mergeAt.get(cellKey(r, c));
                  if (m === 'covered') return null;
                  const cell = sheet.cells.get(cellKey(r, c));
                  const a1 = toA1(r, c);
                  const selected = sel !== null && sel.top === r && sel.left === c;
                  const style: React.CSSProperties = {};
                  if (cell?.fill && cell.fill.pattern !== 'None' && cell.fill.color) style.backgroundColor = cell.fill.color;
                  if (cell?.font?.color) style.color = cell.font.color;
                  if (cell?.font?.bold) style.fontWeight = 600;
                  if (cell?.font?.underline && cell.font.underline !== 'None') style.textDecoration = 'underline';
                  const h = align[cellKey(r, c)];
                  if (h === 'center' || h === 'centerContinuous') style.textAlign = 'center';
                  else if (h === 'right') style.textAlign = 'right';
                  else if (typeof cell?.value === 'number' && !h) style.textAlign = 'right';
                  const text = displayText(cell);
                  return (
                    <td
                      key={c}
                      data-cell={a1}
                      data-fill={cell?.fill && cell.fill.pattern !== 'None' ? cell.fill.color.toUpperCase() : undefined}
                      data-note={cell?.note ? '1' : undefined}
                      data-selected={selected ? '1' : undefined}
                      rowSpan={m ? m.rows : undefined}
                      colSpan={m ? m.cols : undefined}
                      className={[cell?.wrapText ? 'wrap' : '', selected ? 'sel' : ''].join(' ').trim() || undefined}
                      style={style}
                      title={cell?.note ? `${text ? `${text}\n\n` : ''}📝 ${cell.note.content}` : text || undefined}
                      onMouseDown={() => onSelect(sheet.name, r, c)}
                    >
                      <div className="cell-text">{text}</div>
                      {cell?.note && <span className="note-mark" aria-hidden="true" />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {layout.truncated && <div className="truncated">… {layout.lastRow - MAX_ROWS} more rows not shown</div>}
      </div>
      <div className="note-bar" data-testid="status-note">
        {selectedCell?.note ? selectedCell.note.content : ''}
      </div>
      <div className="sheet-tabs" role="tablist">
        {workbook.sheets
          .filter((s) => s.visibility === 'Visible')
          .map((s) => (
            <button
              key={s.id}
              role="tab"
              type="button"
              aria-selected={s.name === sheet.name}
              data-testid="sheet-tab"
              data-sheet={s.name}
              className={s.name === sheet.name ? 'sheet-tab active' : 'sheet-tab'}
              onClick={() => onActivate(s.name)}
            >
              {s.name}
            </button>
          ))}
      </div>
    </div>
  );
}

interface Layout {
  rows: number[];
  cols: number[];
  lastRow: number;
  truncated: boolean;
  mergeAt: Map<number, { rows: number; cols: number } | 'covered'>;
}

function layoutOf(sheet: FakeSheet): Layout {
  let lastRow = 0;
  let lastCol = 0;
  for (const [k, c] of sheet.cells) {
    if (!hasShow(c)) continue;
    const r = Math.floor(k / 16384);
    const col = (k % 16384) + 1;
    if (r > lastRow) lastRow = r;
    if (col > lastCol) lastCol = col;
  }
  for (const m of sheet.merges) {
    lastRow = Math.max(lastRow, m.bottom);
    lastCol = Math.max(lastCol, m.right);
  }
  const shownRows = Math.min(Math.max(lastRow + 3, 30), MAX_ROWS);
  const shownCols = Math.max(lastCol + 1, 10);
  const mergeAt = new Map<number, { rows: number; cols: number } | 'covered'>();
  for (const m of sheet.merges) {
    if (m.top > shownRows) continue;
    for (let r = m.top; r <= Math.min(m.bottom, shownRows); r++) {
      for (let c = m.left; c <= m.right; c++) mergeAt.set(cellKey(r, c), 'covered');
    }
    mergeAt.set(cellKey(m.top, m.left), { rows: Math.min(m.bottom, shownRows) - m.top + 1, cols: m.right - m.left + 1 });
  }
  return {
    rows: Array.from({ length: shownRows }, (_, i) => i + 1),
    cols: Array.from({ length: shownCols }, (_, i) => i + 1),
    lastRow,
    truncated: lastRow > MAX_ROWS,
    mergeAt,
  };
}

function hasShow(c: FakeCell): boolean {
  return (c.value !== undefined && c.value !== null && c.value !== '') || c.formula !== undefined || c.fill !== undefined || c.note !== undefined;
}
