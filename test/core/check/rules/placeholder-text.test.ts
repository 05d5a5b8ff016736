/** placeholder-text: template leftovers in a name or a value (「……」, 「**」, 「XX」, 「请填写」, a bare 「指标2」). */
import { ruleTable, CLEAN, type Project, type Row } from './harness';

/** CLEAN with a row inserted after its row `after` (rows start at 3: after 6 the new row is row 7). */
const inserted = (after: number, row: Row): Project => ({ ...CLEAN, rows: [...CLEAN.rows.slice(0, after - 2), row, ...CLEAN.rows.slice(after - 2)] });
const quantity = { category: '产出指标', subcategory: '数量指标' };

ruleTable('placeholder-text', [
  { name: 'clean', project: CLEAN, expect: [] },
  { name: 'a 「……」 row left under 数量指标', project: inserted(6, { ...quantity, indicator: '……' }), expect: ['H7'] },
  { name: 'a bare 「指标2」 row', project: inserted(6, { ...quantity, indicator: '指标2' }), expect: ['H7'] },
  { name: 'ASCII dots', project: inserted(6, { ...quantity, indicator: '...' }), expect: ['H7'] },
  { name: '「XX」 in a target', project: CLEAN.with({ count: { target: 'XX' } }), expect: ['I5'] },
  { name: '「**」 in a name', project: CLEAN.with({ checks: { indicator: '**检查次数' } }), expect: ['H6'] },
  { name: '「请填写」 in a target', project: CLEAN.with({ checks: { target: '请填写' } }), expect: ['I6'] },
  { name: 'a project name with 「XX」', project: { ...CLEAN, name: 'XX专项经费' }, expect: ['B3'] },
  { name: 'an ellipsis inside prose is not a leftover', project: CLEAN.with({ checks: { content: '检查车辆、台账……等' } }), expect: [] },
  { name: 'a name that starts with the template’s 「指标1」 is filled in', project: CLEAN.with({ checks: { indicator: '指标1检查次数' } }), expect: [] },
  { name: 'XXL is a word, not a placeholder', project: CLEAN.with({ checks: { indicator: 'XXL号服装采购数量' } }), expect: [] },
]);
