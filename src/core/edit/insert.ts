/**
 * Row operations on a table, as write plans any host applies (xlsx now, Office.js in the task pane):
 *   planInsertTemplate     — one indicator from a template under a 二级 of a project;
 *   planInsertSubcategory  — a missing 二级 (with its 一级 where needed) at its standard position;
 *   planInsertProject      — a whole project: every 一级/二级 row of the profile's framework;
 *   planAddScoreColumns    — the 实际完成值 and 得分 columns, right of the table.
 * None of them writes over a cell that holds something; what cannot be done is refused with a message
 * naming the sheet and cell.
 */
import type { CategoryKey, ColumnRole, SubcategoryKey, TargetTable } from '../model';
import type { CellValue } from '../snapshot/snapshot';
import type { PlanOp } from '../plan/ops';
import { colToLetters, rangeToA1, toA1 } from '../domain/a1';
import { STANDARD_CATEGORIES, STANDARD_SUBCATEGORIES, subcategoryKeyOf, SUBCATEGORY_KEYS, CATEGORY_ORDER, SUBCATEGORY_ORDER } from '../domain/framework';
import { formatNumber as fmt } from '../snapshot/snapshot';
import { fillTemplate, TemplateFillError, type ParamValue } from './templates/fill';
import { defaultTemplateFor } from './templates/library';
import { allTables, findProject, OpsError, type OpsContext, type ProjectRef } from './context';
import { msg, type BlockSpec, type NewRowSpec } from './batch';
import { Planner, type OpsResult } from './planner';
import { besideTable, directionText, splitWeight, isEmpty, projectColumns, tableExtent, tableRight } from './geometry';

/** A 二级 given as its key (`timeliness`), its standard name (时效指标) or a name that reads as it (时效). */
export function resolveSubcategory(s: SubcategoryKey | string): SubcategoryKey {
  if ((SUBCATEGORY_KEYS as readonly string[]).includes(s)) return s as SubcategoryKey;
  const k = subcategoryKeyOf(s);
  if (!k) {
    throw new OpsError({
      'zh-CN': `「${s}」不是二级指标（可用：${Object.values(STANDARD_SUBCATEGORIES).join('、')}）`,
      'en-US': `"${s}" is not a 二级 (one of: ${Object.keys(STANDARD_SUBCATEGORIES).join(', ')})`,
    });
  }
  return k;
}

export interface InsertTemplateRequest extends ProjectRef {
  /** The 二级 to insert under (key or name); created, with its 一级, when the project lacks it. */
  subcategory: SubcategoryKey | string;
  /** Template id. */
  template: string;
  /** Template params (override defaults). */
  values?: Record<string, ParamValue | undefined>;
  /** 分值; default: what the profile leaves for the 一级, else the library's default weight. */
  weight?: number;
}

/** One indicator from a template, under a 二级 of a project (in an empty row of the 二级 when it has one). */
export function planInsertTemplate(ctx: OpsContext, req: InsertTemplateRequest): OpsResult {
  const { table, project } = findProject(ctx, req);
  const planner = new Planner(ctx);
  planner.addIndicator(table, project, { subcategory: resolveSubcategory(req.subcategory), template: req.template, values: req.values, weight: req.weight, tag: req.template });
  return planner.build();
}

/** Several template rows in one plan (any projects, any 二级): positions account for each other. */
export function planInsertTemplates(ctx: OpsContext, reqs: InsertTemplateRequest[]): OpsResult {
  const planner = new Planner(ctx);
  reqs.forEach((req, i) => {
    const { table, project } = findProject(ctx, req);
    planner.addIndicator(table, project, { subcategory: resolveSubcategory(req.subcategory), template: req.template, values: req.values, weight: req.weight, tag: `${i}:${req.template}` });
  });
  return planner.build();
}

export interface InsertSubcategoryRequest extends ProjectRef {
  subcategory: SubcategoryKey | string;
  /** A template to fill the new row with; null/undefined = the 二级 row alone. */
  template?: string | null;
  values?: Record<string, ParamValue | undefined>;
  weight?: number;
}

/** A missing 二级 row (and its 一级 when missing) at its standard position; nothing when the 二级 is there (unless a template is given). */
export function planInsertSubcategory(ctx: OpsContext, req: InsertSubcategoryRequest): OpsResult {
  const { table, project } = findProject(ctx, req);
  const key = resolveSubcategory(req.subcategory);
  const planner = new Planner(ctx);
  planner.addIndicator(table, project, { subcategory: key, template: req.template ?? null, values: req.values, weight: req.weight, tag: key });
  return planner.build();
}

