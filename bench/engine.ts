/**
 * The benchmarks time the compiled engine in lib/ (what `jixiao` runs), not the TypeScript sources:
 * a TypeScript runner's transpiled output wraps every closure and would distort the engine's figures.
 * `npm run bench` builds lib/ first.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Engine from '../src/core/check/engine';
import type * as Profile from '../src/core/profile';
import type * as Read from '../src/hosts/xlsx/read';
import type * as Write from '../src/hosts/xlsx/write';
import type { WorkbookSnapshot } from '../src/core/snapshot/snapshot';
import { time } from './util';

export const engine: typeof Engine = require('../lib/core/check/engine');
export const profiles: typeof Profile = require('../lib/core/profile');
export const xlsxRead: typeof Read = require('../lib/hosts/xlsx/read');
export const xlsxWrite: typeof Write = require('../lib/hosts/xlsx/write');

/**
 * Reads a workbook and times it. The reader's garbage (exceljs's whole object graph) is collected as
 * part of reading, so the engine timed next is not charged for it (the benchmarks run with --expose-gc).
 */
export function timedRead(file: string): Promise<[number, WorkbookSnapshot]> {
  return time(async () => {
    const s = await xlsxRead.readWorkbookFile(file);
    (globalThis as { gc?: () => void }).gc?.();
    return s;
  });
}
