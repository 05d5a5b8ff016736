/**
 * Table-driven rule tests: one file per rule (`<rule-id>.test.ts`), each a table of cases. A case names
 * the table it is about in the words of the table's columns — `{ category, subcategory, indicator,
 * target, unit, direction, rule }` — and lists the findings that one rule must give, as cells.
 *
 * Most cases start from a clean project (no rule finds anything in it) and change a row of it by name:
 * `CLEAN.with({ satisfaction: { direction: '=' } })`. In a project table (two header rows, the project's
 * cells merged down its rows) CLEAN fills rows 3–11:
 *
 *   row  key           category    subcategory         indicator          target           unit  direction
 *    3   cost          成本指标    经济成本指标        公车管理成本控制   '40'             万元  ≤
 *    4   socialCost    成本指标    社会成本指标        (an empty 二级 row)
 *    5   count         产出指标    数量指标            服务单位数量       200              家    ≥
 *    6   checks        产出指标    数量指标            检查次数           12               次    ≥
 *    7   accuracy      产出指标    质量指标            数据准确率         '98%'            %     ≥
 *    8   deadline      产出指标    时效指标            完成时间           '2024年12月前'   无    定性
 *    9   accidents     效益指标    社会效益指标        安全事故次数       0                起    ≤
 *   10   system        效益指标    可持续影响指标      管理制度健全性     '制度健全并执行' 无    定性
 *   11   satisfaction  满意度指标  服务对象满意度指标  服务对象满意度     '95%'            %     ≥
 *
 * Weights (stated in each rule text): 成本 20, 产出 40, 效益 20, 满意度 10 — 90 in all, the hunan profile's.
 * Columns: A 单位代码, B 项目名称, C 支出方向, D 资金总额, E 绩效目标, F 一级 (category), G 二级
 * (subcategory), H 三级 (indicator), I 指标值 (target), J 指标值内容 (content), K 评（扣）分标准 (rule),
 * L 度量单位 (unit), M 指标值类型 (direction), N 备注 (note), then O 分值 (weight) when asked for. A table
 * with a department row (`department`) has it on row 3 and its projects from row 4.
 *
 * `clean(name, fund)` is the same project under another name and fund (its cost row: `${name}成本控制`,
 * target `${fund}` 万元). OLD (节能, 17 万元) is one in the old framework — 成本 under 产出, the national
 * weights 产出 50, 效益 30, 满意度 10; `cleanOld(name, fund)` for another. Its rows 3–11: cost (产出指标 /
 * 成本指标, 10 points), count, checks, accuracy, deadline, accidents, system, saving (效益指标 /
 * 经济效益指标 / 节约资金 / 5 万元 ≥), satisfaction.
 *
 * A 整体支出 table (`departmentTable`) has a three-row header and its indicators from row 6, in other
 * columns: C 资金总额 (fund), D 一般公共预算 (general), G 其他资金 (other), H 基本支出 (basic), I 项目支出
 * (project); K category, L subcategory, M indicator, N direction, O target, P unit, Q content, R rule.
 */
import { buildDepartmentSheet, buildProjectSheet, type ProjectSpec, type ProjectTableSpec, type RowSpec } from '../../../fixtures/builder';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../../src/core/snapshot/snapshot';
import { readWorkbookModel } from '../../../../src/core/layout/read';
import { checkWorkbook } from '../../../../src/core/check/run';
import { BUILTIN_PROFILES, type Profile } from '../../../../src/core/profile';
import type { Finding, Severity } from '../../../../src/core/check/findings';
import { RULES_BY_ID } from '../../../../src/core/check/rules';

/** One indicator row, by column. A row with only a category and a subcategory is an empty 二级 row. */
export interface Row {
  category: string;
  subcategory: string;
  indicator?: string;
  target?: CellValue;
  unit?: string;
  direction?: string;
  content?: string;
  rule?: string;
  note?: string;
  weight?: CellValue;
}

export interface Project {
  code?: string;
  name: string;
  fund?: CellValue;
  goal?: string;
  rows: Row[];
}

