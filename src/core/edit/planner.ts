/**
 * Plans indicators and 二级/一级 rows into projects: where each goes (an empty 二级 row of the block,
 * else a new row at the end of the 二级, else a new 二级 — with its 一级 when missing — at its standard
 * position), what it holds (a template filled with the project's values and a weight from the
 * profile), and what could not be done and why. Used by the insert functions and by the fixes.
 */
import type { Messages } from '../check/findings';
import type { CategoryBlock, CategoryKey, Framework, Project, SubcategoryBlock, SubcategoryKey, TargetTable } from '../model';
import type { PlanValue, WritePlan } from '../plan/ops';
import type { SheetGrid } from '../snapshot/snapshot';
import { toA1 } from '../domain/a1';
import { normalizeText } from '../domain/text';
import { STANDARD_CATEGORIES, STANDARD_SUBCATEGORIES, CATEGORY_ORDER, SUBCATEGORY_ORDER, parentOf, subcategoryForFramework } from '../domain/framework';
import { formatNumber as fmt } from '../snapshot/snapshot';
import { weightOf } from '../domain/values';
import { fillTemplate, TemplateFillError, type FilledIndicator, type ParamValue } from './templates/fill';
import { getTemplate } from './templates/library';
import type { OpsContext } from './context';
import { EditBatch, msg, type BlockSpec, type NewRowSpec, type Shift } from './batch';
import { frameworkOf, indicatorColumns, isEmpty, besideTable, directionText, splitWeight } from './geometry';

export interface OpNote {
  message: Messages;
  sheet?: string;
  /** The cell the note is about, in the written workbook. */
  cell?: string;
  /** What the note answers (a fix id, a finding, a request). */
  tag?: string;
}

/** A plan and what it does, in words. */
export interface OpsResult {
  plan: WritePlan;
  done: OpNote[];
  refused: OpNote[];
  /** Done, but something to look at (weights to rebalance, a value to fill in). */
  warnings: OpNote[];
  /** The row insertions as applied (original rows): where an original row ends up, see mapRow. */
  shifts: Shift[];
  /** Final rows of the inserted rows, by sheet. */
  inserted: { sheet: string; rows: number[] }[];
}

export interface IndicatorItem {
  subcategory: SubcategoryKey;
  /** Template id; null = the 二级 row alone (a placeholder without indicator). */
  template: string | null;
  values?: Record<string, ParamValue | undefined>;
  weight?: number;
  tag?: string;
}


interface Placed {
  item: IndicatorItem;
  filled: FilledIndicator | null;
  category: CategoryKey;
}

interface PendingNote {
  tag?: string;
  request: number | null;
  index: number;
  sheet: string;
  /** Original row of a filled empty row. */
  row?: number;
  col: number;
  message: (cell: string) => Messages;
}

class ProjectPlan {
  readonly items: { item: IndicatorItem; order: number }[] = [];
  constructor(
    readonly table: TargetTable,
    readonly project: Project,
  ) {}
}

export class Planner {
  readonly batch: EditBatch;
  readonly refused: OpNote[] = [];
  readonly warnings: OpNote[] = [];
  private readonly plans = new Map<string, ProjectPlan>();
  private readonly pending: PendingNote[] = [];
  private readonly extraDone: OpNote[] = [];
  private readonly usedRows = new Set<string>();
  private seq = 0;

  constructor(readonly ctx: OpsContext) {
    this.batch = new EditBatch(ctx);
  }

  addIndicator(table: TargetTable, project: Project, item: IndicatorItem): void {
    const k = `${table.sheet}\u0000${project.firstRow}`;
    let p = this.plans.get(k);
    if (!p) this.plans.set(k, (p = new ProjectPlan(table, project)));
    p.items.push({ item, order: this.seq++ });
  }

  /** A note for something done outside the planner (an edit of an existing cell). */
  noteDone(n: OpNote): void {
    this.extraDone.push(n);
  }

