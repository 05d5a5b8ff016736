/**
 * Fixture builder for the national 项目支出绩效自评表 (财预〔2020〕10号): title, 项目名称, 主管部门,
 * the 项目资金 block (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分), 年度总体目标, the
 * indicator block (一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施)
 * and the closing 总分 row; optionally a 自评等级 row under it.
 */
import type { CellValue, SheetSnapshot } from '../../../src/core/snapshot/snapshot';
import type { RangeRef } from '../../../src/core/domain/a1';

export interface SelfEvalRow {
  cat: string;
  sub: string;
  name: string;
  target?: CellValue;
  actual?: CellValue;
  weight?: CellValue;
  score?: CellValue;
  deviation?: string;
}

export interface SelfEvalSpec {
  sheet?: string;
  project: string;
  year?: number;
  /** 年初预算数, 全年预算数, 全年执行数 (万元); 执行率 as a value already written, if any. */
  budget?: { initial?: CellValue; full?: CellValue; spent?: CellValue; weight?: CellValue; rate?: CellValue; score?: CellValue };
  rows: SelfEvalRow[];
  /** Add a 自评等级 row under 总分. */
  gradeRow?: boolean;
}

/** Columns: A 绩效指标 / labels, B 一级, C 二级, D 三级, E 年度指标值, F 实际完成值, G 分值, H 得分, I 偏差原因. */
export const SELF_EVAL_COLUMNS = { category: 2, subcategory: 3, indicator: 4, target: 5, actual: 6, weight: 7, score: 8, deviation: 9 } as const;

export interface SelfEvalSheet {
  sheet: SheetSnapshot;
  /** Rows of interest: the 年度资金总额 row, the indicator header, the first indicator row, 总分, 自评等级. */
  rows: { budget: number; header: number; first: number; total: number; grade: number | null };
}

export function buildSelfEvalSheet(spec: SelfEvalSpec): SelfEvalSheet {
  const values: CellValue[][] = [];
  const merges: RangeRef[] = [];
  const put = (row: number, col: number, v: CellValue | undefined) => {
    if (v === undefined || v === null || v === '') return;
    while (values.length < row) values.push([]);
    const line = values[row - 1];
    while (line.length < col) line.push(null);
    line[col - 1] = v;
  };
  const merge = (top: number, left: number, bottom: number, right: number) => merges.push({ top, left, bottom, right });

  put(1, 1, '项目支出绩效自评表');
  merge(1, 1, 1, 9);
  put(2, 1, `（${spec.year ?? 2024}年度）`);
  merge(2, 1, 2, 9);
  put(3, 1, '项目名称');
  put(3, 2, spec.project);
  merge(3, 2, 3, 9);
  put(4, 1, '主管部门');
  put(4, 2, '某市机关事务管理局');
  merge(4, 2, 4, 5);
  put(4, 6, '实施单位');
  put(4, 7, '某市机关事务管理局');
  merge(4, 7, 4, 9);
  // 项目资金 block: rows 5–9. Label A5:B9; row labels in C; 年初预算数 D, 全年预算数 E, 全年执行数 F, 分值 G, 执行率 H, 得分 I.
  put(5, 1, '项目资金（万元）');
  merge(5, 1, 9, 2);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((w, i) => put(5, 4 + i, w));
  const b = spec.budget ?? {};
  put(6, 3, '年度资金总额');
  put(6, 4, b.initial);
  put(6, 5, b.full);
  put(6, 6, b.spent);
  put(6, 7, b.weight === undefined ? 10 : b.weight);
  put(6, 8, b.rate);
  put(6, 9, b.score);
  put(7, 3, '其中：当年财政拨款');
  put(7, 7, '—');
  put(7, 9, '—');
  put(8, 3, '上年结转资金');
  put(8, 7, '—');
  put(8, 9, '—');
  put(9, 3, '其他资金');
  put(9, 7, '—');
  put(9, 9, '—');
  // 年度总体目标: rows 10–11.
  put(10, 1, '年度总体目标');
  merge(10, 1, 11, 1);
  put(10, 2, '预期目标');
  merge(10, 2, 10, 5);
  put(10, 6, '实际完成情况');
  merge(10, 6, 10, 9);
  put(11, 2, `完成${spec.project}年度任务。`);
  merge(11, 2, 11, 5);
  put(11, 6, '已完成。');
  merge(11, 6, 11, 9);
  // Indicator block.
  const header = 12;
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((w, i) => put(header, 1 + i, w));
  const first = header + 1;
  let r = header;
  let catStart = first;
  let subStart = first;
  spec.rows.forEach((row, i) => {
    r++;
    const prev = i > 0 ? spec.rows[i - 1] : null;
    const newCat = !prev || prev.cat !== row.cat;
    const newSub = newCat || !prev || prev.sub !== row.sub;
    if (newCat && i > 0) {
      if (r - 1 > catStart) merge(catStart, 2, r - 1, 2);
      catStart = r;
    }
    if (newSub && i > 0) {
      if (r - 1 > subStart) merge(subStart, 3, r - 1, 3);
      subStart = r;
    }
    if (newCat) put(r, 2, row.cat);
    if (newSub) put(r, 3, row.sub);
    put(r, 4, row.name);
    put(r, 5, row.target);
    put(r, 6, row.actual);
    put(r, 7, row.weight);
    put(r, 8, row.score);
    put(r, 9, row.deviation);
  });
  if (r > catStart) merge(catStart, 2, r, 2);
  if (r > subStart) merge(subStart, 3, r, 3);
  merge(header, 1, r, 1);
  const total = r + 1;
  put(total, 1, '总分');
  merge(total, 1, total, 6);
  put(total, 7, 100);
  let grade: number | null = null;
  if (spec.gradeRow) {
    grade = total + 1;
    put(grade, 1, '自评等级');
    merge(grade, 1, grade, 6);
    merge(grade, 7, grade, 9);
  }
  return { sheet: { name: spec.sheet ?? '项目支出绩效自评表', values, merges }, rows: { budget: 6, header, first, total, grade } };
}

/** A complete 自评表 with every kind of indicator the national template holds (no rule column: defaults and grades). */
export function standardSelfEval(opts: Partial<SelfEvalSpec> = {}): SelfEvalSheet {
  return buildSelfEvalSheet({
    project: '公共机构节能专项经费',
    budget: { initial: 17, full: 17, spent: 16.15 },
    gradeRow: true,
    rows: [
      { cat: '产出指标', sub: '数量指标', name: '能源资源消费统计单位数', target: '1965家', actual: 1965, weight: 10 },
      { cat: '产出指标', sub: '数量指标', name: '节约型机关创建数', target: '≥200家', actual: 180, weight: 10 },
      { cat: '产出指标', sub: '质量指标', name: '统计数据准确率', target: '≥98%', actual: '99%', weight: 10 },
      { cat: '产出指标', sub: '时效指标', name: '完成时间', target: '2024年12月前', actual: '已完成', weight: 10 },
      { cat: '产出指标', sub: '成本指标', name: '节能工作成本', target: '≤17万元', actual: 16.15, weight: 10 },
      { cat: '效益指标', sub: '社会效益指标', name: '推动绿色低碳发展', target: '有效', actual: '达成', weight: 15 },
      { cat: '效益指标', sub: '可持续影响指标', name: '节能长效机制', target: '健全', actual: '部分达成 70%', weight: 15 },
      { cat: '满意度指标', sub: '服务对象满意度指标', name: '服务对象满意度', target: '≥95%', actual: '96%', weight: 10 },
    ],
    ...opts,
  });
}
