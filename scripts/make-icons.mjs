// `node scripts/make-icons.mjs`: draws the tray icons and the app icon into build/, with no
// dependency (shapes are signed distances, anti-aliased by 4×4 supersampling, and the PNGs are
// written with node:zlib). The outputs are committed; run this again after changing a shape.
//
// The glyph is a key. The states differ in shape as well as colour, because macOS template images
// are one colour: signed out is a faint key, active a solid key, expiring a key with a clock badge,
// expired a key with a "no entry" badge.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const states = ['signed-out', 'active', 'expiring', 'expired'];

// Windows and Linux icons: mid-tone colours that read on both light and dark taskbars.
const colours = {
  'signed-out': [138, 143, 152],
  active: [46, 164, 79],
  expiring: [224, 150, 0],
  expired: [215, 58, 73],
};

// ---- Shapes, in a 16×16 design space (y down). A shape maps a point to "inside?".

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));
const minus = (shape, hole) => (x, y) => shape(x, y) && !hole(x, y);

// The key: a ring (the bow) with a shaft and two teeth, in the upper part of the square.
const key = union(
  minus(circle(5, 6.5, 4.2), circle(5, 6.5, 1.7)),
  rect(8.6, 5.6, 15.4, 7.6),
  rect(11.4, 7.6, 12.9, 10.2),
  rect(13.9, 7.6, 15.4, 9.4),
);

// The badge sits at the bottom right, cut out of the key with a clear margin.
const badge = { x: 11.8, y: 12, r: 3.7, margin: 1.3 };
const badgeArea = circle(badge.x, badge.y, badge.r + badge.margin);
const clockBadge = union(
  minus(circle(badge.x, badge.y, badge.r), circle(badge.x, badge.y, badge.r - 1.3)),
  rect(badge.x - 0.55, badge.y - 2.2, badge.x + 0.55, badge.y + 0.5),
  rect(badge.x - 0.55, badge.y - 0.5, badge.x + 1.9, badge.y + 0.5),
);
const noEntryBadge = minus(
  circle(badge.x, badge.y, badge.r),
  rect(badge.x - 2.3, badge.y - 0.7, badge.x + 2.3, badge.y + 0.7),
);

/** Each state as layers of [shape, opacity]; later layers paint over earlier ones. */
const glyphs = {
  'signed-out': [[key, 0.5]],
  active: [[key, 1]],
  expiring: [
    [minus(key, badgeArea), 1],
    [clockBadge, 1],
  ],
  expired: [
    [minus(key, badgeArea), 1],
    [noEntryBadge, 1],
  ],
};

// ---- Rasterising.

const samples = 4;

/** Coverage (0–1) of `shape` over pixel (px, py) of a size×size image of the 16-unit design. */
function coverage(shape, px, py, size, designSize = 16) {
  let inside = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = ((px + (sx + 0.5) / samples) / size) * designSize;
      const y = ((py + (sy + 0.5) / samples) / size) * designSize;
      if (shape(x, y)) inside++;
    }
  }
  return inside / (samples * samples);
}

/** An RGBA image of the layers, each painted in `rgb` at its opacity (source-over). */
function paint(size, layers, rgbOf) {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const [shape, opacity, rgb] of layers.map(([shape, opacity], index) => [
        shape,
        opacity,
        rgbOf(index),
      ])) {
        const alpha = coverage(shape, px, py, size) * opacity;
        if (alpha === 0) continue;
        const outA = alpha + a * (1 - alpha);
        r = (rgb[0] * alpha + r * a * (1 - alpha)) / outA;
        g = (rgb[1] * alpha + g * a * (1 - alpha)) / outA;
        b = (rgb[2] * alpha + b * a * (1 - alpha)) / outA;
        a = outA;
      }
      const offset = (py * size + px) * 4;
      pixels.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], offset);
    }
  }
  return pixels;
}

// ---- PNG (RGBA, 8 bits per channel, filter 0 on each row).

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, adaptive filtering, no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(rows, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function write(relativePath, size, rgba) {
  const file = join(root, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, png(size, size, rgba));
  console.log(`wrote ${relativePath} (${size}×${size})`);
}

// ---- The files.

const black = () => [0, 0, 0];
for (const state of states) {
  const layers = glyphs[state];
  write(`build/tray/${state}Template.png`, 16, paint(16, layers, black));
  write(`build/tray/${state}Template@2x.png`, 32, paint(32, layers, black));
  // In colour, grey already says "signed out": the key stays opaque to read on dark taskbars.
  const opaque = layers.map(([shape]) => [shape, 1]);
  const colour = () => colours[state];
  write(`build/tray/${state}.png`, 16, paint(16, opaque, colour));
  write(`build/tray/${state}@2x.png`, 32, paint(32, opaque, colour));
  write(`build/tray/${state}-24.png`, 24, paint(24, opaque, colour));
}

// The app icon (installers, the About panel): the active key, light on a dark rounded square.
const iconSize = 512;
const tile = (x, y) => {
  // A rounded square with a 3.2-unit corner radius and a 0.8-unit margin, in the 16-unit space.
  const [lo, hi, radius] = [0.8, 15.2, 3.2];
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  return x >= lo && x <= hi && y >= lo && y <= hi && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};
const centredKey = (x, y) => key((x - 8) / 0.72 + 8 - 0.2, (y - 8) / 0.72 + 8 - 1.5);
write(
  'build/icon.png',
  iconSize,
  paint(
    iconSize,
    [
      [tile, 1],
      [centredKey, 1],
    ],
    (index) => (index === 0 ? [35, 47, 62] : [255, 176, 46]),
  ),
);
