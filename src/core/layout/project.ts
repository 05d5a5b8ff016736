/**
 * A project's rows → its model: the 一级/二级 blocks read through merges, and every row classified as an
 * indicator, a 一级/二级 label row or a template leftover (placeholder). This loop runs for every row of
 * the sheet: it reads each row's columns once and allocates only what the model keeps.
 */
import type { SheetGrid } from '../snapshot/snapshot';
import type {
  CategoryBlock,
  ColumnMap,
  DepartmentInfo,
  Field,
  Framework,
  Indicator,
  LayoutRow,
  MoneyUnit,
  Project,
  SubcategoryBlock,
} from '../model';
import { categoryKeyOf, isCategoryName, stripCategoryWeight, subcategoryKeyOf, wrapperCategory } from '../domain/framework';
import { parseTarget } from '../parse/target';
import { parseRule } from '../parse/rule';
import { parseDirection } from '../parse/direction';
import { Ref, field, fieldIn as readField, firstField, ref } from './fields';
import { parseMoney, toWan } from './money';
import { isPlaceholderName } from './rows';

/**
 * The row loop's field reader, held in a module constant: an imported function is called through its
 * module's exports object (a property load on every call), and this loop makes a dozen calls a row.
 */
const fieldIn = readField;

export interface RowBlock {
  name: string;
  rows: number[];
}

/** What the table lends its projects: the money unit, the rows read as empty (inside the block's merges), and where to note template rows. */
export interface ProjectContext {
  moneyUnit: MoneyUnit | null;
  /** Data rows with no value at all, kept because a merge of the block covers them. */
  emptyRows: Set<number> | null;
  /** Template leftovers are listed here (the table's `layoutRows`). */
  layoutRows: LayoutRow[];
  pageStarts: Set<number>;
}

