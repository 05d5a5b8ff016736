/** Insert: where the selection is in the table model, the template library by 二级, and the insertion. No React. */
import type { CellAddress, WorkbookHost, ApplyReport } from '../../hosts/workbook-host';
import type { Lang, Messages } from '../../core/check/findings';
import type { SubcategoryKey, WorkbookModel } from '../../core/model';
import { parseA1 } from '../../core/domain/a1';
import { readWorkbookModel } from '../../core/layout/read';
import { STANDARD_SUBCATEGORIES, SUBCATEGORY_KEYS } from '../../core/domain/framework';
import { createOpsContext } from '../../core/edit/context';
import { planInsertTemplate } from '../../core/edit/insert';
import type { OpsResult } from '../../core/edit/planner';
import { DEFAULT_LIBRARY, listTemplates, type TemplateSummary } from '../../core/edit/templates/library';
import type { ParamValue } from '../../core/edit/templates/fill';
import { profileFor, type Settings } from './settings';
import { workbookContext } from '../../core/workbook';

export interface InsertTarget {
  sheet: string;
  cell: string;
  project: string;
  /** The project's first row: identifies it even when two projects share a name. */
  projectRow: number;
  subcategory: SubcategoryKey | null;
  subcategoryName: string | null;
}

/** The project and 二级 of a cell, from the table model; null when the cell is in no project. */
export function targetAt(model: WorkbookModel, at: CellAddress): InsertTarget | null {
  const { row } = parseA1(at.cell);
  for (const sheet of model.sheets) {
    if (sheet.sheet !== at.sheet) continue;
    for (const table of sheet.tables) {
      for (const p of table.projects) {
        if (row < p.firstRow || row > p.lastRow) continue;
        let sub: { key: SubcategoryKey | null; name: string } | null = null;
        for (const c of p.categories) for (const s of c.subcategories) if (row >= s.firstRow && row <= s.lastRow) sub = { key: s.key, name: s.name };
        return { sheet: at.sheet, cell: at.cell, project: p.name, projectRow: p.firstRow, subcategory: sub?.key ?? null, subcategoryName: sub?.name ?? null };
      }
    }
  }
  return null;
}

/** Reads the selection and the workbook, and places the selection in the model. */
export async function readTarget(host: WorkbookHost): Promise<{ at: CellAddress | null; target: InsertTarget | null }> {
  const at = await host.getSelection();
  if (!at) return { at: null, target: null };
  const model = readWorkbookModel(await host.readWorkbook());
  return { at, target: targetAt(model, at) };
}

export interface SubcategoryGroup {
  key: SubcategoryKey;
  name: string;
  templates: TemplateSummary[];
}

/** The library by 二级, in the standard order (二级 without templates are left out). */
export function templateGroups(lang: Lang): SubcategoryGroup[] {
  return SUBCATEGORY_KEYS.map((key) => ({ key, name: STANDARD_SUBCATEGORIES[key], templates: listTemplates(DEFAULT_LIBRARY, { subcategory: key, lang }) })).filter(
    (g) => g.templates.length > 0,
  );
}

export interface InsertRequestUi {
  target: InsertTarget;
  subcategory: SubcategoryKey;
  template: string;
  values: Record<string, ParamValue | undefined>;
  weight?: number;
}

export interface InsertOutcome {
  result: OpsResult;
  report: ApplyReport | null;
}

/** Plans the insertion on a fresh read and applies it; a refusal applies nothing. */
export async function insertTemplate(host: WorkbookHost, settings: Settings, req: InsertRequestUi): Promise<InsertOutcome> {
  const context = workbookContext(await host.readWorkbook());
  const ctx = createOpsContext(context, { profile: profileFor(settings, context.model).profile });
  const result = planInsertTemplate(ctx, {
    sheet: req.target.sheet,
    project: req.target.projectRow,
    subcategory: req.subcategory,
    template: req.template,
    values: req.values,
    ...(req.weight !== undefined ? { weight: req.weight } : {}),
  });
  if (result.refused.length > 0 || result.plan.ops.length === 0) return { result, report: null };
  const report = await host.applyPlan(result.plan);
  return { result, report };
}

export function text(m: Messages, lang: Lang): string {
  return m[lang];
}
