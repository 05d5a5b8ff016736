/** The offline manifest validator (scripts/validate-manifest.js) on manifest.xml and on broken copies of it. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface Result {
  errors: string[];
  warnings: string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest, pngSize } = require('../../scripts/validate-manifest') as {
  validateManifest(xml: string, opts?: { assets?: string; base?: string; commandsDir?: string | null }): Result;
  pngSize(file: string): { width: number; height: number } | null;
};

const ROOT = path.join(__dirname, '..', '..');
const XML = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('passes the offline validator without errors or warnings', () => {
    const r = validateManifest(XML);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('declares ExcelApi 1.13 (merged areas) and the Workbook host, zh-CN first', () => {
    expect(XML).toMatch(/<Set Name="ExcelApi" MinVersion="1\.13"\/>/);
    expect(XML).toMatch(/<Host Name="Workbook"\/>/);
    expect(XML).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(XML).toMatch(/<bt:String id="Group.Label" DefaultValue="绩效目标表">/);
  });

  it('has every icon in assets/ at its size', () => {
    for (const n of [16, 32, 64, 80, 128]) expect(pngSize(path.join(ROOT, 'assets', `icon-${n}.png`))).toEqual({ width: n, height: n });
  });
});

describe('the validator finds', () => {
  const check = (xml: string, opts = {}) => validateManifest(xml, opts).errors.join('\n');

  it('XML that is not well-formed', () => {
    expect(check(XML.replace('</Hosts>', ''))).toMatch(/not well-formed/);
  });
  it('a string without an en-US override', () => {
    const broken = XML.replace(/(<bt:String id="Group.Label"[^>]*>)\s*<bt:Override[^>]*\/>/, '$1');
    expect(check(broken)).toMatch(/Group\.Label has no en-US/);
  });
  it('a DisplayName without an en-US override', () => {
    expect(check(XML.replace(/<Override Locale="en-US" Value="Performance Target Table Assistant"\/>/, ''))).toMatch(/<DisplayName> has no en-US/);
  });
  it('a URL that is not https', () => {
    expect(check(XML.replace('https://localhost:3000/commands.html', 'http://localhost:3000/commands.html'))).toMatch(/not https/);
  });
  it('a resid that refers to nothing', () => {
    expect(check(XML.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'))).toMatch(/Group\.Missing.*refers to no resource/);
  });
  it('a missing required element and elements out of order', () => {
    expect(check(XML.replace(/<ProviderName>.*<\/ProviderName>/, ''))).toMatch(/missing required element <ProviderName>/);
    const swapped = XML.replace(/(<Version>.*<\/Version>)\s*(<ProviderName>.*<\/ProviderName>)/, '$2$1');
    expect(check(swapped)).toMatch(/out of order/);
  });
  it('an icon whose file has another size', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-icons-'));
    for (const n of [16, 32, 64, 80, 128]) fs.copyFileSync(path.join(ROOT, 'assets', `icon-${n}.png`), path.join(dir, `icon-${n}.png`));
    fs.copyFileSync(path.join(ROOT, 'assets', 'icon-16.png'), path.join(dir, 'icon-80.png'));
    expect(check(XML, { assets: dir })).toMatch(/icon-80\.png is 16×16, declared 80×80/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('a function command that the commands file does not register', () => {
    expect(check(XML.replace('<FunctionName>runCheckCommand</FunctionName>', '<FunctionName>nothingHere</FunctionName>'))).toMatch(/nothingHere is not registered/);
  });
  it('a long string past Office’s limit', () => {
    const long = 'x'.repeat(130);
    expect(check(XML.replace('DefaultValue="一键检查"', `DefaultValue="${long}"`))).toMatch(/CheckButton\.Label.*more than 125/);
  });
});
