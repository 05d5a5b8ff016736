/**
 * The README documents every rule and starts with the two set-up commands; the README and docs/ name
 * only source paths that exist (the tree moves: a stale path in the documentation fails here).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../src/core/check/rules';

const ROOT = path.join(__dirname, '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const DOCS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

test('every rule id is in the README table', () => {
  const missing = ALL_RULES.filter((r) => !readme.includes(`| \`${r.id}\` |`)).map((r) => r.id);
  expect(missing).toEqual([]);
});

test('the first code block sets up and runs the example, then the tests', () => {
  const block = /```sh\n([\s\S]*?)```/.exec(readme)![1];
  const lines = block.split('\n').filter((l) => l.trim());
  expect(lines[0]).toMatch(/^npm install && npx jixiao check examples\/hengyang-2024\.xlsx/);
  expect(lines[1]).toMatch(/^npm test/);
});

/** Paths in `code` under the project's own folders, and relative link targets; generated and gitignored ones aside. */
function namedPaths(doc: string): string[] {
  const text = readFileSync(path.join(ROOT, doc), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/`([^`\s]+)`/g)) {
    const p = m[1];
    if (/^(src|test|bench|scripts|templates|docs|examples|assets)\//.test(p) || /^(manifest\.xml|webpack\.config\.js|eslint\.config\.mjs|tsconfig[\w.]*\.json)$/.test(p)) found.push(p);
    // Short paths inside the core (`domain/framework.ts`, `plan/validate.ts`).
    else if (/^(domain|snapshot|layout|parse|check|score|edit|plan)\/\S/.test(p)) found.push(`src/core/${p}`);
  }
  for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)) {
    if (!/^[a-z]+:/.test(m[1])) found.push(path.relative(ROOT, path.join(ROOT, path.dirname(doc), m[1])));
  }
  return found.filter((p) => !/[<>{}*]/.test(p) && !/^(\.\.\/|bench\/\.cache|test\/e2e\/screenshots)/.test(p));
}

test('every path the README and docs/ name exists', () => {
  const missing = DOCS.flatMap((doc) => namedPaths(doc).filter((p) => !existsSync(path.join(ROOT, p))).map((p) => `${doc}: ${p}`));
  expect(missing).toEqual([]);
});
