#!/usr/bin/env node
/**
 * `npm run bundle-size`: prints the size of the UI's initial JavaScript in the production build
 * (dist/osb-marketplace/browser): the scripts index.html loads and every chunk they import
 * statically (and the app main imports once the translations are loaded), raw and gzip-compressed (level 9, file by file, as a server would send them).
 * Run `npm run build` first. It prints figures and judges nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const browserDir = join(import.meta.dirname, '..', 'dist', 'osb-marketplace', 'browser');
const html = readFileSync(join(browserDir, 'index.html'), 'utf8');
const pending = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((match) => match[1]);
const initial = new Set();
while (pending.length > 0) {
  const file = pending.pop();
  if (initial.has(file)) continue;
  initial.add(file);
  const source = readFileSync(join(browserDir, file), 'utf8');
  // Static imports (`import{a}from"./chunk.js"`, `import"./chunk.js"`); `import("…")` is lazy,
  // except in main, which imports the app that way once its translations are loaded: the app
  // is needed before the first page shows.
  for (const match of source.matchAll(/\bimport\s*(?:[\w$*{}\s,]*?\bfrom\s*)?"\.\/([^"]+\.js)"/g))
    pending.push(match[1]);
  if (/^main-[A-Z0-9]+\.js$/.test(file)) {
    for (const match of source.matchAll(/\bimport\(\s*"\.\/([^"]+\.js)"\s*\)/g)) pending.push(match[1]);
  }
}

let raw = 0;
let gzip = 0;
const rows = [...initial].map((file) => {
  const bytes = readFileSync(join(browserDir, file));
  const compressed = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += compressed;
  return { file, raw: bytes.length, gzip: compressed };
});
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`.padStart(10);
for (const row of rows.sort((a, b) => b.gzip - a.gzip)) console.log(`${kB(row.raw)} ${kB(row.gzip)}  ${row.file}`);
console.log(`${kB(raw)} ${kB(gzip)}  initial JavaScript in ${rows.length} files (raw, gzip -9)`);
