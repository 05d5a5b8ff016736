/** How the preview grid shows a cell's value. */
import type { FakeCell } from '../hosts/fake/model';
import { formatNumber } from '../core/snapshot/snapshot';

/** The text Excel would show, for the number formats tables use (dates, percentages, fixed decimals). */
export function displayText(cell: FakeCell | undefined): string {
  if (!cell || cell.value === undefined || cell.value === null) return '';
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v !== 'number') return String(v);
  const nf = cell.numberFormat ?? 'General';
  if (nf === 'General' || nf === '@') return formatNumber(v);
  const fmt = nf.replace(/"[^"]*"|\\./g, '').replace(/\[[^\]]*\]/g, '');
  if (/[yd]/i.test(fmt) || /m.*[yd]|[yd].*m/i.test(fmt)) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v * 86400000));
    const iso = d.toISOString();
    return /h/i.test(fmt) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
  }
  const decimals = (/0\.(0+)/.exec(fmt)?.[1].length ?? 0) as number;
  if (fmt.includes('%')) return `${(v * 100).toFixed(decimals)}%`;
  if (/0\.0|#,##0|^0$/.test(fmt)) {
    const s = v.toFixed(decimals);
    return fmt.includes(',') ? Number(s).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : s;
  }
  return formatNumber(v);
}
