/**
 * The layout reader's first steps (see read.ts): what it needs of every row, gathered in one pass, then
 * the header bands and the columns they name, and the title and note rows between data rows.
 */
import type { SheetGrid } from '../snapshot/snapshot';
import { normalizeText } from '../domain/text';
import type { ColumnMap, ColumnRole, MoneyUnit } from '../model';
import { type HeaderInfo, headerInfo, roleOfHeader } from './headers';

const MAX_BAND_ROWS = 4;

export interface Band {
  top: number;
  bottom: number;
  columns: ColumnMap;
  headers: Partial<Record<ColumnRole, string>>;
  /** The money unit a header word states (资金总额（万元）), or null. */
  moneyUnit: MoneyUnit | null;
}

// ---------------------------------------------------------------- row statistics

/**
 * What the reader needs to know of every row, gathered in one pass over the sheet's own cell values
 * (not merge-resolved) into typed arrays: band detection and the title/note test then cost O(1) per row
 * and allocate nothing.
 */
export interface RowStats {
  /** Cells holding anything (white space included): the title/note test. */
  filled: Int32Array;
  /** Cells holding text after trimming, or a number or boolean: the header test's denominator. */
  nonEmpty: Int32Array;
  /** Cells that are a header word or a group word above the columns. */
  headerCells: Int32Array;
  /** Column of the first filled cell (0 when none). */
  firstCol: Int32Array;
}

const NOT_HEADER = 0;
const HEADER_WORD = 1;

/** Whether a cell's own text is a header word (a role or a group word above the columns); memoised, as a sheet repeats its words. */
function headerWordKindOf(v: string): number {
  const t = v.trim();
  // Header words are short and have no digits: most data cells are rejected here.
  if (!t || t.length > 24 || /[0-9０-９]/.test(t)) return NOT_HEADER;
  if (roleOfHeader(t)) return HEADER_WORD;
  return GROUP_WORDS.test(normalizeText(t).replace(/[()（）]/g, '')) ? HEADER_WORD : NOT_HEADER;
}

/**
 * Header-word kinds by cell text: a plain Map looked up in the row loop (no memo wrapper: this runs
 * for every short text cell of the sheet), emptied when it grows large.
 */
const HEADER_KINDS = new Map<string, number>();

const GROUP_WORDS = /^(绩效指标|年度预算申请|按收入性质分|按支出性质分|部门整体支出年度绩效目标|绩效目标|预算情况|资金情况|项目资金|年度预算)$/;

export function rowStats(grid: SheetGrid): RowStats {
  const n = grid.rowCount + 1;
  const stats: RowStats = { filled: new Int32Array(n), nonEmpty: new Int32Array(n), headerCells: new Int32Array(n), firstCol: new Int32Array(n) };
  const values = grid.snapshot.values;
  for (let r = 1; r < n; r++) {
    const row = values[r - 1];
    if (!row) continue;
    let filled = 0;
    let nonEmpty = 0;
    let headerCells = 0;
    let firstCol = 0;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === '') continue;
      filled++;
      if (firstCol === 0) firstCol = c + 1;
      if (typeof v !== 'string') {
        nonEmpty++;
        continue;
      }
      // A long cell is never a header word; skip its lookup unless trimming could make it short. Once
      // the row cannot be header-like even if every cell left were a header word (headers × 2 ≥
      // non-empty cells), the rest are counted without a lookup (over-counted, harmlessly, if blank).
      if ((v.length > 24 && v.trim().length > 24) || nonEmpty - 2 * headerCells > row.length - c) {
        nonEmpty++;
        continue;
      }
      let kind = HEADER_KINDS.get(v);
      if (kind === undefined) {
        if (HEADER_KINDS.size >= 50000) HEADER_KINDS.clear();
        HEADER_KINDS.set(v, (kind = headerWordKindOf(v)));
      }
      if (kind === HEADER_WORD) {
        nonEmpty++;
        headerCells++;
      } else if (kind === NOT_HEADER && v.trim() !== '') nonEmpty++;
    }
    stats.filled[r] = filled;
    stats.nonEmpty[r] = nonEmpty;
    stats.headerCells[r] = headerCells;
    stats.firstCol[r] = firstCol;
  }
  return stats;
}

// ---------------------------------------------------------------- header bands

