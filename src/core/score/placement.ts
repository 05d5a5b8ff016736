/**
 * Where scores go: the 实际完成值 and 得分 columns of a table (added in the first free column right of
 * the table when missing), the summary rows (总分/合计, 自评等级) under a project, and the 项目资金 block
 * and 项目名称 of the national 项目支出绩效自评表.
 */
import type { ColumnMap, Project, TargetTable } from '../model';
import type { SheetGrid } from '../snapshot/snapshot';
import { toA1 } from '../domain/a1';
import { normalizeText } from '../domain/text';
import { summaryRowLabel } from '../layout/read';

/** The table's rows, top (first header row) to bottom (last data row). */
export function tableRows(table: TargetTable): { top: number; bottom: number; right: number } {
  const r = table.range;
  return { top: r.top, bottom: r.bottom, right: r.right };
}

/** The right-most column the table uses (its columns, and merges starting in its header). */
export function tableRight(grid: SheetGrid, table: TargetTable): number {
  const { top, bottom, right } = tableRows(table);
  let r = right;
  // Indexed loops: a sheet has a merge for every few cells, and this runs once a table, mostly cold.
  const merges = grid.merges;
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    if (m.top >= top && m.top <= bottom && m.left <= r && m.right > r) r = m.right;
  }
  const cols = Object.values(table.columns) as number[];
  for (let i = 0; i < cols.length; i++) if (cols[i] > r) r = cols[i];
  return r;
}

/** A column added for a table of the sheet, over its rows. */
export interface TakenColumn {
  col: number;
  top: number;
  bottom: number;
}

/**
 * The first column right of `after` that is empty on every row from `top` to `bottom` (values and
 * merges) and not already added for another table over those rows.
 */
export function freeColumn(grid: SheetGrid, after: number, top: number, bottom: number, taken: TakenColumn[]): number {
  for (let c = after + 1; c < after + 200; c++) {
    if (taken.some((t) => t.col === c && t.top <= bottom && t.bottom >= top)) continue;
    let free = true;
    for (let r = top; r <= bottom && free; r++) {
      const v = grid.raw(r, c);
      if ((v !== null && v !== '') || grid.mergeAt(r, c)) free = false;
    }
    if (free) return c;
  }
  return after + 200;
}

// ---------------------------------------------------------------- summary rows

export interface SummaryRows {
  /** 总分/合计 row under the project, or null. */
  total: { row: number; label: string } | null;
  /** 自评等级 row, or null. */
  grade: { row: number; label: string; cell: string } | null;
}

const GRADE_LABELS = /等级|自评结论/;

/** Summary rows right under a project (before `limit`, the next project's first row). */
export function summaryRows(grid: SheetGrid, cols: ColumnMap, project: Project, limit: number): SummaryRows {
  let total: SummaryRows['total'] = null;
  let grade: SummaryRows['grade'] = null;
  for (let r = project.lastRow + 1; r < limit && r <= project.lastRow + 4 && r <= grid.rowCount; r++) {
    const label = summaryRowLabel(grid, r, cols);
    if (label === null) {
      if (grid.isRowEmpty(r)) continue;
      break;
    }
    if (GRADE_LABELS.test(label)) {
      if (!grade) {
        const cell = valueCellRightOf(grid, r, 1);
        if (cell) grade = { row: r, label, cell };
      }
    } else if (!total && !grade) {
      total = { row: r, label };
    }
  }
  return { total, grade };
}

/** The first cell right of the label that starts at or after `fromCol` (the cell after the label's merge). */
function valueCellRightOf(grid: SheetGrid, row: number, fromCol: number): string | null {
  for (let c = fromCol; c <= Math.max(grid.colCount, fromCol); c++) {
    const t = grid.text(row, c);
    if (t === '') continue;
    const m = grid.mergeAt(row, c);
    const next = m ? m.right + 1 : c + 1;
    const nm = grid.mergeAt(row, next);
    return nm ? toA1(nm.top, nm.left) : toA1(row, next);
  }
  return null;
}

// ---------------------------------------------------------------- 项目支出绩效自评表

export interface BudgetBlock {
  headerRow: number;
  row: number;
  /** The block's columns; `score` is absent where the block states no 得分 (宁夏: 预算执行率 is an indicator row). */
  cols: Partial<Record<'initial' | 'full' | 'spent' | 'weight' | 'rate' | 'score', number>>;
}