export function departmentInfo(grid: SheetGrid, cols: ColumnMap, block: RowBlock, moneyUnit: MoneyUnit | null): DepartmentInfo {
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
  const fund = parseMoney(fundField?.raw);
  return {
    code: field(grid, r, cols.code),
    name: block.name,
    nameCell: field(grid, r, cols.name)?.cell ?? ref(r, cols.name ?? 1),
    row: r,
    fund,
    fundWan: toWan(fund, moneyUnit),
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

export function buildProject(grid: SheetGrid, cols: ColumnMap, block: RowBlock, ctx: ProjectContext): Project {
  const blockRows = block.rows;
  const first = blockRows[0];
  const { pageStarts, emptyRows } = ctx;
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
  let wrapped = false;
  // The 一级 and 二级 cells an indicator shows (in the investment-plan form the 一级 is the 二级 column's cell).
  let indCat: Field | null = null;
  let indSub: Field | null = null;
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
    let sf = fieldIn(grid, vals, r, subCol);
    // An empty unmerged category cell carries the block above down (templates that write 一级 once);
    // the same text repeated on every row (unmerged template) stays one block.
    if (cf !== null && cf !== catField && startsBlock(grid, cf, catField, r, catCol!, pageStarts)) {
      catField = cf;
      if (curSub !== null) SUB_TO.push(indicators.length);
      curSub = null;
      subField = null;
      indSub = null;
      indCat = cf;
      // 实施效果指标 over 产出指标 / 效益指标 (the investment-plan form): the 二级 column holds the 一级.
      wrapped = sf !== null && sf !== cf && wrapperCategory(cf.text) && isCategoryName(sf.text);
      if (wrapped) curCat = null;
      else {
        curCat = newCategory(cf, r);
        CAT_FROM.push(subs.length);
        categories.push(curCat);
      }
    }
    if (wrapped && sf !== null && sf !== subField && isCategoryName(sf.text) && startsBlock(grid, sf, subField, r, subCol!, pageStarts)) {
      if (curSub !== null) SUB_TO.push(indicators.length);
      curCat = newCategory(sf, r);
      CAT_FROM.push(subs.length);
      categories.push(curCat);
      // Its indicators sit in a 二级 block of no name: the form has no 二级.
      curSub = { name: '', key: null, cell: sf, firstRow: r, lastRow: r, indicators: PENDING_INDICATORS };
      SUB_FROM.push(indicators.length);
      subs.push(curSub);
      subField = sf;
      indCat = sf;
      indSub = null;
    }
    if (sf === subField) sf = null;
    if (sf !== null && startsBlock(grid, sf, subField, r, subCol!, pageStarts)) {
      subField = sf;
      indSub = sf;
      if (!curCat) {
        // A 二级 with no 一级 above it: an orphan block, kept so checks can report it.
        curCat = { name: '', key: null, cell: sf, firstRow: r, lastRow: r, subcategories: PENDING_SUBS, weight: null };
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
    const ownName = nameF !== null && nameF.row === r;
    const targetF = fieldIn(grid, vals, r, targetCol);
    const ruleF = fieldIn(grid, vals, r, ruleCol);
    const dirF = fieldIn(grid, vals, r, dirCol);
    const actualF = fieldIn(grid, vals, r, actualCol);
    const weightF = fieldIn(grid, vals, r, weightCol);
    const scoreF = fieldIn(grid, vals, r, scoreCol);
    const dirText = dirF !== null ? dirF.text : null;
    if (dirText !== lastDirText) {
      lastDirText = dirText;
      lastDir = parseDirection(dirText);
    }
    const ind: Indicator = {
      name: ownName ? nameF.text : '',
      row: r,
      category: indCat,
      categoryKey: curCat !== null ? curCat.key : null,
      subcategory: indSub,
      subcategoryKey: curSub !== null ? curSub.key : null,
      cell: ownName ? nameF : new Ref(r, indCol ?? 1),
      target: targetF,
      parsedTarget: parseTarget(targetF !== null ? targetF.raw : null),
      content: fieldIn(grid, vals, r, contentCol),
      rule: ruleF,
      parsedRule: parseRule(ruleF !== null ? ruleF.text : null),
      unit: fieldIn(grid, vals, r, unitCol),
      directionField: dirF,
      direction: lastDir,
      note: fieldIn(grid, vals, r, noteCol),
      actual: actualF,
      weight: weightF,
      score: scoreF,
    };
    // Every row stays in `rows`. An indicator shows a name of its own, a target, or a value of a 自评表
    // (实际完成值, 分值, 得分) of its own; a row with only its 一级/二级 is a label row; a template
    // leftover (「……」, a bare 「指标2」, only the template's rule text, an empty row inside the block's
    // merges) is a placeholder.
    rows.push(ind);
    const isIndicator =
      (emptyRows === null || !emptyRows.has(r)) &&
      ((ownName && !isPlaceholderName(nameF.text)) ||
        targetF !== null ||
        (actualF !== null && actualF.row === r) ||
        (weightF !== null && weightF.row === r) ||
        (scoreF !== null && scoreF.row === r));
    // A 二级 block's indicators are the ones read while it was the current block: a range of `indicators`.
    if (isIndicator) indicators.push(ind);
    else if (ownName || ownCell(ruleF, r) || ownCell(ind.content, r) || ownCell(ind.unit, r) || ownCell(dirF, r) || ownCell(ind.note, r) || (emptyRows !== null && emptyRows.has(r))) {
      ctx.layoutRows.push({ row: r, kind: 'placeholder', cell: ownName ? nameF : ind.cell, text: ownName ? nameF.text : '' });
    }
  }
  if (curSub !== null) SUB_TO.push(indicators.length);
  for (let si = 0; si < subs.length; si++) subs[si].indicators = indicators.slice(SUB_FROM[si], SUB_TO[si]);
  for (let ci = 0; ci < categories.length; ci++) {
    categories[ci].subcategories = subs.slice(CAT_FROM[ci], ci + 1 < categories.length ? CAT_FROM[ci + 1] : subs.length);
  }

  let framework: Framework | null = null;
  if (categories.some((c) => c.key === 'cost')) framework = 'new';
  else if (categories.some((c) => c.key === 'output' && c.subcategories.some((s) => s.key === 'cost'))) framework = 'old';

  const fund = parseMoney(fundField?.raw);
  return {
    code: firstField(grid, blockRows, cols.code),
    name: block.name,
    nameCell: nameField?.cell ?? ref(first, cols.name ?? 1),
    fund,
    fundWan: toWan(fund, ctx.moneyUnit),
    fundField,
    goal: firstField(grid, blockRows, cols.goal),
    department: null,
    unit: firstField(grid, blockRows, cols.unitName),
    firstRow: first,
    lastRow: blockRows[blockRows.length - 1],
    framework,
    categories: categories.slice(),
    indicators: indicators.slice(),
    rows: rows.slice(),
  };
}

/** Whether a field is the row's own cell (not a merge from a row above). */
function ownCell(f: Field | null, r: number): boolean {
  return f !== null && f.cell.row === r;
}

function newCategory(f: Field, r: number): CategoryBlock {
  const { name, weight } = stripCategoryWeight(f.text);
  return { name: f.text, key: categoryKeyOf(name), cell: f.cell, firstRow: r, lastRow: r, subcategories: PENDING_SUBS, weight };
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
