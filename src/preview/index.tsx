/**
 * The preview page: the real task pane (its own bundle, loaded after this one) beside an in-browser view of
 * a workbook held by the fake Excel API. Opens examples/hengyang-2024.xlsx by default; the user can open any
 * .xlsx and download the result (the recorded plans replayed on the original file by the CLI's writer).
 *
 * This script runs first and synchronously publishes window.__jixiaoPreview (host, language, container);
 * the task pane's entry finds it and mounts there instead of waiting for Office.
 */
import '../taskpane/zod-setup';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { FakeExcel, emptyWorkbook, type FakeWorkbook } from '../hosts/fake';
import { OfficeHost } from '../hosts/office';
import type { WritePlan } from '../core/plan/ops';
import { applyPlanToXlsx } from '../hosts/xlsx/write';
import { Grid } from './Grid';
import { checkCommand } from '../ribbon/check-command';
import { langFromDisplay } from '../taskpane/strings';
import { loadXlsx, type DisplayInfo } from './xlsx-load';
import { RecordingHost, replayPlan } from './recorder';
import previewCss from './preview.css';

const EXAMPLE = 'examples/hengyang-2024.xlsx';

/** The open workbook and everything the page shows about it; a tiny external store for React. */
class PreviewState {
  /** The fake Excel: its workbook is the one on screen. */
  readonly excel = new FakeExcel(emptyWorkbook(), { source: 'preview', evaluate: (f, sheet, address) => this.cachedValue(f, sheet, address) });
  /** Values the engine computed for the formulas of the plan being applied (Excel would recalculate them). */
  private pending = new Map<string, { formula: string; value: unknown }>();
  get workbook(): FakeWorkbook {
    return this.excel.workbook;
  }
  set workbook(wb: FakeWorkbook) {
    this.excel.workbook = wb;
  }
  display: DisplayInfo = { rowHeights: {}, align: {} };
  original: ArrayBuffer | null = null;
  fileName = '';
  version = 0;
  error: string | null = null;
  loading = false;
  private listeners = new Set<() => void>();

  /** Before a plan is applied: remember its formulas' values, so the fake shows them as Excel would after recalculating. */
  expect(plan: WritePlan): void {
    this.pending.clear();
    for (const op of plan.ops) if (op.op === 'setFormula') this.pending.set(`${op.sheet}!${op.cell}`, { formula: op.formula, value: op.value });
  }

  private cachedValue(formula: string, sheet: string, address: string): import('../core/snapshot/snapshot').CellValue {
    const cell = address.replace(/^.*!/, '').replace(/\$/g, '');
    const hit = this.pending.get(`${sheet}!${cell}`);
    if (hit && hit.formula.replace(/^=/, '') === formula.replace(/^=/, '')) return hit.value as import('../core/snapshot/snapshot').CellValue;
    return null;
  }

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getVersion = () => this.version;
  changed = () => {
    this.version++;
    for (const fn of this.listeners) fn();
  };
}

const state = new PreviewState();
const params = new URLSearchParams(location.search);
const displayLanguage = params.get('lang') ?? 'zh-CN';

// The pane's host: the Office host over the fake Excel API (the same class that runs in Excel), recorded for the download.
const host = new RecordingHost(new OfficeHost(state.excel), state.changed, (plan) => state.expect(plan));

const style = document.createElement('style');
style.textContent = previewCss;
document.head.append(style);

// Layout: workbook on the left, the pane on the right (a task pane is about 350 px wide in Excel).
const app = document.getElementById('preview-root')!;
app.className = 'preview';
const left = document.createElement('div');
left.className = 'workbook';
const right = document.createElement('div');
right.className = 'pane';
right.id = 'root';
right.setAttribute('data-testid', 'pane-container');
app.append(left, right);
window.__jixiaoPreview = { host, displayLanguage, container: right };
// For the end-to-end tests and for trying failures by hand (e.g. __jixiaoFakeExcel.setProtected('Sheet', true)).
(window as unknown as { __jixiaoFakeExcel: FakeExcel }).__jixiaoFakeExcel = state.excel;

