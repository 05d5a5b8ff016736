/**
 * The .xlsx package as a zip: read its directory, inflate only the parts asked for, and write a new zip
 * that copies every unchanged entry's compressed bytes as they are (no inflate, no deflate). Unzipping a
 * 10,000-row workbook whole takes about 60 ms and zipping it again 180 ms; a plan that changes one sheet
 * and the styles pays for those two parts only.
 *
 * Node's zlib (native) deflates and inflates where it exists; in the browser (webpack maps `zlib` to
 * nothing) fflate does. Zip64 archives and entries with data descriptors whose sizes the directory does
 * not give are read through fflate's unzip instead, and written back as new entries.
 */
import { deflateSync, inflateSync, unzipSync } from 'fflate';

interface NativeZlib {
  deflateRawSync?(data: Uint8Array, opts?: { level?: number }): Uint8Array;
  inflateRawSync?(data: Uint8Array): Uint8Array;
  crc32?(data: Uint8Array, value?: number): number;
}

/** Node's zlib, or nothing (browser bundles map it to an empty module). */
const zlib: NativeZlib = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('zlib') as NativeZlib;
  } catch {
    return {};
  }
})();

/** Compression level of rewritten parts (zlib's default: the size Excel itself writes, at native speed). */
const LEVEL = 6;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date of the entry. */
  time: number;
  date: number;
  /** The compressed bytes (a view into the archive), or the uncompressed data for entries read by fflate. */
  raw: Uint8Array;
  /** Set when `raw` is already uncompressed (method 0 with a stale directory, or read by fflate). */
  inflated?: boolean;
}

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** The entries of a zip archive, in directory order. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a zip archive');
  const count = u16(bytes, eocd + 10);
  const dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return readWithFflate(bytes);
  const out: ZipEntry[] = [];
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (u32(bytes, p) !== 0x02014b50) throw new ZipError('corrupt zip directory');
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return readWithFflate(bytes);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (u32(bytes, local) !== 0x04034b50) throw new ZipError(`corrupt zip entry ${name}`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (method !== 0 && method !== 8) throw new ZipError(`unsupported compression in ${name}`);
    out.push({ name, method, crc, compressedSize, size, time, date, raw: bytes.subarray(start, start + compressedSize) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function readWithFflate(bytes: Uint8Array): ZipEntry[] {
  const files = unzipSync(bytes);
  return Object.entries(files).map(([name, data]) => ({ name, method: 0, crc: crc32(data), compressedSize: data.length, size: data.length, time: 0, date: 0x21, raw: data, inflated: true }));
}

/** The uncompressed bytes of an entry. */
export function inflateEntry(e: ZipEntry): Uint8Array {
  if (e.inflated || e.method === 0) return e.raw;
  const data = zlib.inflateRawSync ? new Uint8Array(zlib.inflateRawSync(e.raw)) : inflateSync(e.raw, { out: new Uint8Array(e.size) });
  if (data.length !== e.size) throw new ZipError(`corrupt zip entry ${e.name}`);
  return data;
}

export function decodeUtf8(data: Uint8Array): string {
  // A byte-order mark is not part of the XML text.
  const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  return utf8.decode(start ? data.subarray(start) : data);
}

export function encodeUtf8(s: string): Uint8Array {
  return encoder.encode(s);
}

// -------------------------------------------------------------------------------------------------
// CRC-32

let table: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (zlib.crc32) return zlib.crc32(data) >>> 0;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// -------------------------------------------------------------------------------------------------
// Writing

/** An entry to write: an entry read from the input (copied as it is), or new data (compressed here). */
export type OutEntry = { name: string; entry: ZipEntry } | { name: string; data: Uint8Array };

function compress(name: string, data: Uint8Array, time: number, date: number): ZipEntry {
  const crc = crc32(data);
  if (data.length < 64) return { name, method: 0, crc, compressedSize: data.length, size: data.length, time, date, raw: data };
  const raw = zlib.deflateRawSync ? new Uint8Array(zlib.deflateRawSync(data, { level: LEVEL })) : deflateSync(data, { level: LEVEL });
  return { name, method: 8, crc, compressedSize: raw.length, size: data.length, time, date, raw };
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Writes a zip archive of `entries`, in order. */
export function writeZip(entries: OutEntry[]): Uint8Array {
  const now = dosNow();
  const list = entries.map((e): { name: Uint8Array; z: ZipEntry } => {
    let z: ZipEntry;
    if ('entry' in e) z = e.entry.inflated ? compress(e.name, e.entry.raw, e.entry.time, e.entry.date) : e.entry;
    else z = compress(e.name, e.data, now.time, now.date);
    return { name: encodeUtf8(e.name), z };
  });
  let size = 22;
  for (const { name, z } of list) size += 30 + name.length + z.compressedSize + 46 + name.length;
  if (size > 0xffffffff || list.length > 0xfffe) throw new ZipError('workbook too large for a zip without zip64');
  const out = new Uint8Array(size);
  let p = 0;
  const w16 = (v: number) => {
    out[p++] = v & 0xff;
    out[p++] = (v >>> 8) & 0xff;
  };
  const w32 = (v: number) => {
    w16(v & 0xffff);
    w16((v >>> 16) & 0xffff);
  };
  const offsets: number[] = [];
  for (const { name, z } of list) {
    offsets.push(p);
    const utf = name.some((b) => b > 0x7f) ? 0x800 : 0;
    w32(0x04034b50);
    w16(20);
    w16(utf);
    w16(z.method);
    w16(z.time);
    w16(z.date);
    w32(z.crc);
    w32(z.compressedSize);
    w32(z.size);
    w16(name.length);
    w16(0);
    out.set(name, p);
    p += name.length;
    out.set(z.raw, p);
    p += z.compressedSize;
  }
  const dir = p;
  list.forEach(({ name, z }, i) => {
    const utf = name.some((b) => b > 0x7f) ? 0x800 : 0;
    w32(0x02014b50);
    w16(20);
    w16(20);
    w16(utf);
    w16(z.method);
    w16(z.time);
    w16(z.date);
    w32(z.crc);
    w32(z.compressedSize);
    w32(z.size);
    w16(name.length);
    w16(0);
    w16(0);
    w16(0);
    w16(0);
    w32(0);
    w32(offsets[i]);
    out.set(name, p);
    p += name.length;
  });
  const dirSize = p - dir;
  w32(0x06054b50);
  w16(0);
  w16(0);
  w16(list.length);
  w16(list.length);
  w32(dirSize);
  w32(dir);
  w16(0);
  return out;
}
