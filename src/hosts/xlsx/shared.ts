/**
 * Shared formulas (`<f t="shared" ref="D2:D9" si="0">D2*2</f>` on the first cell, `<f t="shared" si="0"/>`
 * on the others): each cell's formula is the first one's, moved by the cell's offset. That only holds
 * while the cells and what they refer to move together, so before rows are inserted into or above a
 * group, or into a sheet it refers to, the group is written out as one plain formula per cell (what Excel
 * does when it cannot keep a group). A group the plan overwrites the first cell of is written out too.
 */
import { mapRefs, type RefPart } from '../../core/edit/formula';
import { formulaOf, formulaXml, parseRow, type CellRec, type RowRec } from './cells';
import type { RowMoves } from './moves';
import type { SheetModel } from './sheet';

/** A formula copied `dRow` rows and `dCol` columns away: relative parts move, absolute ones stay. */
export function translateFormula(text: string, dRow: number, dCol: number): string {
  if (!dRow && !dCol) return text;
  const part = (p: RefPart): RefPart => ({ ...p, row: p.row > 0 && !p.rowAbs ? p.row + dRow : p.row, col: p.col > 0 && !p.colAbs ? p.col + dCol : p.col });
  return mapRefs(text, (r) => ({ prefix: r.prefix, a: part(r.a), b: r.b ? part(r.b) : null }));
}

interface Member {
  row: RowRec;
  cell: CellRec;
}

interface Group {
  master?: Member;
  members: Member[];
}

/** The shared formula groups of a sheet (original rows only: rows this run added hold none). */
function groups(sheet: SheetModel, only?: string): Map<string, Group> {
  const out = new Map<string, Group>();
  const xml = sheet.xml;
  let next = xml.indexOf('shared');
  for (const row of sheet.rows) {
    if (row.start < 0 || next < 0) continue;
    if (next < row.start) next = xml.indexOf('shared', row.start);
    if (next < 0 || next >= row.end) continue;
    if (!row.cells) parseRow(xml, row);
    for (const cell of row.cells ?? []) {
      const f = formulaOf(cell);
      if (!f || f.attrs.t !== 'shared' || f.attrs.si === undefined) continue;
      const si = f.attrs.si;
      if (only !== undefined && si !== only) continue;
      let g = out.get(si);
      if (!g) out.set(si, (g = { members: [] }));
      const m = { row, cell };
      if (f.attrs.ref !== undefined && f.text) g.master = m;
      g.members.push(m);
    }
  }
  return out;
}

function expand(g: Group): void {
  const master = g.master;
  if (!master) return;
  const mf = formulaOf(master.cell);
  if (!mf) return;
  for (const m of g.members) {
    const f = formulaOf(m.cell);
    if (!f) continue;
    const attrs = { ...f.attrs };
    delete attrs.t;
    delete attrs.si;
    delete attrs.ref;
    f.attrs = attrs;
    f.text = translateFormula(mf.text, m.row.origR - master.row.origR, m.cell.col - master.cell.col);
    m.cell.inner = f.before + formulaXml(f) + f.after;
    m.cell.raw = undefined;
    m.cell.epoch = 0;
    m.row.dirty = true;
  }
}

/** Writes out the shared formula groups that the plan's row insertions would break. */
export function expandSharedFormulas(sheet: SheetModel, moves: RowMoves): void {
  const own = moves.moved(sheet.name);
  if (sheet.xml.indexOf('shared') < 0) return;
  for (const g of groups(sheet).values()) {
    const mf = g.master ? formulaOf(g.master.cell) : null;
    if (!mf) continue;
    if (own || moves.refersToMoved(mf.text, sheet.name)) {
      expand(g);
      sheet.markRowsChanged();
    }
  }
}

/** Before the first cell of a shared group is overwritten: the group's other cells get their own formulas. */
export function expandGroupOf(sheet: SheetModel, cell: CellRec): void {
  const f = formulaOf(cell);
  if (!f || f.attrs.t !== 'shared' || f.attrs.ref === undefined || f.attrs.si === undefined) return;
  const g = groups(sheet, f.attrs.si).get(f.attrs.si);
  if (g) {
    expand(g);
    sheet.markRowsChanged();
  }
}
