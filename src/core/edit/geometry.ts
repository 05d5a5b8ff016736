/** What row operations read of a table: its extent, its block columns, their layout style and the standard order. */
import type { SheetGrid } from '../snapshot/snapshot';
import type { CategoryBlock, ColumnRole, Direction, Framework, Project, SubcategoryBlock, TargetTable } from '../model';
import { toA1 } from '../domain/a1';
import { parseDirection } from '../parse/direction';

/** Columns holding a project's (or the department's) own cells, merged or repeated over its rows. */
export const PROJECT_ROLES: ColumnRole[] = [
  'code',
  'name',
  'spendingArea',
  'fund',
  'fundGeneral',
  'fundGovFund',
  'fundSpecialAccount',
  'fundOther',
  'fundBasic',
  'fundProject',
  'goal',
];

/** How a block column shows its label over the block's rows. */
export type ColumnStyle = 'merged' | 'repeated' | 'sparse';

export function tableExtent(table: TargetTable): { top: number; left: number; bottom: number; right: number } {
  return table.range;
}

export function tableRight(table: TargetTable): number {
  let right = 0;
  for (const c of Object.values(table.columns)) if (c !== undefined && c > right) right = c;
  return Math.max(right, tableExtent(table).right);
}

/** The first data row of the table (after its first header band). */
export function firstDataRow(table: TargetTable): number {
  return table.headerBands[0].bottom + 1;
}

export function projectColumns(table: TargetTable): number[] {
  const cols: number[] = [];
  for (const role of PROJECT_ROLES) {
    const c = table.columns[role];
    if (c !== undefined && !cols.includes(c)) cols.push(c);
  }
  return cols;
}

/** Columns of the indicator itself (every column of the table but the project, 一级 and 二级 ones). */
export function indicatorColumns(table: TargetTable): number[] {
  const skip = new Set<number>([...projectColumns(table)]);
  if (table.columns.category !== undefined) skip.add(table.columns.category);
  if (table.columns.subcategory !== undefined) skip.add(table.columns.subcategory);
  const out: number[] = [];
  for (let c = 1; c <= tableRight(table); c++) if (!skip.has(c)) out.push(c);
  return out;
}

interface Span {
  first: number;
  last: number;
  /** Rows of the block (a block may span a repeated page header). */
  rows?: number[];
}

/**
 * The style of a block column, voted by the table's blocks of two rows or more: merged (the label
 * cell is merged down), repeated (later rows show the label again), sparse (written once).
 * null when no block has two rows.
 */
export function voteStyle(grid: SheetGrid, spans: Span[], col: number): ColumnStyle | null {
  const votes: Record<ColumnStyle, number> = { merged: 0, repeated: 0, sparse: 0 };
  for (const s of spans) {
    const rows = s.rows ?? range(s.first, s.last);
    if (rows.length < 2) continue;
    const m = grid.mergeAt(rows[0], col);
    if (m && m.bottom > m.top) votes.merged++;
    else if (rows.slice(1).some((r) => !isEmpty(grid.raw(r, col)))) votes.repeated++;
    else if (!isEmpty(grid.value(rows[0], col))) votes.sparse++;
  }
  const total = votes.merged + votes.repeated + votes.sparse;
  if (total === 0) return null;
  if (votes.merged >= votes.repeated && votes.merged >= votes.sparse) return 'merged';
  return votes.repeated >= votes.sparse ? 'repeated' : 'sparse';
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let r = a; r <= b; r++) out.push(r);
  return out;
}

