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
 * 3. Data rows: every row after a band until the next band that is not a title, note or empty row.
 *    A band with the same columns as the previous one is a page repeat: the table goes on, and a
 *    project whose cells are repeated under it is a continuation, not a new project.
 * 4. Projects: consecutive data rows showing the same project name (merged or repeated) form one
 *    project; a leading block with money but no indicator is the department summary row.
 * 5. 一级/二级: read through merges; an empty unmerged cell carries the block above it down.
 */
import type { SheetSnapshot } from '../snapshot/snapshot';
import { SheetGrid, cellText, type CellValue } from '../snapshot/snapshot';
import { toA1 } from '../domain/a1';
import { normalizeText } from '../domain/text';
import type {
  CategoryBlock,
  CellRef,
  ColumnMap,
  ColumnRole,
  DepartmentInfo,
  Field,
  Framework,
  Indicator,
  Project,
  SheetModel,
  SubcategoryBlock,
  TableKind,
  TargetTable,
  WorkbookModel,
} from '../model';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { type Band, type RowStats, findHeaderBands, hasText, isTitleOrNoteRow, rowStats, sameColumns, startsNewTable } from './bands';
import { categoryKeyOf, subcategoryKeyOf } from '../domain/framework';
import { parseTarget } from '../parse/target';
import { parseRule } from '../parse/rule';
import { parseDirection } from '../parse/direction';

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
  const tables: TargetTable[] = [];
  let i = 0;
  while (i < bands.length) {
    // A table runs from band i through every following band with the same columns (page repeats).
    let j = i;
    while (j + 1 < bands.length && sameColumns(bands[i].columns, bands[j + 1].columns) && !startsNewTable(grid, stats, bands[i], bands[j + 1])) j++;
    const end = j + 1 < bands.length ? bands[j + 1].top - 1 : grid.rowCount;
    tables.push(buildTable(grid, stats, bands.slice(i, j + 1), end));
    i = j + 1;
  }
  return { sheet: grid.name, tables };
}

// ---------------------------------------------------------------- fields

/** A cell's field; the field of a merged cell is read once and shared by every row the merge covers. */
function field(grid: SheetGrid, row: number, col: number | undefined): CellField | null {
  return fieldIn(grid, grid.snapshot.values[row - 1], row, col);
}

/** `field`, given the row's values (the row loop reads them once). */
function fieldIn(grid: SheetGrid, vals: CellValue[] | undefined, row: number, col: number | undefined): CellField | null {
  if (col === undefined) return null;
  // The merge lookup is inlined by hand: this runs for every cell the reader keeps, mostly in cold code.
  const index = grid.mergeIndex;
  const id = index !== null && col < grid.width && row <= grid.rowCount ? index[row * grid.width + col] : grid.mergeIdAt(row, col);
  let r = row;
  let c = col;
  let rowValues = vals;
  if (id !== 0) {
    // A merged cell's field is read once, at the merge's top-left cell, and shared by every row it covers.
    const cached = grid.mergeCache[id];
    if (cached !== undefined) return cached as CellField | null;
    const m = grid.merges[id - 1];
    r = m.top;
    c = m.left;
    rowValues = grid.snapshot.values[m.top - 1];
  }
  const raw = rowValues === undefined ? undefined : rowValues[c - 1];
  let f: CellField | null = null;
  if (raw !== null && raw !== undefined && raw !== '') {
    if (typeof raw !== 'string') f = new CellField(cellText(raw), raw, r, c);
    else {
      const text = raw.trim();
      if (text !== '') f = new CellField(text, raw, r, c);
    }
  }
  if (id !== 0) grid.mergeCache[id] = f;
  return f;
}

/**
 * A field that is its own cell reference (`field.cell === field`): one object per value read instead
 * of two, which matters at 100,000 rows. It satisfies both Field and CellRef.
 */
