/** Round trips for row operations: build a fixture as .xlsx, plan, apply with the xlsx host, read back. */
import { unzipSync, strFromU8 } from 'fflate';
import * as ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import type { WorkbookModel, Project } from '../../../src/core/model';
import type { RangeRef } from '../../../src/core/domain/a1';
import { parseRange, rangeToA1 } from '../../../src/core/domain/a1';
import type { WritePlan } from '../../../src/core/plan/ops';
import { workbookContext, type WorkbookContext } from '../../../src/core/workbook';
import { checkWorkbook } from '../../../src/core/check/run';
import type { Finding } from '../../../src/core/check/findings';
import { BUILTIN_PROFILES, type Profile } from '../../../src/core/profile';
import { readWorkbook, applyPlanToXlsx } from '../../../src/hosts/xlsx';
import { createOpsContext, type OpsContext } from '../../../src/core/edit';
import type { OpsResult } from '../../../src/core/edit/planner';
import { CATEGORY_ORDER, SUBCATEGORY_ORDER } from '../../../src/core/domain/framework';
import { snapshotToXlsx } from '../../fixtures/xlsx';

export interface Side {
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
  model: WorkbookModel;
  context: WorkbookContext;
  findings: Finding[];
}

export async function side(bytes: Uint8Array, profile: Profile): Promise<Side> {
  const snapshot = await readWorkbook(bytes, 'test.xlsx');
  const context = workbookContext(snapshot);
  return { bytes, snapshot, model: context.model, context, findings: checkWorkbook(context.model, { profile }) };
}

export interface RoundTrip<R extends OpsResult = OpsResult> {
  before: Side;
  after: Side;
  result: R;
}

/** Builds the book as .xlsx, plans with `plan`, applies the plan with the xlsx host and reads the result. */
export async function roundTrip<R extends OpsResult>(book: WorkbookSnapshot | Uint8Array, plan: (ctx: OpsContext, before: Side) => R, profile: Profile = BUILTIN_PROFILES.hunan): Promise<RoundTrip<R>> {
  const bytes = book instanceof Uint8Array ? book : new Uint8Array(await snapshotToXlsx(book));
  const before = await side(bytes, profile);
  const ctx = createOpsContext(before.context, { profile, year: 2024 });
  const result = plan(ctx, before);
  const out = await applyPlanToXlsx(bytes, result.plan);
  return { before, after: await side(out, profile), result };
}

export interface IndicatorRow {
  sheet: string;
  project: string;
  category: string;
  subcategory: string;
  name: string;
  target: string;
  rule: string;
  unit: string;
  direction: string;
  content: string;
  weight: string;
}

export function indicatorRows(model: WorkbookModel): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  for (const s of model.sheets)
    for (const t of s.tables)
      for (const p of t.projects)
        for (const i of p.indicators) {
          if (!i.name) continue;
          out.push({
            sheet: s.sheet,
            project: p.name,
            category: i.category?.text ?? '',
            subcategory: i.subcategory?.text ?? '',
            name: i.name,
            target: i.target?.text ?? '',
            rule: i.rule?.text ?? '',
            unit: i.unit?.text ?? '',
            direction: i.directionField?.text ?? '',
            content: i.content?.text ?? '',
            weight: i.weight?.text ?? '',
          });
        }
  return out;
}

const key = (r: IndicatorRow) => `${r.sheet}|${r.project}|${r.name}`;

/**
 * The table re-reads with the same projects (plus `newProjects`) and the same indicators with the same
 * values (plus `added`, as `project|name`); returns the added rows.
 */
export function expectIntact(rt: RoundTrip, added: string[], newProjects: string[] = []): IndicatorRow[] {
  const projects = (m: WorkbookModel) => m.sheets.flatMap((s) => s.tables.flatMap((t) => t.projects.map((p) => `${s.sheet}|${p.name}`)));
  const b = projects(rt.before.model);
  const a = projects(rt.after.model);
  expect(a.filter((p) => !newProjects.some((n) => p.endsWith(`|${n}`)))).toEqual(b);
  const before = indicatorRows(rt.before.model);
  const after = indicatorRows(rt.after.model);
  const afterByKey = new Map(after.map((r) => [key(r), r] as const));
  for (const r of before) expect(afterByKey.get(key(r))).toEqual(r);
  const beforeKeys = new Set(before.map(key));
  const extra = after.filter((r) => !beforeKeys.has(key(r)));
  expect(extra.map((r) => `${r.project}|${r.name}`).sort()).toEqual([...added].sort());
  expect(after).toHaveLength(before.length + added.length);
  return extra;
}

/** 一级 in the framework's order, and 二级 in order within each. */
export function expectStandardOrder(p: Project, framework: 'new' | 'old'): void {
  const cats = p.categories.map((c) => c.key).filter((k): k is NonNullable<typeof k> => k !== null);
  const order = CATEGORY_ORDER[framework];
  expect([...cats].sort((x, y) => order.indexOf(x) - order.indexOf(y))).toEqual(cats);
  for (const c of p.categories) {
    if (!c.key) continue;
    const subs = c.subcategories.map((s) => s.key).filter((k): k is NonNullable<typeof k> => k !== null);
    const so = SUBCATEGORY_ORDER[framework][c.key];
    expect([...subs].sort((x, y) => so.indexOf(x) - so.indexOf(y))).toEqual(subs);
  }
}

