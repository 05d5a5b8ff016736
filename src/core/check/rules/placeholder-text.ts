/**
 * 完整性: template leftovers in a name or a value (「……」, 「**」, 「XX」, 「请填写」, a bare 「指标2」). Forms are
 * published with their template rows still in (a 「……」 row under every 二级): the row is to be deleted, not
 * filled in, so this finding hides the missing fields of the same row (SUPERSEDES).
 */
import type { RuleContext, RuleModule } from '../findings';
import type { CellRef, Indicator, Project, TargetTable } from '../../model';
import type { ParsedTargetDetail } from '../../parse/target';
import { isHollowRow, placeholderIn } from './util';

interface Leftover {
  cell: CellRef;
  /** The cell's text and the leftover it holds. */
  text: string;
  leftover: string;
  what: { zh: string; en: string };
}

const NAME = { zh: '三级指标', en: 'indicator name' };
const TARGET = { zh: '指标值', en: 'target' };
const ACTUAL = { zh: '实际完成值', en: 'actual value' };

/**
 * The first of a row's name and values (指标值, 实际完成值) that holds a leftover. The target's is marked by its
 * parse (shared by every row with the same text); the rest are tested one by one, with no list built: this runs
 * on every row of the workbook.
 */
function leftoverOf(ind: Indicator): Leftover | null {
  if (ind.name) {
    const t = placeholderIn(ind.name);
    if (t !== null) return { cell: ind.cell, text: ind.name, leftover: t, what: NAME };
  }
  const p = (ind.parsedTarget as ParsedTargetDetail).placeholder;
  if (p !== undefined && ind.target !== null) return { cell: ind.target.cell, text: ind.target.text, leftover: p, what: TARGET };
  if (ind.actual !== null) {
    const t = placeholderIn(ind.actual.text);
    if (t !== null) return { cell: ind.actual.cell, text: ind.actual.text, leftover: t, what: ACTUAL };
  }
  return null;
}

function report(ctx: RuleContext, table: TargetTable, project: Project, ind: Indicator, hit: Leftover): void {
  ctx.report(table, {
    cell: hit.cell,
    project,
    indicator: ind,
    message: isHollowRow(ind)
      ? {
          'zh-CN': `第${ind.row}行是模板留下的占位行（${hit.what.zh}「${hit.text}」，其余为空），应删除该行`,
          'en-US': `Row ${ind.row} is a template row left in (${hit.what.en} "${hit.text}", nothing else): delete it`,
        }
      : {
          'zh-CN': `「${ind.name || `第${ind.row}行`}」的${hit.what.zh}「${hit.text}」中留有模板占位内容「${hit.leftover}」，应填写实际内容`,
          'en-US': `"${ind.name || `row ${ind.row}`}": the ${hit.what.en} "${hit.text}" holds the template placeholder "${hit.leftover}": fill in the real content`,
        },
    data: { placeholder: hit.leftover },
  });
}

export const placeholderText: RuleModule = {
  id: 'placeholder-text',
  severity: 'warning',
  category: 'incomplete',
  description: { 'zh-CN': '表中不得留有模板占位内容（……、**、XX、请填写）', 'en-US': 'No template leftovers (……, **, XX, 请填写) in names or values' },
  create(ctx) {
    // Rows reported from a project's rows, so that a row the reader also lists among its layout rows is reported once.
    const reported = new Set<string>();
    const found = (table: TargetTable, project: Project, ind: Indicator): void => {
      const hit = leftoverOf(ind);
      if (hit === null) return;
      reported.add(`${table.sheet}\u0000${ind.row}`);
      report(ctx, table, project, ind, hit);
    };
    return {
      project(project, table) {
        for (const [text, cell, zh, en] of [
          [project.name, project.nameCell, '项目名称', 'project name'],
          [project.goal?.text ?? '', project.goal?.cell ?? null, '绩效目标', 'goal'],
        ] as const) {
          const t = text && cell ? placeholderIn(text) : null;
          if (t === null) continue;
          ctx.report(table, {
            cell: cell!,
            project,
            message: {
              'zh-CN': `${zh}「${text}」中留有模板占位内容「${t}」，应填写实际内容`,
              'en-US': `The ${en} "${text}" holds the template placeholder "${t}": fill in the real content`,
            },
          });
        }
        // Every row, not only the indicators: a leftover row may hold nothing that makes it an indicator.
        const rows = project.rows;
        for (let i = 0; i < rows.length; i++) found(table, project, rows[i]);
      },
      end() {
        // Rows the layout reader set aside as template leftovers and left out of the projects' rows.
        for (const table of ctx.tables) {
          for (const lr of table.layoutRows) {
            if (lr.kind !== 'placeholder' || lr.cell === null || reported.has(`${table.sheet}\u0000${lr.row}`)) continue;
            const t = placeholderIn(lr.text);
            if (t === null) continue;
            const project = table.projects.find((p) => p.firstRow <= lr.row && lr.row <= p.lastRow) ?? null;
            ctx.report(table, {
              cell: lr.cell,
              project,
              message: {
                'zh-CN': `第${lr.row}行是模板留下的占位行（「${lr.text}」，其余为空），应删除该行`,
                'en-US': `Row ${lr.row} is a template row left in ("${lr.text}", nothing else): delete it`,
              },
              data: { placeholder: t },
            });
          }
        }
      },
    };
  },
};
