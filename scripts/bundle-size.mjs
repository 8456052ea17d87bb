#!/usr/bin/env node
/**
 * `npm run bundle-size`: prints the size of the UI's initial JavaScript in the production build
 * (dist/osb-marketplace/browser): the scripts index.html loads and every chunk they import
 * statically, and the start-up chain main imports lazily (the start-up module, and the app it imports
 * once the translations are loaded), raw and gzip-compressed (level 9, file by file, as a server would send them).
 * Run `npm run build` first. It prints figures and judges nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const browserDir = join(import.meta.dirname, '..', 'dist', 'osb-marketplace', 'browser');
const html = readFileSync(join(browserDir, 'index.html'), 'utf8');
const pending = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((match) => match[1]);
const initial = new Set();
// Files whose lazy imports (`import("…")`) are part of the start: main, which imports the
// start-up module that way (a page that leaves for the sign-in skips it), and that module, which
// imports the app once the translations are loaded: the app is needed before the first page shows.
const startUp = new Set(pending.filter((file) => /^main-[A-Z0-9]+\.js$/.test(file)));
while (pending.length > 0) {
  const file = pending.pop();
  if (initial.has(file)) continue;
  initial.add(file);
  const source = readFileSync(join(browserDir, file), 'utf8');
  // Static imports (`import{a}from"./chunk.js"`, `import"./chunk.js"`).
  for (const match of source.matchAll(/\bimport\s*(?:[\w$*{}\s,]*?\bfrom\s*)?"\.\/([^"]+\.js)"/g))
    pending.push(match[1]);
  if (startUp.has(file)) {
    for (const match of source.matchAll(/\bimport\(\s*"\.\/([^"]+\.js)"\s*\)/g)) {
      if (isOtherLocaleData(match[1])) continue;
      pending.push(match[1]);
      if (/^main-/.test(file)) startUp.add(match[1]);
    }
  }
}

/**
 * Whether a chunk is Angular's locale data of a language other than English (dates, numbers),
 * which only a start in that language loads: its data array opens with the locale id and the
 * day periods, as in `["de",[["AM","PM"]]`.
 */
function isOtherLocaleData(file) {
  return /=\["(?!en")[a-z]{2,3}(?:-[A-Za-z0-9]+)*",\[\["/.test(readFileSync(join(browserDir, file), 'utf8'));
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
