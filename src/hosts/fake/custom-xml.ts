/** Custom XML parts (ExcelApi 1.5): adding parts, finding them by namespace or id, reading, replacing and deleting their XML. */
import type { XlCustomXmlPart, XlCustomXmlPartCollection, XlCustomXmlPartScopedCollection } from '../office/excel-api';
import type { FakeBatch } from './sync';
import { jsonBytes } from './cells';
import { ErrorCodes, FakeOfficeError } from './errors';
import { FakeClientResult, FakeCollection, FakeObject } from './proxy';

function namespaceOf(xml: string): string {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(xml);
  if (!m) throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The XML is not valid.');
  const prefix = m[1].includes(':') ? m[1].split(':')[0] : '';
  const attr = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*"([^"]*)"`) : /xmlns\s*=\s*"([^"]*)"/;
  const a = attr.exec(m[2]);
  return a ? a[1] : '';
}

export class FakeCustomXmlPartCollection implements XlCustomXmlPartCollection {
  constructor(private readonly ctx: FakeBatch) {}

  private checkApi(): void {
    if (!this.ctx.fake.isSetSupported('ExcelApi', '1.5')) throw new FakeOfficeError(ErrorCodes.apiNotFound, 'customXmlParts needs ExcelApi 1.5.');
  }

  add(xml: string): FakeCustomXmlPart {
    let created: string | undefined;
    const part = new FakeCustomXmlPart(this.ctx, 'workbook.customXmlParts.add(...)', () => {
      if (!created) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The part was not added.');
      return this.ctx.wb.customXmlParts.find((p) => p.id === created) ?? null;
    });
    this.ctx.push({
      write: true,
      desc: { a: 'w', p: 'workbook.customXmlParts', n: 'add', v: [xml] },
      run: () => {
        this.checkApi();
        namespaceOf(xml);
        const wb = this.ctx.wb;
        const n = wb.nextId++;
        created = `{${String(n).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}}`;
        wb.customXmlParts.push({ id: created, xml });
      },
    });
    return part;
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.ctx, `workbook.customXmlParts.getByNamespace(${JSON.stringify(namespaceUri)})`, namespaceUri);
  }

  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, `workbook.customXmlParts.getItem(${JSON.stringify(id)})`, () => {
      this.checkApi();
      const p = this.ctx.wb.customXmlParts.find((x) => x.id === id);
      if (!p) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No custom XML part ${id}.`);
      return p;
    });
  }
}

class FakeCustomXmlPartScopedCollection extends FakeCollection<FakeCustomXmlPart> implements XlCustomXmlPartScopedCollection {
  constructor(
    ctx: FakeBatch,
    path: string,
    private readonly ns: string,
  ) {
    super(ctx, path, 'CustomXmlPartScopedCollection');
  }
  target(): unknown {
    return this.ctx.wb.customXmlParts.filter((p) => namespaceOf(p.xml) === this.ns);
  }
  protected itemProxies(): FakeCustomXmlPart[] {
    const parts = this.target() as Array<{ id: string; xml: string }>;
    return parts.map((p, i) => new FakeCustomXmlPart(this.ctx, `${this.path}.items[${i}]`, () => this.ctx.wb.customXmlParts.find((x) => x.id === p.id) ?? null));
  }
}

class FakeCustomXmlPart extends FakeObject implements XlCustomXmlPart {
  constructor(
    ctx: FakeBatch,
    path: string,
    private readonly finder: () => { id: string; xml: string } | null,
    nullable = false,
  ) {
    super(ctx, path, nullable);
  }
  target(): { id: string; xml: string } | null {
    return this.finder();
  }
  private part(): { id: string; xml: string } {
    const p = this.target();
    if (!p) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The custom XML part does not exist.');
    return p;
  }
  protected scalarNames(): string[] {
    return ['id', 'namespaceUri'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const p = t as { id: string; xml: string };
    if (name === 'id') return p.id;
    if (name === 'namespaceUri') return namespaceOf(p.xml);
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `CustomXmlPart has no property ${name}.`);
  }
  get id(): string {
    return this.getProp('id');
  }
  get namespaceUri(): string {
    return this.getProp('namespaceUri');
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.call('getXml', null, () => {
      const xml = this.part().xml;
      return { commit: () => result.set(xml), bytes: jsonBytes(xml) };
    });
    return result;
  }
  setXml(xml: string): void {
    this.write('setXml', [xml], () => {
      namespaceOf(xml);
      this.part().xml = xml;
    });
  }
  delete(): void {
    this.write('delete', null, () => {
      const p = this.part();
      const list = this.ctx.wb.customXmlParts;
      list.splice(list.indexOf(p), 1);
    });
  }
}