  refuse(message: Messages, where?: { sheet: string; cell?: string }, tag?: string): void {
    this.refused.push({ message, ...(where ? { sheet: where.sheet, ...(where.cell ? { cell: where.cell } : {}) } : {}), ...(tag ? { tag } : {}) });
  }

  /** Plans every project's items into the batch and builds the plan. */
  build(): OpsResult {
    for (const p of this.plans.values()) this.planProject(p);
    const built = this.batch.build();
    const done: OpNote[] = [...this.extraDone];
    for (const n of this.pending) {
      const row = n.request === null ? this.finalRow(built.shifts, n.sheet, n.row!) : built.newRows[n.request][n.index];
      const cell = toA1(row, n.col);
      done.push({ message: n.message(cell), sheet: n.sheet, cell, ...(n.tag ? { tag: n.tag } : {}) });
    }
    const inserted = new Map<string, number[]>();
    for (const s of built.shifts) if (!inserted.has(s.sheet)) inserted.set(s.sheet, []);
    built.newRows.forEach((rows, i) => {
      inserted.get(this.batch.sheetOf(i))?.push(...rows);
    });
    return {
      plan: built.plan,
      done,
      refused: this.refused,
      warnings: this.warnings,
      shifts: built.shifts,
      inserted: [...inserted].map(([sheet, rows]) => ({ sheet, rows: rows.sort((a, b) => a - b) })),
    };
  }

  private finalRow(shifts: Shift[], sheet: string, row: number): number {
    let r = row;
    for (const s of shifts) if (s.sheet === sheet && s.at <= row) r += s.count;
    return r;
  }

  // ---------------------------------------------------------------- one project

  private planProject(p: ProjectPlan): void {
    const { table, project } = p;
    const grid = this.ctx.grid(table.sheet);
    const fw = frameworkOf(project, this.ctx.profile.framework);
    const where = { sheet: table.sheet, cell: project.nameCell.a1 };

    // 1. Templates and keys.
    const resolved: { item: IndicatorItem; key: SubcategoryKey; category: CategoryKey; template: ReturnType<typeof getTemplate> }[] = [];
    for (const { item } of p.items.sort((a, b) => a.order - b.order)) {
      const key = subcategoryForFramework(item.subcategory, fw);
      const category = parentOf(key, fw);
      if (item.template === null) {
        resolved.push({ item, key, category, template: undefined });
        continue;
      }
      const t = getTemplate(item.template, this.ctx.library);
      if (!t) {
        this.refuse(msg(`没有模板「${item.template}」`, `no template "${item.template}"`), where, item.tag);
        continue;
      }
      if (!t.subcategories.includes(key) && !t.subcategories.includes(item.subcategory)) {
        const names = t.subcategories.map((k) => STANDARD_SUBCATEGORIES[k]).join('、');
        this.refuse(
          msg(`模板「${t.id}」用于${names}，不能放在「${STANDARD_SUBCATEGORIES[key]}」下`, `template "${t.id}" is for ${t.subcategories.join(', ')}, not for ${key}`),
          where,
          item.tag,
        );
        continue;
      }
      resolved.push({ item, key, category, template: t });
    }

    // 2. Weights: what the profile leaves for each 一级, shared by the new indicators of that 一级.
    const weightNotes: (OpNote & { category: CategoryKey })[] = [];
    const weights = this.assignWeights(table, project, resolved.filter((r) => r.template).map((r) => ({ category: r.category, weight: r.item.weight, tag: r.item.tag })), where, weightNotes);

    // 3. Fill the templates.
    const names = new Set(project.indicators.filter((i) => i.name).map((i) => normalizeText(i.name)));
    const placed = new Map<SubcategoryKey, Placed[]>();
    let wi = 0;
    for (const r of resolved) {
      let filled: FilledIndicator | null = null;
      if (r.template) {
        const weight = weights[wi++];
        try {
          filled = fillTemplate(r.template, this.ctx.library, {
            values: r.item.values,
            builtins: { weight, project: project.name, fund: project.fund, year: this.ctx.year },
            stateWeight: table.columns.weight === undefined,
          });
        } catch (e) {
          if (!(e instanceof TemplateFillError)) throw e;
          this.refuse(
            msg(
              `项目「${project.name}」：模板「${r.template.id}」缺少参数 ${e.missing.join('、')}（用 --set 名称=值 指定）`,
              `project "${project.name}": template "${r.template.id}" needs ${e.missing.join(', ')} (give them with --set name=value)`,
            ),
            where,
            r.item.tag,
          );
          continue;
        }
        const nk = normalizeText(filled.name);
        if (names.has(nk)) {
          this.refuse(
            msg(`项目「${project.name}」已有三级指标「${filled.name}」，不重复插入（可用参数改名）`, `project "${project.name}" already has an indicator "${filled.name}"; not inserted again (rename it with a param)`),
            where,
            r.item.tag,
          );
          continue;
        }
        names.add(nk);
      }
      const list = placed.get(r.key) ?? [];
      if (!filled && list.length > 0) continue; // a label-only 二级 already asked for
      list.push({ item: r.item, filled, category: r.category });
      placed.set(r.key, list);
    }

    // A weight warning stands only when an indicator of that 一级 goes in.
    for (const { category, ...n } of weightNotes) if ([...placed.values()].some((l) => l.some((x) => x.filled && x.category === category))) this.warnings.push(n);

    // 4. Placement.
    this.place(table, project, grid, fw, placed);
  }

