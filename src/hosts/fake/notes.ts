/** Cell notes (ExcelApi 1.18): a worksheet's note collection and its notes. On an older host every notes call fails with ApiNotFound. */
import { colToLetters } from '../../core/domain/a1';
import type { XlNote, XlNoteCollection, XlRange } from '../office/excel-api';
import type { FakeBatch } from './sync';
import type { LoadTree } from './load';
import type { FakeRangeProxy } from './range';
import { parseCellAddress } from './address';
import { ErrorCodes, FakeOfficeError } from './errors';
import { cellAt, cellKey, findSheet, isBlankCell, type FakeCell, type FakeSheet } from './model';
import { FakeObject, type SheetSource } from './proxy';

interface NoteTarget {
  sheet: FakeSheet;
  row: number;
  col: number;
}

export class FakeNoteCollection implements XlNoteCollection {
  constructor(
    private readonly ctx: FakeBatch,
    private readonly worksheet: SheetSource,
  ) {}

  private get path(): string {
    return `${this.worksheet.path}.notes`;
  }

  private checkApi(): void {
    if (!this.ctx.fake.options.notes) throw new FakeOfficeError(ErrorCodes.apiNotFound, 'The API you are trying to use could not be found. It may be available in a newer version of Excel (NoteCollection, ExcelApi 1.18).');
  }

  add(cellAddress: XlRange | string, content: string): FakeNote {
    let placed: NoteTarget | undefined;
    const note = new FakeNote(this.ctx, `${this.path}.add(...)`, () => {
      if (!placed) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The note was not added.');
      return placed;
    }, false, () => this.checkApi());
    this.ctx.push({
      write: true,
      desc: { a: 'w', p: this.path, n: 'add', v: [typeof cellAddress === 'string' ? cellAddress : (cellAddress as FakeRangeProxy).path, content] },
      run: () => {
        this.checkApi();
        let sheet: FakeSheet;
        let row: number;
        let col: number;
        if (typeof cellAddress === 'string') {
          const p = parseCellAddress(cellAddress);
          const named = p.sheet ? findSheet(this.ctx.wb, p.sheet) : undefined;
          sheet = named ?? this.worksheet.sheet();
          row = p.row;
          col = p.col;
        } else {
          const t = (cellAddress as FakeRangeProxy).range();
          if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right) throw new FakeOfficeError('InvalidCellAddress', 'A note goes on a single cell.');
          sheet = t.sheet;
          row = t.rect.top;
          col = t.rect.left;
        }
        if (sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The sheet '${sheet.name}' is protected.`);
        const cell = cellAt(sheet, row, col, true);
        if (cell.note) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The cell ${colToLetters(col)}${row} already has a note.`);
        cell.note = { content: String(content), author: this.ctx.fake.options.userName };
        placed = { sheet, row, col };
      },
    });
    return note;
  }

  getItem(key: string): FakeNote {
    return new FakeNote(
      this.ctx,
      `${this.path}.getItem(${JSON.stringify(key)})`,
      () => {
        this.checkApi();
        const sheet = this.worksheet.sheet();
        const p = parseCellAddress(key);
        const cell = sheet.cells.get(cellKey(p.row, p.col));
        if (!cell?.note) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No note at ${key}.`);
        return { sheet, row: p.row, col: p.col };
      },
      false,
      () => this.checkApi(),
    );
  }

  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(
      this.ctx,
      `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => {
        this.checkApi();
        const sheet = this.worksheet.target();
        if (!sheet) return null;
        const p = parseCellAddress(key);
        const cell = sheet.cells.get(cellKey(p.row, p.col));
        return cell?.note ? { sheet, row: p.row, col: p.col } : null;
      },
      true,
      () => this.checkApi(),
    );
  }
}

export class FakeNote extends FakeObject implements XlNote {
  constructor(
    ctx: FakeBatch,
    path: string,
    private readonly finder: () => NoteTarget | null,
    nullable: boolean,
    private readonly checkApi: () => void,
  ) {
    super(ctx, path, nullable);
  }
  target(): NoteTarget | null {
    this.checkApi();
    return this.finder();
  }
  override runLoad(tree: LoadTree): { commit: () => void; bytes: number } {
    this.checkApi(); // an unsupported API fails the sync even for a null object
    return super.runLoad(tree);
  }
  private note(): { t: NoteTarget; cell: FakeCell } {
    const t = this.target();
    if (!t) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.path}: the note is a null object.`);
    const cell = t.sheet.cells.get(cellKey(t.row, t.col));
    if (!cell?.note) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The note no longer exists.');
    return { t, cell };
  }
  protected scalarNames(): string[] {
    return ['content', 'authorName'];
  }
  protected readScalar(name: string, t: unknown): unknown {
    const nt = t as NoteTarget;
    const note = nt.sheet.cells.get(cellKey(nt.row, nt.col))?.note;
    if (!note) throw new FakeOfficeError(ErrorCodes.itemNotFound, 'The note no longer exists.');
    if (name === 'content') return note.content;
    if (name === 'authorName') return note.author;
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `Note has no property ${name}.`);
  }
  get content(): string {
    return this.getProp('content');
  }
  set content(v: string) {
    this.setProp('content', v, () => {
      const { t, cell } = this.note();
      if (t.sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The sheet '${t.sheet.name}' is protected.`);
      cell.note = { ...(cell.note as NonNullable<FakeCell['note']>), content: String(v) };
    });
  }
  get authorName(): string {
    return this.getProp('authorName');
  }
  delete(): void {
    this.write('delete', null, () => {
      const { t, cell } = this.note();
      if (t.sheet.protected) throw new FakeOfficeError(ErrorCodes.accessDenied, `The sheet '${t.sheet.name}' is protected.`);
      cell.note = undefined;
      if (isBlankCell(cell)) t.sheet.cells.delete(cellKey(t.row, t.col));
    });
  }
}