export interface InsertProjectRequest {
  /** Sheet of the table; default: the first project table. */
  sheet?: string;
  /** Insert after this project (name); default: after the table's last project. */
  after?: string;
  name: string;
  code?: string;
  fund?: number;
  goal?: string;
  spendingArea?: string;
  /** Fill the required 二级 (成本, 数量, 质量, 时效, 社会效益, 满意度) with their default templates. */
  withIndicators?: boolean;
}

/** Required 二级 of a new project, with their default templates. */
function requiredKeys(ctx: OpsContext): SubcategoryKey[] {
  const fw = ctx.profile.framework;
  const out: SubcategoryKey[] = fw === 'new' ? ['economicCost'] : [];
  for (const k of ctx.profile.requiredOutputSubcategories) if (!(k === 'cost' && fw === 'new')) out.push(k);
  out.push('socialEffect', 'serviceSatisfaction');
  return out;
}

/** A whole project: one row per 二级 of the profile's framework, 一级 and project cells laid out as the table does. */
export function planInsertProject(ctx: OpsContext, req: InsertProjectRequest): OpsResult {
  const table = pickTable(ctx, req.sheet, req.after);
  if (table.kind === 'department') {
    throw new OpsError(msg(`「${table.sheet}」是整体支出表，不能插入项目`, `"${table.sheet}" is a department (整体) table; projects cannot be added to it`), { sheet: table.sheet });
  }
  if (table.projects.some((p) => p.name === req.name)) {
    throw new OpsError(msg(`表中已有项目「${req.name}」`, `the table already has a project "${req.name}"`), { sheet: table.sheet });
  }
  const after = req.after ? table.projects.find((p) => p.name === req.after) : table.projects[table.projects.length - 1];
  if (req.after && !after) throw new OpsError(msg(`找不到项目「${req.after}」`, `no project "${req.after}"`), { sheet: table.sheet });
  const planner = new Planner(ctx);
  const grid = ctx.grid(table.sheet);
  const at = after ? after.lastRow + 1 : tableExtent(table).bottom + 1;
  const formatFrom = at - 1;
  const blocker = besideTable(grid, table, at);
  if (blocker) {
    planner.refuse(
      msg(`不能在「${table.sheet}」第${at}行插入项目：表格右侧的单元格 ${blocker} 有内容，插入整行会移动它`, `cannot insert the project at row ${at} of "${table.sheet}": cell ${blocker}, beside the table, holds content that inserting whole rows would move`),
      { sheet: table.sheet, cell: blocker },
    );
    return planner.build();
  }
  const cols = table.columns;
  const fw = ctx.profile.framework;
  // The project's own cells: given values; the unit code of the project above when none is given.
  const label = new Map<number, CellValue>();
  const code = req.code ?? (after?.code ? after.code.raw : null);
  const put = (role: ColumnRole, v: CellValue | undefined) => {
    const c = cols[role];
    if (c !== undefined && v !== undefined && v !== null && v !== '') label.set(c, v);
  };
  put('code', code);
  put('name', req.name);
  put('fund', req.fund);
  put('goal', req.goal);
  put('spendingArea', req.spendingArea);
  const pBlock: BlockSpec = { key: `new:p:${req.name}`, existing: false, label };

  // Indicators on the required 二级, weights from the profile shared within each 一级.
  const required = req.withIndicators ? requiredKeys(ctx) : [];
  const perCat = ctx.profile.weights.perCategory;
  const countByCat = new Map<CategoryKey, number>();
  for (const k of required) {
    const cat = CATEGORY_ORDER[fw].find((c) => SUBCATEGORY_ORDER[fw][c].includes(k))!;
    countByCat.set(cat, (countByCat.get(cat) ?? 0) + 1);
  }
  const seenByCat = new Map<CategoryKey, number>();
  const rows: NewRowSpec[] = [];
  const what: string[] = [];
  for (const cat of CATEGORY_ORDER[fw]) {
    const cBlock: BlockSpec = { key: `new:c:${req.name}:${cat}`, existing: false, label: cols.category !== undefined ? new Map([[cols.category, STANDARD_CATEGORIES[cat]]]) : undefined };
    for (const key of SUBCATEGORY_ORDER[fw][cat]) {
      const sBlock: BlockSpec = { key: `new:s:${req.name}:${key}`, existing: false, label: cols.subcategory !== undefined ? new Map([[cols.subcategory, STANDARD_SUBCATEGORIES[key]]]) : undefined };
      const values = new Map<number, CellValue>();
      if (required.includes(key)) {
        const t = defaultTemplateFor(key, ctx.library)!;
        const n = countByCat.get(cat)!;
        const k = seenByCat.get(cat) ?? 0;
        seenByCat.set(cat, k + 1);
        const total = perCat?.[cat] ?? ctx.library.defaultWeight * n;
        const weight = splitWeight(total, n)[k];
        try {
          const f = fillTemplate(t, ctx.library, { builtins: { weight, project: req.name, fund: req.fund ?? null, year: ctx.year }, stateWeight: cols.weight === undefined });
          const set = (role: ColumnRole, v: CellValue) => {
            const c = cols[role];
            if (c !== undefined && !isEmpty(v)) values.set(c, v);
          };
          set('indicator', f.name);
          set('target', f.target);
          set('content', f.content);
          set('rule', f.rule);
          set('unit', f.unit);
          set('direction', directionText(table, grid, f.direction));
          set('weight', f.weight);
          what.push(`${f.name}（${fmt(weight)}）`);
        } catch (e) {
          if (!(e instanceof TemplateFillError)) throw e;
          planner.warnings.push({
            message: msg(`新项目「${req.name}」的「${STANDARD_SUBCATEGORIES[key]}」未填指标：模板「${t.id}」缺少 ${e.missing.join('、')}`, `new project "${req.name}": ${key} left without indicator: template "${t.id}" needs ${e.missing.join(', ')}`),
            sheet: table.sheet,
          });
        }
      }
      rows.push({ values, project: pBlock, category: cBlock, subcategory: sBlock });
    }
  }
  const first = table.projects[0];
  const last = table.projects[table.projects.length - 1];
  planner.batch.addRows({ table, at, formatFrom, rows, owner: { top: first?.firstRow ?? at, bottom: last?.lastRow ?? at, tableWide: true } });
  const result = planner.build();
  if (table.department?.fundField && req.fund) {
    result.warnings.push({
      message: msg(
        `单位合计行的资金总额（${table.department.fundField.cell.a1}）未改动：新项目的 ${fmt(req.fund)} 万元须计入`,
        `the department's total fund (${table.department.fundField.cell.a1}) is left as it is: add the new project's ${fmt(req.fund)} 万元 to it`,
      ),
      sheet: table.sheet,
      cell: table.department.fundField.cell.a1,
    });
  }
  const rowsAt = result.inserted.find((x) => x.sheet === table.sheet)?.rows ?? [];
  const cell = toA1(rowsAt[0] ?? at, cols.name ?? 1);
  result.done.push({
    message: msg(
      `插入项目「${req.name}」（${cell}，${rows.length} 行${what.length ? `，指标：${what.join('、')}` : ''}）`,
      `inserted project "${req.name}" (${cell}, ${rows.length} rows${what.length ? `, indicators: ${what.join(', ')}` : ''})`,
    ),
    sheet: table.sheet,
    cell,
  });
  return result;
}