class CellField implements Field, CellRef {
  // `declare`d and assigned in the constructor: ES2022 class fields would define each one before the
  // constructor runs (a hidden initialiser call and twice the stores), on the reader's hottest path.
  declare readonly text: string;
  declare readonly raw: CellValue;
  declare readonly row: number;
  declare readonly col: number;
  constructor(text: string, raw: CellValue, row: number, col: number) {
    this.text = text;
    this.raw = raw;
    this.row = row;
    this.col = col;
  }
  get cell(): CellRef {
    return this;
  }
  /** Made when asked for (a finding, a message), not kept: one slot less on every field. */
  get a1(): string {
    return toA1(this.row, this.col);
  }
  toJSON(): { text: string; raw: CellValue; cell: { row: number; col: number; a1: string } } {
    return { text: this.text, raw: this.raw, cell: { row: this.row, col: this.col, a1: this.a1 } };
  }
}

/** A cell reference whose A1 text is made only when asked for (most never are): fewer strings for the GC. */
class Ref implements CellRef {
  declare readonly row: number;
  declare readonly col: number;
  constructor(row: number, col: number) {
    this.row = row;
    this.col = col;
  }
  get a1(): string {
    return toA1(this.row, this.col);
  }
  toJSON(): { row: number; col: number; a1: string } {
    return { row: this.row, col: this.col, a1: this.a1 };
  }
}

/**
 * One instance of each class the reader makes, kept for the life of the process. V8 holds the hidden
 * classes a constructor's fields lead to only weakly: once a check's model is collected they would go,
 * and with them the compiled code of every function that saw them. Kept, a second check (the next file
 * of a batch, the task pane's next run) starts with that code instead of compiling it again.
 */
export const KEEP_SHAPES: readonly object[] = [new CellField('', null, 0, 0), new Ref(0, 0)];

function ref(row: number, col: number): CellRef {
  return new Ref(row, col);
}