  private assignWeights(
    table: TargetTable,
    project: Project,
    items: { category: CategoryKey; weight?: number; tag?: string }[],
    where: { sheet: string; cell: string },
    warnings: (OpNote & { category: CategoryKey })[],
  ): number[] {
    const expected = table.kind === 'department' ? this.ctx.profile.weights.perCategoryDepartment : this.ctx.profile.weights.perCategory;
    const out: number[] = new Array(items.length);
    const byCat = new Map<CategoryKey, number[]>();
    items.forEach((it, i) => {
      if (it.weight !== undefined) out[i] = it.weight;
      else byCat.set(it.category, [...(byCat.get(it.category) ?? []), i]);
    });
    for (const [cat, idx] of byCat) {
      const want = expected?.[cat];
      const have = project.indicators.filter((i) => i.name && i.categoryKey === cat).reduce((s, i) => s + (weightOf(i) ?? 0), 0);
      const given = items.reduce((s, it) => s + (it.category === cat && it.weight !== undefined ? it.weight : 0), 0);
      const left = want === undefined ? 0 : Math.round((want - have - given) * 1e6) / 1e6;
      if (want !== undefined && left > 0) {
        splitWeight(left, idx.length).forEach((w, k) => (out[idx[k]] = w));
      } else {
        for (const i of idx) out[i] = this.ctx.library.defaultWeight;
        if (want !== undefined) {
          const total = have + given + this.ctx.library.defaultWeight * idx.length;
          warnings.push({
            category: cat,
            message: msg(
              `项目「${project.name}」的「${STANDARD_CATEGORIES[cat]}」已无剩余分值，新指标按 ${fmt(this.ctx.library.defaultWeight)} 分插入，该一级指标分值合计将为 ${fmt(total)}（配置要求 ${fmt(want)}），请调整分值`,
              `project "${project.name}": ${STANDARD_CATEGORIES[cat]} has no weight left; the new indicator gets ${fmt(this.ctx.library.defaultWeight)}, making ${fmt(total)} (the profile expects ${fmt(want)}); rebalance the weights`,
            ),
            ...where,
            ...(items[idx[0]].tag ? { tag: items[idx[0]].tag } : {}),
          });
        }
      }
    }
    return out;
  }