function pickTable(ctx: OpsContext, sheet?: string, project?: string): TargetTable {
  const tables = allTables(ctx).filter((t) => (!sheet || t.sheet === sheet) && (!project || t.projects.some((p) => p.name === project)));
  const t = tables.find((x) => x.kind === 'project') ?? tables[0];
  if (!t) throw new OpsError(msg(sheet ? `工作表「${sheet}」中没有绩效目标表` : '工作簿中没有绩效目标表', sheet ? `sheet "${sheet}" holds no target table` : 'the workbook holds no target table'), sheet ? { sheet } : undefined);
  return t;
}

// ---------------------------------------------------------------- 实际完成值 / 得分 columns

export interface AddScoreColumnsRequest {
  sheet?: string;
  /** Index of the table on its sheet (default 0). */
  table?: number;
  /** Default: both. */
  columns?: ('actual' | 'score')[];
}

const SCORE_WORDS: Record<'actual' | 'score', string> = { actual: '实际完成值', score: '得分' };

/**
 * The 实际完成值 and 得分 columns right of the table (self-evaluation), in its header band (every
 * page's), with the formats and width of the table's last column. Refused when those cells hold
 * anything: nothing is moved.
 */
export function planAddScoreColumns(ctx: OpsContext, req: AddScoreColumnsRequest = {}): OpsResult {
  const tables = allTables(ctx).filter((t) => !req.sheet || t.sheet === req.sheet);
  const onSheet = req.sheet ? tables : tables.filter((t) => t.sheet === tables[0]?.sheet);
  const table = onSheet[req.table ?? 0];
  if (!table) throw new OpsError(msg(req.sheet ? `工作表「${req.sheet}」中没有绩效目标表` : '工作簿中没有绩效目标表', req.sheet ? `sheet "${req.sheet}" holds no target table` : 'the workbook holds no target table'));
  const result: OpsResult = { plan: { ops: [] }, done: [], refused: [], warnings: [], shifts: [], inserted: [] };
  const wanted = (req.columns ?? ['actual', 'score']).filter((c) => table.columns[c] === undefined);
  if (wanted.length === 0) {
    result.done.push({ message: msg(`「${table.sheet}」已有实际完成值和得分列`, `"${table.sheet}" already has the 实际完成值 and 得分 columns`), sheet: table.sheet });
    return result;
  }
  const grid = ctx.grid(table.sheet);
  const ext = tableExtent(table);
  const right = tableRight(table);
  const top = table.headerBands[0].top;
  const bottom = ext.bottom;
  const newCols = wanted.map((_, i) => right + 1 + i);
  const newRight = newCols[newCols.length - 1];
  // Nothing may sit where the columns go.
  for (let r = top; r <= bottom; r++)
    for (const c of newCols) {
      if (!isEmpty(grid.raw(r, c)) || grid.formula(r, c)) {
        const cell = toA1(r, c);
        result.refused.push({ message: msg(`不能在「${table.sheet}」添加实际完成值、得分列：单元格 ${cell} 有内容`, `cannot add the 实际完成值 and 得分 columns to "${table.sheet}": cell ${cell} holds content`), sheet: table.sheet, cell });
        return result;
      }
    }
  for (const m of grid.merges) {
    if (m.right >= right + 1 && m.left <= newRight && m.bottom >= top && m.top <= bottom && !(m.left <= right && m.right === right)) {
      const cell = toA1(Math.max(m.top, top), Math.max(m.left, right + 1));
      result.refused.push({ message: msg(`不能在「${table.sheet}」添加实际完成值、得分列：单元格 ${cell} 在合并区域 ${rangeToA1(m)} 中`, `cannot add the columns to "${table.sheet}": cell ${cell} lies in the merged area ${rangeToA1(m)}`), sheet: table.sheet, cell });
      return result;
    }
  }
  const ops: PlanOp[] = [];
  const from = `${colToLetters(right)}${top}:${colToLetters(right)}${bottom}`;
  for (const c of newCols) ops.push({ op: 'copyFormat', sheet: table.sheet, from, to: `${colToLetters(c)}${top}:${colToLetters(c)}${bottom}`, columnWidth: true });
  const merged = new Set<string>();
  for (const band of table.headerBands) {
    // The last column's header cell: its lowest named cell in the band, with its merge.
    let headRow = band.bottom;
    for (let r = band.bottom; r >= band.top; r--) {
      if (grid.text(r, right) !== '') {
        headRow = r;
        break;
      }
    }
    const hm = grid.mergeAt(headRow, right);
    const hTop = hm && hm.left === right && hm.right === right ? hm.top : headRow;
    const hBottom = hm && hm.left === right && hm.right === right ? hm.bottom : headRow;
    wanted.forEach((w, i) => {
      const c = newCols[i];
      ops.push({ op: 'setValue', sheet: table.sheet, cell: toA1(hTop, c), value: SCORE_WORDS[w] });
      if (hBottom > hTop) ops.push({ op: 'merge', sheet: table.sheet, range: rangeToA1({ top: hTop, left: c, bottom: hBottom, right: c }) });
    });
    // Group cells above it that end at the last column (绩效指标, 部门整体支出年度绩效目标) take the new columns in.
    for (let r = band.top; r < hTop; r++) extendRowMerge(r);
  }
  // Title rows over the table (a title merged across it, 金额单位) follow its new width.
  for (let r = Math.max(1, top - 5); r < top; r++) extendRowMerge(r);
  function extendRowMerge(r: number): void {
    const m = grid.mergeAt(r, right);
    if (!m || m.right !== right || m.left === right || merged.has(rangeToA1(m))) return;
    for (let rr = m.top; rr <= m.bottom; rr++) for (const c of newCols) if (!isEmpty(grid.raw(rr, c))) return;
    merged.add(rangeToA1(m));
    ops.push({ op: 'merge', sheet: table.sheet, range: rangeToA1({ ...m, right: newRight }) });
  }
  result.plan.ops = ops;
  const where = wanted.map((w, i) => `${SCORE_WORDS[w]} ${colToLetters(newCols[i])}`).join('、');
  result.done.push({
    message: msg(`在「${table.sheet}」表格右侧添加列：${where}`, `added columns right of the table on "${table.sheet}": ${wanted.map((w, i) => `${w} (${colToLetters(newCols[i])})`).join(', ')}`),
    sheet: table.sheet,
    cell: toA1(table.headerBands[0].bottom, newCols[0]),
  });
  return result;
}

export { projectColumns };