function num(v: CellValue | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return null;
  const t = normalizeText(v).replace(/,/g, '').replace(/万?元$/, '');
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

interface RowBlock {
  name: string;
  rows: number[];
}

function buildTable(grid: SheetGrid, stats: RowStats, bands: Band[], endRow: number): TargetTable {
  const cols = bands[0].columns;
  const kind: TableKind =
    cols.fundBasic !== undefined || cols.fundProject !== undefined || cols.fundGeneral !== undefined ? 'department' : 'project';

  // Data rows: between each band and the next, skipping titles, notes and empty rows.
  const dataRows: number[] = [];
  const values = grid.snapshot.values;
  const labelCol = cols.indicator ?? cols.subcategory ?? cols.category;
  for (let b = 0; b < bands.length; b++) {
    const from = bands[b].bottom + 1;
    const to = b + 1 < bands.length ? bands[b + 1].top - 1 : endRow;
    for (let r = from; r <= to; r++) {
      // (The common cases are decided here without a call: this loop runs for every row.)
      if (stats.filled[r] <= 2 && isTitleOrNoteRow(grid, stats, r, bands[0])) continue;
      // 总分/合计 and 自评等级 rows (项目支出绩效自评表) after the indicators are not data rows.
      if (dataRows.length > 0 && !(labelCol !== undefined && grid.mergeIdAt(r, labelCol) === 0 && notSummaryLabel(values[r - 1]?.[labelCol - 1]))) {
        if (summaryRowLabel(grid, r, cols) !== null) continue;
      }
      dataRows.push(r);
    }
  }
  // Trailing rows that are neither project nor indicator rows end the table (notes under it).
  const lastData = dataRows.length ? dataRows[dataRows.length - 1] : bands[bands.length - 1].bottom;

  // Group rows by the project name they show (merged or repeated); an empty name continues the block.
  const blocks: RowBlock[] = [];
  const nameCol = cols.name;
  let prevNameMerge = 0;
  for (let i = 0; i < dataRows.length; i++) {
    const r = dataRows[i];
    const last = blocks.length ? blocks[blocks.length - 1] : undefined;
    // A row in the same merged name cell as the row before goes on with its project (no text to read).
    const nameMerge = nameCol !== undefined ? grid.mergeIdAt(r, nameCol) : 0;
    if (last !== undefined && nameMerge !== 0 && nameMerge === prevNameMerge) {
      last.rows.push(r);
      continue;
    }
    prevNameMerge = nameMerge;
    const name = nameCol !== undefined ? grid.text(r, nameCol) : '';
    let startsNew: boolean;
    if (!last) startsNew = true;
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

  // The first data row after each repeated header: blocks that go on across it are continuations.
  const pageStarts = new Set<number>();
  for (const b of bands.slice(1)) {
    const r = dataRows.find((x) => x > b.bottom);
    if (r !== undefined) pageStarts.add(r);
  }
  let department: DepartmentInfo | null = null;
  const projects: Project[] = [];
  blocks.forEach((block, idx) => {
    const hasIndicators = block.rows.some(
      (r) => hasText(grid, r, cols.category) || hasText(grid, r, cols.subcategory) || hasText(grid, r, cols.indicator),
    );
    if (kind === 'project' && !hasIndicators && idx === 0 && block.name !== '') {
      department = departmentInfo(grid, cols, block);
      return;
    }
    if (kind === 'department' && !department) department = departmentInfo(grid, cols, block);
    projects.push(buildProject(grid, cols, block, pageStarts));
  });

  const allBandsTop = bands[0].top;
  let right = 0;
  for (const k of Object.keys(cols) as ColumnRole[]) right = Math.max(right, cols[k]!);
  return {
    sheet: grid.name,
    kind,
    range: { top: allBandsTop, left: 1, bottom: Math.max(lastData, bands[0].bottom), right },
    headerBands: bands.map((b) => ({ top: b.top, bottom: b.bottom })),
    columns: cols,
    columnHeaders: bands[0].headers,
    department,
    projects,
  };
}

const SUMMARY_WORDS = /^(总分|总计|合计|得分合计|总得分|自评总分|评价总分|自评等级|评价等级|绩效等级|等级|自评结论)$/;

/**
 * Whether a 三级 cell's own value rules its row out as a summary row: it holds something, and not a
 * summary word. Every summary word holds 分, 计, 级 or 论, a cheap test that spares most names the full one.
 */
function notSummaryLabel(v: CellValue | undefined): boolean {
  if (v === null || v === undefined || v === '') return false;
  if (typeof v !== 'string') return true;
  if (v.length > 12 || !(v.includes('分') || v.includes('计') || v.includes('级') || v.includes('论'))) return true;
  return !SUMMARY_WORDS.test(normalizeText(v).replace(/[:：]$/, ''));
}

/**
 * The label of a summary row (`总分`, `合计`, `自评等级`, …): its first non-empty cell, left of or at
 * the 三级 column, reads one of the summary words and the 三级 cell holds nothing of its own (empty,
 * or covered by the label's merge). Null for any other row. The scorer writes totals and grades there.
 */
export function summaryRowLabel(grid: SheetGrid, row: number, cols: ColumnMap): string | null {
  const last = cols.indicator ?? cols.subcategory ?? cols.category;
  if (last === undefined) return null;
  // Fast path for indicator rows: a 三级 cell of its own holding anything but a summary word.
  if (!grid.mergeAt(row, last) && notSummaryLabel(grid.raw(row, last))) return null;
  for (let c = 1; c <= last; c++) {
    const m = grid.mergeAt(row, c);
    if (m && (m.top !== row || m.left !== c)) continue;
    const t = grid.text(row, c);
    if (t === '') continue;
    if (t.length > 12) return null;
    const label = normalizeText(t).replace(/[:：]$/, '');
    if (!SUMMARY_WORDS.test(label)) return null;
    const im = grid.mergeAt(row, last);
    const own = im ? im.top === row && im.left === last : true;
    if (c !== last && own && grid.raw(row, last) !== null && grid.raw(row, last) !== '') return null;
    return label;
  }
  return null;
}

function departmentInfo(grid: SheetGrid, cols: ColumnMap, block: RowBlock): DepartmentInfo {
  const r = block.rows[0];
  const fundField = field(grid, r, cols.fund);
  const f = (col: number | undefined) => field(grid, r, col) ?? undefined;
  const byIncome: DepartmentInfo['byIncome'] = {};
  const byExpense: DepartmentInfo['byExpense'] = {};
  const put = <K extends string>(o: Partial<Record<K, Field>>, k: K, col: number | undefined) => {
    if (col === undefined) return;
    const v = f(col);
    o[k] = v ?? { text: '', raw: null, cell: ref(r, col) };
  };
  put(byIncome, 'general', cols.fundGeneral);
  put(byIncome, 'govFund', cols.fundGovFund);
  put(byIncome, 'specialAccount', cols.fundSpecialAccount);
  put(byIncome, 'other', cols.fundOther);
  put(byExpense, 'basic', cols.fundBasic);
  put(byExpense, 'project', cols.fundProject);
  return {
    code: field(grid, r, cols.code),
    name: block.name,
    nameCell: field(grid, r, cols.name)?.cell ?? ref(r, cols.name ?? 1),
    row: r,
    fund: num(fundField?.raw),
    fundField,
    byIncome,
    byExpense,
  };
}

const ROWS: Indicator[] = [];
const INDS: Indicator[] = [];
const CATS: CategoryBlock[] = [];
const SUBS: SubcategoryBlock[] = [];
/** For the i-th 二级 block of a project, its indicators' range in the project's indicators. */
const SUB_FROM: number[] = [];
const SUB_TO: number[] = [];
/** For the i-th 一级 block of a project, where its 二级 blocks start in the project's 二级 blocks. */
const CAT_FROM: number[] = [];
/** Placeholders while a project is read (every block gets its own list at the project's end). */
const PENDING_SUBS: SubcategoryBlock[] = [];
const PENDING_INDICATORS: Indicator[] = [];

function buildProject(grid: SheetGrid, cols: ColumnMap, block: RowBlock, pageStarts: Set<number>): Project {
  const blockRows = block.rows;
  const first = blockRows[0];
  const fundField = firstField(grid, blockRows, cols.fund);
  const nameField = firstField(grid, blockRows, cols.name);
  // The project's lists are gathered in scratch lists shared by every project and copied out, at their
  // size, at the end: arrays grown by push keep room for 17 elements and leave garbage behind.
  const rows = ROWS;
  const indicators = INDS;
  const categories = CATS;
  const subs = SUBS;
  rows.length = indicators.length = categories.length = subs.length = 0;
  SUB_FROM.length = SUB_TO.length = CAT_FROM.length = 0;
  let curCat: CategoryBlock | null = null;
  let curSub: SubcategoryBlock | null = null;
  let catField: Field | null = null;
  let subField: Field | null = null;
  // The columns, read once: this loop runs for every row of the sheet.
  const { category: catCol, subcategory: subCol, indicator: indCol, target: targetCol, rule: ruleCol, direction: dirCol } = cols;
  const { content: contentCol, unit: unitCol, note: noteCol, actual: actualCol, weight: weightCol, score: scoreCol } = cols;
  const values = grid.snapshot.values;
  // Consecutive rows mostly repeat their 指标值类型 (≥, ≤, 定性): parse only when it changes.
  let lastDirText: string | null = null;
  let lastDir = parseDirection(null);

  for (let i = 0; i < blockRows.length; i++) {
    const r = blockRows[i];
    const vals = values[r - 1];
    const cf = fieldIn(grid, vals, r, catCol);
    // An empty unmerged category cell carries the block above down (templates that write 一级 once);
    // the same text repeated on every row (unmerged template) stays one block.
    if (cf !== null && cf !== catField && startsBlock(grid, cf, catField, r, catCol!, pageStarts)) {
      catField = cf;
      curCat = { name: cf.text, key: categoryKeyOf(cf.text), cell: cf, firstRow: r, lastRow: r, subcategories: PENDING_SUBS };
      CAT_FROM.push(subs.length);
      categories.push(curCat);
      if (curSub !== null) SUB_TO.push(indicators.length);
      curSub = null;
      subField = null;
    }
    const sf = fieldIn(grid, vals, r, subCol);
    if (sf !== null && sf !== subField && startsBlock(grid, sf, subField, r, subCol!, pageStarts)) {
      subField = sf;
      if (!curCat) {
        // A 二级 with no 一级 above it: an orphan block, kept so checks can report it.
        curCat = { name: '', key: null, cell: sf, firstRow: r, lastRow: r, subcategories: PENDING_SUBS };
        CAT_FROM.push(subs.length);
        categories.push(curCat);
      }
      if (curSub !== null) SUB_TO.push(indicators.length);
      curSub = { name: sf.text, key: subcategoryKeyOf(sf.text), cell: sf, firstRow: r, lastRow: r, indicators: PENDING_INDICATORS };
      SUB_FROM.push(indicators.length);
      subs.push(curSub);
    }
    if (curCat) curCat.lastRow = r;
    if (curSub) curSub.lastRow = r;

    const nameF = fieldIn(grid, vals, r, indCol);
    // A merged 三级 cell names one indicator, on its first row.
    const isIndicatorRow = nameF !== null && nameF.row === r;
    const targetF = fieldIn(grid, vals, r, targetCol);
    const ruleF = fieldIn(grid, vals, r, ruleCol);
    const dirF = fieldIn(grid, vals, r, dirCol);
    const dirText = dirF !== null ? dirF.text : null;
    if (dirText !== lastDirText) {
      lastDirText = dirText;
      lastDir = parseDirection(dirText);
    }
    const ind: Indicator = {
      name: isIndicatorRow ? nameF.text : '',
      row: r,
      category: catField,
      categoryKey: curCat !== null ? curCat.key : null,
      subcategory: subField,
      subcategoryKey: curSub !== null ? curSub.key : null,
      cell: isIndicatorRow ? nameF : new Ref(r, indCol ?? 1),
      target: targetF,
      parsedTarget: parseTarget(targetF !== null ? targetF.raw : null),
      content: fieldIn(grid, vals, r, contentCol),
      rule: ruleF,
      parsedRule: parseRule(ruleF !== null ? ruleF.text : null),
      unit: fieldIn(grid, vals, r, unitCol),
      directionField: dirF,
      direction: lastDir,
      note: fieldIn(grid, vals, r, noteCol),
      actual: fieldIn(grid, vals, r, actualCol),
      weight: fieldIn(grid, vals, r, weightCol),
      score: fieldIn(grid, vals, r, scoreCol),
    };
    // Rows that show neither an indicator nor a target nor a rule (二级 placeholders, blank lines) stay
    // in `rows` but are not indicators.
    rows.push(ind);
    // A 二级 block's indicators are the ones read while it was the current block: a range of `indicators`.
    if (isIndicatorRow || targetF !== null || ruleF !== null) indicators.push(ind);
  }
  if (curSub !== null) SUB_TO.push(indicators.length);
  for (let si = 0; si < subs.length; si++) subs[si].indicators = indicators.slice(SUB_FROM[si], SUB_TO[si]);
  for (let ci = 0; ci < categories.length; ci++) {
    categories[ci].subcategories = subs.slice(CAT_FROM[ci], ci + 1 < categories.length ? CAT_FROM[ci + 1] : subs.length);
  }

  let framework: Framework | null = null;
  if (categories.some((c) => c.key === 'cost')) framework = 'new';
  else if (categories.some((c) => c.key === 'output' && c.subcategories.some((s) => s.key === 'cost'))) framework = 'old';

  return {
    code: firstField(grid, blockRows, cols.code),
    name: block.name,
    nameCell: nameField?.cell ?? ref(first, cols.name ?? 1),
    fund: num(fundField?.raw),
    fundField,
    goal: firstField(grid, blockRows, cols.goal),
    firstRow: first,
    lastRow: blockRows[blockRows.length - 1],
    framework,
    categories: categories.slice(),
    indicators: indicators.slice(),
    rows: rows.slice(),
  };
}

/** Whether a category/subcategory cell on row `r` opens a new block after `current`. */
function startsBlock(grid: SheetGrid, f: Field, current: Field | null, r: number, col: number, pageStarts: Set<number>): boolean {
  if (!current) return true;
  if (f === current || (f.cell.row === current.cell.row && f.cell.col === current.cell.col)) return false; // the same merged cell
  if (f.text !== current.text) return true;
  if (pageStarts.has(r)) return false; // repeated under a page header: the block goes on
  const m = grid.mergeAt(r, col);
  return m !== undefined && m.top === r; // the same word in a new merge: a new block
}

function firstField(grid: SheetGrid, rows: number[], col: number | undefined): Field | null {
  if (col === undefined) return null;
  for (let i = 0; i < rows.length; i++) {
    const f = field(grid, rows[i], col);
    if (f) return f;
  }
  return null;
}

export { num as parseMoney };
