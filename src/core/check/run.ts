/** Runs the rule modules over a workbook model and returns findings in sheet order. */
import { compareSeverity } from '../plan/conventions';
import type { Finding, ReportInput, RuleContext, RuleModule, RuleVisitor } from './findings';
import type { WorkbookModel, TargetTable } from '../model';
import type { Profile } from '../profile';
import { ALL_RULES, SUPERSEDES } from './rules';

export interface CheckOptions {
  profile: Profile;
  /** Rule ids to run (default: all). */
  only?: string[];
  rules?: RuleModule[];
  /** The scorer's findings on a workbook that states scores, for the review rules (see check/engine.ts). */
  scoreFindings?: readonly Finding[];
}

export function checkWorkbook(model: WorkbookModel, options: CheckOptions): Finding[] {
  const rules = (options.rules ?? ALL_RULES).filter((r) => !options.only || options.only.includes(r.id));
  const tables = model.sheets.flatMap((s) => s.tables);
  const findings: Finding[] = [];
  // The rule each finding came from (its index in `rules`): findings on one row keep the rules' order.
  const ruleOf: number[] = [];
  const onIndicator: NonNullable<RuleVisitor['indicator']>[] = [];
  const onProject: NonNullable<RuleVisitor['project']>[] = [];
  const onEnd: NonNullable<RuleVisitor['end']>[] = [];
  rules.forEach((rule, index) => {
    const ctx: RuleContext = {
      workbook: model,
      profile: options.profile,
      tables,
      scoreFindings: options.scoreFindings ?? [],
      report(table: TargetTable, input: ReportInput) {
        ruleOf.push(index);
        findings.push({
          id: rule.id,
          severity: input.severity ?? rule.severity,
          category: rule.category,
          sheet: table.sheet,
          cell: input.cell.a1,
          row: input.cell.row,
          project: input.project?.name ?? null,
          indicator: input.indicator ? input.indicator.name || null : null,
          message: input.message,
          ...(input.data ? { data: input.data } : {}),
          ...(input.fix ? { fix: input.fix } : {}),
        });
      },
    };
    const visitor = rule.create(ctx);
    if (visitor.indicator) onIndicator.push(visitor.indicator);
    if (visitor.project) onProject.push(visitor.project);
    if (visitor.end) onEnd.push(visitor.end);
  });
  // One walk for every rule: each indicator is visited by all of them while it is in the cache.
  // (A walk per rule re-reads the whole model from memory each time: at 100,000 rows that is most of the check's time.)
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t];
    const projects = table.projects;
    for (let p = 0; p < projects.length; p++) {
      const project = projects[p];
      const inds = project.indicators;
      for (let i = 0; i < inds.length; i++) {
        const ind = inds[i];
        for (let k = 0; k < onIndicator.length; k++) onIndicator[k](ind, project, table);
      }
      for (let k = 0; k < onProject.length; k++) onProject[k](project, table);
    }
  }
  for (let k = 0; k < onEnd.length; k++) onEnd[k]();
  return ordered(model, findings, ruleOf);
}

/** A more specific finding on a row hides the general one it supersedes (e.g. cost-direction over unit-mismatch). */
function supersededAt(findings: Finding[]): boolean[] {
  const byRow = new Map<string, Set<string>>();
  for (const f of findings) {
    const k = `${f.sheet}\u0000${f.row}`;
    let ids = byRow.get(k);
    if (!ids) byRow.set(k, (ids = new Set()));
    ids.add(f.id);
  }
  return findings.map((f) => {
    for (const id of byRow.get(`${f.sheet}\u0000${f.row}`)!) if (SUPERSEDES[id]?.includes(f.id)) return true;
    return false;
  });
}

/**
 * Findings in sheet order (the workbook's), then by row, severity, the rules' order, and the order each
 * rule reported them: the same list whatever order the walk reached them in.
 */
function ordered(model: WorkbookModel, findings: Finding[], ruleOf: number[]): Finding[] {
  const sheetOrder = new Map<string, number>();
  model.sheets.forEach((s, i) => sheetOrder.set(s.sheet, i));
  const dropped = supersededAt(findings);
  const keep: number[] = [];
  for (let i = 0; i < findings.length; i++) if (!dropped[i]) keep.push(i);
  return keep
    .sort((a, b) => {
      const fa = findings[a];
      const fb = findings[b];
      return (
        (sheetOrder.get(fa.sheet) ?? 0) - (sheetOrder.get(fb.sheet) ?? 0) ||
        fa.row - fb.row ||
        compareSeverity(fa.severity, fb.severity) ||
        ruleOf[a] - ruleOf[b] ||
        a - b
      );
    })
    .map((i) => findings[i]);
}
