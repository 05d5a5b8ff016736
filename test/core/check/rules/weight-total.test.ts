/** weight-total: a project's indicator weights add up to the profile's total (90 by default: 20/40/20/10). */
import { ruleTable, CLEAN, cleanOld, type Project, type Row } from './harness';
import { BUILTIN_PROFILES } from '../../../../src/core/profile';

/** A project with a row added at its end (row 12 of CLEAN). */
const plus = (p: Project, row: Row): Project => ({ ...p, rows: [...p.rows, row] });
const leftover = (indicator: string): Row => ({ category: '满意度指标', subcategory: '服务对象满意度指标', indicator });

// system (row 10) states 10 points.
ruleTable('weight-total', [
  { name: '90 with the default profile', project: CLEAN, expect: [] },
  { name: 'old framework, national profile', project: cleanOld('x', 10), profile: BUILTIN_PROFILES.national, expect: [] },
  { name: '95', project: CLEAN.with({ system: { rule: '该指标分值为15分，按完成情况赋分。' } }), expect: ['B3'] },
  { name: 'a missing weight: no total (missing-weight reports it)', project: CLEAN.with({ system: { rule: '按完成情况赋分。' } }), expect: [] },
  { name: 'a 分值 column wins over the text', project: CLEAN.with({ system: { weight: 10, rule: '按完成情况赋分。' } }), extraColumns: ['weight'], expect: [] },
  // A template row left in (「……」, a bare 「指标2」, a name and nothing else) has no weight by nature: the total is still known.
  { name: 'a 「……」 row does not switch the total off', project: plus(CLEAN, leftover('……')), expect: [] },
  { name: 'nor does a bare 「指标2」: 95 is still reported', project: plus(CLEAN.with({ system: { rule: '该指标分值为15分，按完成情况赋分。' } }), leftover('指标2')), expect: ['B3'] },
]);
