/** Words of the explanations: the rule as understood, values with their units, tiers, formulas. */
import type { Expr, ParsedRule, StepRule, Tier } from '../model';
import { D, Dec, fmt } from './num';
import type { Bilingual } from './types';

export function bi(zh: string, en: string): Bilingual {
  return { 'zh-CN': zh, 'en-US': en };
}

/** Joins explanation parts: Chinese run together, English with spaces, each sentence capitalised. */
export function join(...parts: Bilingual[]): Bilingual {
  let en = '';
  let zh = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    zh += p['zh-CN'];
    const t = p['en-US'].trim();
    if (t === '') continue;
    const last = en.charCodeAt(en.length - 1); // NaN for ''
    if (en === '' || last === 46 /* . */ || last === 41 /* ) */) en += (en ? ' ' : '') + t[0].toUpperCase() + t.slice(1);
    else en += ' ' + t;
  }
  return bi(zh, en);
}

/** A value with its unit: `41.8 万元`, `96%`, `12`. */
export function show(v: Dec | number, percent: boolean, unit: string | null): string {
  const s = fmt(v instanceof Dec ? v : D(v));
  if (percent) return `${s}%`;
  return unit ? `${s} ${unit}` : s;
}

export function pts(n: Dec | number): Bilingual {
  const s = fmt(n instanceof Dec ? n : D(n));
  return bi(`${s} 分`, `${s} point${s === '1' ? '' : 's'}`);
}

// ---------------------------------------------------------------- tiers

export function tierText(t: Tier, percent: boolean): Bilingual {
  const v = (n: number) => `${fmt(n)}${percent ? '%' : ''}`;
  if (t.min !== null && t.max !== null && t.min === t.max) return bi(`= ${v(t.min)}`, `= ${v(t.min)}`);
  if (t.min !== null && t.max !== null) {
    return bi(
      `${v(t.min)}${t.minInclusive ? '（含）' : '（不含）'}–${v(t.max)}${t.maxInclusive ? '（含）' : '（不含）'}`,
      `${t.minInclusive ? '[' : '('}${v(t.min)}, ${v(t.max)}${t.maxInclusive ? ']' : ')'}`,
    );
  }
  if (t.min !== null) return bi(`${v(t.min)}${t.minInclusive ? '（含）以上' : '以上（不含）'}`, `${t.minInclusive ? '≥' : '>'} ${v(t.min)}`);
  if (t.max !== null) return bi(`${v(t.max)}${t.maxInclusive ? '（含）以下' : '以下（不含）'}`, `${t.maxInclusive ? '≤' : '<'} ${v(t.max)}`);
  return bi('任意值', 'any value');
}

// ---------------------------------------------------------------- formulas written in rules

const OP_TEXT: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '/' };

/** A rule's formula as text, with the variables named or replaced by values. */
export function exprText(e: Expr, names: { rate: string; actual: string; target: string }, top = true): string {
  switch (e.kind) {
    case 'num':
      return fmt(e.value);
    case 'var':
      return names[e.name];
    case 'bin': {
      const s = `${exprText(e.left, names, false)} ${OP_TEXT[e.op]} ${exprText(e.right, names, false)}`;
      return top ? s : `(${s})`;
    }
  }
}

// ---------------------------------------------------------------- rules

function stepSize(rule: StepRule, rate: boolean, unit: string | null): Bilingual {
  const n = fmt(rule.stepSize);
  if (rule.stepUnit === 'point' || (rule.stepUnit === 'percent' && rate)) return bi(`${n} 个百分点`, `${n} percentage point${n === '1' ? '' : 's'}`);
  if (rule.stepUnit === 'percent') return bi(`${n}%`, `${n}%`);
  return bi(`${n}${unit ? ` ${unit}` : ''}`, `${n}${unit ? ` ${unit}` : ''}`);
}

const TRIGGER: Record<StepRule['trigger'], Bilingual> = {
  over: bi('超过', 'over'),
  under: bi('低于', 'under'),
  diff: bi('偏离', 'off'),
};

export function triggerWord(rule: StepRule): Bilingual {
  return TRIGGER[rule.trigger];
}

