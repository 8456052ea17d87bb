import { initialLanguage, rememberLanguage, LANGUAGE_STORAGE_KEY } from './language-preference';
import { languageOfTag, preferredLanguage } from './languages';

/** A Storage that keeps its items in a map. */
function memoryStorage(items: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> {
  const map = new Map(Object.entries(items));
  return { getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value) };
}

describe('choosing the language', () => {
  it('reads the primary subtag of a language tag', () => {
    expect(languageOfTag('de-DE')).toBe('de');
    expect(languageOfTag('de_AT')).toBe('de');
    expect(languageOfTag('EN-gb')).toBe('en');
    expect(languageOfTag('fr-CH')).toBeUndefined();
    expect(languageOfTag('')).toBeUndefined();
  });

  it("takes the first of the browser's languages the marketplace speaks, else English", () => {
    expect(preferredLanguage(['fr-CH', 'de-CH', 'en'])).toBe('de');
    expect(preferredLanguage(['en-US', 'de'])).toBe('en');
    expect(preferredLanguage(['fr', 'it'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });

  it('prefers the language the user chose before over the browser', () => {
    const storage = memoryStorage();
    expect(initialLanguage(['de-DE'], storage)).toBe('de');
    rememberLanguage('en', storage);
    expect(storage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(initialLanguage(['de-DE'], storage)).toBe('en');
  });

  it('ignores a stored value that is no language it speaks, and storage that refuses', () => {
    expect(initialLanguage(['de'], memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'klingon' }))).toBe('de');
    const refusing = {
      getItem: () => {
        throw new Error('blocked');
      },
    };
    expect(initialLanguage(['de'], refusing)).toBe('de');
  });
});
