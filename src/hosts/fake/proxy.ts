/**
 * The proxy machinery: every Excel object of the fake is a FakeObject. A property can be read only after
 * `load()` and `context.sync()` (reading it earlier throws PropertyNotLoaded); writes and method calls
 * are queued on the batch and run on `sync()`; a proxy made by an `*OrNullObject` method learns whether
 * it is a null object at the next sync.
 */
import type { FakeSheet } from './model';
import type { FakeBatch } from './sync';
import type { XlClientResult } from '../office/excel-api';
import { ErrorCodes, FakeOfficeError, notLoaded } from './errors';
import { itemsTree, parseLoad, type LoadTree } from './load';
import { jsonBytes, utf8Length } from './cells';

/** What ranges and notes need of the worksheet proxy they hang from. */
export interface SheetSource {
  readonly path: string;
  /** The sheet, found now (at execution); null for a null object. */
  target(): FakeSheet | null;
  /** The sheet, or an error when this is a null object (for actions). */
  sheet(): FakeSheet;
}

export abstract class FakeObject {
  /** @internal */ nullState: boolean | undefined;
  protected loaded = new Map<string, unknown>();
  protected local = new Map<string, unknown>();

  constructor(
    readonly ctx: FakeBatch,
    readonly path: string,
    readonly nullable = false,
  ) {
    if (nullable) ctx.nullables.push(this);
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  /** The model object this proxy stands for, found now (at execution); null for a null object. */
  abstract target(): unknown;
  /** Names of the scalar properties load() with no argument loads. */
  protected abstract scalarNames(): string[];
  protected abstract readScalar(name: string, target: unknown): unknown;
  protected navChild(_name: string): FakeObject | undefined {
    return undefined;
  }
  protected className(): string {
    return this.constructor.name.replace(/^Fake|Proxy$/g, '');
  }

  protected getProp<T>(name: string): T {
    if (this.nullState === true) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.className()}.${name}: the object is a null object.`);
    if (this.local.has(name)) return this.local.get(name) as T;
    if (this.loaded.has(name)) return this.loaded.get(name) as T;
    throw notLoaded(`${this.className()}.${name}`);
  }

  load(spec?: unknown): this {
    const tree = parseLoad(spec);
    this.ctx.push({ write: false, desc: { a: 'load', p: this.path, v: spec ?? null }, run: () => this.runLoad(tree) });
    return this;
  }

  /** @internal Executes a load now; the values reach the proxy on commit (when the whole sync succeeds). */
  runLoad(tree: LoadTree): { commit: () => void; bytes: number } {
    let t: unknown;
    try {
      t = this.target();
    } catch (e) {
      if (this.nullable) t = null;
      else throw e;
    }
    if (t === null || t === undefined) {
      if (!this.nullable) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.className()}: the object does not exist.`);
      return {
        commit: () => {
          this.nullState = true;
        },
        bytes: 16,
      };
    }
    const values = new Map<string, unknown>();
    const names = tree.props.size === 0 && tree.nav.size === 0 ? this.scalarNames() : [...tree.props];
    let bytes = 2;
    for (const n of names) {
      const v = this.readScalar(n, t);
      values.set(n, v);
      bytes += utf8Length(n) + 3 + jsonBytes(v);
    }
    const children: Array<() => void> = [];
    for (const [name, sub] of tree.nav) {
      const child = this.navChild(name);
      if (!child) throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.className()} has no property ${name}.`);
      const r = child.runLoad(sub);
      children.push(r.commit);
      bytes += utf8Length(name) + 3 + r.bytes;
    }
    return {
      commit: () => {
        if (this.nullable) this.nullState = false;
        for (const [k, v] of values) {
          this.loaded.set(k, v);
          this.local.delete(k);
        }
        for (const c of children) c();
      },
      bytes,
    };
  }

  /** @internal Queues a write action on this object. */
  protected write(name: string, args: unknown, fn: () => void): void {
    this.ctx.push({
      write: true,
      desc: { a: 'w', p: this.path, n: name, v: args },
      run: () => {
        fn();
      },
    });
  }

  /** @internal Sets a property: the proxy reads the new value at once (as in Office.js), the workbook changes on sync. */
  protected setProp(name: string, v: unknown, fn: () => void): void {
    this.local.set(name, v);
    this.write(name, v, fn);
  }

  /** @internal Queues a non-write method call (activate, select, suspend...). */
  protected call(name: string, args: unknown, fn: () => { commit?: () => void; bytes?: number } | void): void {
    this.ctx.push({ write: false, desc: { a: 'm', p: this.path, n: name, v: args }, run: fn });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** Loads each item of a collection with the tree ('items/x' and 'x' both mean the items' x); the commit commits them all. */
export function loadItems(items: FakeObject[], tree: LoadTree): { commit: () => void; bytes: number } {
  const sub = itemsTree(tree);
  const runs = items.map((it) => it.runLoad(sub));
  return {
    commit: () => {
      for (const r of runs) r.commit();
    },
    bytes: 2 + runs.reduce((n, r) => n + r.bytes + 1, 0),
  };
}

/** A collection whose only property is its items, made afresh at each load. */
export abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  constructor(
    ctx: FakeBatch,
    path: string,
    /** The class name in messages. */
    private readonly kind: string,
  ) {
    super(ctx, path);
  }

  /** Proxies for the items there are now (at execution). */
  protected abstract itemProxies(): T[];

  protected scalarNames(): string[] {
    return [];
  }
  protected readScalar(name: string): unknown {
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `${this.kind} has no property ${name}.`);
  }

  get items(): T[] {
    return this.getProp<T[]>('items');
  }

  override runLoad(tree: LoadTree): { commit: () => void; bytes: number } {
    const items = this.itemProxies();
    const r = loadItems(items, tree);
    return {
      commit: () => {
        this.loaded.set('items', items);
        r.commit();
      },
      bytes: r.bytes,
    };
  }
}

export class FakeClientResult<T> implements XlClientResult<T> {
  private has = false;
  private v: T | undefined;
  get value(): T {
    if (!this.has) throw notLoaded('ClientResult.value');
    return this.v as T;
  }
  /** @internal */
  set(v: T): void {
    this.has = true;
    this.v = v;
  }
}