/** The rule as understood, in one sentence. `rate`: the target is a rate (percent steps are points). */
export function describeRule(rule: ParsedRule, ctx: { rate: boolean; unit: string | null; base: Dec | null }): Bilingual {
  switch (rule.family) {
    case 'step': {
      const size = stepSize(rule, ctx.rate, ctx.unit);
      const relative = rule.stepUnit === 'percent' && !ctx.rate;
      const t = TRIGGER[rule.trigger];
      const base = ctx.base ? bi(`满分 ${fmt(ctx.base)} 分，`, `from ${fmt(ctx.base)}, `) : bi('', '');
      return bi(
        `规则：${base['zh-CN']}每${t['zh-CN']}目标 ${size['zh-CN']}${relative ? '（相对目标值）' : ''}扣 ${fmt(rule.deductPerStep)} 分，${rule.partialSteps ? '不足一档按一档计' : '不足一档不扣'}，${rule.cap !== null ? `最多扣 ${fmt(rule.cap)} 分` : '扣完为止'}。`,
        `Rule: ${base['en-US']}−${fmt(rule.deductPerStep)} for every ${size['en-US']} ${t['en-US']} the target${relative ? ' (relative to the target)' : ''}; ${rule.partialSteps ? 'a partial step counts as a whole one' : 'only whole steps count'}; ${rule.cap !== null ? `at most ${fmt(rule.cap)} deducted` : 'down to 0'}.`,
      );
    }
    case 'threshold': {
      const f = exprText(rule.formula, { rate: '完成率', actual: '实际值', target: '目标值' });
      const fe = exprText(rule.formula, { rate: 'rate', actual: 'actual', target: 'target' });
      const thr = fmt(D(rule.threshold).times(100));
      return bi(
        `规则：完成率低于 ${thr}% 不得分，否则 得分 = ${f}${rule.maxAward !== null ? `，最高 ${fmt(rule.maxAward)} 分` : ''}。`,
        `Rule: 0 below a completion rate of ${thr}%, else score = ${fe}${rule.maxAward !== null ? `, at most ${fmt(rule.maxAward)}` : ''}.`,
      );
    }
    case 'tier': {
      const zh = rule.tiers.map((t) => `${tierText(t, rule.percent)['zh-CN']} 计 ${fmt(t.points)} 分`).join('，');
      const en = rule.tiers.map((t) => `${tierText(t, rule.percent)['en-US']}: ${fmt(t.points)}`).join('; ');
      return bi(`规则：${zh}，其他 0 分。`, `Rule: ${en}; otherwise 0.`);
    }
    case 'binary':
      return rule.condition === 'onTime'
        ? bi('规则：按时完成得满分，否则 0 分。', 'Rule: full points when done on time, else 0.')
        : bi('规则：达到目标得满分，否则 0 分。', 'Rule: full points when the target is reached, else 0.');
    case 'perOccurrence':
      return rule.effect === 'deduct'
        ? bi(
            `规则：每发生一次扣 ${fmt(rule.pointsPer)} 分，${rule.cap !== null ? `最多扣 ${fmt(rule.cap)} 分` : '扣完为止'}。`,
            `Rule: −${fmt(rule.pointsPer)} per occurrence, ${rule.cap !== null ? `at most ${fmt(rule.cap)} deducted` : 'down to 0'}.`,
          )
        : bi(`规则：每发生一次加 ${fmt(rule.pointsPer)} 分，不超过分值。`, `Rule: +${fmt(rule.pointsPer)} per occurrence, up to the weight.`);
    case 'checklist': {
      if (rule.items.length === 0) {
        return bi(`规则：每少一项扣 ${fmt(rule.deductPerMissing ?? 0)} 分，扣完为止。`, `Rule: −${fmt(rule.deductPerMissing ?? 0)} per missing item, down to 0.`);
      }
      const zh = rule.items.map((it, i) => `(${i + 1}) ${it.label} ${fmt(it.points)} 分`).join('；');
      const en = rule.items.map((it, i) => `(${i + 1}) ${it.label}: ${fmt(it.points)}`).join('; ');
      return bi(`规则：${zh}。`, `Rule: ${en}.`);
    }
    case 'unspecified':
      return bi('规则未写明可计算的方法。', 'The rule gives no computable method.');
  }
}
