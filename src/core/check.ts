/** Runs the rule modules over a workbook model and returns findings in sheet order. */
import type { Finding, ReportInput, RuleContext, RuleModule } from './findings';
import type { WorkbookModel, TargetTable } from './model';
import type { Profile } from './profile';
import { ALL_RULES, SUPERSEDES } from './rules';

export interface CheckOptions {
  profile: Profile;
  /** Rule ids to run (default: all). */
  only?: string[];
  rules?: RuleModule[];
}

export function checkWorkbook(model: WorkbookModel, options: CheckOptions): Finding[] {
  const rules = (options.rules ?? ALL_RULES).filter((r) => !options.only || options.only.includes(r.id));
  const tables = model.sheets.flatMap((s) => s.tables);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const ctx: RuleContext = {
      workbook: model,
      profile: options.profile,
      tables,
      report(table: TargetTable, input: ReportInput) {
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
    rule.check(ctx);
  }
  return sortFindings(dropSuperseded(findings));
}

/** A more specific finding on a row hides the general one it supersedes (e.g. cost-direction over unit-mismatch). */
function dropSuperseded(findings: Finding[]): Finding[] {
  const byRow = new Map<string, Set<string>>();
  for (const f of findings) {
    const k = `${f.sheet}\u0000${f.row}`;
    if (!byRow.has(k)) byRow.set(k, new Set());
    byRow.get(k)!.add(f.id);
  }
  return findings.filter((f) => {
    const ids = byRow.get(`${f.sheet}\u0000${f.row}`)!;
    for (const id of ids) if (SUPERSEDES[id]?.includes(f.id)) return false;
    return true;
  });
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function sortFindings(findings: Finding[]): Finding[] {
  const sheetOrder = new Map<string, number>();
  for (const f of findings) if (!sheetOrder.has(f.sheet)) sheetOrder.set(f.sheet, sheetOrder.size);
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        sheetOrder.get(a.f.sheet)! - sheetOrder.get(b.f.sheet)! ||
        a.f.row - b.f.row ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.i - b.i,
    )
    .map((x) => x.f);
}
