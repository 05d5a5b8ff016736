/**
 * Workbooks for the write benchmark (bench/write.bench.ts), built once and cached in bench/.cache/: the
 * check benchmark's table (generate.ts), the same with actual values (what `score` writes formulas for),
 * and one with defects `fix` repairs (a value typed into the unit column every 10th project, a missing
 * 时效 二级 every 50th, whose fix inserts a row).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildProjectSheet } from '../test/fixtures/builder';
import { snapshotToXlsx } from '../test/fixtures/xlsx';
import { CACHE, projectsFor, withActuals } from './generate';

export { benchWorkbook as checkWorkbook } from './generate';

async function cached(name: string, build: () => Promise<Uint8Array | Buffer>): Promise<string> {
  await fs.mkdir(CACHE, { recursive: true });
  const file = path.join(CACHE, name);
  try {
    await fs.access(file);
    return file;
  } catch {
    /* build it */
  }
  await fs.writeFile(file, await build());
  return file;
}


/** The table with 实际完成值 filled in and an empty 得分 column. */
export function scoreWorkbook(indicatorRows: number): Promise<string> {
  return cached(`write-score-${indicatorRows}.xlsx`, async () => {
    const sheet = buildProjectSheet({ projects: withActuals(projectsFor(indicatorRows)), extraColumns: ['actual', 'score'] });
    return snapshotToXlsx({ source: 'score', sheets: [sheet] });
  });
}

/** The table with defects that `jixiao fix` repairs by default. */
export function fixWorkbook(indicatorRows: number): Promise<string> {
  return cached(`write-fix-${indicatorRows}.xlsx`, async () => {
    const projects = projectsFor(indicatorRows).map((p, i) => {
      let rows = p.rows;
      // 指标值 typed into 计量单位 (move-to-target).
      if (i % 10 === 0) rows = rows.map((r) => (r.name === '服务单位数量' ? { ...r, target: undefined, unit: `${r.target}家` } : r));
      // No 时效 二级 (add-indicator: a new row).
      if (i % 50 === 5) rows = rows.filter((r) => r.sub !== '时效指标');
      return { ...p, rows };
    });
    const fund = projects.reduce((s, p) => s + Number(p.fund), 0);
    const sheet = buildProjectSheet({ projects, department: { name: '基准测试单位', fund } });
    return snapshotToXlsx({ source: 'fix', sheets: [sheet] });
  });
}
