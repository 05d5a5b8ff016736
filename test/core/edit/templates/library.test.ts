/** The indicator template library: its data, the fill, the parse-back of every rule text, a user's own file. */
import defaultData from '../../../../templates/indicators.json';
import {
  checkLibrary,
  checkTemplateRule,
  DEFAULT_LIBRARY,
  defaultTemplateFor,
  fillTemplate,
  getTemplate,
  listTemplates,
  loadTemplateLibrary,
  renderPattern,
  sampleFill,
  targetWithUnit,
  TemplateFillError,
  TemplateLibraryError,
  type IndicatorTemplate,
} from '../../../../src/core/edit/templates';
import { parseRule } from '../../../../src/core/parse/rule';
import { parseTarget } from '../../../../src/core/parse/target';
import { parseDirection } from '../../../../src/core/parse/direction';
import { STANDARD_SUBCATEGORIES, SUBCATEGORY_KEYS } from '../../../../src/core/domain/framework';

const ids = DEFAULT_LIBRARY.templates.map((t) => t.id);

describe('the default library', () => {
  test('validates: shape, placeholders, one default per 二级, every rule reads back', () => {
    expect(checkLibrary(DEFAULT_LIBRARY)).toEqual([]);
  });

  test('covers every standard 二级 of both frameworks with a default template', () => {
    for (const key of SUBCATEGORY_KEYS) {
      const t = defaultTemplateFor(key);
      expect(t).toBeDefined();
      expect(t!.subcategories).toContain(key);
    }
    expect(SUBCATEGORY_KEYS).toHaveLength(Object.keys(STANDARD_SUBCATEGORIES).length);
  });

  test('holds the families the issue asks for', () => {
    const family = (id: string) => getTemplate(id)!.expect.family;
    expect(family('cost-control')).toBe('step');
    expect(family('completion-count')).toBe('threshold');
    expect(family('quality-rate')).toBe('step');
    expect(family('completion-time')).toBe('binary');
    expect(family('satisfaction-tiers')).toBe('tier');
    expect(['checklist', 'binary']).toContain(family('social-effect'));
    expect(getTemplate('cost-control')!.rule).toBe('预算成本控制在{target}以内计{weight}分，每超过{stepPercent}%扣{step}分，扣完为止。'.replace('{stepPercent}', '10'));
  });

  test('ids are unique', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(ids)('template %s', (id) => {
  const t = getTemplate(id)!;

  test.each([
    [10, false],
    [20, false],
    [10, true],
    [5, true],
  ])('filled with its samples at weight %d (weight stated: %s), the rule reads back as it says', (weight, stated) => {
    const filled = sampleFill(t, DEFAULT_LIBRARY, { weight }, stated);
    const rule = parseRule(filled.rule);
    expect(rule.family).toBe(t.expect.family);
    if (stated) expect(rule.statedWeight).toBe(weight);
    // The most the rule can award is the weight (every template is worth its 分值).
    expect(rule.maxAward).toBe(weight);
    expect(checkTemplateRule(t, DEFAULT_LIBRARY)).toEqual([]);
  });

  test('the target fits the direction and the rule texts carry no placeholder', () => {
    const filled = sampleFill(t, DEFAULT_LIBRARY, { weight: 10 });
    for (const s of [filled.name, String(filled.target), filled.unit, filled.content ?? '', filled.rule]) expect(s).not.toMatch(/[{}]/);
    const target = parseTarget(filled.target);
    if (t.direction === 'qualitative') expect(['text', 'date']).toContain(target.kind);
    else expect(target.kind).toBe('number');
    expect(target.vague).toBe(false);
    expect(parseDirection({ gte: '≥', lte: '≤', eq: '=', qualitative: '定性' }[t.direction])).toBe(t.direction);
  });

});

const defaults = [...new Set(SUBCATEGORY_KEYS.map((k) => defaultTemplateFor(k)!.id))];

test.each(defaults)('default template %s fills from what a project knows (name, fund, year, weight), for a fix', (id) => {
  const t = getTemplate(id)!;
  const f = fillTemplate(t, DEFAULT_LIBRARY, { builtins: { weight: 20, project: '公车管理', fund: 40, year: 2024 }, stateWeight: true });
  expect(f.rule.startsWith('该指标分值为20分，')).toBe(true);
  expect(parseRule(f.rule).maxAward).toBe(20);
  expect(parseRule(f.rule).statedWeight).toBe(20);
});

describe('filling', () => {
  const cost = getTemplate('cost-control')!;

  test('cost control: target from the fund, {target} with its unit, step from the weight', () => {
    const f = fillTemplate(cost, DEFAULT_LIBRARY, { builtins: { weight: 20, project: '公车管理', fund: 57.6, year: 2024 }, stateWeight: false });
    expect(f).toMatchObject({
      name: '公车管理成本控制',
      target: 57.6,
      unit: '万元',
      direction: 'lte',
      content: '预算成本控制在57.6万元以内',
      rule: '预算成本控制在57.6万元以内计20分，每超过10%扣2分，扣完为止。',
      weight: 20,
    });
    const r = parseRule(f.rule);
    expect(r).toMatchObject({ family: 'step', base: 20, trigger: 'over', stepSize: 10, stepUnit: 'percent', deductPerStep: 2 });
  });

  test('given values win over defaults; the weight statement opens the rule', () => {
    const f = fillTemplate(cost, DEFAULT_LIBRARY, { values: { amount: '30', step: 3 }, builtins: { weight: 20, project: 'p', fund: 57.6, year: 2024 }, stateWeight: true });
    expect(f.target).toBe(30);
    expect(f.rule).toBe('该指标分值为20分，预算成本控制在30万元以内计20分，每超过10%扣3分，扣完为止。');
  });

  test('satisfaction tiers follow the target: 95/85/75 by default', () => {
    const t = getTemplate('satisfaction-tiers')!;
    const f = fillTemplate(t, DEFAULT_LIBRARY, { builtins: { weight: 10, project: 'p', year: 2024 }, stateWeight: false });
    expect(f.rule).toBe('满意度95%（含）以上计10分，85%-95%计8分，75%-85%计6分，75%以下计0分。');
    const r = parseRule(f.rule);
    expect(r.family === 'tier' && r.tiers.map((x) => [x.min, x.max, x.points])).toEqual([
      [95, null, 10],
      [85, 95, 8],
      [75, 85, 6],
      [null, 75, 0],
    ]);
  });

  test('completion time uses the budget year', () => {
    const f = fillTemplate(getTemplate('completion-time')!, DEFAULT_LIBRARY, { builtins: { weight: 10, year: 2025 }, stateWeight: false });
    expect(f.target).toBe('2025年12月前');
    expect(parseTarget(f.target).date).toMatchObject({ year: 2025, month: 12, bound: 'by' });
  });

  test('a param with neither value nor default is named in the error', () => {
    const t = getTemplate('completion-count')!;
    expect(() => fillTemplate(t, DEFAULT_LIBRARY, { builtins: { weight: 10 }, stateWeight: false })).toThrow(TemplateFillError);
    try {
      fillTemplate(t, DEFAULT_LIBRARY, { builtins: { weight: 10 }, stateWeight: false });
    } catch (e) {
      expect((e as TemplateFillError).missing.sort()).toEqual(['count', 'item']);
    }
    // Cost control without a fund: the amount must be given.
    expect(() => fillTemplate(cost, DEFAULT_LIBRARY, { builtins: { weight: 10, project: 'p', fund: null }, stateWeight: false })).toThrow(/amount/);
  });

  test('a number param given as text that is not a number is refused', () => {
    expect(() => fillTemplate(cost, DEFAULT_LIBRARY, { values: { amount: '四十' }, builtins: { weight: 10, project: 'p', fund: 1 }, stateWeight: false })).toThrow(/amount/);
  });

  test('placeholders: arithmetic, tidy numbers, unknown names', () => {
    const look = (n: string) => ({ weight: 10, rate: 95, x: 0.1 })[n as 'weight'];
    expect(renderPattern('{weight*0.8}|{rate-10}|{rate+5}|{weight/4}|{x*3}', look)).toBe('8|85|100|2.5|0.3');
    expect(() => renderPattern('{nope}', look)).toThrow();
    expect(targetWithUnit('40', '万元')).toBe('40万元');
    expect(targetWithUnit('95%', '%')).toBe('95%');
    expect(targetWithUnit('2024年12月前', '无')).toBe('2024年12月前');
  });
});

describe("a user's own file", () => {
  const mine: IndicatorTemplate = {
    ...getTemplate('count-reach')!,
    id: 'vehicle-count',
    subcategories: ['quantity'],
    label: { 'zh-CN': '公车数量', 'en-US': 'Vehicles' },
    name: '管理公车数量',
    content: '管理公车{target}',
    target: '{count}',
    unit: '台',
    params: { count: { label: { 'zh-CN': '数量', 'en-US': 'count' }, type: 'number', sample: 501 } },
  };

  test('extends the default library and overrides a template by id', () => {
    const override = { ...getTemplate('completion-time')!, label: { 'zh-CN': '完成时限', 'en-US': 'Deadline' }, params: { month: { label: { 'zh-CN': '月', 'en-US': 'month' }, type: 'number' as const, default: 11, sample: 11 } } };
    const lib = loadTemplateLibrary({ version: 1, templates: [mine, override] }, 'mine.json');
    expect(lib.templates).toHaveLength(DEFAULT_LIBRARY.templates.length + 1);
    expect(getTemplate('vehicle-count', lib)!.name).toBe('管理公车数量');
    expect(getTemplate('completion-time', lib)!.label['zh-CN']).toBe('完成时限');
    expect(fillTemplate(getTemplate('completion-time', lib)!, lib, { builtins: { weight: 10, year: 2024 }, stateWeight: false }).target).toBe('2024年11月前');
    expect(listTemplates(lib, { subcategory: 'quantity' }).map((t) => t.id)).toContain('vehicle-count');
  });

  test('removes templates, or replaces the whole library', () => {
    const lib = loadTemplateLibrary({ version: 1, remove: ['unit-cost'], templates: [] });
    expect(getTemplate('unit-cost', lib)).toBeUndefined();
    // A library of its own must still give every 二级 a template.
    expect(() => loadTemplateLibrary({ version: 1, replace: true, templates: [mine] })).toThrow(/no template for 二级/);
    const full = loadTemplateLibrary({ ...(defaultData as object), replace: true, weightStatement: '分值{weight}分。' });
    expect(full.weightStatement).toBe('分值{weight}分。');
    const f = fillTemplate(getTemplate('cost-control', full)!, full, { builtins: { weight: 20, project: 'p', fund: 40 }, stateWeight: true });
    expect(parseRule(f.rule).statedWeight).toBe(20);
  });

  test('a rule that does not read back as its expect is refused, naming the template', () => {
    const bad = { ...mine, id: 'bad-rule', rule: '按完成情况酌情计分。' };
    expect(() => loadTemplateLibrary({ version: 1, templates: [bad] }, 'bad.json')).toThrow(TemplateLibraryError);
    expect(() => loadTemplateLibrary({ version: 1, templates: [bad] }, 'bad.json')).toThrow(/bad-rule .*family is "unspecified", expected "binary"/);
  });

  test('shape errors name the field; unknown placeholders are refused', () => {
    expect(() => loadTemplateLibrary({ version: 1, templates: [{ ...mine, id: 'Bad Id' }] })).toThrow(/templates\.0\.id/);
    expect(() => loadTemplateLibrary({ version: 2, templates: [] })).toThrow(/version/);
    expect(() => loadTemplateLibrary({ version: 1, templates: [{ ...mine, name: '{what}数量' }] })).toThrow(/\{what\}/);
    expect(() => loadTemplateLibrary({ version: 1, templates: [{ ...mine, subcategories: ['nope'] }] })).toThrow(/subcategories/);
  });
});

describe('listTemplates', () => {
  test('gives id, label, 二级, default, example and params, in both languages', () => {
    const zh = listTemplates();
    const en = listTemplates(DEFAULT_LIBRARY, { lang: 'en-US' });
    expect(zh).toHaveLength(ids.length);
    const sat = zh.find((t) => t.id === 'satisfaction-tiers')!;
    expect(sat).toMatchObject({ default: true, subcategories: ['serviceSatisfaction'], subcategoryNames: ['服务对象满意度指标'], family: 'tier', direction: 'gte', unit: '%' });
    expect(sat.example.rule).toContain('95%（含）以上计10分');
    expect(en.find((t) => t.id === 'satisfaction-tiers')!.label).toMatch(/Satisfaction/);
    expect(zh.find((t) => t.id === 'completion-count')!.params.map((p) => p.name)).toEqual(['item', 'count', 'measure']);
  });
});
