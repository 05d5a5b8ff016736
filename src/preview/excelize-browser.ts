/**
 * Browser stand-in for src/hosts/xlsx/excelize.ts (webpack swaps it in for the preview page): loads
 * excelize-wasm from the preview server (excelize.wasm.gz beside the page) with the package's own init().
 * A Go panic ends that instance; the next call loads a fresh one, as the Node loader does.
 */
import { init } from 'excelize-wasm';

export type Excelize = Awaited<ReturnType<typeof init>>;
export type ExcelizeFile = ReturnType<Excelize['OpenReader']>;

let loading: Promise<Excelize> | undefined;

export function wasmPath(): string {
  return new URL('excelize.wasm.gz', document.baseURI).href;
}

export async function excelize(): Promise<Excelize> {
  const g = globalThis as unknown as { excelize?: unknown };
  if (loading) {
    const ex = await loading.catch(() => undefined);
    // After a panic the exported functions throw "Go program has already exited"; NewFile is a cheap probe.
    if (ex) {
      try {
        ex.NewFile();
        return ex;
      } catch {
        /* reload below */
      }
    }
    loading = undefined;
  }
  g.excelize = {};
  loading = init(wasmPath());
  return loading;
}
