/**
 * Row operations on the table, as write plans for any host. The task pane's entry points:
 *   const ctx = createOpsContext(snapshot, { profile, library });
 *   planInsertTemplate(ctx, { project, subcategory, template, values? })   (planInsertTemplates for several)
 *   planInsertSubcategory(ctx, { project, subcategory, template? })
 *   planInsertProject(ctx, { name, fund?, code?, goal?, after?, withIndicators? })
 *   planAddScoreColumns(ctx, { sheet? })
 *   planFixes(ctx, findings, { only?, unsafe? })   (src/core/fixes)
 * Each returns { plan, done, refused, warnings, shifts, inserted }; host.applyPlan(result.plan).
 */
export { createOpsContext, findProject, OpsError, type OpsContext, type OpsContextOptions, type ProjectRef } from './context';
export { mapRow, type Shift } from './batch';
export type { OpNote, OpsResult, IndicatorItem } from './planner';
export {
  planInsertTemplate,
  planInsertTemplates,
  planInsertSubcategory,
  planInsertProject,
  planAddScoreColumns,
  resolveSubcategory,
  type InsertTemplateRequest,
  type InsertSubcategoryRequest,
  type InsertProjectRequest,
  type AddScoreColumnsRequest,
} from './insert';
export { columnStyles, type ColumnStyle } from './geometry';
