/**
 * The subset of the Excel JavaScript API (Office.js) that the Office host uses, as structural types.
 *
 * The host is written against these interfaces, not against the `Excel` global, so it runs unchanged on
 * the real API (office-entry.ts passes `Excel.run`; a compile-time check there proves that Office.js's
 * own types satisfy these) and on the in-memory fake (src/hosts/fake), which implements exactly this.
 * Names, shapes and semantics are Office.js's: proxies, `load()` before reading, writes queued until
 * `context.sync()`. Enumerations are passed as their string values ('Down', 'Formats', ...).
 */

export type XlLoad = string | string[];

export interface XlClientResult<T> {
  readonly value: T;
}

export interface XlRequestContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<void>;
}

export interface XlApplication {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  calculate(calculationType: 'Recalculate' | 'Full' | 'FullRebuild'): void;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly application: XlApplication;
  /** ExcelApi 1.5. */
  readonly customXmlParts: XlCustomXmlPartCollection;
  /** ExcelApi 1.4 (names that refer to a cell move with it when rows are inserted). */
  readonly names: XlNamedItemCollection;
  /** ExcelApi 1.7: the workbook's structure protection (no sheets added or removed). */
  readonly protection: XlWorkbookProtection;
  getSelectedRange(): XlRange;
  /** ExcelApi 1.7. */
  getActiveCell(): XlRange;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(props?: XlLoad): XlWorksheetCollection;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  getFirst(visibleOnly?: boolean): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
  add(name?: string): XlWorksheet;
}

export interface XlWorkbookProtection {
  readonly protected: boolean;
  load(props?: XlLoad): XlWorkbookProtection;
}

export interface XlWorksheetProtection {
  readonly protected: boolean;
  load(props?: XlLoad): XlWorksheetProtection;
}

export interface XlWorksheet {
  readonly isNullObject: boolean;
  name: string;
  readonly position: number;
  readonly visibility: string;
  readonly protection: XlWorksheetProtection;
  /** ExcelApi 1.18. */
  readonly notes: XlNoteCollection;
  load(props?: XlLoad): XlWorksheet;
  getRange(address?: string): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getUsedRange(valuesOnly?: boolean): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
  /** ExcelApi 1.6. */
  calculate(markAllDirty: boolean): void;
}

export interface XlRangeFill {
  color: string;
  /** ExcelApi 1.12. */
  pattern: string;
  /** ExcelApi 1.12. */
  patternColor: string;
  clear(): void;
  load(props?: XlLoad): XlRangeFill;
}

export interface XlRangeFont {
  color: string;
  bold: boolean;
  underline: string;
  load(props?: XlLoad): XlRangeFont;
}

export interface XlRangeFormat {
  readonly fill: XlRangeFill;
  readonly font: XlRangeFont;
  columnWidth: number;
  /** Points. */
  rowHeight: number;
  /** Whether the rows have the sheet's standard height (not one of their own); true resets them to it. */
  useStandardHeight: boolean;
  /** Whether the columns have the standard width; true resets them to it. */
  useStandardWidth: boolean;
  wrapText: boolean;
  verticalAlignment: string;
  load(props?: XlLoad): XlRangeFormat;
}

export interface XlRangeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface XlCellBorder {
  color?: string;
  style?: string;
  weight?: string;
}

/** The cell format that getCellProperties/setCellProperties carry (ExcelApi 1.9). */
export interface XlCellPropertiesFormat {
  fill?: { color?: string; pattern?: string; patternColor?: string };
  font?: { bold?: boolean; color?: string; italic?: boolean; name?: string; size?: number; strikethrough?: boolean; underline?: string };
  borders?: { top?: XlCellBorder; bottom?: XlCellBorder; left?: XlCellBorder; right?: XlCellBorder };
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
}

export interface XlCellProperties {
  format?: XlCellPropertiesFormat;
}