/** A 整体支出 (department) table: the 单位's money columns and its indicator rows. */
export interface DepartmentTable {
  name: string;
  fund: CellValue;
  general?: CellValue;
  other?: CellValue;
  basic?: CellValue;
  project?: CellValue;
  rows: Row[];
}

export interface Case {
  name: string;
  /** A project table with this one project, or with `projects`. */
  project?: Project;
  projects?: Project[];
  layout?: 'merged' | 'repeated';
  /** The department row above the projects: the 单位 and its 资金总额. */
  department?: { name: string; fund: number };
  /** Columns right of the table (a 分值 column: `['weight']`). */
  extraColumns?: ProjectTableSpec['extraColumns'];
  /** A 整体支出 table, on a sheet after the project table's (if any). */
  departmentTable?: DepartmentTable;
  /** The hunan profile unless given. */
  profile?: Profile;
  /** Expected findings as `A1` (at the rule's severity) or `A1:severity`; [] for a valid case. */
  expect: string[];
}

// ---------------------------------------------------------------- clean projects

const weight = (n: number) => `该指标分值为${n}分，`;

type NewKey = 'cost' | 'socialCost' | 'count' | 'checks' | 'accuracy' | 'deadline' | 'accidents' | 'system' | 'satisfaction';
type OldKey = Exclude<NewKey, 'socialCost'> | 'saving';

/** Changes to a clean project's rows, by key: the fields given replace the row's (`undefined` empties a cell), `null` drops the row. */
export type RowEdits<K extends string> = Partial<Record<K, Partial<Row> | null>>;

export interface CleanProject<K extends string> extends Project {
  /** This project with some rows changed or dropped, the others as they are. */
  with(edits: RowEdits<K>): Project;
}

function keyed<K extends string>(project: Omit<Project, 'rows'>, rows: [K, Row][]): CleanProject<K> {
  return {
    ...project,
    rows: rows.map(([, r]) => r),
    with(edits) {
      const out: Row[] = [];
      for (const [k, r] of rows) {
        const e = edits[k];
        if (e !== null) out.push({ ...r, ...(e ?? {}) });
      }
      return { ...project, rows: out };
    },
  };
}

function costRow(name: string, fund: number, framework: 'new' | 'old'): Row {
  const points = framework === 'new' ? 20 : 10;
  return {
    category: framework === 'new' ? '成本指标' : '产出指标',
    subcategory: framework === 'new' ? '经济成本指标' : '成本指标',
    indicator: `${name}成本控制`,
    target: `${fund}`,
    unit: '万元',
    direction: '≤',
    content: '预算成本控制',
    rule: `${weight(points)}预算成本控制在${fund}万元以内计${points}分，每超过10%扣2分，扣完为止。`,
  };
}

const COMMON: Record<Exclude<NewKey, 'cost' | 'socialCost'>, Row> = {
  count: {
    category: '产出指标', subcategory: '数量指标', indicator: '服务单位数量', target: 200, unit: '家', direction: '≥', content: '服务200家单位',
    rule: `${weight(10)}完成率小于60%为不及格，不得分；大于等于60%，按超过的比重赋分，计算公式为：得分=（实际完成率-60%）/（1-60%）*10，完成率=实际完成值/指标值*100%`,
  },
  checks: { category: '产出指标', subcategory: '数量指标', indicator: '检查次数', target: 12, unit: '次', direction: '≥', content: '全年检查12次', rule: `${weight(10)}达到目标值计10分，否则不得分。` },
  accuracy: { category: '产出指标', subcategory: '质量指标', indicator: '数据准确率', target: '98%', unit: '%', direction: '≥', content: '准确率不低于98%', rule: `${weight(10)}准确率每降低1%扣2分，扣完为止。` },
  deadline: { category: '产出指标', subcategory: '时效指标', indicator: '完成时间', target: '2024年12月前', unit: '无', direction: '定性', content: '年底前完成', rule: `${weight(10)}按时完成计10分，否则不得分。` },
  accidents: { category: '效益指标', subcategory: '社会效益指标', indicator: '安全事故次数', target: 0, unit: '起', direction: '≤', content: '不发生安全事故', rule: `${weight(10)}每发生一起扣5分，扣完为止。` },
  system: {
    category: '效益指标', subcategory: '可持续影响指标', indicator: '管理制度健全性', target: '制度健全并执行', unit: '无', direction: '定性', content: '制度建设',
    rule: `${weight(10)}①已制定管理制度，4分；②制度合规、完整，3分；③制度有效执行，3分。`,
  },
  satisfaction: {
    category: '满意度指标', subcategory: '服务对象满意度指标', indicator: '服务对象满意度', target: '95%', unit: '%', direction: '≥', content: '满意度不低于95%',
    rule: `${weight(10)}满意度95%（含）以上计10分，85%-95%计8分，75%-85%计6分，75%以下计0分。`,
  },
};

