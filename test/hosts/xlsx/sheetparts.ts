/** Test helpers over a written package: a sheet's part, its cells, notes and the formats of its cells. */
import * as path from 'path';
import { cells, cellXfs, child, children, parseXml, sharedStrings, text, unzip, type CellInfo, type Node, type Parts } from './xmlparts';

export function sheetPart(parts: Parts, name: string): string {
  const wb = parseXml(text(parts, 'xl/workbook.xml'));
  const rels = parseXml(text(parts, 'xl/_rels/workbook.xml.rels'));
  const s = children(child(wb, 'sheets')!, 'sheet').find((x) => x.attrs.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  const target = children(rels, 'Relationship').find((r) => r.attrs.Id === s.attrs['r:id'])!.attrs.Target;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

export function sheetNames(parts: Parts): string[] {
  const wb = parseXml(text(parts, 'xl/workbook.xml'));
  return children(child(wb, 'sheets')!, 'sheet').map((s) => s.attrs.name);
}

export function sheetXml(parts: Parts, name: string): Node {
  return parseXml(text(parts, sheetPart(parts, name)));
}

export function sheetCells(parts: Parts, name: string): Map<string, CellInfo> {
  return cells(sheetXml(parts, name), sharedStrings(parts));
}

/** The part a sheet's relationship of `type` points at. */
export function related(parts: Parts, name: string, type: string): string | undefined {
  const part = sheetPart(parts, name);
  const relsName = part.replace(/([^/]+)$/, '_rels/$1.rels');
  if (!parts[relsName]) return undefined;
  const rel = children(parseXml(text(parts, relsName)), 'Relationship').find((r) => r.attrs.Type.endsWith(`/${type}`));
  return rel ? path.posix.join(path.posix.dirname(part), rel.attrs.Target) : undefined;
}

/** Notes of a sheet: cell → text (runs joined). */
export function notesOf(parts: Parts, name: string): Map<string, string> {
  const p = related(parts, name, 'comments');
  const out = new Map<string, string>();
  if (!p) return out;
  const x = parseXml(text(parts, p));
  for (const c of children(child(x, 'commentList'), 'comment')) {
    const t = child(c, 'text')!;
    let s = child(t, 't')?.text ?? '';
    for (const r of children(t, 'r')) s += child(r, 't')?.text ?? '';
    out.set(c.attrs.ref, s);
  }
  return out;
}

/** The fill colour (RRGGBB) or 'none' of a cell's format. */
export function fillOf(parts: Parts, cell: CellInfo | undefined): string {
  const styles = parseXml(text(parts, 'xl/styles.xml'));
  const xf = children(child(styles, 'cellXfs'), 'xf')[Number(cell?.s ?? 0)];
  const fill = children(child(styles, 'fills'), 'fill')[Number(xf.attrs.fillId ?? 0)];
  const pf = child(fill, 'patternFill');
  if (!pf || (pf.attrs.patternType ?? 'none') === 'none') return 'none';
  return (child(pf, 'fgColor')?.attrs.rgb ?? '').slice(-6).toUpperCase();
}

/** A cell's format without its fill (canonical), to compare formats that differ only by a mark. */
export function formatWithoutFill(parts: Parts, cell: CellInfo | undefined): string {
  return cellXfs(parseXml(text(parts, 'xl/styles.xml')), true)[Number(cell?.s ?? 0)];
}

export { unzip, type Parts };