  /** Cells of a new or filled row, by column. */
  private rowValues(table: TargetTable, filled: FilledIndicator | null, grid: SheetGrid): Map<number, PlanValue> {
    const v = new Map<number, PlanValue>();
    if (!filled) return v;
    const c = table.columns;
    const put = (col: number | undefined, value: PlanValue) => {
      if (col !== undefined && !isEmpty(value)) v.set(col, value);
    };
    put(c.indicator, filled.name);
    put(c.target, filled.target);
    put(c.content, filled.content);
    put(c.rule, filled.rule);
    put(c.unit, filled.unit);
    put(c.direction, directionText(table, grid, filled.direction));
    put(c.weight, filled.weight);
    return v;
  }

  private place(table: TargetTable, project: Project, grid: SheetGrid, fw: Framework, placed: Map<SubcategoryKey, Placed[]>): void {
    const cols = table.columns;
    const pBlock: BlockSpec = { key: `p:${project.firstRow}`, existing: true };
    const catBlock = (c: CategoryBlock): BlockSpec => ({ key: `c:${c.firstRow}:${c.cell.a1}`, existing: true });
    const subBlock = (s: SubcategoryBlock): BlockSpec => ({ key: `s:${s.firstRow}:${s.cell.a1}`, existing: true });
    const newCat = (cat: CategoryKey): BlockSpec => ({ key: `new:c:${table.sheet}:${project.firstRow}:${cat}`, existing: false, label: cols.category !== undefined ? new Map([[cols.category, STANDARD_CATEGORIES[cat]]]) : undefined });
    const newSub = (key: SubcategoryKey): BlockSpec => ({ key: `new:s:${table.sheet}:${project.firstRow}:${key}`, existing: false, label: cols.subcategory !== undefined ? new Map([[cols.subcategory, STANDARD_SUBCATEGORIES[key]]]) : undefined });
    const projectRows = new Set(project.rows.map((r) => r.row));

    /** Requests by insertion row, rows in standard order. */
    const requests = new Map<number, { formatFrom: number; rows: { spec: NewRowSpec; p: Placed | null; key: SubcategoryKey; order: number }[] }>();
    const orderOf = (key: SubcategoryKey): number => {
      const cat = parentOf(key, fw);
      return CATEGORY_ORDER[fw].indexOf(cat) * 100 + SUBCATEGORY_ORDER[fw][cat].indexOf(key);
    };
    const request = (at: number, formatFrom: number) => {
      let r = requests.get(at);
      if (!r) requests.set(at, (r = { formatFrom, rows: [] }));
      return r;
    };

    const missingByCat = new Map<CategoryKey, SubcategoryKey[]>();
    for (const [key, list] of placed) {
      const cat = parentOf(key, fw);
      const cats = project.categories.filter((c) => c.key === cat);
      const subs = cats.flatMap((c) => c.subcategories).filter((s) => s.key === key);
      const anySubs = project.categories.flatMap((c) => c.subcategories).filter((s) => s.key === key);
      const sub = subs[subs.length - 1] ?? anySubs[anySubs.length - 1];
      if (sub) {
        const parent = project.categories.find((c) => c.subcategories.includes(sub))!;
        const rest: Placed[] = [];
        for (const pl of list) {
          if (!pl.filled) {
            this.extraDone.push({
              message: msg(`项目「${project.name}」已有「${sub.name}」，无需插入`, `project "${project.name}" already has ${sub.name}; nothing to insert`),
              sheet: table.sheet,
              cell: sub.cell.a1,
              ...(pl.item.tag ? { tag: pl.item.tag } : {}),
            });
            continue;
          }
          const row = this.emptyRow(table, grid, sub.firstRow, sub.lastRow, projectRows, false);
          if (row !== null) this.fillRow(table, grid, project, row, pl, null);
          else rest.push(pl);
        }
        if (rest.length) {
          const r = request(sub.lastRow + 1, sub.lastRow);
          for (const pl of rest) r.rows.push({ spec: { values: this.rowValues(table, pl.filled, grid), project: pBlock, category: catBlock(parent), subcategory: subBlock(sub) }, p: pl, key, order: orderOf(key) });
        }
        continue;
      }
      const parent = cats[cats.length - 1];
      if (!parent) {
        missingByCat.set(cat, [...(missingByCat.get(cat) ?? []), key]);
        continue;
      }
      // The 一级 is there, without this 二级.
      if (parent.subcategories.length === 0) {
        const row = this.emptyRow(table, grid, parent.firstRow, parent.lastRow, projectRows, true);
        if (row !== null) {
          const [first, ...more] = list;
          this.fillRow(table, grid, project, row, first, key);
          if (more.length) {
            const r = request(row + 1, row);
            for (const pl of more) r.rows.push({ spec: { values: this.rowValues(table, pl.filled, grid), project: pBlock, category: catBlock(parent), subcategory: newSub(key) }, p: pl, key, order: orderOf(key) });
          }
          continue;
        }
      }
      const order = SUBCATEGORY_ORDER[fw][cat];
      const idx = order.indexOf(key);
      const known = parent.subcategories.filter((s) => s.key !== null && order.includes(s.key));
      const { prev, next } = neighbours(known, (s) => order.indexOf(s.key!), idx);
      const at = prev ? prev.lastRow + 1 : next ? next.firstRow : parent.lastRow + 1;
      const formatFrom = prev ? prev.lastRow : next ? next.firstRow : parent.lastRow;
      const r = request(at, formatFrom);
      for (const pl of list) r.rows.push({ spec: { values: this.rowValues(table, pl.filled, grid), project: pBlock, category: catBlock(parent), subcategory: newSub(key) }, p: pl, key, order: orderOf(key) });
    }

    // Missing 一级: a new block at its standard position, with each of its new 二级.
    for (const [cat, keys] of missingByCat) {
      const order = CATEGORY_ORDER[fw];
      const idx = order.indexOf(cat);
      const known = project.categories.filter((c) => c.key !== null && order.includes(c.key));
      const { prev, next } = neighbours(known, (c) => order.indexOf(c.key!), idx);
      const at = prev ? prev.lastRow + 1 : next ? next.firstRow : project.lastRow + 1;
      const formatFrom = prev ? prev.lastRow : next ? next.firstRow : project.lastRow;
      const r = request(at, formatFrom);
      const cBlock = newCat(cat);
      for (const key of keys) for (const pl of placed.get(key)!) r.rows.push({ spec: { values: this.rowValues(table, pl.filled, grid), project: pBlock, category: cBlock, subcategory: newSub(key) }, p: pl, key, order: orderOf(key) });
    }

    // Into the batch, refusing an insertion that would move cells beside the table.
    for (const [at, r] of [...requests].sort((a, b) => a[0] - b[0])) {
      const rows = r.rows.sort((a, b) => a.order - b.order);
      const blocker = besideTable(grid, table, at);
      if (blocker) {
        for (const x of rows)
          this.refuse(
            msg(
              `不能在「${table.sheet}」第${at}行插入行：表格右侧的单元格 ${blocker} 有内容，插入整行会移动它`,
              `cannot insert rows at row ${at} of "${table.sheet}": cell ${blocker}, beside the table, holds content that inserting whole rows would move`,
            ),
            { sheet: table.sheet, cell: blocker },
            x.p?.item.tag,
          );
        continue;
      }
      const requestIndex = this.batch.addRows({
        table,
        at,
        formatFrom: r.formatFrom,
        rows: rows.map((x) => x.spec),
        owner: { top: project.firstRow, bottom: project.lastRow },
      });
      rows.forEach((x, index) => {
        const name = x.p?.filled?.name;
        const sub = STANDARD_SUBCATEGORIES[x.key];
        this.pending.push({
          tag: x.p?.item.tag,
          request: requestIndex,
          index,
          sheet: table.sheet,
          col: name ? (cols.indicator ?? 1) : (cols.subcategory ?? cols.indicator ?? 1),
          message: (cell) =>
            name
              ? msg(`在项目「${project.name}」的「${sub}」下插入三级指标「${name}」（${cell}，模板 ${x.p!.filled!.templateId}，${fmt(x.p!.filled!.weight)} 分）`, `inserted indicator "${name}" under ${sub} of project "${project.name}" (${cell}, template ${x.p!.filled!.templateId}, weight ${fmt(x.p!.filled!.weight)})`)
              : msg(`在项目「${project.name}」插入二级指标「${sub}」行（${cell}）`, `inserted the 二级 row ${sub} into project "${project.name}" (${cell})`),
        });
      });
    }
  }

