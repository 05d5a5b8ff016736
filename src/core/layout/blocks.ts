/**
 * The key-value block above an indicator header, as the national 自评表 and many provinces' 目标表 print
 * it: 项目名称 | …, 主管部门 | … | 实施单位 | …, 项目资金（万元） with its 年初预算数 … 得分 rows, 年度目标 | ….
 * Read upward from the header: title lines (附件2, the table's title, (2023年度), 金额单位：万元) above the
 * block and between it and the header are skipped; an empty row, or a row that is neither a title nor a
 * key-value row (another table's data), ends it. The block is the project's when its table has no 项目名称
 * column; several blocks stacked on a sheet, each over its own header, are several tables.
 */
import type { SheetGrid } from '../snapshot/snapshot';
import type { Field, LayoutRow, MoneyUnit, RowKind } from '../model';
import { normalizeText } from '../domain/text';
import { memoString } from '../domain/memo';
import type { Band, RowStats } from './bands';
import { CellField, field } from './fields';
import { type Amount, declaredMoneyUnit, parseAmount } from './money';
import { isBudgetLabel } from './rows';

/** How far above a header the block may start. */
const MAX_ABOVE = 80;

export interface InfoBlock {
  /** The first key-value row. */
  top: number;
  name: Field | null;
  /** 部门（单位）名称 of a 整体 table. */
  departmentName: Field | null;
  code: Field | null;
  /** 主管部门. */
  department: Field | null;
  /** 实施单位 / 执行单位. */
  unit: Field | null;
  fund: Amount | null;
  fundField: Field | null;
  goal: Field | null;
}

export interface AboveHeader {
  block: InfoBlock | null;
  /** The block's rows and the title rows around it, in sheet order. */
  rows: LayoutRow[];
  /** The unit a title line or a label declares (金额单位：万元, 项目资金（元）), or null. */
  declared: MoneyUnit | null;
  /** The unit the block's amounts are written in (「250万」), or null. */
  amountUnit: MoneyUnit | null;
  /** A title names a 整体 table (部门整体绩效自评表, 整体支出绩效目标表). */
  wholeTitle: boolean;
}

const NOTHING: AboveHeader = { block: null, rows: [], declared: null, amountUnit: null, wholeTitle: false };

type KeyKind = 'name' | 'departmentName' | 'code' | 'department' | 'unit' | 'fund' | 'goal' | 'other';

interface KvKey {
  kind: KeyKind;
  /** Lower is better: 二级项目名称 over 一级项目名称, 年度资金申请总额 over 项目资金总额, 年度目标 over 总体目标. */
  rank: number;
}

const EXACT: Record<string, KvKey> = {};
const put = (kind: KeyKind, rank: number, words: string[]) => {
  for (const w of words) EXACT[w] = { kind, rank };
};
put('name', 0, ['二级项目名称', '项目名称', '项目支出名称', '专项名称', '专项资金名称', '项目专项名称']);
put('name', 2, ['资金名称', '一级项目名称']);
put('departmentName', 0, ['部门名称', '单位名称', '部门单位名称', '预算单位名称']);
put('code', 0, ['项目编码', '项目代码', '项目编号']);
put('department', 0, ['主管部门', '主管部门名称', '项目主管部门', '主管部门及编码', '主管单位']);
put('department', 1, ['预算部门', '预算单位']);
put('unit', 0, ['实施单位', '项目实施单位', '项目执行单位', '执行单位', '实施主体', '项目单位', '用款单位']);
put('unit', 1, ['下达地方或单位', '组织实施单位']);
put('other', 9, ['项目资金', '资金情况', '项目资金情况', '资金', '项目概况']);

const FUND_PART = /中期|其中|结转|其他|上级|中央补助|省级财政|市级财政|自筹|拨款|财政资金|执行|资金性质|资金用途|资金来源/;
const FUND_ANNUAL = /(年度|当年|本年|全年).*(资金|预算|投资|金额)|预算申报数/;
const FUND_TOTAL = /资金总额|总投资|预算金额|预算数|预算总额|资金合计|投资$/;
const GOAL = /目标$/;
const OTHER = /(日期|时间|期|情况|依据|职责|类型|类别|性质|属性|措施|计划|问题|负责人|电话|用途|来源)$/;

