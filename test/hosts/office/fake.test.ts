/** The fake Excel API keeps Office.js's semantics: load before read, writes on sync, counted syncs, null objects, failures. */
import { FakeExcel, emptyWorkbook, findSheet, cellAt, openWorkbook, saveWorkbook, workbookFromSnapshot, snapshotFromWorkbook, FakeOfficeError } from '../../../src/hosts/fake';

function fresh(options = {}) {
  const wb = workbookFromSnapshot({
    source: 't',
    sheets: [
      {
        name: 'S',
        values: [
          ['a', 1, null],
          ['b', 2, true],
          [null, null, 'x'],
        ],
        formulas: { C1: 'SUM(B1:B2)' },
        numberFormats: { B2: '0.00%' },
        merges: [{ top: 3, left: 1, bottom: 4, right: 2 }],
      },
    ],
  });
  return new FakeExcel(wb, options);
}

describe('load and sync', () => {
  test('reading a property before load + sync throws PropertyNotLoaded', async () => {
    const fake = fresh();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:C2');
      expect(() => r.values).toThrow(FakeOfficeError);
      try {
        void r.values;
      } catch (e) {
        expect((e as FakeOfficeError).code).toBe('PropertyNotLoaded');
      }
      r.load('values');
      expect(() => r.values).toThrow(/not available/);
      expect(() => r.address).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([
        ['a', 1, ''],
        ['b', 2, true],
      ]);
      expect(() => r.address).toThrow(/not available/);
    });
  });

  test('formulas, number formats, nested loads and load() with no argument', async () => {
    const fake = fresh();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const r = ws.getRange('A1:C2');
      r.load(['formulas', 'numberFormat', 'format/fill/color']);
      const all = ws.getRange('B2').load();
      await ctx.sync();
      expect(r.formulas).toEqual([
        ['a', 1, '=SUM(B1:B2)'],
        ['b', 2, true],
      ]);
      expect(r.numberFormat[1][1]).toBe('0.00%');
      expect(r.format.fill.color).toBe('#FFFFFF');
      expect(() => r.format.fill.pattern).toThrow(/not available/);
      expect(all.address).toBe('S!B2');
      expect(all.rowIndex).toBe(1);
    });
  });

  test('writes are queued and applied on sync, in order; syncs are counted with their sizes', async () => {
    const fake = fresh();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1').values = [['new']];
      ws.getRange('A1').format.fill.color = '#FF0000';
      expect(cellAt(findSheet(fake.workbook, 'S')!, 1, 1)?.value).toBe('a');
      await ctx.sync();
      expect(cellAt(findSheet(fake.workbook, 'S')!, 1, 1)?.value).toBe('new');
      expect(cellAt(findSheet(fake.workbook, 'S')!, 1, 1)?.fill).toEqual({ color: '#FF0000', pattern: 'Solid' });
    });
    expect(fake.syncLog).toHaveLength(1);
    expect(fake.syncLog[0]).toMatchObject({ index: 1, actions: 2, writes: 2 });
    expect(fake.syncLog[0].requestBytes).toBeGreaterThan(50);
    expect(fake.stats).toMatchObject({ syncs: 1, writeSyncs: 1 });
  });

  test('Excel.run syncs what is left queued at the end', async () => {
    const fake = fresh();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['end']];
    });
    expect(fake.syncLog).toHaveLength(1);
    expect(cellAt(findSheet(fake.workbook, 'S')!, 1, 1)?.value).toBe('end');
  });

  test('values are taken as Excel takes typed input', async () => {
    const fake = fresh();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A5:F5').values = [['123', "'123", '=1+1', '95%', 'TRUE', null]];
    });
    const s = findSheet(fake.workbook, 'S')!;
    expect([1, 2, 3, 4, 5, 6].map((c) => cellAt(s, 5, c)?.value)).toEqual([123, '123', null, 0.95, true, undefined]);
    expect(cellAt(s, 5, 3)?.formula).toBe('=1+1');
  });

  test('a mismatched array is an InvalidArgument at sync', async () => {
    const fake = fresh();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [['only one']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('null objects', () => {
  test('isNullObject is known after sync', async () => {
    const fake = fresh();
    await fake.run(async (ctx) => {
      const yes = ctx.workbook.worksheets.getItemOrNullObject('S');
      const no = ctx.workbook.worksheets.getItemOrNullObject('nope');
      expect(() => no.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(yes.isNullObject).toBe(false);
      expect(no.isNullObject).toBe(true);
    });
  });

  test('getItem of a missing sheet fails the sync with ItemNotFound', async () => {
    const fake = fresh();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('nope').load('name');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('merged areas and special cells', async () => {
    const fake = fresh();
    await fake.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('S').getUsedRange(true);
      const merges = used.getMergedAreasOrNullObject().load('address');
      const formulas = used.getSpecialCellsOrNullObject('Formulas').load({ areas: { address: true, formulas: true } });
      const numbers = used.getSpecialCellsOrNullObject('Constants', 'Numbers').load({ areas: { address: true, numberFormat: true } });
      const none = ctx.workbook.worksheets.getItem('S').getRange('C3').getMergedAreasOrNullObject().load('address');
      used.load('address');
      await ctx.sync();
      expect(used.address).toBe('S!A1:C3');
      expect(merges.address).toBe('S!A3:B4');
      expect(formulas.areas.items.map((a) => [a.address, a.formulas])).toEqual([['S!C1', [['=SUM(B1:B2)']]]]);
      expect(numbers.areas.items.map((a) => [a.address, a.numberFormat])).toEqual([
        ['S!B1', [['General']]],
        ['S!B2', [['0.00%']]],
      ]);
      expect(none.isNullObject).toBe(true);
    });
  });
});

describe('failures', () => {
  test('a failing action leaves the actions before it applied (as Excel does)', async () => {
    const fake = fresh();
    await expect(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('A1').values = [['first']];
        ws.getRange('A1:B1').values = [['bad']];
        ws.getRange('A2').values = [['never']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    const s = findSheet(fake.workbook, 'S')!;
    expect(cellAt(s, 1, 1)?.value).toBe('first');
    expect(cellAt(s, 2, 1)?.value).toBe('b');
  });

  test('an injected failure after K writes; one before anything', async () => {
    const fake = fresh();
    fake.injectFailure({ atSync: 1, afterWrites: 1, code: 'GeneralException' });
    await expect(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('A1').values = [['one']];
        ws.getRange('A2').values = [['two']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    const s = findSheet(fake.workbook, 'S')!;
    expect(cellAt(s, 1, 1)?.value).toBe('one');
    expect(cellAt(s, 2, 1)?.value).toBe('b');
    fake.injectFailure({ nextWriteSync: true });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A2').values = [['two']];
        await ctx.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
    expect(cellAt(s, 2, 1)?.value).toBe('b');
    expect(fake.syncLog.map((x) => x.failed)).toEqual(['GeneralException', 'GeneralException']);
  });

  test('edit mode rejects every sync before anything runs', async () => {
    const fake = fresh();
    fake.editMode = true;
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(cellAt(findSheet(fake.workbook, 'S')!, 1, 1)?.value).toBe('a');
  });

  test('a protected sheet refuses writes with AccessDenied, reads work', async () => {
    const fake = fresh();
    fake.setProtected('S', true);
    await fake.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('S').protection.load('protected');
      await ctx.sync();
      expect(p.protected).toBe(true);
    });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').format.fill.color = '#FF0000';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  test('the payload limit: a response past it is refused', async () => {
    const fake = fresh({ payloadLimit: 1000 });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:Z20').load('values,formulas');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  test('requirement sets', () => {
    expect(fresh().isSetSupported('ExcelApi', '1.18')).toBe(true);
    expect(fresh().isSetSupported('ExcelApi', '1.19')).toBe(false);
    expect(fresh({ notes: false }).isSetSupported('ExcelApi', '1.18')).toBe(false);
    expect(fresh({ notes: false }).isSetSupported('ExcelApi', '1.13')).toBe(true);
    expect(fresh({ apiVersion: '1.9' }).isSetSupported('ExcelApi', '1.13')).toBe(false);
  });
});

describe('notes, custom XML parts, rows, selection', () => {
  test('notes: add, read, change, delete', async () => {
    const fake = fresh();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.notes.add('B2', 'hello');
      await ctx.sync();
      const n = ws.notes.getItemOrNullObject('B2').load('content,authorName');
      const none = ws.notes.getItemOrNullObject('C2').load('content');
      await ctx.sync();
      expect(n.content).toBe('hello');
      expect(n.authorName).toBe('Fake User');
      expect(none.isNullObject).toBe(true);
      n.content = 'changed';
      await ctx.sync();
      expect(cellAt(findSheet(fake.workbook, 'S')!, 2, 2)?.note?.content).toBe('changed');
      ws.notes.add('B2', 'twice');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      ws.notes.getItem('B2').delete();
      await ctx.sync();
    });
    expect(cellAt(findSheet(fake.workbook, 'S')!, 2, 2)?.note).toBeUndefined();
  });

  test('custom XML parts survive save and reopen', async () => {
    const fake = fresh();
    await fake.run(async (ctx) => {
      ctx.workbook.customXmlParts.add('<a xmlns="urn:test">1</a>');
      ctx.workbook.customXmlParts.add('<b xmlns="urn:other"/>');
      await ctx.sync();
    });
    const again = new FakeExcel(openWorkbook(saveWorkbook(fake.workbook)));
    await again.run(async (ctx) => {
      const parts = ctx.workbook.customXmlParts.getByNamespace('urn:test').load('items/id');
      await ctx.sync();
      expect(parts.items).toHaveLength(1);
      const xml = ctx.workbook.customXmlParts.getItem(parts.items[0].id).getXml();
      expect(() => xml.value).toThrow(/not available/);
      await ctx.sync();
      expect(xml.value).toBe('<a xmlns="urn:test">1</a>');
    });
  });

  test('inserting rows moves cells, notes, merges and formula references; deleting puts them back', async () => {
    const fake = fresh();
    const before = saveWorkbook(fake.workbook);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.notes.add('A2', 'note');
      ws.getRange('A2').format.fill.color = '#00FF00';
      await ctx.sync();
      ws.getRange('2:3').insert('Down');
      await ctx.sync();
    });
    const s = findSheet(fake.workbook, 'S')!;
    expect(cellAt(s, 4, 1)?.value).toBe('b');
    expect(cellAt(s, 4, 1)?.note?.content).toBe('note');
    expect(cellAt(s, 2, 1)?.fill).toBeUndefined(); // formats of the row above
    expect(cellAt(s, 1, 3)?.formula).toBe('=SUM(B1:B4)');
    expect(s.merges).toEqual([{ top: 5, left: 1, bottom: 6, right: 2 }]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('2:3').delete('Up');
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.notes.getItem('A2').delete();
      ws.getRange('A2').format.fill.clear();
    });
    expect(saveWorkbook(fake.workbook)).toBe(before);
  });

  test('merge, copy of cell properties, selection and sheets', async () => {
    const fake = new FakeExcel(emptyWorkbook());
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:B1').values = [['x', 'y']];
      ws.getRange('A1:B1').merge();
      const a = ws.getRange('C1');
      a.setCellProperties([[{ format: { fill: { color: '#FF0000', pattern: 'Solid' }, font: { bold: true }, borders: { top: { style: 'Continuous' } } } }]]);
      const props = ws.getRange('C1').getCellProperties({ format: { fill: { color: true }, font: { bold: true } } });
      const added = ctx.workbook.worksheets.add('New');
      added.getRange('B3').select();
      await ctx.sync();
      expect(props.value).toEqual([[{ format: { fill: { color: '#FF0000' }, font: { bold: true } } }]]);
      const sel = ctx.workbook.getSelectedRange().load('address');
      const active = ctx.workbook.getActiveCell().load('address');
      await ctx.sync();
      expect(sel.address).toBe('New!B3');
      expect(active.address).toBe('New!B3');
    });
    const s = findSheet(fake.workbook, 'Sheet1')!;
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(cellAt(s, 1, 2)).toBeUndefined();
    expect(cellAt(s, 1, 3)).toEqual({ fill: { color: '#FF0000', pattern: 'Solid' }, font: { bold: true }, borders: { top: { style: 'Continuous' } } });
    expect(fake.workbook.activeSheet).toBe('New');
  });

  test('a snapshot goes in and comes back out unchanged', () => {
    const snap = {
      source: 's',
      sheets: [{ name: 'S', values: [['a', 1], [null, 'b']], formulas: { B1: 'A1*2' }, numberFormats: { B1: '0.0' }, merges: [{ top: 2, left: 1, bottom: 3, right: 1 }] }],
    };
    expect(snapshotFromWorkbook(workbookFromSnapshot(snap), 's')).toEqual(snap);
  });
});

test('the fake and the Office host import no Node module (the browser preview runs them)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('node:path') as typeof import('node:path');
  const root = path.join(__dirname, '..', '..', '..', 'src');
  const seen = new Set<string>();
  const bad: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'|require\('([^']+)'\)/g)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) {
        const base = path.resolve(path.dirname(file), spec);
        const next = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
        if (next) visit(next);
      } else if (!['zod', 'decimal.js'].includes(spec)) bad.push(`${path.relative(root, file)}: ${spec}`);
    }
  };
  for (const dir of ['hosts/fake', 'hosts/office']) {
    for (const f of fs.readdirSync(path.join(root, dir))) if (f.endsWith('.ts') && f !== 'office-entry.ts') visit(path.join(root, dir, f));
  }
  expect(bad).toEqual([]);
});
