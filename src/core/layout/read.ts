/**
 * The layout reader: finds every target table of a sheet, whatever its header words, merges,
 * title rows or page repeats, and builds the indicator model.
 *
 * How it reads a sheet:
 * 1. Header bands (`bands.ts`): runs of up to four consecutive rows whose cells are mostly header words
 *    (`headers.ts`), together naming at least 三级指标, 指标值 and 一级 or 二级 (a bare 三级 + 指标值 band
 *    is accepted when it has a rule or unit column too).
 * 2. Columns: for every column, the deepest header row whose text names a role wins, so a
 *    three-row header (年度预算申请 › 按收入性质分 › 一般公共预算) maps to its most specific word.
 * 3. The block above each header (`blocks.ts`): 项目名称, 主管部门, 实施单位, 项目资金, 年度目标 and
 *    the title lines. A header with a block of its own starts a new table (several 自评表 on one sheet).
 * 4. Data rows: every row after a band until the next band that is not a title, note or empty row.
 *    A band with the same columns as the previous one is a page repeat: the table goes on, and a
 *    project whose cells are repeated under it is a continuation, not a new project. Every row is
 *    classified (`RowKind`): a row that holds nothing in the table's columns is a note, a text or
 *    signature row, or, when none fits, an unrecognised row; it is never taken as an indicator.
 * 5. Projects (`project.ts`): consecutive data rows showing the same project name (merged or repeated)
 *    form one project; a leading block with money but no indicator is the department summary row. A table
 *    with no 项目名称 column is one project, named by its block.
 * 6. 一级/二级: read through merges; an empty unmerged cell carries the block above it down.
 */
import type { SheetSnapshot } from '../snapshot/snapshot';
import { SheetGrid, type CellValue } from '../snapshot/snapshot';
import type { ColumnMap, ColumnRole, DepartmentInfo, LayoutRow, MoneyUnit, Project, RowKind, SheetModel, TableKind, TargetTable, WorkbookModel } from '../model';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { type Band, type RowStats, findHeaderBands, hasText, isTitleOrNoteRow, rowStats, sameColumns, startsNewTable } from './bands';
import { type AboveHeader, layoutRow, readAboveHeader } from './blocks';
import { KEEP_SHAPES } from './fields';
import { headerInfo } from './headers';
import { inUnit, parseMoney, toWan } from './money';
import { type RowBlock, buildProject, departmentInfo } from './project';
import { isBudgetLabel, notSummaryLabel, summaryRowLabel, textRowKind } from './rows';

export { KEEP_SHAPES, parseMoney, summaryRowLabel };

/**
 * The model of every sheet. `gridOf` lends the reader a caller's grid for a sheet (a caller that reads
 * the cells too builds each sheet's merge index once); by default each sheet gets its own.
 */
export function readWorkbookModel(snapshot: WorkbookSnapshot, gridOf?: (sheet: SheetSnapshot) => SheetGrid): WorkbookModel {
  return { source: snapshot.source, sheets: snapshot.sheets.map((s) => readSheetModel(s, gridOf?.(s))) };
}

export function readSheetModel(snapshot: SheetSnapshot, grid: SheetGrid = new SheetGrid(snapshot)): SheetModel {
  const stats = rowStats(grid);
  const bands = findHeaderBands(grid, stats);
  if (bands.length === 0) {
    return {
      sheet: grid.name,
      tables: [],
      noTableReason:
        grid.rowCount === 0 ? '工作表为空 / the sheet is empty' : '未找到绩效目标表的表头（三级指标、指标值、一级/二级指标）/ no target-table header (三级指标, 指标值, 一级/二级指标) found',
    };
  }
  // What is above each header: a key-value block of its own makes it a new table, not a page repeat.
  const above = bands.map((b, i) => readAboveHeader(grid, stats, b, i > 0 ? bands[i - 1].bottom + 1 : 1));
  const ownBlock = (i: number) => {
    const b = above[i].block;
    return b !== null && (b.name !== null || b.code !== null || b.departmentName !== null);
  };
  const tables: TargetTable[] = [];
  let i = 0;
  while (i < bands.length) {
    // A table runs from band i through every following band with the same columns (page repeats).
    let j = i;
    while (j + 1 < bands.length && sameColumns(bands[i].columns, bands[j + 1].columns) && !ownBlock(j + 1) && !startsNewTable(grid, stats, bands[i], bands[j + 1])) j++;
    const end = j + 1 < bands.length ? topOf(above[j + 1], bands[j + 1]) - 1 : grid.rowCount;
    tables.push(buildTable(grid, stats, bands.slice(i, j + 1), end, above[i]));
    i = j + 1;
  }
  return { sheet: grid.name, tables };
}

