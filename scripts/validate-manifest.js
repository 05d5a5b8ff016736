#!/usr/bin/env node
/**
 * Offline checks of the add-in manifest (office-addin-manifest's `validate` sends the file to a web service;
 * this needs no network). Usage:
 *   node scripts/validate-manifest.js [manifest.xml] [--assets DIR] [--base URL]
 * Covers: well-formed XML; root OfficeApp of type TaskPaneApp; the required elements present, once each,
 * in the order the schema asks; Id a GUID, Version n.n.n.n, DefaultLocale zh-CN; Host Workbook; an ExcelApi
 * requirement; Permissions; every localisable string (DisplayName, Description, every bt:String) carries an
 * en-US override and stays within Office's length limits (short 125, long 250 characters); every resid
 * resolves to a resource of the right kind, no resource unused, ids unique; every URL https and under one of
 * the AppDomains or the SourceLocation's origin; each icon URL under the base URL maps to a PNG in the assets
 * folder whose real width and height match the declared size (16/32/80 for the ribbon, 32 IconUrl,
 * 64 HighResolutionIconUrl, and icon-128.png for the store listing); each ExecuteFunction's FunctionName is
 * registered with Office.actions.associate in src/ribbon.
 * Exit code 0 when there is no error; warnings are printed.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

const ROOT = path.join(__dirname, '..');
const DEV_BASE = 'https://localhost:3000/';
const SHORT_MAX = 125;
const LONG_MAX = 250;
const ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions'];

/** Width and height of a PNG file, or null when it is not a PNG. */
function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Nodes of a preserveOrder tree: [{ name, attrs, children, text }]. */
function nodes(list) {
  const out = [];
  for (const item of list || []) {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name === '#comment' || name === '?xml') continue;
    if (name === '#text') continue;
    const children = item[name];
    const attrs = item[':@'] || {};
    const text = (children || []).filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
    out.push({ name: name.replace(/^[a-z]+:/, ''), qname: name, attrs, children: children || [], text });
  }
  return out;
}
const kids = (n, name) => nodes(n.children).filter((c) => !name || c.name === name);
const attr = (n, a) => n.attrs[`@_${a}`];

function walk(n, fn) {
  fn(n);
  for (const c of nodes(n.children)) walk(c, fn);
}