type Flags<T> = { [K in keyof T]?: NonNullable<T[K]> extends object ? Flags<NonNullable<T[K]>> | boolean : boolean };
export type XlCellPropertiesLoad = { address?: boolean; format?: Flags<XlCellPropertiesFormat> };

export interface XlRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  hyperlink: XlRangeHyperlink;
  readonly format: XlRangeFormat;
  load(props?: XlLoad): XlRange;
  getCell(row: number, column: number): XlRange;
  getRow(row: number): XlRange;
  getResizedRange(deltaRows: number, deltaColumns: number): XlRange;
  getIntersection(anotherRange: XlRange | string): XlRange;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** ExcelApi 1.9. */
  getSpecialCellsOrNullObject(cellType: 'Formulas' | 'Constants', cellValueType?: 'Numbers' | 'All'): XlRangeAreas;
  insert(shift: 'Down' | 'Right'): XlRange;
  delete(shift: 'Up' | 'Left'): void;
  /** ExcelApi 1.9. */
  copyFrom(source: XlRange | string, copyType?: 'All' | 'Formulas' | 'Values' | 'Formats', skipBlanks?: boolean, transpose?: boolean): void;
  select(): void;
  /** ExcelApi 1.2. */
  merge(across?: boolean): void;
  unmerge(): void;
  /** ExcelApi 1.9. */
  getCellProperties(options: XlCellPropertiesLoad): XlClientResult<XlCellProperties[][]>;
  setCellProperties(values: XlCellProperties[][]): void;
}

export interface XlRangeCollection {
  readonly items: XlRange[];
}

export interface XlRangeAreasLoad {
  address?: boolean;
  areaCount?: boolean;
  areas?: { address?: boolean; formulas?: boolean; numberFormat?: boolean; values?: boolean };
}

export interface XlRangeAreas {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly areaCount: number;
  readonly areas: XlRangeCollection;
  load(props?: XlLoad): XlRangeAreas;
  load(options: XlRangeAreasLoad): XlRangeAreas;
}

export interface XlNote {
  readonly isNullObject: boolean;
  content: string;
  readonly authorName: string;
  load(props?: XlLoad): XlNote;
  delete(): void;
}

export interface XlNoteCollection {
  add(cellAddress: XlRange | string, content: string): XlNote;
  getItem(key: string): XlNote;
  getItemOrNullObject(key: string): XlNote;
}

export interface XlNamedItem {
  readonly isNullObject: boolean;
  readonly name: string;
  /** The reference, e.g. "='Sheet 1'!$A$17". */
  formula: unknown;
  visible: boolean;
  load(props?: XlLoad): XlNamedItem;
  delete(): void;
}

export interface XlNamedItemCollection {
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
  getItemOrNullObject(name: string): XlNamedItem;
}

export interface XlCustomXmlPart {
  readonly isNullObject: boolean;
  readonly id: string;
  readonly namespaceUri: string;
  load(props?: XlLoad): XlCustomXmlPart;
  getXml(): XlClientResult<string>;
  setXml(xml: string): void;
  delete(): void;
}

export interface XlCustomXmlPartScopedCollection {
  readonly items: XlCustomXmlPart[];
  load(props?: XlLoad): XlCustomXmlPartScopedCollection;
}

export interface XlCustomXmlPartCollection {
  add(xml: string): XlCustomXmlPart;
  getByNamespace(namespaceUri: string): XlCustomXmlPartScopedCollection;
  getItem(id: string): XlCustomXmlPart;
}

/** What the host needs from the environment: Excel.run and the requirement-set check. */
export interface ExcelEnvironment {
  run<T>(batch: (context: XlRequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported. */
  isSetSupported(name: string, version: string): boolean;
  /** Where the workbook lives, for snapshots and messages ("Excel", "preview"). */
  source?: string;
}

/** The error Office.js rejects context.sync() with (OfficeExtension.Error): a code such as "AccessDenied". */
export interface XlError {
  name?: string;
  code?: string;
  message?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}
