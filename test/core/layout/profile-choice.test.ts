/** chooseProfile: the profile the tables call for when the user names none (their framework, their points). */
import { chooseProfile, ProfileChosenSchema, profileChosen } from '../../../src/core/profile';
import { readWorkbookModel } from '../../../src/core/layout/read';
import { buildProjectSheet, cleanProject } from '../../fixtures/builder';
import { buildFormSheet, selfEvalRows, SELF_EVAL_HEADER } from '../../fixtures/forms';
import type { SheetSnapshot } from '../../../src/core/snapshot/snapshot';

const model = (...sheets: SheetSnapshot[]) => readWorkbookModel({ source: 't', sheets });

describe('chooseProfile', () => {
  test('成本指标 as a 一级, weights 90: hunan', () => {
    const c = chooseProfile(model(buildProjectSheet({ projects: [cleanProject('甲', 10), cleanProject('乙', 20)] })));
    expect([c.profile.id, c.from, c.framework, c.points]).toEqual(['hunan', 'table', 'new', 90]);
    expect(c.reason['zh-CN']).toContain('成本指标为一级');
  });

  test('成本 under 产出 (the national 自评表): national', () => {
    const { sheet } = buildFormSheet({ project: '培训', header: SELF_EVAL_HEADER, rows: selfEvalRows() });
    const c = chooseProfile(model(sheet));
    expect([c.profile.id, c.framework, c.points]).toEqual(['national', 'old', 90]);
  });

  test('indicators worth 100 points: the framework’s profile with an indicator total of 100', () => {
    const rows = selfEvalRows().map((r, i) => (i === 0 ? [...r.slice(0, 5), 30, 30] : r));
    const { sheet } = buildFormSheet({ project: '培训', header: SELF_EVAL_HEADER, rows });
    const c = chooseProfile(model(sheet));
    expect([c.profile.id, c.profile.framework, c.profile.weights.indicatorTotal, c.profile.weights.budgetExecution, c.points]).toEqual(['national-100', 'old', 100, 0, 100]);
  });

  test('tables that show neither: the default, said so', () => {
    const c = chooseProfile(model({ name: '说明', values: [['填表说明']], merges: [] }));
    expect([c.profile.id, c.from, c.framework, c.points]).toEqual(['hunan', 'default', null, null]);
  });

  test('the report says which was chosen and why, in the report’s language', () => {
    const c = chooseProfile(model(buildProjectSheet({ projects: [cleanProject('甲', 10)] })));
    const zh = ProfileChosenSchema.parse(profileChosen(c, 'zh-CN'));
    expect(zh).toEqual({ id: 'hunan', from: 'table', framework: 'new', points: 90, reason: c.reason['zh-CN'] });
    expect(profileChosen(c, 'en-US').reason).toMatch(/chosen from the tables/);
  });
});
