/**
 * 未能识别的行: a row inside a table that the layout reader could not classify (not a header, project,
 * label, indicator, 项目资金, total, note, text or signature row). It was not read as an indicator; the
 * reviewer is told so that nothing the table holds is silently left out.
 */
import type { RuleModule } from '../findings';
import type { Project, TargetTable } from '../../model';

function projectAt(table: TargetTable, row: number): Project | null {
  for (const p of table.projects) if (p.firstRow <= row && row <= p.lastRow) return p;
  return null;
}

export const unrecognisedRow: RuleModule = {
  id: 'unrecognised-row',
  severity: 'info',
  category: 'other',
  description: {
    'zh-CN': '表中未能识别的行（不是表头、项目、指标、合计、说明或签字行）不作为指标读取，须人工查看',
    'en-US': 'A row of a table that is none of header, project, indicator, total, note or signature is not read as an indicator: review it',
  },
  create(ctx) {
    return {
      end() {
        for (const table of ctx.tables) {
          const rows = table.layoutRows;
          for (let i = 0; i < rows.length; i++) {
            const r = rows[i];
            if (r.kind !== 'unrecognised' || r.cell === null) continue;
            const shown = r.text.length > 30 ? `${r.text.slice(0, 30)}…` : r.text;
            ctx.report(table, {
              cell: r.cell,
              project: projectAt(table, r.row),
              message: {
                'zh-CN': `未能识别的行：第${r.row}行（「${shown}」）不是表头、项目、指标、合计、说明或签字行，未作为指标读取`,
                'en-US': `Unrecognised row: row ${r.row} ("${shown}") is not a header, project, indicator, total, note or signature row; it was not read as an indicator`,
              },
            });
          }
        }
      },
    };
  },
};
