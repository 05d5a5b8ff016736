/**
 * unrecognised-row: a row of a table that the reader could not classify. Every column of the harness's tables
 * is a column of the table, so a row written through it is always read (as an indicator, a label or a template
 * row): these cases are the valid ones; test/core/layout/rows.test.ts covers the rows it reports.
 */
import { ruleTable, CLEAN } from './harness';

ruleTable('unrecognised-row', [
  { name: 'clean project', project: CLEAN, expect: [] },
  { name: 'clean project, repeated cells', project: CLEAN, layout: 'repeated', expect: [] },
  { name: 'a row with only a 备注 is a template row of the project, not unrecognised', project: CLEAN.with({ socialCost: { note: '无' } }), expect: [] },
  { name: 'a row with only a rule is a template row', project: CLEAN.with({ socialCost: { rule: '该指标分值为0分。' } }), expect: [] },
]);
