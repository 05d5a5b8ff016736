/**
 * Smoke test of the real entry point (createOfficeHost: the Excel and Office globals) with Microsoft's
 * office-addin-mock. The fake (src/hosts/fake) is the real test double; this checks the wiring.
 */
// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose dependencies are
// ES modules Jest cannot load on Node 20: give it the names alone.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { OfficeMockObject } from 'office-addin-mock';
import { createOfficeHost } from '../../../src/hosts/office/office-entry';

type Global = { Excel?: unknown; Office?: unknown };

describe('createOfficeHost on office-addin-mock', () => {
  const g = globalThis as Global;
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  test('getSelection and select go through Excel.run', async () => {
    const calls: string[] = [];
    const sheet = {
      name: '项目支出绩效目标表',
      activate() {
        calls.push('activate');
      },
      range: { address: "'项目支出绩效目标表'!I94" },
      getRange(address: string) {
        calls.push(`getRange ${address}`);
        return { select: () => calls.push('select') };
      },
    };
    const excel = new OfficeMockObject({
      context: {
        workbook: {
          activeCell: { address: "'项目支出绩效目标表'!B7" },
          getActiveCell() {
            return this.activeCell;
          },
          worksheets: {
            sheet,
            getItem(name: string) {
              calls.push(`getItem ${name}`);
              return this.sheet;
            },
          },
        },
      },
      run: async function (callback: (context: unknown) => Promise<unknown>) {
        return callback((this as unknown as { context: unknown }).context);
      },
    });
    const office = new OfficeMockObject({ context: { requirements: { isSetSupported: (_name: string, version: string) => Number(version.split('.')[1]) <= 17 } } });
    g.Excel = excel;
    g.Office = office;

    const host = createOfficeHost();
    expect(host.capabilities).toEqual({ notes: false, ledger: 'customXml' });
    expect(await host.getSelection()).toEqual({ sheet: '项目支出绩效目标表', cell: 'B7' });
    await host.select({ sheet: '项目支出绩效目标表', cell: 'i94' });
    expect(calls).toEqual(['getItem 项目支出绩效目标表', 'activate', 'getRange I94', 'select']);
  });
});
