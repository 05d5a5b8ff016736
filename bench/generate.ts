/** Generated workbooks for the benchmarks: N indicator rows in merged projects of 8 indicators each, plus a few seeded defects. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildProjectSheet, cleanProject, type ProjectSpec } from '../test/fixtures/builder';
import { snapshotToXlsx } from '../test/fixtures/xlsx';
import type { CellValue } from '../src/core/snapshot/snapshot';

export const CACHE = path.join(__dirname, '.cache');

export function projectsFor(indicatorRows: number): ProjectSpec[] {
  const perProject = 8;
  const projects: ProjectSpec[] = [];
  for (let i = 0; projects.length * perProject < indicatorRows; i++) {
    const p = cleanProject(`项目${i + 1}`, 10 + (i % 50));
    // Every 10th project has a defect, so the engine has findings to report and mark.
    if (i % 10 === 0) p.rows = p.rows.map((r, j) => (j === 0 ? { ...r, target: `${(10 + (i % 50)) * 2}万元` } : r));
    projects.push(p);
  }
  return projects;
}

/**
 * Actual values for cleanProject's rows (cost, 社会成本 placeholder, count, checks, accuracy, time, accidents,
 * checklist, satisfaction), varied by project; with `distinct`, every value differs, so few rows share a
 * computation (`bench:score -- --distinct`). Used by the score, write and add-in benchmarks.
 */
export function withActuals(projects: ProjectSpec[], distinct = false): ProjectSpec[] {
  return projects.map((p, i) => {
    const fund = Number(p.fund);
    const actual: CellValue[] = [
      Math.round(fund * (0.9 + (i % 5) * 0.1) * 100) / 100 + (distinct ? i / 10000 : 0),
      null,
      150 + (i % 7) * 10 + (distinct ? i % 53 : 0),
      i % 4 === 0 ? 11 : 12,
      `${95 + (i % 5)}${distinct ? `.${i % 100}` : ''}%`,
      i % 3 === 0 ? '2025年1月' : '2024年11月',
      i % 6 === 0 ? 1 : 0,
      ['①②③', '①③', '全部', '②'][i % 4],
      `${88 + (i % 10)}%`,
    ];
    let k = 0;
    return { ...p, rows: p.rows.map((r) => ({ ...r, actual: actual[k++] ?? null })) };
  });
}

/** Path of the generated workbook with `indicatorRows` indicator rows (built once, then cached). */
export async function benchWorkbook(indicatorRows: number): Promise<string> {
  await fs.mkdir(CACHE, { recursive: true });
  const file = path.join(CACHE, `bench-${indicatorRows}.xlsx`);
  try {
    await fs.access(file);
    return file;
  } catch {
    /* build it */
  }
  const projects = projectsFor(indicatorRows);
  const fund = projects.reduce((s, p) => s + (p.fund as number), 0);
  const sheet = buildProjectSheet({ projects, department: { name: '基准测试单位', fund } });
  await fs.writeFile(file, await snapshotToXlsx({ source: file, sheets: [sheet] }));
  return file;
}
