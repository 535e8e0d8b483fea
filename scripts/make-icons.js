// Draws the add-in's icons (a small official-looking table with one red cell) as PNG files in assets/.
// Run: node scripts/make-icons.js — the PNGs are committed; this script only documents how they were made.
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { deflateSync } = require("node:zlib");

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function icon(size) {
  const m = Math.max(1, Math.round(size / 16)); // margin and line width
  const cells = 3;
  const step = Math.floor((size - 2 * m) / cells);
  const inner = step * cells + m;
  const off = Math.floor((size - inner) / 2);
  return png(size, (x, y) => {
    const ix = x - off, iy = y - off;
    if (ix < 0 || iy < 0 || ix >= inner || iy >= inner) return [0, 0, 0, 0];
    const onLine = ix % step < m || iy % step < m || ix >= inner - m || iy >= inner - m;
    if (onLine) return [0x1f, 0x4e, 0x8c, 255]; // blue grid
    const col = Math.floor(ix / step), row = Math.floor(iy / step);
    if (row === 0) return [0xd6, 0xe4, 0xf5, 255]; // header row
    if (row === 2 && col === 2) return [0xd1, 0x34, 0x38, 255]; // the cell that does not add up
    return [255, 255, 255, 255];
  });
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(__dirname, "..", "assets", `icon-${size}.png`), icon(size));
