/**
 * A workbook opened for writing: the package, the workbook part, styles, the sheets and notes the plan
 * touches (loaded on first use), the row insertions made so far and the ledger of marks. Saving writes
 * back only what changed.
 */
import { emptyLedger, ledgerKey, type Ledger, type LedgerCell } from '../../core/plan/ledger';
import { LedgerParts } from './ledger-part';
import { RowMoves } from './moves';
import { moveOtherParts } from './other-parts';
import { REL, XlsxPackage } from './package';
import { SheetModel, type SaveContext } from './sheet';
import { SheetNotes } from './notes';
import { Styles } from './styles';
import { WorkbookPart, type SheetEntry } from './workbook';
import { expandSharedFormulas } from './shared';
import { cellContent, readSharedStrings } from './cells';

const SST_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';

/** An op names a sheet the workbook does not have. */
export class NoSuchSheet extends Error {
  constructor(sheet: string) {
    super(`no such sheet / 没有这个工作表: ${sheet}`);
    this.name = 'NoSuchSheet';
  }
}

/** Sections the sheet model moves itself (or that hold no references). */
const OWN_SECTIONS = new Set(['sheetData', 'dimension', 'mergeCells', 'cols', 'sheetFormatPr', 'pageMargins', 'pageSetup', 'headerFooter', 'printOptions', 'legacyDrawing', 'drawing', 'tableParts', 'sheetPr']);

export class Book {
  readonly pkg: XlsxPackage;
  readonly workbook: WorkbookPart;
  readonly moves = new RowMoves();
  private stylesPart?: Styles;
  private ledgerParts?: LedgerParts;
  private ledgerData?: Ledger;
  private byKey?: Map<string, LedgerCell>;
  ledgerChanged = false;
  private readonly models = new Map<string, SheetModel>();
  private readonly notesOf = new Map<SheetModel, SheetNotes>();
  /** Values or formulas were written: Excel's calculation chain is dropped (it rebuilds it). */
  cellsWritten = false;
  private sst?: string[];

  constructor(bytes: Uint8Array) {
    this.pkg = new XlsxPackage(bytes);
    this.workbook = new WorkbookPart(this.pkg);
  }

  get styles(): Styles {
    this.stylesPart ??= new Styles(this.pkg);
    return this.stylesPart;
  }

  // -----------------------------------------------------------------------------------------------
  // Sheets

  entry(name: string): SheetEntry {
    const e = this.workbook.find(name);
    if (!e || !e.path) throw new NoSuchSheet(name);
    return e;
  }

  sheet(name: string): SheetModel {
    const e = this.entry(name);
    const k = (e.path as string).toLowerCase();
    let m = this.models.get(k);
    if (!m) {
      if (!this.pkg.has(e.path as string)) throw new NoSuchSheet(name);
      m = new SheetModel(e.name, e.path as string, this.pkg.text(e.path as string));
      this.models.set(k, m);
    }
    return m;
  }

  /** Registers a sheet built by this run (an added sheet), replacing any model of that part. */
  adopt(m: SheetModel): void {
    const k = m.path.toLowerCase();
    const old = this.models.get(k);
    if (old) this.notesOf.delete(old);
    this.models.set(k, m);
  }

  forget(path: string): void {
    const old = this.models.get(path.toLowerCase());
    if (old) this.notesOf.delete(old);
    this.models.delete(path.toLowerCase());
  }

  notes(m: SheetModel): SheetNotes {
    let n = this.notesOf.get(m);
    if (!n) {
      n = new SheetNotes(this.pkg, m);
      this.notesOf.set(m, n);
    }
    return n;
  }

  /** Whether a sheet has notes (without reading them). */
  hasNotes(m: SheetModel): boolean {
    return this.notesOf.has(m) || this.pkg.relsOf(m.path).byType(REL.comments).length > 0 || m.hasSection('legacyDrawing');
  }