/** The first row of what belongs to a header: its block and title lines, or the header itself. */
function topOf(a: AboveHeader, band: Band): number {
  return a.rows.length ? Math.min(a.rows[0].row, band.top) : band.top;
}

function buildTable(grid: SheetGrid, stats: RowStats, bands: Band[], endRow: number, above: AboveHeader): TargetTable {
  const cols = bands[0].columns;
  const info = above.block;
  const moneyColumns = cols.fundBasic !== undefined || cols.fundProject !== undefined || cols.fundGeneral !== undefined;
  // A 整体 table without money columns says so in its block (部门（单位）名称 and no 项目名称) or its title.
  const whole = cols.name === undefined && ((info !== null && info.name === null && info.departmentName !== null) || (above.wholeTitle && info?.name == null));
  const kind: TableKind = moneyColumns || whole ? 'department' : 'project';
  const moneyUnit: MoneyUnit | null = above.declared ?? bands[0].moneyUnit ?? above.amountUnit;
  const layoutRows: LayoutRow[] = above.rows.slice();
  for (const b of bands) for (let r = b.top; r <= b.bottom; r++) layoutRows.push(layoutRow(grid, r, 'header'));

  const { dataRows, emptyRows } = readDataRows(grid, stats, bands, endRow, layoutRows);
  const labelCol = cols.indicator ?? cols.subcategory ?? cols.category;
  const lastData = dataRows.length ? dataRows[dataRows.length - 1] : bands[bands.length - 1].bottom;

  const blocks = groupByProject(grid, cols, bands[0].headers, bands, dataRows);
  // The first data row after each repeated header: blocks that go on across it are continuations.
  const pageStarts = new Set<number>();
  for (const b of bands.slice(1)) {
    const r = dataRows.find((x) => x > b.bottom);
    if (r !== undefined) pageStarts.add(r);
  }
  const ctx = { moneyUnit, emptyRows, layoutRows, pageStarts };
  let department: DepartmentInfo | null = null;
  const projects: Project[] = [];
  // Only the first block can be the department's summary row: the others are not searched for indicators.
  const hasIndicators = (block: (typeof blocks)[number]): boolean =>
    block.rows.some((r) => hasText(grid, r, cols.category) || hasText(grid, r, cols.subcategory) || hasText(grid, r, cols.indicator));
  blocks.forEach((block, idx) => {
    if (kind === 'project' && idx === 0 && block.name !== '' && !hasIndicators(block)) {
      department = departmentInfo(grid, cols, block, moneyUnit);
      for (const r of block.rows) layoutRows.push(layoutRow(grid, r, 'summary'));
      return;
    }
    if (kind === 'department' && !department && moneyColumns) department = departmentInfo(grid, cols, block, moneyUnit);
    const project = buildProject(grid, cols, block, ctx);
    if (idx === blocks.length - 1) project.lastRow = blockEnd(grid, project.lastRow, block.rows[0], labelCol);
    if (info !== null && idx === 0) fromBlock(project, info, moneyUnit, cols);
    projects.push(project);
  });
  layoutRows.sort((a, b) => a.row - b.row);

  let right = 0;
  for (const k of Object.keys(cols) as ColumnRole[]) right = Math.max(right, cols[k]!);
  return {
    sheet: grid.name,
    kind,
    range: { top: bands[0].top, left: 1, bottom: Math.max(lastData, bands[0].bottom), right },
    headerBands: bands.map((b) => ({ top: b.top, bottom: b.bottom })),
    columns: cols,
    columnHeaders: bands[0].headers,
    department,
    projects,
    moneyUnit,
    infoBlock: info !== null ? { top: info.top, bottom: bands[0].top - 1 } : null,
    layoutRows,
  };
}

/**
 * The data rows of a table: every row between each band and the next that shows something in the table's
 * columns. The others are classified into `layoutRows`: titles, notes, 合计/总分 rows, text, signatures and
 * unrecognised rows. Empty rows inside the block's merges (template rows left blank) are kept as data rows
 * (`emptyRows`). This loop runs for every row of the sheet: the common case is decided without a call.
 */
