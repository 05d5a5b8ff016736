/**
 * Fixes on findings: the findings' fixes a user selects, planned as one write plan.
 *
 * Selection: `only` names rule ids or fix ids (`required-output-subcategory`, `add-indicator`); it may
 * select unsafe fixes. Without `only`, the safe fixes are applied (`unsafe: true` adds the others).
 * Every fix is checked against the workbook as read: a cell it edits must still hold what the finding
 * saw, a cell it fills must be empty; else it is refused with the reason.
 */
import type { Finding, Fix, Messages } from '../../check/findings';
import { parseA1, toA1 } from '../../domain/a1';
import { normalizeText } from '../../domain/text';
import type { OpsContext } from '../context';
import { allTables } from '../context';
import { msg } from '../batch';
import { Planner, type OpNote, type OpsResult } from '../planner';
import { isEmpty } from '../geometry';
import { mapRow } from '../batch';
import { defaultTemplateFor } from '../templates/library';

export interface FixOptions {
  /** Rule ids or fix ids to apply (safe or not). Default: every safe fix. */
  only?: string[];
  /** Also apply the unsafe fixes (those that replace what a user typed). */
  unsafe?: boolean;
}

export type FixStatus = 'applied' | 'refused' | 'skipped';

export interface FixOutcome {
  finding: Finding;
  fix: Fix;
  status: FixStatus;
  /** What was done, or why not. */
  notes: OpNote[];
}

export interface FixPlanResult extends OpsResult {
  outcomes: FixOutcome[];
}

/** Whether the options select this finding's fix. */
export function selects(opts: FixOptions, f: Finding): boolean {
  if (!f.fix) return false;
  if (opts.only && opts.only.length) return opts.only.includes(f.id) || opts.only.includes(f.fix.id);
  return f.fix.safe || Boolean(opts.unsafe);
}