/** The key a label names, or null: 「项目\n名称」, 「*年度总体绩效目标」, 「资金情况(万元)」, 「当年资金总额:」. */
const kvKeyOf = memoString((text: string): KvKey | null => {
  const t = normalizeText(text).replace(/^[*＊]+/, '').replace(/[:：]+$/, '').replace(/[(（][^)）]*[)）]/g, '');
  // 「年度资金总额:16」 is a key and its value (read by `inline`), not a key.
  if (t === '' || t.length > 16 || /^[0-9０-９]/.test(t) || /[:：]./.test(t)) return null;
  const exact = EXACT[t];
  if (exact) return exact;
  if (FUND_PART.test(t)) return t.length <= 12 ? { kind: 'other', rank: 9 } : null;
  if (FUND_ANNUAL.test(t)) return { kind: 'fund', rank: 1 };
  if (FUND_TOTAL.test(t)) return { kind: 'fund', rank: 2 };
  if (GOAL.test(t) && t.length <= 12) {
    const rank = /年度|本年|当年|预期/.test(t) ? 1 : /中期|长期|滚动|实施期/.test(t) ? 4 : /总体|绩效|总目标/.test(t) ? 2 : 3;
    return { kind: 'goal', rank };
  }
  if (OTHER.test(t) && t.length <= 12) return { kind: 'other', rank: 9 };
  return null;
}, 2000);

/** The key of a cell that holds a key and its value (「年度资金总额:16」), or null. */
function inlineKey(t: string): KvKey | null {
  const k = t.search(/[:：]/);
  if (k < 2 || k > 16 || t.slice(k + 1).trim() === '') return null;
  const key = kvKeyOf(t.slice(0, k));
  return key === null || key.kind === 'other' ? null : key;
}

/**
 * The kind of a block row from its label: 项目资金 / 资金情况 / 预算执行 rows are the budget block; 年度目标,
 * 项目概况, 年度主要目标和成果 and other long texts are text; the rest (项目名称, 主管部门, 实施单位 …) are info.
 */
function labelKind(label: string): RowKind {
  const t = normalizeText(label).replace(/^[*＊]+/, '');
  if (/^(项目资金|资金情况|预算执行|部门预算执行|项目预算|资金来源)/.test(t)) return 'budget';
  const key = kvKeyOf(label);
  if ((key !== null && key.kind === 'goal') || /目标|概况|成果|审批|依据|必要性|情况$/.test(t)) return 'text';
  return 'info';
}

const BUDGET_HEAD = /^(年初预算数?|全年预算数?|调整后?预算数?|全年执行数?|实际执行数|执行率|预算执行率|分值|得分)$/;

function budgetWord(text: string): string | null {
  if (text.length > 12) return null;
  const t = normalizeText(text).replace(/[(（][^)）]*[)）]/g, '');
  return BUDGET_HEAD.test(t) ? t : null;
}

const TITLE_RE = /(绩效目标表|自评表|申报表|批复表|目标表$|单位[:：]|金额单位|^附件\s*\d*$|填报单位|^[(（]?\s*\d{4}\s*年度?\s*[)）]?$)/;

/** The key-value block above a band and the title lines around it; `limit` is the first row it may use. */
export function readAboveHeader(grid: SheetGrid, stats: RowStats, band: Band, limit: number): AboveHeader {
  let left = grid.colCount;
  for (let r = band.top; r <= band.bottom; r++) if (stats.firstCol[r] > 0 && stats.firstCol[r] < left) left = stats.firstCol[r];
  const from = Math.max(limit, band.top - MAX_ABOVE, 1);
  // Upward: 0 = between the header and the block (titles only), 1 = in the block, 2 = above it (titles only).
  let phase = 0;
  let top = -1;
  let topIsLabel = false;
  const kinds: RowKind[] = [];
  const rowsUp: number[] = [];
  for (let r = band.top - 1; r >= from; r--) {
    const cls = classifyAbove(grid, stats, r, left, from);
    if (cls === 'empty' || cls === 'stop') break;
    // (A row under a label merged from above is 'more'; the block's first row must hold its own label.)
    if (cls === 'title') {
      if (phase === 1) phase = 2;
    } else {
      if (phase === 2) break;
      phase = 1;
      top = r;
      topIsLabel = cls === 'kv';
    }
    rowsUp.push(r);
    kinds.push(cls === 'title' ? 'title' : 'info');
  }
  if (rowsUp.length === 0) return NOTHING;
  const reader = new BlockReader(grid, band);
  const rows: LayoutRow[] = [];
  for (let i = rowsUp.length - 1; i >= 0; i--) {
    const r = rowsUp[i];
    let kind = kinds[i];
    if (kind === 'title') reader.title(r);
    else kind = reader.row(r);
    rows.push(layoutRow(grid, r, kind));
  }
  const block = top > 0 && topIsLabel && reader.recognised ? reader.result(top) : null;
  // Rows that looked like key-value rows but hold no key are not the table's.
  const kept = block ? rows : rows.filter((x) => x.kind === 'title');
  const wholeTitle = rows.some((x) => x.kind === 'title' && /整体/.test(x.text));
  const declared = reader.titleUnit ?? (block ? reader.declared : null);
  return { block, rows: kept, declared, amountUnit: block ? reader.amountUnit : null, wholeTitle };
}