/**
 * Header words of the block, after dropping what brackets hold (`全年预算数（A）`, `执行率（B/A）`, `分值（10分）`,
 * `全年（调整）预算数`, `执行率（%）`): every variant the forms print reads as one of these.
 */
const BUDGET_WORDS: Record<string, keyof BudgetBlock['cols']> = {
  年初预算数: 'initial',
  年初预算: 'initial',
  全年预算数: 'full',
  全年预算: 'full',
  调整后预算数: 'full',
  调整预算数: 'full',
  年度预算数: 'full',
  全年执行数: 'spent',
  全年执行: 'spent',
  实际执行数: 'spent',
  预算执行数: 'spent',
  全年实际执行数: 'spent',
  分值: 'weight',
  执行率权重: 'weight',
  权重: 'weight',
  执行率: 'rate',
  预算执行率: 'rate',
  得分: 'score',
  执行率得分: 'score',
};

function budgetWord(text: string): keyof BudgetBlock['cols'] | undefined {
  return BUDGET_WORDS[normalizeText(text).replace(/\([^()]*\)/g, '').replace(/[()%]/g, '')];
}

/**
 * The 项目资金 block above a 自评表's indicator header (rows `from`..`to`): the row naming 年初预算数 |
 * 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 (or a variant) and, under it, the 年度资金总额 row. Null when absent.
 */
export function findBudgetBlock(grid: SheetGrid, from: number, to: number): BudgetBlock | null {
  for (let r = Math.max(1, from); r <= to; r++) {
    const cols: BudgetBlock['cols'] = {};
    for (let c = 1; c <= grid.colCount; c++) {
      const m = grid.mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
      const role = budgetWord(grid.text(r, c));
      if (role && cols[role] === undefined) cols[role] = c;
    }
    if (cols.spent === undefined && cols.score === undefined) continue;
    if (cols.full === undefined && cols.rate === undefined) continue;
    // The 年度资金总额 row: the first row below labelled so, or with no label of its own and a value in the block.
    const first = Math.min(...(Object.values(cols) as number[]));
    for (let d = r + 1; d <= Math.min(to, r + 4); d++) {
      let label = '';
      for (let c = 1; c < first; c++) {
        const m = grid.mergeAt(d, c);
        if (!m || m.top === d) label += grid.text(d, c); // a label merged down from above (项目资金) is not this row's
      }
      const l = normalizeText(label);
      if (/年度资金总额|资金总额|合计|总额/.test(l)) return { headerRow: r, row: d, cols };
      if (l === '' && (Object.values(cols) as number[]).some((c) => grid.text(d, c) !== '')) return { headerRow: r, row: d, cols };
    }
  }
  return null;
}

const STATED_TOTAL = /^(?:自评得分|自评总分|自评总得分|总得分|综合得分)(?:\(分\))?[:：]?$/;

/**
 * A total the block above the header states (宁夏: 「自评得分 | 98」, 重庆: 「自评总分（分） | 97.6」): the first
 * number right of the label, between rows `from` and `to`. Null when there is none.
 */
export function findStatedTotal(grid: SheetGrid, from: number, to: number): { row: number; col: number } | null {
  for (let r = Math.max(1, from); r <= to; r++) {
    for (let c = 1; c < grid.colCount; c++) {
      const m = grid.mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
      if (!STATED_TOTAL.test(normalizeText(grid.text(r, c)))) continue;
      for (let k = (m ? m.right : c) + 1; k <= grid.colCount; k++) {
        if (grid.text(r, k) === '') continue;
        return typeof grid.value(r, k) === 'number' || /^\d+(\.\d+)?分?$/.test(normalizeText(grid.text(r, k))) ? { row: r, col: k } : null;
      }
    }
  }
  return null;
}

/** 项目名称 of a 自评表: the cell right of the label, between `from` and `to`. */
export function findProjectName(grid: SheetGrid, from: number, to: number): string | null {
  for (let r = Math.max(1, from); r <= to; r++) {
    for (let c = 1; c <= Math.min(grid.colCount, 6); c++) {
      const t = normalizeText(grid.text(r, c)).replace(/[:：]$/, '');
      if (t !== '项目名称') continue;
      const m = grid.mergeAt(r, c);
      for (let k = (m ? m.right : c) + 1; k <= grid.colCount; k++) {
        const v = grid.text(r, k);
        if (v !== '') return v;
      }
    }
  }
  return null;
}
