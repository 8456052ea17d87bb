#!/usr/bin/env node
/**
 * Brings the translation files in step with the extracted source (`src/locale/messages.xlf`,
 * written by `ng extract-i18n`): each `messages.<language>.xlf` gets every source unit, sorted by
 * id, with the current English source and note and the translation it already had. Units whose
 * message is gone are dropped; new ones come without a `<target>` and are listed, as are those
 * whose English source changed since they were translated (their target stays for review).
 *
 * `npm run i18n:extract` runs it after extraction. Exits non-zero when a translation is missing.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const localeDir = join(import.meta.dirname, '..', 'src', 'locale');
const source = readUnits(readFileSync(join(localeDir, 'messages.xlf'), 'utf8'));
let missing = 0;

for (const file of readdirSync(localeDir).filter((name) => /^messages\.[a-z-]+\.xlf$/i.test(name))) {
  const path = join(localeDir, file);
  const translated = new Map(readUnits(readFileSync(path, 'utf8')).map((unit) => [unit.id, unit]));
  const language = file.split('.')[1];
  const units = [...source].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file source-language="en" target-language="${language}" datatype="plaintext" original="ng2.template">`,
    '    <body>',
  ];
  const untranslated = [];
  const changed = [];
  for (const unit of units) {
    const old = translated.get(unit.id);
    if (!old?.target) untranslated.push(unit.id);
    else if (withoutEquivText(old.source) !== withoutEquivText(unit.source)) changed.push(unit.id);
    lines.push(`      <trans-unit id="${unit.id}" datatype="html">`, `        <source>${unit.source}</source>`);
    if (old?.target) lines.push(`        <target>${old.target}</target>`);
    for (const note of unit.notes) lines.push(`        ${note}`);
    lines.push('      </trans-unit>');
  }
  lines.push('    </body>', '  </file>', '</xliff>', '');
  writeFileSync(path, lines.join('\n'));
  missing += untranslated.length;
  console.log(
    `${file}: ${units.length} messages, ${untranslated.length} without translation, ${changed.length} with a changed source`,
  );
  for (const id of untranslated) console.log(`  missing: ${id}`);
  for (const id of changed) console.log(`  source changed, check the translation: ${id}`);
}
process.exitCode = missing > 0 ? 1 : 0;

/** A message without the code its placeholders stand for (`equiv-text`), which does not change its meaning. */
function withoutEquivText(xml) {
  return xml.replace(/ equiv-text="[^"]*"/g, '');
}

/** The units of an XLIFF 1.2 file in Angular's layout: id, source, target and notes as raw XML. */
function readUnits(xml) {
  return [...xml.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id,
    source: body.match(/<source>([\s\S]*?)<\/source>/)?.[1] ?? '',
    target: body.match(/<target[^>]*>([\s\S]*?)<\/target>/)?.[1],
    notes: [...body.matchAll(/<note [^>]*>[\s\S]*?<\/note>/g)].map(([note]) => note),
  }));
}
