/**
 * What a row operation needs: the snapshot (values, merges, formulas), the table model read from
 * it, the profile (framework, weights) and the template library. Built once per workbook read;
 * every plan function takes it and returns a write plan for the hosts.
 */
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import type { SheetGrid } from '../snapshot/snapshot';
import type { Messages } from '../check/findings';
import type { Project, TargetTable, WorkbookModel } from '../model';
import type { Profile } from '../profile';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from '../profile';
import { workbookContext, type WorkbookContext } from '../workbook';
import { DEFAULT_LIBRARY } from './templates/library';
import type { TemplateLibrary } from './templates/schema';
import { parseTarget } from '../parse/target';

export interface OpsContext {
  snapshot: WorkbookSnapshot;
  model: WorkbookModel;
  profile: Profile;
  library: TemplateLibrary;
  /** The budget year (the `{year}` of templates). */
  year: number;
  grid(sheet: string): SheetGrid;
}

export interface OpsContextOptions {
  profile?: Profile;
  library?: TemplateLibrary;
  /** Budget year; default: the year most dates of the tables use, else the current year. */
  year?: number;
}

/** The row operations' context over a workbook: a snapshot (read now) or a workbook already read by check or score. */
export function createOpsContext(input: WorkbookSnapshot | WorkbookContext, opts: OpsContextOptions = {}): OpsContext {
  const read = workbookContext(input);
  const { snapshot, model } = read;
  return {
    snapshot,
    model,
    profile: opts.profile ?? BUILTIN_PROFILES[DEFAULT_PROFILE_ID],
    library: opts.library ?? DEFAULT_LIBRARY,
    year: opts.year ?? budgetYear(model),
    grid(sheet: string): SheetGrid {
      const g = read.grid(sheet);
      if (!g) throw new OpsError({ 'zh-CN': `找不到工作表「${sheet}」`, 'en-US': `no sheet "${sheet}"` });
      return g;
    },
  };
}

/** The year most date targets of the workbook name (`2024年12月前`), else the current year. */
function budgetYear(model: WorkbookModel): number {
  const counts = new Map<number, number>();
  for (const s of model.sheets)
    for (const t of s.tables)
      for (const p of t.projects)
        for (const i of p.indicators) {
          const y = i.parsedTarget.kind === 'date' ? i.parsedTarget.date?.year : i.target ? parseTarget(i.target.text).date?.year : undefined;
          if (y) counts.set(y, (counts.get(y) ?? 0) + 1);
        }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best ?? new Date().getFullYear();
}

/** A request that cannot be planned (unknown project, template, …): bilingual, with the place when known. */
export class OpsError extends Error {
  constructor(
    readonly messages: Messages,
    readonly where?: { sheet: string; cell?: string },
  ) {
    super(`${messages['zh-CN']} / ${messages['en-US']}`);
    this.name = 'OpsError';
  }
}

/** The tables of the workbook, with their sheet. */
export function allTables(ctx: OpsContext): TargetTable[] {
  return ctx.model.sheets.flatMap((s) => s.tables);
}

export interface ProjectRef {
  /** Sheet of the table; default: the first table holding a project by that name. */
  sheet?: string;
  /** The project's name (the department's name in a 整体 table), or its first row. */
  project: string | number;
}

/** Finds a project by name (or first row) and the table holding it. */
export function findProject(ctx: OpsContext, ref: ProjectRef): { table: TargetTable; project: Project } {
  const want = typeof ref.project === 'string' ? ref.project.trim() : ref.project;
  const tables = allTables(ctx).filter((t) => !ref.sheet || t.sheet === ref.sheet);
  if (ref.sheet && tables.length === 0) {
    throw new OpsError({ 'zh-CN': `工作表「${ref.sheet}」中没有绩效目标表`, 'en-US': `sheet "${ref.sheet}" holds no target table` });
  }
  const hits: { table: TargetTable; project: Project }[] = [];
  for (const table of tables)
    for (const project of table.projects) {
      if (typeof want === 'number' ? project.firstRow <= want && want <= project.lastRow : project.name === want) hits.push({ table, project });
    }
  if (hits.length === 0) {
    const names = tables.flatMap((t) => t.projects.map((p) => p.name)).slice(0, 20);
    throw new OpsError({
      'zh-CN': `找不到项目「${want}」（有：${names.join('、')}）`,
      'en-US': `no project "${want}" (there are: ${names.join(', ')})`,
    });
  }
  if (hits.length > 1 && typeof want === 'string') {
    const where = hits.map((h) => `${h.table.sheet}!${h.project.nameCell.a1}`).join(', ');
    throw new OpsError({
      'zh-CN': `有多个项目名为「${want}」（${where}），请指定工作表或行号`,
      'en-US': `several projects are named "${want}" (${where}); give the sheet or a row`,
    });
  }
  return hits[0];
}
