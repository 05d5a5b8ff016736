/** Checklists: numbered items with their points (`①…1分；②…1分`), and/or `每少一项扣N分`. */
import type { ChecklistRule } from '../../model';
import { tidy } from '../numbers';
import { findItemMarkers, NUM, type RuleContext } from './clauses';

/** `每少一项扣1分`, `每缺一项扣0.5分`, `每有一项未落实扣1分`. */
const PER_MISSING = new RegExp(
  `每(?:少|缺少|缺失|缺|漏|差)(?:一|1)项[^扣每;。]{0,20}扣(?:除|减)?(${NUM})分|每有?(?:一|1)项[^扣每;。,]{0,12}?(?:未|不|缺)[^扣每;。]{0,20}扣(?:除|减)?(${NUM})分`,
);

/**
 * `①已制定…1分；②…合规、完整，1分；③…有效执行，1分` (items with their points, at least two)
 * and/or `每少一项扣1分，扣完为止`. maxAward is the sum of the items, or the weight when no items are listed.
 * Items without points take the per-missing deduction when it is stated, else the text is not a checklist.
 */
export function parseChecklist(body: string, ctx: RuleContext): ChecklistRule | null {
  const perMissing = PER_MISSING.exec(body);
  const deductPerMissing = perMissing ? Number(perMissing[1] ?? perMissing[2]) : null;
  const markers = findItemMarkers(body);
  const items: { label: string; points: number }[] = [];
  if (markers.length >= 2) {
    for (let k = 0; k < markers.length; k++) {
      const end = k + 1 < markers.length ? markers[k + 1].start : perMissing ? perMissing.index : body.length;
      const item = readItem(body.slice(markers[k].end, Math.max(end, markers[k].end)), deductPerMissing);
      if (!item) return null;
      items.push(item);
    }
  }
  if (items.length === 0 && deductPerMissing === null) return null;
  const sum = tidy(items.reduce((acc, it) => acc + it.points, 0));
  return {
    family: 'checklist',
    text: ctx.text,
    statedWeight: ctx.statedWeight,
    maxAward: items.length > 0 ? sum : ctx.statedWeight,
    items,
    deductPerMissing,
  };
}

/** One item: its label and the last `N分` in it (`…有效执行，1分`, `…得1分`, `…(1分)`). */
function readItem(text: string, fallbackPoints: number | null): { label: string; points: number } | null {
  const re = new RegExp(`(?:计|得|给|记)?\\(?(?<!\\d)(?<!\\d\\.)(${NUM})分\\)?`, 'g');
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  const points = last ? Number(last[1]) : fallbackPoints;
  if (points === null) return null;
  const labelText = last ? text.slice(0, last.index) + text.slice(last.index + last[0].length) : text;
  const label = labelText.replace(/^[,;。:、.]+|[,;。:、.]+$/g, '');
  return { label, points };
}
