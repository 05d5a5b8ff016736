/**
 * workbook.xml: the list of sheets, defined names, views and calculation properties. Sheets are added at
 * the end (never activated) and removed with the defined names and views that count sheets by position
 * kept right; names' formulas move with inserted rows; `recalculate` sets fullCalcOnLoad.
 */
import type { RowMoves } from './moves';
import { CONTENT_TYPE, REL, type XlsxPackage } from './package';
import { Splice, child, childrenOf, escapeText, parseXml, prefixOf, startTag, withAttrs, type XNode } from './xml';

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  /** Worksheet part (undefined for a chartsheet or a broken relationship). */
  path?: string;
  node?: XNode;
  removed?: boolean;
}

/** Workbook children in schema order (CT_Workbook), for calcPr. */
const ORDER = ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

export class WorkbookPart {
  readonly path: string;
  private readonly xml: string;
  private readonly root: XNode;
  readonly sheets: SheetEntry[] = [];
  private fullCalc = false;
  private changed = false;
  /** Positions (in the input) of removed sheets. */
  private readonly removedAt: number[] = [];

  constructor(private readonly pkg: XlsxPackage) {
    this.path = pkg.workbookPath();
    this.xml = pkg.text(this.path);
    this.root = parseXml(this.xml);
    const rels = pkg.relsOf(this.path);
    for (const s of childrenOf(child(this.root, 'sheets'), 'sheet')) {
      const rid = Object.entries(s.attrs).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
      const rel = rels.byId(rid);
      const path = rel && rel.type === REL.worksheet ? rels.partOf(rel) : undefined;
      this.sheets.push({ name: s.attrs.name ?? '', sheetId: Number(s.attrs.sheetId ?? 0), rid, path, node: s });
    }
  }

  live(): SheetEntry[] {
    return this.sheets.filter((s) => !s.removed);
  }

  find(name: string): SheetEntry | undefined {
    const k = name.toLowerCase();
    return this.live().find((s) => s.name.toLowerCase() === k);
  }

  /** Adds a worksheet part at the end of the sheet list. */
  addSheet(name: string, path: string): SheetEntry {
    const rid = this.pkg.relsOf(this.path).add(REL.worksheet, path);
    this.pkg.contentTypes().setOverride(path, CONTENT_TYPE.worksheet);
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const e: SheetEntry = { name, sheetId, rid, path };
    this.sheets.push(e);
    this.changed = true;
    return e;
  }

  /** Removes a sheet: its entry, relationship and parts (the caller removes the parts its relationships point at). */
  removeSheet(e: SheetEntry): void {
    if (e.removed) return;
    // Names and views count sheets by their position in the input.
    const index = e.node ? this.sheets.filter((x) => x.node).indexOf(e) : -1;
    e.removed = true;
    if (index >= 0) this.removedAt.push(index);
    this.pkg.relsOf(this.path).remove(e.rid);
    if (e.path) this.pkg.remove(e.path);
    this.changed = true;
  }

  setFullCalc(): void {
    this.fullCalc = true;
  }

  /** Writes workbook.xml when it changed; defined names move with the rows. */
  save(moves: RowMoves): void {
    const s = new Splice(this.xml);
    const p = prefixOf(this.root.name);
    const sheetsNode = child(this.root, 'sheets');
    if (this.changed && sheetsNode) {
      const rp = Object.entries(this.root.attrs).find(([k, v]) => k.startsWith('xmlns:') && v === 'http://schemas.openxmlformats.org/officeDocument/2006/relationships')?.[0].slice(6) ?? 'r';
      const body = this.sheets
        .filter((e) => !e.removed)
        .map((e) => (e.node ? this.xml.slice(e.node.start, e.node.end) : startTag(`${p}sheet`, { name: e.name, sheetId: String(e.sheetId), [`${rp}:id`]: e.rid }, true)));
      s.replace(sheetsNode.start, sheetsNode.end, `${startTag(sheetsNode.name, sheetsNode.attrs)}${body.join('')}</${sheetsNode.name}>`);
    }
    // Names: formulas moved; local names of removed sheets dropped, the others renumbered.
    const names = child(this.root, 'definedNames');
    const renumber = (i: number) => i - this.removedAt.filter((r) => r < i).length;
    for (const d of childrenOf(names, 'definedName')) {
      const local = d.attrs.localSheetId;
      if (local !== undefined && this.removedAt.includes(Number(local))) {
        s.replace(d.start, d.end, '');
        continue;
      }
      const text = moves.formula(d.text, 0, null);
      const attrs = local !== undefined && renumber(Number(local)) !== Number(local) ? { ...d.attrs, localSheetId: String(renumber(Number(local))) } : null;
      if (text === d.text && !attrs) continue;
      s.replace(d.start, d.end, `${startTag(d.name, attrs ?? d.attrs)}${escapeText(text)}</${d.name}>`);
    }
    if (this.removedAt.length) {
      const count = this.live().length;
      for (const v of childrenOf(child(this.root, 'bookViews'), 'workbookView')) {
        const attrs = { ...v.attrs };
        for (const k of ['activeTab', 'firstSheet']) if (attrs[k] !== undefined) attrs[k] = String(Math.min(Math.max(0, count - 1), renumber(Number(attrs[k]))));
        s.replace(v.start, v.end, withAttrs(this.xml, v, attrs));
      }
    }
    if (this.fullCalc) {
      const calc = child(this.root, 'calcPr');
      if (calc) s.replace(calc.start, calc.end, withAttrs(this.xml, calc, { ...calc.attrs, fullCalcOnLoad: '1' }));
      else {
        const rank = ORDER.indexOf('calcPr');
        const after = this.root.children.find((c) => ORDER.indexOf(c.local) > rank);
        s.insert(after ? after.start : this.root.closeStart, `<${p}calcPr fullCalcOnLoad="1"/>`);
      }
    }
    if (s.size) this.pkg.setText(this.path, s.toString());
  }
}
