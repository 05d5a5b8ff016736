/** The request context Excel.run gives a batch: the workbook proxy over a FakeBatch (the queue and sync()). */
import type { XlRequestContext } from '../office/excel-api';
import type { FakeEnvironment } from './options';
import { FakeBatch } from './sync';
import { FakeWorkbookProxy } from './workbook';

export class FakeRequestContext extends FakeBatch implements XlRequestContext {
  readonly workbook: FakeWorkbookProxy;

  constructor(fake: FakeEnvironment) {
    super(fake);
    this.workbook = new FakeWorkbookProxy(this);
  }
}
