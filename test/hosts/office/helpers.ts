/** Shared helpers of the Office host tests: generated target tables on the fake, user formats, model comparison. */
import { buildProjectSheet } from '../../fixtures/builder';
import { projectsFor } from '../../../bench/generate';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/snapshot';
import type { WritePlan, MarkOp } from '../../../src/core/plan/ops';
import { runCheck, checkPlan } from '../../../src/core/check/engine';
import { BUILTIN_PROFILES } from '../../../src/core/profile';
import { FakeExcel, cellAt, findSheet, keyCol, keyRow, workbookFromSnapshot, type FakeCell, type FakeExcelOptions, type FakeWorkbook } from '../../../src/hosts/fake';
import { OfficeHost, type OfficeHostOptions } from '../../../src/hosts/office';
import { parseA1, toA1 } from '../../../src/core/domain/a1';

export const SHEET = '项目支出绩效目标表';

const cache = new Map<number, WorkbookSnapshot>();

/** The benchmark's table with `rows` indicator rows (as bench/generate.ts builds it). */
export function tableSnapshot(rows: number): WorkbookSnapshot {
  let s = cache.get(rows);
  if (!s) {
    const projects = projectsFor(rows);
    const fund = projects.reduce((n, p) => n + (p.fund as number), 0);
    s = { source: `bench-${rows}`, sheets: [buildProjectSheet({ projects, department: { name: '基准测试单位', fund } })] };
    cache.set(rows, s);
  }
  return JSON.parse(JSON.stringify(s)) as WorkbookSnapshot;
}

export function setup(snapshot: WorkbookSnapshot, fakeOptions: FakeExcelOptions = {}, hostOptions: OfficeHostOptions = {}): { fake: FakeExcel; host: OfficeHost } {
  const fake = new FakeExcel(workbookFromSnapshot(snapshot), { source: snapshot.source, ...fakeOptions });
  return { fake, host: new OfficeHost(fake, hostOptions) };
}

export function checkPlanFor(snapshot: WorkbookSnapshot): WritePlan {
  return checkPlan(runCheck(snapshot, BUILTIN_PROFILES.hunan), 'zh-CN');
}

export function markOps(plan: WritePlan): MarkOp[] {
  return plan.ops.filter((o): o is MarkOp => o.op === 'mark');
}

/**
 * What a user did to the sheet before jixiao came: fills (solid and patterned), fonts and notes on
 * some cells that will be marked and on some that will not.
 */
export function decorate(wb: FakeWorkbook, marked: string[]): void {
  const sheet = findSheet(wb, SHEET);
  if (!sheet) throw new Error('no sheet');
  const styles = [
    (c: FakeCell) => {
      c.fill = { color: '#FFFF00', pattern: 'Solid' };
      c.note = { content: '请财务科核对这个数 / check with finance', author: '张三' };
    },
    (c: FakeCell) => {
      c.fill = { color: '#92D050', pattern: 'Gray25', patternColor: '#FF0000' };
      c.font = { color: '#C00000', bold: true };
    },
    (c: FakeCell) => {
      c.note = { content: '多行批注\n第二行 & <特殊> "字符"', author: '李四' };
      c.font = { bold: true };
    },
  ];
  marked.slice(0, 6).forEach((a1, i) => {
    const p = parseA1(a1);
    styles[i % styles.length](cellAt(sheet, p.row, p.col, true));
  });
  // Cells jixiao does not mark keep their formats and notes too.
  for (const [i, a1] of ['A1', 'B2', 'N7', 'H30'].entries()) {
    const p = parseA1(a1);
    styles[i % styles.length](cellAt(sheet, p.row, p.col, true));
  }
}

/** Everything a user could see of the workbook: cells (values, formulas, formats, notes), merges, sheets, custom XML parts. */
export function state(wb: FakeWorkbook): unknown {
  return {
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      columnWidths: { ...s.columnWidths },
      rowHeights: { ...(s.rowHeights ?? {}) },
      merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left).map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`),
      cells: [...s.cells]
        .map(([k, c]) => [toA1(keyRow(k), keyCol(k)), JSON.parse(JSON.stringify(c))] as [string, unknown])
        .filter(([, c]) => Object.keys(c as object).length > 0)
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    })),
    customXmlParts: wb.customXmlParts.map((p) => ({ ...p })),
    names: (wb.names ?? []).map((n) => ({ ...n })),
    activeSheet: wb.activeSheet,
  };
}

/** Cell-by-cell differences between two states (for readable failures). */
export function diff(a: unknown, b: unknown): string[] {
  const sa = a as { sheets: Array<{ name: string; cells: Array<[string, unknown]> }> };
  const sb = b as { sheets: Array<{ name: string; cells: Array<[string, unknown]> }> };
  const out: string[] = [];
  for (const s of sa.sheets) {
    const t = sb.sheets.find((x) => x.name === s.name);
    if (!t) {
      out.push(`sheet ${s.name} missing`);
      continue;
    }
    const m = new Map(t.cells.map(([k, v]) => [k, JSON.stringify(v)]));
    for (const [k, v] of s.cells) {
      const w = m.get(k);
      if (w !== JSON.stringify(v)) out.push(`${s.name}!${k}: ${JSON.stringify(v)} -> ${w}`);
      m.delete(k);
    }
    for (const [k, w] of m) out.push(`${s.name}!${k}: (none) -> ${w}`);
  }
  for (const t of sb.sheets) if (!sa.sheets.some((x) => x.name === t.name)) out.push(`sheet ${t.name} added`);
  return out.slice(0, 20);
}
