/**
 * Loads the excelize WebAssembly module once per process (per JS realm).
 *
 * excelize-wasm's own `init()` reads the wasm through `import('node:fs')` built with `Function`,
 * which fails in VM contexts such as jest ("dynamic import callback ... without
 * --experimental-vm-modules"). We therefore do what `init()` does by hand: requiring the package
 * defines the Go runtime class on `globalThis.Go`; we gunzip the wasm, instantiate it and run it,
 * and the Go side fills `globalThis.excelize`.
 *
 * A Go panic inside excelize ends the Go program for good (every later call throws "Go program has
 * already exited"); `excelize()` notices that and loads a fresh instance.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/** The module object returned by excelize-wasm's `init()`. */
export type Excelize = Awaited<ReturnType<typeof import('excelize-wasm').init>>;
/** An open workbook (excelize-wasm's `NewFile`). */
export type ExcelizeFile = ReturnType<Excelize['OpenReader']>;

/** The parts of the WebAssembly API used here (the ES2022 lib without DOM does not declare it). */
interface Wasm {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: object }>;
}
const WebAssemblyApi = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

interface GoRuntime {
  importObject: object;
  exited?: boolean;
  run(instance: object): Promise<void>;
}

interface Loaded {
  ex: Excelize;
  go: GoRuntime;
}

let modulePromise: Promise<Loaded> | undefined;

export function wasmPath(): string {
  const pkg = require.resolve('excelize-wasm/package.json');
  return path.join(path.dirname(pkg), 'excelize.wasm.gz');
}

async function load(): Promise<Loaded> {
  // Defines globalThis.Go (the Go wasm runtime glue) as a side effect.
  require('excelize-wasm');
  const g = globalThis as unknown as { Go?: new () => GoRuntime; excelize?: unknown };
  if (typeof g.Go !== 'function') {
    throw new Error('excelize-wasm did not define the Go runtime (globalThis.Go); unsupported excelize-wasm version');
  }
  let bytes: Uint8Array = fs.readFileSync(wasmPath());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
  const go = new g.Go();
  g.excelize = {};
  const { instance } = await WebAssemblyApi.instantiate(bytes, go.importObject);
  // run() resolves when the Go program exits; the exported API is ready once run() has started.
  void go.run(instance);
  const ex = g.excelize as Excelize;
  if (typeof ex.OpenReader !== 'function') throw new Error('excelize-wasm failed to initialise');
  return { ex, go };
}

/** The excelize module; initialised on first use, then cached (and reloaded if a panic ended it). */
export async function excelize(): Promise<Excelize> {
  if (modulePromise) {
    const loaded = await modulePromise.catch(() => undefined);
    if (loaded && !loaded.go.exited) return loaded.ex;
    modulePromise = undefined;
  }
  const p = load();
  modulePromise = p;
  try {
    return (await p).ex;
  } catch (e) {
    if (modulePromise === p) modulePromise = undefined;
    throw e;
  }
}
