/** A workbook holding every worked case as an indicator row (sheet 评分用例), plus a national 自评表. */
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import { buildProjectSheet, type ProjectSpec, type RowSpec } from '../../fixtures/builder';
import { ALL } from './cases';
import type { Case } from './harness';
import { standardSelfEval } from './selfeval-builder';

export const CASES_SHEET = '评分用例';

export function casesSheet(): { sheet: SheetSnapshot; cases: Case[] } {
  const cases = ALL.flatMap(([, cs]) => cs);
  const projects: ProjectSpec[] = [];
  const per = 25;
  for (let i = 0; i < cases.length; i += per) {
    const rows: RowSpec[] = cases.slice(i, i + per).map((c, k) => ({
      cat: c.cat ?? '产出指标',
      sub: c.sub ?? '数量指标',
      name: `指标${i + k + 1}`,
      target: c.target,
      rule: c.rule,
      unit: c.unit ?? '',
      dir: c.dir ?? '',
      actual: c.actual,
      weight: c.weight,
    }));
    projects.push({ name: `用例项目${projects.length + 1}`, fund: 100, rows });
  }
  const sheet = buildProjectSheet({ sheet: CASES_SHEET, projects, extraColumns: ['actual', 'weight', 'score'] });
  // Data rows start under the two header rows, one row per case.
  const nf: Record<string, string> = {};
  cases.forEach((c, k) => {
    if (c.actualFormat) nf[`O${3 + k}`] = c.actualFormat;
    if (c.targetFormat) nf[`I${3 + k}`] = c.targetFormat;
  });
  sheet.numberFormats = nf;
  return { sheet, cases };
}

export function casesWorkbook(): WorkbookSnapshot {
  return { source: 'cases', sheets: [casesSheet().sheet, standardSelfEval().sheet] };
}
