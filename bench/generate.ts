/** Generated workbooks for the benchmarks: N indicator rows in merged projects of 8 indicators each, plus a few seeded defects. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildProjectSheet, cleanProject, type ProjectSpec } from '../test/fixtures/builder';
import { snapshotToXlsx } from '../test/fixtures/xlsx';

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
