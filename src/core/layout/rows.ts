/**
 * What a row that holds no indicator is: a 合计/总分/等级 row, a note, a text row (评价结论, 审核意见), a
 * signature line, a 项目资金 row, a template leftover (「……」, a bare 「指标2」). The words are tried only on
 * rows the reader could not read as indicator rows, so none of this runs on the common path.
 */
import type { SheetGrid, CellValue } from '../snapshot/snapshot';
import type { ColumnMap, RowKind } from '../model';
import { normalizeText } from '../domain/text';

// ---------------------------------------------------------------- 合计 / 总分 / 等级

const SUMMARY_WORDS = /^(总分|总计|合计|得分合计|总得分|自评总分|评价总分|自评等级|评价等级|绩效等级|等级|自评结论)$/;

/**
 * Whether a 三级 cell's own value rules its row out as a summary row: it holds something, and not a
 * summary word. Every summary word holds 分, 计, 级 or 论, a cheap test that spares most names the full one.
 */
export function notSummaryLabel(v: CellValue | undefined): boolean {
  if (v === null || v === undefined || v === '') return false;
  if (typeof v !== 'string') return true;
  if (v.length > 12 || !(v.includes('分') || v.includes('计') || v.includes('级') || v.includes('论'))) return true;
  return !SUMMARY_WORDS.test(normalizeText(v).replace(/[:：]$/, ''));
}

/**
 * The label of a summary row (`总分`, `合计`, `自评等级`, …): its first non-empty cell, left of or at
 * the 三级 column, reads one of the summary words and the 三级 cell holds nothing of its own (empty,
 * or covered by the label's merge). Null for any other row. The scorer writes totals and grades there.
 */
export function summaryRowLabel(grid: SheetGrid, row: number, cols: ColumnMap): string | null {
  const last = cols.indicator ?? cols.subcategory ?? cols.category;
  if (last === undefined) return null;
  // Fast path for indicator rows: a 三级 cell of its own holding anything but a summary word.
  if (!grid.mergeAt(row, last) && notSummaryLabel(grid.raw(row, last))) return null;
  for (let c = 1; c <= last; c++) {
    const m = grid.mergeAt(row, c);
    if (m && (m.top !== row || m.left !== c)) continue;
    const t = grid.text(row, c);
    if (t === '') continue;
    if (t.length > 12) return null;
    const label = normalizeText(t).replace(/[:：]$/, '');
    if (!SUMMARY_WORDS.test(label)) return null;
    const im = grid.mergeAt(row, last);
    const own = im ? im.top === row && im.left === last : true;
    if (c !== last && own && grid.raw(row, last) !== null && grid.raw(row, last) !== '') return null;
    return label;
  }
  return null;
}

// ---------------------------------------------------------------- text rows

const SIGNATURE = /填表人|填报人|联系电话|联系人|填报日期|填表日期|负责人|签字|签章|盖章|审核人|制表人|复核人/;
const NOTE = /^(注|备注|说明|填表说明|填报说明|附注)\d*[:：.、]|^注\d*$|^\d+[.、]\S|请根据|据实填写|选择适合|可自行增加/;
const TEXT = /意见|结论|存在(的)?问题|改进措施|整改|原因分析|总体评价|评价情况|自评情况|完成情况|情况说明|需要说明|其他说明|审核/;

/** The kind of a row that holds only text (no indicator field), from its first cell: signature, note, text, or null when none fits. */
export function textRowKind(text: string): RowKind | null {
  const t = normalizeText(text);
  if (t === '') return null;
  if (SIGNATURE.test(t.slice(0, 40))) return 'signature';
  if (NOTE.test(t)) return 'note';
  if (TEXT.test(t.slice(0, 30))) return 'text';
  return null;
}

// ---------------------------------------------------------------- 项目资金 rows

const BUDGET_LABEL = /^(年初预算数?|全年预算数?|全年执行数?|调整后预算数|年度资金总额|资金总额|其中[:：]?|当年财政拨款|上年结转资金?|其他资金|财政拨款|项目资金)/;

/** Whether a label names a row of the 项目资金 block (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金). */
export function isBudgetLabel(text: string): boolean {
  return text.length <= 40 && BUDGET_LABEL.test(normalizeText(text));
}

// ---------------------------------------------------------------- template leftovers

const PLACEHOLDER_NAME = /^(?:[.…。·、]+|(?:三级)?指标[0-9一二三四五六七八九十]+[:：]?|[-—－]+)$/;

/**
 * A 三级 name that is a template leftover with nothing of its own: 「……」, 「...」, 「指标1」, 「指标2」, 「—」.
 * (「指标1工程资金金额」 is a name: the template's number was kept in front of it.) Tested first on the first
 * character, so a real name costs one comparison.
 */
export function isPlaceholderName(text: string): boolean {
  const c = text.charCodeAt(0);
  // 指 … . 。 · - — －
  if (c !== 0x6307 && c !== 0x2026 && c !== 0x2e && c !== 0x3002 && c !== 0xb7 && c !== 0x3001 && c !== 0x2d && c !== 0x2014 && c !== 0xff0d) return false;
  return text.length <= 8 && PLACEHOLDER_NAME.test(normalizeText(text));
}