function readDataRows(grid: SheetGrid, stats: RowStats, bands: Band[], endRow: number, layoutRows: LayoutRow[]): { dataRows: number[]; emptyRows: Set<number> | null } {
  const cols = bands[0].columns;
  const dataRows: number[] = [];
  let emptyRows: Set<number> | null = null;
  const values = grid.snapshot.values;
  const filledOf = stats.filled;
  const labelCol = cols.indicator ?? cols.subcategory ?? cols.category;
  const shownCols = (Object.values(cols) as number[]).sort((a, b) => a - b);
  for (let b = 0; b < bands.length; b++) {
    const from = bands[b].bottom + 1;
    const to = b + 1 < bands.length ? bands[b + 1].top - 1 : endRow;
    for (let r = from; r <= to; r++) {
      const filled = filledOf[r];
      if (filled === 0) {
        // An empty row inside the block's merges (a template row left blank) is the project's.
        if (dataRows.length > 0 && coveredFromAbove(grid, r, labelCol, bands[b].top)) {
          (emptyRows ??= new Set()).add(r);
          dataRows.push(r);
        }
        continue;
      }
      if (filled <= 2 && isTitleOrNoteRow(grid, stats, r, bands[0])) {
        layoutRows.push(classified(grid, r, 'title'));
        continue;
      }
      const own = labelCol !== undefined && grid.mergeIdAt(r, labelCol) === 0 ? values[r - 1]?.[labelCol - 1] : undefined;
      // 总分/合计 and 自评等级 rows (项目支出绩效自评表) after the indicators are not data rows.
      if (dataRows.length > 0 && !notSummaryLabel(own) && summaryRowLabel(grid, r, cols) !== null) {
        layoutRows.push(layoutRow(grid, r, 'total'));
        continue;
      }
      // A row that shows nothing in the table's columns is text: a note, a signature, 审核意见, or unrecognised.
      if ((own === undefined || own === null || own === '') && !showsColumn(grid, r, shownCols)) {
        layoutRows.push(classified(grid, r, 'unrecognised'));
        continue;
      }
      dataRows.push(r);
    }
  }
  // Empty rows after the last row that holds something are not the project's.
  while (emptyRows !== null && dataRows.length > 0 && emptyRows.has(dataRows[dataRows.length - 1]) && !coveredToEnd(grid, dataRows, labelCol)) dataRows.pop();
  return { dataRows, emptyRows };
}

/** A row that holds no data, by its text: a signature, a note or a text row, a 项目资金 row, or else `otherwise` (a title, an unrecognised row). */
function classified(grid: SheetGrid, r: number, otherwise: RowKind): LayoutRow {
  const row = layoutRow(grid, r, otherwise);
  row.kind = textRowKind(row.text) ?? (otherwise === 'unrecognised' && isBudgetLabel(row.text) ? 'budget' : otherwise);
  return row;
}

/** The project of a table read from the block above its header: its name, code, fund, goal, department and unit, and its first row. */
function fromBlock(p: Project, info: NonNullable<AboveHeader['block']>, moneyUnit: MoneyUnit | null, cols: ColumnMap): void {
  // A block over a table that names its projects in a column describes the table, not its first project.
  if (cols.name !== undefined && p.name !== '') return;
  const name = info.name ?? info.departmentName;
  if (name !== null) {
    p.name = name.text;
    p.nameCell = name.cell;
  }
  p.firstRow = info.top;
  p.code ??= info.code;
  if (p.fund === null && info.fund !== null) {
    p.fund = inUnit(info.fund, moneyUnit);
    p.fundWan = toWan(p.fund, moneyUnit);
    p.fundField = info.fundField;
  }
  p.goal ??= info.goal;
  p.department = info.department;
  p.unit ??= info.unit;
}

/**
 * Rows grouped by the project they show (merged or repeated name); an empty name continues the block. A
 * project's own cells start a new one too, when a unit-level name cell (单位名称) is merged over several
 * projects: its code (项目编码), or, with no code column, its fund.
 */
