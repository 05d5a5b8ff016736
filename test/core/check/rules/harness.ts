/** Table-driven rule tests: each case is a workbook built by the fixture builder and the findings one rule must give. */
import { buildDepartmentSheet, buildProjectSheet, cleanProject, type DepartmentSheetSpec, type ProjectSpec, type ProjectTableSpec, type RowSpec } from '../../../fixtures/builder';
import type { WorkbookSnapshot, SheetSnapshot } from '../../../../src/core/snapshot/snapshot';
import { readWorkbookModel } from '../../../../src/core/layout/read';
import { checkWorkbook } from '../../../../src/core/check/run';
import { BUILTIN_PROFILES, type Profile } from '../../../../src/core/profile';
import type { Finding, Severity } from '../../../../src/core/check/findings';
import { RULES_BY_ID } from '../../../../src/core/check/rules';

export const CLEAN = cleanProject('公车管理', 40);

/** A clean project with some rows patched (by index) or added. */
export function project(patches: Record<number, Partial<RowSpec>> = {}, extra: RowSpec[] = [], base: ProjectSpec = CLEAN): ProjectSpec {
  return { ...base, rows: [...base.rows.map((r, i) => ({ ...r, ...(patches[i] ?? {}) })), ...extra] };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { source: 'test', sheets };
}

export function projectBook(projects: ProjectSpec[], spec: Partial<ProjectTableSpec> = {}): WorkbookSnapshot {
  return book(buildProjectSheet({ projects, ...spec }));
}

export function departmentBook(spec: DepartmentSheetSpec): WorkbookSnapshot {
  return book(buildDepartmentSheet(spec));
}

export function runRule(id: string, wb: WorkbookSnapshot, profile: Profile = BUILTIN_PROFILES.hunan): Finding[] {
  if (!RULES_BY_ID[id]) throw new Error(`no rule ${id}`);
  return checkWorkbook(readWorkbookModel(wb), { profile, only: [id] });
}

export interface Case {
  name: string;
  book: WorkbookSnapshot;
  /** Expected findings as `A1` or `A1:severity`; [] for a valid case. */
  expect: string[];
  profile?: Profile;
}

export function ruleTable(id: string, cases: Case[]): void {
  describe(`rule ${id}`, () => {
    const rule = RULES_BY_ID[id];
    test('has id, severity, category and both messages', () => {
      expect(rule.id).toBe(id);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.description['zh-CN']).toBeTruthy();
      expect(rule.description['en-US']).toBeTruthy();
    });
    test.each(cases.map((c) => [c.expect.length ? 'invalid' : 'valid', c.name, c] as const))('%s: %s', (_k, _n, c) => {
      const found = runRule(id, c.book, c.profile);
      const got = found.map((f) => `${f.cell}:${f.severity}`);
      const want = c.expect.map((e) => (e.includes(':') ? e : `${e}:${rule.severity as Severity}`));
      expect(got.sort()).toEqual(want.sort());
      for (const f of found) {
        expect(f.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        expect(f.message['en-US']).toMatch(/[A-Za-z]/);
      }
    });
  });
}