function validateManifest(xml, opts = {}) {
  const errors = [];
  const warnings = [];
  const assets = opts.assets || path.join(ROOT, 'assets');
  const commandsDir = opts.commandsDir === undefined ? path.join(ROOT, 'src', 'ribbon') : opts.commandsDir;
  const wf = XMLValidator.validate(xml);
  if (wf !== true) {
    errors.push(`not well-formed XML: ${wf.err.msg} (line ${wf.err.line})`);
    return { errors, warnings };
  }
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: true }).parse(xml);
  const roots = nodes(tree);
  const app = roots.find((n) => n.name === 'OfficeApp');
  if (!app) {
    errors.push('root element must be OfficeApp');
    return { errors, warnings };
  }
  if (attr(app, 'xsi:type') !== 'TaskPaneApp') errors.push('OfficeApp xsi:type must be TaskPaneApp');
  if (attr(app, 'xmlns') !== 'http://schemas.microsoft.com/office/appforoffice/1.1') errors.push('OfficeApp must use the appforoffice/1.1 namespace');

  // Required elements, once each, in schema order.
  const top = kids(app);
  for (const r of REQUIRED) {
    const n = top.filter((c) => c.name === r).length;
    if (n === 0) errors.push(`missing required element <${r}>`);
    if (n > 1) errors.push(`<${r}> appears ${n} times`);
  }
  let last = -1;
  for (const c of top) {
    const i = ORDER.indexOf(c.name);
    if (i < 0) errors.push(`unexpected element <${c.name}> in OfficeApp`);
    else if (i < last) errors.push(`<${c.name}> is out of order (schema order: ${ORDER.join(', ')})`);
    else last = i;
  }
  const one = (name) => top.find((c) => c.name === name);
  const id = one('Id');
  if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.text)) errors.push(`Id is not a GUID: ${id.text}`);
  const version = one('Version');
  if (version && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version.text)) errors.push(`Version must be n.n.n.n: ${version.text}`);
  const locale = one('DefaultLocale');
  if (locale && locale.text !== 'zh-CN') errors.push(`DefaultLocale must be zh-CN, is ${locale.text}`);
  const hosts = one('Hosts');
  if (hosts && !kids(hosts, 'Host').some((h) => attr(h, 'Name') === 'Workbook')) errors.push('Hosts must contain <Host Name="Workbook"/>');
  const req = one('Requirements');
  const excelSet = req && kids(req, 'Sets').flatMap((s) => kids(s, 'Set')).find((s) => attr(s, 'Name') === 'ExcelApi');
  if (!excelSet) errors.push('Requirements must declare an ExcelApi set');
  else if (!/^1\.\d+$/.test(String(attr(excelSet, 'MinVersion')))) errors.push(`ExcelApi MinVersion is not 1.x: ${attr(excelSet, 'MinVersion')}`);
  const perm = one('Permissions');
  if (perm && !['Restricted', 'ReadDocument', 'ReadWriteDocument', 'ReadAllDocument', 'WriteDocument'].includes(perm.text)) errors.push(`unknown Permissions: ${perm.text}`);

  // Localised strings in the base manifest.
  for (const name of ['DisplayName', 'Description']) {
    const n = one(name);
    if (!n) continue;
    const value = attr(n, 'DefaultValue');
    if (!value) errors.push(`<${name}> has no DefaultValue`);
    const max = name === 'DisplayName' ? SHORT_MAX : 4000;
    if (value && value.length > max) errors.push(`<${name}> DefaultValue longer than ${max} characters`);
    const en = kids(n, 'Override').find((o) => attr(o, 'Locale') === 'en-US');
    if (!en || !attr(en, 'Value')) errors.push(`<${name}> has no en-US <Override>`);
  }

  // Resources: ids, kinds, overrides, lengths.
  const resources = new Map(); // id -> kind
  const used = new Set();
  const vo = one('VersionOverrides');
  const urls = []; // [where, url]
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const n = one(name);
    if (n) urls.push([name, attr(n, 'DefaultValue')]);
  }
  const ds = one('DefaultSettings');
  const src = ds && kids(ds, 'SourceLocation')[0];
  if (!src) errors.push('DefaultSettings must have a SourceLocation');
  else urls.push(['SourceLocation', attr(src, 'DefaultValue')]);
  const domains = (one('AppDomains') ? kids(one('AppDomains'), 'AppDomain') : []).map((d) => d.text);
  for (const d of domains) if (!/^https:\/\//.test(d)) errors.push(`AppDomain is not https: ${d}`);

  const images = new Map(); // resid -> url
  if (vo) {
    if (attr(vo, 'xsi:type') !== 'VersionOverridesV1_0') warnings.push(`VersionOverrides type is ${attr(vo, 'xsi:type')}`);
    const res = kids(vo, 'Resources')[0];
    if (!res) errors.push('VersionOverrides has no <Resources>');
    for (const group of res ? kids(res) : []) {
      const kind = { Images: 'image', Urls: 'url', ShortStrings: 'short', LongStrings: 'long' }[group.name];
      if (!kind) {
        errors.push(`unknown resource group <${group.qname}>`);
        continue;
      }
      for (const item of kids(group)) {
        const rid = attr(item, 'id');
        if (!rid) errors.push(`a resource in <${group.qname}> has no id`);
        else if (resources.has(rid)) errors.push(`resource id ${rid} is declared twice`);
        else if (rid.length > 32) errors.push(`resource id ${rid} is longer than 32 characters`);
        resources.set(rid, kind);
        const value = attr(item, 'DefaultValue');
        if (!value) errors.push(`resource ${rid} has no DefaultValue`);
        if (kind === 'image' || kind === 'url') {
          urls.push([`resource ${rid}`, value]);
          if (kind === 'image') images.set(rid, value);
        } else {
          const max = kind === 'short' ? SHORT_MAX : LONG_MAX;
          const en = kids(item, 'Override').find((o) => attr(o, 'Locale') === 'en-US');
          if (!en || !attr(en, 'Value')) errors.push(`string ${rid} has no en-US <bt:Override>`);
          for (const [where, v] of [['DefaultValue', value], ['en-US', en && attr(en, 'Value')]]) {
            if (v && v.length > max) errors.push(`string ${rid} (${where}) is ${v.length} characters, more than ${max}`);
          }
        }
      }
    }
    // References.
    const controlIds = new Set();
    const imageSizes = []; // [resid, size]
    const functionNames = [];
    walk(vo, (n) => {
      const rid = attr(n, 'resid');
      if (rid !== undefined) {
        used.add(rid);
        const kind = resources.get(rid);
        const want =
          n.name === 'Image' ? 'image' : ['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(n.name) ? 'url' : n.name === 'Description' ? 'long' : 'short';
        if (!kind) errors.push(`<${n.qname} resid="${rid}"> refers to no resource`);
        else if (kind !== want && !(want === 'short' && kind === 'long' && n.name === 'Description')) {
          errors.push(`<${n.qname} resid="${rid}"> needs a ${want} resource, ${rid} is ${kind}`);
        }
        if (n.name === 'Image') imageSizes.push([rid, Number(attr(n, 'size'))]);
      }
      if (n.name === 'Control' || n.name === 'Group' || n.name === 'CustomTab') {
        const cid = attr(n, 'id');
        if (!cid) errors.push(`<${n.name}> without id`);
        else if (controlIds.has(cid)) errors.push(`control id ${cid} is used twice`);
        controlIds.add(cid);
      }
      if (n.name === 'Action' && attr(n, 'xsi:type') === 'ExecuteFunction') {
        const fn = kids(n, 'FunctionName')[0];
        if (!fn || !fn.text) errors.push('an ExecuteFunction action has no FunctionName');
        else functionNames.push(fn.text);
      }
      if (n.name === 'Action' && attr(n, 'xsi:type') === 'ShowTaskpane' && !kids(n, 'SourceLocation').length) errors.push('a ShowTaskpane action has no SourceLocation');
    });
    for (const [rid] of resources) if (!used.has(rid)) warnings.push(`resource ${rid} is never used`);
    for (const [rid, size] of imageSizes) {
      if (![16, 20, 24, 32, 40, 48, 64, 80].includes(size)) errors.push(`icon size ${size} is not one Office uses`);
      const url = images.get(rid);
      if (url) checkIcon(url, size, `resource ${rid}`);
    }
    for (const need of [16, 32, 80]) {
      if (!imageSizes.some(([, s]) => s === need)) errors.push(`the ribbon needs a ${need}px icon`);
    }
    if (functionNames.length && commandsDir) {
      const code = fs.existsSync(commandsDir)
        ? fs.readdirSync(commandsDir).filter((f) => /\.(ts|tsx|js)$/.test(f)).map((f) => fs.readFileSync(path.join(commandsDir, f), 'utf8')).join('\n')
        : '';
      for (const fn of functionNames) {
        if (!new RegExp(`Office\\.actions\\.associate\\(\\s*['"]${fn}['"]`).test(code)) errors.push(`FunctionName ${fn} is not registered with Office.actions.associate in ${path.relative(ROOT, commandsDir)}`);
      }
    }
  }

  // Base icons.
  const icon = one('IconUrl');
  if (icon) checkIcon(attr(icon, 'DefaultValue'), 32, 'IconUrl');
  const hi = one('HighResolutionIconUrl');
  if (hi) checkIcon(attr(hi, 'DefaultValue'), 64, 'HighResolutionIconUrl');
  const store = path.join(assets, 'icon-128.png');
  if (!fs.existsSync(store)) errors.push(`missing ${path.relative(ROOT, store)} (128px icon for the store listing)`);
  else {
    const s = pngSize(store);
    if (!s || s.width !== 128 || s.height !== 128) errors.push(`${path.relative(ROOT, store)} is not a 128×128 PNG`);
  }

  // URLs: https, under an AppDomain or the SourceLocation's origin.
  const srcUrl = src && attr(src, 'DefaultValue');
  let srcOrigin = null;
  try {
    srcOrigin = srcUrl ? new URL(srcUrl).origin : null;
  } catch {
    /* reported below */
  }
  const origins = new Set([srcOrigin, ...domains.map((d) => d.replace(/\/+$/, ''))].filter(Boolean));
  for (const [where, url] of urls) {
    if (!url) continue;
    let u;
    try {
      u = new URL(url);
    } catch {
      errors.push(`${where}: not a URL: ${url}`);
      continue;
    }
    if (u.protocol !== 'https:') errors.push(`${where}: URL is not https: ${url}`);
    if (!origins.has(u.origin)) warnings.push(`${where}: ${url} is outside the SourceLocation origin and the AppDomains`);
  }

  function checkIcon(url, size, where) {
    const envBase = process.env.ADDIN_URL ? process.env.ADDIN_URL.replace(/\/?$/, '/') : null;
    const base = opts.base || envBase || DEV_BASE;
    if (!url || !url.startsWith(base)) {
      warnings.push(`${where}: ${url} is not under ${base}; its file was not checked`);
      return;
    }
    const rel = url.slice(base.length).replace(/^assets\//, '');
    const file = path.join(assets, rel);
    if (!fs.existsSync(file)) {
      errors.push(`${where}: ${url} has no file ${path.relative(ROOT, file)}`);
      return;
    }
    const s = pngSize(file);
    if (!s) errors.push(`${where}: ${path.relative(ROOT, file)} is not a PNG`);
    else if (s.width !== size || s.height !== size) errors.push(`${where}: ${path.relative(ROOT, file)} is ${s.width}×${s.height}, declared ${size}×${size}`);
  }

  return { errors, warnings };
}

module.exports = { validateManifest, pngSize };

if (require.main === module) {
  const args = process.argv.slice(2);
  let file = path.join(ROOT, 'manifest.xml');
  const opts = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--assets') opts.assets = path.resolve(args[++i]);
    else if (args[i] === '--base') opts.base = args[++i];
    else file = path.resolve(args[i]);
  }
  const { errors, warnings } = validateManifest(fs.readFileSync(file, 'utf8'), opts);
  for (const w of warnings) console.log(`warning: ${w}`);
  for (const e of errors) console.log(`error: ${e}`);
  console.log(`${path.relative(process.cwd(), file) || file}: ${errors.length} error(s), ${warnings.length} warning(s)`);
  process.exit(errors.length ? 1 : 0);
}
