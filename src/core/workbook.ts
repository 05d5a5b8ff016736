/**
 * A workbook as the pipeline reads it once: the host's snapshot, one grid per sheet (merge index built once)
 * and the table model read from them. Check, score and the row operations all start from it, so a task-pane
 * session or a CLI command that does several of them reads the workbook once.
 */
import type { WorkbookSnapshot } from './snapshot/snapshot';
import { SheetGrid } from './snapshot/snapshot';
import type { WorkbookModel } from './model';
import { readWorkbookModel } from './layout/read';

export interface WorkbookContext {
  snapshot: WorkbookSnapshot;
  model: WorkbookModel;
  /** The grid of a sheet by name, or undefined for a sheet the snapshot does not hold. */
  grid(sheet: string): SheetGrid | undefined;
}

/** Reads the snapshot's grids and model. */
function readContext(snapshot: WorkbookSnapshot): WorkbookContext {
  const grids = new Map<string, SheetGrid>();
  for (const s of snapshot.sheets) grids.set(s.name, new SheetGrid(s));
  const model = readWorkbookModel(snapshot, (s) => grids.get(s.name)!);
  return { snapshot, model, grid: (sheet) => grids.get(sheet) };
}

/** A context from either a snapshot (read now) or a context already read. */
export function workbookContext(input: WorkbookSnapshot | WorkbookContext): WorkbookContext {
  return 'model' in input ? input : readContext(input);
}
