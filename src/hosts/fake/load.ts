/** Parsing of Office.js load() arguments: 'a, b/c', ['a', 'b'], { select, expand } or { a: true, b: { c: true } }. */

export interface LoadTree {
  /** Scalar properties asked for; empty (and no nav) means "all scalars" (load() with no argument). */
  props: Set<string>;
  nav: Map<string, LoadTree>;
}

export function emptyTree(): LoadTree {
  return { props: new Set(), nav: new Map() };
}

function addPath(tree: LoadTree, path: string): void {
  const parts = path
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  let t = tree;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i === parts.length - 1) {
      t.props.add(p);
    } else {
      let next = t.nav.get(p);
      if (!next) {
        next = emptyTree();
        t.nav.set(p, next);
      }
      t = next;
    }
  }
}

export function parseLoad(spec: unknown): LoadTree {
  const tree = emptyTree();
  if (spec === undefined || spec === null) return tree;
  if (typeof spec === 'string') {
    for (const p of spec.split(',')) if (p.trim()) addPath(tree, p);
    return tree;
  }
  if (Array.isArray(spec)) {
    for (const s of spec) if (typeof s === 'string') for (const p of s.split(',')) if (p.trim()) addPath(tree, p);
    return tree;
  }
  if (typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if (typeof o.select === 'string' || typeof o.expand === 'string') {
      if (typeof o.select === 'string') for (const p of o.select.split(',')) if (p.trim()) addPath(tree, p);
      if (typeof o.expand === 'string') {
        for (const p of o.expand.split(',')) {
          const name = p.trim();
          if (name && !tree.nav.has(name)) tree.nav.set(name, emptyTree());
        }
      }
      return tree;
    }
    for (const [k, v] of Object.entries(o)) {
      if (k === '$all') continue;
      if (v === true) tree.props.add(k);
      else if (v && typeof v === 'object') tree.nav.set(k, parseLoad(v));
    }
    return tree;
  }
  return tree;
}

/** For a collection: 'items/x' and 'x' both mean the items' x. */
export function itemsTree(tree: LoadTree): LoadTree {
  const out: LoadTree = { props: new Set(tree.props), nav: new Map(tree.nav) };
  const items = out.nav.get('items');
  if (items) {
    out.nav.delete('items');
    for (const p of items.props) out.props.add(p);
    for (const [k, v] of items.nav) out.nav.set(k, v);
  }
  out.props.delete('items');
  return out;
}