/** Most of the row's non-empty cells are header words, or four of them are (a header with recipient columns: 笏石街道办, 埭头镇, …). */
function isHeaderLike(stats: RowStats, row: number): boolean {
  const h = stats.headerCells[row];
  return h >= 1 && (h * 2 >= stats.nonEmpty[row] || h >= 4);
}

export function findHeaderBands(grid: SheetGrid, stats: RowStats): Band[] {
  const bands: Band[] = [];
  let r = 1;
  while (r <= grid.rowCount) {
    if (!isHeaderLike(stats, r)) {
      r++;
      continue;
    }
    // Grow the band over following header-like rows, and over rows covered by merges that start in the band.
    let bottom = r;
    while (bottom + 1 <= grid.rowCount && bottom + 1 - r < MAX_BAND_ROWS) {
      const next = bottom + 1;
      if (isHeaderLike(stats, next) || (stats.nonEmpty[next] === 0 && coveredByBandMerges(grid, r, bottom, next))) bottom = next;
      else break;
    }
    // A key-value row right above the header (「总 体 目 标」 and its text) is not part of it: its label is a
    // header word, but it holds a value, and none of its cells is merged down into the header.
    let top = r;
    while (top < bottom && stats.nonEmpty[top] > stats.headerCells[top] && !mergesDown(grid, top)) top++;
    const { columns, headers, moneyUnit } = mapColumns(grid, top, bottom);
    const ok =
      columns.indicator !== undefined &&
      columns.target !== undefined &&
      (columns.category !== undefined || columns.subcategory !== undefined || columns.rule !== undefined || columns.unit !== undefined);
    if (ok) {
      bands.push({ top, bottom, columns, headers, moneyUnit });
      r = bottom + 1;
    } else {
      r++;
    }
  }
  return bands;
}

/** Whether a merge starting on the row reaches the row below it. */
function mergesDown(grid: SheetGrid, row: number): boolean {
  for (let c = 1; c <= grid.colCount; c++) {
    const m = grid.mergeAt(row, c);
    if (m && m.top === row && m.bottom > row) return true;
  }
  return false;
}

/** A row whose cells are all empty but whose header cells above are merged down into it is part of the band. */
function coveredByBandMerges(grid: SheetGrid, top: number, bottom: number, row: number): boolean {
  let covered = 0;
  for (let c = 1; c <= grid.colCount; c++) {
    const m = grid.mergeAt(row, c);
    if (m && m.top >= top && m.top <= bottom) covered++;
  }
  return covered > 0;
}

interface Candidate {
  role: ColumnRole;
  col: number;
  text: string;
  info: HeaderInfo;
}

/**
 * The columns a band names. For every column the deepest header word wins. Of two columns with the same
 * role the first is taken, except: a (长期)/(中期) column gives way to its (年度) twin; when 三级指标 is
 * written twice (a mid-term set and an annual set side by side) 二级, 三级 and 指标值 come from the last
 * set; and of 单位名称 and 项目名称 (or 单位代码 and 项目编码) the unit's is `unitName` (`unitCode`).
 * A table with no 三级 column names its indicators in 「指标内容」; one with no 指标值 column gives each
 * recipient a column of targets (笏石街道办, 埭头镇, …): the first is read as the target.
 */
