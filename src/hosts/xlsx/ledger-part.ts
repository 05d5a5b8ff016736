/**
 * The ledger of marks in an .xlsx package: custom XML parts (customXml/itemN.xml, with their properties
 * part), related from the workbook, exactly where Excel keeps the parts the add-in writes through
 * Office.js (`customXmlParts.add`). The format is core/plan/ledger.ts's, so the add-in reads what the CLI
 * wrote and the other way round.
 */
import { LEDGER_NAMESPACE, emptyLedger, ledgerFromXml, ledgerToParts, mergeLedgers, type Ledger } from '../../core/plan/ledger';
import { CONTENT_TYPE, REL, relsPathOf, type XlsxPackage } from './package';
import { XML_DECL, parseXml } from './xml';

interface LedgerItem {
  relId: string;
  path: string;
}

/** A GUID for a new custom XML part (its properties part names it). */
function guid(): string {
  const hex = '0123456789ABCDEF';
  let s = '';
  for (let i = 0; i < 32; i++) s += hex[Math.floor(Math.random() * 16)];
  return `{${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${hex[8 + Math.floor(Math.random() * 4)]}${s.slice(17, 20)}-${s.slice(20)}}`;
}

export class LedgerParts {
  private readonly items: LedgerItem[] = [];
  readonly ledger: Ledger;

  constructor(private readonly pkg: XlsxPackage) {
    const wb = pkg.workbookPath();
    const rels = pkg.relsOf(wb);
    const found: Ledger[] = [];
    for (const r of rels.byType(REL.customXml)) {
      const path = rels.partOf(r);
      if (!pkg.has(path)) continue;
      const xml = pkg.text(path);
      let ns: string | undefined;
      try {
        const root = parseXml(xml);
        ns = root.local === 'ledger' ? (root.attrs.xmlns ?? Object.entries(root.attrs).find(([k]) => k.startsWith('xmlns:'))?.[1]) : undefined;
      } catch {
        continue;
      }
      if (ns !== LEDGER_NAMESPACE) continue;
      try {
        found.push(ledgerFromXml(xml));
        this.items.push({ relId: r.id, path });
      } catch {
        /* not a ledger after all */
      }
    }
    this.ledger = found.length ? mergeLedgers(found) : emptyLedger();
  }

  /** Writes the ledger (replacing the parts it was read from); an empty ledger removes them. */
  save(l: Ledger): void {
    const pkg = this.pkg;
    const wb = pkg.workbookPath();
    const rels = pkg.relsOf(wb);
    const empty = l.cells.length === 0 && l.sheets.length === 0;
    const parts = empty ? [] : ledgerToParts(l);
    parts.forEach((xml, i) => {
      const old = this.items[i];
      if (old) {
        pkg.setText(old.path, xml);
        return;
      }
      const path = pkg.freeName('customXml/item', '.xml');
      const named = path.replace(/item(\d+)\.xml$/, 'itemProps$1.xml');
      const props = pkg.has(named) ? pkg.freeName('customXml/itemProps', '.xml') : named;
      pkg.setText(path, xml);
      pkg.setText(props, `${XML_DECL}<ds:datastoreItem ds:itemID="${guid()}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`);
      pkg.contentTypes().setOverride(props, CONTENT_TYPE.customXmlProps);
      pkg.contentTypes().ensureDefault('xml', CONTENT_TYPE.xml);
      pkg.relsOf(path).add(REL.customXmlProps, props);
      rels.add(REL.customXml, path);
    });
    for (const old of this.items.slice(parts.length)) {
      rels.remove(old.relId);
      for (const r of pkg.relsOf(old.path).items) pkg.remove(pkg.relsOf(old.path).partOf(r));
      pkg.remove(old.path);
      pkg.remove(relsPathOf(old.path));
    }
  }
}