  /** An empty row of the block (no indicator, no value; with `subToo`, no 二级 label either) not used yet. */
  private emptyRow(table: TargetTable, grid: SheetGrid, first: number, last: number, projectRows: Set<number>, subToo: boolean): number | null {
    const cols = indicatorColumns(table);
    if (subToo && table.columns.subcategory !== undefined) cols.push(table.columns.subcategory);
    for (let r = first; r <= last; r++) {
      if (!projectRows.has(r) || this.usedRows.has(`${table.sheet}\u0000${r}`)) continue;
      const empty = cols.every((c) => {
        const m = grid.mergeAt(r, c);
        if (m && (m.top !== r || m.left !== c)) return false;
        return isEmpty(grid.raw(r, c)) && !grid.formula(r, c) && !this.batch.edited(table.sheet, r, c);
      });
      if (empty) return r;
    }
    return null;
  }

  /** Fills an empty row of the block in place (and its 二级 label when `key` is given). */
  private fillRow(table: TargetTable, grid: SheetGrid, project: Project, row: number, pl: Placed, key: SubcategoryKey | null): void {
    this.usedRows.add(`${table.sheet}\u0000${row}`);
    const values = this.rowValues(table, pl.filled, grid);
    if (key && table.columns.subcategory !== undefined) values.set(table.columns.subcategory, STANDARD_SUBCATEGORIES[key]);
    for (const [col, value] of values) this.batch.setCell({ sheet: table.sheet, row, col, value });
    const name = pl.filled?.name;
    const sub = STANDARD_SUBCATEGORIES[key ?? pl.item.subcategory];
    this.pending.push({
      tag: pl.item.tag,
      request: null,
      index: 0,
      row,
      sheet: table.sheet,
      col: name ? (table.columns.indicator ?? 1) : (table.columns.subcategory ?? 1),
      message: (cell) =>
        name
          ? msg(`在项目「${project.name}」的「${sub}」空行填入三级指标「${name}」（${cell}，模板 ${pl.filled!.templateId}，${fmt(pl.filled!.weight)} 分）`, `filled indicator "${name}" into the empty ${sub} row of project "${project.name}" (${cell}, template ${pl.filled!.templateId}, weight ${fmt(pl.filled!.weight)})`)
          : msg(`在项目「${project.name}」填入二级指标「${sub}」（${cell}）`, `wrote the 二级 ${sub} into project "${project.name}" (${cell})`),
    });
  }
}

/**
 * Where a block of standard rank `idx` goes among existing blocks: after the one closest before it in the
 * standard order (the last such block in the sheet when it repeats), else before the one closest after it.
 */
function neighbours<T>(blocks: T[], rank: (b: T) => number, idx: number): { prev?: T; next?: T } {
  let prev: T | undefined;
  let next: T | undefined;
  for (const b of blocks) {
    const r = rank(b);
    if (r < idx && (prev === undefined || r >= rank(prev))) prev = b;
    if (r > idx && (next === undefined || r < rank(next))) next = b;
  }
  return { prev, next };
}
