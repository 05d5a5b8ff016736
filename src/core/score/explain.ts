/**
 * Words of the explanations shared by the score methods: joining parts, values with their units, the
 * formulas written in rules. Each family describes its own rule (methods/<family>.ts).
 */
import type { Expr } from '../model';
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
