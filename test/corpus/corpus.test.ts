/**
 * The corpus of published tables (test/corpus/README.md): every key is asserted. A document whose reading or
 * checking is not yet right is listed in known-gaps.json with the aspects still wrong; those assertions run as
 * `test.failing`, so a gap that is closed fails until its entry is removed (the list only shrinks).
 */
import fs from 'node:fs';
import path from 'node:path';
import { corpusFolders, loadKey, runDocument, type DocumentResult } from './lib/run';

type Aspect = 'layout' | 'mustFind' | 'noFalseErrors' | 'scores';
const GAPS = JSON.parse(fs.readFileSync(path.join(__dirname, 'known-gaps.json'), 'utf8')) as Record<string, Aspect[]>;

const folders = corpusFolders();

test('the corpus holds at least 15 documents from at least 6 provinces, none from the acceptance provinces', () => {
  const keys = folders.map(loadKey);
  expect(keys.length).toBeGreaterThanOrEqual(15);
  expect(new Set(keys.map((k) => k.province)).size).toBeGreaterThanOrEqual(6);
  for (const k of keys) expect(['四川', '安徽', '云南', '贵州']).not.toContain(k.province);
});

test('every source records its publisher, title, address and date', () => {
  for (const f of folders) {
    const src = fs.readFileSync(path.join(__dirname, f, 'source.md'), 'utf8');
    expect(src.length).toBeGreaterThan(200);
    const key = loadKey(f);
    for (const v of Object.values(key.source)) expect(v.trim()).not.toBe('');
  }
});

test('known-gaps.json names only corpus documents', () => {
  for (const f of Object.keys(GAPS)) expect(folders).toContain(f);
});

describe.each(folders)('%s', (folder) => {
  let result: DocumentResult;
  beforeAll(async () => {
    result = await runDocument(folder);
  });
  const gaps = new Set(GAPS[folder] ?? []);
  const t = (aspect: Aspect) => (gaps.has(aspect) ? test.failing : test);

  t('layout')('reads the tables, projects and indicator rows of the key', () => {
    expect(result.layoutDiffs).toEqual([]);
  });
  t('mustFind')('reports every finding the key requires', () => {
    expect(result.mustFind.missed).toEqual([]);
  });
  t('noFalseErrors')('reports no error the key does not list, and nothing it forbids', () => {
    expect(result.falseFindings).toEqual([]);
  });
  t('scores')('scores as the source states (or as its own rule gives, where the key says they differ)', () => {
    expect(result.scores.diffs).toEqual([]);
  });
});
