/**
 * The review of a filled 自评表 against its own rules: the scores it states, recomputed by the scoring engine.
 * A rule's context holds the table model, not the sheets; scoring needs the sheets (number formats, the 项目资金
 * block, the 总分 and 自评等级 rows), so `runCheck` scores a workbook that holds scores and hands the scorer's
 * findings to the check (`RuleContext.scoreFindings`). The rules of the review (self-score-mismatch,
 * budget-execution-score-mismatch, …) report those of their id; on a workbook without scores there are none.
 */
import type { Indicator, Project, TargetTable, WorkbookModel } from '../../model';
import type { Finding, RuleModule } from '../findings';
import { parseA1 } from '../../domain/a1';

/** Whether a workbook states scores: a 得分 column with a value on some indicator row. */
export function holdsScores(model: WorkbookModel): boolean {
  for (const sheet of model.sheets) {
    for (const table of sheet.tables) {
      if (table.columns.score === undefined) continue;
      for (const p of table.projects) for (const ind of p.indicators) if (ind.score !== null) return true;
    }
  }
  return false;
}

/**
 * The table a row belongs to: the one whose rows hold it, else the first below it (a 自评表's 项目资金 block
 * sits above its indicator header), else the last above it.
 */
function tableAt(tables: TargetTable[], sheet: string, row: number): TargetTable | null {
  const onSheet = tables.filter((t) => t.sheet === sheet);
  return (
    onSheet.find((t) => t.range.top <= row && row <= t.range.bottom) ??
    onSheet.find((t) => t.range.top > row) ??
    onSheet[onSheet.length - 1] ??
    null
  );
}

function projectAt(table: TargetTable, row: number): Project | null {
  const ps = table.projects;
  return ps.find((p) => p.firstRow <= row && row <= p.lastRow) ?? ps.find((p) => p.firstRow > row) ?? ps[ps.length - 1] ?? null;
}

function indicatorAt(project: Project | null, row: number): Indicator | null {
  return project?.indicators.find((i) => i.row === row) ?? null;
}

/** A rule of the review: it reports the scorer's findings of its id, at their cells. */
export function scoreReviewRule(meta: Omit<RuleModule, 'create'>): RuleModule {
  return {
    ...meta,
    create(ctx) {
      if (ctx.scoreFindings.length === 0) return {};
      return {
        end() {
          const mine: Finding[] = ctx.scoreFindings.filter((f) => f.id === meta.id);
          for (const f of mine) {
            const table = tableAt(ctx.tables, f.sheet, f.row);
            if (table === null) continue;
            const { row, col } = parseA1(f.cell);
            const project = projectAt(table, f.row);
            ctx.report(table, {
              cell: { row, col, a1: f.cell },
              project,
              indicator: indicatorAt(project, f.row),
              message: f.message,
              ...(f.data ? { data: f.data } : {}),
            });
          }
        },
      };
    },
  };
}