function groupByProject(grid: SheetGrid, cols: ColumnMap, headers: Partial<Record<ColumnRole, string>>, bands: Band[], dataRows: number[]): RowBlock[] {
  const blocks: RowBlock[] = [];
  const nameCol = cols.name;
  // (Only then: a table that names its projects in a column of their own is grouped by that column alone.)
  const unitLevelName = nameCol === undefined || (headers.name !== undefined && headerInfo(headers.name).unitLevel);
  const code = cols.code !== undefined && unitLevelName ? new OwnCells(grid, cols.code) : null;
  const fund = cols.code === undefined && cols.fund !== undefined && unitLevelName ? new OwnCells(grid, cols.fund) : null;
  let prevNameMerge = 0;
  for (let i = 0; i < dataRows.length; i++) {
    const r = dataRows[i];
    const last = blocks.length ? blocks[blocks.length - 1] : undefined;
    const newOwn = (code !== null && code.changesAt(r)) || (fund !== null && fund.changesAt(r));
    // A row in the same merged name cell as the row before goes on with its project (no text to read).
    const nameMerge = nameCol !== undefined ? grid.mergeIdAt(r, nameCol) : 0;
    if (last !== undefined && nameMerge !== 0 && nameMerge === prevNameMerge && !newOwn) {
      last.rows.push(r);
      continue;
    }
    prevNameMerge = nameMerge;
    const name = nameCol !== undefined ? grid.text(r, nameCol) : '';
    let startsNew: boolean;
    if (!last) startsNew = true;
    else if (newOwn) startsNew = true;
    else if (name === '' || nameCol === undefined) startsNew = false;
    else if (name !== last.name) startsNew = true;
    else {
      // Same name: a new merge starting on this row right after another merge of the same name is a new project,
      // unless a page header sits in between (page repeat: continuation).
      const m = grid.mergeAt(r, nameCol);
      const prev = last.rows[last.rows.length - 1];
      const pm = grid.mergeAt(prev, nameCol);
      startsNew = m !== undefined && pm !== undefined && m !== pm && m.top === r && r === prev + 1 && !bands.some((b) => b.top > prev && b.top < r);
    }
    if (startsNew || !last) blocks.push({ name, rows: [r] });
    else last.rows.push(r);
  }
  return blocks;
}

/** A column's cells row by row: whether a row shows another value than the rows before (a row under the same merged cell shows the same). */
class OwnCells {
  private prevMerge = 0;
  private last: CellValue | undefined = undefined;
  constructor(
    private readonly grid: SheetGrid,
    private readonly col: number,
  ) {}

  changesAt(r: number): boolean {
    const grid = this.grid;
    const merge = grid.mergeIdAt(r, this.col);
    if (merge !== 0 && merge === this.prevMerge) return false;
    this.prevMerge = merge;
    const m = merge !== 0 ? grid.merges[merge - 1] : null;
    const v = m !== null ? grid.raw(m.top, m.left) : grid.raw(r, this.col);
    if (v === null || v === '') return false;
    const changed = this.last !== undefined && v !== this.last;
    this.last = v;
    return changed;
  }
}

/**
 * The last row of a table's last project: its last data row, or further down where a 一级/二级 merge over
 * it runs past the sheet's last written row (template rows left empty at the end of a copy).
 */
function blockEnd(grid: SheetGrid, last: number, first: number, labelCol: number | undefined): number {
  let end = last;
  for (let c = 1; c < (labelCol ?? 1); c++) {
    const m = grid.mergeAt(last, c);
    if (m && m.top > first && m.bottom > grid.rowCount && m.bottom > end) end = m.bottom;
  }
  return end;
}

/** Whether any of the table's columns shows something on the row (merge-resolved). */
function showsColumn(grid: SheetGrid, r: number, cols: number[]): boolean {
  for (let i = 0; i < cols.length; i++) if (grid.text(r, cols[i]) !== '') return true;
  return false;
}

/** An empty row under a merge of the block's label columns that starts in the table (its header or rows above). */
function coveredFromAbove(grid: SheetGrid, r: number, labelCol: number | undefined, top: number): boolean {
  const to = labelCol ?? 1;
  for (let c = 1; c <= to; c++) {
    const m = grid.mergeAt(r, c);
    if (m && m.top < r && m.top >= top) return true;
  }
  return false;
}

/**
 * Whether the trailing empty rows are the block's own template rows: a 一级/二级 merge (not only the
 * table-wide 绩效指标 label) reaches the last of them.
 */
function coveredToEnd(grid: SheetGrid, dataRows: number[], labelCol: number | undefined): boolean {
  const r = dataRows[dataRows.length - 1];
  const to = labelCol ?? 1;
  for (let c = 1; c < to; c++) {
    const m = grid.mergeAt(r, c);
    if (m && m.top < r && m.top > dataRows[0]) return true;
  }
  return false;
}
