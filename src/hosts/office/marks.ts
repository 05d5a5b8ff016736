/**
 * Marks as the Office host writes and clears them: the fill of a severity, setting a recorded fill back,
 * and the test for a sheet jixiao made. Shared by the write (apply/) and 清除标记 (clear.ts).
 */
import type { Severity } from '../../core/domain/lang';
import { MARK_FILLS, SHEET_MARKER_PREFIX } from '../../core/plan/conventions';
import { GENERATED_SHEET_MARKER } from '../../core/check/i18n';
import type { XlRange } from './excel-api';
import type { FillState } from './ledger';
import { hexColor } from './util';

export function markColor(severity: Severity, fill?: string): string {
  return hexColor(fill ?? MARK_FILLS[severity] ?? MARK_FILLS.warning);
}

/**
 * Whether A1 says jixiao made the sheet: the marker text in the cell, or the marker note. (Not any
 * note of ours: a mark on A1 of a user's sheet carries a [jixiao] note too.)
 */
export function isGeneratedMarker(a1Value: unknown, a1Note: string | null | undefined): boolean {
  if (typeof a1Value === 'string' && a1Value.trim() === GENERATED_SHEET_MARKER) return true;
  return typeof a1Note === 'string' && a1Note.trimStart().startsWith(SHEET_MARKER_PREFIX);
}

/** Sets a range's fill to a recorded state: no fill, a solid colour or a pattern. */
export function applyFill(range: XlRange, fill: FillState): void {
  if (fill.pattern === 'None') {
    range.format.fill.clear();
    return;
  }
  range.format.fill.color = fill.color;
  if (fill.pattern !== 'Solid') {
    range.format.fill.pattern = fill.pattern;
    if (fill.patternColor) range.format.fill.patternColor = fill.patternColor;
  }
}
