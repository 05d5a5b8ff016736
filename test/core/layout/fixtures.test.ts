/** Every catalogued fixture, written to .xlsx and read back through the file host, gives what it must and nothing it must not. */
import { FIXTURES } from '../../fixtures/catalog';
import { snapshotToXlsx } from '../../fixtures/xlsx';
import { readWorkbook } from '../../../src/hosts/xlsx/read';
import { runCheck } from '../../../src/core/check/engine';
import { BUILTIN_PROFILES } from '../../../src/core/profile';

describe.each(FIXTURES.map((f) => [f.id, f] as const))('fixture %s', (_id, fx) => {
  let findings: ReturnType<typeof runCheck>['findings'];
  beforeAll(async () => {
    const bytes = await snapshotToXlsx(fx.book);
    findings = runCheck(await readWorkbook(bytes, `${fx.id}.xlsx`), BUILTIN_PROFILES[fx.profile]).findings;
  });

  test('gives every finding it must', () => {
    const got = new Set(findings.flatMap((f) => [`${f.sheet}!${f.cell} ${f.id}`, f.id]));
    for (const m of fx.must) expect({ must: m, found: got.has(m) }).toEqual({ must: m, found: true });
  });

  test('gives none it must not', () => {
    const bad = findings.filter((f) => fx.mustNot.includes(f.id) || fx.mustNot.includes(f.severity));
    expect(bad.map((f) => `${f.sheet}!${f.cell} ${f.id} ${f.message['zh-CN']}`)).toEqual([]);
  });
});