/** Merged areas of every sheet as written in the package (not as a reader rebuilt them). */
export function packageMerges(bytes: Uint8Array): Map<string, RangeRef[]> {
  const files = unzipSync(bytes);
  const out = new Map<string, RangeRef[]>();
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    out.set(name, [...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => parseRange(m[1])));
  }
  return out;
}

/** Overlapping merged areas (none in a valid file). */
export function mergeOverlaps(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  for (const [part, list] of packageMerges(bytes)) {
    const sorted = [...list].sort((a, b) => a.top - b.top || a.left - b.left);
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length && sorted[j].top <= sorted[i].bottom; j++) {
        const a = sorted[i];
        const b = sorted[j];
        if (a.left <= b.right && b.left <= a.right) problems.push(`${part}: ${rangeToA1(a)} overlaps ${rangeToA1(b)}`);
      }
  }
  return problems;
}

/**
 * The merged areas a plan leaves on each sheet, worked out from the merges before it as Excel moves them
 * when rows are inserted at `at`: a merge over the insertion point (top < at <= bottom) grows by the new
 * rows, one at or below it moves down, a merge within the source row alone (`E7:F7`) is repeated on each
 * new row where nothing else is merged; a merge op then absorbs the areas inside it. Sorted A1 ranges.
 */
export function mergesAfterPlan(before: WorkbookSnapshot, plan: WritePlan): Record<string, string[]> {
  const sheets = new Map(before.sheets.map((s) => [s.name, s.merges.map((m) => ({ ...m }))] as const));
  const overlaps = (a: RangeRef, b: RangeRef) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
  for (const op of plan.ops) {
    if (op.op !== 'insertRows' && op.op !== 'merge') continue;
    const list = sheets.get(op.sheet)!;
    if (op.op === 'merge') {
      const r = parseRange(op.range);
      if (r.top === r.bottom && r.left === r.right) continue;
      sheets.set(op.sheet, [...list.filter((m) => !overlaps(m, r)), r]);
      continue;
    }
    const { at, count } = op;
    for (const m of list) {
      if (m.top >= at) {
        m.top += count;
        m.bottom += count;
      } else if (m.bottom >= at) m.bottom += count;
    }
    const src = op.formatFrom >= at ? op.formatFrom + count : op.formatFrom;
    for (const m of list.filter((x) => x.top === src && x.bottom === src && x.right > x.left)) {
      for (let r = at; r < at + count; r++) {
        const row = { top: r, bottom: r, left: m.left, right: m.right };
        if (!list.some((o) => overlaps(o, row))) list.push(row);
      }
    }
  }
  return Object.fromEntries([...sheets].map(([name, list]) => [name, sortedA1(list)]));
}

function sortedA1(list: RangeRef[]): string[] {
  return [...list].sort((a, b) => a.top - b.top || a.left - b.left).map(rangeToA1);
}

/**
 * The written file's merged areas are exactly those `mergesAfterPlan` works out: every sheet's list as
 * read back, and as many <mergeCell> entries in the package (none written twice).
 */
export function expectMergesMoved(rt: RoundTrip): void {
  const want = mergesAfterPlan(rt.before.snapshot, rt.result.plan);
  const got = Object.fromEntries(rt.after.snapshot.sheets.filter((s) => s.name in want).map((s) => [s.name, sortedA1(s.merges)]));
  expect(got).toEqual(want);
  const written = [...packageMerges(rt.after.bytes).values()].reduce((n, l) => n + l.length, 0);
  expect(written).toBe(Object.values(want).reduce((n, l) => n + l.length, 0) + rt.after.snapshot.sheets.filter((s) => !(s.name in want)).reduce((n, s) => n + s.merges.length, 0));
}

/**
 * Opens the bytes with exceljs, a second library, then merges every sheet's merged areas one by one into
 * a blank exceljs sheet: exceljs's own merge refuses an area overlapping an earlier one. (The xlsx host's
 * reader loads merges without that check, for speed; this puts it back.)
 */
export async function openWithPlainExcelJS(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  for (const ws of wb.worksheets) {
    const blank = new ExcelJS.Workbook().addWorksheet('check');
    for (const ref of (ws.model as unknown as { merges: string[] }).merges) blank.mergeCells(ref);
  }
  return wb.worksheets.map((w) => w.name);
}

/** Finding keys that do not depend on rows: rule, sheet, project, indicator and what is missing. */
export function findingKeys(findings: Finding[], ids?: string[]): string[] {
  return findings.filter((f) => !ids || ids.includes(f.id)).map((f) => `${f.id}|${f.sheet}|${f.project}|${f.indicator}|${String(f.data?.missing ?? '')}`);
}
