#!/usr/bin/env node
// Draws images/icon.png (128×128): a container box inside a shield, in two colours. Kept as a
// script so the icon can be regenerated without an image editor.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const S = 128;
const px = Buffer.alloc(S * S * 4);
const set = (x, y, [r, g, b, a]) => {
  const i = (y * S + x) * 4;
  px[i] = r;
  px[i + 1] = g;
  px[i + 2] = b;
  px[i + 3] = a;
};
const navy = [22, 48, 86, 255];
const teal = [32, 178, 170, 255];
const white = [240, 248, 255, 255];
for (let y = 0; y < S; y++) {
  for (let x = 0; x < S; x++) {
    const cx = x - 64;
    // Shield: a rounded top half and a point at the bottom.
    const halfWidth = y < 70 ? 54 : 54 * (1 - (y - 70) / 52);
    const inShield = y >= 8 && y <= 122 && Math.abs(cx) <= halfWidth;
    if (!inShield) continue;
    const border = Math.abs(cx) > halfWidth - 6 || y < 14;
    set(x, y, border ? teal : navy);
  }
}
// The container: a box with three ribs.
for (let y = 44; y <= 84; y++) {
  for (let x = 34; x <= 94; x++) {
    const edge = y < 48 || y > 80 || x < 38 || x > 90;
    const rib = (x - 38) % 13 < 3;
    if (edge || rib) set(x, y, white);
  }
}
const rows = [];
for (let y = 0; y < S; y++) rows.push(Buffer.from([0]), px.subarray(y * S * 4, (y + 1) * S * 4));
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr[8] = 8;
ihdr[9] = 6;
ihdr[10] = 0;
ihdr[11] = 0;
ihdr[12] = 0;
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(Buffer.concat(rows))),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
