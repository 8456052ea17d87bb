import { clearTranslations, loadTranslations } from '@angular/localize';

import { normalizeParameterSchema } from '@osb/json-schema';
import { schemaNoteText, unrenderableText } from './schema-note-texts';

describe('schema note texts', () => {
  afterEach(() => clearTranslations());

  it('translates what the form changed from the note codes, with where it applies', () => {
    loadTranslations({
      'schemaNote.unknownKeyword': 'Das unbekannte Schlüsselwort „{$keyword}“ wurde übergangen.',
    });
    const result = normalizeParameterSchema({ properties: { a: { type: 'string', prescribed: true } } });
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.notes.map(schemaNoteText)).toEqual([
      '#/properties/a: Das unbekannte Schlüsselwort „prescribed“ wurde übergangen.',
    ]);
  });

  it('says why a schema is refused in the user’s language, numbers in its format', () => {
    loadTranslations({ 'schemaRefusal.tooManyParts': 'es hat mehr als {$limit} Teile' });
    $localize.locale = 'de';
    try {
      expect(unrenderableText({ code: 'tooManyParts', limit: 5000 })).toBe('es hat mehr als 5.000 Teile');
    } finally {
      $localize.locale = undefined;
    }
  });
});