/** A row of a table with its first non-empty cell. */
export function layoutRow(grid: SheetGrid, r: number, kind: RowKind): LayoutRow {
  for (let c = 1; c <= grid.colCount; c++) {
    const f = field(grid, r, c);
    if (f !== null && f.row === r) return { row: r, kind, cell: f, text: f.text };
  }
  return { row: r, kind, cell: null, text: '' };
}

function classifyAbove(grid: SheetGrid, stats: RowStats, r: number, left: number, from: number): 'title' | 'kv' | 'more' | 'empty' | 'stop' {
  // A row under a label merged down from a row above (项目资金 over its five rows) goes on with it.
  for (let c = 1; c <= left; c++) {
    const m = grid.mergeAt(r, c);
    if (m && m.top < r && m.top >= from) return 'more';
  }
  if (stats.filled[r] === 0) return 'empty';
  const first = stats.firstCol[r];
  const v = grid.raw(r, first);
  const t = typeof v === 'string' ? normalizeText(v) : '';
  if (stats.filled[r] <= 2 && t !== '' && isTitleText(grid, r, first, t, stats.filled[r])) return 'title';
  if (first > left + 1 || t === '' || t.length > 30 || /^[0-9０-９]/.test(t)) return 'stop';
  return 'kv';
}

function isTitleText(grid: SheetGrid, r: number, c: number, t: string, filled: number): boolean {
  if (TITLE_RE.test(t)) return true;
  if (filled !== 1) return false;
  if (/^[(（].*[)）]$/.test(t)) return true;
  const m = grid.mergeAt(r, c);
  return m !== undefined && m.right - m.left >= 2 && m.bottom === r && kvKeyOf(t) === null;
}

/** Gathers what the block's rows say, row by row. */
class BlockReader {
  recognised = false;
  /** The unit a title line declares (金额单位：万元). */
  titleUnit: MoneyUnit | null = null;
  /** The unit a label of the block declares (项目资金（元）). */
  declared: MoneyUnit | null = null;
  amountUnit: MoneyUnit | null = null;
  private name: Field | null = null;
  private nameRank = 99;
  private departmentName: Field | null = null;
  private code: Field | null = null;
  private department: Field | null = null;
  private departmentRank = 99;
  private unit: Field | null = null;
  private unitRank = 99;
  private fund: Amount | null = null;
  private fundField: Field | null = null;
  private fundRank = 99;
  private goal: Field | null = null;
  private goalRank = 99;
  /** The 项目资金 block's columns (全年预算数, 年初预算数) and the merge of its label. */
  private budgetFull = 0;
  private budgetInitial = 0;
  private budgetFirst = 0;
  private budgetLabelMerge = 0;
  /** The kind of each label merged down over several rows (项目资金 over its five rows, 年度总体目标 over two). */
  private readonly kindOfLabel = new Map<number, RowKind>();

  constructor(
    private readonly grid: SheetGrid,
    private readonly band: Band,
  ) {}

  title(r: number): void {
    for (let c = 1; c <= this.grid.colCount; c++) {
      const v = this.grid.raw(r, c);
      if (typeof v === 'string' && this.titleUnit === null) this.titleUnit = declaredMoneyUnit(v);
    }
  }