const head = (name: string, fund: number) => ({ code: '000001', name, fund, goal: `完成${name}工作。` });

/** A clean project in the new framework (the table above, with its name and fund). */
export function clean(name: string, fund: number): CleanProject<NewKey> {
  const c = COMMON;
  return keyed<NewKey>(head(name, fund), [
    ['cost', costRow(name, fund, 'new')],
    ['socialCost', { category: '成本指标', subcategory: '社会成本指标' }],
    ['count', c.count], ['checks', c.checks], ['accuracy', c.accuracy], ['deadline', c.deadline],
    ['accidents', c.accidents], ['system', c.system], ['satisfaction', c.satisfaction],
  ]);
}

/** A clean project in the old framework: 成本 under 产出, and a 经济效益 row (节约资金). */
export function cleanOld(name: string, fund: number): CleanProject<OldKey> {
  const c = COMMON;
  const saving: Row = { category: '效益指标', subcategory: '经济效益指标', indicator: '节约资金', target: 5, unit: '万元', direction: '≥', content: '节约资金5万元', rule: `${weight(10)}达到目标值计10分，否则不得分。` };
  return keyed<OldKey>(head(name, fund), [
    ['cost', costRow(name, fund, 'old')],
    ['count', c.count], ['checks', c.checks], ['accuracy', c.accuracy], ['deadline', c.deadline],
    ['accidents', c.accidents], ['system', c.system], ['saving', saving], ['satisfaction', c.satisfaction],
  ]);
}

/** 公车管理, 40 万元: the project of the table above. */
export const CLEAN = clean('公车管理', 40);
/** 节能, 17 万元, old framework. */
export const OLD = cleanOld('节能', 17);

// ---------------------------------------------------------------- building the workbook

export function rowSpec(r: Row): RowSpec {
  return {
    cat: r.category, sub: r.subcategory, name: r.indicator, target: r.target, unit: r.unit, dir: r.direction,
    content: r.content, rule: r.rule, note: r.note, weight: r.weight,
  };
}

export function projectSpec(p: Project): ProjectSpec {
  return { code: p.code, name: p.name, fund: p.fund, goal: p.goal, rows: p.rows.map(rowSpec) };
}

/** The workbook a case describes: its project table, then its department table. */
export function caseBook(c: Case): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  const projects = c.projects ?? (c.project ? [c.project] : []);
  if (projects.length) {
    sheets.push(buildProjectSheet({ projects: projects.map(projectSpec), layout: c.layout, department: c.department, extraColumns: c.extraColumns }));
  }
  const d = c.departmentTable;
  if (d) {
    sheets.push(buildDepartmentSheet({ name: d.name, fund: d.fund, general: d.general, other: d.other, basic: d.basic, project: d.project, rows: d.rows.map(rowSpec) }));
  }
  if (!sheets.length) throw new Error(`case "${c.name}" has no table`);
  return { source: 'test', sheets };
}

export function runRule(id: string, wb: WorkbookSnapshot, profile: Profile = BUILTIN_PROFILES.hunan): Finding[] {
  if (!RULES_BY_ID[id]) throw new Error(`no rule ${id}`);
  return checkWorkbook(readWorkbookModel(wb), { profile, only: [id] });
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
      const found = runRule(id, caseBook(c), c.profile);
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