  /** The text a cell shows (shared strings resolved), or null for an empty cell. */
  cellText(m: SheetModel, row: number, col: number): string | null {
    const c = m.cell(row, col, false);
    if (!c || !c.inner) return null;
    const { v, is } = cellContent(c.inner);
    if (c.attrs.t === 's') return v === undefined ? null : (this.sharedStrings()[Number(v)] ?? null);
    if (c.attrs.t === 'inlineStr') return is ?? null;
    return v ?? null;
  }

  private sharedStrings(): string[] {
    if (!this.sst) {
      const rels = this.pkg.relsOf(this.workbook.path);
      const rel = rels.byType(SST_REL)[0];
      const path = rel ? rels.partOf(rel) : undefined;
      this.sst = path && this.pkg.has(path) ? readSharedStrings(this.pkg.text(path)) : [];
    }
    return this.sst;
  }

  // -----------------------------------------------------------------------------------------------
  // Ledger

  get ledger(): Ledger {
    if (!this.ledgerData) {
      this.ledgerParts ??= new LedgerParts(this.pkg);
      const l = this.ledgerParts.ledger;
      this.ledgerData = { cells: l.cells.map((c) => ({ ...c, touched: [...c.touched] })), sheets: [...l.sheets] };
    }
    return this.ledgerData;
  }

  record(sheet: string, ref: string): LedgerCell | undefined {
    this.byKey ??= new Map(this.ledger.cells.map((c) => [ledgerKey(c.sheet, c.ref), c]));
    return this.byKey.get(ledgerKey(sheet, ref));
  }

  addRecord(c: LedgerCell): void {
    this.ledger.cells.push(c);
    this.byKey?.set(ledgerKey(c.sheet, c.ref), c);
    this.ledgerChanged = true;
  }

  dropRecord(c: LedgerCell): void {
    const l = this.ledger;
    const i = l.cells.indexOf(c);
    if (i >= 0) l.cells.splice(i, 1);
    this.byKey?.delete(ledgerKey(c.sheet, c.ref));
    this.ledgerChanged = true;
  }

  /** The ledger's cells moved (rows inserted): look-ups are rebuilt. */
  ledgerMoved(): void {
    this.byKey = undefined;
    this.ledgerChanged = true;
  }

  // -----------------------------------------------------------------------------------------------
  // Save

  save(): Uint8Array {
    const moves = this.moves;
    if (moves.any) {
      // Every sheet whose formulas may refer to moved rows is read, and its shared formulas made plain where they would break.
      for (const e of this.workbook.live()) {
        if (!e.path || !this.pkg.has(e.path)) continue;
        if (!this.models.has(e.path.toLowerCase()) && !moves.moved(e.name) && !moves.mayName(this.pkg.text(e.path))) continue;
        expandSharedFormulas(this.sheet(e.name), moves);
      }
      moveOtherParts(this);
    }
    for (const m of this.models.values()) {
      if (!this.workbook.find(m.name) || !this.pkg.has(m.path)) continue;
      const ownMoves = moves.moved(m.name);
      const ctx: SaveContext = {
        formulasMove: moves.any && (ownMoves || moves.mayName(m.xml)),
        moveFormula: (t, epoch, home) => moves.formula(t, epoch, home),
        moveRef: (r, home) => moves.ref(r, home),
        moveSection: (local, xml, home) => (OWN_SECTIONS.has(local) ? xml : moves.section(xml, home)),
      };
      const notes = this.notesOf.get(m);
      if (notes) notes.save((r) => moves.row(m.name, r));
      const xml = m.toXml(ctx);
      if (xml !== undefined) this.pkg.setText(m.path, xml);
    }
    if (this.cellsWritten || moves.any) this.dropCalcChain();
    this.stylesPart?.save();
    this.workbook.save(moves);
    if (this.ledgerChanged) {
      this.ledgerParts ??= new LedgerParts(this.pkg);
      this.ledgerParts.save(this.ledgerData ?? emptyLedger());
    }
    return this.pkg.save();
  }

  private dropCalcChain(): void {
    const rels = this.pkg.relsOf(this.workbook.path);
    for (const r of rels.byType(REL.calcChain)) {
      this.pkg.remove(rels.partOf(r));
      rels.remove(r.id);
    }
  }
}