  /** Reads a key-value row; returns its kind ('info', 'budget' or 'text'). */
  row(r: number): RowKind {
    const grid = this.grid;
    const cells: CellField[] = [];
    for (let c = 1; c <= grid.colCount; c++) {
      const f = field(grid, r, c);
      if (f !== null && f.row === r && f.col === c) cells.push(f);
    }
    // The 项目资金 header: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分.
    let words = 0;
    for (const f of cells) {
      const w = budgetWord(f.text);
      if (w === null) continue;
      words++;
      if (w.startsWith('全年预算') || w.startsWith('调整')) this.budgetFull ||= f.col;
      else if (w.startsWith('年初预算')) this.budgetInitial ||= f.col;
      if (this.budgetFirst === 0 || f.col < this.budgetFirst) this.budgetFirst = f.col;
    }
    if (words >= 3) {
      this.budgetLabelMerge = grid.mergeIdAt(r, 1);
      for (const f of cells) if (f.col < this.budgetFirst) this.unitIn(f.text);
      return 'budget';
    }
    if (this.budgetFirst !== 0 && this.inBudget(r, cells)) return 'budget';
    // The row's kind: its label's (a row under a label merged from above takes the kind of the label's row).
    const merge = grid.mergeIdAt(r, 1);
    let kind: RowKind | undefined = merge !== 0 ? this.kindOfLabel.get(merge) : undefined;
    if (kind === undefined) {
      kind = labelKind(cells.length ? cells[0].text : '');
      if (merge !== 0) this.kindOfLabel.set(merge, kind);
    }
    for (let i = 0; i < cells.length; i++) {
      const f = cells[i];
      this.unitIn(f.text);
      const key = kvKeyOf(f.text);
      if (key === null) {
        this.inline(f);
        continue;
      }
      if (key.kind !== 'other') this.recognised = true;
      const next = i + 1 < cells.length ? cells[i + 1] : null;
      if (next !== null && kvKeyOf(next.text) === null && inlineKey(next.text) === null) {
        this.take(key, next);
        i++;
      } else if (key.kind === 'goal' && r + 1 < this.band.top) {
        // 总体目标 | 年度目标 with the text under the sub-label.
        const below = field(grid, r + 1, f.col);
        if (below !== null && below.row === r + 1 && kvKeyOf(below.text) === null) this.take(key, below);
      }
    }
    return kind;
  }

  /** A row of the 项目资金 block: under its label's merge, or labelled 其中…/上年结转资金/其他资金. The 年度资金总额 row gives the fund. */
  private inBudget(r: number, cells: CellField[]): boolean {
    const merge = this.grid.mergeIdAt(r, 1);
    let label = '';
    for (const f of cells) if (f.col < this.budgetFirst && label === '') label = f.text;
    if (!(merge !== 0 && merge === this.budgetLabelMerge) && !isBudgetLabel(label)) return false;
    const t = normalizeText(label);
    if (/年度资金总额|资金总额|合计/.test(t) && !t.startsWith('其中')) {
      const f = field(this.grid, r, this.budgetFull || this.budgetInitial);
      const a = f !== null ? parseAmount(f.raw) : null;
      if (f !== null && a !== null) this.fundAt(0, a, f);
      this.recognised = true;
    }
    return true;
  }

  /** 「年度资金总额:16」: a key and its value in one cell. */
  private inline(f: CellField): void {
    const key = inlineKey(f.text);
    if (key === null) return;
    const rest = f.text.slice(f.text.search(/[:：]/) + 1).trim();
    this.recognised = true;
    this.take(key, new CellField(rest, rest, f.row, f.col));
  }

  private take(key: KvKey, value: CellField): void {
    const rank = key.rank;
    switch (key.kind) {
      case 'name':
        if (rank < this.nameRank) [this.name, this.nameRank] = [value, rank];
        break;
      case 'departmentName':
        this.departmentName ??= value;
        break;
      case 'code':
        this.code ??= value;
        break;
      case 'department':
        if (rank < this.departmentRank) [this.department, this.departmentRank] = [value, rank];
        break;
      case 'unit':
        if (rank < this.unitRank) [this.unit, this.unitRank] = [value, rank];
        break;
      case 'fund': {
        const a = parseAmount(value.raw);
        if (a !== null) this.fundAt(rank, a, value);
        break;
      }
      case 'goal':
        if (rank < this.goalRank) [this.goal, this.goalRank] = [value, rank];
        break;
      default:
        break;
    }
  }

  private fundAt(rank: number, a: Amount, f: Field): void {
    if (a.unit !== null) this.amountUnit ??= a.unit;
    if (rank < this.fundRank) [this.fund, this.fundField, this.fundRank] = [a, f, rank];
  }

  private unitIn(text: string): void {
    if (this.declared === null && text.length <= 40) this.declared = declaredMoneyUnit(text);
  }

  result(top: number): InfoBlock {
    return {
      top,
      name: this.name,
      departmentName: this.departmentName,
      code: this.code,
      department: this.department,
      unit: this.unit,
      fund: this.fund,
      fundField: this.fundField,
      goal: this.goal,
    };
  }
}