function mapColumns(grid: SheetGrid, top: number, bottom: number): { columns: ColumnMap; headers: Partial<Record<ColumnRole, string>>; moneyUnit: MoneyUnit | null } {
  const found: Candidate[] = [];
  for (let c = 1; c <= grid.colCount; c++) {
    for (let r = bottom; r >= top; r--) {
      const t = grid.text(r, c);
      const info = headerInfo(t);
      if (!info.role) continue;
      // A merged header cell names only its first column (资金总额 over C4:C5 is one column, 一级 over F3:N3 is not a role).
      const m = grid.mergeAt(r, c);
      if (m && m.left !== c && m.right > m.left) break;
      found.push({ role: info.role, col: c, text: t, info });
      break;
    }
  }
  const columns: ColumnMap = {};
  const headers: Partial<Record<ColumnRole, string>> = {};
  let moneyUnit: MoneyUnit | null = null;
  const set = (role: ColumnRole, x: Candidate) => {
    columns[role] = x.col;
    headers[role] = x.text;
  };
  const twoSets = found.filter((x) => x.role === 'indicator').length > 1;
  // 单位名称 and 项目名称 both there (or 单位代码 and 项目编码): the unit's is `unitName` (`unitCode`).
  const split = (role: ColumnRole) => {
    const xs = found.filter((x) => x.role === role);
    return xs.some((x) => x.info.unitLevel) && xs.some((x) => !x.info.unitLevel);
  };
  const splitNames = split('name');
  const splitCodes = split('code');
  for (const x of found) {
    if (moneyUnit === null && x.info.moneyUnit !== null) moneyUnit = x.info.moneyUnit;
    let role = x.role;
    if (x.info.period === 'long' && found.some((y) => y.role === role && y.info.period !== 'long')) continue;
    if (x.info.unitLevel && role === 'name' && splitNames) role = 'unitName';
    else if (x.info.unitLevel && role === 'code' && splitCodes) role = 'unitCode';
    if (columns[role] === undefined || (twoSets && (role === 'subcategory' || role === 'indicator' || role === 'target'))) set(role, x);
  }
  if (columns.indicator === undefined && columns.content !== undefined) {
    columns.indicator = columns.content;
    headers.indicator = headers.content;
    delete columns.content;
    delete headers.content;
  }
  if (columns.target === undefined && columns.indicator !== undefined) {
    for (let c = columns.indicator + 1; c <= grid.colCount; c++) {
      const t = grid.text(bottom, c);
      if (t === '' || headerInfo(t).role !== null || GROUP_WORDS.test(normalizeText(t))) continue;
      const m = grid.mergeAt(bottom, c);
      if (m && m.left !== c) continue;
      columns.target = c;
      headers.target = t;
      break;
    }
  }
  return { columns, headers, moneyUnit };
}

export function sameColumns(a: ColumnMap, b: ColumnMap): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.length !== kb.length) return false;
  return ka.every((k, i) => k === kb[i] && a[k as ColumnRole] === b[k as ColumnRole]);
}

/**
 * A repeated header starts a new table (rather than a new page of the same one) when the first row under
 * it is a unit's summary row (a name and money, no indicator), or, in a department table, shows another unit.
 */
export function startsNewTable(grid: SheetGrid, stats: RowStats, first: Band, band: Band): boolean {
  const cols = band.columns;
  if (cols.name === undefined) return false;
  const firstRow = (b: Band): number | null => {
    for (let r = b.bottom + 1; r <= Math.min(grid.rowCount, b.bottom + 20); r++) {
      if (!isTitleOrNoteRow(grid, stats, r, b)) return r;
    }
    return null;
  };
  const r = firstRow(band);
  if (r === null) return false;
  const name = grid.text(r, cols.name);
  if (name === '') return false;
  const isDepartmentKind = cols.fundBasic !== undefined || cols.fundProject !== undefined || cols.fundGeneral !== undefined;
  if (isDepartmentKind) {
    const r0 = firstRow(first);
    return r0 !== null && grid.text(r0, cols.name) !== name;
  }
  return !hasText(grid, r, cols.category) && !hasText(grid, r, cols.subcategory) && !hasText(grid, r, cols.indicator);
}

// ---------------------------------------------------------------- title and note rows

const TITLE_RE = /(绩效目标表|绩效自评表|单位[:：]|金额单位|附件\s*\d*|填报单位|填表人|制表|注[:：]|说明[:：]|联系电话|审核人|单位负责人)/;

export function isTitleOrNoteRow(grid: SheetGrid, stats: RowStats, row: number, band: Band): boolean {
  const count = stats.filled[row];
  if (count === 0) return true;
  if (count > 2) return false;
  const first = String(grid.raw(row, stats.firstCol[row]));
  if (TITLE_RE.test(first)) {
    // A project or indicator cell never says 绩效目标表 / 金额单位 on its own.
    const indicatorText = grid.text(row, band.columns.indicator!);
    return indicatorText === '' || TITLE_RE.test(indicatorText);
  }
  return false;
}

/** Whether the cell (merge-resolved) shows any text; false for a column the table lacks. */
export function hasText(grid: SheetGrid, row: number, col: number | undefined): boolean {
  return col !== undefined && grid.text(row, col) !== '';
}
