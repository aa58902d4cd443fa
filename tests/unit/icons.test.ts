// The committed icons (scripts/make-icons.mjs): every file the tray may ask for exists and is a
// PNG of the right size; macOS template images are black with alpha only, as the menu bar needs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trayIconFile, trayIconFileNames, trayIconStates } from '../../electron/main/tray-icon-paths';

const buildFolder = fileURLToPath(new URL('../../build', import.meta.url));

interface Png {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, row after row. */
  pixels: Uint8Array;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what make-icons writes), checking each chunk's CRC. */
function readPng(file: string): Png {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  const types: string[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(
      crc32(bytes.subarray(offset + 4, offset + 8 + length)),
    );
    types.push(type);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  if (!header) throw new Error(`${file} has no IHDR`);
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  // Bit depth 8, colour type 6 (RGBA), deflate, filter method 0, no interlace.
  expect([...header.subarray(8, 13)]).toEqual([8, 6, 0, 0, 0]);
  return { width, height, pixels: unfilter(inflateSync(Buffer.concat(data)), width, height) };
}

function unfilter(raw: Buffer, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? -1];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${String(filter)}`);
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** How many pixels are mostly opaque (a faint signed-out key counts), and the distinct RGB colours of the visible pixels. */
function inked(png: Png): { opaque: number; colours: Set<string> } {
  let opaque = 0;
  const colours = new Set<string>();
  for (let i = 0; i < png.pixels.length; i += 4) {
    const alpha = png.pixels[i + 3] ?? 0;
    if (alpha >= 96) opaque++;
    if (alpha > 0) colours.add(`${png.pixels[i] ?? 0},${png.pixels[i + 1] ?? 0},${png.pixels[i + 2] ?? 0}`);
  }
  return { opaque, colours };
}

const expectedSize = (name: string): number =>
  name.includes('@2x') ? 32 : name.endsWith('-24.png') ? 24 : 16;

describe('tray icons', () => {
  it.each(trayIconFileNames())('build/tray/%s is a PNG of its stated size with something drawn', (name) => {
    const png = readPng(join(buildFolder, 'tray', name));
    expect([png.width, png.height]).toEqual([expectedSize(name), expectedSize(name)]);
    expect(inked(png).opaque).toBeGreaterThan(png.width * png.height * 0.1);
  });

  it.each(trayIconStates)('the %s template images are black with alpha only', (state) => {
    for (const name of [`${state}Template.png`, `${state}Template@2x.png`]) {
      const { colours } = inked(readPng(join(buildFolder, 'tray', name)));
      expect([...colours]).toEqual(['0,0,0']);
    }
  });

  it('draws the four states differently, in shape (for the one-colour menu bar) and in colour', () => {
    const templates = trayIconStates.map((state) =>
      Buffer.from(readPng(join(buildFolder, 'tray', `${state}Template@2x.png`)).pixels).toString('base64'),
    );
    expect(new Set(templates).size).toBe(4);
    const colours = trayIconStates.map(
      (state) => [...inked(readPng(join(buildFolder, 'tray', `${state}.png`))).colours][0],
    );
    expect(new Set(colours).size).toBe(4);
  });

  it('names the platform file of every state, and each exists', () => {
    for (const state of trayIconStates) {
      expect(trayIconFile(state, 'darwin', '/Applications/SSO Tray.app/Contents/Resources')).toBe(
        `/Applications/SSO Tray.app/Contents/Resources/tray/${state}Template.png`,
      );
      expect(trayIconFile(state, 'win32', 'C:\\Program Files\\SSO Tray\\resources')).toBe(
        `C:\\Program Files\\SSO Tray\\resources\\tray\\${state}.png`,
      );
      expect(trayIconFile(state, 'linux', '/opt/SSO Tray/resources')).toBe(
        `/opt/SSO Tray/resources/tray/${state}-24.png`,
      );
      for (const platform of ['darwin', 'win32', 'linux'] as const)
        expect(existsSync(trayIconFile(state, platform, buildFolder).replaceAll('\\', '/'))).toBe(true);
    }
  });
});

describe('the app icon', () => {
  it('build/icon.png is a 512×512 PNG, as electron-builder needs for macOS, Windows and Linux', () => {
    const png = readPng(join(buildFolder, 'icon.png'));
    expect([png.width, png.height]).toEqual([512, 512]);
    expect(inked(png).opaque).toBeGreaterThan(512 * 512 * 0.5);
  });
});
