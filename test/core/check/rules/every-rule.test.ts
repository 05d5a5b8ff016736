/**
 * Every rule has its table of cases: one `<rule-id>.test.ts` per module of rules/index.ts, which runs
 * `ruleTable('<rule-id>', …)`. A new rule without tests fails here. And the clean projects the tables
 * start from are the fixture builder's, so the rows the harness documents are the rows they fill.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../../../src/core/check/rules';
import { cleanProject } from '../../../fixtures/builder';
import { clean, cleanOld, projectSpec, caseBook, CLEAN } from './harness';

const SUPPORT = ['every-rule.test.ts'];
const files = readdirSync(__dirname).filter((f) => f.endsWith('.test.ts'));

describe('every rule has a test file', () => {
  test.each(ALL_RULES.map((r) => r.id))('%s', (id) => {
    const file = `${id}.test.ts`;
    expect(files).toContain(file);
    expect(readFileSync(path.join(__dirname, file), 'utf8')).toContain(`ruleTable('${id}', [`);
  });

  test('and every test file here is a rule’s', () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    expect(files.filter((f) => !SUPPORT.includes(f) && !ids.has(f.replace(/\.test\.ts$/, '')))).toEqual([]);
  });
});

describe('the harness', () => {
  test.each([
    ['公车管理', 40],
    ['a', 0.1],
  ] as const)('clean(%s, %s) is the builder’s clean project', (name, fund) => {
    expect(projectSpec(clean(name, fund))).toEqual(cleanProject(name, fund));
  });

  test('cleanOld is the builder’s old-framework project', () => {
    expect(projectSpec(cleanOld('节能', 17))).toEqual(cleanProject('节能', 17, { framework: 'old' }));
  });

  test('CLEAN fills rows 3–11, in the order the harness documents', () => {
    const values = caseBook({ name: 'clean', project: CLEAN, expect: [] }).sheets[0].values;
    expect(values).toHaveLength(11);
    // H 三级 of every row, and the empty 二级 row 4.
    expect(values.slice(2).map((r) => r[7] ?? null)).toEqual(['公车管理成本控制', null, '服务单位数量', '检查次数', '数据准确率', '完成时间', '安全事故次数', '管理制度健全性', '服务对象满意度']);
  });

  test('with: edits rows by key, drops null ones, leaves the project alone', () => {
    const edited = CLEAN.with({ checks: { direction: '=' }, socialCost: null });
    expect(edited.rows).toHaveLength(8);
    expect(edited.rows[2]).toMatchObject({ indicator: '检查次数', target: 12, direction: '=' });
    expect(CLEAN.rows[3].direction).toBe('≥');
  });
});
