/// <reference types="node" />
import { existsSync, readFileSync, readdirSync } from 'node:fs';

import { parseXliffTranslations } from './xliff';

/**
 * Every message of the UI has a translation in every translation file, with the same
 * placeholders as its English source. The source is what `npm run i18n:extract` writes
 * (`npm test` extracts it first).
 */
const LOCALE_DIR = 'src/locale';
const SOURCE_FILE = `${LOCALE_DIR}/messages.xlf`;

/** The English source of each message, in the form `parseXliffTranslations` gives targets. */
function sourceMessages(xliff: string): Record<string, string> {
  // Each unit's source, read as if it were the target.
  return parseXliffTranslations(
    xliff.replace(/<target>[\s\S]*?<\/target>/g, '').replace(/<(\/?)source>/g, '<$1target>'),
  );
}

/** The placeholders of a message, sorted, with repeats (ICU branches may repeat one). */
function placeholders(message: string): string[] {
  return [...new Set(message.match(/\{\$[A-Za-z0-9_]+\}/g) ?? [])].sort();
}

/** The ICU keyword and case names of a message (`{VAR_PLURAL, plural, =1 {…} other {…}}`). */
function icuShape(message: string): string[] {
  return [
    ...message.matchAll(/\{(VAR_[A-Z_]+), (plural|select),|(?:^|[\s}])(=\d+|zero|one|two|few|many|other) \{/g),
  ].map((match) => match[0].trim());
}

const translationFiles = readdirSync(LOCALE_DIR).filter((name) => /^messages\.[a-z-]+\.xlf$/i.test(name));

describe('translations', () => {
  it('has the extracted source messages to compare with (run npm run i18n:extract)', () => {
    expect(existsSync(SOURCE_FILE)).toBe(true);
  });

  it('has a German translation file', () => {
    expect(translationFiles).toContain('messages.de.xlf');
  });

  describe.each(translationFiles)('%s', (file) => {
    const source = existsSync(SOURCE_FILE) ? sourceMessages(readFileSync(SOURCE_FILE, 'utf8')) : {};
    const translated = parseXliffTranslations(readFileSync(`${LOCALE_DIR}/${file}`, 'utf8'));

    it('translates every message', () => {
      const missing = Object.keys(source).filter((id) => !translated[id]?.trim());
      expect(missing, `messages without a translation in ${file}`).toEqual([]);
    });

    it('keeps the placeholders and ICU cases of each message', () => {
      const differing = Object.keys(source)
        .filter((id) => translated[id])
        .filter(
          (id) =>
            placeholders(source[id]!).join() !== placeholders(translated[id]!).join() ||
            icuShape(source[id]!).join() !== icuShape(translated[id]!).join(),
        )
        .map((id) => `${id}: ${source[id]} → ${translated[id]}`);
      expect(differing, `translations whose placeholders differ from the source in ${file}`).toEqual([]);
    });

    it('has no translations of messages that no longer exist', () => {
      const obsolete = Object.keys(translated).filter((id) => !(id in source));
      expect(obsolete, `translations without a source message in ${file} (npm run i18n:extract removes them)`).toEqual(
        [],
      );
    });
  });
});