/** Plans the selected fixes of `findings` (from a check of ctx's snapshot) into one write plan. */
export function planFixes(ctx: OpsContext, findings: Finding[], opts: FixOptions = {}): FixPlanResult {
  const planner = new Planner(ctx);
  const outcomes: FixOutcome[] = [];
  const tagOf = new Map<FixOutcome, string>();
  const wanted = new Map<string, string>(); // `${sheet}\0${projectRow}\0${subcategory}` → tag of the fix that asked first
  findings.forEach((f, i) => {
    if (!f.fix) return;
    const outcome: FixOutcome = { finding: f, fix: f.fix, status: 'applied', notes: [] };
    outcomes.push(outcome);
    if (!selects(opts, f)) {
      outcome.status = 'skipped';
      outcome.notes.push({
        message: f.fix.safe
          ? msg('未选择', 'not selected')
          : msg(`会改写已填内容，未默认执行（用 --only ${f.fix.id} 或 --unsafe 执行）`, `replaces what was typed; not applied by default (use --only ${f.fix.id} or --unsafe)`),
        sheet: f.sheet,
        cell: f.cell,
      });
      return;
    }
    const tag = `fix${i}`;
    tagOf.set(outcome, tag);
    const a = f.fix.action;
    const refuse = (m: Messages, cell = f.cell) => {
      outcome.status = 'refused';
      outcome.notes.push({ message: m, sheet: a.sheet, cell });
    };
    switch (a.kind) {
      case 'moveValue': {
        const grid = ctx.grid(a.sheet);
        const from = parseA1(a.from);
        const to = parseA1(a.to);
        if (!isEmpty(grid.value(to.row, to.col))) return refuse(msg(`目标单元格 ${a.to} 已有内容，未移动`, `the target cell ${a.to} is not empty; nothing moved`), a.to);
        if (grid.mergeAt(to.row, to.col) && (grid.mergeAt(to.row, to.col)!.top !== to.row || grid.mergeAt(to.row, to.col)!.left !== to.col)) {
          return refuse(msg(`目标单元格 ${a.to} 在合并区域中，未移动`, `the target cell ${a.to} lies inside a merged area; nothing moved`), a.to);
        }
        if (planner.batch.edited(a.sheet, to.row, to.col) || planner.batch.edited(a.sheet, from.row, from.col)) return refuse(msg('该单元格已由另一修复改动', 'another fix already edits this cell'));
        planner.batch.setCell({ sheet: a.sheet, row: to.row, col: to.col, value: a.value });
        planner.batch.setCell({ sheet: a.sheet, row: from.row, col: from.col, value: a.rest });
        outcome.notes.push({
          message: msg(`把 ${a.from} 的「${grid.text(from.row, from.col)}」移到 ${a.to}${a.rest ? `，${a.from} 留「${a.rest}」` : ''}`, `moved "${grid.text(from.row, from.col)}" from ${a.from} to ${a.to}${a.rest ? `, ${a.from} keeps "${a.rest}"` : ''}`),
          sheet: a.sheet,
          cell: a.to,
        });
        return;
      }
      case 'setValue': {
        const grid = ctx.grid(a.sheet);
        const p = parseA1(a.cell);
        const now = grid.text(p.row, p.col);
        if (normalizeText(now) !== normalizeText(a.expect)) return refuse(msg(`${a.cell} 现为「${now}」，不是「${a.expect}」，未改`, `${a.cell} now holds "${now}", not "${a.expect}"; left as is`), a.cell);
        const m = grid.mergeAt(p.row, p.col);
        const row = m ? m.top : p.row;
        const col = m ? m.left : p.col;
        if (planner.batch.edited(a.sheet, row, col)) return refuse(msg('该单元格已由另一修复改动', 'another fix already edits this cell'));
        planner.batch.setCell({ sheet: a.sheet, row, col, value: a.value });
        outcome.notes.push({ message: msg(`${toA1(row, col)}：「${now}」改为「${a.value}」`, `${toA1(row, col)}: "${now}" → "${a.value}"`), sheet: a.sheet, cell: toA1(row, col) });
        return;
      }
      case 'addIndicators': {
        const table = allTables(ctx).find((t) => t.sheet === a.sheet && t.projects.some((p) => p.firstRow === a.projectRow));
        const project = table?.projects.find((p) => p.firstRow === a.projectRow);
        if (!table || !project) return refuse(msg(`找不到项目「${a.project}」`, `project "${a.project}" not found`));
        let added = 0;
        for (const item of a.items) {
          const k = `${a.sheet}\u0000${a.projectRow}\u0000${item.subcategory}`;
          if (wanted.has(k)) continue; // another fix adds it already
          wanted.set(k, tag);
          const template = item.template ?? defaultTemplateFor(item.subcategory, ctx.library)?.id;
          if (!template) {
            refuse(msg(`模板库中没有「${item.subcategory}」的模板`, `the template library has no template for ${item.subcategory}`));
            continue;
          }
          planner.addIndicator(table, project, { subcategory: item.subcategory, template, tag });
          added++;
        }
        if (added === 0 && outcome.status !== 'refused') outcome.notes.push({ message: msg('由同一次修复中的另一项完成', 'done by another fix of this run'), sheet: a.sheet, cell: f.cell });
        return;
      }
    }
  });
  const result = planner.build();
  for (const o of outcomes) {
    const tag = tagOf.get(o);
    if (!tag) continue;
    const refused = result.refused.filter((n) => n.tag === tag);
    if (refused.length) {
      o.status = 'refused';
      o.notes.push(...refused);
    }
    o.notes.push(...result.done.filter((n) => n.tag === tag), ...result.warnings.filter((n) => n.tag === tag));
    if (o.status === 'applied' && refused.length === 0 && o.fix.action.kind === 'addIndicators' && !result.done.some((n) => n.tag === tag) && o.notes.length === 0) {
      o.status = 'refused';
      o.notes.push({ message: msg('没有可插入的内容', 'nothing to insert'), sheet: o.finding.sheet, cell: o.finding.cell });
    }
  }
  // Fixes planned outside the planner (moves, renames) edit cells before the rows are inserted: their
  // notes name the cells where they end up. They are part of `done` too.
  for (const o of outcomes) {
    if (o.fix.action.kind === 'addIndicators' || o.status === 'skipped') continue;
    for (const n of o.notes) {
      if (!n.cell || !n.sheet) continue;
      const p = parseA1(n.cell);
      n.cell = toA1(mapRow(result.shifts, n.sheet, p.row), p.col);
    }
    if (o.status === 'applied') result.done.push(...o.notes);
  }
  for (const o of outcomes) if (o.status === 'refused' && o.fix.action.kind !== 'addIndicators') result.refused.push(...o.notes);
  return { ...result, outcomes };
}