async function openBytes(bytes: ArrayBuffer, name: string): Promise<void> {
  state.loading = true;
  state.error = null;
  state.changed();
  try {
    const loaded = await loadXlsx(bytes);
    state.workbook = loaded.workbook;
    state.display = loaded.display;
    state.original = bytes;
    state.fileName = name;
    host.reset();
    state.excel.resetStats();
  } catch (e) {
    state.error = (e as Error).message;
  } finally {
    state.loading = false;
    state.changed();
  }
}

async function download(): Promise<void> {
  if (!state.original) return;
  try {
    const out = await applyPlanToXlsx(new Uint8Array(state.original), replayPlan(host.log));
    const blob = new Blob([out as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = state.fileName.replace(/\.xlsx$/i, '') + '-jixiao.xlsx';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  } catch (e) {
    state.error = `下载失败 / download failed: ${(e as Error).message}`;
    state.changed();
  }
}

function Workbook() {
  const version = useSyncExternalStore(state.subscribe, state.getVersion);
  const [dragging, setDragging] = useState(false);
  const [ribbonBusy, setRibbonBusy] = useState(false);
  const [ribbonMessage, setRibbonMessage] = useState('');
  useEffect(() => {
    document.title = state.fileName ? `${state.fileName} — jixiao 预览` : 'jixiao 预览 / preview';
  }, [version]);
  const wb = state.workbook;
  return (
    <div
      className={dragging ? 'book dragging' : 'book'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const f = e.dataTransfer.files[0];
        if (f) void f.arrayBuffer().then((b) => openBytes(b, f.name));
      }}
    >
      <div className="toolbar">
        <span className="brand">jixiao 预览 / preview</span>
        <label className="tool-button">
          打开 .xlsx / Open
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="open-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void f.arrayBuffer().then((b) => openBytes(b, f.name));
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" className="tool-button" data-testid="download-button" disabled={!state.original} onClick={() => void download()}>
          下载结果 / Download
        </button>
        <button
          type="button"
          className="tool-button ribbon"
          data-testid="ribbon-check"
          title="功能区按钮“一键检查”（开始 › 绩效目标表）/ the ribbon's Check Now button"
          disabled={!state.original || ribbonBusy}
          onClick={() => {
            setRibbonBusy(true);
            void checkCommand(async () => host, langFromDisplay(displayLanguage)).then((out) => {
              setRibbonBusy(false);
              setRibbonMessage(out.message);
            });
          }}
        >
          一键检查 / Check Now
        </button>
        {ribbonMessage && (
          <span className="ribbon-message" data-testid="ribbon-message">
            {ribbonMessage}
          </span>
        )}
        <span className="syncs" data-testid="sync-count" title="context.sync() calls of the fake Excel API since the file was opened">
          {state.excel.stats.syncs} syncs · {Math.round(state.excel.stats.requestBytes / 1024)} KB
        </span>
        <span className="file-name" data-testid="file-name">
          {state.loading ? '…' : state.fileName}
        </span>
      </div>
      {state.error && (
        <div className="error" role="alert" data-testid="preview-error">
          {state.error}
        </div>
      )}
      <Grid
        workbook={wb}
        display={state.display}
        version={version}
        onSelect={(sheet, row, col) => {
          const m = wb.sheets.find((s) => s.name === sheet)?.merges.find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
          wb.selection = { sheet, range: m ? { ...m } : { top: row, left: col, bottom: row, right: col } };
          state.changed();
        }}
        onActivate={(sheet) => {
          wb.activeSheet = sheet;
          state.changed();
        }}
      />
    </div>
  );
}

createRoot(left).render(<Workbook />);

void (async () => {
  const file = params.get('file') ?? EXAMPLE;
  try {
    const res = await fetch(file);
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    await openBytes(await res.arrayBuffer(), file.split('/').pop() ?? file);
  } catch (e) {
    state.error = `无法打开示例 / cannot open the example ${file}: ${(e as Error).message}`;
    state.changed();
  }
})();
