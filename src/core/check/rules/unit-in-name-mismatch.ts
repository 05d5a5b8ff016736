/**
 * 指标与指标值不匹配: the indicator's name states a unit (「培训人员500人」, 「受益户数(户)」, 「完成率%」) that
 * differs from the unit the row measures in: the 度量单位 column, or without one the unit written with the
 * value. 「%」 and 「百分比」 are one unit; 人 and 人次 are taken as one (a count of people either way).
 */
import type { RuleModule } from '../findings';
import { memoString } from '../../domain/memo';
import { normalizeText } from '../../domain/text';
import { isMeasureUnit, unitText } from './util';

/** Units a name may state. Calendar words (年, 月, 日) are left out: `2024年` in a name is a year. */
const UNITS = [
  '平方公里', '平方米', '立方米', '万元', '亿元', '千元', '元', '人次', '人', '万人', '个', '家', '次', '亩', '公里', '千米', '米', '吨', '台', '套',
  '项', '所', '户', '场', '天', '小时', '件', '份', '册', '本', '辆', '座', '处', '条', '篇', '期', '批', '棵', '株', '间', '张', '名', '位', '%',
];
const UNIT_ALT = UNITS.join('|');
/**
 * A number and its unit ending the name (`培训人员500人`, `1000人次以上`; not `24小时响应率`, where the number is
 * a condition, nor `第3批`), a unit in brackets (`(户)`), or a trailing `%`.
 */
const NAME_UNIT = new RegExp(`(?<!第[\\d.]*)\\d(${UNIT_ALT})(?:以上|以下|以内|左右)?$|\\((${UNIT_ALT})\\)|(%)$`);

/** The last characters of a name that may state a unit (a unit's last, a closing bracket, 以上/以下/以内/左右). */
const LAST_CHARS = new Set([...UNITS.map((u) => u[u.length - 1]), '％', ')', '）', '上', '下', '内', '右', ' '].map((c) => c.charCodeAt(0)));

/** The unit a name states, normalised, or null. */
const unitInName = memoString((name: string): string | null => {
  const m = NAME_UNIT.exec(normalizeText(name));
  if (!m) return null;
  return canonical(m[1] ?? m[2] ?? m[3]);
});

function canonical(unit: string): string {
  const u = normalizeText(unit).replace(/^\((.*)\)$/, '$1');
  if (u === '百分比' || u === '百分率') return '%';
  if (u === '人次') return '人';
  return u;
}

export const unitInNameMismatch: RuleModule = {
  id: 'unit-in-name-mismatch',
  severity: 'warning',
  category: 'valueMismatch',
  description: { 'zh-CN': '指标名称中的单位须与度量单位一致', 'en-US': "A unit in the indicator's name agrees with its unit" },
  create(ctx) {
    return {
      indicator(ind, project, table) {
        const name = ind.name;
        // Most names end in 率, 量, 性, 度: only a name ending as a unit, a bracket or 以上/以内 is read further.
        if (!name || !LAST_CHARS.has(name.charCodeAt(name.length - 1))) return;
        const named = unitInName(name);
        if (named === null) return;
        const t = ind.parsedTarget;
        const column = unitText(ind);
        const measured = column !== '' ? column : t.kind === 'number' ? (t.isPercent ? '%' : (t.unit ?? '')) : '';
        if (measured === '' || !isMeasureUnit(measured)) return;
        const other = canonical(measured);
        if (other === named || other.startsWith(named) || named.startsWith(other)) return;
        const where = column !== '' ? { zh: '度量单位', en: 'the unit column' } : { zh: '指标值的单位', en: "the target's unit" };
        ctx.report(table, {
          cell: column !== '' ? ind.unit!.cell : ind.cell,
          project,
          indicator: ind,
          message: {
            'zh-CN': `指标名称「${ind.name}」中的单位「${named}」与${where.zh}「${measured}」不一致`,
            'en-US': `The indicator name "${ind.name}" states the unit "${named}", which differs from ${where.en} "${measured}"`,
          },
          data: { nameUnit: named, unit: measured },
        });
      },
    };
  },
};
