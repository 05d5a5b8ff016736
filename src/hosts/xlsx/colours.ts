/**
 * Colours of a cell format as the ledger records them: `#RRGGBB` from an rgb, theme (with tint) or
 * indexed colour, and Office.js's names of fill patterns. The add-in reads a ledger the CLI wrote (and
 * the other way round), so a fill is recorded in the terms both understand.
 */
import type { FillState } from '../../core/plan/ledger';
import { child, type XNode } from './xml';

/** The legacy indexed palette (0–63); 64 and 65 are the system foreground and background. */
const INDEXED = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
];

/** Theme colour indexes as SpreadsheetML numbers them: 0 lt1, 1 dk1, 2 lt2, 3 dk2, then accents and links. */
const THEME_ORDER = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];

/** The theme's colours (RRGGBB) in SpreadsheetML's index order, read from the theme part. */
export function themeColours(theme: XNode | undefined): string[] {
  const elements = child(child(theme, 'themeElements'), 'clrScheme');
  return THEME_ORDER.map((name) => {
    const c = child(elements, name);
    const srgb = child(c, 'srgbClr')?.attrs.val;
    const sys = child(c, 'sysClr')?.attrs.lastClr;
    return (srgb ?? sys ?? (name === 'lt1' ? 'FFFFFF' : '000000')).toUpperCase();
  });
}

function applyTint(rgb: string, tint: number): string {
  if (!tint) return rgb;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  let out: number[];
  if (s === 0) out = [l, l, l];
  else {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    out = [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  }
  return out.map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** A colour element (fgColor, bgColor, color) as `#RRGGBB`, or undefined when it names none. */
export function colourOf(c: XNode | undefined, theme: string[], fallback?: string): string | undefined {
  if (!c) return fallback;
  const a = c.attrs;
  let rgb: string | undefined;
  if (a.rgb) rgb = a.rgb.length === 8 ? a.rgb.slice(2) : a.rgb;
  else if (a.theme !== undefined) rgb = theme[Number(a.theme)];
  else if (a.indexed !== undefined) {
    const i = Number(a.indexed);
    rgb = i === 64 ? '000000' : i === 65 ? 'FFFFFF' : INDEXED[i];
  } else if (a.auto === '1' || a.auto === 'true') rgb = undefined;
  if (!rgb) return fallback;
  return `#${applyTint(rgb.toUpperCase(), Number(a.tint ?? 0))}`;
}

const PATTERNS: Record<string, string> = {
  solid: 'Solid',
  darkGray: 'Gray75',
  mediumGray: 'Gray50',
  lightGray: 'Gray25',
  gray125: 'Gray16',
  gray0625: 'Gray8',
  darkHorizontal: 'Horizontal',
  darkVertical: 'Vertical',
  darkDown: 'Down',
  darkUp: 'Up',
  darkGrid: 'Checker',
  darkTrellis: 'SemiGray75',
  lightHorizontal: 'LightHorizontal',
  lightVertical: 'LightVertical',
  lightDown: 'LightDown',
  lightUp: 'LightUp',
  lightGrid: 'Grid',
  lightTrellis: 'CrissCross',
};

/** A <fill> element as the ledger records it (Office.js's terms). */
export function fillState(fill: XNode | undefined, theme: string[]): FillState {
  const pf = child(fill, 'patternFill');
  const type = pf?.attrs.patternType ?? 'none';
  if (!pf || type === 'none') {
    // A gradient fill: its first stop, as a solid colour.
    const stop = child(child(fill, 'gradientFill'), 'stop');
    const c = stop ? colourOf(child(stop, 'color'), theme) : undefined;
    return c ? { pattern: 'Solid', color: c } : { pattern: 'None', color: '#FFFFFF' };
  }
  const fg = colourOf(child(pf, 'fgColor'), theme, '#000000') as string;
  const bg = colourOf(child(pf, 'bgColor'), theme, '#FFFFFF') as string;
  if (type === 'solid') return { pattern: 'Solid', color: fg };
  return { pattern: PATTERNS[type] ?? 'Solid', color: bg, patternColor: fg };
}

/** A <fill> element for a recorded fill state (restoring a cell the add-in marked). */
export function fillXml(f: FillState, prefix = ''): string {
  const rgb = (c: string | undefined, d: string) => `FF${(c ?? d).replace(/^#/, '').toUpperCase().slice(-6)}`;
  if (f.pattern === 'None') return `<${prefix}fill><${prefix}patternFill patternType="none"/></${prefix}fill>`;
  const type = Object.keys(PATTERNS).find((k) => PATTERNS[k] === f.pattern) ?? 'solid';
  if (type === 'solid') return solidFillXml(rgb(f.color, '#FFFFFF').slice(2), prefix);
  return `<${prefix}fill><${prefix}patternFill patternType="${type}"><${prefix}fgColor rgb="${rgb(f.patternColor, '#000000')}"/><${prefix}bgColor rgb="${rgb(f.color, '#FFFFFF')}"/></${prefix}patternFill></${prefix}fill>`;
}

/** A solid fill of one colour (RRGGBB), as Excel writes it. */
export function solidFillXml(rgb: string, prefix = ''): string {
  return `<${prefix}fill><${prefix}patternFill patternType="solid"><${prefix}fgColor rgb="FF${rgb.toUpperCase()}"/><${prefix}bgColor indexed="64"/></${prefix}patternFill></${prefix}fill>`;
}
