/// <reference types="office-js" />
/**
 * The Office host on the real Excel: the task pane calls createOfficeHost() after Office.onReady.
 * This is the only file that touches the `Excel` and `Office` globals.
 */
import type * as X from './excel-api';
import { OfficeHost, type OfficeHostOptions } from './office-host';

/** Excel.run and the requirement-set check of the running Office. */
export function officeEnvironment(): X.ExcelEnvironment {
  return {
    // Office.js's objects are the real thing behind the structural types of excel-api.ts.
    run: <T>(batch: (context: X.XlRequestContext) => Promise<T>) => Excel.run((context) => batch(context as unknown as X.XlRequestContext)),
    isSetSupported: (name: string, version: string) => Office.context.requirements.isSetSupported(name, version),
    source: 'Excel',
  };
}

export function createOfficeHost(options: OfficeHostOptions = {}): OfficeHost {
  return new OfficeHost(officeEnvironment(), options);
}

// Compile-time check that every member the host uses exists on Office.js's classes of the same name
// (TypeScript cannot relate the overloaded Office.js signatures to the structural ones directly).
type Missing<Ours, Theirs> = Exclude<keyof Ours, keyof Theirs>;
type MustBeEmpty<T extends never> = T;
export type OfficeJsHasEveryMember = [
  MustBeEmpty<Missing<X.XlRequestContext, Excel.RequestContext>>,
  MustBeEmpty<Missing<X.XlApplication, Excel.Application>>,
  MustBeEmpty<Missing<X.XlWorkbook, Excel.Workbook>>,
  MustBeEmpty<Missing<X.XlWorksheetCollection, Excel.WorksheetCollection>>,
  MustBeEmpty<Missing<X.XlWorksheetProtection, Excel.WorksheetProtection>>,
  MustBeEmpty<Missing<X.XlWorkbookProtection, Excel.WorkbookProtection>>,
  MustBeEmpty<Missing<X.XlWorksheet, Excel.Worksheet>>,
  MustBeEmpty<Missing<X.XlRangeFill, Excel.RangeFill>>,
  MustBeEmpty<Missing<X.XlRangeFont, Excel.RangeFont>>,
  MustBeEmpty<Missing<X.XlRangeFormat, Excel.RangeFormat>>,
  MustBeEmpty<Missing<X.XlRangeHyperlink, Excel.RangeHyperlink>>,
  MustBeEmpty<Missing<X.XlRange, Excel.Range>>,
  MustBeEmpty<Missing<X.XlRangeCollection, Excel.RangeCollection>>,
  MustBeEmpty<Missing<X.XlRangeAreas, Excel.RangeAreas>>,
  MustBeEmpty<Missing<X.XlNote, Excel.Note>>,
  MustBeEmpty<Missing<X.XlNamedItem, Excel.NamedItem>>,
  MustBeEmpty<Missing<X.XlNamedItemCollection, Excel.NamedItemCollection>>,
  MustBeEmpty<Missing<X.XlNoteCollection, Excel.NoteCollection>>,
  MustBeEmpty<Missing<X.XlCustomXmlPart, Excel.CustomXmlPart>>,
  MustBeEmpty<Missing<X.XlCustomXmlPartScopedCollection, Excel.CustomXmlPartScopedCollection>>,
  MustBeEmpty<Missing<X.XlCustomXmlPartCollection, Excel.CustomXmlPartCollection>>,
  MustBeEmpty<Missing<X.XlCellPropertiesFormat, Excel.CellPropertiesFormat>>,
  MustBeEmpty<Missing<NonNullable<X.XlCellPropertiesFormat['font']>, Excel.CellPropertiesFont>>,
  MustBeEmpty<Missing<NonNullable<X.XlCellPropertiesFormat['fill']>, Excel.CellPropertiesFill>>,
  MustBeEmpty<Missing<NonNullable<X.XlCellPropertiesFormat['borders']>, Excel.CellBorderCollection>>,
  MustBeEmpty<Missing<X.XlCellBorder, Excel.CellBorder>>,
];
