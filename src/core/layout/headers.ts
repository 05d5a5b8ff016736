/**
 * Header words → column roles. Words are compared after `headerKey` (full-width folded, white space
 * and brackets dropped), so 评（扣）分标准, 评(扣分标准) and 评扣分标准 are one word. Markers around a word
 * are read and dropped first: a leading 「*」 (a required field), a trailing (A), (B/A), （万元）, （分） or
 * (%), and the period of a column set written side by side, (长期)/(中期) or (年度).
 * Exact words first; then a few patterns for the wordings that vary most.
 */
import type { ColumnRole, MoneyUnit } from '../model';
import { headerKey, normalizeText } from '../domain/text';
import { memoString } from '../domain/memo';

const EXACT: Record<string, ColumnRole> = {};

function words(role: ColumnRole, list: string[]): void {
  for (const w of list) EXACT[headerKey(w)] = role;
}

words('code', ['单位代码', '单位编码', '项目代码', '项目编码', '预算单位代码', '单位编号', '代码', '编码']);
words('name', ['单位（专项）名称', '单位名称', '项目名称', '专项名称', '预算单位名称', '项目（专项）名称', '单位(项目)名称', '项目']);
words('spendingArea', ['支出方向', '资金用途', '支出用途']);
words('fund', ['资金总额', '资金总额（万元）', '项目资金总额', '年度资金总额', '预算金额', '项目总金额', '资金合计', '预算总额', '年度预算总额', '年度预算数', '金额']);
words('fundGeneral', ['一般公共预算', '一般公共预算拨款', '一般公共预算资金', '财政拨款']);
words('fundGovFund', ['政府性基金拨款', '政府性基金', '政府性基金预算']);
words('fundSpecialAccount', ['财政专户管理资金', '财政专户', '纳入专户管理的非税收入']);
words('fundOther', ['其他资金', '其他']);
words('fundBasic', ['基本支出']);
words('fundProject', ['项目支出']);
words('goal', ['实施期绩效目标', '年度绩效目标', '整体绩效目标', '绩效目标', '总体目标', '年度目标', '实施期目标', '年度总体目标', '部门整体支出年度绩效目标']);
words('category', ['一级指标']);
words('subcategory', ['二级指标']);
words('indicator', ['三级指标', '指标名称', '绩效指标名称', '三级指标名称']);
words('target', ['指标值', '年度指标值', '目标值', '年度目标值', '预期目标值', '指标目标值', '绩效指标值', '目标指标值', '预期指标值', '年初指标值', '年初目标值']);
words('content', ['指标值内容', '指标解释', '指标说明', '指标内容', '指标值说明', '指标定义']);
words('rule', ['评（扣）分标准', '评分标准', '评（扣分标准）', '扣分标准', '评分规则', '评分方法', '评（扣）分规则', '评分细则', '计分方法']);
words('unit', ['度量单位', '计量单位', '单位（计量）', '指标单位']);
words('direction', ['指标值类型', '指标性质', '指标方向', '计算符号', '指标类型', '符号', '指标值性质', '指标方向性', '指标值方向']);
words('note', ['备注', '说明']);
words('actual', ['实际完成值', '实际值', '全年实际值', '完成值', '实际完成情况', '实际完成', '全年实际完成值', '实际完成数', '全年完成值', '年度完成值']);
words('weight', ['分值', '权重', '权重（分值）', '指标分值', '标准分值', '指标权重']);
words('score', ['得分', '自评得分', '评价得分', '实际得分', '指标得分']);
words('deviation', ['偏差原因分析及改进措施', '偏差原因', '偏差原因分析', '未完成原因和改进措施', '偏差原因及改进措施']);

/** Patterns tried when no exact word matched; order matters (most specific first). */
const PATTERNS: [RegExp, ColumnRole][] = [
  [/^评.{0,3}分(标准|规则|方法)/, 'rule'],
  [/(扣分|评分)标准/, 'rule'],
  [/^(度量|计量)单位/, 'unit'],
  [/^指标值?(类型|性质|方向)/, 'direction'],
  // 年度(/项目)指标值, 指标值及单位, 指标值(或计划水平), 计划指标值(或计划水平).
  [/^(年度|实施期|年度预期|计划|预期|本年度|当年|年度计划)?(\/项目)?指标(目标)?值(及单位|或计划水平)?$/, 'target'],
  [/^资金总额/, 'fund'],
  [/^(参考|标准|指标)?分值$/, 'weight'],
  [/^实际完成/, 'actual'],
  [/偏差原因/, 'deviation'],
];

/** Name and code words that name a unit (单位名称, 单位代码), as against a project (项目名称) or either (单位（专项）名称). */
const UNIT_WORDS = new Set(['单位名称', '预算单位名称', '单位代码', '单位编码', '预算单位代码', '单位编号'].map(headerKey));

/** What a header cell says: its role, the period of a column set it belongs to, and the money unit it states. */
export interface HeaderInfo {
  role: ColumnRole | null;
  /** (长期)/(中期)/(实施期) → 'long'; (年度)/(当年)/(本年) → 'annual'; none → null. */
  period: 'long' | 'annual' | null;
  /** （万元）/（元） after the word, or null. */
  moneyUnit: MoneyUnit | null;
  /** 单位名称 / 单位代码: a unit-level column when the table has project columns too. */
  unitLevel: boolean;
}

const NONE: HeaderInfo = { role: null, period: null, moneyUnit: null, unitLevel: false };

/** The role a header word names, or null. */
export function roleOfHeader(text: string): ColumnRole | null {
  if (!text || text.length > 40) return null;
  return infoCached(text).role;
}

/** Everything a header word says (memoised: a sheet repeats its header on every page). */
export function headerInfo(text: string): HeaderInfo {
  if (!text || text.length > 40) return NONE;
  return infoCached(text);
}

const infoCached = memoString(headerInfoOf, 5000);

const PERIOD = /[(（](长期|中期|实施期|年度|当年|本年|本年度)[)）]$/;
const MONEY = /[(（](万元|元)[)）]/;
const MARKER = /[(（]([A-Za-z](?:[/／][A-Za-z])?|万元|元|亿元|分|%|个)[)）]$/;

function headerInfoOf(text: string): HeaderInfo {
  let t = normalizeText(text).replace(/^[*＊]+/, '');
  if (!t || t.length > 30) return NONE;
  let period: HeaderInfo['period'] = null;
  const p = PERIOD.exec(t);
  if (p) {
    period = p[1] === '长期' || p[1] === '中期' || p[1] === '实施期' ? 'long' : 'annual';
    t = t.slice(0, p.index);
  }
  const money = MONEY.exec(t);
  const moneyUnit: MoneyUnit | null = money ? (money[1] as MoneyUnit) : null;
  // Markers may follow one another: 资金总额(万元)(A).
  for (let i = 0; i < 2; i++) {
    const m = MARKER.exec(t);
    if (!m || m.index === 0) break;
    t = t.slice(0, m.index);
  }
  const key = headerKey(t);
  if (!key) return NONE;
  const role = roleOfKey(key);
  if (role === null) return NONE;
  return { role, period, moneyUnit, unitLevel: UNIT_WORDS.has(key) };
}

function roleOfKey(key: string): ColumnRole | null {
  const exact = EXACT[key];
  if (exact) return exact;
  for (const [re, role] of PATTERNS) if (re.test(key)) return role;
  return null;
}