export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Style of every block column of the table (project columns, 一级, 二级); a column with no evidence takes its parent's. */
export function columnStyles(grid: SheetGrid, table: TargetTable): Map<number, ColumnStyle> {
  const styles = new Map<number, ColumnStyle>();
  const projectSpans: Span[] = table.projects.map((p) => ({ first: p.firstRow, last: p.lastRow, rows: p.rows.map((r) => r.row) }));
  const catSpans: Span[] = [];
  const subSpans: Span[] = [];
  for (const p of table.projects) {
    const rows = new Set(p.rows.map((r) => r.row));
    for (const c of p.categories) {
      catSpans.push({ first: c.firstRow, last: c.lastRow, rows: range(c.firstRow, c.lastRow).filter((r) => rows.has(r)) });
      for (const s of c.subcategories) subSpans.push({ first: s.firstRow, last: s.lastRow, rows: range(s.firstRow, s.lastRow).filter((r) => rows.has(r)) });
    }
  }
  let projectStyle: ColumnStyle | null = null;
  for (const col of projectColumns(table)) {
    const s = voteStyle(grid, projectSpans, col);
    if (s) {
      styles.set(col, s);
      if (col === table.columns.name || projectStyle === null) projectStyle = s;
    }
  }
  projectStyle ??= 'merged';
  for (const col of projectColumns(table)) if (!styles.has(col)) styles.set(col, projectStyle);
  const cat = table.columns.category;
  const catStyle = (cat !== undefined ? voteStyle(grid, catSpans, cat) : null) ?? projectStyle;
  if (cat !== undefined) styles.set(cat, catStyle);
  const sub = table.columns.subcategory;
  if (sub !== undefined) styles.set(sub, voteStyle(grid, subSpans, sub) ?? catStyle);
  return styles;
}

// ---------------------------------------------------------------- standard order


/** The blocks a row belongs to. */
export interface RowBlocks {
  project: Project;
  category: CategoryBlock | null;
  subcategory: SubcategoryBlock | null;
}

/** The project, 一级 and 二级 blocks holding the row, or null for a row of no project (header, summary, blank). */
export function blocksOfRow(table: TargetTable, row: number): RowBlocks | null {
  for (const p of table.projects) {
    if (row < p.firstRow || row > p.lastRow) continue;
    if (!p.rows.some((r) => r.row === row)) return null;
    for (const c of p.categories) {
      if (row < c.firstRow || row > c.lastRow) continue;
      for (const s of c.subcategories) if (row >= s.firstRow && row <= s.lastRow) return { project: p, category: c, subcategory: s };
      return { project: p, category: c, subcategory: null };
    }
    return { project: p, category: null, subcategory: null };
  }
  return null;
}

/** The framework of a project: what it uses, else the profile's. */
export function frameworkOf(project: Project, profileFramework: Framework): Framework {
  return project.framework ?? profileFramework;
}

// ---------------------------------------------------------------- what a row operation writes beside the table

const DIRECTION_SYMBOL: Record<Direction, string> = { gte: '≥', lte: '≤', eq: '=', qualitative: '定性' };

/** The direction as the table writes it (the most used text for that direction), else the symbol. */
export function directionText(table: TargetTable, _grid: SheetGrid, d: Direction): string {
  const counts = new Map<string, number>();
  for (const p of table.projects)
    for (const i of p.indicators) {
      if (i.direction === d && i.directionField) counts.set(i.directionField.text, (counts.get(i.directionField.text) ?? 0) + 1);
    }
  let best: string | null = null;
  for (const [t, n] of counts) if (best === null || n > counts.get(best)!) best = t;
  return best !== null && parseDirection(best) === d ? best : DIRECTION_SYMBOL[d];
}

/**
 * The first cell beside the table (to its right, on the rows from `at` to the table's end) that holds
 * something or is merged: inserting whole rows there would move it. null when there is none.
 */
export function besideTable(grid: SheetGrid, table: TargetTable, at: number): string | null {
  const right = tableRight(table);
  const bottom = Math.max(tableExtent(table).bottom, at);
  for (let r = at; r <= bottom; r++)
    for (let c = right + 1; c <= grid.colCount; c++) if (!isEmpty(grid.raw(r, c))) return toA1(r, c);
  for (const m of grid.merges) if (m.right > right && m.bottom >= at && m.top <= bottom) return toA1(Math.max(m.top, at), Math.max(m.left, right + 1));
  return null;
}

/** `total` shared by `n`: whole numbers when `total` is one (40 / 3 = 14, 13, 13), else to the cent; the first takes the rest. */
export function splitWeight(total: number, n: number): number[] {
  const unit = Number.isInteger(total) ? 1 : 0.01;
  const each = Math.floor(total / n / unit) * unit;
  const first = Math.round((total - each * (n - 1)) * 100) / 100;
  return Array.from({ length: n }, (_, k) => (k === 0 ? first : Math.round(each * 100) / 100));
}
